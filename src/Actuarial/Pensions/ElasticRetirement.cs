using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>An elastic-retirement choice: a share of a cohort retires <see cref="OffsetMonths"/> from its statutory age.</summary>
/// <param name="OffsetMonths">Months relative to the statutory age: negative = early, positive = late; in [−36, 36].</param>
/// <param name="Share">Share of the cohort making this choice, in [0, 1].</param>
internal readonly record struct RetirementOption(int OffsetMonths, double Share);

/// <summary>
/// Elastic retirement (弹性退休) under the 2024 reform, as shares of a cohort that retire early or late; the remainder
/// retires at the statutory age. Immutable.
/// </summary>
/// <remarks>
/// Rule ([S] 国务院关于渐进式延迟法定退休年龄的办法, 2024, and 《实施弹性退休制度暂行办法》 effective 2025-01-01 [S2]): once the
/// minimum contribution years are met, a person may retire up to 3 years before the statutory age but not below the
/// original age (60 / 55 / 50), or, by agreement with the employer, up to 3 years after it. An early choice that would
/// fall below the original age is held at the original age (<see cref="RetirementAgeSchedule.ElasticAgeMonths"/>). The
/// choices apply to statutory dates from <see cref="EffectiveFrom"/> (January 2025) on.
/// The shares are behaviour, not law: the default is <see cref="None"/>, an ASSUMPTION: no published take-up was found
/// (the reference note has the rule, not its use); scenario files set it with <c>scheme.retirement.early_share</c>,
/// <c>early_months</c>, <c>late_share</c> and <c>late_months</c>.
/// The minimum-contribution condition is not applied here; it belongs to whoever holds contribution histories.
/// </remarks>
internal sealed record ElasticRetirement
{
    /// <summary>The largest early offset the reform allows: 3 years.</summary>
    public const int MaxEarlyMonths = 36;

    /// <summary>The largest late offset the reform allows: 3 years.</summary>
    public const int MaxLateMonths = 36;

    /// <summary>
    /// First month in which a statutory retirement date can be moved: January 2025, when 《实施弹性退休制度暂行办法》
    /// took effect. Persons whose statutory date falls earlier retire at it, whatever the choices.
    /// </summary>
    public static readonly YearMonth EffectiveFrom = new(2025, 1);

    /// <summary>
    /// The month (index, see <see cref="YearMonth.Index"/>) in which a person born in month <paramref name="birthMonth"/>
    /// retires with the offset <paramref name="offsetMonths"/>: birth + max(original age, statutory age + offset), or
    /// birth + statutory age when that date is before <see cref="EffectiveFrom"/>.
    /// </summary>
    public static int RetirementMonth(int birthMonth, int statutoryAgeMonths, int originalAgeMonths, int offsetMonths)
    {
        int statutory = birthMonth + statutoryAgeMonths;
        return statutory < EffectiveFrom.Index ? statutory : birthMonth + Math.Max(originalAgeMonths, statutoryAgeMonths + offsetMonths);
    }

    /// <summary>Creates the choices.</summary>
    /// <param name="options">Choices; offsets in [−36, 36], shares in [0, 1] summing to at most 1.</param>
    /// <exception cref="InputDataException">An offset or share out of range, or shares summing above 1.</exception>
    public ElasticRetirement(IEnumerable<RetirementOption> options)
    {
        Options = options.ToArray();
    }

    /// <summary>Everybody retires at the statutory age.</summary>
    public static ElasticRetirement None { get; } = new([]);

    /// <summary>The choices (the rest of the cohort retires at the statutory age).</summary>
    public IReadOnlyList<RetirementOption> Options
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            double sum = 0;
            foreach (var option in value)
            {
                RuleChecks.InRange(option.OffsetMonths, -MaxEarlyMonths, MaxLateMonths, nameof(ElasticRetirement), nameof(RetirementOption.OffsetMonths));
                sum += RuleChecks.Rate(option.Share, nameof(ElasticRetirement), $"share retiring {option.OffsetMonths} months from the statutory age");
            }
            if (sum > 1 + 1e-12)
            {
                throw new InputDataException(nameof(ElasticRetirement), null, "sum of shares", RuleChecks.Show(sum), "a total share of at most 1");
            }
            field = Array.AsReadOnly(value.ToArray());
        }
    }

    /// <summary>Share of the cohort retiring exactly at the statutory age: one minus the choices' shares.</summary>
    public double StatutoryShare => Math.Max(0, 1 - Options.Sum(o => o.Share));
}
