using System.Globalization;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actuarial.Cluster;

/// <summary>How a job is split and retried; none of it changes the result.</summary>
public sealed record ClusterJobOptions
{
    /// <summary>Monte Carlo shards (0: four per silo of the cluster, at least one; a shard is at least one path).</summary>
    public int Shards { get; init; }

    /// <summary>Worker threads per shard on its silo (−1: one per core of that machine).</summary>
    public int ThreadsPerShard { get; init; } = -1;

    /// <summary>Sweep points per shard (runs are seconds each: one point per shard spreads them best).</summary>
    public int SweepPointsPerShard { get; init; } = 1;

    /// <summary>Attempts per shard before the job fails (a failed attempt, e.g. its silo died, is re-run as a new grain,
    /// which the cluster places on a live silo).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Send every shard twice, to two grains, and keep the first result (against a slow machine); the second is a
    /// duplicate and counts nothing.</summary>
    public bool Hedge { get; init; }

    /// <summary>Shards in flight at once (0: all).</summary>
    public int MaxInFlight { get; init; }
}

/// <summary>What a job did besides its result: attempts, failures re-run, duplicates ignored, and the silos used.</summary>
/// <param name="Shards">Shards of the job.</param>
/// <param name="Attempts">Calls made (shards × hedging, plus re-runs).</param>
/// <param name="FailedAttempts">Calls that failed and were re-run.</param>
/// <param name="DuplicatesIgnored">Results that arrived for a shard already done.</param>
/// <param name="Silos">Distinct silos that returned a result.</param>
public sealed record ClusterJobReport(int Shards, int Attempts, int FailedAttempts, int DuplicatesIgnored, IReadOnlyList<string> Silos);

/// <summary>
/// Collects the results of a job's shards: each shard counts once (a later result for a done shard is a duplicate and is
/// ignored), and <see cref="Results"/> hands them back in shard order, so merging them is the same whatever order they
/// arrived in (and the summaries merge exactly in any order anyway).
/// </summary>
/// <typeparam name="T">A shard's result.</typeparam>
public sealed class ShardCollector<T>(int shards) where T : class
{
    private readonly T?[] _results = new T?[shards];
    private int _duplicates;

    /// <summary>Results that came for a shard already done.</summary>
    public int DuplicatesIgnored => Volatile.Read(ref _duplicates);

    /// <summary>Records a shard's result; false (and counted as a duplicate) when the shard already has one.</summary>
    public bool Offer(int shard, T result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Interlocked.CompareExchange(ref _results[shard], result, null) is null) return true;
        Interlocked.Increment(ref _duplicates);
        return false;
    }

    /// <summary>Whether the shard has its result.</summary>
    public bool IsDone(int shard) => Volatile.Read(ref _results[shard]) is not null;

    /// <summary>Every shard's result in shard order.</summary>
    /// <exception cref="InvalidOperationException">A shard has no result.</exception>
    public IReadOnlyList<T> Results()
    {
        for (int i = 0; i < _results.Length; i++)
        {
            if (_results[i] is null) throw new InvalidOperationException($"shard {i} has no result");
        }
        return _results!;
    }
}

/// <summary>
/// Runs Monte Carlo and sweep jobs on an Orleans cluster: splits a job into shards, sends each to a grain, re-runs a
/// shard whose call fails (its silo died, a timeout) as a new grain, ignores a second result for a shard, merges in shard
/// order and reports progress. The result is the one-machine result bit for bit: a Monte Carlo path depends only on
/// (seed, path index), a shard's summary travels as exact bytes (<see cref="MonteCarloSummary.ToBytes"/>) and summaries
/// merge exactly; a sweep point is the same computation on any machine.
/// </summary>
public sealed class ClusterJobs(IGrainFactory grains, ClusterJobOptions? options = null, ILogger? logger = null)
{
    private readonly ClusterJobOptions _options = options ?? new ClusterJobOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The report of the last job.</summary>
    public ClusterJobReport? LastReport { get; private set; }

    /// <summary>The shards of <paramref name="paths"/> paths: <paramref name="shards"/> near-equal ranges [first, first + count).</summary>
    public static IReadOnlyList<(int First, int Count)> Split(int paths, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shards);
        shards = Math.Min(shards, paths);
        var result = new List<(int, int)>(shards);
        int first = 0;
        for (int i = 0; i < shards; i++)
        {
            int count = paths / shards + (i < paths % shards ? 1 : 0);
            result.Add((first, count));
            first += count;
        }
        return result;
    }

    /// <summary>Runs paths 0 … <paramref name="paths"/> − 1 of the scenario file's Monte Carlo on the cluster and returns
    /// the merged summary and the central depletion year; <paramref name="progress"/> hears the paths of each shard done.</summary>
    public async Task<(MonteCarloSummary Summary, int? CentralDepletionYear)> MonteCarloAsync(string scenarioJson, string source, int paths, ulong seed,
        int silos, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarioJson);
        ArgumentNullException.ThrowIfNull(source);
        int shardCount = _options.Shards > 0 ? _options.Shards : Math.Max(1, 4 * Math.Max(1, silos));
        var ranges = Split(paths, shardCount);
        string job = Guid.NewGuid().ToString("N");
        var collector = new ShardCollector<MonteCarloShardResult>(ranges.Count);
        await RunShards(ranges.Count, collector, async (shard, attempt, ct) =>
        {
            var (first, count) = ranges[shard];
            var grain = grains.GetGrain<IMonteCarloShardGrain>(string.Create(CultureInfo.InvariantCulture, $"mc/{job}/{shard}/{attempt}"));
            var result = await Watched(grain, g => g.Run(new MonteCarloShard(scenarioJson, source, seed, first, count, _options.ThreadsPerShard), ct), ct);
            if (result.FirstPath != first || result.PathCount != count)
            {
                throw new InvalidOperationException($"shard {shard}: a result for paths [{result.FirstPath}, +{result.PathCount}) instead of [{first}, +{count})");
            }
            return result;
        }, r => progress?.Invoke(r.PathCount), r => r.Silo, cancellationToken);
        var results = collector.Results();
        var merged = new MonteCarloSummary(MonteCarloSummary.FromBytes(results[0].Summary).Specs, seed: seed);
        foreach (var r in results) merged.MergeFrom(MonteCarloSummary.FromBytes(r.Summary));
        return (merged, results[0].CentralDepletionYear);
    }

    /// <summary>Runs the base and the points of a sweep on the cluster; <paramref name="progress"/> hears each run done.
    /// The rows are in the order of <paramref name="points"/>, as <see cref="ScenarioSweep.Run(IReadOnlyList{SweepPoint}, Action{int, int}?)"/> gives them.</summary>
    public async Task<SweepResult> SweepAsync(ScenarioSweep sweep, IReadOnlyList<SweepPoint> points, Action<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(points);
        sweep.Check(points);
        var all = new List<SweepShardPoint> { new(-1, "", Levers.FirstLeverYear, []) };
        all.AddRange(points.Select((p, i) => new SweepShardPoint(i, p.Key, p.Value.FirstYear, p.Value.Values.ToArray())));
        int per = Math.Max(1, _options.SweepPointsPerShard);
        var shards = all.Chunk(per).ToArray();
        string job = Guid.NewGuid().ToString("N");
        var collector = new ShardCollector<SweepShardResult>(shards.Length);
        await RunShards(shards.Length, collector, async (shard, attempt, ct) =>
        {
            var grain = grains.GetGrain<ISweepShardGrain>(string.Create(CultureInfo.InvariantCulture, $"sweep/{job}/{shard}/{attempt}"));
            var result = await Watched(grain, g => g.Run(new SweepShard(sweep.Json, sweep.Source, shards[shard]), ct), ct);
            if (!result.Rows.Select(r => r.Index).SequenceEqual(shards[shard].Select(p => p.Index)))
            {
                throw new InvalidOperationException($"sweep shard {shard}: rows for other points than sent");
            }
            return result;
        }, r => progress?.Invoke(r.Rows.Length), r => r.Silo, cancellationToken);
        var rows = collector.Results().SelectMany(r => r.Rows).OrderBy(r => r.Index).ToList();
        return new SweepResult(sweep.File.Name, rows[0].ToRow(), rows.Skip(1).Select(r => r.ToRow()).ToArray(), []);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<CancellationTokenSource, string> _running = new();
    private int _abandoned;

    /// <summary>Attempts abandoned because their silo died (over this instance's jobs).</summary>
    public int AbandonedOnDeadSilos => Volatile.Read(ref _abandoned);

    /// <summary>How often the client checks that the silos running its shards are alive.</summary>
    public static TimeSpan WatchInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs a call on a shard grain while watching its silo: the grain first says where it is activated; if the cluster
    /// then declares that silo dead, the call is abandoned (a call in flight on a dead silo would otherwise wait for the
    /// response timeout) and the attempt fails, so the shard runs again as a new grain.
    /// </summary>
    private async Task<T> Watched<TGrain, T>(TGrain grain, Func<TGrain, Task<T>> call, CancellationToken ct) where TGrain : IShardGrain
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var where = grain.Silo();
        if (await Task.WhenAny(where, Task.Delay(TimeSpan.FromSeconds(60), attempt.Token)) != where)
        {
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException("the shard grain did not activate within 60 s");
        }
        _running[attempt] = await where;
        try
        {
            var task = call(grain);
            var abandoned = Task.Delay(Timeout.Infinite, attempt.Token);
            if (await Task.WhenAny(task, abandoned) != task)
            {
                _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observe the abandoned call's fault
                ct.ThrowIfCancellationRequested();
                throw new SiloUnavailableException($"silo {_running[attempt]} died while running the shard");
            }
            return await task;
        }
        finally
        {
            _running.TryRemove(attempt, out _);
        }
    }

    /// <summary>Cancels the attempts whose silo is no longer active, until <paramref name="stop"/>.</summary>
    private async Task Watch(CancellationToken stop)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, stop);
                if (_running.IsEmpty) continue;
                var active = (await management.GetHosts(onlyActive: true)).Keys.Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
                foreach (var (cts, silo) in _running)
                {
                    if (!active.Contains(silo))
                    {
                        _logger.LogWarning("silo {Silo} is no longer active; its shards run again elsewhere", silo);
                        Interlocked.Increment(ref _abandoned);
                        try
                        {
                            cts.Cancel();
                        }
                        catch (ObjectDisposedException)
                        {
                            // the attempt ended meanwhile
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogWarning(e, "cannot read the cluster's membership; trying again");
            }
        }
    }

    /// <summary>Sends every shard (twice when hedging), re-runs failed attempts as new grains, stops at cancellation.</summary>
    private async Task RunShards<T>(int shards, ShardCollector<T> collector, Func<int, int, CancellationToken, Task<T>> call,
        Action<T> done, Func<T, string> siloOf, CancellationToken cancellationToken) where T : class
    {
        int attempts = 0, failed = 0;
        var silos = new HashSet<string>(StringComparer.Ordinal);
        using var throttle = new SemaphoreSlim(_options.MaxInFlight > 0 ? _options.MaxInFlight : int.MaxValue);
        async Task Shard(int shard, int copy)
        {
            for (int attempt = copy; ; attempt += 2)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (collector.IsDone(shard) && attempt > 1) return; // the other copy finished while this one was failing
                Interlocked.Increment(ref attempts);
                await throttle.WaitAsync(cancellationToken);
                try
                {
                    var result = await call(shard, attempt, cancellationToken);
                    lock (silos) silos.Add(siloOf(result));
                    if (collector.Offer(shard, result)) done(result);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    if (attempt / 2 + 1 >= _options.MaxAttempts)
                    {
                        throw new InvalidOperationException($"shard {shard} failed {_options.MaxAttempts} times; the last error: {e.Message}", e);
                    }
                    _logger.LogWarning(e, "shard {Shard} attempt {Attempt} failed; running it again as a new grain", shard, attempt);
                }
                finally
                {
                    throttle.Release();
                }
            }
        }
        using var stopWatching = new CancellationTokenSource();
        var watcher = Watch(stopWatching.Token);
        var tasks = new List<Task>();
        for (int s = 0; s < shards; s++)
        {
            tasks.Add(Shard(s, 0));
            if (_options.Hedge) tasks.Add(Shard(s, 1));
        }
        try
        {
            await Task.WhenAll(tasks);
        }
        finally
        {
            stopWatching.Cancel();
            await watcher;
        }
        LastReport = new ClusterJobReport(shards, attempts, failed, collector.DuplicatesIgnored, silos.Order(StringComparer.Ordinal).ToArray());
    }
}
