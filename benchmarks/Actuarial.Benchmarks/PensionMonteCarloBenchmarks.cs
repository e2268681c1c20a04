using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Labour;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using Actuarial.Stochastic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Actuarial.Benchmarks;

/// <summary>
/// Monte Carlo on the full pension projection (<see cref="PensionPathEvaluator"/>): every driver on
/// (<see cref="PensionMonteCarlo.DefaultShocks"/>), 31-province population 2020–2100, labour, scheme with the baseline
/// calibration and 31 fund ledgers 2025–2100. Whole runs of 1,000 paths on all cores (the target: under 10 s on
/// 2 cores), with and without the 31 provincial balance series, and one path on one thread split into its parts.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class PensionMonteCarloBenchmarks
{
    private PensionPathEvaluator _evaluator = null!;
    private PensionPathEvaluator _nationalOnly = null!;
    private IPathWorker _worker = null!;
    private PathOutput _output = null!;
    private CompiledDemography _demography = null!;
    private ProjectionBuffers _buffers = null!;
    private SchemeAssumptions _scheme = null!;
    private FundFlows _flows = null!;
    private PensionScenario _scenario = null!;
    private long _path;

    /// <summary>Paths per run.</summary>
    [Params(1_000)]
    public int Paths { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ChinaDefaults.PensionScenario();
        var settings = new PensionMonteCarloSettings { Scenario = _scenario, Shocks = PensionMonteCarlo.DefaultShocks() };
        _evaluator = new PensionPathEvaluator(settings);
        _nationalOnly = new PensionPathEvaluator(settings with { ProvincialBalances = false, Calibration = _evaluator.Calibration });
        _worker = _evaluator.CreateWorker();
        _output = new PathOutput(_evaluator.Series);
        _demography = DemographicProjector.Compile(_scenario.Demography);
        _buffers = new ProjectionBuffers(_demography);
        var central = _evaluator.RunCentral();
        _scheme = central.Scheme.Assumptions;
        _flows = central.Funds.Flows;
        MonteCarlo.Run(8, 1, 0, _evaluator);
        MonteCarlo.Run(8, 1, 0, _nationalOnly);
    }

    /// <summary>One worker per core: with the runner's default (−1) the thread pool injects threads while paths run for tens
    /// of milliseconds, and each extra thread builds another worker (a compiled 31-province demography and its buffers,
    /// about 60 MB, and its own summary).</summary>
    private static readonly MonteCarloOptions AllCores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    [Benchmark(Description = "N full provincial paths 2020-2100, all cores")]
    public MonteCarloSummary Run() => MonteCarlo.Run(Paths, 2024, 0, _evaluator, AllCores);

    [Benchmark(Description = "N paths, national and lowest-province balances only, all cores")]
    public MonteCarloSummary RunNationalOnly() => MonteCarlo.Run(Paths, 2024, 0, _nationalOnly, AllCores);

    [Benchmark(Description = "one path: everything (shocks, population, labour, scheme, funds)", OperationsPerInvoke = 20)]
    public void OnePath()
    {
        for (int i = 0; i < 20; i++)
        {
            var random = PathRandom.ForPath(7, _path);
            _worker.Evaluate(_path++, ref random, _output);
        }
    }

    [Benchmark(Description = "one path part: population year loop (31 provinces, no recompile)", OperationsPerInvoke = 20)]
    public void Population()
    {
        for (int i = 0; i < 20; i++) DemographicProjector.RunInto(_demography, _buffers);
    }

    [Benchmark(Description = "one path part: labour recompile with a shocked wage path", OperationsPerInvoke = 20)]
    public object Labour()
    {
        CompiledLabourModel model = null!;
        for (int i = 0; i < 20; i++)
        {
            model = _scenario.Labour.WithLever(LabourLever.WageGrowth, _scenario.Labour.WageGrowth.Map((year, g) => g + 0.001)).Compile();
        }
        return model;
    }

    [Benchmark(Description = "one path part: scheme 2024-2100 (calibrated)", OperationsPerInvoke = 5)]
    public SchemeProjection Scheme()
    {
        SchemeProjection result = null!;
        for (int i = 0; i < 5; i++) result = SchemeProjector.Run(_scheme, _evaluator.Calibration);
        return result;
    }

    [Benchmark(Description = "one path part: 31 ledgers + pooling 2025-2100", OperationsPerInvoke = 20)]
    public FundProjection Funds()
    {
        FundProjection result = null!;
        for (int i = 0; i < 20; i++) result = FundProjector.Run(_flows, _scenario.Funds);
        return result;
    }
}
