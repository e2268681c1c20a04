using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>How the divisor is read for a retirement age that is not a whole number of years (the 2024 reform gives ages such as 60 years 7 months).</summary>
internal enum DivisorAgeRule
{
    /// <summary>The divisor of the completed age in whole years (reported practice, [U]; the default).</summary>
    CompletedYears = 0,
    /// <summary>Linear interpolation in months between the divisors of the two neighbouring whole ages (a scenario alternative).</summary>
    LinearInMonths = 1,
}

/// <summary>
/// The individual-account divisor 计发月数: the monthly individual-account pension is the account balance at retirement
/// divided by the divisor of the retirement age. Immutable; the table has no gaps, and asking for an age outside it is
/// an error.
/// </summary>
/// <remarks>
/// China default (<c>ChinaDefaults.Divisors()</c> in Actuarial.China): the table for ages 40–70 annexed to 国务院关于完善企业职工基本养老保险制度的决定
/// (国发〔2005〕38号). The 31 entries are [S2] (the same table in at least eight independent public code repositories
/// citing 国发〔2005〕38号); ages 50, 55 and 60 (195, 170, 139) are [S]. One repository gives 47 → 207 and 66–70 → 94, 87,
/// 80, 73, 67; the majority values (47 → 208; 93, 84, 75, 65, 56) are used — check against the official attachment.
/// The divisor is the one of the completed age in whole years in the month of retirement ([S] local guidance:
/// "与本人被批准退休当月已满周岁退休年龄相对应的计发月数"); for the reform's month-granular ages the same completed-years
/// reading is assumed ([U]), with <see cref="DivisorAgeRule.LinearInMonths"/> as an alternative.
/// </remarks>
public sealed record IndividualAccountDivisor
{
    private readonly int[] _months;

    /// <summary>The divisors of 国发〔2005〕38号 for ages 40..70, in age order.</summary>
    public static IReadOnlyList<int> Guofa2005No38Months { get; } =
    [
        233, 230, 226, 223, 220, 216, 212, 208, 204, 199, // 40–49
        195, 190, 185, 180, 175, 170, 164, 158, 152, 145, // 50–59
        139, 132, 125, 117, 109, 101, 93, 84, 75, 65,     // 60–69
        56,                                               // 70
    ];

    /// <summary>Creates a table from (age, months) rows that cover consecutive ages exactly once.</summary>
    /// <param name="rows">Rows in any order; ages in [16, 100], months in [1, 1200] and not increasing with age.</param>
    /// <param name="ageRule">How a month-granular age reads the table.</param>
    /// <exception cref="InputDataException">No rows, a gap or repeat in the ages, an age or a divisor out of range, or a divisor that rises with age.</exception>
    internal IndividualAccountDivisor(IEnumerable<(int Age, int Months)> rows, DivisorAgeRule ageRule = DivisorAgeRule.CompletedYears)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sorted = rows.OrderBy(r => r.Age).ToArray();
        const string source = nameof(IndividualAccountDivisor);
        if (sorted.Length == 0) throw new InputDataException(source, null, "rows", "(empty)", "at least one age");
        for (int i = 0; i < sorted.Length; i++)
        {
            RuleChecks.InRange(sorted[i].Age, 16, 100, source, "age");
            RuleChecks.InRange(sorted[i].Months, 1, 1200, source, $"months [age {sorted[i].Age}]");
            if (i == 0) continue;
            if (sorted[i].Age != sorted[i - 1].Age + 1)
            {
                throw new InputDataException(source, null, "age", RuleChecks.Show(sorted[i].Age),
                    $"age {sorted[i - 1].Age + 1} (a divisor table covers consecutive ages with no gaps and no repeats)");
            }
            if (sorted[i].Months > sorted[i - 1].Months)
            {
                throw new InputDataException(source, null, $"months [age {sorted[i].Age}]", RuleChecks.Show(sorted[i].Months),
                    $"at most {sorted[i - 1].Months}, the divisor of age {sorted[i - 1].Age} (divisors do not rise with age)");
            }
        }
        FirstAge = sorted[0].Age;
        _months = sorted.Select(r => r.Months).ToArray();
        AgeRule = ageRule;
    }

    /// <summary>How a month-granular age reads the table.</summary>
    internal DivisorAgeRule AgeRule
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new InputDataException(nameof(IndividualAccountDivisor), null, nameof(AgeRule), value.ToString(), "CompletedYears or LinearInMonths");
    }

    /// <summary>First age in the table.</summary>
    public int FirstAge { get; }

    /// <summary>Last age in the table.</summary>
    public int LastAge => FirstAge + _months.Length - 1;

    /// <summary>The divisor of a completed age in whole years.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The age is outside [FirstAge, LastAge].</exception>
    public int Months(int completedAge)
    {
        if (completedAge < FirstAge || completedAge > LastAge)
        {
            throw new ArgumentOutOfRangeException(nameof(completedAge), completedAge, $"the divisor table covers ages {FirstAge}..{LastAge}");
        }
        return _months[completedAge - FirstAge];
    }

    /// <summary>The divisor for a retirement age in months, read by <see cref="AgeRule"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The completed age is outside [FirstAge, LastAge].</exception>
    public double ForAgeInMonths(int ageMonths)
    {
        if (ageMonths < 0) throw new ArgumentOutOfRangeException(nameof(ageMonths), ageMonths, "an age in months ≥ 0");
        int years = ageMonths / 12, extra = ageMonths % 12;
        int whole = Months(years);
        if (AgeRule == DivisorAgeRule.CompletedYears || extra == 0 || years == LastAge) return whole;
        return whole + (Months(years + 1) - whole) * extra / 12.0;
    }
}
