namespace Actuarial.Pensions;

/// <summary>
/// The monthly pension at retirement under 国务院关于完善企业职工基本养老保险制度的决定 (国发〔2005〕38号, for people retiring
/// from 2006): basic pension + individual-account pension + transitional pension. Immutable; the accrual rate and the
/// provincial transitional coefficient are levers (<c>with</c>).
/// </summary>
/// <remarks>
/// <para>Basic pension (基础养老金), [S] 国发〔2005〕38号:
/// <c>(W + W × I) / 2 × Y × 1%</c>, where <c>W</c> is the provincial average monthly wage of the year before
/// retirement, <c>I</c> the person's average contribution index (mean over contribution years of own base / provincial
/// average wage; <c>W × I</c> is the 本人指数化月平均缴费工资) and <c>Y</c> the contribution years including deemed years
/// (视同缴费年限).</para>
/// <para>Individual-account pension (个人账户养老金), [S]: account balance at retirement / divisor (计发月数,
/// <see cref="IndividualAccountDivisor"/>).</para>
/// <para>Transitional pension (过渡性养老金) for people who worked before individual accounts: set by each province;
/// the form used here is <c>W × I × deemed years × coefficient</c> (指数化月平均缴费工资 × 视同缴费年限 × 系数, [S] one
/// provincial formula with 1.2%). The coefficient varies by province, typically 1.0%–1.4% ([U]); the default 1.2% is
/// an assumption for a national average. Some provinces (e.g. Guangdong) use a separate deemed index in place of
/// <c>I</c> ([S2]); pass it as the index argument.</para>
/// <para>Not modelled: the 2024 reform's incentive that links the accrual proportion to contribution years (办法 第四条,
/// [S] but without a formula in the sources).</para>
/// </remarks>
public sealed record BenefitFormula
{
    /// <summary>Basic-pension accrual per contribution year, in [0, 0.05]; 1% by 国发〔2005〕38号.</summary>
    public double AccrualRatePerYear { get; init => field = RuleChecks.InRange(value, 0, 0.05, nameof(BenefitFormula), nameof(AccrualRatePerYear)); } = 0.01;

    /// <summary>Transitional-pension coefficient per deemed year, in [0, 0.02]; typically 1.0%–1.4% by province ([U]); default 1.2% (assumption).</summary>
    public double TransitionalCoefficient { get; init => field = RuleChecks.InRange(value, 0, 0.02, nameof(BenefitFormula), nameof(TransitionalCoefficient)); } = 0.012;

    /// <summary>The monthly basic pension: <c>W × (1 + I) / 2 × Y × AccrualRatePerYear</c>.</summary>
    /// <param name="averageMonthlyWage">Provincial average monthly wage of the year before retirement (W), &gt; 0.</param>
    /// <param name="contributionIndex">The person's average contribution index (I), in [0, 10].</param>
    /// <param name="contributionYears">Contribution years including deemed years (Y), in [0, 80].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument out of range.</exception>
    public double BasicPension(double averageMonthlyWage, double contributionIndex, double contributionYears)
    {
        CheckWage(averageMonthlyWage);
        RuleChecks.Argument(contributionIndex, 0, 10, nameof(contributionIndex));
        RuleChecks.Argument(contributionYears, 0, 80, nameof(contributionYears));
        return BasicPensionUnchecked(averageMonthlyWage, contributionIndex, contributionYears);
    }

    /// <summary><see cref="BasicPension"/> without the argument checks (for the scheme engine, whose state keeps them in range).</summary>
    internal double BasicPensionUnchecked(double averageMonthlyWage, double contributionIndex, double contributionYears) =>
        averageMonthlyWage * (1 + contributionIndex) / 2 * contributionYears * AccrualRatePerYear;

    /// <summary>The monthly individual-account pension: <c>balance / divisor</c>.</summary>
    /// <param name="accountBalance">Account balance at retirement, ≥ 0.</param>
    /// <param name="divisorMonths">The divisor (计发月数), &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument out of range.</exception>
    public static double IndividualAccountPension(double accountBalance, double divisorMonths)
    {
        RuleChecks.Argument(accountBalance, 0, double.MaxValue, nameof(accountBalance));
        if (!double.IsFinite(divisorMonths) || divisorMonths <= 0) throw new ArgumentOutOfRangeException(nameof(divisorMonths), divisorMonths, "expected a divisor > 0");
        return accountBalance / divisorMonths;
    }

    /// <summary>The monthly individual-account pension at a retirement age in months, the divisor read from <paramref name="divisors"/>.</summary>
    public static double IndividualAccountPension(double accountBalance, IndividualAccountDivisor divisors, int retirementAgeMonths)
    {
        ArgumentNullException.ThrowIfNull(divisors);
        return IndividualAccountPension(accountBalance, divisors.ForAgeInMonths(retirementAgeMonths));
    }

    /// <summary>The monthly transitional pension: <c>W × I × deemedYears × TransitionalCoefficient</c>.</summary>
    /// <param name="averageMonthlyWage">Provincial average monthly wage of the year before retirement (W), &gt; 0.</param>
    /// <param name="contributionIndex">Index applied to the deemed years (the average index, or a provincial deemed index), in [0, 10].</param>
    /// <param name="deemedYears">Deemed contribution years before individual accounts, in [0, 80].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument out of range.</exception>
    public double TransitionalPension(double averageMonthlyWage, double contributionIndex, double deemedYears)
    {
        CheckWage(averageMonthlyWage);
        RuleChecks.Argument(contributionIndex, 0, 10, nameof(contributionIndex));
        RuleChecks.Argument(deemedYears, 0, 80, nameof(deemedYears));
        return TransitionalPensionUnchecked(averageMonthlyWage, contributionIndex, deemedYears);
    }

    /// <summary><see cref="TransitionalPension"/> without the argument checks (for the scheme engine, whose state keeps them in range).</summary>
    internal double TransitionalPensionUnchecked(double averageMonthlyWage, double contributionIndex, double deemedYears) =>
        averageMonthlyWage * contributionIndex * deemedYears * TransitionalCoefficient;

    /// <summary>The three parts of a new pension.</summary>
    /// <param name="averageMonthlyWage">Provincial average monthly wage of the year before retirement.</param>
    /// <param name="contributionIndex">The person's average contribution index.</param>
    /// <param name="contributionYears">Contribution years including deemed years.</param>
    /// <param name="deemedYears">Deemed years (part of <paramref name="contributionYears"/>).</param>
    /// <param name="accountBalance">Individual-account balance at retirement.</param>
    /// <param name="divisorMonths">The divisor of the retirement age.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument out of range, or more deemed years than contribution years.</exception>
    internal PensionAtRetirement NewPension(double averageMonthlyWage, double contributionIndex, double contributionYears, double deemedYears,
        double accountBalance, double divisorMonths)
    {
        if (deemedYears > contributionYears)
        {
            throw new ArgumentOutOfRangeException(nameof(deemedYears), deemedYears, $"deemed years are part of the contribution years ({contributionYears})");
        }
        return new PensionAtRetirement(
            BasicPension(averageMonthlyWage, contributionIndex, contributionYears),
            IndividualAccountPension(accountBalance, divisorMonths),
            TransitionalPension(averageMonthlyWage, contributionIndex, deemedYears));
    }

    private static void CheckWage(double averageMonthlyWage)
    {
        if (!double.IsFinite(averageMonthlyWage) || averageMonthlyWage <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(averageMonthlyWage), averageMonthlyWage, "expected a finite average wage > 0");
        }
    }
}

/// <summary>A monthly pension at retirement, by part (yuan per month).</summary>
/// <param name="Basic">Basic pension (基础养老金).</param>
/// <param name="IndividualAccount">Individual-account pension (个人账户养老金).</param>
/// <param name="Transitional">Transitional pension (过渡性养老金).</param>
internal readonly record struct PensionAtRetirement(double Basic, double IndividualAccount, double Transitional)
{
    /// <summary>The monthly total.</summary>
    public double Total => Basic + IndividualAccount + Transitional;
}
