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

    private static readonly Lazy<SchemeRules> DefaultRules = new(() => new SchemeRules
    {
        Contributions = ContributionRates.ChinaDefaults,
        ContributionBase = ContributionBase.ChinaDefaults,
        RetirementAges = RetirementAgeSchedule.ChinaDefaults,
        MinimumContributionYears = MinimumContributionYears.ChinaDefaults,
        Benefits = BenefitFormula.ChinaDefaults,
        Divisors = IndividualAccountDivisor.ChinaDefaults,
        CreditingRates = DefaultCrediting.Value,
        Indexation = DefaultIndexation.Value,
    });

    private static readonly Lazy<ResidentsAssumptions> DefaultResidents = new(() => new ResidentsAssumptions
    {
        Targets2024 = PensionData.ResidentsPensionProvince2024().Select(r => new ResidentsTarget(r.RegionCode, r.ParticipantsTenThousands,
            r.BeneficiariesTenThousands, r.RevenueHundredMillionYuan, r.ExpenditureHundredMillionYuan, r.AccumulatedBalanceHundredMillionYuan)).ToArray(),
    });

    /// <summary>
    /// The default share of real wage growth passed to pensions above prices: estimated on the published increases
    /// 2016–2025 (<see cref="Indexation.PublishedChina"/>) by <see cref="ChinaEconomy.EstimateShareOfRealWageGrowth"/> (≈ 0.48).
    /// </summary>
    public static double IndexationShareOfRealWageGrowth() => ChinaEconomy.EstimateShareOfRealWageGrowth(Actuarial.Pensions.Indexation.PublishedChina, 2016, 2025);

    /// <summary>
    /// The default share of real wage growth credited to accounts above prices: estimated on the published crediting rates
    /// 2016–2024 (<see cref="AccountCreditingRates.PublishedChina"/>) by <see cref="ChinaEconomy.EstimateShareOfRealWageGrowth"/> (≈ 0.73).
    /// </summary>
    public static double CreditingShareOfRealWageGrowth() => ChinaEconomy.EstimateShareOfRealWageGrowth(AccountCreditingRates.PublishedChina, 2016, 2024);

    /// <summary>China's indexation: the published increases 2016–2025, then prices plus <see cref="IndexationShareOfRealWageGrowth"/> of real wage growth.</summary>
    public static Indexation Indexation() => DefaultIndexation.Value;

    /// <summary>China's crediting rates: the published rates 2016–2024, 2.5% before, then prices plus <see cref="CreditingShareOfRealWageGrowth"/> of real wage growth.</summary>
    public static AccountCreditingRates CreditingRates() => DefaultCrediting.Value;

    /// <summary>China's rules as of 2025 with the documented defaults of each piece (the 2025 reform of retirement ages included).</summary>
    public static SchemeRules SchemeRules() => DefaultRules.Value;

    /// <summary>
    /// China's scheme assumptions before a projection supplies the population, workforce and end year: base year 2024,
    /// <see cref="SchemeRules"/>, the 2024 yearbook as the calibration targets (<see cref="ChinaSchemeTargets.Yearbook2024Targets"/>)
    /// and the national subsidy share of revenue (<see cref="ChinaSchemeTargets.NationalSubsidyShare"/>).
    /// </summary>
    public static SchemeAssumptions Scheme() => new()
    {
        BaseYear = SchemeBaseYear,
        Rules = SchemeRules(),
        Targets = ChinaSchemeTargets.Yearbook2024Targets(),
        SubsidyShare = ChinaSchemeTargets.NationalSubsidyShare().Share,
    };

    /// <summary>The residents' scheme under current policy: the published foundation-pension minimums, the NBS 2024 provincial table as the calibration target.</summary>
    public static ResidentsAssumptions Residents() => DefaultResidents.Value;
}
