using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Scheme;

namespace Actuarial.Scenarios;

/// <summary>
/// Runs a <see cref="PensionScenario"/> through the layers in turn: population (2020 → end), labour and scheme
/// (2024 → end, producing each province's contributions, pensions and head counts), then the 31 fund ledgers with
/// the pooling rule in force (2025 → end).
/// </summary>
public static class PensionProjector
{
    /// <summary>Projects the scenario.</summary>
    public static PensionProjection Run(PensionScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        return Run(scenario, DemographicProjector.Run(scenario.Demography));
    }

    /// <summary>
    /// Projects the scenario on a demographic projection already run from <c>scenario.Demography</c>, so that scenarios
    /// that change no demographic lever can share one (as the CLI's runs of several scenario files do).
    /// </summary>
    /// <exception cref="InputDataException">The projection does not cover the scenario's years.</exception>
    public static PensionProjection Run(PensionScenario scenario, DemographicProjection demography)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(demography);
        scenario.Validate();
        var workforce = scenario.Labour.Compile();
        var schemeAssumptions = SchemeAssumptionsFor(scenario, demography, workforce);
        // The residents' scheme reads the members and its coverage sums: summed as the scheme steps, while each year's grid
        // is in cache.
        var scheme = SchemeProjector.Run(schemeAssumptions, SchemeCalibration.Calibrate(schemeAssumptions), recordMembersByAge: true,
            Actuarial.Residents.ResidentsProjector.CoverageShape(scenario.Residents));
        var flows = scheme.Flows.From(ChinaFunds.FirstProjectedYear);
        var fundAssumptions = WithIndexationIncreases(scenario, FundsWithGdp(scenario, demography), flows);
        if (scheme.RightsTransfers is not { } transfers) return new PensionProjection(scenario, demography, scheme, FundProjector.Run(flows, fundAssumptions));
        var funds = FundProjector.Run(transfers.AppliedTo(flows), fundAssumptions);
        return new PensionProjection(scenario, demography, scheme, funds, FundProjector.Run(flows, fundAssumptions));
    }

    /// <summary>
    /// A deferred indexation (<see cref="FundStress.DeferredIndexationMonths"/>) needs each year's general increase: the
    /// scenario's indexation rule at the flows' national average wage growth (covered wage bill ÷ contributing workers)
    /// and the scenario's price growth, as the scheme's engine computes it from its own covered workers.
    /// </summary>
    internal static FundAssumptions WithIndexationIncreases(PensionScenario scenario, FundAssumptions funds, FundFlows flows)
    {
        if (funds.Stress is not { DeferredIndexationMonths.Count: > 0 } stress) return funds;
        double Wage(int year)
        {
            double bill = 0, workers = 0;
            foreach (double v in flows.CoveredWageBill(year)) bill += v;
            foreach (double v in flows.ContributingWorkers(year)) workers += v;
            return bill / workers;
        }
        var increases = new Dictionary<int, double>();
        foreach (int year in stress.DeferredIndexationMonths.Keys)
        {
            var indexation = scenario.Scheme.Rules.Indexation;
            bool published = year <= indexation.Published.LastYear;
            if (year < flows.FirstYear || year > flows.LastYear || (!published && year == flows.FirstYear))
            {
                throw new InputDataException("fund stress", null, $"DeferredIndexationMonths[{year}]", null,
                    $"a year in {flows.FirstYear}–{flows.LastYear} (after {indexation.Published.LastYear}, the last published increase, a year after {flows.FirstYear}: the rule needs the previous year's wage)");
            }
            double growth = published ? double.NaN : Wage(year) / Wage(year - 1) - 1;
            increases[year] = scenario.Scheme.Rules.Indexation.Increase(year, growth, scenario.Scheme.PriceGrowthIn(year));
        }
        return funds with { Stress = stress with { IndexationIncreases = increases } };
    }

    /// <summary>The scenario's fund assumptions with the GDP path given to a subsidy rule that reads it (<see cref="SubsidyShareOfGdp"/>).</summary>
    internal static FundAssumptions FundsWithGdp(PensionScenario scenario, DemographicProjection demography)
    {
        if (scenario.Funds.Subsidies is not SubsidyShareOfGdp { NominalGdpYuan: null } rule || scenario.Economy is null) return scenario.Funds;
        var gdp = scenario.Economy.NominalGdp(scenario.Labour.WageGrowth, demography, scenario.EndYear);
        return scenario.Funds with { Subsidies = new SubsidyShareOfGdp(rule.PercentOfGdp, gdp) };
    }

    /// <summary>
    /// The scenario's scheme assumptions on a population and labour layer, with its end year and, unless the scenario sets
    /// one, the 2024 fund return of the calibration (<see cref="SchemeAssumptions.BaseYearFundReturn"/>) = the blended return
    /// its ledgers credit in their first year, so that the investment income the calibration takes out of the 2024 revenue
    /// is the income the ledgers put back.
    /// </summary>
    internal static SchemeAssumptions SchemeAssumptionsFor(PensionScenario scenario, DemographicProjection demography, ICoveredWorkforce workforce) =>
        scenario.Scheme with
        {
            Demography = demography,
            Workforce = workforce,
            EndYear = scenario.EndYear,
            BaseYearFundReturn = scenario.Scheme.BaseYearFundReturn ?? scenario.Funds.BlendedReturn(ChinaFunds.FirstProjectedYear),
        };
}

/// <summary>The results of every layer of a pension projection, and the summary people read first.</summary>
public sealed partial class PensionProjection
{
    internal PensionProjection(PensionScenario scenario, DemographicProjection demography, SchemeProjection scheme, FundProjection funds,
        FundProjection? fundsWithoutTransfers = null)
    {
        FundsWithoutTransfers = fundsWithoutTransfers;
        Scenario = scenario;
        Demography = demography;
        Scheme = scheme;
        Funds = funds;
    }

    /// <summary>The scenario that was run.</summary>
    public PensionScenario Scenario { get; }

    /// <summary>The population by region, sex, education and age, with its flows and indicators.</summary>
    public DemographicProjection Demography { get; }

    /// <summary>Contributors, pensioners, contributions and pensions by province.</summary>
    public SchemeProjection Scheme { get; }

    /// <summary>The provincial fund ledgers, transfers and solvency measures.</summary>
    public FundProjection Funds { get; }

    private Actuarial.Residents.ResidentsProjection? _residents;

    /// <summary>
    /// The urban and rural residents' scheme and the coverage of everyone aged 16+ on this projection's population and
    /// employee scheme (<see cref="Actuarial.Residents.ResidentsProjector"/>), computed when first asked for: prices from the
    /// scheme's CPI path, interest at the employee funds' blended return (2024: the
    /// return the employee scheme's calibration takes out of its 2024 revenue).
    /// </summary>
    public Actuarial.Residents.ResidentsProjection Residents => _residents ??= Actuarial.Residents.ResidentsProjector.Run(
        Scenario.Residents, Demography, Scheme, Scheme.Assumptions.PriceGrowthIn,
        year => year < Funds.FirstYear ? Scheme.Assumptions.BaseYearFundReturn ?? Scenario.Funds.BlendedReturn(Funds.FirstYear) : Scenario.Funds.BlendedReturn(year));

    /// <summary>
    /// The headline measures: first year of current deficit (with and without subsidies), depletion year, peak balance
    /// and its year (national); system dependency ratios at fixed years; and the provinces whose funds are depleted by
    /// the end year.
    /// </summary>
    public PensionSummary Summary()
    {
        var national = Funds.Summary().Single(r => r.RegionCode == 0);
        var schemeRows = Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var dependency = new List<(int Year, double? PensionersPerContributor)>();
        foreach (int year in new[] { 2030, 2050, 2100 })
        {
            if (schemeRows.TryGetValue(year, out var row)) dependency.Add((year, row.SystemDependencyRatio));
        }
        var depleted = Funds.Summary().Where(r => r.RegionCode != 0 && r.DepletionYear is not null)
            .OrderBy(r => r.DepletionYear).Select(r => (r.Region, r.DepletionYear!.Value)).ToArray();
        return new PensionSummary(Scenario.Name, national.FirstYear, national.LastYear, national.FirstCurrentDeficitYear,
            national.FirstCurrentDeficitYearExcludingSubsidies, national.DepletionYear, national.PeakBalance, national.PeakBalanceYear,
            dependency, depleted);
    }
}

/// <summary>The headline measures of a pension projection (national unless stated).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="FirstYear">First year of the fund ledgers.</param>
/// <param name="LastYear">Last projected year.</param>
/// <param name="FirstCurrentDeficitYear">First year spending exceeds revenue including subsidies, if any.</param>
/// <param name="FirstCurrentDeficitYearExcludingSubsidies">First year spending exceeds revenue without subsidies, if any.</param>
/// <param name="DepletionYear">First year the national accumulated balance is negative, if any.</param>
/// <param name="PeakBalanceYuan">Highest national year-end balance, yuan.</param>
/// <param name="PeakBalanceYear">Year of the peak.</param>
/// <param name="SystemDependencyRatios">Pensioners per contributor at 2030, 2050 and 2100 (where projected); null in a year without contributors.</param>
/// <param name="DepletedProvinces">Provinces whose own fund is depleted within the horizon, with the year, earliest first.</param>
public sealed partial record PensionSummary(
    string Scenario, int FirstYear, int LastYear, int? FirstCurrentDeficitYear, int? FirstCurrentDeficitYearExcludingSubsidies,
    int? DepletionYear, double PeakBalanceYuan, int PeakBalanceYear,
    IReadOnlyList<(int Year, double? PensionersPerContributor)> SystemDependencyRatios,
    IReadOnlyList<(string Region, int Year)> DepletedProvinces);
