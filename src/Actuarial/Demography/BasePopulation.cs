using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// Builds the base population on the grid (<see cref="PopulationShape"/>: [region][sex][education][age 0..100],
/// age fastest) from census tables, or from a user's own counts and education shares.
/// </summary>
/// <remarks>
/// <para>
/// <b>Step (a), single years by province</b> (<see cref="SingleYearByRegion(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>): each province's census counts in
/// the groups 0, 1–4, 5–9, …, 95–99, 100+ are graduated to single years with <see cref="Graduation"/> (monotone
/// cubic on the cumulative count). Then, for each sex and each age group separately, the matrix
/// [province × single age within the group] is raked (<see cref="Raking"/>) to two margins: each province's own group
/// total (rows) and the nation's single-year counts within the group (columns). The national single-year table
/// (the census' "average population" of the year before census day) is used for its shape only: within each group
/// it is rescaled to the sum of the provinces' census-day group totals. So every province keeps its census group
/// totals exactly, and the provinces' sum has the national single-year age pattern (the single-year
/// pattern the national table shows, birth-cohort dents included, which five-year groups cannot show).
/// </para>
/// <para>
/// <b>Ages 1–2 and 3–4.</b> When the census's population aged 3+ is known (<see cref="Build"/> takes it from the
/// education table, which covers ages 3+), the 1–4 group is first split at age 3 by the census's own count, for each
/// province and sex: ages 1–2 = (all ages − aged 3+) − age 0, ages 3–4 = the rest of the group; each part is then
/// graduated and raked like any other group. Without it, the national table's shape would split the group, and that
/// shape is the wrong one here: the national table is the census year's average population, the mean of 1 November
/// 2019 and 31 October 2020, so each of its ages holds half a cohort born a year earlier than census-day age; with
/// births falling after 2017 it gives ages 1–2 47.0% of the 1–4 group where the census day has 45.0%. In 2020 that
/// put 42.99 million at ages 0–2 against the census's 41.64 million (all ages − the education table's 3+), and the
/// 1.35 million children missing at ages 3–4 were left in the education classes of the population 15+ (as never
/// attended, before the rescaling below).
/// </para>
/// <para>
/// <b>Step (b), education</b> (<see cref="SplitByEducation"/>): the census education table (population aged 3+ by
/// province and sex, no age) is mapped to five census classes: never attended → <see cref="EducationLevel.NoEducation"/>;
/// primary → <see cref="EducationLevel.IncompletePrimary"/> + <see cref="EducationLevel.Primary"/>; junior secondary →
/// <see cref="EducationLevel.LowerSecondary"/>; senior secondary → <see cref="EducationLevel.UpperSecondary"/>; junior
/// college, bachelor and postgraduate → <see cref="EducationLevel.PostSecondary"/>.
/// The children aged 3–14 are removed from it (<see cref="EducationMargins15Plus"/>) under a stated assumption,
/// by China's school calendar (entry at 6, six years of primary, three of junior secondary; in 2020 the census
/// counts pre-school as never attended and a pupil under the level being attended): ages 3–5 are removed from
/// never attended, ages 6–11 from primary and ages 12–14 from junior secondary, using the province's own
/// single-year counts from step (a). Should a class go below zero, it is set to zero and the shortfall is taken
/// from the province's other classes in proportion to their size. The result is then rescaled to the province's
/// population 15+ from step (a): with the 1–4 group split at age 3 by the same table the two agree and the scale is 1
/// (to round-off); a step (a) without that split leaves the difference of its ages 3–4 to the census's to this scale.
/// For each province and sex a seed [single age 15..100 × five classes] is taken from the Wittgenstein Centre's
/// SSP2 national population by age, sex and education for 2020 (five-year groups, value for the age's group) and
/// raked to the province's single-year ages (rows) and its 15+ education classes (columns). The primary class is
/// split into incomplete primary and primary by the seed's ratio at that age. Children 0–14 all carry
/// <see cref="EducationLevel.NoEducation"/> (the engine's convention: attainment transitions happen at ages 15–34).
/// Where the seed is zero (e.g. WIC has no post-secondary at 15–19) the result stays zero.
/// </para>
/// </remarks>
internal static partial class BasePopulation
{
    /// <summary>Start ages of the census groups: 0, 1, 5, 10, …, 95, 100 (open).</summary>
    public static IReadOnlyList<int> CensusGroupStarts { get; } =
        [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];

    /// <summary>Number of census groups (<see cref="CensusGroupStarts"/>).</summary>
    public const int CensusGroupCount = 22;

    /// <summary>The census education classes, in the order the education inputs use.</summary>
    public static IReadOnlyList<string> CensusEducationClasses { get; } =
        ["never_attended", "primary", "junior_secondary", "senior_secondary", "tertiary"];

    /// <summary>Number of census education classes.</summary>
    public const int CensusEducationClassCount = 5;

    /// <summary>First age of the education split; younger people carry <see cref="EducationLevel.NoEducation"/>.</summary>
    public const int EducationStartAge = 15;

    /// <summary>Number of WIC seed age groups: 15–19, …, 95–99, 100+.</summary>
    public const int SeedGroupCount = 18;

    /// <summary>
    /// Step (a): single-year counts [region][sex][age 0..100] from census groups by region and a national
    /// single-year age pattern (see the remarks on <see cref="BasePopulation"/>).
    /// </summary>
    /// <param name="regionGroups">Census counts [region][sex][group] in the groups of <see cref="CensusGroupStarts"/>.</param>
    /// <param name="nationalSingleYear">National single-year counts [sex][age 0..100], used for shape within groups.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <returns>Single-year counts [region][sex][age].</returns>
    /// <exception cref="InputDataException">Bad counts, or a national table with no people in a group the
    /// regions have people in.</exception>
    public static double[] SingleYearByRegion(ReadOnlySpan<double> regionGroups, ReadOnlySpan<double> nationalSingleYear, int regionCount)
    {
        CheckRegionCount(regionCount);
        CheckLength(regionGroups, regionCount * Sexes.Count * CensusGroupCount, "regionGroups", "[region][sex][22 census groups]");
        return GraduateAndRake(regionGroups.ToArray(), [.. CensusGroupStarts], nationalSingleYear, regionCount);
    }

    /// <summary>
    /// Step (a) with the census's 1–4 group split at age 3 by the census's own count aged 3+ (see the remarks on
    /// <see cref="BasePopulation"/>): ages 1–2 = (all ages − aged 3+) − age 0 and ages 3–4 = the 1–4 group less that,
    /// for each region and sex; each part is then graduated and raked to the national shape like any other group.
    /// </summary>
    /// <param name="regionGroups">Census counts [region][sex][group] in the groups of <see cref="CensusGroupStarts"/>.</param>
    /// <param name="nationalSingleYear">National single-year counts [sex][age 0..100], used for shape within groups.</param>
    /// <param name="aged3Plus">The census's population aged 3 and over [region][sex] (e.g. the total of its
    /// education table, <see cref="Aged3Plus"/>).</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <returns>Single-year counts [region][sex][age] whose ages 3+ add up to <paramref name="aged3Plus"/>.</returns>
    /// <exception cref="InputDataException">Bad counts; a count aged 3+ outside the range the census groups allow
    /// (from all ages less ages 0–4 to all ages less age 0); or a national table with no people in a group the
    /// regions have people in.</exception>
    public static double[] SingleYearByRegion(ReadOnlySpan<double> regionGroups, ReadOnlySpan<double> nationalSingleYear,
        ReadOnlySpan<double> aged3Plus, int regionCount)
    {
        CheckRegionCount(regionCount);
        CheckLength(regionGroups, regionCount * Sexes.Count * CensusGroupCount, "regionGroups", "[region][sex][22 census groups]");
        CheckLength(aged3Plus, regionCount * Sexes.Count, "aged3Plus", "[region][sex]");
        CheckCounts(regionGroups, "regionGroups");
        CheckCounts(aged3Plus, "aged3Plus");
        const int split = CensusGroupCount + 1;
        var groups = new double[regionCount * Sexes.Count * split];
        for (int k = 0; k < regionCount * Sexes.Count; k++)
        {
            var census = regionGroups.Slice(k * CensusGroupCount, CensusGroupCount);
            double allAges = Sum(census), age0 = census[0], ages1To4 = census[1];
            double ages1To2 = allAges - aged3Plus[k] - age0;
            // Round-off of a few persons in 1e9 is not a disagreement between the tables.
            double slack = 1e-9 * Math.Max(1.0, allAges);
            if (ages1To2 < -slack || ages1To2 > ages1To4 + slack)
            {
                throw new InputDataException("aged3Plus", null,
                    $"region {(k / Sexes.Count).ToString(CultureInfo.InvariantCulture)}, {((Sex)(k % Sexes.Count)).Label()}",
                    aged3Plus[k].ToString("R", CultureInfo.InvariantCulture),
                    $"from {(allAges - age0 - ages1To4).ToString("R", CultureInfo.InvariantCulture)} (all ages less 0-4) to "
                    + $"{(allAges - age0).ToString("R", CultureInfo.InvariantCulture)} (all ages less 0) in the census groups");
            }
            ages1To2 = Math.Clamp(ages1To2, 0.0, ages1To4);
            var g = groups.AsSpan(k * split, split);
            g[0] = age0;
            g[1] = ages1To2;
            g[2] = ages1To4 - ages1To2;
            census[2..].CopyTo(g[3..]);
        }
        int[] starts = [0, 1, 3, .. CensusGroupStarts.Skip(2)];
        return GraduateAndRake(groups, starts, nationalSingleYear, regionCount);
    }

    /// <summary>The population aged 3+ [region][sex]: the sum of the census education classes of each region and sex.</summary>
    /// <param name="censusEducation">Census education of the population aged 3+, [region][sex][class].</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <returns>A new array [region][sex].</returns>
    public static double[] Aged3Plus(ReadOnlySpan<double> censusEducation, int regionCount)
    {
        CheckRegionCount(regionCount);
        CheckLength(censusEducation, regionCount * Sexes.Count * CensusEducationClassCount, "censusEducation", "[region][sex][5 classes]");
        var result = new double[regionCount * Sexes.Count];
        for (int k = 0; k < result.Length; k++) result[k] = Sum(censusEducation.Slice(k * CensusEducationClassCount, CensusEducationClassCount));
        return result;
    }

    private static double[] GraduateAndRake(double[] regionGroups, int[] starts, ReadOnlySpan<double> nationalSingleYear, int regionCount)
    {
        int groupCount = starts.Length;
        CheckLength(nationalSingleYear, Sexes.Count * Ages.Count, "nationalSingleYear", "[sex 2][age 101]");
        CheckCounts(nationalSingleYear, "nationalSingleYear");
        var result = new double[regionCount * Sexes.Count * Ages.Count];
        for (int p = 0; p < regionCount; p++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                int k = p * Sexes.Count + s;
                Graduation.Graduate(starts, regionGroups.AsSpan(k * groupCount, groupCount),
                    result.AsSpan(k * Ages.Count, Ages.Count), $"census groups of region {p}, {((Sex)s).Label()}");
            }
        }

        var rowTargets = new double[regionCount];
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int g = 0; g < groupCount; g++)
            {
                int lo = starts[g], hi = g + 1 < groupCount ? starts[g + 1] : Ages.Count;
                int width = hi - lo;
                if (width == 1) continue; // a single age: the province's count is already its group total
                double groupTotal = 0.0;
                for (int p = 0; p < regionCount; p++)
                {
                    rowTargets[p] = regionGroups[(p * Sexes.Count + s) * groupCount + g];
                    groupTotal += rowTargets[p];
                }
                var national = nationalSingleYear.Slice(s * Ages.Count + lo, width);
                double nationalTotal = 0.0;
                foreach (var v in national) nationalTotal += v;
                if (groupTotal == 0.0) continue;
                if (nationalTotal == 0.0)
                {
                    throw new InputDataException("nationalSingleYear", null,
                        $"{((Sex)s).Label()} ages {lo}-{hi - 1}", "0",
                        "a positive national count where the regions' census groups have people");
                }
                var columnTargets = new double[width];
                for (int a = 0; a < width; a++) columnTargets[a] = national[a] * (groupTotal / nationalTotal);
                var matrix = new double[regionCount * width];
                for (int p = 0; p < regionCount; p++)
                {
                    result.AsSpan((p * Sexes.Count + s) * Ages.Count + lo, width).CopyTo(matrix.AsSpan(p * width, width));
                }
                Raking.RakeInPlace(matrix, regionCount, width, rowTargets, columnTargets,
                    source: $"single-year raking, {((Sex)s).Label()} ages {lo}-{hi - 1}");
                for (int p = 0; p < regionCount; p++)
                {
                    matrix.AsSpan(p * width, width).CopyTo(result.AsSpan((p * Sexes.Count + s) * Ages.Count + lo, width));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The census education classes of the population aged 15+, [region][sex][class] (see the remarks on
    /// <see cref="BasePopulation"/> for the removal of ages 3–14 and the rescaling to the population 15+).
    /// </summary>
    /// <param name="singleYear">Single-year counts [region][sex][age 0..100] (step (a)).</param>
    /// <param name="censusEducation">Census education of the population aged 3+, [region][sex][class] in the order
    /// of <see cref="CensusEducationClasses"/>.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <returns>Education classes of the population 15+, summing to the single-year population 15+ of each region
    /// and sex.</returns>
    /// <exception cref="InputDataException">Bad counts, or a region with people 15+ but no education counts.</exception>
    public static double[] EducationMargins15Plus(ReadOnlySpan<double> singleYear, ReadOnlySpan<double> censusEducation, int regionCount)
    {
        CheckRegionCount(regionCount);
        CheckLength(singleYear, regionCount * Sexes.Count * Ages.Count, "singleYear", "[region][sex][age 101]");
        CheckLength(censusEducation, regionCount * Sexes.Count * CensusEducationClassCount, "censusEducation", "[region][sex][5 classes]");
        CheckCounts(singleYear, "singleYear");
        CheckCounts(censusEducation, "censusEducation");
        var margins = new double[censusEducation.Length];
        Span<double> children = stackalloc double[CensusEducationClassCount];
        for (int k = 0; k < regionCount * Sexes.Count; k++)
        {
            var ages = singleYear.Slice(k * Ages.Count, Ages.Count);
            var m = margins.AsSpan(k * CensusEducationClassCount, CensusEducationClassCount);
            censusEducation.Slice(k * CensusEducationClassCount, CensusEducationClassCount).CopyTo(m);
            children.Clear();
            for (int a = 3; a < EducationStartAge; a++)
            {
                int cls = a <= 5 ? 0 : a <= 11 ? 1 : 2;
                children[cls] += ages[a];
            }
            double shortfall = 0.0;
            for (int c = 0; c < CensusEducationClassCount; c++)
            {
                m[c] -= children[c];
                if (m[c] < 0.0)
                {
                    shortfall -= m[c];
                    m[c] = 0.0;
                }
            }
            double remaining = Sum(m);
            if (shortfall > 0.0 && remaining > 0.0)
            {
                double f = Math.Max(0.0, remaining - shortfall) / remaining;
                for (int c = 0; c < CensusEducationClassCount; c++) m[c] *= f;
                remaining = Sum(m);
            }
            double adults = Sum(ages[EducationStartAge..]);
            if (adults > 0.0 && !(remaining > 0.0))
            {
                int region = k / Sexes.Count;
                throw new InputDataException("censusEducation", null,
                    $"region {region.ToString(CultureInfo.InvariantCulture)}, {((Sex)(k % Sexes.Count)).Label()}",
                    Sum(censusEducation.Slice(k * CensusEducationClassCount, CensusEducationClassCount)).ToString("G6", CultureInfo.InvariantCulture),
                    "education counts (aged 3+) larger than the children aged 3-14");
            }
            double scale = remaining > 0.0 ? adults / remaining : 0.0;
            for (int c = 0; c < CensusEducationClassCount; c++) m[c] *= scale;
        }
        return margins;
    }

    /// <summary>
    /// Step (b): splits single-year counts by education and returns the population on the grid.
    /// </summary>
    /// <param name="singleYear">Single-year counts [region][sex][age 0..100] (step (a)).</param>
    /// <param name="censusEducation">Census education of the population aged 3+, [region][sex][class] in the order
    /// of <see cref="CensusEducationClasses"/>.</param>
    /// <param name="wicSeed">National seed by age, sex and education: [sex][group 15–19 … 95–99, 100+ (18)][level (6,
    /// <see cref="EducationLevel"/> order)], e.g. WIC SSP2 2020 in thousands.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <returns>The population on the grid, length regionCount × <see cref="PopulationShape.CellsPerRegion"/>.</returns>
    /// <exception cref="InputDataException">Bad counts or margins the seed cannot meet.</exception>
    public static double[] SplitByEducation(ReadOnlySpan<double> singleYear, ReadOnlySpan<double> censusEducation,
        ReadOnlySpan<double> wicSeed, int regionCount)
    {
        var margins = EducationMargins15Plus(singleYear, censusEducation, regionCount);
        CheckLength(wicSeed, Sexes.Count * SeedGroupCount * EducationLevels.Count, "wicSeed", "[sex 2][18 groups 15-19..100+][6 levels]");
        CheckCounts(wicSeed, "wicSeed");
        var population = new double[regionCount * PopulationShape.CellsPerRegion];
        const int rows = Ages.Count - EducationStartAge;
        const int cols = CensusEducationClassCount;
        var matrix = new double[rows * cols];
        var rowTargets = new double[rows];
        for (int p = 0; p < regionCount; p++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                var sex = (Sex)s;
                var ages = singleYear.Slice((p * Sexes.Count + s) * Ages.Count, Ages.Count);
                ages[..EducationStartAge].CopyTo(population.AsSpan(PopulationShape.RunStart(p, sex, EducationLevel.NoEducation), EducationStartAge));
                for (int r = 0; r < rows; r++)
                {
                    int age = EducationStartAge + r;
                    rowTargets[r] = ages[age];
                    var seed = SeedRow(wicSeed, s, age);
                    var row = matrix.AsSpan(r * cols, cols);
                    row[0] = seed[0];
                    row[1] = seed[1] + seed[2];
                    row[2] = seed[3];
                    row[3] = seed[4];
                    row[4] = seed[5];
                }
                var columnTargets = margins.AsSpan((p * Sexes.Count + s) * cols, cols);
                Raking.RakeInPlace(matrix, rows, cols, rowTargets, columnTargets,
                    source: $"education raking, region {p.ToString(CultureInfo.InvariantCulture)}, {sex.Label()}");
                for (int r = 0; r < rows; r++)
                {
                    int age = EducationStartAge + r;
                    var seed = SeedRow(wicSeed, s, age);
                    var row = matrix.AsSpan(r * cols, cols);
                    double primaryBoth = seed[1] + seed[2];
                    double incompleteShare = primaryBoth > 0.0 ? seed[1] / primaryBoth : 0.0;
                    population[PopulationShape.Index(p, sex, EducationLevel.NoEducation, age)] = row[0];
                    population[PopulationShape.Index(p, sex, EducationLevel.IncompletePrimary, age)] = row[1] * incompleteShare;
                    population[PopulationShape.Index(p, sex, EducationLevel.Primary, age)] = row[1] * (1.0 - incompleteShare);
                    population[PopulationShape.Index(p, sex, EducationLevel.LowerSecondary, age)] = row[2];
                    population[PopulationShape.Index(p, sex, EducationLevel.UpperSecondary, age)] = row[3];
                    population[PopulationShape.Index(p, sex, EducationLevel.PostSecondary, age)] = row[4];
                }
            }
        }
        return population;
    }

    /// <summary>
    /// Steps (a) and (b) together: the base population on the grid from census groups by region, a national
    /// single-year pattern, census education by region and a national age × education seed. The education table's
    /// total (aged 3+) splits the census's 1–4 group at age 3, so that the children removed in step (b) are the census's.
    /// </summary>
    /// <param name="regionGroups">Census counts [region][sex][group] in the groups of <see cref="CensusGroupStarts"/>.</param>
    /// <param name="nationalSingleYear">National single-year counts [sex][age 0..100].</param>
    /// <param name="censusEducation">Census education aged 3+, [region][sex][class] (<see cref="CensusEducationClasses"/>).</param>
    /// <param name="wicSeed">Seed [sex][group 15–19 … 100+][level].</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <returns>The population on the grid.</returns>
    /// <exception cref="InputDataException">Bad input (see the steps).</exception>
    internal static double[] Build(ReadOnlySpan<double> regionGroups, ReadOnlySpan<double> nationalSingleYear,
        ReadOnlySpan<double> censusEducation, ReadOnlySpan<double> wicSeed, int regionCount)
    {
        var singleYear = SingleYearByRegion(regionGroups, nationalSingleYear, Aged3Plus(censusEducation, regionCount), regionCount);
        return SplitByEducation(singleYear, censusEducation, wicSeed, regionCount);
    }

    /// <summary>
    /// A user's own base population: single-year counts by region, sex and age, and education shares.
    /// </summary>
    /// <param name="regionCount">Number of regions.</param>
    /// <param name="counts">Counts [region][sex][age 0..100].</param>
    /// <param name="educationShares">Shares of each level [sex][level][age] (the same for every region, length
    /// <see cref="PopulationShape.CellsPerRegion"/>) or [region][sex][level][age] (the grid's length). For each
    /// (region, sex, age) the shares must add up to 1 within 1e-6.</param>
    /// <returns>The population on the grid: count × share.</returns>
    /// <exception cref="InputDataException">Negative or non-finite values, wrong lengths, or shares that do not add up to 1.</exception>
    public static double[] FromSingleYear(int regionCount, ReadOnlySpan<double> counts, ReadOnlySpan<double> educationShares)
    {
        CheckRegionCount(regionCount);
        CheckLength(counts, regionCount * Sexes.Count * Ages.Count, "counts", "[region][sex][age 101]");
        CheckCounts(counts, "counts");
        bool shared = educationShares.Length == PopulationShape.CellsPerRegion;
        if (!shared && educationShares.Length != regionCount * PopulationShape.CellsPerRegion)
        {
            throw new InputDataException("educationShares", null, "length", educationShares.Length.ToString(CultureInfo.InvariantCulture),
                $"{PopulationShape.CellsPerRegion} ([sex][level][age], all regions) or {regionCount * PopulationShape.CellsPerRegion} ([region][sex][level][age])");
        }
        CheckCounts(educationShares, "educationShares");
        var population = new double[regionCount * PopulationShape.CellsPerRegion];
        for (int p = 0; p < regionCount; p++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int a = 0; a < Ages.Count; a++)
                {
                    double total = 0.0;
                    for (int e = 0; e < EducationLevels.Count; e++)
                    {
                        total += educationShares[ShareIndex(shared, p, s, e, a)];
                    }
                    if (Math.Abs(total - 1.0) > 1e-6)
                    {
                        throw new InputDataException("educationShares", null,
                            $"region {p.ToString(CultureInfo.InvariantCulture)}, {((Sex)s).Label()}, age {Ages.Label(a)}",
                            total.ToString("R", CultureInfo.InvariantCulture), "shares over the six levels adding up to 1 (within 1e-6)");
                    }
                    double count = counts[(p * Sexes.Count + s) * Ages.Count + a];
                    for (int e = 0; e < EducationLevels.Count; e++)
                    {
                        population[PopulationShape.Index(p, (Sex)s, (EducationLevel)e, a)] =
                            count * educationShares[ShareIndex(shared, p, s, e, a)];
                    }
                }
            }
        }
        return population;
    }

    /// <summary>
    /// A user's own base population from counts in age groups (graduated to single years with
    /// <see cref="Graduation.Graduate(ReadOnlySpan{int}, ReadOnlySpan{double}, string)"/>) and education shares.
    /// </summary>
    /// <param name="regionCount">Number of regions.</param>
    /// <param name="groupStarts">Group start ages (first 0, last = open group, e.g. 0, 5, …, 100).</param>
    /// <param name="groupCounts">Counts [region][sex][group].</param>
    /// <param name="educationShares">Shares as in <see cref="FromSingleYear"/>.</param>
    /// <returns>The population on the grid.</returns>
    /// <exception cref="InputDataException">Bad input.</exception>
    public static double[] FromAgeGroups(int regionCount, ReadOnlySpan<int> groupStarts, ReadOnlySpan<double> groupCounts,
        ReadOnlySpan<double> educationShares)
    {
        CheckRegionCount(regionCount);
        int groups = groupStarts.Length;
        CheckLength(groupCounts, regionCount * Sexes.Count * groups, "groupCounts", $"[region][sex][{groups} groups]");
        var single = new double[regionCount * Sexes.Count * Ages.Count];
        for (int k = 0; k < regionCount * Sexes.Count; k++)
        {
            Graduation.Graduate(groupStarts, groupCounts.Slice(k * groups, groups), single.AsSpan(k * Ages.Count, Ages.Count),
                $"groupCounts of region {(k / Sexes.Count).ToString(CultureInfo.InvariantCulture)}, {((Sex)(k % Sexes.Count)).Label()}");
        }
        return FromSingleYear(regionCount, single, educationShares);
    }

    private static int ShareIndex(bool shared, int p, int s, int e, int a) =>
        shared ? PopulationShape.Index(0, (Sex)s, (EducationLevel)e, a) : PopulationShape.Index(p, (Sex)s, (EducationLevel)e, a);

    private static ReadOnlySpan<double> SeedRow(ReadOnlySpan<double> wicSeed, int sex, int age)
    {
        int group = Math.Min((age - EducationStartAge) / 5, SeedGroupCount - 1);
        return wicSeed.Slice((sex * SeedGroupCount + group) * EducationLevels.Count, EducationLevels.Count);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double s = 0.0;
        foreach (var v in values) s += v;
        return s;
    }

    private static void CheckRegionCount(int regionCount)
    {
        if (regionCount <= 0) throw new ArgumentOutOfRangeException(nameof(regionCount), regionCount, "at least one region");
    }

    private static void CheckLength(ReadOnlySpan<double> values, int expected, string source, string layout)
    {
        if (values.Length != expected)
        {
            throw new InputDataException(source, null, "length", values.Length.ToString(CultureInfo.InvariantCulture),
                $"{expected.ToString(CultureInfo.InvariantCulture)} values laid out {layout}");
        }
    }

    private static void CheckCounts(ReadOnlySpan<double> values, string source)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0.0)
            {
                throw new InputDataException(source, null, $"[{i.ToString(CultureInfo.InvariantCulture)}]",
                    values[i].ToString("R", CultureInfo.InvariantCulture), "a finite non-negative number");
            }
        }
    }
}
