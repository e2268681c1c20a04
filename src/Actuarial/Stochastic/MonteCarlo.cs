using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Actuarial.Stochastic;

/// <summary>Options of a Monte Carlo run (<see cref="PensionPathEvaluator.Run"/>); none of them changes the results.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Worker threads at most; −1 (default) for as many as the machine has. The results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Paths handed to a thread at a time (load balancing only; the results do not depend on it).</summary>
    internal int BlockSize { get; init; } = 16;

    /// <summary>Keep every path's values in the summary (memory then grows with the paths).</summary>
    internal bool KeepPaths { get; init; }

    /// <summary>Cancels the run.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Workers (with their buffers) to reuse from earlier runs of the same evaluator, and to return them to after
    /// this run; null (default) creates them for the run. Building a worker of the provincial evaluator copies a compiled
    /// 31-province demography (about a second), so a machine that runs many small shards keeps a pool. The results do not
    /// depend on it: a worker carries no state from one path to the next.</summary>
    internal PathWorkerPool? Workers { get; init; }

    /// <summary>Called from a worker thread after each block of paths with the number of paths it just finished (for a
    /// progress display; calls may come from several threads at once, so the callee must be thread-safe).</summary>
    public Action<int>? PathsCompleted { get; init; }
}

/// <summary>
/// Runs Monte Carlo paths in parallel and summarises them. Path i (global index) draws from
/// <see cref="PathRandom.ForPath"/>(seed, i) and nothing else, so the summary of a run is the same bit for bit whatever
/// the number of threads, the scheduling, or the split into shards: a run of paths [a, b) merged with a run of [b, c)
/// (<see cref="MonteCarloSummary.Merge"/>) equals the run of [a, c).
/// </summary>
/// <remarks>
/// Each worker thread takes a pooled state (an <see cref="IPathWorker"/> with its buffers, a <see cref="PathOutput"/>
/// and a thread-local <see cref="MonteCarloSummary"/>), runs blocks of paths into it, and the thread-local summaries
/// are merged at the end. Merging is exact in any order: histogram and depletion counts are integers, min/max are
/// order-free, and the sums behind the means are kept as exact expansions (<see cref="SeriesSummary"/>), so no
/// floating-point sum depends on which thread ran which path.
/// </remarks>
internal static class MonteCarlo
{
    /// <summary>Runs paths firstPath … firstPath + pathCount − 1 and returns their summary.</summary>
    /// <param name="pathCount">Number of paths (≥ 0).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="firstPath">Global index of the first path (the shard's start; 0 for a whole run).</param>
    /// <param name="evaluator">What a path is.</param>
    /// <param name="options">Threads, block size, whether to keep paths; null for the defaults.</param>
    public static MonteCarloSummary Run(int pathCount, ulong seed, int firstPath, IPathEvaluator evaluator, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentOutOfRangeException.ThrowIfNegative(pathCount);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPath);
        options ??= new MonteCarloOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockSize, 1);
        if (options.MaxDegreeOfParallelism == 0 || options.MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be −1 or ≥ 1");
        }
        if (options.Workers is { } workers && !ReferenceEquals(workers.Evaluator, evaluator))
        {
            throw new ArgumentException("the worker pool belongs to another evaluator", nameof(options));
        }
        var series = evaluator.Series;
        var total = new MonteCarloSummary(series, options.KeepPaths, seed);
        if (pathCount == 0) return total;

        var pool = new ConcurrentBag<WorkerState>();
        var all = new List<WorkerState>();
        WorkerState Rent()
        {
            if (pool.TryTake(out var s)) return s;
            var created = new WorkerState(options.Workers?.Rent() ?? evaluator.CreateWorker(), new PathOutput(series), new MonteCarloSummary(series, options.KeepPaths, seed));
            lock (all) all.Add(created);
            return created;
        }

        long end = (long)firstPath + pathCount;
        try
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create((long)firstPath, end, options.BlockSize),
                // −1 means one worker per core: the thread pool would otherwise inject threads while long paths run,
                // and each extra thread builds its own workspace (tens of MB for a provincial projection).
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism,
                    CancellationToken = options.CancellationToken,
                },
                Rent,
                (range, _, state) =>
                {
                    for (long i = range.Item1; i < range.Item2; i++) state.RunPath(seed, i);
                    options.PathsCompleted?.Invoke((int)(range.Item2 - range.Item1));
                    return state;
                },
                pool.Add);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            if (options.Workers is { } idle) foreach (var state in all) idle.Return(state.Worker);
        }
        foreach (var state in all) total.MergeFrom(state.Summary);
        return total;
    }

    /// <summary>Evaluates a single path (the one a run would evaluate as path <paramref name="pathIndex"/>) and returns its values, one array per series.</summary>
    internal static IReadOnlyList<double[]> EvaluatePath(IPathEvaluator evaluator, ulong seed, long pathIndex)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var output = new PathOutput(evaluator.Series);
        output.Reset();
        var random = PathRandom.ForPath(seed, pathIndex);
        evaluator.CreateWorker().Evaluate(pathIndex, ref random, output);
        return Enumerable.Range(0, evaluator.Series.Count).Select(i => output.Raw(i).ToArray()).ToArray();
    }

    private sealed class WorkerState(IPathWorker worker, PathOutput output, MonteCarloSummary summary)
    {
        public MonteCarloSummary Summary { get; } = summary;

        public IPathWorker Worker => worker;

        public void RunPath(ulong seed, long pathIndex)
        {
            output.Reset();
            var random = PathRandom.ForPath(seed, pathIndex);
            worker.Evaluate(pathIndex, ref random, output);
            Summary.Record(pathIndex, output);
        }
    }
}

/// <summary>
/// Idle path workers of one evaluator, kept between runs (<see cref="MonteCarloOptions.Workers"/>): a run takes what it
/// needs and returns them at its end. Thread-safe; a worker is used by one run's thread at a time.
/// </summary>
internal sealed class PathWorkerPool
{
    private readonly ConcurrentBag<IPathWorker> _idle = [];

    /// <summary>A pool for <paramref name="evaluator"/>'s workers.</summary>
    public PathWorkerPool(IPathEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        Evaluator = evaluator;
    }

    /// <summary>The evaluator whose workers the pool holds.</summary>
    internal IPathEvaluator Evaluator { get; }

    /// <summary>Workers idle in the pool.</summary>
    internal int IdleCount => _idle.Count;

    internal IPathWorker Rent() => _idle.TryTake(out var worker) ? worker : Evaluator.CreateWorker();

    internal void Return(IPathWorker worker) => _idle.Add(worker);
}
