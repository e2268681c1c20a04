using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Scenarios;
using Actuarial.Scheme;
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
    }

    [Benchmark(Description = "population 2020-2100 (31 provinces)")]
    public void Population() => DemographicProjector.RunInto(_demography, _buffers);

    [Benchmark(Description = "scheme 2024-2100 (31 provinces, calibrated)")]
    public SchemeProjection Scheme() => SchemeProjector.Run(_scheme, _calibration);

    [Benchmark(Description = "31 ledgers + pooling 2025-2100")]
    public FundProjection Funds() => FundProjector.Run(_flows, _scenario.Funds);
}
