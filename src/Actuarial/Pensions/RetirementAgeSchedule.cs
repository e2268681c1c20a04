using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>
/// Statutory retirement ages by birth cohort for the three categories (<see cref="RetirementCategory"/>), before and
/// after the 2024 reform, with elastic early and late retirement. Immutable; a scenario changes the pace or the
/// target of one category with <c>with { Men = RetirementAgeSchedule.Reform2025.Men with { ... } }</c>.
/// </summary>
/// <remarks>
/// <para>Sources: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (adopted 2024-09-13, effective 2025-01-01)
/// and its annex 国务院关于渐进式延迟法定退休年龄的办法, 第一条 [S]: from 2025-01-01 the age of men (60) and of women
/// with original age 55 rises by one month every 4 months, up to 63 and 58; that of women with original age 50 by one
/// month every 2 months, up to 55. The closed form by birth cohort is [D] from 第一条 (rules reference §2.2): the first
/// affected cohorts are those born in January 1965, 1970 and 1975 (they reach 60, 55 and 50 in January 2025) and get
/// one month already; the end points are born 1976-09 (men, 63), 1981-09 (women, 58) and 1984-11 (women, 55, end
/// point confirmed [S2]).</para>
/// <para>Month convention: a person born in month <c>B</c> with statutory age <c>A</c> months reaches it in month
/// <c>B + A</c> (<see cref="StatutoryRetirementMonth"/>) and is counted as retiring in that month (the pension is paid
/// from the following month in practice, [U]).</para>
/// <para>Calendar years and single years of age: births are taken as spread evenly over the 12 months of birth.
/// <see cref="ShareRetiringInYear"/> is the share of the cohort born in a calendar year whose retirement month falls
/// in a calendar year, counting every elastic choice. <see cref="ShareOfAgeRetiringInYear"/> is the share of a
/// single-year-of-age group at a reference date (1 January by default, or the first day of any month, e.g. 1 November
/// for a census-dated grid) that retires in the following twelve months; <see cref="FillSharesRetiringByAge"/> fills
/// it for all ages.</para>
/// </remarks>
public sealed record RetirementAgeSchedule
{
    /// <summary>Creates a schedule; each path's target must not be below its category's original age (the legal floor).</summary>
    /// <exception cref="InputDataException">A target age below the legal floor.</exception>
    internal RetirementAgeSchedule(RetirementAgePath men, RetirementAgePath womenCadres, RetirementAgePath womenWorkers, ElasticRetirement? elastic = null)
    {
        Men = men;
        WomenCadres = womenCadres;
        WomenWorkers = womenWorkers;
        Elastic = elastic ?? ElasticRetirement.None;
    }

    /// <summary>The path of men's statutory age (original 60).</summary>
    internal RetirementAgePath Men { get; init => field = CheckFloor(value, RetirementCategory.Men); }

    /// <summary>The path of the statutory age of women in cadre posts (original 55).</summary>
    internal RetirementAgePath WomenCadres { get; init => field = CheckFloor(value, RetirementCategory.WomenCadres); }

    /// <summary>The path of the statutory age of women workers (original 50).</summary>
    internal RetirementAgePath WomenWorkers { get; init => field = CheckFloor(value, RetirementCategory.WomenWorkers); }

    /// <summary>Elastic early and late retirement choices.</summary>
    internal ElasticRetirement Elastic { get; init => field = RuleChecks.NotNull(value, nameof(Elastic)); }

    private static readonly int[] LegalOriginalAgesMonths = [.. RetirementCategories.All.Select(c => c.OriginalAgeMonths())];

    /// <summary>
    /// The original statutory ages in months by category (men, women cadres, women workers): where each path starts and
    /// the floor of elastic early retirement. Default the ages the 2024 reform starts from, 60, 55 and 50 years
    /// (<see cref="RetirementCategories.OriginalAgeMonths"/>); each in 16..80 years.
    /// </summary>
    public IReadOnlyList<int> OriginalAgesMonths
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count != RetirementCategories.All.Count || value.Any(m => m < 16 * 12 || m > 80 * 12))
            {
                throw new InputDataException(nameof(RetirementAgeSchedule), null, nameof(OriginalAgesMonths), string.Join(",", value), "three ages in months (men, women cadres, women workers), each in 192..960");
            }
            field = value.ToArray();
        }
    } = LegalOriginalAgesMonths;

    /// <summary>The original statutory age of a category in months (<see cref="OriginalAgesMonths"/>).</summary>
    public int OriginalAgeMonths(RetirementCategory category) => OriginalAgesMonths[(int)category];

    /// <summary>Early retirement in special jobs (<see cref="SpecialJobRetirement"/>); default none.</summary>
    public SpecialJobRetirement SpecialJobs { get; init => field = RuleChecks.NotNull(value, nameof(SpecialJobs)); } = SpecialJobRetirement.None;

    /// <summary>
    /// The 2024 reform (from 2025-01): men 60 → 63 and women cadres 55 → 58 by one month per 4 months of birth from the
    /// cohorts born in January 1965 and 1970; women workers 50 → 55 by one month per 2 months of birth from January 1975.
    /// No elastic choices.
    /// </summary>
    public static RetirementAgeSchedule Reform2025 { get; } = new(
        new RetirementAgePath(new YearMonth(1965, 1), 4, 63 * 12),
        new RetirementAgePath(new YearMonth(1970, 1), 4, 58 * 12),
        new RetirementAgePath(new YearMonth(1975, 1), 2, 55 * 12));

    /// <summary>The ages before the reform, for every cohort: 60, 55 and 50.</summary>
    public static RetirementAgeSchedule PreReform { get; } = new(
        new RetirementAgePath(new YearMonth(1965, 1), 4, 60 * 12),
        new RetirementAgePath(new YearMonth(1970, 1), 4, 55 * 12),
        new RetirementAgePath(new YearMonth(1975, 1), 2, 50 * 12));

    /// <summary>The path of a category.</summary>
    internal RetirementAgePath Path(RetirementCategory category) => category switch
    {
        RetirementCategory.Men => Men,
        RetirementCategory.WomenCadres => WomenCadres,
        RetirementCategory.WomenWorkers => WomenWorkers,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "not a retirement category"),
    };

    /// <summary>The statutory retirement age in months of the cohort born in <paramref name="birth"/>.</summary>
    internal int StatutoryAgeMonths(RetirementCategory category, YearMonth birth) =>
        Path(category).AgeMonths(birth, OriginalAgeMonths(category));

    /// <summary>The statutory retirement age in months of the cohort born in month <paramref name="birthMonth"/> of <paramref name="birthYear"/>.</summary>
    internal int StatutoryAgeMonths(RetirementCategory category, int birthYear, int birthMonth) =>
        StatutoryAgeMonths(category, new YearMonth(birthYear, birthMonth));

    /// <summary>The calendar month in which the cohort reaches its statutory age: birth month + statutory age.</summary>
    internal YearMonth StatutoryRetirementMonth(RetirementCategory category, YearMonth birth) =>
        birth.AddMonths(StatutoryAgeMonths(category, birth));

    /// <summary>
    /// The age in months of a person who retires <paramref name="offsetMonths"/> from the statutory age (negative =
    /// early): <c>max(original age, statutory + offset)</c>.
    /// </summary>
    /// <exception cref="InputDataException">The offset is outside [−36, 36] months.</exception>
    internal int ElasticAgeMonths(RetirementCategory category, YearMonth birth, int offsetMonths)
    {
        RuleChecks.InRange(offsetMonths, -ElasticRetirement.MaxEarlyMonths, ElasticRetirement.MaxLateMonths, nameof(RetirementAgeSchedule), nameof(offsetMonths));
        return Math.Max(OriginalAgeMonths(category), StatutoryAgeMonths(category, birth) + offsetMonths);
    }

    /// <summary>The earliest age in months at which elastic early retirement is allowed.</summary>
    internal int EarliestAgeMonths(RetirementCategory category, YearMonth birth) => ElasticAgeMonths(category, birth, -ElasticRetirement.MaxEarlyMonths);

    /// <summary>The latest age in months to which elastic late retirement may defer.</summary>
    internal int LatestAgeMonths(RetirementCategory category, YearMonth birth) => ElasticAgeMonths(category, birth, ElasticRetirement.MaxLateMonths);

    /// <summary>
    /// Share of the cohort born in <paramref name="birthYear"/> (births even over its 12 months) that retires in
    /// <paramref name="calendarYear"/>, with the elastic choices of <see cref="Elastic"/>. Summed over calendar years it is 1.
    /// </summary>
    internal double ShareRetiringInYear(RetirementCategory category, int birthYear, int calendarYear) =>
        ShareRetiring(category, 12 * birthYear, 12 * calendarYear, 12 * calendarYear + 11);

    /// <summary>Share of the cohort born in <paramref name="birthYear"/> that has retired by the end of <paramref name="calendarYear"/>.</summary>
    internal double ShareRetiredByEndOfYear(RetirementCategory category, int birthYear, int calendarYear) =>
        ShareRetiring(category, 12 * birthYear, int.MinValue, 12 * calendarYear + 11);

    /// <summary>
    /// Share of the persons aged <paramref name="age"/> (completed years) at the reference date of
    /// <paramref name="year"/> — the first day of month <paramref name="referenceMonth"/> — that retires in the twelve
    /// months from that date (the projection year up to the next reference date), with the elastic choices.
    /// </summary>
    /// <remarks>
    /// With <c>T</c> the reference month, the persons aged <c>x</c> are those born in the 12 months
    /// <c>T − 12x − 12 … T − 12x − 1</c> (they reached age <c>x</c> before <c>T</c> and not <c>x + 1</c>), taken as equally
    /// many per month; a person counts when the retirement month falls in <c>T … T + 11</c>. With
    /// <paramref name="referenceMonth"/> = 1 (1 January) this is <see cref="ShareRetiringInYear"/> of the birth year
    /// <c>year − x − 1</c>; a grid on the census date (1 November) passes 11.
    /// </remarks>
    /// <param name="category">Retirement category.</param>
    /// <param name="year">Calendar year of the reference date.</param>
    /// <param name="age">Completed age at the reference date, ≥ 0.</param>
    /// <param name="referenceMonth">Month (1..12) whose first day is the reference date; 1 by default.</param>
    internal double ShareOfAgeRetiringInYear(RetirementCategory category, int year, int age, int referenceMonth = 1)
    {
        int t = new YearMonth(year, referenceMonth).Index;
        if (age < 0) throw new ArgumentOutOfRangeException(nameof(age), age, "expected an age ≥ 0");
        return ShareRetiring(category, t - 12 * age - 12, t, t + 11);
    }

    /// <summary>
    /// Fills <paramref name="sharesByAge"/>[x] with <see cref="ShareOfAgeRetiringInYear"/> for every age
    /// x = 0 … length − 1; allocation-free, for a projection's year loop.
    /// </summary>
    internal void FillSharesRetiringByAge(RetirementCategory category, int year, Span<double> sharesByAge, int referenceMonth = 1)
    {
        for (int age = 0; age < sharesByAge.Length; age++) sharesByAge[age] = ShareOfAgeRetiringInYear(category, year, age, referenceMonth);
    }

    /// <summary>
    /// The part of <see cref="ShareOfAgeRetiringInYear"/> that retires at the special-job age (<see cref="SpecialJobs"/>):
    /// the special share for the age whose members reach 55 (men) or 45 (women workers) in the twelve months, else 0.
    /// </summary>
    public double SpecialJobShareOfAgeRetiringInYear(RetirementCategory category, int year, int age, int referenceMonth = 1)
    {
        double special = SpecialJobs.ShareOf(category);
        if (special == 0) return 0;
        int t = new YearMonth(year, referenceMonth).Index, first = t - 12 * age - 12, count = 0;
        for (int b = first; b < first + 12; b++)
        {
            int month = b + SpecialJobRetirement.AgeMonths(category);
            if (month >= t && month <= t + 11) count++;
        }
        return special * count / 12;
    }

    // Share of the cohort born in the 12 months from firstBirth (month index) whose retirement month is in [from, to]:
    // the special-job share at its age, the rest at the statutory age or by the elastic choices.
    private double ShareRetiring(RetirementCategory category, int firstBirth, int from, int to)
    {
        double special = SpecialJobs.ShareOf(category), rest = 1 - special;
        double statutoryShare = rest * Elastic.StatutoryShare, share = 0;
        int original = OriginalAgeMonths(category);
        var path = Path(category);
        var options = Elastic.Options;
        for (int b = firstBirth; b < firstBirth + 12; b++)
        {
            if (special > 0 && Counts(b + SpecialJobRetirement.AgeMonths(category))) share += special;
            int statutory = path.AgeMonths(YearMonth.FromIndex(b), original);
            if (Counts(b + statutory)) share += statutoryShare;
            for (int i = 0; i < options.Count; i++)
            {
                if (Counts(ElasticRetirement.RetirementMonth(b, statutory, original, options[i].OffsetMonths))) share += rest * options[i].Share;
            }
        }
        return share / 12;

        bool Counts(int retirementMonth) => retirementMonth >= from && retirementMonth <= to;
    }

    private static RetirementAgePath CheckFloor(RetirementAgePath path, RetirementCategory category)
    {
        RuleChecks.NotNull(path, category.ToString());
        int floor = category.OriginalAgeMonths();
        if (path.TargetAgeMonths < floor)
        {
            throw new InputDataException(nameof(RetirementAgeSchedule), null, $"{category} target age (months)", RuleChecks.Show(path.TargetAgeMonths),
                $"at least the legal floor of {floor} months ({floor / 12} years), the original statutory age");
        }
        return path;
    }
}
