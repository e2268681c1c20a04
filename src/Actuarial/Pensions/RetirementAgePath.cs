namespace Actuarial.Pensions;

/// <summary>
/// How a statutory retirement age rises with the birth cohort, as in the 2024 reform: cohorts born before
/// <see cref="FirstAffectedBirth"/> keep the original age; from it, the age rises by one month for every
/// <see cref="BirthMonthsPerExtraMonth"/> months of birth, the first affected cohort already getting one month, until
/// <see cref="TargetAgeMonths"/>. Immutable; a pace or target lever is a <c>with</c> on this record.
/// </summary>
/// <remarks>
/// Closed form (section 2.2 of the rules reference, [D] from 办法 第一条): with
/// <c>k = 12 × (birthYear − firstYear) + (birthMonth − firstMonth)</c>, the age is <c>original</c> when <c>k &lt; 0</c> and
/// otherwise <c>original + min(target − original, floor(k / BirthMonthsPerExtraMonth) + 1)</c>. The target is checked
/// against the legal floor (the original age) by <see cref="RetirementAgeSchedule"/>, which knows the category.
/// </remarks>
internal sealed record RetirementAgePath
{
    /// <summary>Creates a path.</summary>
    /// <param name="firstAffectedBirth">Month of birth of the first cohort whose age rises.</param>
    /// <param name="birthMonthsPerExtraMonth">Months of birth per extra month of age (4 or 2 in the reform), in [1, 120].</param>
    /// <param name="targetAgeMonths">Final statutory age in months, in [480, 900] (40 to 75 years).</param>
    /// <exception cref="Actuarial.InputDataException">A parameter out of range.</exception>
    public RetirementAgePath(YearMonth firstAffectedBirth, int birthMonthsPerExtraMonth, int targetAgeMonths)
    {
        FirstAffectedBirth = firstAffectedBirth;
        BirthMonthsPerExtraMonth = birthMonthsPerExtraMonth;
        TargetAgeMonths = targetAgeMonths;
    }

    /// <summary>Month of birth of the first cohort whose age rises (January 1965 / 1970 / 1975 in the reform).</summary>
    public YearMonth FirstAffectedBirth
    {
        get;
        init => field = new YearMonth(RuleChecks.InRange(value.Year, 1900, 2200, nameof(RetirementAgePath), "first affected birth year"), value.Month);
    }

    /// <summary>Months of birth per extra month of statutory age: 4 for men and women with original age 55, 2 for women with original age 50.</summary>
    public int BirthMonthsPerExtraMonth
    {
        get;
        init => field = RuleChecks.InRange(value, 1, 120, nameof(RetirementAgePath), nameof(BirthMonthsPerExtraMonth));
    }

    /// <summary>Final statutory age in months (63, 58 and 55 years in the reform).</summary>
    public int TargetAgeMonths
    {
        get;
        init => field = RuleChecks.InRange(value, 40 * 12, 75 * 12, nameof(RetirementAgePath), nameof(TargetAgeMonths));
    }

    /// <summary>The statutory age in months of the cohort born in <paramref name="birth"/>, given the original age.</summary>
    /// <param name="birth">Month of birth.</param>
    /// <param name="originalAgeMonths">The age before the reform (the legal floor).</param>
    public int AgeMonths(YearMonth birth, int originalAgeMonths)
    {
        int k = birth.Index - FirstAffectedBirth.Index;
        if (k < 0 || TargetAgeMonths <= originalAgeMonths) return originalAgeMonths;
        return originalAgeMonths + Math.Min(TargetAgeMonths - originalAgeMonths, k / BirthMonthsPerExtraMonth + 1);
    }

    /// <summary>The month of birth of the first cohort that reaches the target age.</summary>
    public YearMonth FirstBirthAtTarget(int originalAgeMonths)
    {
        int steps = Math.Max(0, TargetAgeMonths - originalAgeMonths);
        return steps == 0 ? FirstAffectedBirth : FirstAffectedBirth.AddMonths((steps - 1) * BirthMonthsPerExtraMonth);
    }
}
