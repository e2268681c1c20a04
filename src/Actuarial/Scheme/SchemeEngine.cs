using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>
/// The scheme's year loop (see <see cref="SchemeProjector"/> for the model): the compiled tables
/// (<see cref="SchemeTables"/>), the cell state in group blocks (<see cref="SchemeBlocks"/>), the labour layer read a
/// region at a time (<see cref="RegionLabour"/>) and the kernels (<see cref="SchemeKernels"/>) called in the model's
/// order. SchemeSpecification states the same model plainly. Everything is allocated in the constructor;
/// a year's step allocates nothing.
/// </summary>
/// <remarks>
/// A year, region by region: the next year's covered workers of the region are filled first (they are needed as the
/// region's blocks are aged), then each (sex, education) group block pays its pensions, accrues and retires, and the
/// block before it is aged and given its next year's contributors while its cells are in cache. The national wage,
/// indexation and crediting rate of the next year follow when every region is done (<see cref="StartYear"/>). Pensions
/// are held in units of a national pension index, which indexation multiplies; <see cref="Pensions"/> gives yuan.
/// </remarks>
internal sealed class SchemeEngine
{
    private const int A = Ages.Count;
    private const int Groups = SchemeTables.Groups;

    private SchemeAssumptions _a;
    private SchemeRules _rules;
    private readonly SchemeTables _tables;
    private readonly SchemeBlocks _blocks;
    private RegionLabour _labour;
    private readonly int _regions;
    private readonly int _cells;

    private readonly double[] _covered;        // the base year's covered workers by cell (the Covered view)
    private readonly double[] _regionCovered = new double[PopulationShape.CellsPerRegion]; // the next year's, of the region being stepped
    private int _recordFloor;                  // no contributors or records below this age, ever (the labour layer's first covered age)
    private int _deemedFloor;                  // no deemed years below this age (see SchemeTables.BaseDeemedFloor)
    private bool _prefetch = true;             // whether a step prefetches the next region's population (not when it is in cache: RunAlongsidePopulation)

    // By region, for the current year.
    private readonly double[] _averageWage;
    private readonly double[] _wageScale;
    private readonly double[] _averageWagePrevious;
    private readonly double[] _ordinaryBase;   // Σ contributors × contribution base
    private readonly double[] _lumpSums;
    private readonly double[] _pensionsPaid;
    private double _nationalWage;
    private double _wageGrowth;
    private double _creditingRate;
    // The indexation since the base year: a cell's pension is its index units × this, in yuan.
    private double _pensionIndex = 1;
    private double[]? _pensionAmounts; // the Pensions view
    private double[]? _membersByAge;   // when recorded: [year, region, sex, member kind, age] (see RecordMembersByAge)
    private CoverageKernels.Shape? _coverageShape; // when recorded: the residents' shares not yet in work and ages
    private double[]? _coverageInputs;    // with them: the residents' coverage sums, [year, region, CoverageSums]
    private CoverageKernels.CoverageSums _regionCoverage;       // the region being stepped, its sexes so far
    private CoverageFailure? _coverageFailure;                             // the first cell with more members than persons, if any
    private readonly double[] _membersFrom = new double[Ages.Count];              // AgeBlock's scratch row (InsuredMortality)
    private readonly RightsTransfers? _transfers; // null unless the assumptions ask for them

    internal SchemeEngine(SchemeAssumptions assumptions, SchemeCalibration calibration)
    {
        assumptions.Validate();
        _a = assumptions;
        _rules = assumptions.Rules;
        var shape = assumptions.Demography.Shape;
        _regions = shape.RegionCount;
        _cells = shape.CellCount;
        Regions = shape.Regions;
        YearCount = assumptions.EndYear - assumptions.BaseYear + 1;
        _tables = new SchemeTables(assumptions, calibration, Regions, YearCount);
        _labour = RegionLabour.For(assumptions.Workforce, shape);
        _recordFloor = _labour.FirstCoveredAge;
        _blocks = new SchemeBlocks(_cells / A);
        _covered = new double[_cells];
        _averageWage = new double[_regions];
        _wageScale = new double[_regions];
        _averageWagePrevious = new double[_regions];
        _ordinaryBase = new double[_regions];
        _lumpSums = new double[_regions];
        _pensionsPaid = new double[_regions];

        Flows = new FundFlows(Regions, _a.BaseYear, YearCount);
        int n = YearCount * _regions;
        OutContributors = new double[n];
        OutPensioners = new double[n];
        OutNewPensioners = new double[n];
        OutContributions = new double[n];
        OutEmployerContributions = new double[n];
        OutPensions = new double[n];
        if (assumptions.RightsTransfers is { } transferRules && assumptions.Demography.Assumptions.InterprovincialMigration is { } migration)
        {
            _transfers = new RightsTransfers(transferRules, migration, Regions, _a.BaseYear, YearCount);
        }
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
    internal RightsTransfers? Transfers => _transfers;

    /// <summary>The year whose state the engine holds (reference date of that year).</summary>
    internal int Year { get; private set; }

    /// <summary>Member kinds of <see cref="MembersByAge"/>: contributors (the cell state, within the resident population: without the registration factor that scales the head count reported to the fund layer), then pensioners paid in the year who retired before it.</summary>
    internal const int MemberKinds = 2;

    /// <summary>
    /// Asks the engine to record, each recorded year, its members by region, sex and age summed over education (for the
    /// coverage of the whole population, <see cref="Actuarial.Residents"/>). Allocated here, before the year loop; the loop
    /// adds to it without allocating. Off unless asked, so that runs which do not read it (Monte Carlo paths) pay nothing.
    /// </summary>
    /// <remarks>
    /// With <paramref name="coverage"/> (the residents' share not yet in work by education and age, their first age and
    /// pension age) it also adds, each year, region and sex, right after the sex's last education group, the sex's cells
    /// from the first age to the region's residents' coverage sums (<see cref="CoverageKernels.AddSex"/>, <see cref="CoverageInputs"/>):
    /// what the residents' scheme would otherwise sum over the stored 24 MB of yearly grids, taken while the year's grid
    /// and members are in cache. The sums are the plain loop's, in the same order.
    /// </remarks>
    internal void RecordMembersByAge(CoverageKernels.Shape? coverage = null)
    {
        _membersByAge ??= new double[YearCount * _regions * Sexes.Count * MemberKinds * A];
        if (coverage is null) return;
        _coverageShape = coverage;
        _coverageInputs ??= new double[YearCount * _regions * CoverageKernels.CoverageSums.Count];
    }

    /// <summary>The recorded members (<see cref="RecordMembersByAge"/>), layout [year − 2024, region, sex, kind, age]; empty when not recorded.</summary>
    internal ReadOnlySpan<double> MembersByAge => _membersByAge;

    /// <summary>
    /// The residents' coverage sums (<see cref="RecordMembersByAge"/> with weights), layout [year − 2024, region,
    /// <see cref="CoverageKernels.CoverageSums"/>]; empty when not recorded.
    /// </summary>
    internal ReadOnlySpan<double> CoverageInputs => _coverageInputs;

    /// <summary>The first cell (in year, region, sex, age order) whose members exceeded its population in the last run with coverage sums, or null.</summary>
    internal CoverageFailure? FirstCoverageFailure => _coverageFailure;

    /// <summary>A cell whose employee members exceed its population: its year, region index, sex, age, members and persons.</summary>
    internal readonly record struct CoverageFailure(int Year, int Region, Sex Sex, int Age, double Members, double Persons);

    /// <summary>The shares and ages <see cref="CoverageInputs"/> was recorded with; null when not recorded.</summary>
    internal CoverageKernels.Shape? CoverageShape => _coverageShape;

    /// <summary>Covered workers by cell in the base year (set by <see cref="Initialize()"/>).</summary>
    internal ReadOnlySpan<double> Covered => _covered;
    internal ReadOnlySpan<double> Contributors => _blocks.View(CellQuantity.Contributors);
    internal ReadOnlySpan<double> Records => _blocks.View(CellQuantity.Records);
    internal ReadOnlySpan<double> Pensioners => _blocks.View(CellQuantity.Pensioners);
    internal ReadOnlySpan<double> ContributionYears => _blocks.View(CellQuantity.Years);
    internal ReadOnlySpan<double> DeemedYears => _blocks.View(CellQuantity.Deemed);
    internal ReadOnlySpan<double> IndexYears => _blocks.View(CellQuantity.IndexYears);
    internal ReadOnlySpan<double> Accounts => _blocks.View(CellQuantity.Account);
    internal ReadOnlySpan<double> NewPensioners => _blocks.View(CellQuantity.NewPensioners);

    /// <summary>Average monthly pension by cell, yuan.</summary>
    internal ReadOnlySpan<double> Pensions
    {
        get
        {
            _pensionAmounts ??= new double[_cells];
            TensorPrimitives.Multiply(_blocks.View(CellQuantity.Pension), _pensionIndex, _pensionAmounts);
            return _pensionAmounts;
        }
    }

    internal ReadOnlySpan<double> OrdinaryBase => _ordinaryBase;
    internal ReadOnlySpan<double> LumpSums => _lumpSums;
    internal ReadOnlySpan<double> PensionsPaid => _pensionsPaid;
    internal ReadOnlySpan<double> AverageWages => _averageWage;
    internal ReadOnlySpan<double> AverageWagesPrevious => _averageWagePrevious;
    internal double CreditingRate => _creditingRate;
    internal double EmployerRate(int year, int region) => _tables.EmployerRate[(year - _a.BaseYear) * _regions + region];
    internal double EmployeeRate(int year) => _tables.EmployeeRate[year - _a.BaseYear];

    /// <summary>Share retired, share retiring and 1 / divisor of a (sex, education, age) group in a year.</summary>
    internal (double Retired, double Retiring, double InverseDivisor) Retirement(int year, Sex sex, EducationLevel education, int age)
    {
        int o = ((year - _a.BaseYear) * Groups + (int)sex * EducationLevels.Count + (int)education) * A + age;
        var t = _tables.Retirement;
        return (t.Retired[o], t.Retiring[o], t.InverseDivisor[o]);
    }

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
        if (demography.Shape.CellCount != _cells || demography.Shape.RegionCount != _regions || demography.BaseYear > _a.BaseYear
            || demography.EndYear < _a.EndYear)
        {
            throw new InputDataException("scheme assumptions", null, nameof(SchemeAssumptions.Demography), $"{demography.Shape.RegionCount} regions, {demography.BaseYear}..{demography.EndYear}",
                $"the engine's grid ({_regions} regions) over {_a.BaseYear}..{_a.EndYear}");
        }
        _a = _a with { Demography = demography, Workforce = workforce };
        _labour = RegionLabour.For(workforce, demography.Shape, _labour);
        _recordFloor = _labour.FirstCoveredAge;
    }

    /// <summary>
    /// Rebinds the engine to a path's own assumptions that differ from the engine's only in what the year loop reads and the
    /// compiled tables do not: the population, the labour layer, the price path from the base year on and the indexation
    /// and crediting rules from the base year on (a Monte Carlo path that draws inflation, the real wage trend or the
    /// indexation share). Saves building the tables and the blocks again for each such path.
    /// </summary>
    /// <exception cref="ArgumentException">The assumptions differ in anything else, or in rates or prices before the base year
    /// (which the base state's account factors read).</exception>
    internal void Rebind(SchemeAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var rules = assumptions.Rules;
        var same = assumptions with
        {
            Demography = _a.Demography,
            Workforce = _a.Workforce,
            PriceGrowthPath = _a.PriceGrowthPath,
            Rules = rules with { Indexation = _rules.Indexation, CreditingRates = _rules.CreditingRates },
        };
        bool baseStateSame = same.Equals(_a);
        for (int year = _a.AccountsStartYear; baseStateSame && year < _a.BaseYear; year++)
        {
            baseStateSame = assumptions.PriceGrowthIn(year).Equals(_a.PriceGrowthIn(year))
                && rules.CreditingRates.Rate(year, _a.HistoricalWageGrowth, assumptions.PriceGrowthIn(year))
                    .Equals(_rules.CreditingRates.Rate(year, _a.HistoricalWageGrowth, _a.PriceGrowthIn(year)));
        }
        if (!baseStateSame)
        {
            throw new ArgumentException("the assumptions differ from the engine's in more than the population, the labour layer, prices from the base year on and the indexation and crediting rules; build a new engine", nameof(assumptions));
        }
        Rebind(assumptions.Demography, assumptions.Workforce);
        _a = assumptions;
        _rules = rules;
    }

    /// <summary>Every year from the base state: <see cref="Initialize()"/>, then <see cref="Step(int)"/> to the end year.</summary>
    internal void Run()
    {
        Initialize();
        for (int year = _a.BaseYear; year <= _a.EndYear; year++) Step(year);
    }

    /// <summary>
    /// The population projection and <see cref="Run"/> in one year loop: each year's population is handed to the engine
    /// as soon as it is computed, so the engine reads it from the cache instead of from memory. The same results as
    /// running the population, then <see cref="Run"/>. Allocation-free.
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
            if (year < engine._a.BaseYear || year > end) return;
            if (year == engine._a.BaseYear) engine.Initialize(population);
            else engine.StepYear(year - 1, previous, population, record: true);
            // The end year is not aged; its population is passed only for the residents' coverage sums.
            if (year == end) engine.StepYear(end, engine._coverageInputs is null ? default : population, default, record: true);
        }
    }

    /// <summary>Sets the base state (see <see cref="SchemeProjector"/>, base state).</summary>
    internal void Initialize() => Initialize(_a.Demography.PersonsAt(_a.BaseYear));

    /// <summary>
    /// <see cref="Initialize()"/> on the base year's population <paramref name="pop"/>: the grid of the engine's projection
    /// for that year, or the same values from where the population projection has just computed them.
    /// </summary>
    internal void Initialize(ReadOnlySpan<double> pop)
    {
        int year = _a.BaseYear;
        CheckGrid(pop, year);
        Year = year;
        _transfers?.Clear();
        _blocks.Changed();
        _pensionIndex = 1;
        _coverageFailure = null;
        double allWorkers = 0, allWages = 0;
        for (int r = 0; r < _regions; r++)
        {
            var (workers, wages, scale) = _labour.Fill(year, r, pop, _covered.AsSpan(r * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion));
            _wageScale[r] = scale;
            _averageWage[r] = workers > 0 ? wages / workers : 0;
            allWorkers += workers;
            allWages += wages;
        }
        _nationalWage = allWorkers > 0 ? allWages / allWorkers : 0;
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
        _deemedFloor = _tables.BaseDeemedFloor;

        var retired = _tables.Retirement.Retired; // year index 0
        for (int r = 0; r < _regions; r++)
        {
            // The region's retirees spread over the ages past the retirement age in proportion to the population.
            double exposed = 0;
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A;
                exposed += TensorPrimitives.Dot(pop.Slice(start, A), retired.AsSpan(g * A, A));
            }
            double target = _tables.RetireeTargets[r];
            if (exposed <= 0 && target > 0)
            {
                throw new InputDataException("scheme base state", null, $"retirees [{Regions[r].EnglishName}]", target.ToString("R", CultureInfo.InvariantCulture),
                    "a province with population past the retirement age");
            }
            var earnings = _labour.Earnings(year, r);
            var inputs = new SchemeKernels.BaseInputs
            {
                RetireeScale = exposed > 0 ? target / exposed : 0,
                WageScale = _wageScale[r],
                AverageWage = _averageWage[r],
                Density = _a.ContributionDensity,
                PensionLevel = _tables.PensionLevel[r],
                Alignment = _tables.Alignment[r],
                FloorShare = _tables.FloorShare,
                CapShare = _tables.CapShare,
            };
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A, b = r * Groups + g;
                inputs.Population = pop.Slice(start, A);
                inputs.Retired = retired.AsSpan(g * A, A);
                inputs.Covered = _covered.AsSpan(start, A);
                inputs.Earnings = earnings.Slice(g * A);
                inputs.BaseDeemed = _tables.BaseDeemed.AsSpan(g * A, A);
                inputs.BaseYears = _tables.BaseYears.AsSpan(g * A, A);
                inputs.BaseAccountFactor = _tables.BaseAccountFactor.AsSpan(g * A, A);
                (_blocks.PensionSum[b], _blocks.PensionerSum[b]) = SchemeKernels.Initialise(_blocks.Block(b), in inputs);
                _blocks.RecordCeiling[b] = _blocks.LowerCeiling(b, A - 1, _recordFloor);
                _blocks.ContributorsEnd[b] = A;
            }
        }
    }

    /// <summary>
    /// The step of <paramref name="year"/> (the engine's current year): pensions paid, accrual and retirement, the year's
    /// flows recorded, then ageing to the next reference date with the next year's contributors (not past the end year).
    /// Allocation-free.
    /// </summary>
    internal void Step(int year)
    {
        bool age = year < _a.EndYear;
        StepYear(year, age || _coverageInputs is not null ? _a.Demography.PersonsAt(year) : default, age ? _a.Demography.PersonsAt(year + 1) : default, record: true);
    }

    /// <summary>
    /// Pays, accrues and retires in <paramref name="year"/> and sets the region sums (<see cref="OrdinaryBase"/>,
    /// <see cref="LumpSums"/>, <see cref="PensionsPaid"/>), but neither records the year's flows nor ages the state:
    /// what the calibration measures the base year with. The state stays at <paramref name="year"/>.
    /// </summary>
    internal void TrialStep(int year) => StepYear(year, default, default, record: false);

    /// <summary>
    /// One year on the population of <paramref name="year"/> and of the next (<paramref name="pop0"/>, <paramref name="pop1"/>;
    /// empty in a trial step, and in the last year unless the residents' coverage sums are recorded): the grids of the engine's projection, or the same values from where
    /// the population projection has just computed them. With <paramref name="record"/>, the flows are recorded and the
    /// state is aged (before the end year).
    /// </summary>
    private void StepYear(int year, ReadOnlySpan<double> pop0, ReadOnlySpan<double> pop1, bool record)
    {
        if (year != Year) throw new InvalidOperationException($"the scheme state is at {Year}, not {year}");
        _blocks.Changed();
        int y = year - _a.BaseYear;
        bool age = record && year < _a.EndYear;
        if (age)
        {
            CheckGrid(pop0, year);
            CheckGrid(pop1, year + 1);
        }
        else if (record && _coverageInputs is not null) CheckGrid(pop0, year);
        var retirement = _tables.Retirement;
        double ee = _tables.EmployeeRate[y];
        double allWorkers = 0, allWages = 0;
        if (age) _transfers?.BeginYear(pop0);
        for (int r = 0; r < _regions; r++)
        {
            double w = _averageWage[r];
            double er = _tables.EmployerRate[y * _regions + r];
            var accrual = new SchemeKernels.AccrualRates(_wageScale[r], w, _tables.FloorShare, _tables.CapShare, _creditingRate, Math.Min(1, _tables.Compliance[r]) * ee);
            var retiring = new SchemeKernels.RetirementRates
            {
                Benefits = _rules.Benefits,
                MinimumYears = _tables.MinimumYears[y],
                BuysMissingYears = _tables.BuysMissingYears,
                EmployeeRate = ee,
                EmployerRate = er,
                FloorShare = _tables.FloorShare,
                FloorWage = _tables.FloorShare * w,
                MonthlyWagePrevious = _averageWagePrevious[r] / 12,
                InversePensionIndex = 1 / _pensionIndex,
            };
            var earnings = _labour.Earnings(year, r);
            // The region's next year: its covered workers are needed as its blocks are aged (this sets the next wage scale).
            double nextWorkers = 0, nextWages = 0;
            if (age) (nextWorkers, nextWages, _wageScale[r]) = _labour.Fill(year + 1, r, pop1, _regionCovered);
            var region = new RegionSums();
            for (int g = 0; g < Groups; g++)
            {
                int b = r * Groups + g, yg = y * Groups + g, start = r * PopulationShape.CellsPerRegion + g * A;
                // From a stored projection the next region's population of the next year comes from memory: ask for it a
                // block at a time while this region works. Alongside the population projection it is in cache already.
                if (age && _prefetch && r + 1 < _regions) Prefetch(pop1, start + PopulationShape.CellsPerRegion, A, intoL1: false);
                if (record && _membersByAge is not null) PrefetchNextMembers(y, r, g);
                var block = _blocks.Block(b);
                ref int ceiling = ref _blocks.RecordCeiling[b];
                var sums = new SchemeKernels.BlockSums
                {
                    Paid = _pensionIndex * _blocks.PensionSum[b],
                    Pensioners = _blocks.PensionerSum[b],
                };
                (sums.OrdinaryBase, sums.Contributors) = SchemeKernels.Accrue(block, _recordFloor, ceiling, earnings.Slice(g * A), in accrual);
                int first = retirement.FirstRetiringAge[yg], last = retirement.LastRetiringAge[yg];
                SchemeKernels.Retire(block, first, last, retirement.Retiring.AsSpan(yg * A, A), retirement.LeavingShare.AsSpan(yg * A, A),
                    retirement.InverseDivisor.AsSpan(yg * A, A), in retiring, ref _blocks.PensionSum[b], ref _blocks.PensionerSum[b], ref sums);
                if (last >= ceiling) ceiling = GroupBlock.LowerCeiling(block, ceiling, _recordFloor); // the oldest may all have retired
                region.Add(in sums);
                if (record && _membersByAge is not null) AddMembers(y, r, g, block, pop0);
                // Age the block before this one: its cells are still in cache, and its last stores have left the store buffer.
                if (age && g > 0) AgeBlock(r, g - 1, y, pop0, pop1);
            }
            if (age) AgeBlock(r, Groups - 1, y, pop0, pop1);

            _ordinaryBase[r] = region.OrdinaryBase;
            _lumpSums[r] = region.LumpSums;
            _pensionsPaid[r] = 12 * region.Paid;
            if (record) RecordFlows(year, r, er, ee, in region);
            if (!age) continue;
            _averageWagePrevious[r] = w;
            double average = nextWorkers > 0 ? nextWages / nextWorkers : 0;
            // Nobody covered: the last wage carried at the next year's price growth, so that it holds its real value (a wage
            // held in yuan would make every rule that reads it, and the closed group of the implicit debt, depend on inflation).
            _averageWage[r] = average > 0 ? average : w * (1 + _a.PriceGrowthIn(year + 1));
            allWorkers += nextWorkers;
            allWages += nextWages;
        }
        if (!age) return;
        _transfers?.EndYear(y);
        _deemedFloor = Math.Min(_deemedFloor + 1, A - 1);
        StartYear(year + 1, allWorkers, allWages);
    }

    /// <summary>What a region's blocks add up to in a step.</summary>
    private struct RegionSums
    {
        public double Paid, OrdinaryBase, LumpSums, Contributors, Pensioners, NewPensioners;

        public void Add(in SchemeKernels.BlockSums block)
        {
            Paid += block.Paid;
            OrdinaryBase += block.OrdinaryBase;
            LumpSums += block.LumpSums;
            Contributors += block.Contributors;
            Pensioners += block.Pensioners;
            NewPensioners += block.NewPensioners;
        }
    }

    /// <summary>Ages block (<paramref name="r"/>, <paramref name="g"/>) from year index <paramref name="y"/> (<see cref="SchemeKernels.Age"/>).</summary>
    private void AgeBlock(int r, int g, int y, ReadOnlySpan<double> pop0, ReadOnlySpan<double> pop1)
    {
        int b = r * Groups + g, yg = y * Groups + g, start = r * PopulationShape.CellsPerRegion + g * A;
        var retirement = _tables.Retirement;
        var inputs = new SchemeKernels.AgeingInputs
        {
            From = pop0.Slice(start, A),
            To = pop1.Slice(start, A),
            Covered = _regionCovered.AsSpan(g * A, A),
            NotRetired = _tables.NotRetired.AsSpan((yg + Groups) * A, A),
            Alignment = _tables.Alignment[r],
            NoEntryAge = _tables.NoEntryAge[g],
            PensionFloor = retirement.FirstPensionAgeByGroup[g],
            RecordFloor = _recordFloor,
            DeemedFloor = _deemedFloor,
            FirstRetiring = retirement.FirstRetiringAge[yg],
            LastRetiring = retirement.LastRetiringAge[yg],
        };
        // Movers take the averages of the cell they leave, before it is aged (RightsTransfers).
        _transfers?.Send(y, _a.BaseYear + y, r, g / EducationLevels.Count, _blocks.Block(b), _averageWage[r]);
        if (_a.InsuredMortalityRatio != 1)
        {
            // Members die at the ratio × the rest of their cell (InsuredMortality): their survival ratio reads a scaled start.
            var (demography, _) = _a.Demography.Source;
            int step = _a.BaseYear + y - demography.BaseYear, sex = g / EducationLevels.Count;
            var block = _blocks.Block(b);
            inputs.From = InsuredMortality.MembersFrom(inputs.From, block.Ages(CellQuantity.Records), block.Ages(CellQuantity.Pensioners),
                demography.DeathShare.AsSpan((step * Sexes.Count + sex) * A, A), _a.InsuredMortalityRatio, _membersFrom);
        }
        // The next step pays the pensions as they are after ageing (it retires record holders after paying).
        (_blocks.PensionSum[b], _blocks.PensionerSum[b]) =
            SchemeKernels.Age(_blocks.Block(b), in inputs, ref _blocks.RecordCeiling[b], ref _blocks.ContributorsEnd[b]);
    }

    /// <summary>
    /// Adds group block (<paramref name="r"/>, <paramref name="g"/>) of year index <paramref name="y"/>, after retirement and
    /// before ageing, to <see cref="MembersByAge"/> (<see cref="SchemeKernels.AddMembers"/>). With the residents' weights,
    /// after the sex's last education group, also the sex's cells of <paramref name="pop"/> (the year's grid) to the region's
    /// residents' coverage sums (<see cref="CoverageKernels.AddSex"/>), which the region's last sex stores in
    /// <see cref="CoverageInputs"/>.
    /// </summary>
    private void AddMembers(int y, int r, int g, GroupBlock block, ReadOnlySpan<double> pop)
    {
        int sex = g / EducationLevels.Count, education = g % EducationLevels.Count, row = (y * _regions + r) * Sexes.Count + sex;
        var members = _membersByAge.AsSpan(row * MemberKinds * A, MemberKinds * A);
        SchemeKernels.AddMembers(block, members, first: education == 0, _recordFloor, _blocks.ContributorsEnd[r * Groups + g],
            _tables.Retirement.FirstPensionAgeByGroup[g]);
        if (_coverageInputs is null || education < EducationLevels.Count - 1) return;
        if (sex == 0) _regionCoverage = default; // 0 + the first cell's, as the plain loop starts
        var runs = pop.Slice(r * PopulationShape.CellsPerRegion + sex * PopulationShape.CellsPerSex, PopulationShape.CellsPerSex);
        int failed = CoverageKernels.AddSex(members, runs, _coverageShape!.NotEntered, _coverageShape.FirstAge, _coverageShape.PensionAge, ref _regionCoverage);
        if (failed >= 0 && _coverageFailure is null)
        {
            double persons = 0;
            for (int e = 0; e < EducationLevels.Count; e++) persons += runs[e * A + failed];
            _coverageFailure = new CoverageFailure(_a.BaseYear + y, r, (Sex)sex, failed, members[failed] + members[A + failed], persons);
        }
        if (sex == Sexes.Count - 1) _regionCoverage.CopyTo(_coverageInputs.AsSpan((y * _regions + r) * CoverageKernels.CoverageSums.Count));
    }

    /// <summary>The year's flows of region <paramref name="r"/>: <see cref="Flows"/> and the rows of <see cref="SchemeProjection"/>.</summary>
    private void RecordFlows(int year, int r, double er, double ee, in RegionSums sums)
    {
        double compliance = _tables.Compliance[r];
        double ordinary = sums.OrdinaryBase, lump = sums.LumpSums;
        double contributions = compliance * (er + ee) * ordinary + lump;
        double employer = compliance * er * ordinary + (er + ee > 0 ? lump * er / (er + ee) : 0);
        int o = (year - _a.BaseYear) * _regions + r;
        Flows.Contributions(year)[r] = contributions;
        Flows.Pensions(year)[r] = _pensionsPaid[r];
        Flows.ContributingWorkers(year)[r] = _tables.Registration[r] * sums.Contributors;
        Flows.Retirees(year)[r] = sums.Pensioners - sums.NewPensioners;
        Flows.AverageWage(year)[r] = _averageWage[r];
        Flows.CoveredWageBill(year)[r] = compliance * ordinary;
        OutContributors[o] = Flows.ContributingWorkers(year)[r];
        OutPensioners[o] = Flows.Retirees(year)[r];
        OutNewPensioners[o] = sums.NewPensioners;
        OutContributions[o] = contributions;
        OutEmployerContributions[o] = employer;
        OutPensions[o] = _pensionsPaid[r];
    }

    /// <summary>
    /// Moves the engine to <paramref name="year"/>: the national average wage from the covered workers and wage bill summed
    /// over the regions, its growth, the year's indexation (one product on the pension index) and crediting rate.
    /// </summary>
    private void StartYear(int year, double coveredWorkers, double wageBill)
    {
        Year = year;
        double previousNational = _nationalWage;
        _nationalWage = coveredWorkers > 0 ? wageBill / coveredWorkers : 0;
        _wageGrowth = previousNational > 0 && _nationalWage > 0 ? _nationalWage / previousNational - 1 : 0;
        double increase = _rules.Indexation.Increase(year, _wageGrowth, _a.PriceGrowthIn(year));
        _pensionIndex *= 1 + increase;
        _creditingRate = _rules.CreditingRates.Rate(year, _wageGrowth, _a.PriceGrowthIn(year));
    }

    /// <summary>
    /// Prefetches a twelfth of the next region's rows of <see cref="MembersByAge"/> (the next year's first region's after
    /// the last) at each of a region's blocks: the rows are written, not read, and a store to a line not in cache waits
    /// for the line (read for ownership); with the line already fetched the store does not.
    /// </summary>
    private void PrefetchNextMembers(int y, int r, int g)
    {
        const int perRegion = Sexes.Count * MemberKinds * A, share = (perRegion + Groups - 1) / Groups;
        int next = y * _regions + r + 1;
        int from = next * perRegion + g * share, end = Math.Min((next + 1) * perRegion, _membersByAge!.Length);
        if (from < end) Prefetch(_membersByAge, from, Math.Min(share, end - from), intoL1: true);
    }

    /// <summary>
    /// Software prefetch of the cache lines of <paramref name="count"/> cells from <paramref name="from"/>: into L1 (and so
    /// L2) for lines about to be written, into L2 for lines read a region later; a hint, no effect on results.
    /// </summary>
    private static unsafe void Prefetch(ReadOnlySpan<double> cells, int from, int count, bool intoL1)
    {
        if (!Sse.IsSupported) return;
        fixed (double* p = cells.Slice(from, count))
        {
            // 8 doubles a 64-byte line; then the last line, if the cells straddle one more.
            for (int k = 0; k < count; k += 8) PrefetchLine(p + k, intoL1);
            PrefetchLine(p + count - 1, intoL1);
        }
    }

    private static unsafe void PrefetchLine(double* line, bool intoL1)
    {
        if (intoL1) Sse.Prefetch0(line);
        else Sse.Prefetch1(line);
    }

    private void CheckGrid(ReadOnlySpan<double> pop, int year)
    {
        if (pop.Length != _cells) throw new ArgumentException($"the population of {year} has {pop.Length} cells; the engine's grid has {_cells}", nameof(pop));
    }
}
