using System.Numerics.Tensors;
using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// The result of a demographic projection: the population grid at every year from the base year to the end year,
/// the flows of every year, and the indicators people read (e0, e65, TFR, dependency ratio, working-age population,
/// mean years of schooling), as tidy tables.
/// </summary>
[Display.TypeFormatterSource(typeof(Display.NotebookFormatterSource))] // notebook display (*.Display.cs)
public sealed partial class DemographicProjection
{
    private readonly CompiledDemography _inputs;
    private readonly ProjectionBuffers _buffers;

    internal DemographicProjection(CompiledDemography inputs, ProjectionBuffers buffers)
    {
        _inputs = inputs;
        _buffers = buffers;
    }

    /// <summary>The compiled inputs and buffers this projection reads (see <see cref="DemographicProjector.RunInto(CompiledDemography, ProjectionBuffers)"/>).</summary>
    internal (CompiledDemography Inputs, ProjectionBuffers Buffers) Source => (_inputs, _buffers);

    private void CheckKeptYears()
    {
        if (!_buffers.KeepsYears) throw new InvalidOperationException("this projection kept no year's population grid (a Monte Carlo path's: only its accounts and what ran alongside it)");
    }

    /// <summary>Year of the base population.</summary>
    public int BaseYear => _inputs.BaseYear;

    /// <summary>Last projected year.</summary>
    public int EndYear => _inputs.BaseYear + _inputs.StepCount;

    /// <summary>Shape of the grid (the regions projected).</summary>
    internal PopulationShape Shape => _inputs.Shape;

    /// <summary>The assumptions the projection ran on.</summary>
    internal DemographicAssumptions Assumptions => _inputs.Assumptions;

    /// <summary>Persons by cell at the reference date of <paramref name="year"/>, in the flat layout of <see cref="PopulationShape"/>.</summary>
    /// <exception cref="InvalidOperationException">A projection run for a Monte Carlo path, which keeps no year's grid.</exception>
    internal ReadOnlySpan<double> PersonsAt(int year)
    {
        CheckYear(year, EndYear);
        CheckKeptYears();
        int cells = Shape.CellCount;
        return _buffers.Population.AsSpan((year - BaseYear) * cells, cells);
    }

    /// <summary>The population grid at the reference date of <paramref name="year"/> (a copy).</summary>
    internal PopulationGrid PopulationAt(int year) => new(Shape, PersonsAt(year), $"projection {year}");

    /// <summary>Total persons in a region at a year's reference date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The projection does not hold <paramref name="region"/>.</exception>
    public double TotalPersons(int year, Region region) => TotalPersons(year, RegionIndex(region));

    /// <summary>Total persons in a region (index into <see cref="Shape"/>'s regions) at a year's reference date.</summary>
    internal double TotalPersons(int year, int region) =>
        TensorPrimitives.Sum(PersonsAt(year).Slice(region * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion));

    /// <summary>Total persons over all regions at a year's reference date.</summary>
    public double TotalPersons(int year) => TensorPrimitives.Sum(PersonsAt(year));

    /// <summary>Persons of one region and sex aged <paramref name="fromAge"/>..<paramref name="toAge"/> (inclusive; 100 = 100+), all education levels, at a year's reference date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The projection does not hold <paramref name="region"/>.</exception>
    public double PersonsAged(int year, Region region, Sex sex, int fromAge, int toAge) => PersonsAged(year, RegionIndex(region), sex, fromAge, toAge);

    /// <summary>The index of <paramref name="region"/> among the projection's regions.</summary>
    private int RegionIndex(Region region)
    {
        for (int r = 0; r < Shape.RegionCount; r++)
        {
            if (Shape.Regions[r].Code == region.Code) return r;
        }
        throw new ArgumentOutOfRangeException(nameof(region), region.Code,
            $"{region} is not among the projection's regions ({string.Join(", ", Shape.Regions.Select(r => r.Code))})");
    }

    /// <summary>Persons of one region (index into the shape's regions) and sex aged <paramref name="fromAge"/>..<paramref name="toAge"/> (inclusive; 100 = 100+), all education levels.</summary>
    internal double PersonsAged(int year, int region, Sex sex, int fromAge, int toAge)
    {
        var persons = PersonsAt(year);
        double sum = 0;
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            sum += TensorPrimitives.Sum(persons.Slice(PopulationShape.Index(region, sex, (EducationLevel)e, fromAge), toAge - fromAge + 1));
        }
        return sum;
    }

    /// <summary>Births during the step starting at <paramref name="year"/>'s grid date in a region (a calendar year only when the grid is dated 1 January; see <see cref="CalendarYearBirths"/>).</summary>
    internal double Births(int year, int region) { CheckYear(year, EndYear - 1); return _buffers.Births[(year - BaseYear) * Shape.RegionCount + region]; }

    /// <summary>Deaths during the step starting at <paramref name="year"/>'s grid date in a region, by sex (includes deaths of that step's births; see <see cref="CalendarYearDeaths"/>).</summary>
    internal double Deaths(int year, int region, Sex sex) => Flow(_buffers.Deaths, year, region, sex);

    /// <summary>Net international migrants during the year starting at <paramref name="year"/>.</summary>
    internal double NetInternationalMigrants(int year, int region, Sex sex) => Flow(_buffers.NetInternational, year, region, sex);

    /// <summary>Net migrants from other provinces during the year starting at <paramref name="year"/> (zero in a national run).</summary>
    internal double NetInterprovincialMigrants(int year, int region, Sex sex) => Flow(_buffers.NetInterprovincial, year, region, sex);

    /// <summary>Period life expectancy at birth of the year's life table.</summary>
    public double LifeExpectancyAtBirth(int year, Sex sex) { CheckYear(year, EndYear - 1); return _inputs.LifeExpectancyAtBirth[(year - BaseYear) * Sexes.Count + (int)sex]; }

    /// <summary>Period life expectancy at 65 of the year's life table.</summary>
    public double LifeExpectancyAt65(int year, Sex sex) { CheckYear(year, EndYear - 1); return _inputs.LifeExpectancyAt65[(year - BaseYear) * Sexes.Count + (int)sex]; }

    /// <summary>Total fertility rate of the calendar year, as the assumption gives it.</summary>
    public double TotalFertilityRate(int year) { CheckYear(year, EndYear - 1); return _inputs.CalendarTotalFertilityRate[year - BaseYear]; }

    /// <summary>Fraction of a year elapsed at the grid's reference date (<see cref="DemographicAssumptions.BaseDateYearFraction"/>).</summary>
    internal double BaseDateYearFraction => _inputs.BaseDateYearFraction;

    /// <summary>First calendar year whose flows the steps cover entirely (the base year itself when the base date is 1 January).</summary>
    internal int FirstCalendarYear => _inputs.BaseDateYearFraction > 0 ? BaseYear + 1 : BaseYear;

    /// <summary>
    /// Births in calendar year <paramref name="year"/> (1 January to 31 December), as NBS and WPP count them: the
    /// steps' births spread evenly over each step, so with a base date f into the year the calendar year takes f of the
    /// step that ends in it and 1 − f of the step that starts in it.
    /// </summary>
    internal double CalendarYearBirths(int year, int region) => CalendarFlow(year, y => Births(y, region));

    /// <summary>Deaths in calendar year <paramref name="year"/>, by sex (spread as in <see cref="CalendarYearBirths"/>).</summary>
    internal double CalendarYearDeaths(int year, int region, Sex sex) => CalendarFlow(year, y => Deaths(y, region, sex));

    /// <summary>Net international migrants in calendar year <paramref name="year"/>, by sex (spread as in <see cref="CalendarYearBirths"/>).</summary>
    internal double CalendarYearNetInternationalMigrants(int year, int region, Sex sex) => CalendarFlow(year, y => NetInternationalMigrants(y, region, sex));

    private double CalendarFlow(int year, Func<int, double> flow)
    {
        double f = _inputs.BaseDateYearFraction;
        if (year < FirstCalendarYear || year > EndYear - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"calendar-year flows cover {FirstCalendarYear}..{EndYear - 1}");
        }
        return f == 0 ? flow(year) : f * flow(year - 1) + (1 - f) * flow(year);
    }

    /// <summary>
    /// Persons of a region and sex aged <paramref name="fromAge"/>..<paramref name="toAge"/> at the end of calendar year
    /// <paramref name="year"/> (31 December, NBS's date), interpolated linearly in time between the two grids around it.
    /// </summary>
    internal double PersonsAgedAtYearEnd(int year, int region, Sex sex, int fromAge, int toAge)
    {
        double f = _inputs.BaseDateYearFraction;
        if (f == 0) return PersonsAged(year + 1, region, sex, fromAge, toAge);
        return f * PersonsAged(year, region, sex, fromAge, toAge) + (1 - f) * PersonsAged(year + 1, region, sex, fromAge, toAge);
    }

    /// <summary>
    /// Mean years of schooling of persons aged 25+ (the Barro-Lee and Wittgenstein convention) in a region, or NaN when
    /// the assumptions carry no <see cref="DemographicAssumptions.SchoolingYears"/>.
    /// </summary>
    internal double MeanYearsOfSchooling(int year, int region)
    {
        if (Assumptions.SchoolingYears is not { } years) return double.NaN;
        var persons = PersonsAt(year);
        double people = 0, schooling = 0;
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int e = 0; e < EducationLevels.Count; e++)
            {
                double n = TensorPrimitives.Sum(persons.Slice(PopulationShape.Index(region, (Sex)s, (EducationLevel)e, 25), Ages.Count - 25));
                people += n;
                schooling += n * years[(EducationLevel)e];
            }
        }
        return people > 0 ? schooling / people : double.NaN;
    }

    /// <summary>
    /// One row per year and region (and a national row, region code 0, when several regions are projected): population
    /// at the year's reference date, the year's flows and indicators. Flows and period rates are empty in the end year's row.
    /// </summary>
    public IReadOnlyList<DemographicSummaryRow> Summary()
    {
        var rows = new List<DemographicSummaryRow>((EndYear - BaseYear + 1) * (Shape.RegionCount + 1));
        bool withNational = Shape.RegionCount > 1;
        for (int year = BaseYear; year <= EndYear; year++)
        {
            for (int r = 0; r < Shape.RegionCount; r++) rows.Add(SummaryRow(year, Shape.Regions[r], [r]));
            if (withNational) rows.Add(SummaryRow(year, Regions.China, Enumerable.Range(0, Shape.RegionCount).ToArray()));
        }
        return rows;
    }

    /// <summary>Tidy rows of the population at the given year (or every year when null): year, region, sex, education, age, persons.</summary>
    public IEnumerable<PopulationRow> PopulationTable(int? year = null)
    {
        int from = year ?? BaseYear, to = year ?? EndYear;
        CheckKeptYears();
        for (int y = from; y <= to; y++)
        {
            var persons = _buffers.Population.AsMemory((y - BaseYear) * Shape.CellCount, Shape.CellCount);
            for (int r = 0; r < Shape.RegionCount; r++)
            {
                for (int s = 0; s < Sexes.Count; s++)
                {
                    for (int e = 0; e < EducationLevels.Count; e++)
                    {
                        for (int a = 0; a < Ages.Count; a++)
                        {
                            yield return new PopulationRow(y, Shape.Regions[r].Code, Shape.Regions[r].EnglishName, ((Sex)s).Label(),
                                ((EducationLevel)e).Label(), a, persons.Span[PopulationShape.Index(r, (Sex)s, (EducationLevel)e, a)]);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// One row per calendar year and region (and a national row, region code 0, when several regions are projected), on
    /// the dates NBS and WPP use: the year's births, deaths and net migrants (<see cref="CalendarYearBirths"/>) and the
    /// population at 31 December, in all and aged 60+ and 65+ (<see cref="PersonsAgedAtYearEnd"/>), for every calendar
    /// year the steps cover (<see cref="FirstCalendarYear"/> to the end year − 1).
    /// </summary>
    public IReadOnlyList<CalendarYearRow> CalendarYearTable()
    {
        var rows = new List<CalendarYearRow>();
        bool withNational = Shape.RegionCount > 1;
        for (int year = FirstCalendarYear; year < EndYear; year++)
        {
            for (int r = 0; r < Shape.RegionCount; r++) rows.Add(CalendarRow(year, Shape.Regions[r], [r]));
            if (withNational) rows.Add(CalendarRow(year, Regions.China, Enumerable.Range(0, Shape.RegionCount).ToArray()));
        }
        return rows;
    }

    private CalendarYearRow CalendarRow(int year, Region region, int[] regionIndexes)
    {
        double births = 0, deaths = 0, international = 0, interprovincial = 0, population = 0, aged60 = 0, aged65 = 0;
        foreach (int r in regionIndexes)
        {
            births += CalendarYearBirths(year, r);
            for (int s = 0; s < Sexes.Count; s++)
            {
                var sex = (Sex)s;
                deaths += CalendarYearDeaths(year, r, sex);
                international += CalendarYearNetInternationalMigrants(year, r, sex);
                interprovincial += CalendarFlow(year, y => NetInterprovincialMigrants(y, r, sex));
                population += PersonsAgedAtYearEnd(year, r, sex, 0, Ages.OpenInterval);
                aged60 += PersonsAgedAtYearEnd(year, r, sex, 60, Ages.OpenInterval);
                aged65 += PersonsAgedAtYearEnd(year, r, sex, 65, Ages.OpenInterval);
            }
        }
        return new CalendarYearRow(year, region.Code, region.EnglishName, births, deaths, international, interprovincial, population, aged60, aged65);
    }

    private DemographicSummaryRow SummaryRow(int year, Region region, int[] regionIndexes)
    {
        double population = 0, males = 0, children = 0, workingAge = 0, old = 0, schoolingWeighted = 0, adults = 0;
        double? births = null, deaths = null, international = null, interprovincial = null;
        bool hasFlows = year < EndYear;
        if (hasFlows) { births = 0; deaths = 0; international = 0; interprovincial = 0; }
        foreach (int r in regionIndexes)
        {
            population += TotalPersons(year, r);
            males += PersonsAged(year, r, Sex.Male, 0, Ages.OpenInterval);
            for (int s = 0; s < Sexes.Count; s++)
            {
                children += PersonsAged(year, r, (Sex)s, 0, 14);
                workingAge += PersonsAged(year, r, (Sex)s, 15, 64);
                old += PersonsAged(year, r, (Sex)s, 65, Ages.OpenInterval);
                if (hasFlows)
                {
                    deaths += Deaths(year, r, (Sex)s);
                    international += NetInternationalMigrants(year, r, (Sex)s);
                    interprovincial += NetInterprovincialMigrants(year, r, (Sex)s);
                }
            }
            if (hasFlows) births += Births(year, r);
            double mys = MeanYearsOfSchooling(year, r);
            if (!double.IsNaN(mys))
            {
                double n = PersonsAged(year, r, Sex.Male, 25, Ages.OpenInterval) + PersonsAged(year, r, Sex.Female, 25, Ages.OpenInterval);
                schoolingWeighted += mys * n;
                adults += n;
            }
        }
        return new DemographicSummaryRow(
            year, region.Code, region.EnglishName, population, males, population - males, children, workingAge, old,
            workingAge > 0 ? old / workingAge : double.NaN,
            births, deaths, international, interprovincial,
            hasFlows ? TotalFertilityRate(year) : null,
            hasFlows ? LifeExpectancyAtBirth(year, Sex.Male) : null,
            hasFlows ? LifeExpectancyAtBirth(year, Sex.Female) : null,
            hasFlows ? LifeExpectancyAt65(year, Sex.Male) : null,
            hasFlows ? LifeExpectancyAt65(year, Sex.Female) : null,
            adults > 0 ? schoolingWeighted / adults : null);
    }

    private double Flow(double[] flows, int year, int region, Sex sex)
    {
        CheckYear(year, EndYear - 1);
        return flows[((year - BaseYear) * Shape.RegionCount + region) * Sexes.Count + (int)sex];
    }

    private void CheckYear(int year, int last)
    {
        if (year < BaseYear || year > last)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"this projection covers {BaseYear}..{last} for this quantity");
        }
    }
}

/// <summary>One calendar year × region of a demographic projection, on NBS's and WPP's dates (persons).</summary>
/// <param name="Year">Calendar year (1 January to 31 December).</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China.</param>
/// <param name="Region">English name.</param>
/// <param name="Births">Births in the year.</param>
/// <param name="Deaths">Deaths in the year.</param>
/// <param name="NetInternationalMigrants">Net international migrants in the year.</param>
/// <param name="NetInterprovincialMigrants">Net migrants from other provinces in the year.</param>
/// <param name="YearEndPopulation">Population on 31 December (the projection's own; NBS's figure also counts active servicemen).</param>
/// <param name="YearEndAged60Plus">Population aged 60 and over on 31 December.</param>
/// <param name="YearEndAged65Plus">Population aged 65 and over on 31 December.</param>
public sealed record CalendarYearRow(int Year, int RegionCode, string Region, double Births, double Deaths, double NetInternationalMigrants,
    double NetInterprovincialMigrants, double YearEndPopulation, double YearEndAged60Plus, double YearEndAged65Plus);

/// <summary>One year × region of a demographic projection (tidy; persons unless stated).</summary>
/// <param name="Year">Calendar year; stocks are at its grid date (for China's defaults 1 November, the census day), flows are
/// for the step to the next grid date (see <see cref="DemographicProjection.CalendarYearTable"/> for calendar years), rates
/// (TFR, e0, e65) are the calendar year's.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China.</param>
/// <param name="Region">English name.</param>
/// <param name="Population">All persons.</param>
/// <param name="Males">Male persons.</param>
/// <param name="Females">Female persons.</param>
/// <param name="Aged0To14">Persons aged 0–14.</param>
/// <param name="Aged15To64">Working-age persons (15–64).</param>
/// <param name="Aged65Plus">Persons aged 65 and over.</param>
/// <param name="OldAgeDependencyRatio">Aged 65+ per person aged 15–64.</param>
/// <param name="Births">Births during the year (empty in the end year).</param>
/// <param name="Deaths">Deaths during the year.</param>
/// <param name="NetInternationalMigrants">Net international migrants during the year.</param>
/// <param name="NetInterprovincialMigrants">Net migrants from other provinces during the year.</param>
/// <param name="TotalFertilityRate">Children per woman.</param>
/// <param name="LifeExpectancyAtBirthMaleYears">Period e0, males.</param>
/// <param name="LifeExpectancyAtBirthFemaleYears">Period e0, females.</param>
/// <param name="LifeExpectancyAt65MaleYears">Period e65, males.</param>
/// <param name="LifeExpectancyAt65FemaleYears">Period e65, females.</param>
/// <param name="MeanYearsOfSchooling25Plus">Mean years of schooling of persons aged 25+.</param>
[CsvHelper.CsvRecord]
public sealed partial record DemographicSummaryRow(
    int Year, int RegionCode, string Region, double Population, double Males, double Females,
    double Aged0To14, double Aged15To64, double Aged65Plus, double OldAgeDependencyRatio,
    double? Births, double? Deaths, double? NetInternationalMigrants, double? NetInterprovincialMigrants,
    double? TotalFertilityRate, double? LifeExpectancyAtBirthMaleYears, double? LifeExpectancyAtBirthFemaleYears,
    double? LifeExpectancyAt65MaleYears, double? LifeExpectancyAt65FemaleYears, double? MeanYearsOfSchooling25Plus);

/// <summary>One cell of the population table (tidy).</summary>
/// <param name="Year">Calendar year (reference date).</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China.</param>
/// <param name="Region">English name.</param>
/// <param name="Sex">male or female.</param>
/// <param name="Education">Education level label.</param>
/// <param name="Age">Single year of age; 100 stands for 100+.</param>
/// <param name="Persons">Persons in the cell.</param>
[CsvHelper.CsvRecord]
public sealed partial record PopulationRow(int Year, int RegionCode, string Region, string Sex, string Education, int Age, double Persons);
