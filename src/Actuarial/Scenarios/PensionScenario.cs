using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Scheme;

namespace Actuarial.Scenarios;

/// <summary>
/// Everything a pension projection needs, layer by layer: the population, the labour market, the scheme's rules and
/// state, and the provincial funds with their pooling rule. Immutable; move a lever of the catalogue with
/// <see cref="With(Lever, double)"/>, e.g. <c>ChinaDefaults.PensionScenario().With(Levers.EmployerRate, 0.14)</c>, which gives
/// what a scenario file with that value gives (a <c>with</c> expression on one layer's record can miss what the lever
/// also moves, such as a province's own employer-rate schedule). The demography runs from its base year (2020); the
/// scheme's state starts in 2024 (calibrated to the 2024 yearbook) and the fund ledgers open on 1 January 2025 with
/// the end-2024 balances.
/// </summary>
public sealed record PensionScenario
{
    /// <summary>A short name for tables and charts.</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>The population assumptions (its <see cref="DemographicAssumptions.EndYear"/> must reach <see cref="EndYear"/>).</summary>
    public required DemographicAssumptions Demography { get; init; }

    /// <summary>Participation, coverage, wages.</summary>
    public required LabourAssumptions Labour { get; init; }

    /// <summary>
    /// The scheme's rules and settings (contribution rates, retirement ages, indexation, career assumptions,
    /// calibration targets). Its population, workforce and end year are supplied by the projection from this scenario.
    /// </summary>
    public SchemeAssumptions Scheme { get; init; } = ChinaDefaults.Scheme();

    /// <summary>The provincial funds: opening balances, returns, subsidies, pooling, reserve.</summary>
    public required FundAssumptions Funds { get; init; }

    /// <summary>The urban and rural residents' scheme, projected on the same population beside the employee scheme (<see cref="PensionProjection.Residents"/>).</summary>
    public Actuarial.Residents.ResidentsAssumptions Residents { get; init => field = value ?? throw new ArgumentNullException(nameof(Residents)); } =
        ChinaDefaults.Residents();

    /// <summary>The funded pillars (enterprise and occupational annuities, the personal pension), projected beside the basic schemes (<see cref="PensionProjection.Pillars"/>).</summary>
    public Actuarial.Pillars.PillarAssumptions Pillars { get; init => field = value ?? throw new ArgumentNullException(nameof(Pillars)); } =
        ChinaDefaults.Pillars();

    /// <summary>Last projected year.</summary>
    public required int EndYear { get; init; }

    /// <summary>The e0 levers set on the scenario (they combine into its mortality model, which each of them rebuilds), or null.</summary>
    internal LifeExpectancyLevers? LifeExpectancy { get; init; }

    /// <summary>
    /// The macro-economic path the scenario's nominal inputs were linked to (<see cref="LinkedTo"/>), or null for a
    /// scenario whose layers carry their own nominal paths. The projection reads it for GDP, the price level and the
    /// discount rate of its policy view (<see cref="PensionProjection.EconomicTable"/>).
    /// </summary>
    public Actuarial.Economy.EconomicAssumptions? Economy { get; init; }

    // The same labour layer linked to the same economy gives the very same object, so that scenarios that change no
    // labour or economic lever keep equal layers (ScenarioFileRunner shares what is equal).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LabourAssumptions,
        System.Runtime.CompilerServices.ConditionalWeakTable<Actuarial.Economy.EconomicAssumptions, LabourAssumptions>> LinkedLabour = new();

    /// <summary>
    /// The scenario with every nominal input linked to <paramref name="economy"/>: the labour layer's wage growth after
    /// the observed years = (1 + real wage growth)(1 + π) − 1, the CPI path read by the indexation and crediting rules, the
    /// fund returns after the observed years = (1 + real return)(1 + π) − 1. With rules that read real wage growth and
    /// prices (<see cref="Pensions.PricesPlusShareOfRealWageGrowth"/>) and subsidies proportional to spending, changing
    /// inflation alone then scales every money amount by the price level and changes no real amount and no ratio.
    /// </summary>
    /// <exception cref="InputDataException">The economy does not cover the scenario's years.</exception>
    public PensionScenario LinkedTo(Actuarial.Economy.EconomicAssumptions economy)
    {
        ArgumentNullException.ThrowIfNull(economy);
        if (economy.LastYear < EndYear)
        {
            throw new InputDataException(Name, null, "Economy.LastYear", economy.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at least the scenario's end year {EndYear}");
        }
        return this with
        {
            Economy = economy,
            Labour = LinkedLabour.GetValue(Labour, _ => new()).GetValue(economy, e => Labour with { WageGrowth = e.LinkWageGrowth(Labour.WageGrowth) }),
            Scheme = Scheme with { PriceGrowthPath = economy.PriceGrowth },
            Funds = Funds with
            {
                EntrustedReturn = economy.LinkReturn(Funds.EntrustedReturn, economy.RealEntrustedReturn),
                OtherReturn = economy.LinkReturn(Funds.OtherReturn, economy.RealOtherReturn),
            },
        };
    }

    /// <summary>
    /// The scenario with <paramref name="lever"/> at <paramref name="value"/> from <see cref="Levers.FirstLeverYear"/>:
    /// the same scenario a scenario file with that value gives (e.g. <c>scenario.With(Levers.EmployerRate, 0.14)</c>
    /// sets every province's employer rate, provincial schedules included).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the lever's range.</exception>
    /// <exception cref="ArgumentException">The rules in force do not use the lever (e.g. an indexation share under a fixed rate).</exception>
    public PensionScenario With(Lever lever, double value)
    {
        ArgumentNullException.ThrowIfNull(lever);
        return lever.Apply(this, new LeverPath(Levers.FirstLeverYear, [value]));
    }

    /// <summary>The scenario with <paramref name="lever"/> following <paramref name="path"/> (a lever that takes a path; the last value holds to the horizon).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the lever's range, or a path that starts before <see cref="Levers.FirstLeverYear"/>.</exception>
    /// <exception cref="ArgumentException">The lever takes a single number, or the rules in force do not use it.</exception>
    public PensionScenario With(Lever lever, LeverPath path)
    {
        ArgumentNullException.ThrowIfNull(lever);
        return lever.Apply(this, path);
    }

    /// <summary>Checks that the layers cover the horizon.</summary>
    /// <exception cref="InputDataException">A layer ends before <see cref="EndYear"/>.</exception>
    public void Validate()
    {
        if (Demography.EndYear < EndYear)
        {
            throw new InputDataException(Name, null, "Demography.EndYear", Demography.EndYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at least the scenario's end year {EndYear}");
        }
        if (Labour.LastYear < EndYear)
        {
            throw new InputDataException(Name, null, "Labour.LastYear", Labour.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at least the scenario's end year {EndYear}");
        }
    }
}
