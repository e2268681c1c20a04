using Actuarial.Pensions;
using Actuarial.Residents;
using Actuarial.Scheme;

namespace Actuarial.China;

// China's scheme defaults: the rules as of 2025, the 2024 calibration targets and the residents' scheme.
public static partial class ChinaDefaults
{
    /// <summary>Base year of the scheme's state: the 2024 yearbook the scheme is calibrated to.</summary>
    public const int SchemeBaseYear = 2024;

    private static readonly Lazy<Indexation> DefaultIndexation = new(() =>
        new(Actuarial.Pensions.Indexation.PublishedChina, new PricesPlusShareOfRealWageGrowth(IndexationShareOfRealWageGrowth())));

    private static readonly Lazy<AccountCreditingRates> DefaultCrediting = new(() =>
        new(AccountCreditingRates.PublishedChina, 0.025, new PricesPlusShareOfRealWageGrowth(CreditingShareOfRealWageGrowth())));

    private static readonly ContributionRates DefaultContributions = new(
        new RateSchedule("employer rate to the pooled fund", [new(new(2006, 1), 0.20), new(new(2019, 5), 0.16)]),
        RateSchedule.Constant("employee rate to the individual account", new(2006, 1), 0.08),
        new Dictionary<int, RateSchedule>
        {
            [31] = new("employer rate to the pooled fund, Shanghai", [new(new(2006, 1), 0.21), new(new(2016, 5), 0.20), new(new(2019, 5), 0.16)]),
        });

    private static readonly ContributionBase DefaultContributionBase = new();
    private static readonly MinimumContributionYears DefaultMinimumYears = new();
    private static readonly BenefitFormula DefaultBenefits = new();
    private static readonly IndividualAccountDivisor DefaultDivisors = new(IndividualAccountDivisor.Guofa2005No38Months.Select((months, i) => (40 + i, months)));
    private static readonly Labour.RelativeEarnings DefaultEarnings = new();
    private static readonly FoundationPension DefaultFoundationPension = new();

    private static readonly Lazy<SchemeRules> DefaultRules = new(() => new SchemeRules
    {
        Contributions = DefaultContributions,
        ContributionBase = DefaultContributionBase,
        RetirementAges = RetirementAges(),
        MinimumContributionYears = DefaultMinimumYears,
        Benefits = DefaultBenefits,
        Divisors = DefaultDivisors,
        CreditingRates = DefaultCrediting.Value,
        Indexation = DefaultIndexation.Value,
    });

    private static readonly Lazy<ResidentsAssumptions> DefaultResidents = new(() => new ResidentsAssumptions
    {
        FoundationPension = DefaultFoundationPension,
        Targets2024 = PensionData.ResidentsPensionProvince2024().Select(r => new ResidentsTarget(r.RegionCode, r.ParticipantsTenThousands,
            r.BeneficiariesTenThousands, r.RevenueHundredMillionYuan, r.ExpenditureHundredMillionYuan, r.AccumulatedBalanceHundredMillionYuan)).ToArray(),
    });

    /// <summary>
    /// The default share of real wage growth passed to pensions above prices: estimated on the published increases
    /// 2016–2025 (<see cref="Indexation.PublishedChina"/>) by <see cref="ChinaEconomy.EstimateShareOfRealWageGrowth"/> (≈ 0.48).
    /// </summary>
    internal static double IndexationShareOfRealWageGrowth() => ChinaEconomy.EstimateShareOfRealWageGrowth(Actuarial.Pensions.Indexation.PublishedChina, 2016, 2025);

    /// <summary>
    /// The default share of real wage growth credited to accounts above prices: estimated on the published crediting rates
    /// 2016–2024 (<see cref="AccountCreditingRates.PublishedChina"/>) by <see cref="ChinaEconomy.EstimateShareOfRealWageGrowth"/> (≈ 0.73).
    /// </summary>
    internal static double CreditingShareOfRealWageGrowth() => ChinaEconomy.EstimateShareOfRealWageGrowth(AccountCreditingRates.PublishedChina, 2016, 2024);

    /// <summary>China's indexation: the published increases 2016–2025, then prices plus <see cref="IndexationShareOfRealWageGrowth"/> of real wage growth.</summary>
    public static Indexation Indexation() => DefaultIndexation.Value;

    /// <summary>China's crediting rates: the published rates 2016–2024, 2.5% before, then prices plus <see cref="CreditingShareOfRealWageGrowth"/> of real wage growth.</summary>
    public static AccountCreditingRates CreditingRates() => DefaultCrediting.Value;

    /// <summary>
    /// China's contribution rates: employer to the pooled fund 20% from 2006 and 16% from May 2019 (Shanghai 21%, 20% from
    /// May 2016, then 16%), employee to the individual account 8% (sources in <see cref="Pensions.ContributionRates"/>'s remarks).
    /// </summary>
    public static ContributionRates ContributionRates() => DefaultContributions;

    /// <summary>China's contribution base: floor 60%, cap 300% of the provincial average wage (<see cref="Pensions.ContributionBase"/>'s defaults).</summary>
    public static ContributionBase ContributionBase() => DefaultContributionBase;

    /// <summary>China's statutory retirement ages: the 2024 reform (<see cref="RetirementAgeSchedule.Reform2025"/>).</summary>
    public static RetirementAgeSchedule RetirementAges() => RetirementAgeSchedule.Reform2025;

    /// <summary>China's minimum contribution years: 15 to 2029, +0.5 a year from 2030, 20 from 2039 (<see cref="Pensions.MinimumContributionYears"/>'s defaults).</summary>
    public static MinimumContributionYears MinimumContributionYears() => DefaultMinimumYears;

    /// <summary>China's benefit formula: 1% per contribution year; transitional coefficient 1.2%, an assumption (<see cref="Pensions.BenefitFormula"/>'s defaults).</summary>
    public static BenefitFormula BenefitFormula() => DefaultBenefits;

    /// <summary>China's individual-account divisors: 国发〔2005〕38号, ages 40–70, completed years (<see cref="IndividualAccountDivisor.Guofa2005No38Months"/>).</summary>
    public static IndividualAccountDivisor Divisors() => DefaultDivisors;

    /// <summary>China's relative earnings: returns to schooling from Zhang et al. (2005), flat in age and sex (<see cref="Labour.RelativeEarnings"/>'s defaults).</summary>
    public static Labour.RelativeEarnings RelativeEarnings() => DefaultEarnings;

    /// <summary>China's foundation pension of the residents' scheme: the published 2024 and 2025 minimums, then the real value held.</summary>
    public static FoundationPension FoundationPension() => DefaultFoundationPension;

    /// <summary>China's rules as of 2025 with the documented defaults of each piece (the 2025 reform of retirement ages included).</summary>
    public static SchemeRules SchemeRules() => DefaultRules.Value;

    /// <summary>
    /// China's scheme assumptions before a projection supplies the population, workforce and end year: base year 2024,
    /// <see cref="SchemeRules"/>, the 2024 yearbook as the calibration targets (<see cref="ChinaSchemeTargets.Yearbook2024Targets"/>)
    /// and the national subsidy share of revenue (<see cref="ChinaSchemeTargets.NationalSubsidyShare"/>).
    /// </summary>
    /// <remarks>The same instance every call, so that scenarios built from the defaults keep equal scheme layers (shared by the runners).</remarks>
    public static SchemeAssumptions Scheme() => DefaultScheme.Value;

    private static readonly Lazy<SchemeAssumptions> DefaultScheme = new(() => new SchemeAssumptions
    {
        BaseYear = SchemeBaseYear,
        Rules = SchemeRules(),
        Targets = ChinaSchemeTargets.Yearbook2024Targets(),
        SubsidyShare = ChinaSchemeTargets.NationalSubsidyShare().Share,
    });

    /// <summary>The residents' scheme under current policy: the published foundation-pension minimums, the NBS 2024 provincial table as the calibration target.</summary>
    public static ResidentsAssumptions Residents() => DefaultResidents.Value;
}
