using Actuarial.Cli;
using Actuarial.IO;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>actuarial montecarlo and actuarial sweep: the command gives what the library gives for the same inputs.</summary>
[TestFixture]
public sealed class StochasticCliTests : CommandTestBase
{
    // A short horizon keeps each run to about a second; the rules are the defaults'.
    private const string ShortScenario = """{ "name": "short", "horizon": 2045 }""";

    private static string Csv<T>(IEnumerable<T> rows)
    {
        using var w = new StringWriter();
        TidyCsvWriter.Write(rows, w);
        return w.ToString();
    }

    [Test]
    public void Montecarlo_command_equals_the_library_for_the_same_seed_whatever_the_threads()
    {
        string scenario = Write("short.json", ShortScenario);
        var library = ScenarioMonteCarlo.Run(ScenarioFile.Load(scenario).ToScenario(), 6, 11);
        foreach (string threads in new[] { "1", "2" })
        {
            string outDir = Path.Combine(Temp, "mc" + threads);
            var (code, output, err) = Run("montecarlo", scenario, "--paths", "6", "--seed", "11", "--threads", threads, "--out", outDir);
            Assert.That(code, Is.EqualTo(ExitCode.Ok), err);
            Assert.That(output, Does.Contain("6 paths, seed 11"));
            // Round-trip precision in the CSVs: equal text is equal doubles, bit for bit.
            Assert.That(File.ReadAllText(Path.Combine(outDir, "national_balance_fan.csv")), Is.EqualTo(Csv(library.NationalFan)), $"fan, {threads} threads");
            Assert.That(File.ReadAllText(Path.Combine(outDir, "depletion_by_year.csv")),
                Is.EqualTo(Csv(library.NationalDepletion.Concat(library.AnyProvinceDepletion))), $"depletion, {threads} threads");
            Assert.That(File.ReadAllText(Path.Combine(outDir, "province_depletion.csv")), Is.EqualTo(Csv(library.Provinces)), $"provinces, {threads} threads");
            Assert.That(File.Exists(Path.Combine(outDir, "national_balance_fan.png")) && File.Exists(Path.Combine(outDir, "depletion_probability.png")));
            Assert.That(err, Does.Not.Contain("\r"), "no progress bar when standard error is not the console");
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Test]
    public async Task Montecarlo_and_sweep_with_cluster_write_what_one_machine_writes()
    {
        string scenario = Write("short.json", ShortScenario);
        int gateway = FreePort();
        using var silo = Actuarial.Cluster.ClusterHosting.BuildSilo(new Actuarial.Cluster.SiloSettings { SiloPort = FreePort(), GatewayPort = gateway });
        await silo.StartAsync();
        try
        {
            string local = Path.Combine(Temp, "local"), remote = Path.Combine(Temp, "remote");
            Assert.That(Run("montecarlo", scenario, "--paths", "5", "--seed", "3", "--out", local).Code, Is.EqualTo(ExitCode.Ok));
            var (code, _, err) = Run("montecarlo", scenario, "--paths", "5", "--seed", "3", "--cluster", $"127.0.0.1:{gateway}", "--shards", "3", "--out", remote);
            Assert.That(code, Is.EqualTo(ExitCode.Ok), err);
            foreach (string f in new[] { "national_balance_fan.csv", "depletion_by_year.csv", "province_depletion.csv" })
            {
                Assert.That(File.ReadAllText(Path.Combine(remote, f)), Is.EqualTo(File.ReadAllText(Path.Combine(local, f))), f);
            }
            string[] lever = ["--lever", "scheme.contributions.employer_rate=0.18"];
            Assert.That(Run(["sweep", scenario, .. lever, "--out", Path.Combine(Temp, "sweep-local")]).Code, Is.EqualTo(ExitCode.Ok));
            (code, _, err) = Run(["sweep", scenario, .. lever, "--cluster", $"127.0.0.1:{gateway}", "--out", Path.Combine(Temp, "sweep-remote")]);
            Assert.That(code, Is.EqualTo(ExitCode.Ok), err);
            Assert.That(File.ReadAllText(Path.Combine(Temp, "sweep-remote", "sweep.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(Temp, "sweep-local", "sweep.csv"))));
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [Test]
    public void Montecarlo_command_refuses_a_missing_seed_and_bad_counts()
    {
        string scenario = Write("short.json", ShortScenario);
        Assert.That(Run("montecarlo", scenario, "--paths", "5").Code, Is.EqualTo(ExitCode.Usage));
        Assert.That(Run("montecarlo", scenario, "--paths", "0", "--seed", "1").Err, Does.Contain("--paths: '0' is not a whole number in 1..100000000"));
        Assert.That(Run("montecarlo", scenario, "--paths", "5", "--seed", "1", "--threads", "-2").Code, Is.EqualTo(ExitCode.Usage));
    }

    [Test]
    public void Sweep_values_equal_separate_runs_of_the_same_scenario_files()
    {
        string scenario = Write("short.json", ShortScenario);
        // Two typed levers (PensionScenario.With): a rate, and an e0 lever, which combines with the others into one mortality model.
        var (code, output, err) = Run("sweep", scenario, "--lever", "scheme.contributions.employer_rate=0.14,0.18",
            "--lever", "demography.mortality.e0_gain_scale=1.5", "--out", Path.Combine(Temp, "sweep"));
        Assert.That(code, Is.EqualTo(ExitCode.Ok), err);
        var lines = File.ReadAllLines(Path.Combine(Temp, "sweep", "sweep.csv"));
        Assert.That(lines, Has.Length.EqualTo(5), "header, base and three runs");

        var runner = new ScenarioFileRunner();
        (int?, int?, double?) Separate(string json)
        {
            var m = SweepMeasures.Of(runner.Run(ScenarioFile.Parse(json, "separate.json")));
            return (m.FirstCurrentDeficitYear, m.DepletionYear, m.ActuarialBalanceShareOfWageBill * 100);
        }
        // Round-trip precision in the CSV: an equal parsed double is the same double.
        (int?, int?, double?) Swept(int line)
        {
            var f = lines[line].Split(',');
            return (ParseYear(f[4]), ParseYear(f[5]), double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.That(Swept(1), Is.EqualTo(Separate(ShortScenario)), "base");
        Assert.That(Swept(2), Is.EqualTo(Separate("""{ "name": "a", "horizon": 2045, "scheme": { "contributions": { "employer_rate": 0.14 } } }""")));
        Assert.That(Swept(3), Is.EqualTo(Separate("""{ "name": "b", "horizon": 2045, "scheme": { "contributions": { "employer_rate": 0.18 } } }""")));
        Assert.That(Swept(4), Is.EqualTo(Separate("""{ "name": "c", "horizon": 2045, "demography": { "mortality": { "e0_gain_scale": 1.5 } } }""")));
        Assert.That(lines[2], Does.Contain("typed lever"));
        Assert.That(lines[4], Does.Contain("typed lever"));
    }

    private static int? ParseYear(string field) => field.Length == 0 ? null : int.Parse(field, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Tornado_rows_equal_separate_runs_and_the_chart_is_written()
    {
        string scenario = Write("short.json", ShortScenario);
        var levers = ScenarioSweep.StandardLevers.Where(l => l.Key is "economy.real_return_entrusted" or "demography.fertility.tfr_offset").ToList();
        var sweep = ScenarioSweep.Load(scenario);
        var result = sweep.Tornado(levers);
        Assert.That(result.Tornado, Has.Count.EqualTo(2));
        var runner = new ScenarioFileRunner();
        var baseScenario = ScenarioFile.Load(scenario).ToScenario();
        foreach (var t in result.Tornado)
        {
            var lever = levers.Single(l => l.Key == t.Key);
            var typed = Levers.FindTyped(t.Key)!;
            Assert.That(t.Low.Measures, Is.EqualTo(SweepMeasures.Of(runner.Run(baseScenario.With(typed, lever.LowCost)))), $"{t.Key} low cost");
            Assert.That(t.High.Measures, Is.EqualTo(SweepMeasures.Of(runner.Run(baseScenario.With(typed, lever.HighCost)))), $"{t.Key} high cost");
        }
        Assert.That(result.Base.Measures, Is.EqualTo(SweepMeasures.Of(runner.Run(baseScenario))));
        // A lower return never makes the balance better (a monotone response).
        var ret = result.Tornado.Single(t => t.Key == "economy.real_return_entrusted");
        Assert.That(ret.Low.Measures.ActuarialBalanceShareOfWageBill, Is.GreaterThan(ret.High.Measures.ActuarialBalanceShareOfWageBill!.Value));
        string png = Charts.SensitivityCharts.Tornado(result, Charts.TornadoMeasure.ActuarialBalance, Path.Combine(Temp, "tornado.png"));
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(1000));
        Assert.That(result.TornadoTable(), Has.Count.EqualTo(2));
    }

    [Test]
    public void Sweep_refuses_an_unknown_lever_before_running_anything()
    {
        string scenario = Write("short.json", ShortScenario);
        var (code, _, err) = Run("sweep", scenario, "--lever", "scheme.contributions.employer_rat=0.14");
        Assert.That(code, Is.EqualTo(ExitCode.BadInput));
        Assert.That(err, Does.Contain("did you mean 'scheme.contributions.employer_rate'"));
        (code, _, err) = Run("sweep", scenario, "--lever", "scheme.contributions.employer_rate=0.9");
        Assert.That(code, Is.EqualTo(ExitCode.BadInput));
        Assert.That(err, Does.Contain("0.9"));
    }
}
