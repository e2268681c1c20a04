using System.Globalization;
using Actuarial.Funds;

namespace Actuarial.Scenarios;

/// <summary>
/// A named shock of a stress test: the levers it sets (the catalogue's stress levers, <see cref="Levers"/>), with how
/// its size was chosen (<see cref="Sizing"/>: sourced figures, or an assumption named as such).
/// </summary>
/// <param name="Name">Short name, e.g. <c>2020-episode</c>.</param>
/// <param name="What">What happens, in words.</param>
/// <param name="Sizing">Where the size comes from.</param>
/// <param name="Settings">The levers and their paths (applied in this order through <see cref="PensionScenario.With(Lever, LeverPath)"/>).</param>
internal sealed record StressShock(string Name, string What, string Sizing, IReadOnlyList<(Lever Lever, LeverPath Value)> Settings)
{
    /// <summary>First year any of the shock's path levers sets (a single number, such as a repayment period, sets no year).</summary>
    public int FirstYear => Settings.Where(s => s.Lever.TakesPath).Min(s => s.Value.FirstYear);

    /// <summary>The scenario with the shock on top.</summary>
    internal PensionScenario ApplyTo(PensionScenario scenario) =>
        Settings.Aggregate(scenario, (s, x) => s.With(x.Lever, x.Value)) with { Name = $"{scenario.Name}+{Name}" };
}

/// <summary>What a shock does to a scenario's funds within the stress window (<see cref="StressTest.WindowYears"/> from its first year).</summary>
/// <param name="Shock">The shock's name.</param>
/// <param name="FirstYear">First year of the window (the shock's first year).</param>
/// <param name="LastYear">Last year of the window.</param>
/// <param name="LowestNationalMonths">Lowest national balance in the window, months of national pensions (可支付月数), under the shock.</param>
/// <param name="LowestNationalMonthsYear">Its year.</param>
/// <param name="BaseLowestNationalMonths">The same measure without the shock.</param>
/// <param name="LowestProvince">The province with the lowest months of payment in the window under the shock.</param>
/// <param name="LowestProvinceMonths">Its months of payment.</param>
/// <param name="LowestProvinceYear">Its year.</param>
/// <param name="ProvincesRunningOut">Provinces whose own balance turns negative in the window earlier than without the shock (or only under it), with the year.</param>
/// <param name="NationalBalanceLossPeakYuan">Largest fall of the national year-end balance against the base in the window, yuan (what would restore the fund's path).</param>
/// <param name="NationalBalanceLossPeakYear">Its year.</param>
/// <param name="NationalBalanceLossEndYuan">The fall at the window's end, yuan.</param>
/// <param name="ExtraMoneyNeededYuan">Largest increase against the base, in the window, of the money needed to bring every province with a negative balance back to zero (Σ max(0, −balance)), yuan.</param>
/// <param name="ExtraMoneyFirstYear">First year that need rises above the base's, if any.</param>
/// <param name="ExtraTopUpSubsidiesYuan">Extra top-up subsidies (extra central transfers and backstops) paid in the window, yuan.</param>
/// <param name="ExtraReserveDrawsYuan">Extra draws on the strategic reserve in the window, yuan.</param>
/// <param name="BridgeDebtPeakYuan">Largest bridge debt owed in the window, yuan.</param>
/// <param name="FirstCurrentDeficitYear">First national current deficit (with subsidies) under the shock, if any.</param>
/// <param name="BaseFirstCurrentDeficitYear">Without the shock.</param>
[CsvHelper.CsvRecord]
internal sealed partial record StressResult(
    string Shock, int FirstYear, int LastYear,
    double LowestNationalMonths, int LowestNationalMonthsYear, double BaseLowestNationalMonths,
    string LowestProvince, double LowestProvinceMonths, int LowestProvinceYear, string ProvincesRunningOut,
    double NationalBalanceLossPeakYuan, int NationalBalanceLossPeakYear, double NationalBalanceLossEndYuan,
    double ExtraMoneyNeededYuan, int? ExtraMoneyFirstYear,
    double ExtraTopUpSubsidiesYuan, double ExtraReserveDrawsYuan, double BridgeDebtPeakYuan,
    int? FirstCurrentDeficitYear, int? BaseFirstCurrentDeficitYear);

/// <summary>
/// Stress tests (issue 19, part 2): a scenario run with and without each shock of a set, and what each shock does in
/// the years after it (<see cref="StressResult"/>). <see cref="StandardShocks"/> is the documented standard set, with
/// the 2020 episode sized from the published 2019–2020 fund revenue.
/// </summary>
internal static class StressTest
{
    /// <summary>Years from a shock's first year that its report covers: a choice, long enough for a repayment or a
    /// bridge loan to run its course, short enough that the base's own depletion does not swamp the shock.</summary>
    public const int WindowYears = 10;

    // 2020 episode (reference china-pension-rules.md §5 and §5.1). Revenue 2019 and 2020 are tagged [U] there (the
    // 2020 fall attributed to the COVID contribution waivers); the 2019 subsidy [S2].
    internal const double Revenue2019Yi = 52_919;
    internal const double Revenue2020Yi = 44_376;
    internal const double Subsidy2019Yi = 10_318.66;
    internal const double Spending2020Yi = 51_301;

    /// <summary>Employer share of contributions: 16% of 24% (employer 16% to the pool since May 2019, employee 8% to the
    /// account; reference §1). An assumption: it ignores the self-employed's 20% split 12/8 and the 2019 months at 20%.</summary>
    internal const double EmployerShareOfContributions = 16.0 / 24.0;

    /// <summary>
    /// The 2020 fall in revenue as a share of 2019 contributions: (52,919 − 44,376) / (52,919 − 10,318.66) ≈ 0.2005.
    /// Assumptions, named: contributions = revenue − subsidies (investment income, not published, is left in); the
    /// counterfactual 2020 revenue is 2019's (no growth, which understates the shock: revenue grew 3.4% in 2019); the whole
    /// fall is the episode (waivers, deferrals not repaid within 2020 and lost employment together).
    /// </summary>
    internal static double Episode2020ShareOfContributions => (Revenue2019Yi - Revenue2020Yi) / (Revenue2019Yi - Subsidy2019Yi);

    /// <summary>The same fall as a share of employer contributions (the 2020 waivers were of employer contributions): ≈ 0.301.</summary>
    internal static double Episode2020ShareOfEmployerContributions => Episode2020ShareOfContributions / EmployerShareOfContributions;

    /// <summary>
    /// The standard set of shocks, each starting in <paramref name="firstYear"/> (2026 or later: the ledgers open in 2025
    /// and 2025's wages are published). Only the 2020 episode is sized from published figures; every other size is an
    /// assumption, named in its <see cref="StressShock.Sizing"/>, meant as a round, severe-but-seen magnitude to compare
    /// the funds' sensitivity by.
    /// </summary>
    public static IReadOnlyList<StressShock> StandardShocks(int firstYear = 2026)
    {
        if (firstYear < Levers.FirstLeverYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear, $"a year from {Levers.FirstLeverYear + 1} (the ledgers open in {Levers.FirstLeverYear}, whose wages are published)");
        }
        var c = CultureInfo.InvariantCulture;
        LeverPath Years(int count, double value) => new(firstYear, Enumerable.Repeat(value, count).ToArray());
        double waiver = Episode2020ShareOfEmployerContributions, share = Episode2020ShareOfContributions;
        return
        [
            new("2020-episode", "one year of waived employer contributions as large as the 2020 fall in revenue",
                string.Create(c, $"{waiver:0.###} of employer contributions = (2019 revenue 52,919 − 2020 revenue 44,376) / ((52,919 − 2019 subsidies 10,318.66) × 16/24) 亿 (reference §5 [U], §5.1 [S2]); assumptions: no growth in the counterfactual, the whole fall is the episode"),
                [(Levers.ContributionRelief, Years(1, waiver))]),
            new("deferral-repaid", "the 2020 episode's money deferred instead of waived, repaid over three years without interest",
                string.Create(c, $"{share:0.###} of contributions (the 2020 fall, as above); three years and no interest are assumptions"),
                [(Levers.ContributionDeferral, Years(1, share)), (Levers.DeferralRepaymentYears, new LeverPath(Levers.FirstLeverYear, [3])), (Levers.DeferralInterestShare, new LeverPath(Levers.FirstLeverYear, [0]))]),
            new("unemployment-doubled", "unemployment rates twice the base for two years",
                "size 1 (doubled) for two years: an assumption", [(Levers.UnemploymentSpike, Years(2, 1))]),
            new("wage-freeze", "nominal wages flat for two years, never caught up",
                "share 1 for two years: an assumption", [(Levers.WageFreeze, Years(2, 1))]),
            new("returns-down", "fund and reserve returns five points lower for one year",
                "0.05 for one year: an assumption", [(Levers.ReturnFall, Years(1, 0.05))]),
            new("excess-mortality-65plus", "death rates at 65+ a fifth higher for one year",
                "size 0.2 at ages 65–100+ for one year: an assumption",
                [(Levers.ExcessMortalitySize, Years(1, 0.2)), (Levers.ExcessMortalityFromAge, new LeverPath(Levers.FirstLeverYear, [65]))]),
            new("birth-fall", "the TFR a tenth lower for one year",
                "size 0.1 for one year: an assumption", [(Levers.BirthFall, Years(1, 0.1))]),
        ];
    }

    /// <summary>Runs <paramref name="scenario"/> and each shock on top of it (sharing the population where a shock does not move it) and reports each.</summary>
    public static IReadOnlyList<StressResult> Run(PensionScenario scenario, IReadOnlyList<StressShock> shocks, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(shocks);
        progress?.Invoke($"running the base '{scenario.Name}'");
        var demography = Demography.DemographicProjector.Run(scenario.Demography);
        var baseRun = PensionProjector.Run(scenario, demography);
        var results = new List<StressResult>();
        foreach (var shock in shocks)
        {
            progress?.Invoke($"running the shock '{shock.Name}'");
            var shocked = shock.ApplyTo(scenario);
            var run = shocked.Demography == scenario.Demography ? PensionProjector.Run(shocked, demography) : PensionProjector.Run(shocked);
            results.Add(Compare(shock.Name, baseRun, run, shock.FirstYear));
        }
        return results;
    }

    /// <summary>What <paramref name="shocked"/> does against <paramref name="baseRun"/> in the window from <paramref name="firstYear"/>.</summary>
    internal static StressResult Compare(string name, PensionProjection baseRun, PensionProjection shocked, int firstYear)
    {
        var b = baseRun.Funds;
        var s = shocked.Funds;
        if (firstYear < s.FirstYear || firstYear > s.LastYear) throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear, $"a year in {s.FirstYear}–{s.LastYear}");
        int lastYear = Math.Min(s.LastYear, firstYear + WindowYears - 1);
        double lowest = double.PositiveInfinity, baseLowest = double.PositiveInfinity, lowestProvince = double.PositiveInfinity;
        int lowestYear = firstYear, lowestProvinceYear = firstYear;
        string lowestProvinceName = "";
        double lossPeak = double.NegativeInfinity, extraPeak = 0, topUp = 0, reserve = 0, bridgePeak = 0;
        int lossPeakYear = firstYear;
        int? extraFirst = null;
        var stressRows = s.StressTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        for (int year = firstYear; year <= lastYear; year++)
        {
            double months = Months(s, year, 0), baseMonths = Months(b, year, 0);
            if (months < lowest) { lowest = months; lowestYear = year; }
            if (baseMonths < baseLowest) baseLowest = baseMonths;
            foreach (var province in s.Provinces)
            {
                double m = Months(s, year, province.Code);
                if (m < lowestProvince) { lowestProvince = m; lowestProvinceYear = year; lowestProvinceName = province.EnglishName; }
            }
            double loss = b.Value(FundLine.ClosingBalance, year) - s.Value(FundLine.ClosingBalance, year);
            if (loss > lossPeak) { lossPeak = loss; lossPeakYear = year; }
            double extra = Need(s, year) - Need(b, year);
            if (extra > extraPeak) extraPeak = extra;
            if (extra > 0 && extraFirst is null) extraFirst = year;
            topUp += s.Value(FundLine.TopUpSubsidies, year) - b.Value(FundLine.TopUpSubsidies, year);
            reserve += s.Value(FundLine.FromReserve, year) - b.Value(FundLine.FromReserve, year);
            if (stressRows.TryGetValue(year, out var row)) bridgePeak = Math.Max(bridgePeak, row.BridgeDebt);
        }
        var runningOut = new List<string>();
        foreach (var province in s.Provinces)
        {
            int? shockedYear = FirstNegative(s, province.Code, firstYear, lastYear), baseYear = FirstNegative(b, province.Code, firstYear, lastYear);
            if (shockedYear is { } y && (baseYear is null || y < baseYear)) runningOut.Add($"{province.EnglishName} {y.ToString(CultureInfo.InvariantCulture)}");
        }
        return new StressResult(name, firstYear, lastYear, lowest, lowestYear, baseLowest, lowestProvinceName, lowestProvince, lowestProvinceYear,
            string.Join("; ", runningOut), lossPeak, lossPeakYear,
            b.Value(FundLine.ClosingBalance, lastYear) - s.Value(FundLine.ClosingBalance, lastYear),
            extraPeak, extraFirst, topUp, reserve, bridgePeak,
            shocked.Summary().FirstCurrentDeficitYear, baseRun.Summary().FirstCurrentDeficitYear);
    }

    private static double Months(FundProjection f, int year, int code) =>
        f.Value(FundLine.ClosingBalance, year, code) / (f.Value(FundLine.Pensions, year, code) / 12.0);

    private static double Need(FundProjection f, int year)
    {
        double need = 0;
        foreach (double balance in f.Line(FundLine.ClosingBalance, year)) if (balance < 0) need -= balance;
        return need;
    }

    private static int? FirstNegative(FundProjection f, int code, int firstYear, int lastYear)
    {
        for (int year = firstYear; year <= lastYear; year++) if (f.Value(FundLine.ClosingBalance, year, code) < 0) return year;
        return null;
    }
}
