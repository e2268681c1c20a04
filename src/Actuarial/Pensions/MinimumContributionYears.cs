using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>
/// Minimum cumulative contribution years (including deemed years, 视同缴费年限) for a monthly pension, by calendar year
/// of retirement. Immutable; a scenario changes the pace or the end point with <c>with</c>.
/// </summary>
/// <remarks>
/// China default: 15 years up to 2029 ([S] 国发〔2005〕38号; 社会保险法 第16条 [U]); from 2030-01-01 rising by 6 months a
/// year to 20 years ([S2] Xinhua on 国务院关于渐进式延迟法定退休年龄的办法, 2024: "starting 2030 … raised from 15 years to 20
/// years at the pace of an increase of six months annually"), so 15.5 in 2030 … 19.5 in 2038 and 20 from 2039
/// (table [D], rules reference §2.3). Persons short of the minimum may extend contributions or pay a lump sum ([U]);
/// that is not modelled here.
/// </remarks>
public sealed record MinimumContributionYears
{
    /// <summary>Creates the rule.</summary>
    /// <param name="initialYears">Minimum before the increase, in [0, 45].</param>
    /// <param name="firstRisingYear">First retirement year with a higher minimum, in [1990, 2200].</param>
    /// <param name="increasePerYear">Increase per calendar year, in (0, 5] years.</param>
    /// <param name="finalYears">Minimum at the end of the increase, in [initialYears, 45].</param>
    /// <exception cref="InputDataException">A parameter out of range.</exception>
    public MinimumContributionYears(double initialYears = 15, int firstRisingYear = 2030, double increasePerYear = 0.5, double finalYears = 20)
    {
        InitialYears = initialYears;
        FirstRisingYear = firstRisingYear;
        IncreasePerYear = increasePerYear;
        FinalYears = finalYears;
    }

    /// <summary>Minimum before the increase.</summary>
    public double InitialYears { get; init => field = RuleChecks.InRange(value, 0, 45, nameof(MinimumContributionYears), nameof(InitialYears)); }

    /// <summary>First retirement year with a higher minimum.</summary>
    public int FirstRisingYear { get; init => field = RuleChecks.InRange(value, 1990, 2200, nameof(MinimumContributionYears), nameof(FirstRisingYear)); }

    /// <summary>Increase per calendar year.</summary>
    public double IncreasePerYear
    {
        get;
        init
        {
            RuleChecks.InRange(value, 0, 5, nameof(MinimumContributionYears), nameof(IncreasePerYear));
            if (value == 0) throw new InputDataException(nameof(MinimumContributionYears), null, nameof(IncreasePerYear), "0", "an increase in (0, 5] years (set FinalYears = InitialYears for no increase)");
            field = value;
        }
    }

    /// <summary>Minimum at the end of the increase.</summary>
    public double FinalYears
    {
        get;
        init
        {
            RuleChecks.InRange(value, 0, 45, nameof(MinimumContributionYears), nameof(FinalYears));
            if (value < InitialYears)
            {
                throw new InputDataException(nameof(MinimumContributionYears), null, nameof(FinalYears), RuleChecks.Show(value),
                    $"at least InitialYears ({RuleChecks.Show(InitialYears)})");
            }
            field = value;
        }
    }

    /// <summary>The minimum contribution years for a person retiring in <paramref name="retirementYear"/>.</summary>
    public double ForRetirementYear(int retirementYear) =>
        retirementYear < FirstRisingYear
            ? InitialYears
            : Math.Min(FinalYears, InitialYears + IncreasePerYear * (retirementYear - FirstRisingYear + 1));

    /// <summary>The minimum in whole months (rounded to the nearest month) for a person retiring in <paramref name="retirementYear"/>.</summary>
    public int MonthsForRetirementYear(int retirementYear) => (int)Math.Round(12 * ForRetirementYear(retirementYear), MidpointRounding.AwayFromZero);

    /// <summary>True when <paramref name="contributionYears"/> (including deemed years) meet the minimum of the retirement year.</summary>
    public bool IsEligible(double contributionYears, int retirementYear) => contributionYears >= ForRetirementYear(retirementYear) - 1e-9;
}
