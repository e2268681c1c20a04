using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using Actuarial.Stochastic;
using BenchmarkDotNet.Attributes;

namespace Actuarial.Benchmarks;

/// <summary>
/// The full pension projection on the China defaults: population (31 provinces with education, 2020–2100), the
/// scheme's cell state (2024–2100) and the 31 fund ledgers with pooling (2025–2100). Calibration and the compilation
/// of inputs happen once in setup; each benchmark allocates its result buffers once, outside its year loop.
/// </summary>
[MemoryDiagnoser]
public class PensionBenchmarks
{
    private PensionScenario _scenario = null!;
    private CompiledDemography _demography = null!;
    private ProjectionBuffers _buffers = null!;
    private SchemeAssumptions _scheme = null!;
    private SchemeCalibration _calibration = null!;
    private FundFlows _flows = null!;
    private SchemeEngine _engine = null!;
    private FundFlows _fundFlows = null!;
    private CompiledFunds _compiledFunds = null!;
    private FundBuffers _fundBuffers = null!;
    private SchemeEngine _pathEngine = null!;
    private SchemeEngine _membersEngine = null!;
    private SchemeProjection _withMembers = null!;
    private DemographicProjection _keptDemography = null!;
    private Actuarial.Residents.ResidentsProjection _residents = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ChinaDefaults.PensionScenario();
        var projection = PensionProjector.Run(_scenario);
        _demography = DemographicProjector.Compile(_scenario.Demography);
        _buffers = new ProjectionBuffers(_demography);
        _scheme = projection.Scheme.Assumptions;
        _calibration = projection.Scheme.Calibration;
        _flows = projection.Funds.Flows;

        // The whole chain on buffers allocated once (what a Monte Carlo worker runs for each path, without the shocks).
        var demography = new DemographicProjection(_demography, _buffers);
        _engine = new SchemeEngine(_scheme with { Demography = demography }, _calibration);
        _fundFlows = new FundFlows(_flows.Provinces, _flows.FirstYear, _flows.YearCount);
        // A Monte Carlo path's: the population keeps two working grids, not every year's.
        _pathEngine = new SchemeEngine(_scheme with { Demography = new DemographicProjection(_demography, new ProjectionBuffers(_demography, keepYears: false)) }, _calibration);
        FullProjection();
        _compiledFunds = new CompiledFunds(_fundFlows, _scenario.Funds);
        _fundBuffers = new FundBuffers(_fundFlows.ProvinceCount, _fundFlows.YearCount);
        // The residents' scheme reads the employee scheme's members by age: an engine that records them, on kept grids.
        _keptDemography = demography;
        _membersEngine = new SchemeEngine(_scheme with { Demography = demography }, _calibration);
        // As PensionProjector asks: with the residents' coverage sums taken as it steps.
        _membersEngine.RecordMembersByAge(Actuarial.Residents.ResidentsProjector.CoverageShape(_scenario.Residents));
        _withMembers = new SchemeProjection(_membersEngine, _calibration);
        FullProjectionWithResidents();
        _residents = Residents();
        _ = _residents.YearTable();
    }

    /// <summary>
    /// <see cref="FullProjection"/> with the employee scheme recording its members by age and then the residents' scheme
    /// and the coverage of everyone aged 16+ (<see cref="Actuarial.Residents.ResidentsProjector"/>) on the same population.
    /// </summary>
    [Benchmark(Description = "full projection + residents' scheme and coverage 2024-2100")]
    public Actuarial.Residents.ResidentsProjection FullProjectionWithResidents()
    {
        RunFull(_membersEngine);
        return Residents();
    }

    /// <summary>
    /// <see cref="FullProjection"/> with the employee scheme recording its members by age (what the residents' scheme reads):
    /// the first part of <see cref="FullProjectionWithResidents"/>.
    /// </summary>
    [Benchmark(Description = "full projection recording the employee scheme's members by age")]
    public void FullProjectionWithMembers() => RunFull(_membersEngine);

    /// <summary>The residents' scheme and coverage alone, on a population and employee scheme already run (its buffers allocated per run).</summary>
    [Benchmark(Description = "residents' scheme and coverage 2024-2100 (31 provinces, calibrated)")]
    public Actuarial.Residents.ResidentsProjection Residents() =>
        Actuarial.Residents.ResidentsProjector.Run(_scenario.Residents, _keptDemography, _withMembers, _scheme.PriceGrowthIn, ResidentsReturn);

    /// <summary>
    /// The whole chain: <see cref="FullProjectionWithResidents"/> and then the funded pillars
    /// (<see cref="Actuarial.Pillars.PillarProjector"/>) on its employee and residents' schemes, national tables included.
    /// </summary>
    [Benchmark(Description = "full projection + residents' scheme + funded pillars 2024-2100")]
    public Actuarial.Pillars.PillarProjection FullProjectionWithResidentsAndPillars()
    {
        RunFull(_membersEngine);
        return Actuarial.Pillars.PillarProjector.Run(_scenario.Pillars, _withMembers, Residents(), ResidentsReturn);
    }

    /// <summary>The funded pillars alone (three funds, 2025–2100, with the scheme's national table), on schemes already run.</summary>
    [Benchmark(Description = "funded pillars 2025-2100 (enterprise and occupational annuities, personal pension)")]
    public Actuarial.Pillars.PillarProjection Pillars() =>
        Actuarial.Pillars.PillarProjector.Run(_scenario.Pillars, _withMembers, _residents, ResidentsReturn);

    private double ResidentsReturn(int year) => year < _scenario.Funds.EntrustedReturn.FirstYear ? _scheme.BaseYearFundReturn ?? 0 : _scenario.Funds.BlendedReturn(year);

    /// <summary>
    /// The full projection: population 2020–2100 (31 provinces with education and migration between them), labour and
    /// scheme 2024–2100 (each year as the population projection computes it), 31 ledgers with pooling 2025–2100, on
    /// buffers allocated once in setup; every year's population grid is kept (as <see cref="PensionProjector"/> keeps it).
    /// </summary>
    [Benchmark(Description = "full projection: population 2020-2100 (every year kept), scheme 2024-2100, ledgers + pooling 2025-2100")]
    public void FullProjection() => RunFull(_engine);

    /// <summary>
    /// <see cref="FullProjection"/> as a Monte Carlo path runs it: the population keeps two working grids instead of
    /// every year's (nothing reads a past year's grid once the scheme has stepped past it).
    /// </summary>
    [Benchmark(Description = "full projection as a Monte Carlo path runs it (population grids not kept)")]
    public void FullProjectionAsPath() => RunFull(_pathEngine);

    private void RunFull(SchemeEngine engine)
    {
        engine.RunAlongsidePopulation();
        engine.Flows.CopyTo(_fundFlows);
        if (_compiledFunds is not null) FundProjector.RunInto(_compiledFunds, _fundBuffers);
    }

    /// <summary>The same from <see cref="PensionProjector.Run(PensionScenario)"/>, yuan.</summary>
    public double ReferenceLastNationalBalance() =>
        PensionProjector.Run(_scenario).Funds.YearTable().Where(r => r.RegionCode == 0).MaxBy(r => r.Year)!.ClosingBalance;

    /// <summary>The national closing balance of the last year of <see cref="FullProjection"/>, yuan (for checks).</summary>
    public double LastNationalBalance()
    {
        int n = _fundFlows.ProvinceCount;
        double sum = 0;
        for (int r = 0; r < n; r++) sum += _fundBuffers.Closing[(_fundFlows.YearCount - 1) * n + r];
        return sum;
    }

    [Benchmark(Description = "population 2020-2100 (31 provinces)")]
    public void Population() => DemographicProjector.RunInto(_demography, _buffers);

    [Benchmark(Description = "scheme 2024-2100 (31 provinces, calibrated)")]
    public SchemeProjection Scheme() => SchemeProjector.Run(_scheme, _calibration);

    [Benchmark(Description = "31 ledgers + pooling 2025-2100")]
    public FundProjection Funds() => FundProjector.Run(_flows, _scenario.Funds);
}
