using System.Globalization;
using System.Text.Json;
using Actuarial.Cli;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// <c>montecarlo … --report</c> and <c>sweep … --report</c>: each chart of the page is the command's result, value by
/// value (the fan and depletion probabilities against the library's Monte Carlo for the same seed; the tornado bars
/// against the sweep's own table).
/// </summary>
[TestFixture]
public sealed class StochasticReportTests : CommandTestBase
{
    private const string ShortScenario = """{ "name": "short", "horizon": 2045 }""";

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    /// <summary>The fields of a CSV line whose quoted fields hold commas (the labels do).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    [Test]
    public void Montecarlo_report_draws_the_library_fan_and_depletion_probabilities()
    {
        string scenario = Write("short.json", ShortScenario);
        string outDir = Path.Combine(Temp, "mc");
        var (code, _, err) = Run("montecarlo", scenario, "--paths", "6", "--seed", "11", "--out", outDir, "--report", "--quiet");
        Assert.That(code, Is.EqualTo(ExitCode.Ok), err);
        var library = ScenarioMonteCarlo.Run(ScenarioFile.Load(scenario).ToScenario(), 6, 11);
        string html = File.ReadAllText(Path.Combine(outDir, Output.ReportName));

        var fan = ReportOutputs.Spec(html, "chart-mc-fan").GetProperty("data");
        var rows = library.NationalFan.OrderBy(f => f.Year).Take(fan[0].GetProperty("x").GetArrayLength()).ToList();
        Func<FanRow, double>[] edges = [f => f.P5, f => f.P95, f => f.P25, f => f.P75, f => f.P50];
        for (int trace = 0; trace < edges.Length; trace++)
        {
            Assert.That(Numbers(fan[trace].GetProperty("x")), Is.EqualTo(rows.Select(f => (double)f.Year).ToArray()), $"years of trace {trace}");
            Assert.That(Numbers(fan[trace].GetProperty("y")), Is.EqualTo(rows.Select(f => edges[trace](f) / 1e12).ToArray()).Within(1e-9), $"trace {trace}");
        }
        var probability = ReportOutputs.Spec(html, "chart-mc-depletion").GetProperty("data");
        Assert.That(Numbers(probability[0].GetProperty("y")), Is.EqualTo(library.NationalDepletion.OrderBy(d => d.Year).Select(d => d.ProbabilityDepletedBy).ToArray()));
        Assert.That(Numbers(probability[1].GetProperty("y")), Is.EqualTo(library.AnyProvinceDepletion.OrderBy(d => d.Year).Select(d => d.ProbabilityDepletedBy).ToArray()));
        Assert.That(html, Does.Contain("national_balance_fan.csv"), "the page links the tables it draws");
    }

    [Test]
    public void Sweep_report_tornado_bars_run_from_the_base_to_each_runs_value()
    {
        string scenario = Write("short.json", ShortScenario);
        string outDir = Path.Combine(Temp, "tornado");
        var (code, _, err) = Run("sweep", scenario, "--out", outDir, "--report", "--quiet");
        Assert.That(code, Is.EqualTo(ExitCode.Ok), err);
        string html = File.ReadAllText(Path.Combine(outDir, Output.ReportName));
        var lines = File.ReadAllLines(Path.Combine(outDir, "tornado.csv")).Select(Fields).ToList();
        var header = lines[0];
        var tornado = lines.Skip(1).ToList();
        int Column(string name) => Array.IndexOf(header, name);
        double Year(string text, int last) => text.Length == 0 ? last + 1 : double.Parse(text, CultureInfo.InvariantCulture);
        var spec = ReportOutputs.Spec(html, "chart-tornado-depletion").GetProperty("data");
        double[] lowEnds = Numbers(spec[0].GetProperty("x")).Zip(Numbers(spec[0].GetProperty("base")), (dx, b) => b + dx).ToArray();
        double[] highEnds = Numbers(spec[1].GetProperty("x")).Zip(Numbers(spec[1].GetProperty("base")), (dx, b) => b + dx).ToArray();
        Assert.That(tornado, Has.Count.EqualTo(lowEnds.Length), "one bar pair per lever of tornado.csv");
        for (int i = 0; i < tornado.Count; i++)
        {
            Assert.That(lowEnds[i], Is.EqualTo(Year(tornado[i][Column("LowCostDepletionYear")], 2045)), $"low-cost end, {tornado[i][0]}");
            Assert.That(highEnds[i], Is.EqualTo(Year(tornado[i][Column("HighCostDepletionYear")], 2045)), $"high-cost end, {tornado[i][0]}");
        }
    }
}
