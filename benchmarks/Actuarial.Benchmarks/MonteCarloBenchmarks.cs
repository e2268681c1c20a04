using Actuarial.China;
using Actuarial.Demography;
using Actuarial.IO;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Actuarial.Benchmarks;

/// <summary>
/// Monte Carlo on the national example evaluator (<see cref="NationalExampleEvaluator"/>): every driver on (Lee–Carter
/// index with drift uncertainty fitted to WPP 2024, log-TFR AR(1), wages, returns, coverage, correlated), national
/// demography 2020–2100 shocked from 2024, 31 provincial fund ledgers 2025–2100. Whole runs of N paths on all cores
/// (the target: 10,000 national paths under 2 s on 2 cores), and one path on one thread split into its parts.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MonteCarloBenchmarks
{
    private NationalExampleEvaluator _evaluator = null!;
    private IPathWorker _worker = null!;
    private PathOutput _output = null!;
    private ShockPath _shocks = null!;
    private CompiledDemography _demography = null!;
    private ProjectionBuffers _buffers = null!;
    private long _path;

    /// <summary>Paths per run.</summary>
    [Params(1_000, 10_000)]
    public int Paths { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = new NationalExampleEvaluator(new NationalExampleSettings { Shocks = Shocks() });
        _worker = _evaluator.CreateWorker();
        _output = new PathOutput(_evaluator.Series);
        _shocks = _evaluator.Shocks.CreatePath();
        _demography = DemographicProjector.Compile(_evaluator.Settings.Demography);
        _buffers = new ProjectionBuffers(_demography);
        MonteCarlo.Run(50, 1, 0, _evaluator);
    }

    [Benchmark(Description = "N national paths 2020-2100, all cores")]
    public MonteCarloSummary Run() => MonteCarlo.Run(Paths, 2024, 0, _evaluator);

    [Benchmark(Description = "N/10 paths, 1 thread")]
    public MonteCarloSummary RunOneThread() => MonteCarlo.Run(Paths / 10, 2024, 0, _evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 1 });

    [Benchmark(Description = "one path: draw shocks only", OperationsPerInvoke = 1000)]
    public void DrawShocks()
    {
        for (int i = 0; i < 1000; i++)
        {
            var random = PathRandom.ForPath(7, _path++);
            _evaluator.Shocks.Draw(ref random, _shocks);
        }
    }

    [Benchmark(Description = "one path: demographic year loop only (no recompile)", OperationsPerInvoke = 100)]
    public void DemographyOnly()
    {
        for (int i = 0; i < 100; i++) DemographicProjector.RunInto(_demography, _buffers);
    }

    [Benchmark(Description = "one path: everything (shocks, recompile, demography, funds)", OperationsPerInvoke = 100)]
    public void OnePath()
    {
        for (int i = 0; i < 100; i++)
        {
            var random = PathRandom.ForPath(7, _path);
            _worker.Evaluate(_path++, ref random, _output);
        }
    }

    internal static ShockModel Shocks()
    {
        var corr = new double[ShockModel.DriverCount, ShockModel.DriverCount];
        for (int i = 0; i < ShockModel.DriverCount; i++) corr[i, i] = 1;
        corr[(int)ShockDriver.WageGrowth, (int)ShockDriver.InvestmentReturn] = corr[(int)ShockDriver.InvestmentReturn, (int)ShockDriver.WageGrowth] = 0.4;
        return new ShockModel
        {
            FirstYear = 2024,
            LastYear = 2100,
            Mortality = MortalityShock.FromLeeCarter(Fit(Dimensions.Sex.Male), Fit(Dimensions.Sex.Female), includeDriftUncertainty: true),
            Fertility = new Ar1Shock(0.05, 0.9),
            WageGrowth = new Ar1Shock(0.01, 0.5),
            InvestmentReturn = new Ar1Shock(0.03),
            Coverage = new Ar1Shock(0.02, 0.8),
            Correlation = corr,
        };
    }

    private static LeeCarterModel Fit(Dimensions.Sex sex)
    {
        var want = sex == Dimensions.Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        var periods = ChinaData.Wpp2024MxAbridged()
            .Where(r => r.Sex == want && r.PeriodStart >= ChinaDefaults.MortalityFitFirstPeriod && r.PeriodStart <= ChinaDefaults.MortalityJumpOffPeriod)
            .GroupBy(r => r.PeriodStart).OrderBy(g => g.Key).Select(g => g.OrderBy(r => r.AgeGroup.Start).Select(r => r.Mx).ToArray()).ToArray();
        return LeeCarterModel.FitAbridged(periods, sex, ChinaDefaults.MortalityFitFirstPeriod);
    }
}
