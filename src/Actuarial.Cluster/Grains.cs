using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using Orleans.Placement;

namespace Actuarial.Cluster;

/// <summary>A shard of a Monte Carlo job: paths [FirstPath, FirstPath + PathCount) of the scenario file's Monte Carlo with the seed.</summary>
/// <param name="ScenarioJson">The scenario file's text (every node rebuilds the same scenario from it).</param>
/// <param name="Source">The file's name in messages.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="FirstPath">Global index of the shard's first path.</param>
/// <param name="PathCount">Paths in the shard.</param>
/// <param name="Threads">Worker threads on the silo (−1: one per core of the silo's machine).</param>
[GenerateSerializer, Immutable]
public sealed record MonteCarloShard(
    [property: Id(0)] string ScenarioJson, [property: Id(1)] string Source, [property: Id(2)] ulong Seed,
    [property: Id(3)] int FirstPath, [property: Id(4)] int PathCount, [property: Id(5)] int Threads);

/// <summary>A shard's result: its summary (<see cref="MonteCarloSummary.ToBytes"/>, exact), the central depletion year, and the silo that ran it.</summary>
/// <param name="FirstPath">The shard's first path.</param>
/// <param name="PathCount">Its paths.</param>
/// <param name="Summary">The summary's bytes.</param>
/// <param name="CentralDepletionYear">Depletion year of the scenario's deterministic projection.</param>
/// <param name="Silo">The silo that ran the shard (for the log).</param>
[GenerateSerializer, Immutable]
public sealed record MonteCarloShardResult(
    [property: Id(0)] int FirstPath, [property: Id(1)] int PathCount, [property: Id(2)] byte[] Summary,
    [property: Id(3)] int? CentralDepletionYear, [property: Id(4)] string Silo);

/// <summary>One sweep point of a shard; an empty key is the base run.</summary>
/// <param name="Index">The point's place in the job (−1 for the base).</param>
/// <param name="Key">Scenario-file key.</param>
/// <param name="FirstYear">The value's first year.</param>
/// <param name="Values">The value, one per year from <paramref name="FirstYear"/>.</param>
[GenerateSerializer, Immutable]
public sealed record SweepShardPoint([property: Id(0)] int Index, [property: Id(1)] string Key, [property: Id(2)] int FirstYear, [property: Id(3)] double[] Values);

/// <summary>A shard of a sweep: some points of the job around one scenario file.</summary>
/// <param name="ScenarioJson">The base scenario file's text.</param>
/// <param name="Source">Its name in messages.</param>
/// <param name="Points">The points to run.</param>
[GenerateSerializer, Immutable]
public sealed record SweepShard([property: Id(0)] string ScenarioJson, [property: Id(1)] string Source, [property: Id(2)] SweepShardPoint[] Points);

/// <summary>One run of a sweep shard (the fields of <see cref="SweepRow"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record SweepShardRow(
    [property: Id(0)] int Index, [property: Id(1)] string Key, [property: Id(2)] string Value, [property: Id(3)] string Route,
    [property: Id(4)] int? FirstCurrentDeficitYear, [property: Id(5)] int? DepletionYear, [property: Id(6)] double? ActuarialBalanceShareOfWageBill,
    [property: Id(7)] int ValuationYears, [property: Id(8)] int LastYear)
{
    /// <summary>The library's row.</summary>
    internal SweepRow ToRow() => new(Key, Value, Route, new SweepMeasures(FirstCurrentDeficitYear, DepletionYear, ActuarialBalanceShareOfWageBill, ValuationYears, LastYear));
}

/// <summary>A sweep shard's result.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepShardResult([property: Id(0)] SweepShardRow[] Rows, [property: Id(1)] string Silo);

/// <summary>A grain that runs one shard. The key names the job, the shard and the attempt, so a re-run after a silo
/// failure is a new activation, placed on a live silo.</summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>The silo the grain is activated on (the client watches it: if that silo dies, the shard runs again elsewhere).</summary>
    Task<string> Silo();
}

/// <summary>Runs one Monte Carlo shard.</summary>
public interface IMonteCarloShardGrain : IShardGrain
{
    /// <summary>Runs the shard's paths (minutes for a large shard: the call may take up to <see cref="ClusterHosting.ShardCallTimeout"/>).</summary>
    [ResponseTimeout("06:00:00")]
    Task<MonteCarloShardResult> Run(MonteCarloShard shard, CancellationToken cancellationToken = default);
}

/// <summary>Runs one sweep shard.</summary>
public interface ISweepShardGrain : IShardGrain
{
    /// <summary>Runs the shard's points.</summary>
    [ResponseTimeout("06:00:00")]
    Task<SweepShardResult> Run(SweepShard shard, CancellationToken cancellationToken = default);
}

/// <summary>
/// The path evaluators a silo has built, by scenario text: building one calibrates the scenario (a deterministic run,
/// seconds), so every shard of a job on a silo shares it. Evaluators are immutable after construction and give each
/// worker thread its own buffers, so sharing them between grains is safe.
/// </summary>
public sealed class EvaluatorCache
{
    private readonly ConcurrentDictionary<string, Lazy<(PensionPathEvaluator Evaluator, int? CentralDepletionYear, PathWorkerPool Workers)>> _byScenario = new();

    /// <summary>How many evaluators were built (the rest were reused).</summary>
    public int Built => _byScenario.Count;

    /// <summary>The evaluator of a scenario file's text, its central depletion year, and its pool of workers (a worker
    /// copies the compiled demography, about a second to build: shards on this silo reuse them).</summary>
    internal (PensionPathEvaluator Evaluator, int? CentralDepletionYear, PathWorkerPool Workers) For(string json, string source)
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + json)));
        var lazy = _byScenario.GetOrAdd(key, _ => new(() =>
        {
            var scenario = ScenarioFile.Parse(json, source, Path.GetFileNameWithoutExtension(source)).ToScenario();
            var evaluator = ScenarioMonteCarlo.Evaluator(scenario);
            return (evaluator, evaluator.RunCentral().Summary().DepletionYear, new PathWorkerPool(evaluator));
        }));
        return lazy.Value;
    }
}

/// <summary>The Monte Carlo shard grain: the library's <see cref="MonteCarlo.Run"/> on the silo's thread pool (not the
/// grain scheduler, which must stay free for messages), returning the exact summary.</summary>
[ActivationCountBasedPlacement]
internal sealed class MonteCarloShardGrain(EvaluatorCache cache, ILocalSiloDetails silo) : Grain, IMonteCarloShardGrain
{
    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    public async Task<MonteCarloShardResult> Run(MonteCarloShard shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var result = await Task.Run(() =>
        {
            var (evaluator, central, workers) = cache.For(shard.ScenarioJson, shard.Source);
            var summary = MonteCarlo.Run(shard.PathCount, shard.Seed, shard.FirstPath, evaluator,
                new MonteCarloOptions { MaxDegreeOfParallelism = shard.Threads, CancellationToken = cancellationToken, Workers = workers });
            return new MonteCarloShardResult(shard.FirstPath, shard.PathCount, summary.ToBytes(), central, silo.SiloAddress.ToString());
        }, cancellationToken);
        DeactivateOnIdle(); // one shard per activation: its key is never called again
        return result;
    }
}

/// <summary>The sweep shard grain: each point run as <see cref="ScenarioSweep.Evaluate"/> runs it on one machine.</summary>
[ActivationCountBasedPlacement]
internal sealed class SweepShardGrain(ILocalSiloDetails silo) : Grain, ISweepShardGrain
{
    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    public async Task<SweepShardResult> Run(SweepShard shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var result = await Task.Run(() =>
        {
            var sweep = new ScenarioSweep(shard.ScenarioJson, shard.Source);
            var runner = new ScenarioFileRunner();
            var rows = new List<SweepShardRow>();
            foreach (var p in shard.Points)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = p.Key.Length == 0 ? sweep.EvaluateBase(runner) : sweep.Evaluate(new SweepPoint(p.Key, new LeverPath(p.FirstYear, p.Values)), runner);
                var m = row.Measures;
                rows.Add(new SweepShardRow(p.Index, row.Key, row.Value, row.Route, m.FirstCurrentDeficitYear, m.DepletionYear, m.ActuarialBalanceShareOfWageBill, m.ValuationYears, m.LastYear));
            }
            return new SweepShardResult(rows.ToArray(), silo.SiloAddress.ToString());
        }, cancellationToken);
        DeactivateOnIdle();
        return result;
    }
}
