using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// The target path of educational attainment for the young ages at which cohorts still move up through the
/// levels (single ages <see cref="FirstAge"/>..<see cref="LastAge"/>), by year and sex. It is stored as
/// cumulative shares: the share of the (year, sex, age) cell at or above level k, for k = 1..5 (the share at or
/// above level 0 is 1). <see cref="EducationTransitions.Apply"/> lifts each cohort to this path; cohorts past
/// <see cref="LastAge"/> keep the attainment they had.
/// </summary>
/// <remarks>
/// <para>
/// <b>Source.</b> The default path (<c>ChinaEducation.WittgensteinSsp2()</c>, Actuarial.China) is the Wittgenstein Centre Human Capital
/// Data Explorer v2 (2018) SSP2 ("Medium") projection of China's population by five-year age group × sex ×
/// six education levels, 2015–2100. Shares are taken within each age group.
/// </para>
/// <para>
/// <b>Time.</b> Between the published (five-yearly) years the cumulative shares are interpolated linearly; before
/// the first year the first year's shares hold, after the last year the last year's shares hold.
/// </para>
/// <para>
/// <b>Single ages.</b> A five-year group's shares in year t describe the cohorts born t−a for its ages a, and in a
/// period of expansion the youngest of them are the best educated. Each single age therefore takes its group's shares
/// in the year its own cohort is centred in the group: target(a, t) = group(t + (m − a)), m = the group's middle age
/// (17, 22, 27, 32). So a cohort's target is constant across the five ages of a group (it is lifted once, on entry,
/// not again at every age by the later, better-educated cohorts' values), the group average is reproduced exactly
/// whenever the path is linear in time over ±2 years, and the cumulative shares stay non-increasing in the level and
/// inside [0, 1] with no clamping (each target is one of the published values or a linear blend of two). A plain
/// step (every age taking the group's current value) was tried first: against WIC's own cohorts it overshot the share
/// at or above upper secondary at ages 25–39 by 2–3 points, because a cohort entering at 20 was lifted again at 21–24
/// to the values of the younger cohorts.
/// </para>
/// <para>
/// <b>Schooling pace.</b> <see cref="WithPace(double)"/> speeds up or slows down the path's changes:
/// target(year) = path(baseYear + (year − baseYear) × pace). This is how the length of schooling is a scenario
/// lever (a faster or slower expansion of schooling). The pace applies to calendar time; the within-group cohort
/// offset (m − a) above is added after it.
/// </para>
/// </remarks>
public sealed class AttainmentPath
{
    /// <summary>First single age at which cohorts move up through the levels.</summary>
    internal const int FirstAge = 15;

    /// <summary>Last single age at which cohorts move up through the levels; from the next age on they keep theirs.</summary>
    internal const int LastAge = 34;

    /// <summary>Number of single ages on the path (15..34).</summary>
    internal const int AgeCount = LastAge - FirstAge + 1;

    /// <summary>Number of five-year age groups the path is given in (15–19, 20–24, 25–29, 30–34).</summary>
    internal const int AgeGroupCount = AgeCount / 5;

    /// <summary>Length of the span <see cref="FillTargets"/> writes: [age 0..100][level 0..5].</summary>
    internal const int TargetLength = Ages.Count * EducationLevels.Count;

    /// <summary>Tolerance on the sum of the shares of one cell.</summary>
    internal const double SumTolerance = 1e-6;

    private const int Levels = EducationLevels.Count;


    private readonly int[] _years;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<int> _yearsView;

    // [year][sex][age group][level 0..5], cumulative "at or above" shares; level 0 is 1.
    private readonly double[] _atOrAbove;

    private AttainmentPath(int[] years, double[] atOrAbove, double pace, int paceBaseYear)
    {
        _years = years;
        _yearsView = Array.AsReadOnly(years);
        _atOrAbove = atOrAbove;
        Pace = pace;
        PaceBaseYear = paceBaseYear;
    }

    /// <summary>The published years of the path, strictly ascending.</summary>
    public IReadOnlyList<int> Years => _yearsView;

    /// <summary>First published year.</summary>
    public int FirstYear => _years[0];

    /// <summary>Last published year; its shares hold after it.</summary>
    public int LastYear => _years[^1];

    /// <summary>Schooling pace: 1 = the path as published, 2 = its changes twice as fast, 0.5 = half as fast.</summary>
    public double Pace { get; }

    /// <summary>The year from which the pace is counted (the pace changes nothing in this year).</summary>
    public int PaceBaseYear { get; }

    /// <summary>
    /// Builds a path from shares by level within each (year, sex, five-year age group).
    /// </summary>
    /// <param name="years">Published years, strictly ascending.</param>
    /// <param name="shares">
    /// Shares indexed [year index, sex (0 male, 1 female), age group (0 = 15–19 … 3 = 30–34), level (0..5)]; each in
    /// [0, 1], summing to 1 (± <see cref="SumTolerance"/>) over the levels of a cell.
    /// </param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">A year is out of order, a share is outside [0, 1] or a cell's shares do not sum to 1.</exception>
    public static AttainmentPath FromShares(IReadOnlyList<int> years, double[,,,] shares, string source = "AttainmentPath.shares")
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(shares);
        var yearArray = ValidateYears(years, source);
        CheckDimensions(shares, yearArray.Length, source);

        var atOrAbove = new double[yearArray.Length * Sexes.Count * AgeGroupCount * Levels];
        for (int y = 0; y < yearArray.Length; y++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int g = 0; g < AgeGroupCount; g++)
                {
                    double sum = 0;
                    for (int e = 0; e < Levels; e++)
                    {
                        double v = shares[y, s, g, e];
                        if (!(v >= 0 && v <= 1))
                        {
                            throw new InputDataException(source, null, CellName(yearArray[y], s, g, e),
                                v.ToString("R", CultureInfo.InvariantCulture), "a share in [0, 1]");
                        }
                        sum += v;
                    }
                    if (Math.Abs(sum - 1) > SumTolerance)
                    {
                        throw new InputDataException(source, null, CellName(yearArray[y], s, g, null),
                            sum.ToString("R", CultureInfo.InvariantCulture),
                            $"shares summing to 1 over the six levels (tolerance {SumTolerance:g})");
                    }
                    int at = Offset(y, s, g);
                    // Cumulate from the top, after removing the (≤ 1e-6) rounding of the sum.
                    double cum = 0;
                    for (int e = Levels - 1; e >= 1; e--)
                    {
                        cum += shares[y, s, g, e] / sum;
                        atOrAbove[at + e] = Math.Min(cum, 1.0);
                    }
                    atOrAbove[at] = 1.0;
                }
            }
        }
        return new AttainmentPath(yearArray, atOrAbove, 1.0, yearArray[0]);
    }

    /// <summary>
    /// Builds a path from population counts by level (any unit) within each (year, sex, five-year age group):
    /// the shares are the counts over the group's total.
    /// </summary>
    /// <param name="years">Published years, strictly ascending.</param>
    /// <param name="population">Counts indexed as the shares of <see cref="FromShares"/>; finite, ≥ 0, with a positive total per cell.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">A count is negative or not finite, or a cell's total is 0.</exception>
    internal static AttainmentPath FromPopulation(IReadOnlyList<int> years, double[,,,] population, string source = "AttainmentPath.population")
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(population);
        var yearArray = ValidateYears(years, source);
        CheckDimensions(population, yearArray.Length, source);
        var shares = new double[yearArray.Length, Sexes.Count, AgeGroupCount, Levels];
        for (int y = 0; y < yearArray.Length; y++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int g = 0; g < AgeGroupCount; g++)
                {
                    double total = 0;
                    for (int e = 0; e < Levels; e++)
                    {
                        double v = population[y, s, g, e];
                        if (!(v >= 0 && double.IsFinite(v)))
                        {
                            throw new InputDataException(source, null, CellName(yearArray[y], s, g, e),
                                v.ToString("R", CultureInfo.InvariantCulture), "a finite population count ≥ 0");
                        }
                        total += v;
                    }
                    if (!(total > 0))
                    {
                        throw new InputDataException(source, null, CellName(yearArray[y], s, g, null),
                            total.ToString("R", CultureInfo.InvariantCulture), "a positive total population over the six levels");
                    }
                    for (int e = 0; e < Levels; e++) shares[y, s, g, e] = population[y, s, g, e] / total;
                }
            }
        }
        return FromShares(yearArray, shares, source);
    }

    /// <summary>
    /// The path of a Wittgenstein Centre (2018) SSP2 projection, years 2015–2100, from its population table by year, sex,
    /// five-year age group and level (China's: <c>ChinaEducation.WittgensteinSsp2()</c> in Actuarial.China).
    /// </summary>
    /// <remarks>Source: Wittgenstein Centre for Demography and Global Human Capital, Wittgenstein Centre Data Explorer Version 2.0 (2018).</remarks>
    /// <exception cref="InputDataException">The data are missing a cell or hold a bad value.</exception>
    internal static AttainmentPath FromWittgensteinData(EducationWittgensteinData data)
    {
        var years = data.Years.Where(y => y >= 2015).ToArray();
        var population = new double[years.Length, Sexes.Count, AgeGroupCount, Levels];
        for (int y = 0; y < years.Length; y++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int g = 0; g < AgeGroupCount; g++)
                {
                    for (int e = 0; e < Levels; e++)
                    {
                        population[y, s, g, e] = data.Population(years[y], (Sex)s, FirstAge + 5 * g, (EducationLevel)e);
                    }
                }
            }
        }
        return FromPopulation(years, population, EducationWittgensteinData.PopulationFile);
    }

    /// <summary>
    /// The same path with its changes running <paramref name="pace"/> times as fast, counted from
    /// <see cref="PaceBaseYear"/> (the first published year unless set by <see cref="WithPace(double, int)"/>).
    /// </summary>
    /// <param name="pace">Schooling pace, &gt; 0: 1 = as published, 2 = twice as fast, 0.5 = half as fast.</param>
    /// <exception cref="InputDataException">The pace is not a finite number &gt; 0.</exception>
    public AttainmentPath WithPace(double pace) => WithPace(pace, PaceBaseYear);

    /// <summary>
    /// The same path with its changes running <paramref name="pace"/> times as fast from <paramref name="baseYear"/>:
    /// target(year) = path(baseYear + (year − baseYear) × pace), holding the first and last published years' shares
    /// outside the published range. Use the projection's first year as the base so the lever leaves the start alone.
    /// </summary>
    /// <param name="pace">Schooling pace, &gt; 0: 1 = as published, 2 = twice as fast, 0.5 = half as fast.</param>
    /// <param name="baseYear">Year from which the pace is counted.</param>
    /// <exception cref="InputDataException">The pace is not a finite number &gt; 0.</exception>
    public AttainmentPath WithPace(double pace, int baseYear)
    {
        if (!(pace > 0 && double.IsFinite(pace)))
        {
            throw new InputDataException("AttainmentPath.WithPace", null, "pace",
                pace.ToString("R", CultureInfo.InvariantCulture), "a finite schooling pace > 0 (1 = as published)");
        }
        return new AttainmentPath(_years, _atOrAbove, pace, baseYear);
    }

    /// <summary>
    /// The target share at or above <paramref name="level"/> for a single age 15..34 in a year: the age's group read
    /// at the paced year plus the cohort offset (see the type's remarks).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The age is outside 15..34.</exception>
    internal double TargetAtOrAbove(int year, Sex sex, int age, EducationLevel level)
    {
        if (age < FirstAge || age > LastAge)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, $"the attainment path covers ages {FirstAge}..{LastAge}");
        }
        if (level == EducationLevel.NoEducation) return 1.0;
        int g = (age - FirstAge) / 5;
        Locate(EffectiveYear(year) + CohortOffset(age), out int lo, out int hi, out double w);
        return Blend(Offset(lo, (int)sex, g) + (int)level, Offset(hi, (int)sex, g) + (int)level, w);
    }

    /// <summary>
    /// Writes the targets of one year and sex as [age 0..100][level 0..5] cumulative "at or above" shares into
    /// <paramref name="targetAtOrAbove"/> (length <see cref="TargetLength"/>), the layout
    /// <see cref="EducationTransitions.Apply"/> reads. Ages outside 15..34 get (1, 0, 0, 0, 0, 0), which lifts no one.
    /// Called once per year and sex, outside the hot loop.
    /// </summary>
    /// <exception cref="ArgumentException">The span's length is not <see cref="TargetLength"/>.</exception>
    internal void FillTargets(int year, Sex sex, Span<double> targetAtOrAbove)
    {
        if (targetAtOrAbove.Length != TargetLength)
        {
            throw new ArgumentException($"the target span must hold {TargetLength} values ([age 0..100][level 0..5]), not {targetAtOrAbove.Length}",
                nameof(targetAtOrAbove));
        }
        targetAtOrAbove.Clear();
        for (int a = 0; a < Ages.Count; a++) targetAtOrAbove[a * Levels] = 1.0;
        double effective = EffectiveYear(year);
        for (int a = FirstAge; a <= LastAge; a++)
        {
            int g = (a - FirstAge) / 5;
            Locate(effective + CohortOffset(a), out int lo, out int hi, out double w);
            int from = Offset(lo, (int)sex, g), to = Offset(hi, (int)sex, g);
            for (int e = 1; e < Levels; e++)
            {
                targetAtOrAbove[a * Levels + e] = Blend(from + e, to + e, w);
            }
        }
    }

    private double Blend(int from, int to, double w) =>
        w == 0 ? _atOrAbove[from] : (1 - w) * _atOrAbove[from] + w * _atOrAbove[to];

    private double EffectiveYear(int year) => PaceBaseYear + (year - (double)PaceBaseYear) * Pace;

    // Years from now until the cohort aged `age` is at the middle of its five-year group (−2 .. +2).
    private static int CohortOffset(int age) => (age - FirstAge) / 5 * 5 + FirstAge + 2 - age;

    // A (fractional) year clamped to the published range, as two bracketing indices and a weight.
    private void Locate(double t, out int lo, out int hi, out double w)
    {
        if (t <= _years[0])
        {
            lo = hi = 0; w = 0; return;
        }
        if (t >= _years[^1])
        {
            lo = hi = _years.Length - 1; w = 0; return;
        }
        hi = 1;
        while (_years[hi] < t) hi++;
        lo = hi - 1;
        w = (t - _years[lo]) / (_years[hi] - _years[lo]);
        if (w >= 1) { lo = hi; w = 0; }
    }

    private static int Offset(int yearIndex, int sex, int group) =>
        ((yearIndex * Sexes.Count + sex) * AgeGroupCount + group) * Levels;

    private static int[] ValidateYears(IReadOnlyList<int> years, string source)
    {
        if (years.Count == 0) throw new InputDataException(source, null, "years", null, "at least one year");
        var result = new int[years.Count];
        for (int i = 0; i < years.Count; i++)
        {
            result[i] = years[i];
            if (i > 0 && result[i] <= result[i - 1])
            {
                throw new InputDataException(source, null, $"years[{i}]", result[i].ToString(CultureInfo.InvariantCulture),
                    $"a year after {result[i - 1].ToString(CultureInfo.InvariantCulture)} (years strictly ascending)");
            }
        }
        return result;
    }

    private static void CheckDimensions(double[,,,] values, int yearCount, string source)
    {
        if (values.GetLength(0) != yearCount || values.GetLength(1) != Sexes.Count
            || values.GetLength(2) != AgeGroupCount || values.GetLength(3) != Levels)
        {
            throw new InputDataException(source, null, "dimensions",
                $"[{values.GetLength(0)}, {values.GetLength(1)}, {values.GetLength(2)}, {values.GetLength(3)}]",
                $"[{yearCount} years, {Sexes.Count} sexes, {AgeGroupCount} age groups (15-19..30-34), {Levels} levels]");
        }
    }

    private static string CellName(int year, int sex, int group, int? level)
    {
        var cell = $"{year}/{((Sex)sex).Label()}/{FirstAge + 5 * group}-{FirstAge + 5 * group + 4}";
        return level is { } e ? $"{cell}/{((EducationLevel)e).Label()}" : cell;
    }
}
