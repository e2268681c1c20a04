using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Labour;

/// <summary>
/// The labour model compiled from <see cref="LabourAssumptions"/>: for a year and a population grid of its regions
/// (the layout of <see cref="PopulationShape"/> over <see cref="Regions"/>, the regions of the coverage and wages), the covered contributing workers and
/// their average annual wage in every cell. Immutable and thread-safe; <see cref="FillCoveredWorkers"/> allocates nothing.
/// It is the scheme layer's <see cref="Scheme.ICoveredWorkforce"/>.
/// </summary>
internal sealed class CompiledLabourModel : Scheme.ICoveredWorkforce, Scheme.IRegionalCoveredWorkforce
{
    private const int Cells = PopulationShape.CellsPerRegion;
    private readonly PopulationShape _shape;

    private readonly double[] _participation;   // [sex, education, age]
    private readonly double[] _unemployment;    // [sex, education]
    private readonly double[] _relativeEarnings; // [sex, education, age]
    private readonly double[] _coverage;        // [province]
    private readonly double[] _baseWage;        // [province], yuan per year in WageBaseYear
    private readonly double[] _wageIndex;       // [year - FirstYear], W(y) / W(WageBaseYear)
    private readonly double[] _gain, _older, _unemploymentScale, _nonAgricultural, _joining, _density; // [year - FirstYear]
    private readonly double[] _employed;        // [year - FirstYear][sex, education, age]: p × (1 − u) with the levers (FillEmployedShare)
    private readonly double[] _maxEmployed;     // [year - FirstYear]: the highest employed share of any cell
    private readonly int _firstCoveredAge;      // the lowest age with an employed share > 0 in any year (nobody covered below it)
    private readonly int _firstLaneAge;         // the fill's first age in each run (cells below it are not covered, not written)

    internal CompiledLabourModel(LabourAssumptions assumptions)
    {
        Assumptions = assumptions;
        FirstYear = assumptions.FirstYear;
        LastYear = assumptions.LastYear;
        if (LastYear < FirstYear)
        {
            throw new InputDataException(nameof(LabourAssumptions), null, nameof(LabourAssumptions.LastYear), LastYear.ToString(CultureInfo.InvariantCulture),
                $"a year ≥ FirstYear ({FirstYear})");
        }
        if (assumptions.WageBaseYear < FirstYear || assumptions.WageBaseYear > LastYear)
        {
            throw new InputDataException(nameof(LabourAssumptions), null, nameof(LabourAssumptions.WageBaseYear),
                assumptions.WageBaseYear.ToString(CultureInfo.InvariantCulture), $"a year in [{FirstYear}, {LastYear}]");
        }
        int years = LastYear - FirstYear + 1;
        _participation = assumptions.LabourForce.Participation.ToArray();
        _unemployment = assumptions.LabourForce.Unemployment.ToArray();
        _relativeEarnings = new double[Cells];
        foreach (var sex in Sexes.All)
        {
            foreach (var education in EducationLevels.All)
            {
                for (int a = 0; a < Ages.Count; a++)
                {
                    _relativeEarnings[LabourForceProfile.Index(sex, education, a)] = assumptions.Earnings.Value(sex, education, a);
                }
            }
        }
        _shape = new PopulationShape(assumptions.Coverage.Regions);
        if (!assumptions.AverageWage.Regions.SequenceEqual(assumptions.Coverage.Regions))
        {
            throw new InputDataException(assumptions.AverageWage.Name, null, "regions", string.Join(",", assumptions.AverageWage.Regions.Select(x => x.Code)),
                "the regions of the coverage, in the same order (" + string.Join(",", assumptions.Coverage.Regions.Select(x => x.Code)) + ")");
        }
        _coverage = new double[_shape.RegionCount];
        _baseWage = new double[_shape.RegionCount];
        for (int r = 0; r < _coverage.Length; r++)
        {
            double c = assumptions.Coverage.At(r), w = assumptions.AverageWage.At(r);
            if (!(c >= 0 && c <= LabourAssumptions.MaxCoverage))
            {
                throw new InputDataException(assumptions.Coverage.Name, null, $"coverage[{_shape.Regions[r].EnglishName}]", c.ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"a coverage ratio in [0, {LabourAssumptions.MaxCoverage}]"));
            }
            if (!(w > 0 && double.IsFinite(w)))
            {
                throw new InputDataException(assumptions.AverageWage.Name, null, $"average wage[{_shape.Regions[r].EnglishName}]", w.ToString("R", CultureInfo.InvariantCulture),
                    "a finite wage > 0 yuan per year");
            }
            _coverage[r] = c;
            _baseWage[r] = w;
        }
        _gain = Sample(assumptions.FemaleParticipationGain, FirstYear, LastYear);
        _older = Sample(assumptions.OlderWorkerParticipationGain, FirstYear, LastYear);
        _unemploymentScale = Sample(assumptions.UnemploymentScale, FirstYear, LastYear);
        _nonAgricultural = Sample(assumptions.NonAgriculturalShareScale, FirstYear, LastYear);
        _joining = Sample(assumptions.UncoveredWorkersJoining, FirstYear, LastYear);
        _density = Sample(assumptions.ContributionDensity, FirstYear, LastYear);
        double maxUnemployment = _unemployment.Max();
        for (int i = 0; i < years; i++)
        {
            if (maxUnemployment * _unemploymentScale[i] > 1)
            {
                throw new InputDataException(assumptions.UnemploymentScale.Name, null, $"{assumptions.UnemploymentScale.Name}[{FirstYear + i}]",
                    _unemploymentScale[i].ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"a scale that keeps every unemployment rate ≤ 1 (≤ {1 / maxUnemployment:0.###})"));
            }
        }
        var growth = assumptions.WageGrowth;
        if (!growth.Covers(FirstYear + 1, LastYear) && LastYear > FirstYear)
        {
            throw new InputDataException(growth.Name, null, "year", $"{growth.FirstYear}..{growth.LastYear}",
                $"a path covering {FirstYear + 1}..{LastYear} (growth from the year before)");
        }
        _wageIndex = new double[years];
        int b = assumptions.WageBaseYear - FirstYear;
        _wageIndex[b] = 1;
        for (int i = b + 1; i < years; i++) _wageIndex[i] = _wageIndex[i - 1] * (1 + growth[FirstYear + i]);
        for (int i = b - 1; i >= 0; i--) _wageIndex[i] = _wageIndex[i + 1] / (1 + growth[FirstYear + i + 1]);
        _employed = new double[years * Cells];
        for (int i = 0; i < years; i++) FillEmployedShare(FirstYear + i, _employed.AsSpan(i * Cells, Cells));
        // Covered = persons × (s + joining × max(0, e − s)) × density with s = min(1, e × coverage): 0 wherever e = 0.
        int firstCovered = Ages.Count;
        for (int i = 0; i < _employed.Length; i++)
        {
            if (_employed[i] != 0) firstCovered = Math.Min(firstCovered, i % Ages.Count);
        }
        _firstCoveredAge = firstCovered;
        // The lanes of each (sex, education) run from the highest age at or below the first covered age that leaves whole
        // vectors up to 100 (−1 if there is none: the fill then goes through the region's cells in one stretch).
        int lanes = (Ages.Count - firstCovered + Vector<double>.Count - 1) / Vector<double>.Count;
        _firstLaneAge = Ages.Count - lanes * Vector<double>.Count >= 0 ? Ages.Count - lanes * Vector<double>.Count : -1;
        _maxEmployed = new double[years];
        for (int i = 0; i < years; i++) _maxEmployed[i] = TensorPrimitives.Max<double>(_employed.AsSpan(i * Cells, Cells));
    }

    /// <inheritdoc cref="Scheme.IRegionalCoveredWorkforce.FirstCoveredAge"/>
    int Scheme.IRegionalCoveredWorkforce.FirstCoveredAge => _firstCoveredAge;

    /// <summary>The assumptions the model was compiled from.</summary>
    public LabourAssumptions Assumptions { get; }

    /// <summary>First year the model covers.</summary>
    public int FirstYear { get; }

    /// <summary>Last year the model covers.</summary>
    public int LastYear { get; }

    /// <summary>The regions of the grid the model works on, in grid order (those of <see cref="LabourAssumptions.Coverage"/>).</summary>
    public IReadOnlyList<Region> Regions => _shape.Regions;

    /// <summary>Cells of the grid the model works on: regions × 2 sexes × 6 education levels × 101 ages.</summary>
    public int CellCount => _shape.CellCount;

    /// <summary>The average annual wage of a province in a year, yuan (the base-year wage grown by the wage-growth path).</summary>
    public double AverageWage(int year, int provinceIndex)
    {
        CheckYear(year);
        return _baseWage[provinceIndex] * _wageIndex[year - FirstYear];
    }

    /// <summary>
    /// Fills the covered contributing workers (full-year equivalents, nobody yet treated as retired) and their average
    /// annual wage for every cell of the grid of <see cref="Regions"/>. Allocation-free.
    /// </summary>
    /// <param name="year">Calendar year in [<see cref="FirstYear"/>, <see cref="LastYear"/>].</param>
    /// <param name="population">Persons by cell (layout of <see cref="PopulationShape"/> over <see cref="Regions"/>).</param>
    /// <param name="coveredWorkers">Destination: population × participation × (1 − unemployment) × coverage × density.</param>
    /// <param name="annualWageYuan">Destination: average annual wage of the cell's covered workers, yuan; the covered-worker-weighted
    /// mean over each province equals the province's average wage in <paramref name="year"/> (when the province has covered workers).</param>
    /// <exception cref="ArgumentException">A span of the wrong length, or a negative or non-finite population count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the model's range.</exception>
    public void FillCoveredWorkers(int year, ReadOnlySpan<double> population, Span<double> coveredWorkers, Span<double> annualWageYuan)
    {
        CheckYear(year);
        int n = CellCount;
        if (population.Length != n) throw new ArgumentException($"expected {n} cells ({_coverage.Length} regions × 1,212), got {population.Length}", nameof(population));
        if (coveredWorkers.Length != n) throw new ArgumentException($"expected {n} cells, got {coveredWorkers.Length}", nameof(coveredWorkers));
        if (annualWageYuan.Length != n) throw new ArgumentException($"expected {n} cells, got {annualWageYuan.Length}", nameof(annualWageYuan));
        for (int r = 0; r < _coverage.Length; r++)
        {
            coveredWorkers.Slice(r * Cells, Cells).Clear(); // the fill leaves cells nobody is covered in as they are
            double provinceWage = FillRegion(year - FirstYear, r, population, coveredWorkers.Slice(r * Cells, Cells)).ProvinceWage;
            TensorPrimitives.Multiply(_relativeEarnings, provinceWage, annualWageYuan.Slice(r * Cells, Cells));
        }
    }

    /// <inheritdoc cref="Scheme.IRegionalCoveredWorkforce.RelativeEarnings"/>
    ReadOnlySpan<double> Scheme.IRegionalCoveredWorkforce.RelativeEarnings => _relativeEarnings;

    /// <inheritdoc cref="Scheme.IRegionalCoveredWorkforce.FillCoveredWorkersOfRegion"/>
    (double Workers, double WageBillYuan, double WageScaleYuan) Scheme.IRegionalCoveredWorkforce.FillCoveredWorkersOfRegion(int year, int region,
        ReadOnlySpan<double> population, Span<double> coveredWorkers)
    {
        CheckYear(year);
        int n = CellCount;
        if (population.Length != n) throw new ArgumentException($"expected {n} cells ({_coverage.Length} regions × 1,212), got {population.Length}", nameof(population));
        if (coveredWorkers.Length != Cells) throw new ArgumentException($"expected one region's {Cells} cells, got {coveredWorkers.Length}", nameof(coveredWorkers));
        ArgumentOutOfRangeException.ThrowIfNegative(region);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(region, _coverage.Length);
        return FillRegion(year - FirstYear, region, population, coveredWorkers);
    }

    /// <summary>
    /// One province of <see cref="FillCoveredWorkers"/>: covered = persons × covered share × density in lanes over the
    /// province's cells (the employed shares of the year precomputed), and the wage scale that normalises the wages
    /// (relative earnings × it) to the province's average. Returns Σ covered, the wage bill Σ covered × wage = the wage
    /// scale × Σ covered × relative earnings, and the wage scale. <paramref name="coveredWorkers"/> is the province's cells.
    /// </summary>
    private (double Workers, double WageBillYuan, double ProvinceWage) FillRegion(int t, int r, ReadOnlySpan<double> population, Span<double> coveredWorkers)
    {
        int width = Vector<double>.Count;
        int offset = r * Cells;
        double coverage = _coverage[r] * _nonAgricultural[t], joining = _joining[t], density = _density[t];
        ref double pop = ref MemoryMarshal.GetReference(population.Slice(offset, Cells));
        ref double covered = ref MemoryMarshal.GetReference(coveredWorkers.Slice(0, Cells));
        ref double employed = ref MemoryMarshal.GetArrayDataReference(_employed);
        employed = ref Unsafe.Add(ref employed, t * Cells);
        ref double earnings = ref MemoryMarshal.GetArrayDataReference(_relativeEarnings);
        var densityV = new Vector<double>(density);
        Vector<double> sumCoveredV = Vector<double>.Zero, sumWeightedV = Vector<double>.Zero;
        int i = 0;
        bool tailValid;
        if (_maxEmployed[t] <= 1 && joining >= 0 && joining <= 1 && density >= 0)
        {
            // Every employed share e ≤ 1, joining in [0, 1] and density ≥ 0 (the defaults): the share is one capped
            // product. With coverage c ≥ 1, s = min(1, e·c) ≥ e leaves nobody to join: share = min(1, e·c). With c < 1,
            // s = e·c and share = e·c + joining·e·(1 − c) = e·k with k = c + joining·(1 − c) ≤ 1 (to rounding),
            // = min(1, e·k). The density goes inside the cap: min(1, e·k)·density = min(density, e·k·density). Run by
            // run from the first lane age (below it nobody is covered), else through the region in one stretch.
            var factor = new Vector<double>((coverage >= 1 ? coverage : coverage + joining * (1 - coverage)) * density);
            var lowest = new Vector<double>(double.PositiveInfinity);
            // Two lanes a step, each with its own sums: one set of sums would chain every lane on the latency of an addition.
            var lowestOdd = lowest;
            Vector<double> sumCoveredOdd = Vector<double>.Zero, sumWeightedOdd = Vector<double>.Zero;
            int from = Math.Max(0, _firstLaneAge), runs = _firstLaneAge >= 0 ? Cells / Ages.Count : 1, runLength = _firstLaneAge >= 0 ? Ages.Count : Cells;
            for (int run = 0; run < runs; run++)
            {
                int runEnd = (run + 1) * runLength;
                for (i = run * runLength + from; i + 2 * width <= runEnd; i += 2 * width)
                {
                    var persons = Vector.LoadUnsafe(ref pop, (nuint)i);
                    var personsOdd = Vector.LoadUnsafe(ref pop, (nuint)(i + width));
                    lowest = Vector.MinNative(lowest, persons);
                    lowestOdd = Vector.MinNative(lowestOdd, personsOdd);
                    var cw = persons * Vector.MinNative(densityV, Vector.LoadUnsafe(ref employed, (nuint)i) * factor);
                    var cwOdd = personsOdd * Vector.MinNative(densityV, Vector.LoadUnsafe(ref employed, (nuint)(i + width)) * factor);
                    cw.StoreUnsafe(ref covered, (nuint)i);
                    cwOdd.StoreUnsafe(ref covered, (nuint)(i + width));
                    sumCoveredV += cw;
                    sumCoveredOdd += cwOdd;
                    sumWeightedV += cw * Vector.LoadUnsafe(ref earnings, (nuint)i);
                    sumWeightedOdd += cwOdd * Vector.LoadUnsafe(ref earnings, (nuint)(i + width));
                }
                for (; i + width <= runEnd; i += width)
                {
                    var persons = Vector.LoadUnsafe(ref pop, (nuint)i);
                    lowest = Vector.MinNative(lowest, persons);
                    var cw = persons * Vector.MinNative(densityV, Vector.LoadUnsafe(ref employed, (nuint)i) * factor);
                    cw.StoreUnsafe(ref covered, (nuint)i);
                    sumCoveredV += cw;
                    sumWeightedV += cw * Vector.LoadUnsafe(ref earnings, (nuint)i);
                }
            }
            lowest = Vector.MinNative(lowest, lowestOdd);
            sumCoveredV += sumCoveredOdd;
            sumWeightedV += sumWeightedOdd;
            // A negative count lowers the minimum; NaN or infinity (even where the share is 0) makes the sum NaN or infinite.
            tailValid = Vector.GreaterThanOrEqualAll(lowest, Vector<double>.Zero) && double.IsFinite(Vector.Sum(sumCoveredV));
        }
        else
        {
            var coverageV = new Vector<double>(coverage);
            var joiningV = new Vector<double>(joining);
            var infinity = new Vector<double>(double.PositiveInfinity);
            var valid = Vector<long>.AllBitsSet;
            for (; i + width <= Cells; i += width)
            {
                var persons = Vector.LoadUnsafe(ref pop, (nuint)i);
                valid &= Vector.GreaterThanOrEqual(persons, Vector<double>.Zero) & Vector.LessThan(persons, infinity);
                var e = Vector.LoadUnsafe(ref employed, (nuint)i);
                var s = Vector.MinNative(Vector<double>.One, e * coverageV); // finite values: as Math.Min / Math.Max
                var share = s + joiningV * Vector.MaxNative(Vector<double>.Zero, e - s);
                var cw = persons * share * densityV;
                cw.StoreUnsafe(ref covered, (nuint)i);
                sumCoveredV += cw;
                sumWeightedV += cw * Vector.LoadUnsafe(ref earnings, (nuint)i);
            }
            tailValid = Vector.EqualsAll(valid, Vector<long>.AllBitsSet);
        }
        // Reduce the lanes before the tail: vectors live across a possible call (a range check) are spilled in the loops above.
        double sumCovered = Vector.Sum(sumCoveredV), sumWeighted = Vector.Sum(sumWeightedV);
        for (; i < Cells; i++)
        {
            double persons = Unsafe.Add(ref pop, i);
            tailValid &= persons >= 0 && !double.IsPositiveInfinity(persons);
            double cw = persons * CoveredShare(Unsafe.Add(ref employed, i), coverage, joining) * density;
            Unsafe.Add(ref covered, i) = cw;
            sumCovered += cw;
            sumWeighted += cw * _relativeEarnings[i];
        }
        if (!tailValid) ThrowPopulation(population, offset);
        double norm = sumWeighted > 0 ? sumCovered / sumWeighted : 1;
        double provinceWage = _baseWage[r] * _wageIndex[t] * norm;
        return (sumCovered, provinceWage * sumWeighted, provinceWage);
    }

    private void ThrowPopulation(ReadOnlySpan<double> population, int offset)
    {
        for (int i = offset; i < offset + Cells; i++)
        {
            double persons = population[i];
            if (!(persons >= 0) || double.IsPositiveInfinity(persons))
            {
                throw new ArgumentException($"population[{PopulationGrid.DescribeCell(_shape, i)}] = {persons.ToString("R", CultureInfo.InvariantCulture)}; expected a finite count ≥ 0", nameof(population));
            }
        }
    }

    /// <summary>
    /// Covered contributing workers below their statutory retirement age, by region, as the calibration
    /// counts them: men by the men's schedule; women split into cadres and workers by
    /// <see cref="LabourAssumptions.FemaleCadreShareByEducation"/>; at the grid's reference date (1 <see cref="LabourAssumptions.ReferenceMonth"/>).
    /// </summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="population">Persons by cell.</param>
    public double[] CoveredWorkersBelowRetirementAge(int year, ReadOnlySpan<double> population)
    {
        var covered = new double[CellCount];
        var wages = new double[CellCount];
        FillCoveredWorkers(year, population, covered, wages);
        var below = BelowRetirementShares(Assumptions, year);
        var result = new double[_shape.RegionCount];
        for (int r = 0; r < result.Length; r++)
        {
            double sum = 0;
            for (int i = 0; i < Cells; i++) sum += covered[r * Cells + i] * below[i];
            result[r] = sum;
        }
        return result;
    }

    /// <summary>
    /// Tidy rows of one year: year, region, sex, education, age, persons, covered workers and wage (one row per cell).
    /// </summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="population">Persons by cell.</param>
    public IReadOnlyList<CoveredWorkerRow> Table(int year, ReadOnlySpan<double> population)
    {
        var covered = new double[CellCount];
        var wages = new double[CellCount];
        FillCoveredWorkers(year, population, covered, wages);
        var rows = new List<CoveredWorkerRow>(CellCount);
        for (int r = 0; r < _shape.RegionCount; r++)
        {
            var region = _shape.Regions[r];
            foreach (var sex in Sexes.All)
            {
                foreach (var education in EducationLevels.All)
                {
                    for (int a = 0; a < Ages.Count; a++)
                    {
                        int i = PopulationShape.Index(r, sex, education, a);
                        rows.Add(new CoveredWorkerRow(year, region.Code, region.EnglishName, sex.Label(), education.Label(), a,
                            population[i], covered[i], wages[i]));
                    }
                }
            }
        }
        return rows;
    }

    /// <summary>Tidy rows of every year from <paramref name="fromYear"/> to <paramref name="toYear"/> of a projection on the model's regions.</summary>
    public IEnumerable<CoveredWorkerRow> Table(DemographicProjection projection, int fromYear, int toYear)
    {
        ArgumentNullException.ThrowIfNull(projection);
        for (int y = fromYear; y <= toYear; y++)
        {
            foreach (var row in Table(y, projection.PersonsAt(y))) yield return row;
        }
    }

    /// <summary>Share of each [sex, education, age] cell below the statutory retirement age at the year's reference date.</summary>
    internal static double[] BelowRetirementShares(LabourAssumptions assumptions, int year)
    {
        var schedule = assumptions.RetirementAges;
        var shares = new double[Cells];
        var men = new double[Ages.Count];
        var cadres = new double[Ages.Count];
        var workers = new double[Ages.Count];
        int t = new YearMonth(year, assumptions.ReferenceMonth).Index;
        for (int a = 0; a < Ages.Count; a++)
        {
            men[a] = ShareBelow(schedule, RetirementCategory.Men, t, a);
            cadres[a] = ShareBelow(schedule, RetirementCategory.WomenCadres, t, a);
            workers[a] = ShareBelow(schedule, RetirementCategory.WomenWorkers, t, a);
        }
        foreach (var education in EducationLevels.All)
        {
            double cadreShare = assumptions.FemaleCadreShareByEducation[(int)education];
            for (int a = 0; a < Ages.Count; a++)
            {
                shares[LabourForceProfile.Index(Sex.Male, education, a)] = men[a];
                shares[LabourForceProfile.Index(Sex.Female, education, a)] = cadreShare * cadres[a] + (1 - cadreShare) * workers[a];
            }
        }
        return shares;
    }

    // Persons aged a at month T were born in T − 12a − 12 … T − 12a − 1 (evenly); below if the retirement month is ≥ T
    // (a person retiring in month T is counted as retiring during the projection year that starts at T, as in
    // RetirementAgeSchedule.ShareOfAgeRetiringInYear). Elastic choices are counted with their shares.
    private static double ShareBelow(RetirementAgeSchedule schedule, RetirementCategory category, int t, int age)
    {
        double special = schedule.SpecialJobs.ShareOf(category), rest = 1 - special; // special jobs: SpecialJobRetirement
        double share = 0, statutoryShare = rest * schedule.Elastic.StatutoryShare;
        int original = schedule.OriginalAgeMonths(category);
        var options = schedule.Elastic.Options;
        for (int b = t - 12 * age - 12; b < t - 12 * age; b++)
        {
            if (special > 0 && b + SpecialJobRetirement.AgeMonths(category) >= t) share += special;
            int statutory = schedule.StatutoryAgeMonths(category, YearMonth.FromIndex(b));
            if (b + statutory >= t) share += statutoryShare;
            for (int i = 0; i < options.Count; i++)
            {
                if (ElasticRetirement.RetirementMonth(b, statutory, original, options[i].OffsetMonths) >= t) share += rest * options[i].Share;
            }
        }
        return share / 12;
    }

    internal static double CoveredShare(double employed, double coverage, double joining)
    {
        double s = Math.Min(1, employed * coverage);
        return s + joining * Math.Max(0, employed - s);
    }

    /// <summary>Employed share p × (1 − u) of each [sex, education, age] cell in a year, with the participation levers.</summary>
    internal void FillEmployedShare(int year, Span<double> employed)
    {
        int t = year - FirstYear;
        double gain = _gain[t], older = _older[t], uScale = _unemploymentScale[t];
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                int run = (s * EducationLevels.Count + e) * Ages.Count;
                int maleRun = e * Ages.Count;
                double peak = 0;
                for (int a = 0; a < Ages.Count; a++)
                {
                    double p = _participation[run + a];
                    if (s == (int)Sex.Female) p += gain * Math.Max(0, _participation[maleRun + a] - p);
                    employed[run + a] = p;
                    if (p > peak) peak = p;
                }
                for (int a = LabourAssumptions.OlderWorkerAge; a < Ages.Count; a++)
                {
                    employed[run + a] += older * Math.Max(0, peak - employed[run + a]);
                }
                double keep = 1 - Math.Min(1, _unemployment[s * EducationLevels.Count + e] * uScale);
                for (int a = 0; a < Ages.Count; a++) employed[run + a] *= keep;
            }
        }
    }

    internal double Coverage(int provinceIndex) => _coverage[provinceIndex];

    private void CheckYear(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the labour model covers {FirstYear}..{LastYear}");
        }
    }

    private static double[] Sample(AnnualPath path, int first, int last)
    {
        if (!path.Covers(first, last))
        {
            throw new InputDataException(path.Name, null, "year", $"{path.FirstYear}..{path.LastYear}", $"a path covering every year {first}..{last}");
        }
        var values = new double[last - first + 1];
        for (int y = first; y <= last; y++) values[y - first] = path[y];
        return values;
    }
}

/// <summary>A tidy row of the labour model: one cell in one year.</summary>
/// <param name="Year">Calendar year (population at its reference date).</param>
/// <param name="RegionCode">GB/T 2260 province code.</param>
/// <param name="Region">Province name.</param>
/// <param name="Sex">male or female.</param>
/// <param name="Education">Education label (<see cref="EducationLevels.Label"/>).</param>
/// <param name="Age">Age (100 = 100+).</param>
/// <param name="Persons">Persons in the cell.</param>
/// <param name="CoveredWorkers">Covered contributing workers, full-year equivalents, before retirement is applied.</param>
/// <param name="AnnualWageYuan">Average annual wage of the cell's covered workers, yuan.</param>
internal readonly record struct CoveredWorkerRow(
    int Year, int RegionCode, string Region, string Sex, string Education, int Age, double Persons, double CoveredWorkers, double AnnualWageYuan);
