using System.Globalization;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Scenarios;
using Actuarial.Scheme;

namespace Actuarial.Stochastic;

/// <summary>
/// Helpers around <see cref="PensionPathEvaluator"/>: a default shock model, a shorter horizon, and the deterministic
/// projection with a given calibration (the reference every path and every goal-seek is measured against).
/// </summary>
public static class PensionMonteCarlo
{
    /// <summary>
    /// A default shock model from <paramref name="firstYear"/> to <paramref name="lastYear"/>: the Lee–Carter index with σ
    /// and the drift's standard error fitted to WPP 2024 abridged periods (the fit of the China defaults' pattern),
    /// log-TFR AR(1) with σ 5% and φ 0.9, wage growth AR(1) ±1 point with φ 0.5, returns ±3 points (white noise),
    /// coverage AR(1) ±2% with φ 0.8 (only when <paramref name="coverage"/>), wages and returns correlated 0.4.
    /// These are illustrative parameters, not estimates for China's scheme.
    /// <para>With <paramref name="economy"/> (for a scenario linked to an economy, as the China defaults are), three more
    /// drivers, each an assumption (none is estimated for China in the library's sources):
    /// <list type="bullet">
    /// <item>inflation: AR(1) on CPI growth, σ 1 point, φ 0.5 (<see cref="InflationShock"/>): the same order as the
    /// wage-growth shock, so that nominal surprises are as large as real ones; passed to nominal wages, returns and the
    /// indexation and crediting rules through the economy's link;</item>
    /// <item>the long-run real wage trend: a level shift per path, σ 0.5 point a year (<see cref="RealWageTrendShock"/>):
    /// where productivity growth converges is the largest unknown of a 75-year wage path; the default converges to 1.5% a
    /// year on the reason that converged high-income economies grew about 1–2% (<see cref="ChinaEconomy.LongRunRealWageGrowth"/>),
    /// and ±1 σ spans that range (1.0–2.0%);</item>
    /// <item>the indexation policy share of real wage growth: logit-normal per path, σ 0.5 on the logit scale
    /// (<see cref="IndexationShareShock"/>): the published increases 2016–2023 were 46–73% of that year's wage growth
    /// (issue #14's reading of the history), so the policy share is uncertain by about ±0.12 around the default 0.48,
    /// which ±1 σ on the logit gives (0.36–0.60).</item>
    /// </list>
    /// They draw from a block of normals after the five correlated drivers' (<see cref="ShockModel"/>), so the paths of the
    /// other drivers are the same as without them; the outcomes of course move, as the new draws add variance.</para>
    /// </summary>
    /// <param name="firstYear">First shocked year (default 2025, the first year after the 2024 calibration).</param>
    /// <param name="lastYear">Last shocked year.</param>
    /// <param name="coverage">Whether coverage is shocked.</param>
    /// <param name="economy">Whether inflation, the long-run real wage trend and the indexation share are drawn.</param>
    public static ShockModel DefaultShocks(int firstYear = 2025, int lastYear = 2100, bool coverage = true, bool economy = true)
    {
        var corr = new double[ShockModel.DriverCount, ShockModel.DriverCount];
        for (int i = 0; i < ShockModel.DriverCount; i++) corr[i, i] = 1;
        corr[(int)ShockDriver.WageGrowth, (int)ShockDriver.InvestmentReturn] = corr[(int)ShockDriver.InvestmentReturn, (int)ShockDriver.WageGrowth] = 0.4;
        return new ShockModel
        {
            FirstYear = firstYear,
            LastYear = lastYear,
            Mortality = MortalityShock.FromLeeCarter(WppLeeCarter(Sex.Male), WppLeeCarter(Sex.Female), includeDriftUncertainty: true),
            Fertility = new Ar1Shock(0.05, 0.9),
            WageGrowth = new Ar1Shock(0.01, 0.5),
            InvestmentReturn = new Ar1Shock(0.03),
            Coverage = coverage ? new Ar1Shock(0.02, 0.8) : null,
            Inflation = economy ? InflationShock : null,
            LongRunRealWageGrowth = economy ? RealWageTrendShock : null,
            IndexationShare = economy ? IndexationShareShock : null,
            Correlation = corr,
        };
    }

    /// <summary>
    /// The quantity each shock driver of <see cref="ShockModel"/> moves, as levers of the catalogue (key, unit, range,
    /// default and source in <see cref="Lever.Spec"/>): the economic drivers move a path's scenario through the levers'
    /// own definitions (<see cref="PensionScenario.With(Lever, LeverPath)"/>, without the range check a file's value gets),
    /// and so does coverage; the other correlated drivers act inside each path's compiled population, nominal wage path or
    /// ledgers, where applying a lever would re-project what the path shares, and name the levers whose quantity they move.
    /// </summary>
    public static IReadOnlyList<ShockedLever> ShockedLevers { get; } =
    [
        new("Mortality", [Levers.LifeExpectancyMale, Levers.LifeExpectancyFemale], false,
            "the Lee–Carter index k(t) of both sexes, a random walk around the central path (the index that meets the e0 these levers set), in each path's compiled population"),
        new("Fertility", [Levers.TotalFertilityRate], false, "the TFR × exp(x), x an AR(1) on its logarithm, in each path's compiled population"),
        new("WageGrowth", [Levers.RealWageGrowth, Levers.PriceGrowth], false,
            "+ x on the labour layer's nominal wage growth, which these two levers make ((1 + real)(1 + price) − 1), prices unmoved"),
        new("InvestmentReturn", [Levers.RealReturnEntrusted, Levers.RealReturnOther], false,
            "+ x on both nominal returns of the fund year (each the real return of its lever made nominal with the price growth)"),
        new("Coverage", [Levers.OfLabour(LabourLever.NonAgriculturalShareScale)], true, "the lever's path × exp(x), x an AR(1), from 2025; the path's labour layer recompiled"),
        new("Inflation", [Levers.PriceGrowth], true, "the economy's CPI growth + x after its observed years, an AR(1); the scenario re-linked"),
        new("LongRunRealWageGrowth", [Levers.RealWageGrowth], true, "the economy's real wage growth + one shift per path after its observed years; the scenario re-linked"),
        new("IndexationShare", [Levers.IndexationShare], true, "the share of the indexation rule in force, logit-normal around the central share"),
    ];

    /// <summary>Default inflation driver: AR(1) on CPI growth, σ 0.01, φ 0.5 (assumption; <see cref="DefaultShocks"/>).</summary>
    internal static Ar1Shock InflationShock { get; } = new(0.01, 0.5);

    /// <summary>Default long-run real wage trend driver: a per-path shift, σ 0.005 (assumption; <see cref="DefaultShocks"/>).</summary>
    internal static TrendShock RealWageTrendShock { get; } = new(0.005);

    /// <summary>Default indexation share driver: logit-normal, σ 0.5 (assumption from the 2016–2023 spread; <see cref="DefaultShocks"/>).</summary>
    internal static ShareShock IndexationShareShock { get; } = new(0.5);

    /// <summary>Every driver on with zero variance (every path is then the central projection); for tests.</summary>
    internal static ShockModel ZeroVarianceShocks(int firstYear = 2025, int lastYear = 2100) => new()
    {
        FirstYear = firstYear,
        LastYear = lastYear,
        Mortality = new MortalityShock(0, 0, 0, 0),
        Fertility = new Ar1Shock(0, 0.9),
        WageGrowth = new Ar1Shock(0, 0.5),
        InvestmentReturn = new Ar1Shock(0),
        Coverage = new Ar1Shock(0, 0.8),
        Inflation = new Ar1Shock(0, 0.5),
        LongRunRealWageGrowth = new TrendShock(0),
        IndexationShare = new ShareShock(0),
    };

    /// <summary>A Lee–Carter model fitted to WPP 2024 abridged death rates of the China defaults' fitting periods.</summary>
    internal static LeeCarterModel WppLeeCarter(Sex sex)
    {
        var want = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        var periods = ChinaData.Wpp2024MxAbridged()
            .Where(r => r.Sex == want && r.PeriodStart >= ChinaDefaults.MortalityFitFirstPeriod && r.PeriodStart <= ChinaDefaults.MortalityJumpOffPeriod)
            .GroupBy(r => r.PeriodStart).OrderBy(g => g.Key).Select(g => g.OrderBy(r => r.AgeGroup.Start).Select(r => r.Mx).ToArray()).ToArray();
        return LeeCarterModel.FitAbridged(periods, sex, ChinaDefaults.MortalityFitFirstPeriod);
    }

    /// <summary>The scenario ending in <paramref name="endYear"/> (its demography too), e.g. a short horizon for quick studies and tests.</summary>
    /// <exception cref="InputDataException">The end year is before 2025 (the first fund year).</exception>
    public static PensionScenario WithEndYear(PensionScenario scenario, int endYear)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (endYear < ChinaFunds.FirstProjectedYear)
        {
            throw new InputDataException(scenario.Name, null, "EndYear", endYear.ToString(CultureInfo.InvariantCulture), $"a year ≥ {ChinaFunds.FirstProjectedYear}");
        }
        return scenario with { EndYear = endYear, Demography = scenario.Demography with { EndYear = endYear } };
    }

    /// <summary>
    /// The deterministic projection of <paramref name="scenario"/> with a given scheme calibration (e.g. the baseline's,
    /// so that levers and paths are on the same footing). With the scenario's own calibration it equals
    /// <see cref="PensionProjector.Run(PensionScenario)"/>.
    /// </summary>
    internal static PensionProjection RunDeterministic(PensionScenario scenario, SchemeCalibration calibration) =>
        RunDeterministic(scenario, calibration, null, null);

    /// <summary>As <see cref="RunDeterministic(PensionScenario, SchemeCalibration)"/> on a population and labour layer
    /// already computed from the scenario (levers of the scheme and funds leave them unchanged).</summary>
    internal static PensionProjection RunDeterministic(PensionScenario scenario, SchemeCalibration calibration, DemographicProjection? demography,
        CompiledLabourModel? labour)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(calibration);
        scenario.Validate();
        demography ??= DemographicProjector.Run(scenario.Demography);
        labour ??= scenario.Labour.Compile();
        var scheme = SchemeProjector.Run(PensionProjector.SchemeAssumptionsFor(scenario, demography, labour), calibration);
        var flows = scheme.Flows.From(ChinaFunds.FirstProjectedYear);
        if (scheme.RightsTransfers is { } transfers)
        {
            return new PensionProjection(scenario, demography, scheme, FundProjector.Run(transfers.AppliedTo(flows), scenario.Funds), FundProjector.Run(flows, scenario.Funds));
        }
        return new PensionProjection(scenario, demography, scheme, FundProjector.Run(flows, scenario.Funds));
    }

    /// <summary>The national closing balance (sum of the provincial balances, summed as the evaluator sums them) by fund year.</summary>
    internal static double[] NationalBalances(FundProjection funds)
    {
        ArgumentNullException.ThrowIfNull(funds);
        var result = new double[funds.LastYear - funds.FirstYear + 1];
        for (int year = funds.FirstYear; year <= funds.LastYear; year++)
        {
            result[year - funds.FirstYear] = System.Numerics.Tensors.TensorPrimitives.Sum(funds.Line(FundLine.ClosingBalance, year));
        }
        return result;
    }

    /// <summary>The lowest provincial closing balance by fund year.</summary>
    internal static double[] LowestProvincialBalances(FundProjection funds)
    {
        ArgumentNullException.ThrowIfNull(funds);
        var result = new double[funds.LastYear - funds.FirstYear + 1];
        for (int year = funds.FirstYear; year <= funds.LastYear; year++)
        {
            result[year - funds.FirstYear] = System.Numerics.Tensors.TensorPrimitives.Min(funds.Line(FundLine.ClosingBalance, year));
        }
        return result;
    }
}

/// <summary>What a driver of <see cref="ShockModel"/> moves, by the catalogue's levers (<see cref="PensionMonteCarlo.ShockedLevers"/>).</summary>
public sealed record ShockedLever
{
    internal ShockedLever(string driver, IReadOnlyList<Lever> levers, bool appliedThroughLever, string deviation) =>
        (Driver, Levers, AppliedThroughLever, Deviation) = (driver, levers, appliedThroughLever, deviation);

    /// <summary>The driver, as <see cref="ShockModel"/> names it.</summary>
    public string Driver { get; }

    /// <summary>The catalogue's levers whose quantity the draw moves.</summary>
    public IReadOnlyList<Lever> Levers { get; }

    /// <summary>Whether a path applies the draw through the levers' definitions (otherwise inside its compiled inputs).</summary>
    public bool AppliedThroughLever { get; }

    /// <summary>How the draw moves the quantity, in words.</summary>
    public string Deviation { get; }
}
