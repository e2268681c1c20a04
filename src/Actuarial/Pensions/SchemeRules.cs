namespace Actuarial.Pensions;

/// <summary>
/// The rules of the urban employee basic pension in one immutable record: contributions, the contribution base,
/// retirement ages, minimum contribution years, the benefit formula, the individual-account divisor, the crediting
/// rate and indexation. A scenario overrides one piece with <c>with</c>, e.g.
/// <c>rules with { Indexation = rules.Indexation with { FutureRule = new ShareOfWageGrowth(0.6) } }</c> (China's rules: <c>ChinaDefaults.SchemeRules()</c> in Actuarial.China).
/// Each piece's documentation cites its policy source and names its assumptions.
/// </summary>
public sealed record SchemeRules
{
    /// <summary>Contribution rates (employer to the pooled fund, employee to the individual account, provinces, relief).</summary>
    public required ContributionRates Contributions { get; init => field = RuleChecks.NotNull(value, nameof(Contributions)); }

    /// <summary>Contribution base floor and cap.</summary>
    public required ContributionBase ContributionBase { get; init => field = RuleChecks.NotNull(value, nameof(ContributionBase)); }

    /// <summary>Statutory retirement ages by birth cohort and elastic retirement.</summary>
    public required RetirementAgeSchedule RetirementAges { get; init => field = RuleChecks.NotNull(value, nameof(RetirementAges)); }

    /// <summary>Minimum contribution years by retirement year.</summary>
    public required MinimumContributionYears MinimumContributionYears { get; init => field = RuleChecks.NotNull(value, nameof(MinimumContributionYears)); }

    /// <summary>The benefit formula (basic, individual-account and transitional pensions).</summary>
    public required BenefitFormula Benefits { get; init => field = RuleChecks.NotNull(value, nameof(Benefits)); }

    /// <summary>The individual-account divisor table (计发月数).</summary>
    public required IndividualAccountDivisor Divisors { get; init => field = RuleChecks.NotNull(value, nameof(Divisors)); }

    /// <summary>The individual-account crediting rate (记账利率).</summary>
    public required AccountCreditingRates CreditingRates { get; init => field = RuleChecks.NotNull(value, nameof(CreditingRates)); }

    /// <summary>The annual increase of pensions in payment.</summary>
    public required Indexation Indexation { get; init => field = RuleChecks.NotNull(value, nameof(Indexation)); }

    /// <summary>The monthly pension at retirement of a person, with this record's formula and divisor table.</summary>
    /// <param name="averageMonthlyWage">Provincial average monthly wage of the year before retirement.</param>
    /// <param name="contributionIndex">The person's average contribution index.</param>
    /// <param name="contributionYears">Contribution years including deemed years.</param>
    /// <param name="deemedYears">Deemed years before individual accounts (part of <paramref name="contributionYears"/>).</param>
    /// <param name="accountBalance">Individual-account balance at retirement.</param>
    /// <param name="retirementAgeMonths">Age at retirement in months (reads the divisor table).</param>
    internal PensionAtRetirement NewPension(double averageMonthlyWage, double contributionIndex, double contributionYears, double deemedYears,
        double accountBalance, int retirementAgeMonths) =>
        Benefits.NewPension(averageMonthlyWage, contributionIndex, contributionYears, deemedYears, accountBalance, Divisors.ForAgeInMonths(retirementAgeMonths));
}
