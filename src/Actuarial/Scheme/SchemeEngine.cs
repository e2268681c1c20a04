using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>
/// The cell state of the scheme and its yearly step (see <see cref="SchemeProjector"/> for the model). Everything is
/// allocated in the constructor; <see cref="Step(int, bool)"/> allocates nothing.
/// </summary>
/// <remarks>
/// The step works region by region and, within a region, one (sex, education) run of 101 ages at a time, so the state
/// being worked on sits in cache. The state is stored run by run: each run's arrays (records, contributors, the record
/// holders' averages, pensioners, pensions, new pensioners) lie in one block, at fixed offsets from one another, so the
/// lanes address them all from one reference (with an array per quantity they needed a register each, more than there
/// are, and reloaded them from the stack every lane). The by-cell views (<see cref="Records"/>, ...) gather from the
/// blocks. A region starts with the next year's labour: its covered workers (the labour layer
/// fills a region at a time into a region-sized buffer, or has filled the whole grid before the loop), the covered-wage
/// sums and, with the compiled labour model, the wage scale (a cell's wage is its relative earnings × the scale, so no
/// wage array is stored; with a whole-grid layer the wages are stored, the next year's beside the year's, and the sums
/// are taken here, checking the layer's contract). Each run is stepped: its pensions are paid from sums taken when it was
/// aged; lanes of <see cref="Vector{T}"/> over ages accrue contributions; a scalar loop restricted to the ages where
/// anyone retires that year (<see cref="RetirementTables"/>) retires record holders. The run before is then aged (lanes
/// over ages, from the top down, each scaled by its survival ratio, summing the pensions the next year will pay), and in
/// the same lanes its contributors of the next year are set. The national wage, indexation and crediting rate follow
/// when every region is done. Pensions are held in units of a national index, which a year's indexation multiplies
/// (every pension gets the same increase), so no cell is touched for it; the <see cref="Pensions"/> view gives yuan.
/// Each run remembers the age of its oldest record holder, above which accrual, ageing and contributors have nothing
/// to do. Ages below which there are never pensioners (the retirement tables, by sex and education) or record holders
/// (the labour layer's first covered age) are skipped, as are the deemed years below the ages that can hold any, and
/// new pensioners are only read and cleared at the year's retiring ages (the only ones that hold any). Lanes may run
/// past a run's ceiling, floors or age 100 into cells that hold zeros (each array of a block has three cells of padding
/// past age 100, see <see cref="RunStride"/>), so that runs need no scalar tails. Run alongside the population projection
/// (<see cref="RunAlongsidePopulation"/>), the engine reads each year's population from the cache; stepping a stored
/// projection, it prefetches the next region's population of the next year while a region works. Each cell's
/// arithmetic is the plain loop's, in the same order, except a multiplication by 1/w for a division by the average wage
/// in the accrual of the index, the account credited as (density × base) × (ee × (1 + r/2)), and the pensions' index
/// units; sums add in another order. The plain loop is kept in the tests (SchemeEngineReference), which the engine must
/// agree with to 1e-9 relative.
/// </remarks>
internal sealed class SchemeEngine
{
    private const int A = Ages.Count;
    private const int Groups = Sexes.Count * EducationLevels.Count; // (sex, education) runs per region
    // Cells after the last region's last run of the wage arrays: the accrual's lanes may read wages up to three ages past
    // age 100 (the next run's, or these), for cells that hold no record holders.
    private const int Padding = 8;

    private SchemeAssumptions _a;
    private readonly SchemeRules _rules;
    private ICoveredWorkforce _workforce;
    private IRegionalCoveredWorkforce? _regionalWorkforce; // the labour layer when it can fill a region at a time
    private readonly int _regions;
    private readonly int _cells;
    private readonly double _floor;
    private readonly double _cap;

    // [year index][sex·6 + education][age]: share retired before the reference date, share retiring in the year, 1 / divisor
    // of those retiring, share of record holders retiring (shared, read-only: see RetirementTables).
    private readonly RetirementTables _tables;
    private readonly double[] _retired;
    private readonly double[] _retiring;
    private readonly double[] _inverseDivisor;
    private readonly double[] _leavingShare;
    private readonly double[] _notRetired;     // 1 − the share retired (the contributors' factor, computed once)
    private readonly double[] _employerRate; // [year index][region]
    private readonly double[] _employeeRate; // [year index]
    private readonly double[] _minimumYears; // [year index]
    private readonly double[] _baseDeemed, _baseYears, _baseAccountFactorByCell; // [sex·6 + education][age] of a 2024 record holder

    // Calibration factors by region.
    private readonly double[] _alignment;
    private readonly double[] _compliance;
    private readonly double[] _registration;
    private readonly double[] _pensionLevel;
    private readonly double[] _retireeTargets;

    // State by cell.
    private readonly double[] _covered;        // with a labour layer that fills a region at a time: the base year's (see _regionCovered)
    private double[] _wage;                    // only with a labour layer that fills the whole grid (else see _wageScale)
    private double[] _wageNext;                // the next year's, filled (with the covered workers) before the year's step
    // The cell state, run by run: each (region, sex, education) run has a block of StateArrays arrays of RunStride ages
    // (101 and 3 of padding, which hold zeros), at the offsets below from the block's start. A run's state is one
    // contiguous stretch, and the lanes reach all its arrays from one reference at fixed offsets.
    private const int RunStride = A + 3;
    private const int RecordsAt = 0;                 // persons with a contribution record below retirement (N)
    private const int ContributorsAt = RunStride;
    private const int YearsAt = 2 * RunStride;       // average contribution years incl. deemed, per record
    private const int DeemedAt = 3 * RunStride;      // average deemed years per record
    private const int IndexYearsAt = 4 * RunStride;  // average Σ contribution index over years, per record
    private const int AccountAt = 5 * RunStride;     // average individual-account balance per record, yuan
    private const int PensionersAt = 6 * RunStride;
    private const int PensionAt = 7 * RunStride;     // average monthly pension per pensioner, in units of _pensionIndex yuan
    private const int NewPensionersAt = 8 * RunStride;
    private const int StateArrays = 9;
    private const int RunBlock = StateArrays * RunStride;
    private readonly double[] _state;  // pinned, so that the blocks keep the 64-byte alignment _stateOffset gives them
    private readonly int _stateOffset;
    // The by-cell views of the state (Records, Contributors, ...), gathered from the blocks when read after a change.
    private readonly double[]?[] _views = new double[StateArrays][];
    private readonly int[] _viewVersions = new int[StateArrays];
    private int _stateVersion = 1;

    // By region, for the current year.
    private readonly double[] _averageWage;
    // With a labour layer that fills a region at a time, a cell's wage is its relative earnings × the region's wage scale
    // (the product the layer would store, bit for bit): no wage array to write and read back every year.
    private bool _wagesRelative;
    private readonly double[] _relativeEarnings = new double[PopulationShape.CellsPerRegion + Padding];
    private readonly double[] _wageScale;
    private readonly double[] _averageWagePrevious;
    private readonly double[] _ordinaryBase;   // Σ contributors × contribution base
    private readonly double[] _lumpSums;
    private readonly double[] _pensionsPaid;
    // The covered workers of the region being begun, with a labour layer that fills a region at a time: read once, right
    // after the fill, so they need not go out to (and come back from) a 300 KB array every year.
    private readonly double[] _regionCovered = new double[PopulationShape.CellsPerRegion];
    private int _recordFloor;           // no contributors or records below this age, ever (the labour layer's FirstCoveredAge, else 0)
    private readonly int[] _recordCeiling; // [region, sex·6 + education]: the highest age with record holders (below the floor if none)
    private readonly int[] _contributorsEnd; // [region, sex·6 + education]: no contributors from this age up
    private bool _prefetch = true;      // whether Step prefetches the next region's population (not when it is in cache: RunAlongsidePopulation)
    private double _nationalWage;
    // Below this age every deemed year is 0: deemed service comes only from the base state, and ageing moves it up an
    // age a year (new record holders have none), so the record holders' lanes below it need not move the deemed years.
    private int _deemedFloor;
    private readonly int _baseDeemedFloor = A - 1; // of the 2024 base state
    // The indexation since the base year: a cell's pension is _pension × this, in yuan. Every pension gets the same
    // increase, so a year's indexation is one product here instead of one per cell.
    private double _pensionIndex = 1;
    // [region, sex·6 + education]: Σ pensioners × pension (index units) and Σ pensioners of the run, for the year's payment
    // (summed as the run is aged, and kept up as the step retires record holders).
    private readonly double[] _runPaid;
    private readonly double[] _runPensioners;
    private double[]? _pensionAmounts; // the Pensions view
    private double _wageGrowth;
    private double _creditingRate;

    internal SchemeEngine(SchemeAssumptions assumptions, SchemeCalibration calibration)
    {
        assumptions.Validate();
        _a = assumptions;
        _rules = assumptions.Rules;
        _workforce = assumptions.Workforce;
        _regionalWorkforce = _workforce as IRegionalCoveredWorkforce;
        var shape = assumptions.Demography.Shape;
        _regions = shape.RegionCount;
        _cells = shape.CellCount;
        Regions = shape.Regions;
        YearCount = assumptions.EndYear - SchemeAssumptions.BaseYear + 1;
        _floor = _rules.ContributionBase.FloorShare;
        _cap = _rules.ContributionBase.CapShare;

        _alignment = Align(calibration.WorkerAlignment, "worker alignment");
        _compliance = Align(calibration.Compliance, "compliance");
        _registration = Align(calibration.Registration, "registration");
        _pensionLevel = Align(calibration.PensionLevel, "pension level");
        var targets = assumptions.EffectiveTargets;
        _retireeTargets = new double[_regions];
        for (int r = 0; r < _regions; r++) _retireeTargets[r] = targets[Regions[r].Code].Retirees;

        _tables = RetirementTables.For(_rules, assumptions.WomenCadreShareByEducation, YearCount);
        _retired = _tables.Retired;
        _retiring = _tables.Retiring;
        _inverseDivisor = _tables.InverseDivisor;
        _leavingShare = _tables.LeavingShare;
        _notRetired = new double[_retired.Length];
        for (int i = 0; i < _notRetired.Length; i++) _notRetired[i] = 1 - _retired[i];
        _recordFloor = Math.Clamp(_regionalWorkforce?.FirstCoveredAge ?? 0, 0, A);
        BindRelativeEarnings();
        _employerRate = new double[YearCount * _regions];
        _employeeRate = new double[YearCount];
        _minimumYears = new double[YearCount];
        for (int y = 0; y < YearCount; y++)
        {
            int year = SchemeAssumptions.BaseYear + y;
            for (int r = 0; r < _regions; r++) _employerRate[y * _regions + r] = _rules.Contributions.EmployerAnnualAfterRelief(year, Regions[r].Code);
            _employeeRate[y] = _rules.Contributions.EmployeeAnnual(year);
            _minimumYears[y] = _rules.MinimumContributionYears.ForRetirementYear(year);
        }
        var baseAccountFactor = PrepareBaseAccounts();
        // A record holder's 2024 years and account factor by (sex, education, age): the same in every region.
        int accountYearsMax = SchemeAssumptions.BaseYear - _a.AccountsStartYear;
        _baseDeemed = new double[Groups * A];
        _baseYears = new double[Groups * A];
        _baseAccountFactorByCell = new double[Groups * A];
        for (int g = 0; g < Groups; g++)
        {
            double entry = _a.CareerEntryAgeByEducation[g % EducationLevels.Count];
            for (int a = 0; a < A; a++)
            {
                double career = Math.Max(0, a - entry);
                double withAccounts = Math.Min(career, accountYearsMax);
                double deemed = _a.DeemedServiceShare * (career - withAccounts);
                _baseDeemed[g * A + a] = deemed;
                _baseYears[g * A + a] = deemed + _a.ContributionDensity * withAccounts;
                _baseAccountFactorByCell[g * A + a] = BaseAccountFactor(baseAccountFactor, withAccounts);
                if (deemed > 0) _baseDeemedFloor = Math.Min(_baseDeemedFloor, a);
            }
        }

        _covered = new double[_cells];
        _wage = new double[_cells + Padding];
        _wageNext = new double[_cells + Padding];
        _state = GC.AllocateArray<double>(_cells / A * RunBlock + 8, pinned: true);
        _stateOffset = StateOffset(_state);
        _recordCeiling = new int[_regions * Groups];
        _contributorsEnd = new int[_regions * Groups];
        _runPaid = new double[_regions * Groups];
        _runPensioners = new double[_regions * Groups];
        _averageWage = new double[_regions];
        _wageScale = new double[_regions];
        _averageWagePrevious = new double[_regions];
        _ordinaryBase = new double[_regions];
        _lumpSums = new double[_regions];
        _pensionsPaid = new double[_regions];

        Flows = new FundFlows(Regions, SchemeAssumptions.BaseYear, YearCount);
        int n = YearCount * _regions;
        OutContributors = new double[n];
        OutPensioners = new double[n];
        OutNewPensioners = new double[n];
        OutContributions = new double[n];
        OutEmployerContributions = new double[n];
        OutPensions = new double[n];
    }

    internal IReadOnlyList<Region> Regions { get; }
    internal int YearCount { get; }
    internal SchemeAssumptions Assumptions => _a;
    internal FundFlows Flows { get; }
    internal double[] OutContributors { get; }
    internal double[] OutPensioners { get; }
    internal double[] OutNewPensioners { get; }
    internal double[] OutContributions { get; }
    internal double[] OutEmployerContributions { get; }
    internal double[] OutPensions { get; }

    /// <summary>The year whose state the engine holds (reference date of that year).</summary>
    internal int Year { get; private set; }

    internal ReadOnlySpan<double> Contributors => View(ContributorsAt);
    /// <summary>Covered workers by cell: of the base year after <see cref="Initialize()"/>; after a step, of the current year only with a labour layer that fills the whole grid.</summary>
    internal ReadOnlySpan<double> Covered => _covered;
    internal ReadOnlySpan<double> Records => View(RecordsAt);
    internal ReadOnlySpan<double> Pensioners => View(PensionersAt);
    internal ReadOnlySpan<double> OrdinaryBase => _ordinaryBase;
    internal ReadOnlySpan<double> ContributionYears => View(YearsAt);
    internal ReadOnlySpan<double> DeemedYears => View(DeemedAt);
    internal ReadOnlySpan<double> IndexYears => View(IndexYearsAt);
    internal ReadOnlySpan<double> Accounts => View(AccountAt);
    internal ReadOnlySpan<double> Pensions
    {
        get
        {
            _pensionAmounts ??= new double[_cells];
            TensorPrimitives.Multiply(View(PensionAt), _pensionIndex, _pensionAmounts);
            return _pensionAmounts;
        }
    }
    internal ReadOnlySpan<double> NewPensioners => View(NewPensionersAt);

    /// <summary>One state array by cell (region, sex, education, age), gathered from the run blocks if the state has changed since it was last read.</summary>
    private ReadOnlySpan<double> View(int array)
    {
        int k = array / RunStride;
        var view = _views[k] ??= new double[_cells];
        if (_viewVersions[k] != _stateVersion)
        {
            for (int run = 0; run < _cells / A; run++) _state.AsSpan(_stateOffset + run * RunBlock + array, A).CopyTo(view.AsSpan(run * A, A));
            _viewVersions[k] = _stateVersion;
        }
        return view;
    }

    /// <summary>The first element of <paramref name="state"/> (pinned) at a 64-byte boundary: every run block then starts a cache line (a block is a whole number of lines).</summary>
    private static unsafe int StateOffset(double[] state)
    {
        fixed (double* p = state) return (int)((64 - ((nuint)p & 63)) & 63) / sizeof(double);
    }

    /// <summary>The state block of run <paramref name="run"/> (region × 12 + sex × 6 + education): array k's age a at k × RunStride + a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref double RunState(int run) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_state), _stateOffset + run * RunBlock);
    internal ReadOnlySpan<double> AverageWages => _averageWage;
    internal ReadOnlySpan<double> AverageWagesPrevious => _averageWagePrevious;
    internal double CreditingRate => _creditingRate;

    /// <summary>Share retiring, share retired and 1 / divisor of a (sex, education, age) group in a year.</summary>
    internal (double Retired, double Retiring, double InverseDivisor) Retirement(int year, Sex sex, EducationLevel education, int age)
    {
        int o = ((year - SchemeAssumptions.BaseYear) * Groups + (int)sex * EducationLevels.Count + (int)education) * A + age;
        return (_retired[o], _retiring[o], _inverseDivisor[o]);
    }
    internal ReadOnlySpan<double> LumpSums => _lumpSums;
    internal ReadOnlySpan<double> PensionsPaid => _pensionsPaid;
    internal double EmployerRate(int year, int region) => _employerRate[(year - SchemeAssumptions.BaseYear) * _regions + region];
    internal double EmployeeRate(int year) => _employeeRate[year - SchemeAssumptions.BaseYear];

    /// <summary>Sum of a cell array over a region.</summary>
    internal static double RegionSum(ReadOnlySpan<double> cells, int region) =>
        TensorPrimitives.Sum(cells.Slice(region * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion));

    /// <summary>
    /// Points the engine at another population and labour layer, every other assumption unchanged (a Monte Carlo path:
    /// the engine, its tables and its buffers are reused, and <see cref="Run"/> starts again from the base state).
    /// </summary>
    /// <exception cref="InputDataException">A projection on another grid or not covering the engine's years.</exception>
    internal void Rebind(DemographicProjection demography, ICoveredWorkforce workforce)
    {
        ArgumentNullException.ThrowIfNull(demography);
        ArgumentNullException.ThrowIfNull(workforce);
        if (demography.Shape.CellCount != _cells || demography.Shape.RegionCount != _regions || demography.BaseYear > SchemeAssumptions.BaseYear
            || demography.EndYear < _a.EndYear)
        {
            throw new InputDataException("scheme assumptions", null, nameof(SchemeAssumptions.Demography), $"{demography.Shape.RegionCount} regions, {demography.BaseYear}..{demography.EndYear}",
                $"the engine's grid ({_regions} regions) over {SchemeAssumptions.BaseYear}..{_a.EndYear}");
        }
        _a = _a with { Demography = demography, Workforce = workforce };
        _workforce = workforce;
        _regionalWorkforce = workforce as IRegionalCoveredWorkforce;
        _recordFloor = Math.Clamp(_regionalWorkforce?.FirstCoveredAge ?? 0, 0, A);
        BindRelativeEarnings();
    }

    /// <summary>Takes the regional labour layer's relative earnings, if there is such a layer (see <see cref="_wagesRelative"/>).</summary>
    private void BindRelativeEarnings()
    {
        _wagesRelative = _regionalWorkforce is not null;
        if (_regionalWorkforce is null) return;
        var earnings = _regionalWorkforce.RelativeEarnings;
        if (earnings.Length != PopulationShape.CellsPerRegion)
        {
            throw new InputDataException("labour layer", null, "relative earnings", earnings.Length.ToString(CultureInfo.InvariantCulture),
                $"one value per cell of a region ({PopulationShape.CellsPerRegion})");
        }
        earnings.CopyTo(_relativeEarnings);
    }

    /// <summary>Every year from the base state: <see cref="Initialize()"/>, then <see cref="Step(int, bool)"/> to the end year.</summary>
    internal void Run()
    {
        Initialize();
        for (int year = SchemeAssumptions.BaseYear; year <= _a.EndYear; year++) Step(year);
    }

    /// <summary>
    /// The population projection and <see cref="Run"/> in one year loop: the engine's projection is computed (into its
    /// buffers) and each year's population is handed to the engine as soon as it is computed, so the engine reads it
    /// from the cache instead of from memory. The same results as running the population, then <see cref="Run"/>.
    /// Allocation-free.
    /// </summary>
    internal void RunAlongsidePopulation()
    {
        var (inputs, buffers) = _a.Demography.Source;
        var consumer = new YearConsumer(this);
        _prefetch = false;
        try
        {
            DemographicProjector.RunInto(inputs, buffers, ref consumer);
        }
        finally
        {
            _prefetch = true;
        }
    }

    /// <summary>Initialises and steps the engine as the population projection computes the years (see <see cref="RunAlongsidePopulation"/>).</summary>
    private readonly struct YearConsumer(SchemeEngine engine) : IPopulationYearConsumer
    {
        public void BaseYear(int year, ReadOnlySpan<double> population) => Stepped(year, default, population);

        public void Stepped(int year, ReadOnlySpan<double> previous, ReadOnlySpan<double> population)
        {
            int end = engine._a.EndYear;
            if (year < SchemeAssumptions.BaseYear || year > end) return;
            if (year == SchemeAssumptions.BaseYear) engine.Initialize(population);
            else engine.Step(year - 1, previous, population);
            if (year == end) engine.Step(end, default, default);
        }
    }

    /// <summary>Sets the 2024 base state (see <see cref="SchemeProjector"/>, base state).</summary>
    internal void Initialize() => Initialize(_a.Demography.PersonsAt(SchemeAssumptions.BaseYear));

    /// <summary>
    /// <see cref="Initialize()"/> on the 2024 population <paramref name="pop"/>: the grid of the engine's projection for
    /// that year, or the same values from where the population projection has just computed them (see
    /// <see cref="RunAlongsidePopulation"/>).
    /// </summary>
    internal void Initialize(ReadOnlySpan<double> pop)
    {
        const int year = SchemeAssumptions.BaseYear;
        CheckGrid(pop, year);
        Year = year;
        _stateVersion++;
        _pensionIndex = 1;
        if (_regionalWorkforce is null) _workforce.FillCoveredWorkers(year, pop, _covered, _wageNext.AsSpan(0, _cells));
        ComputeAverageWages(year, pop, out _nationalWage);
        if (_regionalWorkforce is null) (_wage, _wageNext) = (_wageNext, _wage);
        for (int r = 0; r < _regions; r++)
        {
            if (!(_averageWage[r] > 0))
            {
                throw new InputDataException("labour layer", null, $"covered workers [{year}, {Regions[r].EnglishName}]", "0",
                    "covered workers with a positive wage in every province in the base year");
            }
            _averageWagePrevious[r] = _averageWage[r] / (1 + _a.HistoricalWageGrowth);
        }
        _wageGrowth = _a.HistoricalWageGrowth;
        _creditingRate = _rules.CreditingRates.Rate(year, _wageGrowth, _a.PriceGrowthIn(year));

        _deemedFloor = _baseDeemedFloor;
        double density = _a.ContributionDensity;
        for (int r = 0; r < _regions; r++)
        {
            // Retirees spread over ages past the retirement age in proportion to the population.
            double exposed = 0;
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A;
                exposed += TensorPrimitives.Dot(pop.Slice(start, A), _retired.AsSpan(g * A, A));
            }
            double scale = exposed > 0 ? _retireeTargets[r] / exposed : 0;
            if (exposed <= 0 && _retireeTargets[r] > 0)
            {
                throw new InputDataException("scheme base state", null, $"retirees [{Regions[r].EnglishName}]", _retireeTargets[r].ToString("R", CultureInfo.InvariantCulture),
                    "a province with population past the retirement age");
            }
            double w = _averageWage[r];
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A;
                var (runPaid, runPensioners) = InitializeRun(pop, r, g, start, scale, w, density);
                _recordCeiling[r * Groups + g] = LowerCeiling(start, A - 1);
                _contributorsEnd[r * Groups + g] = A;
                _runPaid[r * Groups + g] = runPaid;
                _runPensioners[r * Groups + g] = runPensioners;
            }
        }
    }

    /// <summary>
    /// The base state of one run of <see cref="Initialize(ReadOnlySpan{double})"/>, in lanes over ages 0–99 and a scalar
    /// age 100 (lanes past it would write into the padding, which must hold zeros): retirees spread
    /// over the ages past the retirement age by <paramref name="scale"/>, contributors from the covered workers, record
    /// holders' years and accounts as of 2024. Returns the run's Σ pensioners × pension and Σ pensioners.
    /// </summary>
    private (double Paid, double Pensioners) InitializeRun(ReadOnlySpan<double> pop, int r, int g, int start, double scale, double w, double density)
    {
        int width = Vector<double>.Count;
        double level = _pensionLevel[r], alignment = _alignment[r];
        double wageScale = _wagesRelative ? _wageScale[r] : 1;
        ref double wages = ref _wagesRelative ? ref _relativeEarnings[g * A] : ref _wage[start];
        ref double persons = ref Unsafe.Add(ref MemoryMarshal.GetReference(pop), start);
        ref double retiredShare = ref _retired[g * A];
        ref double covered = ref _covered[start];
        ref double baseDeemed = ref _baseDeemed[g * A];
        ref double baseYears = ref _baseYears[g * A];
        ref double baseAccount = ref _baseAccountFactorByCell[g * A];
        ref double st = ref RunState(start / A);
        Vector<double> paid = Vector<double>.Zero, pensionersSum = Vector<double>.Zero;
        int a = 0;
        for (; a + width <= A - 1; a += width)
        {
            nuint at = (nuint)a;
            var people = Vector.LoadUnsafe(ref persons, at);
            var retired = Vector.LoadUnsafe(ref retiredShare, at);
            var p = Vector.MinNative(people, new Vector<double>(scale) * people * retired);
            var pension = Vector.ConditionalSelect(Vector.GreaterThan(p, Vector<double>.Zero), new Vector<double>(level), Vector<double>.Zero);
            p.StoreUnsafe(ref st, PensionersAt + at);
            pension.StoreUnsafe(ref st, PensionAt + at);
            paid += p * pension;
            pensionersSum += p;
            var k = Vector.MaxNative(Vector<double>.Zero,
                Vector.MinNative(new Vector<double>(alignment) * Vector.LoadUnsafe(ref covered, at) * (Vector<double>.One - retired), people - p));
            k.StoreUnsafe(ref st, ContributorsAt + at);
            k.StoreUnsafe(ref st, RecordsAt + at);
            Vector<double>.Zero.StoreUnsafe(ref st, NewPensionersAt + at);
            var holding = Vector.GreaterThan(k, Vector<double>.Zero);
            var index = Vector.MinNative(Vector.MaxNative(Vector.LoadUnsafe(ref wages, at) * new Vector<double>(wageScale) / new Vector<double>(w),
                new Vector<double>(_floor)), new Vector<double>(_cap));
            var years = Vector.LoadUnsafe(ref baseYears, at);
            Vector.ConditionalSelect(holding, Vector.LoadUnsafe(ref baseDeemed, at), Vector<double>.Zero).StoreUnsafe(ref st, DeemedAt + at);
            Vector.ConditionalSelect(holding, years, Vector<double>.Zero).StoreUnsafe(ref st, YearsAt + at);
            Vector.ConditionalSelect(holding, index * years, Vector<double>.Zero).StoreUnsafe(ref st, IndexYearsAt + at);
            Vector.ConditionalSelect(holding, new Vector<double>(density) * index * new Vector<double>(w) * Vector.LoadUnsafe(ref baseAccount, at), Vector<double>.Zero)
                .StoreUnsafe(ref st, AccountAt + at);
        }
        double runPaid = Vector.Sum(paid), runPensioners = Vector.Sum(pensionersSum);
        for (; a < A; a++)
        {
            double people = Unsafe.Add(ref persons, a);
            double retired = Unsafe.Add(ref retiredShare, a);
            double p = Math.Min(people, scale * people * retired);
            Unsafe.Add(ref st, PensionersAt + a) = p;
            Unsafe.Add(ref st, PensionAt + a) = p > 0 ? level : 0;
            runPaid += p * Unsafe.Add(ref st, PensionAt + a);
            runPensioners += p;
            double k = Math.Max(0, Math.Min(alignment * Unsafe.Add(ref covered, a) * (1 - retired), people - p));
            Unsafe.Add(ref st, ContributorsAt + a) = k;
            Unsafe.Add(ref st, RecordsAt + a) = k;
            Unsafe.Add(ref st, NewPensionersAt + a) = 0;
            if (k <= 0)
            {
                Unsafe.Add(ref st, YearsAt + a) = Unsafe.Add(ref st, DeemedAt + a) = Unsafe.Add(ref st, IndexYearsAt + a) = Unsafe.Add(ref st, AccountAt + a) = 0;
                continue;
            }
            double index = Math.Clamp(Unsafe.Add(ref wages, a) * wageScale / w, _floor, _cap);
            Unsafe.Add(ref st, DeemedAt + a) = Unsafe.Add(ref baseDeemed, a);
            Unsafe.Add(ref st, YearsAt + a) = Unsafe.Add(ref baseYears, a);
            Unsafe.Add(ref st, IndexYearsAt + a) = index * Unsafe.Add(ref baseYears, a);
            Unsafe.Add(ref st, AccountAt + a) = density * index * w * Unsafe.Add(ref baseAccount, a);
        }
        return (runPaid, runPensioners);
    }

    private void CheckGrid(ReadOnlySpan<double> pop, int year)
    {
        if (pop.Length != _cells) throw new ArgumentException($"the population of {year} has {pop.Length} cells; the engine's grid has {_cells}", nameof(pop));
    }

    /// <summary>The highest age at or below <paramref name="ceiling"/> with record holders in the run at <paramref name="start"/> (below the record floor if none).</summary>
    private int LowerCeiling(int start, int ceiling)
    {
        ref double records = ref RunState(start / A);
        while (ceiling >= _recordFloor && !(Unsafe.Add(ref records, RecordsAt + ceiling) > 0)) ceiling--;
        return ceiling;
    }

    /// <summary>
    /// Flows of <paramref name="year"/> (the engine's current year), accrual, retirement; with <paramref name="advance"/>,
    /// ageing to the next reference date and the next year's contributors. Allocation-free.
    /// </summary>
    internal void Step(int year, bool advance = true)
    {
        bool age = advance && year < _a.EndYear;
        Step(year, age ? _a.Demography.PersonsAt(year) : default, age ? _a.Demography.PersonsAt(year + 1) : default, advance);
    }

    /// <summary>
    /// <see cref="Step(int, bool)"/> on the population of <paramref name="year"/> and of the next year
    /// (<paramref name="pop0"/>, <paramref name="pop1"/>; empty in the last year or without <paramref name="advance"/>):
    /// the grids of the engine's projection for those years, or the same values from where the population projection
    /// has just computed them (see <see cref="RunAlongsidePopulation"/>). Allocation-free.
    /// </summary>
    internal void Step(int year, ReadOnlySpan<double> pop0, ReadOnlySpan<double> pop1, bool advance = true)
    {
        if (year != Year) throw new InvalidOperationException($"the scheme state is at {Year}, not {year}");
        _stateVersion++;
        int y = year - SchemeAssumptions.BaseYear;
        bool age = advance && year < _a.EndYear;
        if (age)
        {
            CheckGrid(pop0, year);
            CheckGrid(pop1, year + 1);
        }
        var step = new StepConstants
        {
            Ee = _employeeRate[y],
            Minimum = _minimumYears[y],
            R1 = 1 + _creditingRate,
            RHalf = 1 + 0.5 * _creditingRate,
            Buy = _a.ShortOfMinimumYears == ShortfallRule.BuyMissingYears,
            PensionIndex = _pensionIndex,
            InversePensionIndex = 1 / _pensionIndex,
        };
        // With ageing, each region begins the next year as it steps: its covered workers of the next year (filled here
        // by a labour layer that fills a region at a time, or taken from the whole grid that the other kind filled before
        // the loop) give each run's contributors of the next year as the run is aged, while its cells are in cache. Nothing
        // there depends on other regions; the national wage is summed on the way and used in FinishBegin.
        if (age && _regionalWorkforce is null) _workforce.FillCoveredWorkers(year + 1, pop1, _covered, _wageNext.AsSpan(0, _cells));
        double allWorkers = 0, allWages = 0;
        for (int r = 0; r < _regions; r++)
        {
            double w = _averageWage[r];
            double er = _employerRate[y * _regions + r];
            double wageScale = _wagesRelative ? _wageScale[r] : 1; // this year's (the fill below sets the next year's)
            step.InverseW = 1 / w;
            step.FloorWage = _floor * w;
            step.CapWage = _cap * w;
            step.Er = er;
            step.AccountEe = Math.Min(1, _compliance[r]) * step.Ee;
            step.MonthlyWagePrevious = _averageWagePrevious[r] / 12;
            var sums = default(StepSums);
            double nextWorkers = 0, nextWages = 0;
            if (age) (nextWorkers, nextWages) = RegionWages(year + 1, r, pop1, _regionCovered);
            var ageing = new Ageing { Pop0 = pop0, Pop1 = pop1, Alignment = _alignment[r] };
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A;
                int yg = y * Groups + g;
                // The next region's population of the next year comes from memory when read from a stored projection
                // (the labour fill reads it first): ask for it a run at a time while this region works, so it arrives in
                // the background. Alongside the population projection it is in cache already.
                if (age && _prefetch && r + 1 < _regions) PrefetchToL2(pop1, start + PopulationShape.CellsPerRegion, A);
                // The run's wages: relative earnings × the region's scale, or the stored wages × 1 (exact).
                ref double wages = ref _wagesRelative ? ref _relativeEarnings[g * A] : ref _wage[start];
                StepRun(start, yg * A, _tables.FirstRetiringAge[yg], _tables.LastRetiringAge[yg], ref _recordCeiling[r * Groups + g], ref wages,
                    wageScale, in step, ref sums);
                // Age the run before this one: its cells are still in cache, and its last stores have left the store
                // buffer (ageing reads each cell one age below where the step wrote it, which cannot be forwarded).
                if (age && g > 0) AgeRun(r, g - 1, y, in ageing);
            }
            if (age) AgeRun(r, Groups - 1, y, in ageing);
            double ordinary = sums.Ordinary, lump = sums.Lump;
            _ordinaryBase[r] = ordinary;
            _lumpSums[r] = lump;
            _pensionsPaid[r] = 12 * sums.Paid;
            double compliance = _compliance[r];
            double contributions = compliance * (er + step.Ee) * ordinary + lump;
            double employer = compliance * er * ordinary + (er + step.Ee > 0 ? lump * er / (er + step.Ee) : 0);
            int o = y * _regions + r;
            if (advance)
            {
                Flows.Contributions(year)[r] = contributions;
                Flows.Pensions(year)[r] = _pensionsPaid[r];
                Flows.ContributingWorkers(year)[r] = _registration[r] * sums.Contributors;
                Flows.Retirees(year)[r] = sums.Pensioners - sums.NewPensioners;
                Flows.AverageWage(year)[r] = w;
                Flows.CoveredWageBill(year)[r] = compliance * ordinary;
                OutContributors[o] = Flows.ContributingWorkers(year)[r];
                OutPensioners[o] = Flows.Retirees(year)[r];
                OutNewPensioners[o] = sums.NewPensioners;
                OutContributions[o] = contributions;
                OutEmployerContributions[o] = employer;
                OutPensions[o] = _pensionsPaid[r];
            }
            if (!age) continue;
            // The region's average wage of the next year.
            _averageWagePrevious[r] = w;
            double average = nextWorkers > 0 ? nextWages / nextWorkers : 0;
            _averageWage[r] = average > 0 ? average : w; // nobody covered: keep the last wage
            allWorkers += nextWorkers;
            allWages += nextWages;
        }
        if (!age) return;
        if (_regionalWorkforce is null) (_wage, _wageNext) = (_wageNext, _wage);
        _deemedFloor = Math.Min(_deemedFloor + 1, A - 1);
        FinishBegin(year + 1, allWorkers, allWages);
    }

    /// <summary>What <see cref="AgeRun"/> reads besides the state: the population of the year and the next, and the region's alignment factor ω.</summary>
    private ref struct Ageing
    {
        public ReadOnlySpan<double> Pop0, Pop1;
        public double Alignment;
    }

    /// <summary>The year's constants of <see cref="StepRun"/>, and the region's (set per region).</summary>
    private struct StepConstants
    {
        public double Ee, Minimum, R1, RHalf, PensionIndex, InversePensionIndex;
        public bool Buy;
        public double InverseW, FloorWage, CapWage, Er, AccountEe, MonthlyWagePrevious;
    }

    /// <summary>What <see cref="StepRun"/> adds up over a region.</summary>
    private struct StepSums
    {
        public double Ordinary, Lump, Paid, Contributors, Pensioners, NewPensioners;
    }

    /// <summary>
    /// One (region, sex, education) run: pays the pensions (from the sums taken as the run was aged), accrues
    /// contributions (vector lanes over ages), then retires record holders at the ages
    /// <paramref name="firstRetiring"/>..<paramref name="lastRetiring"/> (scalar).
    /// </summary>
    private void StepRun(int start, int pre, int firstRetiring, int lastRetiring, ref int ceiling, ref double wage, double wageScale, in StepConstants c,
        ref StepSums sums)
    {
        int width = Vector<double>.Count;
        int run = start / A;
        ref double st = ref RunState(run);
        var scale = new Vector<double>(wageScale);
        var floorWage = new Vector<double>(c.FloorWage);
        var capWage = new Vector<double>(c.CapWage);
        var inverseW = new Vector<double>(c.InverseW); // × 1/w for ÷ w: one division fewer per lane (differs by an ulp at most)
        var r1 = new Vector<double>(c.R1);
        var accountRate = new Vector<double>(c.AccountEe * c.RHalf); // the employee's account share, credited half a year
        Vector<double> ordinary = Vector<double>.Zero, kSum = Vector<double>.Zero;

        // Pensions paid: the run's sums were taken as it was aged (or set up), and every pension has the year's index.
        double paidRun = c.PensionIndex * _runPaid[run], pensionersRun = _runPensioners[run];

        // Contributions: accrual of record holders, from the record floor to the run's ceiling (above it there are no
        // record holders and so no contributors: see AgeRun). The last lanes may pass the ceiling, or age 100 into the
        // padding, and leave those cells as they are.
        int end = ceiling + 1;
        for (int a = _recordFloor; a < end; a += width)
        {
            nuint i = (nuint)a;
            var n = Vector.LoadUnsafe(ref st, RecordsAt + i);
            var k = Vector.LoadUnsafe(ref st, ContributorsAt + i);
            kSum += k;
            var withRecords = Vector.GreaterThan(n, Vector<double>.Zero);
            var contributing = (withRecords & Vector.GreaterThan(k, Vector<double>.Zero)).As<long, double>();
            var cellWage = Vector.LoadUnsafe(ref wage, (nuint)a) * scale;
            var contributionBase = Vector.MinNative(Vector.MaxNative(cellWage, floorWage), capWage); // finite values: as Math.Clamp
            ordinary += (k * contributionBase) & contributing;
            // 0 where nobody contributes (k / n is NaN there when n = 0): adding it, or products of it, leaves a value as it is.
            var density = (k / n) & contributing;
            (Vector.LoadUnsafe(ref st, YearsAt + i) + density).StoreUnsafe(ref st, YearsAt + i);
            var credited = density * contributionBase; // the base credited this year, per record holder
            (Vector.LoadUnsafe(ref st, IndexYearsAt + i) + credited * inverseW).StoreUnsafe(ref st, IndexYearsAt + i);
            var acc = Vector.LoadUnsafe(ref st, AccountAt + i);
            Vector.ConditionalSelect(withRecords, acc * r1 + credited * accountRate, acc).StoreUnsafe(ref st, AccountAt + i);
        }
        // Reduce the lanes before the retirement loop (vectors live across calls are spilled in the loop above).
        double ordinaryRun = Vector.Sum(ordinary), contributorsRun = Vector.Sum(kSum);
        // New pensioners are 0 outside this year's retiring ages (ageing clears those it set), so they are summed here.
        double newRun = 0;
        double lump = 0;

        // Retirement, at the ages where anyone retires this year.
        var benefits = _rules.Benefits;
        double floorShare = _floor, minimum = c.Minimum, ee = c.Ee, er = c.Er, floorWageScalar = c.FloorWage;
        for (int age = firstRetiring; age <= lastRetiring; age++)
        {
            ref double cell = ref Unsafe.Add(ref st, age);
            newRun += Unsafe.Add(ref cell, NewPensionersAt); // left from an earlier step of the same year without ageing, else 0
            double n = Unsafe.Add(ref cell, RecordsAt);
            if (n <= 0) continue;
            if (_retiring[pre + age] <= 0) continue;
            double leaving = _leavingShare[pre + age] * n;
            Unsafe.Add(ref cell, RecordsAt) = n - leaving;
            double yrs = Unsafe.Add(ref cell, YearsAt), indexYrs = Unsafe.Add(ref cell, IndexYearsAt), acc = Unsafe.Add(ref cell, AccountAt);
            if (yrs < minimum - 1e-9)
            {
                if (!c.Buy) continue;
                double shortfall = minimum - yrs;
                lump += leaving * shortfall * (er + ee) * floorWageScalar;
                yrs = minimum;
                indexYrs += shortfall * floorShare;
                acc += ee * floorWageScalar * shortfall;
            }
            double index = Math.Clamp(indexYrs / yrs, 0, 10);
            double newPension = benefits.BasicPensionUnchecked(c.MonthlyWagePrevious, index, Math.Min(yrs, 80))
                + acc * _inverseDivisor[pre + age]
                + benefits.TransitionalPensionUnchecked(c.MonthlyWagePrevious, index, Math.Min(Unsafe.Add(ref cell, DeemedAt), 80));
            double before = Unsafe.Add(ref cell, PensionersAt);
            double after = before + leaving;
            double newPensionInIndexUnits = newPension * c.InversePensionIndex; // a product, not a division, in the chain of each retirement
            Unsafe.Add(ref cell, PensionAt) = (before * Unsafe.Add(ref cell, PensionAt) + leaving * newPensionInIndexUnits) / after;
            Unsafe.Add(ref cell, PensionersAt) = after;
            _runPaid[run] += leaving * newPensionInIndexUnits; // paid from the next step of the same year, if any
            _runPensioners[run] += leaving;
            pensionersRun += leaving;
            newRun += leaving - Unsafe.Add(ref cell, NewPensionersAt);
            Unsafe.Add(ref cell, NewPensionersAt) = leaving;
        }
        if (lastRetiring >= ceiling) ceiling = LowerCeiling(start, ceiling); // the oldest may all have retired
        sums.Paid += paidRun;
        sums.Ordinary += ordinaryRun;
        sums.Lump += lump;
        sums.Contributors += contributorsRun;
        sums.Pensioners += pensionersRun;
        sums.NewPensioners += newRun;
    }

    /// <summary>
    /// Ages run <paramref name="g"/> of region <paramref name="r"/> one year (from year index <paramref name="y"/>) and
    /// sets its contributors of the next year. Each cell moves up an age, scaled by the survival ratio of the population
    /// cells, P(a+1, t+1) / P(a, t) (0 where P(a, t) = 0), computed in the lanes; 99 and 100+ merge into 100+; the new
    /// pensioners (set at the year's retiring ages) are cleared. Cells below the pension and record floors hold zeros and are left alone. Contributors
    /// are covered × ω × (1 − share retired), within [0, population − pensioners], at most the record holders from the
    /// no-entry age (60 for men, 50 for women); more contributors than record holders dilute the averages. They are set
    /// in the lanes that age the records, from the record floor to the run's ceiling or, if higher, the last age before
    /// the no-entry age (below it anyone covered may start a record); above that, record holders cap them at none.
    /// </summary>
    private void AgeRun(int r, int g, int y, in Ageing ageing)
    {
        int s = r * PopulationShape.CellsPerRegion + g * A;
        int yg = y * Groups + g;
        int firstRetiring = _tables.FirstRetiringAge[yg], lastRetiring = _tables.LastRetiringAge[yg];
        ref int ceiling = ref _recordCeiling[r * Groups + g];
        var pop0 = ageing.Pop0;
        var pop1 = ageing.Pop1;

        ref double st = ref RunState(r * Groups + g);

        // Open interval: 99 and 100+ merge into 100+.
        {
            double denominator = pop0[s + A - 2] + pop0[s + A - 1];
            double ratio = denominator > 0 ? pop1[s + A - 1] / denominator : 0;
            ref double c99 = ref Unsafe.Add(ref st, A - 2);
            ref double c100 = ref Unsafe.Add(ref st, A - 1);
            double n99 = Unsafe.Add(ref c99, RecordsAt), n100 = Unsafe.Add(ref c100, RecordsAt);
            double n = n99 + n100;
            if (n > 0)
            {
                foreach (int average in (ReadOnlySpan<int>)[YearsAt, DeemedAt, IndexYearsAt, AccountAt])
                {
                    Unsafe.Add(ref c100, average) = (n99 * Unsafe.Add(ref c99, average) + n100 * Unsafe.Add(ref c100, average)) / n;
                }
            }
            Unsafe.Add(ref c100, RecordsAt) = n * ratio;
            double p99 = Unsafe.Add(ref c99, PensionersAt), p100 = Unsafe.Add(ref c100, PensionersAt);
            double p = p99 + p100;
            Unsafe.Add(ref c100, PensionAt) = p > 0 ? (p99 * Unsafe.Add(ref c99, PensionAt) + p100 * Unsafe.Add(ref c100, PensionAt)) / p : 0;
            Unsafe.Add(ref c100, PensionersAt) = p * ratio;
        }
        double runPaid = Unsafe.Add(ref st, PensionersAt + A - 1) * Unsafe.Add(ref st, PensionAt + A - 1);
        double runPensioners = Unsafe.Add(ref st, PensionersAt + A - 1);

        // Ages 1..99 from 0..98, from the top down in lanes (each group of lanes is read before the one below it is
        // written): the pensions' arrays down to the pension floor, then the records' arrays, with the contributors,
        // from just above the run's ceiling (above it there are none to move) down to the record floor.
        int width = Vector<double>.Count;
        ref double from0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(pop0), s);
        ref double to1 = ref Unsafe.Add(ref MemoryMarshal.GetReference(pop1), s);
        // The last lanes may reach below the floors, into cells that hold zeros.
        int low = Math.Max(1, _tables.FirstPensionAgeByGroup[g]);
        int d = A - 2; // the highest destination age of the lanes (lanes d − width + 1 .. d)
        Vector<double> paid = Vector<double>.Zero, pSum = Vector<double>.Zero;
        for (; d >= low && d - width + 1 >= 1; d -= width)
        {
            nuint i = (nuint)(d - width + 1), b = i - 1;
            var survival = SurvivalRatio(ref from0, ref to1, i);
            var pen = Vector.LoadUnsafe(ref st, PensionersAt + b) * survival;
            var amount = Vector.LoadUnsafe(ref st, PensionAt + b);
            pen.StoreUnsafe(ref st, PensionersAt + i);
            amount.StoreUnsafe(ref st, PensionAt + i);
            paid += pen * amount;
            pSum += pen;
        }
        runPaid += Vector.Sum(paid);
        runPensioners += Vector.Sum(pSum);
        for (; d >= low; d--)
        {
            double pen = Unsafe.Add(ref st, PensionersAt + d - 1) * SurvivalRatio(ref from0, ref to1, d);
            Unsafe.Add(ref st, PensionersAt + d) = pen;
            Unsafe.Add(ref st, PensionAt + d) = Unsafe.Add(ref st, PensionAt + d - 1);
            runPaid += pen * Unsafe.Add(ref st, PensionAt + d);
            runPensioners += pen;
        }
        // The next step pays the pensions as they are now (it retires record holders after paying).
        _runPaid[r * Groups + g] = runPaid;
        _runPensioners[r * Groups + g] = runPensioners;

        var next = new Contributing(this, g, y + 1, ageing, s, ref st);
        int top = Math.Min(ceiling + 1, A - 2); // the highest age ageing moves records into
        ceiling = Math.Min(ceiling + 1, A - 1);
        int end = Math.Min(A, Math.Max(ceiling, next.NoEntryFrom - 1) + 1); // contributors at ages [record floor, end)
        // Above the ages moved into (100+, merged above, and any up to the no-entry age): contributors only.
        for (int a = end - 1; a > top; a--) next.Cell(a);
        var omega = new Vector<double>(next.Alignment);
        int noEntryFrom = next.NoEntryFrom;
        ref double covered = ref next.Covered; // locals, kept in registers (the struct's fields are read from the stack)
        ref double notRetired = ref next.NotRetired;
        low = Math.Max(1, _recordFloor);
        // Lanes from the top down: first those reaching the deemed floor (below it every deemed value is 0, and moving a
        // 0 up leaves a 0), then those below it, which leave the deemed years alone.
        d = AgeRecordLanes<FlagOn>(ref st, ref from0, ref to1, ref covered, ref notRetired, omega, noEntryFrom, top, Math.Max(low, _deemedFloor));
        d = AgeRecordLanes<FlagOff>(ref st, ref from0, ref to1, ref covered, ref notRetired, omega, noEntryFrom, d, low);
        for (; d >= low; d--)
        {
            ref double cell = ref Unsafe.Add(ref st, d);
            Unsafe.Add(ref cell, RecordsAt) = Unsafe.Add(ref cell, RecordsAt - 1) * SurvivalRatio(ref from0, ref to1, d);
            Unsafe.Add(ref cell, YearsAt) = Unsafe.Add(ref cell, YearsAt - 1);
            Unsafe.Add(ref cell, DeemedAt) = Unsafe.Add(ref cell, DeemedAt - 1);
            Unsafe.Add(ref cell, IndexYearsAt) = Unsafe.Add(ref cell, IndexYearsAt - 1);
            Unsafe.Add(ref cell, AccountAt) = Unsafe.Add(ref cell, AccountAt - 1);
            next.Cell(d);
        }
        foreach (int array in (ReadOnlySpan<int>)[RecordsAt, YearsAt, DeemedAt, IndexYearsAt, AccountAt, PensionersAt, PensionAt]) Unsafe.Add(ref st, array) = 0;
        // Below the lanes (age 0, with a record floor of 0): once age 0 is cleared.
        for (int a = _recordFloor; a < low && a < end; a++) next.Cell(a);
        // Contributors from the end up are 0: clear those set since the run's end was last lowered (usually none).
        ref int contributorsEnd = ref _contributorsEnd[r * Groups + g];
        for (int a = end; a < contributorsEnd; a++) Unsafe.Add(ref st, ContributorsAt + a) = 0;
        contributorsEnd = end;
        ceiling = LowerCeiling(s, end - 1);
        // New pensioners are set only at the ages where anyone retired this year.
        for (int a = firstRetiring; a <= lastRetiring; a++) Unsafe.Add(ref st, NewPensionersAt + a) = 0;
    }

    /// <summary>
    /// The record holders' lanes of <see cref="AgeRun"/> on the run's state block <paramref name="st"/>, from the lanes
    /// ending at age <paramref name="d"/> down while they end at or above <paramref name="stop"/> (and start at 1 or
    /// above): each moves the records (scaled by the survival ratio) and their averages up an age and sets the next
    /// year's contributors there; the deemed years too with <typeparamref name="TMoveDeemed"/> on (a loop compiled for each
    /// case). Returns the top age of the next lane down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AgeRecordLanes<TMoveDeemed>(ref double st, ref double from0, ref double to1, ref double covered, ref double notRetired,
        Vector<double> omega, int noEntryFrom, int d, int stop)
        where TMoveDeemed : struct, ILoopFlag
    {
        int width = Vector<double>.Count;
        for (; d >= stop && d - width + 1 >= 1; d -= width)
        {
            nuint i = (nuint)(d - width + 1), b = i - 1;
            var persons = Vector.LoadUnsafe(ref to1, i); // also the contributors' population
            var rec = Vector.LoadUnsafe(ref st, RecordsAt + b) * SurvivalRatio(Vector.LoadUnsafe(ref from0, b), persons);
            var yrs = Vector.LoadUnsafe(ref st, YearsAt + b);
            var dmd = TMoveDeemed.On ? Vector.LoadUnsafe(ref st, DeemedAt + b) : default;
            var idx = Vector.LoadUnsafe(ref st, IndexYearsAt + b);
            var acc = Vector.LoadUnsafe(ref st, AccountAt + b);
            var k = omega * Vector.LoadUnsafe(ref covered, i) * Vector.LoadUnsafe(ref notRetired, i);
            k = Vector.MaxNative(Vector<double>.Zero, Vector.MinNative(k, persons - Vector.LoadUnsafe(ref st, PensionersAt + i)));
            // From the no-entry age up, at most the record holders (a whole lane, or the one lane the age splits).
            if (d - width + 1 >= noEntryFrom) k = Vector.MinNative(k, rec);
            else if (d >= noEntryFrom)
            {
                var ages = Vector<double>.Indices + new Vector<double>(d - width + 1);
                k = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(ages, new Vector<double>(noEntryFrom)), Vector.MinNative(k, rec), k);
            }
            k.StoreUnsafe(ref st, ContributorsAt + i);
            if (Vector.GreaterThanAny(k, rec))
            {
                var more = Vector.GreaterThan(k, rec);
                var keep = Vector.ConditionalSelect(more, rec / k, Vector<double>.One);
                yrs *= keep;
                if (TMoveDeemed.On) dmd *= keep;
                idx *= keep;
                acc *= keep;
                rec = Vector.ConditionalSelect(more, k, rec);
            }
            rec.StoreUnsafe(ref st, RecordsAt + i);
            yrs.StoreUnsafe(ref st, YearsAt + i);
            if (TMoveDeemed.On) dmd.StoreUnsafe(ref st, DeemedAt + i);
            idx.StoreUnsafe(ref st, IndexYearsAt + i);
            acc.StoreUnsafe(ref st, AccountAt + i);
        }
        return d;
    }

    /// <summary>P(a+1, t+1) / P(a, t) for the lanes from cell <paramref name="i"/> (= a + 1) of a run, 0 where P(a, t) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SurvivalRatio(ref double pop0, ref double pop1, nuint i) =>
        SurvivalRatio(Vector.LoadUnsafe(ref pop0, i - 1), Vector.LoadUnsafe(ref pop1, i));

    /// <summary>P(a+1, t+1) / P(a, t) from those lanes of the two populations, 0 where P(a, t) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SurvivalRatio(Vector<double> from, Vector<double> to) =>
        Vector.ConditionalSelect(Vector.GreaterThan(from, Vector<double>.Zero), to / from, Vector<double>.Zero);

    /// <summary>P(d, t+1) / P(d − 1, t) of one cell of a run, 0 where P(d − 1, t) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SurvivalRatio(ref double pop0, ref double pop1, int d)
    {
        double from = Unsafe.Add(ref pop0, d - 1);
        return from > 0 ? Unsafe.Add(ref pop1, d) / from : 0;
    }

    /// <summary>The inputs of a run's contributors of the next year (see <see cref="AgeRun"/>), as references to the run's age 0.</summary>
    private readonly ref struct Contributing
    {
        public readonly ref double Covered;
        public readonly ref double NotRetired;
        public readonly ref double Population;
        public readonly ref double State; // the run's state block (see RunState)
        public readonly int NoEntryFrom;
        public readonly double Alignment;

        public Contributing(SchemeEngine engine, int g, int yNext, in Ageing ageing, int s, ref double state)
        {
            Covered = ref engine._regionalWorkforce is null ? ref engine._covered[s] : ref engine._regionCovered[g * A];
            NotRetired = ref engine._notRetired[(yNext * Groups + g) * A];
            Population = ref Unsafe.Add(ref MemoryMarshal.GetReference(ageing.Pop1), s);
            State = ref state;
            NoEntryFrom = g < EducationLevels.Count ? 60 : 50;
            Alignment = ageing.Alignment;
        }

        /// <summary>The contributors of the run's cell at age <paramref name="a"/> (the lanes' rule, one cell).</summary>
        public void Cell(int a)
        {
            ref double cell = ref Unsafe.Add(ref State, a);
            double k = Alignment * Unsafe.Add(ref Covered, a) * Unsafe.Add(ref NotRetired, a);
            k = Math.Max(0, Math.Min(k, Unsafe.Add(ref Population, a) - Unsafe.Add(ref cell, PensionersAt)));
            double n = Unsafe.Add(ref cell, RecordsAt);
            if (a >= NoEntryFrom) k = Math.Min(k, n);
            Unsafe.Add(ref cell, ContributorsAt) = k;
            if (k > n)
            {
                double keep = n / k;
                Unsafe.Add(ref cell, YearsAt) *= keep;
                Unsafe.Add(ref cell, DeemedAt) *= keep;
                Unsafe.Add(ref cell, IndexYearsAt) *= keep;
                Unsafe.Add(ref cell, AccountAt) *= keep;
                Unsafe.Add(ref cell, RecordsAt) = k;
            }
        }
    }

    /// <summary>Finishes starting <paramref name="year"/>: the national wage and its growth, indexation and the crediting rate.</summary>
    private void FinishBegin(int year, double allWorkers, double allWages)
    {
        Year = year;
        double previousNational = _nationalWage;
        _nationalWage = allWorkers > 0 ? allWages / allWorkers : 0;
        _wageGrowth = previousNational > 0 && _nationalWage > 0 ? _nationalWage / previousNational - 1 : 0;
        double increase = _rules.Indexation.Increase(year, _wageGrowth, _a.PriceGrowthIn(year));
        _pensionIndex *= 1 + increase;
        _creditingRate = _rules.CreditingRates.Rate(year, _wageGrowth, _a.PriceGrowthIn(year));
    }

    /// <summary>Software prefetch (into L2) of the cache lines of <paramref name="count"/> cells from <paramref name="from"/>; a hint, no effect on results.</summary>
    private static unsafe void PrefetchToL2(ReadOnlySpan<double> cells, int from, int count)
    {
        if (!Sse.IsSupported) return;
        fixed (double* p = cells.Slice(from, count))
        {
            for (int k = 0; k < count; k += 8) Sse.Prefetch1(p + k); // 8 doubles a 64-byte line
            Sse.Prefetch1(p + count - 1); // the last line, if the cells straddle one more
        }
    }

    private void ComputeAverageWages(int year, ReadOnlySpan<double> pop, out double national)
    {
        double allWorkers = 0, allWages = 0;
        for (int r = 0; r < _regions; r++)
        {
            var (workers, wages) = RegionWages(year, r, pop, _covered.AsSpan(r * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion));
            _averageWage[r] = workers > 0 ? wages / workers : 0;
            allWorkers += workers;
            allWages += wages;
        }
        national = allWorkers > 0 ? allWages / allWorkers : 0;
    }

    /// <summary>
    /// Covered workers and wage bill of region <paramref name="r"/> in <paramref name="year"/>: filled here, with the
    /// region's wage scale, by a labour layer that fills a region at a time; else summed from the grid the labour layer
    /// filled whole (<see cref="CoveredAndWageBill"/>). A regional fill writes the region's covered workers to
    /// <paramref name="regionCovered"/> (the region's cells).
    /// </summary>
    private (double Workers, double Wages) RegionWages(int year, int r, ReadOnlySpan<double> pop, Span<double> regionCovered)
    {
        if (_regionalWorkforce is null)
        {
            CoveredAndWageBill(year, r, out double covered, out double bill);
            return (covered, bill);
        }
        (double workers, double wages, _wageScale[r]) = _regionalWorkforce.FillCoveredWorkersOfRegion(year, r, pop, regionCovered);
        return (workers, wages);
    }

    /// <summary>
    /// Σ covered and Σ covered × wage over a region, checking the labour layer's contract on the way: counts and wages
    /// finite and ≥ 0 (counts above the population are not an error here: they are capped by contributors + pensioners
    /// ≤ population, and what the cap removes shows up in the registration factor). The wages are those the layer has just filled (_wageNext).
    /// </summary>
    private void CoveredAndWageBill(int year, int r, out double workers, out double wages)
    {
        int width = Vector<double>.Count;
        int start = r * PopulationShape.CellsPerRegion;
        ref double covered = ref MemoryMarshal.GetArrayDataReference(_covered);
        ref double wage = ref MemoryMarshal.GetArrayDataReference(_wageNext);
        var infinity = new Vector<double>(double.PositiveInfinity);
        Vector<double> sum = Vector<double>.Zero, dot = Vector<double>.Zero;
        var valid = Vector<long>.AllBitsSet;
        int k = 0;
        for (; k + width <= PopulationShape.CellsPerRegion; k += width)
        {
            nuint i = (nuint)(start + k);
            var c = Vector.LoadUnsafe(ref covered, i);
            var w = Vector.LoadUnsafe(ref wage, i);
            valid &= Vector.GreaterThanOrEqual(c, Vector<double>.Zero) & Vector.LessThan(c, infinity)
                & Vector.GreaterThanOrEqual(w, Vector<double>.Zero) & Vector.LessThan(w, infinity);
            sum += c;
            dot += c * w;
        }
        // Reduce the lanes before the tail: vectors live across a possible call (a range check) are spilled in the loop above.
        workers = Vector.Sum(sum);
        wages = Vector.Sum(dot);
        bool allValid = Vector.EqualsAll(valid, Vector<long>.AllBitsSet);
        for (; k < PopulationShape.CellsPerRegion; k++)
        {
            double c = _covered[start + k], w = _wageNext[start + k];
            allValid &= c >= 0 && c < double.PositiveInfinity && w >= 0 && w < double.PositiveInfinity;
            workers += c;
            wages += c * w;
        }
        if (!allValid) CheckWorkforce(year, start, PopulationShape.CellsPerRegion);
    }

    private void CheckWorkforce(int year, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            double c = _covered[i], w = _wageNext[i];
            if (!(c >= 0) || !double.IsFinite(c) || !(w >= 0) || !double.IsFinite(w)) ThrowWorkforce(year, i, c, w);
        }
    }

    private void ThrowWorkforce(int year, int i, double covered, double wage) =>
        throw new InputDataException("labour layer", null, $"{PopulationGrid.DescribeCell(_a.Demography.Shape, i)} in {year}",
            string.Create(CultureInfo.InvariantCulture, $"covered {covered:R}, wage {wage:R}"), "finite covered workers ≥ 0 and a finite wage ≥ 0");

    /// <summary>F of <see cref="PrepareBaseAccounts"/> at a fractional number of account years (linear between whole years).</summary>
    private static double BaseAccountFactor(double[] factor, double accountYears)
    {
        int whole = (int)Math.Floor(accountYears);
        double fraction = accountYears - whole;
        double f = factor[whole];
        if (fraction > 0 && whole + 1 < factor.Length) f += fraction * (factor[whole + 1] - f);
        return f;
    }

    /// <summary>
    /// F(n) = Σ over the n years before 2024 of ee(y) × (1 + g)^(y − 2024) × Π crediting factors from y to 2023: the 2024
    /// balance per unit of (density × index × 2024 average wage) of n years of contributions.
    /// </summary>
    private double[] PrepareBaseAccounts()
    {
        int max = SchemeAssumptions.BaseYear - _a.AccountsStartYear;
        var factor = new double[max + 1];
        for (int n = 1; n <= max; n++)
        {
            double balance = 0;
            for (int year = SchemeAssumptions.BaseYear - n; year < SchemeAssumptions.BaseYear; year++)
            {
                double ee = _rules.Contributions.EmployeeAnnual(Math.Max(year, _rules.Contributions.EmployeeToAccount.From.Year));
                double wage = Math.Pow(1 + _a.HistoricalWageGrowth, year - SchemeAssumptions.BaseYear);
                double rate = _rules.CreditingRates.Rate(year, _a.HistoricalWageGrowth, _a.PriceGrowthIn(year));
                balance = (balance + ee * wage) * (1 + rate);
            }
            factor[n] = balance;
        }
        return factor;
    }

    private double[] Align(IReadOnlyList<double> values, string name)
    {
        if (values.Count != _regions)
        {
            throw new InputDataException("scheme calibration", null, name, values.Count.ToString(CultureInfo.InvariantCulture), $"one value per region ({_regions})");
        }
        return values.ToArray();
    }
}
