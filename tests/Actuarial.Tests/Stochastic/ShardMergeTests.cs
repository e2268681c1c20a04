using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Stochastic;

/// <summary>Issue 16: a summary knows its seed and paths, and a merge refuses shards that would double-count or mix runs.</summary>
[TestFixture]
public sealed class ShardMergeTests
{
    private static readonly SeriesSpec[] Series = [new SeriesSpec("walk", 2025, 2040, -50, 50, 20, TrackDepletion: true)];

    private static readonly DelegatePathEvaluator Walk = new(Series, (long path, ref PathRandom random, PathOutput output) =>
    {
        var values = output.Values(0);
        double level = 10;
        for (int t = 0; t < values.Length; t++)
        {
            level += random.NextDouble() - 0.5;
            values[t] = level;
        }
    });

    [Test]
    public void A_summary_sent_as_bytes_comes_back_identical_and_merges_as_the_original([Values(false, true)] bool keepPaths)
    {
        var options = new MonteCarloOptions { KeepPaths = keepPaths, MaxDegreeOfParallelism = 2, BlockSize = 5 };
        var first = MonteCarlo.Run(37, 9, 0, Walk, options);
        var second = MonteCarlo.Run(63, 9, 37, Walk, options);
        var firstBack = MonteCarloSummary.FromBytes(first.ToBytes());
        Assert.That(firstBack.IsIdenticalTo(first), Is.True);
        var whole = MonteCarlo.Run(100, 9, 0, Walk, options with { MaxDegreeOfParallelism = 1 });
        // Shards merged in either order after the trip equal the one-machine run bit for bit.
        Assert.That(MonteCarloSummary.Merge(MonteCarloSummary.FromBytes(second.ToBytes()), firstBack).IsIdenticalTo(whole), Is.True);
        Assert.That(MonteCarloSummary.FromBytes(whole.ToBytes()).ToBytes(), Is.EqualTo(whole.ToBytes()));
        var bytes = first.ToBytes();
        Assert.Throws<ArgumentException>(() => MonteCarloSummary.FromBytes(bytes[..^1]));
    }

    [Test]
    public void Runs_that_reuse_a_pool_of_workers_give_the_same_summary()
    {
        var pool = new PathWorkerPool(Walk);
        var first = MonteCarlo.Run(30, 4, 0, Walk, new MonteCarloOptions { Workers = pool, MaxDegreeOfParallelism = 2 });
        Assert.That(pool.IdleCount, Is.InRange(1, 2), "the run's workers are back in the pool");
        var second = MonteCarlo.Run(30, 4, 30, Walk, new MonteCarloOptions { Workers = pool, MaxDegreeOfParallelism = 2 });
        Assert.That(MonteCarloSummary.Merge(first, second).IsIdenticalTo(MonteCarlo.Run(60, 4, 0, Walk)), Is.True);
        var other = new DelegatePathEvaluator(Series, (long path, ref PathRandom random, PathOutput output) => { });
        Assert.Throws<ArgumentException>(() => MonteCarlo.Run(1, 4, 0, other, new MonteCarloOptions { Workers = pool }));
    }

    [Test]
    public void Progress_hears_every_path_once()
    {
        long heard = 0;
        MonteCarlo.Run(101, 3, 0, Walk, new MonteCarloOptions { BlockSize = 7, MaxDegreeOfParallelism = 2, PathsCompleted = n => Interlocked.Add(ref heard, n) });
        Assert.That(heard, Is.EqualTo(101));
    }

    [Test]
    public void A_summary_carries_its_seed_and_path_ranges()
    {
        var shard = MonteCarlo.Run(40, 7, 100, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 2, BlockSize = 3 });
        Assert.That(shard.Seed, Is.EqualTo(7UL));
        Assert.That(shard.PathRanges, Is.EqualTo(new[] { (100L, 140L) }));
        var merged = MonteCarloSummary.Merge(MonteCarlo.Run(100, 7, 0, Walk), shard);
        Assert.That(merged.PathRanges, Is.EqualTo(new[] { (0L, 140L) }));
        Assert.That(merged.ToString(), Does.Contain("[0, 140)").And.Contain("seed 7"));
    }

    [Test]
    public void Merging_the_same_shard_twice_or_overlapping_shards_is_refused()
    {
        var a = MonteCarlo.Run(50, 7, 0, Walk);
        var e = Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge(a, a))!;
        Assert.That(e.Message, Does.Contain("overlap").Or.Contain("twice"));
        var overlapping = MonteCarlo.Run(50, 7, 30, Walk);
        e = Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge(a, overlapping))!;
        Assert.That(e.Message, Does.Contain("[30, 50)"));
        Assert.Throws<ArgumentException>(() => a.MergeFrom(a));
    }

    [Test]
    public void Merging_shards_of_different_seeds_is_refused()
    {
        var a = MonteCarlo.Run(50, 7, 0, Walk);
        var b = MonteCarlo.Run(50, 8, 50, Walk);
        var e = Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge(a, b))!;
        Assert.That(e.Message, Does.Contain("different seeds (7 and 8)"));
    }

    [Test]
    public void Recording_a_path_twice_is_refused()
    {
        var summary = new MonteCarloSummary(Series, seed: 1);
        var output = new PathOutput(Series);
        summary.Record(3, output);
        Assert.Throws<ArgumentException>(() => summary.Record(3, output));
        summary.Record(2, output);
        summary.Record(4, output);
        Assert.That(summary.PathRanges, Is.EqualTo(new[] { (2L, 5L) }));
    }
}
