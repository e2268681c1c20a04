using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// The Wittgenstein Centre (2018) SSP2 tables the education module is built from: population by year × five-year
/// age group × sex × level, and mean years of schooling by year × age group × sex. Read from the library's
/// embedded copies of <c>data/wic2018_ssp2_population_age_sex_education.csv</c> and
/// <c>data/wic2018_ssp2_mean_years_schooling.csv</c>, as parsed and checked by <c>ChinaData</c>, indexed for
/// lookup by cell.
/// </summary>
internal sealed class EducationWittgensteinData
{
    /// <summary>File name of the population table.</summary>
    public const string PopulationFile = "wic2018_ssp2_population_age_sex_education.csv";

    /// <summary>File name of the mean-years-of-schooling table.</summary>
    public const string MeanYearsFile = "wic2018_ssp2_mean_years_schooling.csv";

    private readonly Dictionary<(int Year, int Sex, int AgeStart, int Level), double> _population;
    private readonly Dictionary<(int Year, int Sex, int AgeStart), double> _meanYears;

    private EducationWittgensteinData(
        Dictionary<(int, int, int, int), double> population,
        Dictionary<(int, int, int), double> meanYears,
        int[] years, int[] ageStarts)
    {
        _population = population;
        _meanYears = meanYears;
        Years = years;
        AgeStarts = ageStarts;
    }

    /// <summary>Years present in the population table, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Starts of the five-year age groups present in the population table, ascending (100 = 100+).</summary>
    public IReadOnlyList<int> AgeStarts { get; }

    /// <summary>Indexes rows read by <c>ChinaData</c> (WIC's "Under 15" rows and both-sexes MYS are skipped).</summary>
    public static EducationWittgensteinData FromRows(IEnumerable<WicPopulationEducationRow> population, IEnumerable<WicMeanYearsSchoolingRow> meanYears)
    {
        var pop = new Dictionary<(int, int, int, int), double>();
        var years = new SortedSet<int>();
        var ages = new SortedSet<int>();
        foreach (var row in population)
        {
            if (row.Education is not { } level) continue;
            pop[(row.Year, (int)row.Sex, row.AgeGroup.Start, (int)level)] = row.PopThousands;
            years.Add(row.Year);
            ages.Add(row.AgeGroup.Start);
        }
        var mys = new Dictionary<(int, int, int), double>();
        foreach (var row in meanYears)
        {
            if (row.Sex == SexOrBoth.Both) continue;
            mys[(row.Year, (int)row.Sex, row.AgeGroup.Start)] = row.MeanYearsSchooling;
        }
        return new EducationWittgensteinData(pop, mys, years.ToArray(), ages.ToArray());
    }

    /// <summary>Population (thousands) of a cell.</summary>
    /// <exception cref="InputDataException">The cell is missing.</exception>
    public double Population(int year, Sex sex, int ageStart, EducationLevel level) =>
        _population.TryGetValue((year, (int)sex, ageStart, (int)level), out var v)
            ? v
            : throw new InputDataException(PopulationFile, null, "pop_thousands",
                null, $"a row for {year}, age {ageStart}, {sex.Label()}, {level.Label()}");

    /// <summary>Published mean years of schooling of a (year, sex, age group), or null when it is not published.</summary>
    public double? MeanYears(int year, Sex sex, int ageStart) =>
        _meanYears.TryGetValue((year, (int)sex, ageStart), out var v) ? v : null;
}
