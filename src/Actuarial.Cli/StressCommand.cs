using System.Diagnostics;
using System.Globalization;
using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>
/// <c>actuarial stress scenario.json [--out DIR]</c>: the scenario run with and without each shock of the standard set
/// (<see cref="StressTest.StandardShocks"/>), and what each does in the ten years from its start.
/// </summary>
internal sealed class StressCommand(TextWriter stdout, TextWriter stderr, AtomicFile? files = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Run(string path, string? outFolder, bool force)
    {
        var file = ScenarioFile.Load(path);
        var scenario = file.ToScenario();
        using var output = outFolder is null ? null : OutputFolder.Prepare(outFolder, force, files ?? AtomicFile.Default);
        var shocks = StressTest.StandardShocks();
        var results = StressTest.Run(scenario, shocks, line => stderr.WriteLine($"[{_clock.Elapsed.TotalSeconds,5:F1} s] {line}"));
        stdout.Write(Format(scenario, shocks, results));
        if (output is null) return ExitCode.Ok;
        string csv = output.PathOf("stress_results.csv");
        TidyCsvWriter.Write(results, csv);
        output.Written(csv);
        var written = output.Commit(AuditCommands.WithManifest(file, "stress", [csv], output));
        stdout.WriteLine();
        stdout.WriteLine($"wrote {written.Count} files to {output.Target}:");
        foreach (var f in written) stdout.WriteLine($"  {Path.GetFileName(f)}");
        return ExitCode.Ok;
    }

    internal static string Format(PensionScenario scenario, IReadOnlyList<StressShock> shocks, IReadOnlyList<StressResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var w = new StringWriter(c);
        w.WriteLine($"stress test of '{scenario.Name}': each shock on top of the scenario, measured over {StressTest.WindowYears} years from its start (money in current yuan)");
        for (int k = 0; k < results.Count; k++)
        {
            var r = results[k];
            var shock = shocks[k];
            w.WriteLine();
            w.WriteLine($"{r.Shock}: {shock.What}, from {r.FirstYear}");
            w.WriteLine($"  size: {shock.Sizing}");
            void Line(string label, string value) => w.WriteLine($"  {label,-58}{value}");
            Line("lowest national months of payment (base)", $"{r.LowestNationalMonths.ToString("F1", c)} in {r.LowestNationalMonthsYear} ({r.BaseLowestNationalMonths.ToString("F1", c)})");
            Line("lowest province, months of payment", $"{r.LowestProvince} {r.LowestProvinceMonths.ToString("F1", c)} in {r.LowestProvinceYear}");
            Line("provinces that run out (earlier than the base)", r.ProvincesRunningOut.Length == 0 ? "none" : r.ProvincesRunningOut);
            Line("national balance lost at its largest, billion yuan", $"{(r.NationalBalanceLossPeakYuan / 1e9).ToString("F1", c)} (end-{r.NationalBalanceLossPeakYear}); {(r.NationalBalanceLossEndYuan / 1e9).ToString("F1", c)} at end-{r.LastYear}");
            Line("extra money needed by funds in deficit, billion yuan", r.ExtraMoneyFirstYear is { } first ? $"{(r.ExtraMoneyNeededYuan / 1e9).ToString("F1", c)} at most, from {first}" : "none");
            Line("extra top-up / reserve draws / bridge debt, billion yuan", $"{(r.ExtraTopUpSubsidiesYuan / 1e9).ToString("F1", c)} / {(r.ExtraReserveDrawsYuan / 1e9).ToString("F1", c)} / {(r.BridgeDebtPeakYuan / 1e9).ToString("F1", c)}");
            Line("first national current deficit (base)", $"{Show(r.FirstCurrentDeficitYear)} ({Show(r.BaseFirstCurrentDeficitYear)})");
        }
        return w.ToString();
    }

    private static string Show(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
