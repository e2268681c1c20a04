using System.Globalization;
using Actuarial.Funds;

using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>
/// <c>actuarial explain &lt;measure&gt;</c> (issue 19, part 3b): how a headline number of a run was computed, from which
/// ledger lines, which levers (value and source) and which data files (with their hashes).
/// </summary>
internal static class Explanation
{
    /// <summary>The measures that can be explained.</summary>
    public static IReadOnlyList<string> Measures { get; } =
        ["depletion_year", "first_deficit_year", "first_deficit_year_excluding_subsidies", "peak_balance_yuan"];

    // Which levers feed each ledger line (catalogue key prefixes), so an explanation lists the inputs that matter.
    private static readonly (string Line, string[] Prefixes)[] Feeds =
    [
        ("contributions", ["scheme.contributions.", "labour.", "economy.real_wage_growth", "economy.price_growth", "demography.", "stress.contribution_deferral", "stress.unemployment_spike", "stress.wage_freeze", "supervision.under_declared_base", "supervision.unregistered_workers"]),
        ("pensions", ["scheme.retirement.", "scheme.indexation.", "scheme.crediting.", "demography.", "economy.price_growth", "stress.excess_mortality", "stress.deferred_indexation", "supervision.improper"]),
        ("return", ["funds.returns.", "economy.real_return", "economy.price_growth", "stress.return_fall"]),
        ("subsidies and transfers", ["funds.subsidies.", "funds.pooling", "funds.reserve.", "stress.central_transfers", "stress.bridge_borrowing"]),
    ];

    /// <summary>The explanation of <paramref name="measure"/> in <paramref name="run"/>, with the levers of <paramref name="manifest"/>.</summary>
    /// <exception cref="ArgumentException">A measure not in <see cref="Measures"/>.</exception>
    public static string Explain(PensionProjection run, RunManifest manifest, string measure)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(manifest);
        if (!Measures.Contains(measure))
        {
            throw new ArgumentException($"no explanation of '{measure}'; the measures explained are: {string.Join(", ", Measures)}", nameof(measure));
        }
        var c = CultureInfo.InvariantCulture;
        var f = run.Funds;
        var s = run.Summary();
        var w = new StringWriter(c);
        string T(double yuan) => (yuan / 1e9).ToString("N1", c);
        int? year;
        switch (measure)
        {
            case "depletion_year":
                year = s.DepletionYear;
                w.WriteLine($"depletion_year = {Show(year)}: the first year whose national closing balance (累计结存, the sum of the 31 provincial ledgers) is below zero.");
                break;
            case "first_deficit_year":
                year = s.FirstCurrentDeficitYear;
                w.WriteLine($"first_deficit_year = {Show(year)}: the first year whose national current balance (当期结余: contributions + subsidies + reserve draws − pensions, no returns; transfers between provinces sum to zero) is below zero.");
                break;
            case "first_deficit_year_excluding_subsidies":
                year = s.FirstCurrentDeficitYearExcludingSubsidies;
                w.WriteLine($"first_deficit_year_excluding_subsidies = {Show(year)}: the first year whose national contributions fall short of pensions.");
                break;
            default:
                year = s.PeakBalanceYear;
                w.WriteLine($"peak_balance_yuan = {T(s.PeakBalanceYuan)} billion yuan at end-{year}: the highest national closing balance of the run.");
                break;
        }
        w.WriteLine();
        w.WriteLine("Each provincial ledger, each year (Funds/FundProjector.cs): closing = opening × (1 + ρ) + contributions + subsidies + transfers in − out + reserve draws − pensions,");
        w.WriteLine("with ρ the blended return w·ρ_entrusted + (1 − w)·ρ_other. National sums, billion yuan:");
        w.WriteLine();
        w.WriteLine($"  {"year",-6}{"opening",12}{"return",10}{"ρ",8}{"contrib.",12}{"subsidies",12}{"reserve",10}{"pensions",12}{"current",12}{"closing",12}");
        int from = Math.Max(f.FirstYear, (year ?? f.LastYear) - 1), to = Math.Min(f.LastYear, (year ?? f.LastYear) + 1);
        foreach (var r in f.YearTable().Where(r => r.RegionCode == 0 && r.Year >= from && r.Year <= to))
        {
            double rho = f.FundReturns[r.Year - f.FirstYear];
            w.WriteLine($"  {r.Year,-6}{T(r.OpeningBalance),12}{T(r.InvestmentReturn),10}{rho.ToString("P2", c),8}{T(r.Contributions),12}{T(r.Subsidies),12}{T(r.FromReserve),10}{T(r.Spending),12}{T(r.CurrentBalance),12}{T(r.ClosingBalance),12}");
        }
        w.WriteLine();
        w.WriteLine($"Where the lines come from: contributions and pensions from the scheme layer (Scheme/SchemeEngine.cs) on the population and labour layers; subsidies by '{f.Assumptions.Subsidies.Name}'; pooling by '{f.PoolingRule(year ?? f.LastYear).Name}' in {year ?? f.LastYear}.");
        w.WriteLine();
        w.WriteLine($"Inputs (scenario '{run.Scenario.Name}', {manifest.ScenarioSource}, SHA-256 {manifest.ScenarioSha256[..16]}…; library {manifest.LibraryVersion}):");
        foreach (var (line, prefixes) in Feeds)
        {
            var levers = manifest.Levers.Where(l => prefixes.Any(p => l.Key.StartsWith(p, StringComparison.Ordinal))).ToList();
            var set = levers.Where(l => l.Source != "default").ToList();
            w.WriteLine($"  {line}: {levers.Count} levers, {set.Count} set by the scenario file{(set.Count == 0 ? "" : ":")}");
            foreach (var l in set) w.WriteLine($"    {l.Key} = {l.Value} ({l.Source})");
        }
        w.WriteLine($"  every other lever at its default (values and sources in the manifest and docs/scenario-file.md).");
        w.WriteLine();
        w.WriteLine($"Data files read ({manifest.DataFiles.Count}; sources in data/README.md):");
        foreach (var d in manifest.DataFiles) w.WriteLine($"  {d.Name}  sha256 {d.Sha256[..16]}…");
        return w.ToString();
    }

    private static string Show(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "none within the horizon";
}
