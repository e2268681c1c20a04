using System.Diagnostics;
using System.Globalization;
using Actuarial.Charts;
using Actuarial.Charts.Reports;
using Actuarial.IO;
using Actuarial.Scenarios;
using Actuarial.Stochastic;

namespace Actuarial.Cli;

// montecarlo and sweep: the typed results (MonteCarloRunResult, SweepResult) are computed first, then printed and written.
internal sealed partial class Commands
{
    // Largest values accepted: more paths than this take days on one machine; more threads than this only add idle workers.
    private const long MaxPaths = 100_000_000, MaxThreads = 1024;

    /// <summary>The last Monte Carlo result (for tests and for a report built on the same run).</summary>
    public MonteCarloRunResult? LastMonteCarlo { get; private set; }

    /// <summary>The last sweep result.</summary>
    public SweepResult? LastSweep { get; private set; }

    /// <summary>Whether the progress bar may draw: not with --quiet, and only on the real, unredirected standard error.</summary>
    private bool LiveProgress(bool quiet) => !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    public int MonteCarlo(Arguments a)
    {
        string path = a.Positional[0];
        if (a.Paths is null) throw new UsageException("montecarlo needs --paths N");
        if (a.Seed is null) throw new UsageException("montecarlo needs --seed S");
        int paths = (int)Arguments.Whole(a.Paths, "--paths", 1, MaxPaths, 0);
        ulong seed = ulong.TryParse(a.Seed, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s
            : throw new UsageException($"--seed: '{a.Seed}' is not a whole number in 0..{ulong.MaxValue}");
        int threads = (int)Arguments.Whole(a.Threads, "--threads", 1, MaxThreads, Environment.ProcessorCount);
        if (a.Shards is not null && a.Cluster is null) throw new UsageException("--shards applies only with --cluster");
        var file = ScenarioFile.Load(path);
        using var output = a.Out is null ? null : OutputFolder.Prepare(a.Out, a.Force, _files);
        var scenario = file.ToScenario();

        var clock = Stopwatch.StartNew();
        MonteCarloRunResult result;
        using (var bar = new ProgressBar(stderr, paths, "paths", LiveProgress(a.Quiet)))
        {
            if (a.Cluster is { } endpoint)
            {
                Progress($"{scenario.Name}: {paths} paths on the cluster at {endpoint}");
                int shards = (int)Arguments.Whole(a.Shards, "--shards", 1, 100_000, 0);
                bar.Start();
                result = ClusterCommands.MonteCarlo(endpoint, File.ReadAllText(path), path, paths, seed, shards, a.Threads is null ? -1 : threads, bar.Add);
            }
            else
            {
                Progress($"{scenario.Name}: calibrating and compiling the path evaluator");
                var evaluator = ScenarioMonteCarlo.Evaluator(scenario);
                int? central = evaluator.RunCentral().Summary().DepletionYear;
                Progress($"{scenario.Name}: {paths} paths on {threads} threads");
                bar.Start();
                var summary = Stochastic.MonteCarlo.Run(paths, seed, 0, evaluator,
                    new MonteCarloOptions { MaxDegreeOfParallelism = threads, PathsCompleted = bar.Add });
                result = MonteCarloRunResult.From(scenario.Name, summary, central);
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        LastMonteCarlo = result;
        stdout.Write(MonteCarloText.Format(result, seconds));
        if (output is null) return ExitCode.Ok;
        Progress($"writing the Monte Carlo tables and charts to {a.Out}");
        var files = WriteMonteCarlo(result, output);
        if (a.Report)
        {
            var links = files.Select(f => new ReportLink(Path.GetFileName(f), "Monte Carlo output")).ToList();
            string page = HtmlReport.Write(StochasticReports.MonteCarlo(result, links), output.PathOf(Output.ReportName));
            files.Add(page);
            output.Written(page);
        }
        var written = output.Commit(files);
        stdout.WriteLine();
        stdout.WriteLine($"wrote {written.Count} files to {output.Target}:");
        foreach (var f in written) stdout.WriteLine($"  {Path.GetFileName(f)}");
        return ExitCode.Ok;
    }

    private static List<string> WriteMonteCarlo(MonteCarloRunResult r, OutputFolder folder)
    {
        var written = new List<string>();
        void Add(string f)
        {
            written.Add(f);
            folder.Written(f);
        }
        string F(string name) => folder.PathOf(name);
        TidyCsvWriter.Write(r.NationalFan, F("national_balance_fan.csv"));
        Add(F("national_balance_fan.csv"));
        TidyCsvWriter.Write(r.NationalDepletion.Concat(r.AnyProvinceDepletion), F("depletion_by_year.csv"));
        Add(F("depletion_by_year.csv"));
        TidyCsvWriter.Write(r.Provinces, F("province_depletion.csv"));
        Add(F("province_depletion.csv"));
        // The decision window: to ten years past the year the median path is depleted (or the horizon).
        int last = Math.Min(r.LastYear, (r.MedianDepletionYear ?? r.LastYear) + 10);
        var fanRows = r.NationalFan.Where(f => f.Year <= last).ToList();
        var fan = new QuantileFan(fanRows.Select(f => f.Year).ToArray(), fanRows.Select(f => f.P5).ToArray(), fanRows.Select(f => f.P25).ToArray(),
            fanRows.Select(f => f.P50).ToArray(), fanRows.Select(f => f.P75).ToArray(), fanRows.Select(f => f.P95).ToArray());
        Add(FundCharts.BalanceFan(fan, F("national_balance_fan.png"),
            title: string.Create(CultureInfo.InvariantCulture, $"National pension fund balance, {r.Scenario}: {r.Paths:N0} simulated paths, to {last}")));
        var years = r.NationalDepletion.Select(d => d.Year).ToArray();
        Add(FundCharts.DepletionProbability(
            [
                new YearSeries("National fund", years, r.NationalDepletion.Select(d => d.ProbabilityDepletedBy).ToArray()),
                new YearSeries("Any provincial fund", years, r.AnyProvinceDepletion.Select(d => d.ProbabilityDepletedBy).ToArray()),
            ],
            F("depletion_probability.png"),
            title: string.Create(CultureInfo.InvariantCulture, $"Probability that the fund is depleted by year end, {r.Scenario} ({r.Paths:N0} paths)")));
        return written;
    }

    public int Sweep(Arguments a)
    {
        string path = a.Positional[0];
        var sweep = ScenarioSweep.Load(path);
        var points = SweepPoints(a);
        bool tornado = points is null;
        using var output = a.Out is null ? null : OutputFolder.Prepare(a.Out, a.Force, _files);
        var levers = ScenarioSweep.StandardLevers;
        var list = points ?? ScenarioSweep.TornadoPoints(levers);
        sweep.Check(list);
        SweepResult result;
        using (var bar = new ProgressBar(stderr, list.Count + 1, "runs", LiveProgress(a.Quiet)))
        {
            bar.Start();
            if (a.Cluster is { } endpoint)
            {
                Progress($"{sweep.File.Name}: {list.Count + 1} runs on the cluster at {endpoint}");
                result = ClusterCommands.Sweep(endpoint, sweep, list, bar.Add);
            }
            else
            {
                Progress($"{sweep.File.Name}: {list.Count + 1} runs, one lever at a time");
                result = sweep.Run(list, (_, _) => bar.Add(1), Runner());
            }
        }
        if (tornado) result = ScenarioSweep.WithTornado(result, levers);
        LastSweep = result;
        stdout.Write(SweepText.Format(result));
        if (output is null) return ExitCode.Ok;
        Progress($"writing the sweep tables and charts to {a.Out}");
        var files = new List<string>();
        void Add(string f)
        {
            files.Add(f);
            output.Written(f);
        }
        TidyCsvWriter.Write(result.Table(), output.PathOf("sweep.csv"));
        Add(output.PathOf("sweep.csv"));
        if (result.Tornado.Count > 0)
        {
            TidyCsvWriter.Write(result.TornadoTable(), output.PathOf("tornado.csv"));
            Add(output.PathOf("tornado.csv"));
            Add(SensitivityCharts.Tornado(result, TornadoMeasure.DepletionYear, output.PathOf("tornado_depletion_year.png")));
            Add(SensitivityCharts.Tornado(result, TornadoMeasure.FirstDeficitYear, output.PathOf("tornado_first_deficit_year.png")));
            Add(SensitivityCharts.Tornado(result, TornadoMeasure.ActuarialBalance, output.PathOf("tornado_actuarial_balance.png")));
        }
        if (a.Report)
        {
            var links = files.Select(f => new ReportLink(Path.GetFileName(f), "Sweep output")).ToList();
            Add(HtmlReport.Write(StochasticReports.Sweep(result, links), output.PathOf(Output.ReportName)));
        }
        var written = output.Commit(files);
        stdout.WriteLine();
        stdout.WriteLine($"wrote {written.Count} files to {output.Target}:");
        foreach (var f in written) stdout.WriteLine($"  {Path.GetFileName(f)}");
        return ExitCode.Ok;
    }

    /// <summary>The points of --lever KEY=V1,V2 and --levers FILE (lines "key,value"; # starts a comment), or null for the standard tornado.</summary>
    private static List<SweepPoint>? SweepPoints(Arguments a)
    {
        if (a.LeverArgs.Count == 0 && a.LeversFile is null) return null;
        var points = new List<SweepPoint>();
        foreach (string arg in a.LeverArgs)
        {
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == arg.Length - 1) throw new UsageException($"--lever '{arg}': expected KEY=VALUE[,VALUE...], e.g. scheme.contributions.employer_rate=0.14,0.18");
            string key = arg[..eq].Trim();
            foreach (string v in arg[(eq + 1)..].Split(','))
            {
                points.Add(new SweepPoint(key, Number(v, $"--lever {key}")));
            }
        }
        if (a.LeversFile is { } file)
        {
            string text = InputFiles.ReadAllText(file, InputFiles.MaxScenarioBytes, "a levers file");
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string content = raw.Split('#')[0].Trim();
                if (content.Length == 0 || (line == 1 && content.Replace(" ", "", StringComparison.Ordinal) == "lever,value")) continue;
                var fields = content.Split(',');
                if (fields.Length != 2)
                {
                    throw new InputDataException(file, line, "(line)", content, "two fields: lever,value (a scenario-file key and a number)");
                }
                double value = double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d
                    : throw new InputDataException(file, line, "value", fields[1].Trim(), "a finite number");
                points.Add(new SweepPoint(fields[0].Trim(), value));
            }
        }
        return points;
    }

    private static double Number(string text, string what) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new UsageException($"{what}: '{text}' is not a number");
}

/// <summary>
/// A progress bar on standard error for long work: done / total, rate and time left, redrawn in place at most four
/// times a second. Thread-safe (<see cref="Add"/> is called from worker threads). Draws nothing when disabled.
/// </summary>
internal sealed class ProgressBar(TextWriter stderr, long total, string unit, bool enabled) : IDisposable
{
    private readonly Stopwatch _clock = new();
    private readonly object _draw = new();
    private long _done;
    private long _lastDrawTicks = long.MinValue;
    private bool _drawn;

    public void Start()
    {
        lock (_draw) if (!_clock.IsRunning) _clock.Start();
    }

    public void Add(int count)
    {
        long done = Interlocked.Add(ref _done, count);
        if (!enabled) return;
        Start();
        long now = _clock.ElapsedTicks;
        if (done < total && now - Interlocked.Read(ref _lastDrawTicks) < Stopwatch.Frequency / 4) return;
        lock (_draw)
        {
            _lastDrawTicks = now;
            double seconds = _clock.Elapsed.TotalSeconds;
            double rate = seconds > 0 ? done / seconds : 0;
            string left = rate > 0 && done < total ? TimeSpan.FromSeconds((total - done) / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
            int width = 30, filled = (int)(width * Math.Min(1.0, (double)done / total));
            stderr.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0} {unit}, {rate:F1} {unit}/s, {left} left   "));
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_draw) if (_drawn) stderr.WriteLine();
    }
}

/// <summary>The printed Monte Carlo and sweep summaries.</summary>
internal static class MonteCarloText
{
    public static string Format(MonteCarloRunResult r, double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        sb.Append(string.Create(c, $"{r.Scenario}: provincial Monte Carlo, {r.Paths:N0} paths, seed {r.Seed}, {r.FirstYear}–{r.LastYear} ({seconds:F1} s)\n"));
        sb.Append($"  deterministic projection: national fund depleted {Text.Year(r.CentralDepletionYear, r.LastYear)}\n");
        sb.Append($"  median depletion year (probability reaches 50%): {Text.Year(r.MedianDepletionYear, r.LastYear)}\n\n");
        sb.Append("  probability depleted by year end   national fund   any provincial fund\n");
        foreach (int year in new[] { 2030, 2035, 2040, 2050, 2060, 2070, r.LastYear }.Where(y => y >= r.FirstYear && y <= r.LastYear).Distinct())
        {
            var n = r.NationalDepletion.First(d => d.Year == year);
            var p = r.AnyProvinceDepletion.First(d => d.Year == year);
            sb.Append(string.Create(c, $"    {year}                           {n.ProbabilityDepletedBy,12:P1}   {p.ProbabilityDepletedBy,12:P1}\n"));
        }
        sb.Append("\n  national balance, trillion yuan        5%      25%   median      75%      95%\n");
        foreach (var f in r.NationalFan.Where(f => f.Year % 10 == 0 || f.Year == r.FirstYear))
        {
            sb.Append(string.Create(c, $"    {f.Year}                        {f.P5 / 1e12,8:F1} {f.P25 / 1e12,8:F1} {f.P50 / 1e12,8:F1} {f.P75 / 1e12,8:F1} {f.P95 / 1e12,8:F1}\n"));
        }
        var likely = r.Provinces.OrderByDescending(p => p.ProbabilityDepletedByEnd).Take(5).ToList();
        sb.Append(string.Create(c, $"\n  provinces most likely depleted by {r.LastYear}: {string.Join(", ", likely.Select(p => $"{p.Province} {p.ProbabilityDepletedByEnd:P0}"))}\n"));
        return sb.ToString();
    }
}

internal static class SweepText
{
    public static string Format(SweepResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        int last = r.Base.Measures.LastYear;
        string Y(int? y) => y?.ToString(c) ?? $"none by {last.ToString(c)}";
        string B(double? b) => b is { } v ? (100 * v).ToString("F2", c) : "n/a";
        sb.Append($"{r.Scenario}: one lever at a time ({r.Rows.Count} runs and the base)\n");
        sb.Append($"  measures: first year of current deficit (with subsidies); national depletion year; actuarial balance over {r.Base.Measures.ValuationYears} years, % of covered wage bill\n\n");
        var rows = new[] { r.Base }.Concat(r.Rows).ToList();
        int keyWidth = Math.Max(10, rows.Max(x => x.Key.Length));
        int valueWidth = Math.Max(5, rows.Max(x => Math.Min(40, x.Value.Length)));
        sb.Append($"  {"lever".PadRight(keyWidth)}  {"value".PadRight(valueWidth)}  first deficit  depletion      balance %\n");
        foreach (var x in rows)
        {
            string value = x.Value.Length > 40 ? x.Value[..39] + "…" : x.Value;
            sb.Append($"  {(x.Route == "base" ? "(base)" : x.Key).PadRight(keyWidth)}  {value.PadRight(valueWidth)}  {Y(x.Measures.FirstCurrentDeficitYear),-13}  {Y(x.Measures.DepletionYear),-13}  {B(x.Measures.ActuarialBalanceShareOfWageBill),9}\n");
        }
        return sb.ToString();
    }
}
