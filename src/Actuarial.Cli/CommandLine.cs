using System.Globalization;
using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>Exit codes of the <c>actuarial</c> command.</summary>
internal static class ExitCode
{
    /// <summary>Success (and, for verify, every measure within tolerance).</summary>
    public const int Ok = 0;
    /// <summary>verify: a measure moved beyond its tolerance, appeared or disappeared.</summary>
    public const int VerificationFailed = 1;
    /// <summary>Bad command line: unknown command or flag, missing argument.</summary>
    public const int Usage = 2;
    /// <summary>Bad input: a scenario file or golden table that cannot be read or is not valid.</summary>
    public const int BadInput = 3;
    /// <summary>The output folder cannot be written.</summary>
    public const int OutputFailed = 4;
    /// <summary>--cluster: the cluster cannot be reached, or a shard failed on every attempt.</summary>
    public const int ClusterFailed = 5;
    /// <summary>The job was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}

/// <summary>Parses the command line and dispatches to the commands; never throws for bad input, returns an exit code.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage:
          actuarial run <scenario.json> [--out DIR [--force] [--report]]
          actuarial compare <a.json> <b.json> [more.json ...] [--out DIR [--force] [--report]]
          actuarial report <scenario.json> [more.json ...] --out DIR [--force]
          actuarial verify <scenario.json> --golden <table.csv> [--update] [--all]
          actuarial stress <scenario.json> [--out DIR [--force]]
          actuarial rerun <manifest.json> --out DIR [--force]
          actuarial explain <measure> [scenario.json]
          actuarial docs --out DIR
          actuarial montecarlo <scenario.json> --paths N --seed S [--threads T] [--quiet] [--cluster HOST:PORT [--shards K]] [--out DIR [--force]]
          actuarial sweep <scenario.json> [--lever KEY=V1,V2,... ...] [--levers FILE.csv] [--quiet] [--cluster HOST:PORT] [--out DIR [--force]]
          actuarial silo [--port P] [--gateway-port G] [--primary HOST:PORT] [--advertise IP]
          actuarial --help

          run      runs a scenario (the China defaults plus the file's overrides) and prints its summary; with --out,
                   writes tidy CSV tables and PNG charts to DIR, whole or not at all: into a temporary folder beside DIR,
                   moved into place at the end. DIR must be new, empty or an earlier run's outputs; --force writes into
                   a folder holding other files (each output replaced whole). System folders (/, /usr, ...) are refused.
                   Tables: units in every column name, rounded (docs/tables.md), also in one workbook, results.xlsx.
                   --report adds report.html: one self-contained page (no server, no network) with the question, the
                   assumptions, the headline with its terms defined, interactive charts and the key tables.
          compare  runs two or more scenarios and prints their summaries side by side; with --out, writes the
                   comparison and difference charts and each scenario's key measures to DIR (--report: report.html).
          report   the same as run --out DIR --report for one scenario file, or compare --out DIR --report for several.
          verify   reruns a scenario and compares its key measures with a golden table (tidy CSV); prints what moved
                   and by how much (--all: every measure) and exits with 1 when a measure moved beyond its tolerance.
                   --update rewrites the golden table with the current values on purpose (keeping its tolerances),
                   written to a temporary file and renamed, so an interrupted update leaves the old table.
          stress   runs scenario.json with and without each shock of the standard stress set (the 2020 episode, a
                   deferral, unemployment, a wage freeze, returns, excess mortality, births; docs/stress-tests.md) and
                   prints, for ten years from each shock, the lowest months of payment, the provinces that run out and
                   the extra money needed and when; --out DIR writes stress_results.csv.
          rerun    repeats a run from the manifest.json that run --out writes beside its outputs (library version, the
                   scenario file's text and hash, every lever's value and source, every data file and output with its
                   hash) and exits with 1 unless every output is identical.
          explain  prints how a headline measure (depletion_year, first_deficit_year,
                   first_deficit_year_excluding_subsidies, peak_balance_yuan) of a scenario (default: the China defaults)
                   was computed: the rule, the ledger lines that decide it, the levers and data files that feed them.
          montecarlo  runs N provincial Monte Carlo paths of the scenario (default shocks: PensionMonteCarlo.DefaultShocks)
                   with seed S; the result is the same bit for bit whatever T (threads, default one per core) or the
                   cluster. Prints the depletion probabilities and the fan; with --out, writes national_balance_fan.csv,
                   depletion_by_year.csv, province_depletion.csv and the fan and depletion-probability charts. Shows
                   progress on standard error (paths done, rate, time left) unless --quiet or standard error is redirected;
                   --report adds report.html (the fan and depletion probabilities, drawn from the same result).
          sweep    one lever at a time: the base scenario and one run per --lever value (scenario-file keys, e.g.
                   --lever scheme.contributions.employer_rate=0.14,0.18), or per line of --levers FILE (key,value). With
                   no lever, the standard tornado (low-cost and high-cost values of seven levers, docs/sweep.md): first
                   deficit year, depletion year and 75-year actuarial balance; with --out, sweep.csv, tornado.csv and
                   tornado charts; --report adds report.html with the tornadoes and the runs' table.
          silo     starts an Orleans silo on this machine that runs montecarlo and sweep shards (docs/cluster.md).
          docs     writes scenario-file.md and scenario-file.schema.json, generated from the lever catalogue, to DIR.

        exit codes: 0 ok, 1 verification failed, 2 bad command line, 3 bad scenario file or golden table, 4 output not writable,
                    5 cluster unreachable or a shard failed on every attempt, 130 cancelled.
        scenario files: docs/scenario-file.md.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Actuarial.IO.AtomicFile? files = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? ExitCode.Usage : ExitCode.Ok;
        }
        try
        {
            var parsed = Arguments.Parse(args[1..]);
            if (parsed.Help)
            {
                stdout.WriteLine(Usage);
                return ExitCode.Ok;
            }
            var commands = new Commands(stdout, stderr, files);
            return args[0] switch
            {
                "run" => commands.RunScenario(parsed.Require(1, 1, "run <scenario.json>").Positional[0], parsed.Only("--out", "--force", "--report").NeedsOut().Out, parsed.Force, parsed.Report),
                "compare" => commands.Compare(parsed.Require(2, int.MaxValue, "compare <a.json> <b.json> [...]").Only("--out", "--force", "--report").NeedsOut().Positional, parsed.Out, parsed.Force, parsed.Report),
                "report" => parsed.Require(1, int.MaxValue, "report <scenario.json> [more.json ...] --out DIR").Only("--out", "--force").Out is null
                    ? throw new UsageException("report needs --out DIR (the page and the files it links to are written there)")
                    : parsed.Positional.Count == 1 ? commands.RunScenario(parsed.Positional[0], parsed.Out, parsed.Force, report: true)
                    : commands.Compare(parsed.Positional, parsed.Out, parsed.Force, report: true),
                "verify" => commands.Verify(parsed.Require(1, 1, "verify <scenario.json> --golden <table.csv>").Only("--golden", "--update", "--all").Positional[0],
                    parsed.Golden ?? throw new UsageException("verify needs --golden <table.csv>"), parsed.Update, parsed.All),
                "stress" => new StressCommand(stdout, stderr, files).Run(parsed.Require(1, 1, "stress <scenario.json>").Only("--out", "--force").NeedsOut().Positional[0], parsed.Out, parsed.Force),
                "rerun" => new AuditCommands(stdout, stderr, files).Rerun(parsed.Require(1, 1, "rerun <manifest.json> --out DIR").Only("--out", "--force").Positional[0],
                    parsed.Out ?? throw new UsageException("rerun needs --out DIR"), parsed.Force),
                "explain" => new AuditCommands(stdout, stderr, files).Explain(parsed.Require(1, 2, "explain <measure> [scenario.json]").Only().Positional[0],
                    parsed.Positional.Count > 1 ? parsed.Positional[1] : null),
                "docs" => commands.Docs(parsed.Require(0, 0, "docs --out DIR").Only("--out").Out ?? throw new UsageException("docs needs --out DIR")),
                "montecarlo" => commands.MonteCarlo(parsed.Require(1, 1, "montecarlo <scenario.json> --paths N --seed S")
                    .Only("--paths", "--seed", "--threads", "--quiet", "--cluster", "--shards", "--out", "--force", "--report").NeedsOut()),
                "silo" => ClusterCommands.Silo(parsed.Require(0, 0, "silo").Only("--port", "--gateway-port", "--primary", "--advertise").SiloSettings(), stdout),
                "sweep" => commands.Sweep(parsed.Require(1, 1, "sweep <scenario.json>").Only("--lever", "--levers", "--quiet", "--cluster", "--shards", "--out", "--force", "--report").NeedsOut()),
                _ => throw new UsageException($"unknown command '{args[0]}'" + (ScenarioFile.Suggest(args[0], ["run", "compare", "report", "verify", "stress", "rerun", "explain", "docs", "montecarlo", "sweep", "silo"]) is { } s ? $"; did you mean '{s}'?" : "")),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"actuarial: {e.Message}");
            stderr.WriteLine();
            stderr.WriteLine(Usage);
            return ExitCode.Usage;
        }
        catch (ScenarioFileException e)
        {
            stderr.WriteLine($"actuarial: the scenario file cannot be used:");
            foreach (var line in e.Lines()) stderr.WriteLine("  " + line);
            return ExitCode.BadInput;
        }
        catch (ClusterUnavailableException e)
        {
            stderr.WriteLine($"actuarial: {e.Message}");
            return ExitCode.ClusterFailed;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("actuarial: cancelled");
            return ExitCode.Cancelled;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("shard ", StringComparison.Ordinal) || e.Message.StartsWith("sweep shard", StringComparison.Ordinal))
        {
            stderr.WriteLine($"actuarial: the cluster job failed: {e.Message}");
            return ExitCode.ClusterFailed;
        }
        catch (OutputRefusedException e)
        {
            stderr.WriteLine($"actuarial: {e.Message}");
            return ExitCode.OutputFailed;
        }
        catch (InputDataException e)
        {
            stderr.WriteLine($"actuarial: bad input: {e.Message}");
            return ExitCode.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"actuarial: cannot write the output: {e.Message}");
            return ExitCode.OutputFailed;
        }
    }
}

/// <summary>A bad command line.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The flags and positional arguments after the command.</summary>
internal sealed class Arguments
{
    private static readonly string[] Known = ["--out", "--golden", "--update", "--all", "--force", "--report", "--help", "-h", "--paths", "--seed", "--threads", "--quiet",
        "--cluster", "--lever", "--levers", "--shards", "--port", "--gateway-port", "--primary", "--advertise"];
    private readonly HashSet<string> _given = [];

    public List<string> Positional { get; } = [];
    public string? Out { get; private set; }
    public string? Golden { get; private set; }
    public bool Update { get; private set; }
    public bool All { get; private set; }
    public bool Force { get; private set; }
    public bool Report { get; private set; }
    public bool Help { get; private set; }
    public string? Paths { get; private set; }
    public string? Seed { get; private set; }
    public string? Threads { get; private set; }
    public string? Shards { get; private set; }
    public bool Quiet { get; private set; }
    public string? Cluster { get; private set; }
    public List<string> LeverArgs { get; } = [];
    public string? LeversFile { get; private set; }
    public string? Port { get; private set; }
    public string? GatewayPort { get; private set; }
    public string? Primary { get; private set; }
    public string? Advertise { get; private set; }

    public Actuarial.Cluster.SiloSettings SiloSettings() => new()
    {
        SiloPort = (int)Whole(Port, "--port", 1, 65535, 11111),
        GatewayPort = (int)Whole(GatewayPort, "--gateway-port", 1, 65535, 30000),
        PrimarySilo = Primary,
        AdvertisedAddress = Advertise is null || System.Net.IPAddress.TryParse(Advertise, out _) ? Advertise
            : throw new UsageException($"--advertise: '{Advertise}' is not an IP address"),
    };

    public static Arguments Parse(string[] args)
    {
        var a = new Arguments();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith('-'))
            {
                a.Positional.Add(arg);
                continue;
            }
            if (!a._given.Add(arg) && arg != "--lever") throw new UsageException($"{arg} given twice");
            switch (arg)
            {
                case "--out":
                    a.Out = Value(args, ref i, arg, "a folder");
                    break;
                case "--golden":
                    a.Golden = Value(args, ref i, arg, "a golden table (CSV)");
                    break;
                case "--update":
                    a.Update = true;
                    break;
                case "--all":
                    a.All = true;
                    break;
                case "--force":
                    a.Force = true;
                    break;
                case "--report":
                    a.Report = true;
                    break;
                case "--help" or "-h":
                    a.Help = true;
                    break;
                case "--paths":
                    a.Paths = Value(args, ref i, arg, "a number of paths");
                    break;
                case "--seed":
                    a.Seed = Value(args, ref i, arg, "a seed");
                    break;
                case "--threads":
                    a.Threads = Value(args, ref i, arg, "a thread count");
                    break;
                case "--shards":
                    a.Shards = Value(args, ref i, arg, "a number of shards");
                    break;
                case "--quiet":
                    a.Quiet = true;
                    break;
                case "--cluster":
                    a.Cluster = Value(args, ref i, arg, "a cluster gateway endpoint host:port");
                    break;
                case "--lever":
                    a.LeverArgs.Add(Value(args, ref i, arg, "KEY=VALUE[,VALUE...]"));
                    break;
                case "--port":
                    a.Port = Value(args, ref i, arg, "a port");
                    break;
                case "--gateway-port":
                    a.GatewayPort = Value(args, ref i, arg, "a port");
                    break;
                case "--primary":
                    a.Primary = Value(args, ref i, arg, "the first silo's host:port");
                    break;
                case "--advertise":
                    a.Advertise = Value(args, ref i, arg, "this machine's IP address");
                    break;
                case "--levers":
                    a.LeversFile = Value(args, ref i, arg, "a CSV file of lever,value lines");
                    break;
                default:
                    throw new UsageException($"unknown flag '{arg}'" + (ScenarioFile.Suggest(arg, Known) is { } s ? $"; did you mean '{s}'?" : ""));
            }
        }
        return a;
    }

    private static string Value(string[] args, ref int i, string flag, string what)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"{flag} needs {what}");
        string value = args[++i];
        if (value.Trim().Length == 0) throw new UsageException($"{flag} needs {what}, not an empty string");
        return value;
    }

    public Arguments Require(int min, int max, string form)
    {
        if (Positional.Count < min) throw new UsageException($"missing argument: {form}");
        if (Positional.Count > max) throw new UsageException($"unexpected argument '{Positional[max]}': {form}");
        return this;
    }

    /// <summary>A whole number flag in [min, max], or the default when not given.</summary>
    public static long Whole(string? text, string flag, long min, long max, long fallback)
    {
        if (text is null) return fallback;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max
            ? v : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{flag}: '{text}' is not a whole number in {min}..{max}"));
    }

    /// <summary>--force and --report only with --out.</summary>
    public Arguments NeedsOut()
    {
        if (Force && Out is null) throw new UsageException("--force applies only with --out DIR");
        if (Report && Out is null) throw new UsageException("--report needs --out DIR (the page links to the tables written there)");
        return this;
    }

    public Arguments Only(params string[] flags)
    {
        foreach (var flag in _given)
        {
            if (flag is "--help" or "-h") continue;
            if (!flags.Contains(flag)) throw new UsageException($"{flag} does not apply to this command");
        }
        return this;
    }
}

/// <summary>Formatting shared by the commands.</summary>
internal static class Text
{
    public static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Year(int? year, int lastYear) => year?.ToString(C) ?? $"none by {lastYear.ToString(C)}";

    public static string FileName(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        return new string(chars);
    }
}
