using Actuarial.Demography;
using Actuarial.IO;
using Actuarial.Stochastic;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace Actuarial.Tests.Stochastic;

/// <summary>Random streams, shocks, summaries, the runner and goal-seeking on small synthetic evaluators.</summary>
[TestFixture]
public sealed class StochasticFrameworkTests
{
    private static readonly SeriesSpec[] WalkSeries =
    [
        new("walk", 2024, 2060, -20, 20, 400, TrackDepletion: true),
        new("level", 2024, 2060, 0, 10, 100),
    ];

    /// <summary>A random walk from 1 and a noisy level: enough draws to show any dependence on scheduling.</summary>
    private static readonly DelegatePathEvaluator Walk = new(WalkSeries, (long path, ref PathRandom random, PathOutput output) =>
    {
        Span<double> z = stackalloc double[37];
        random.FillStandardNormals(z);
        var walk = output.Values(0);
        var level = output.Values(1);
        double x = 1;
        for (int t = 0; t < walk.Length; t++)
        {
            x += 0.1 + z[t];
            walk[t] = x;
            level[t] = 5 + 0.1 * x + random.NextDouble();
        }
    });

    [Test]
    public void Streams_depend_only_on_seed_and_path()
    {
        var a = PathRandom.ForPath(42, 7);
        var b = PathRandom.ForPath(42, 7);
        var c = PathRandom.ForPath(42, 8);
        var d = PathRandom.ForPath(43, 7);
        ulong a1 = a.NextUInt64(), b1 = b.NextUInt64(), c1 = c.NextUInt64(), d1 = d.NextUInt64();
        Assert.That(b1, Is.EqualTo(a1));
        Assert.That(c1, Is.Not.EqualTo(a1));
        Assert.That(d1, Is.Not.EqualTo(a1));
    }

    [Test]
    public void Box_Muller_normals_have_mean_0_and_variance_1()
    {
        var r = PathRandom.ForPath(1, 0);
        var z = new double[200_001];
        r.FillStandardNormals(z);
        double mean = z.Average();
        double variance = z.Select(v => (v - mean) * (v - mean)).Sum() / (z.Length - 1);
        double beyond196 = z.Count(v => Math.Abs(v) > 1.959964) / (double)z.Length;
        Assert.That(mean, Is.EqualTo(0).Within(0.01));
        Assert.That(variance, Is.EqualTo(1).Within(0.01));
        Assert.That(beyond196, Is.EqualTo(0.05).Within(0.003));
    }

    [Test]
    public void Same_seed_gives_identical_summaries_with_1_and_2_threads_and_any_block_size()
    {
        var one = MonteCarlo.Run(500, 2024, 0, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 1, KeepPaths = true });
        var two = MonteCarlo.Run(500, 2024, 0, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 2, BlockSize = 3, KeepPaths = true });
        Assert.That(two.IsIdenticalTo(one), Is.True);
        Assert.That(two["walk"].Mean(2060), Is.EqualTo(one["walk"].Mean(2060)));
        Assert.That(two.Paths!.Select(p => p.PathIndex), Is.EqualTo(Enumerable.Range(0, 500).Select(i => (long)i)));
    }

    [Test]
    public void Two_shards_merge_exactly_into_the_whole_run()
    {
        var whole = MonteCarlo.Run(300, 99, 0, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 2 });
        var first = MonteCarlo.Run(137, 99, 0, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 1 });
        var second = MonteCarlo.Run(163, 99, 137, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 2, BlockSize = 5 });
        var merged = MonteCarloSummary.Merge(second, first);
        Assert.That(merged.IsIdenticalTo(whole), Is.True);
        Assert.That(merged.PathCount, Is.EqualTo(300));
        Assert.That(merged["walk"].DepletionProbabilityBy(2060), Is.EqualTo(whole["walk"].DepletionProbabilityBy(2060)));
    }

    [Test]
    public void Kept_paths_reproduce_single_path_evaluation()
    {
        var run = MonteCarlo.Run(20, 5, 10, Walk, new MonteCarloOptions { KeepPaths = true });
        var path = MonteCarlo.EvaluatePath(Walk, 5, 17);
        var kept = run.Paths!.Single(p => p.PathIndex == 17);
        Assert.That(kept.Values[0], Is.EqualTo(path[0]));
        Assert.That(kept.Values[1], Is.EqualTo(path[1]));
    }

    [Test]
    public void Quantiles_are_ordered_and_within_a_bin_of_the_exact_ones()
    {
        var run = MonteCarlo.Run(2000, 11, 0, Walk, new MonteCarloOptions { KeepPaths = true });
        var series = run["walk"];
        foreach (var row in series.Fan())
        {
            Assert.That(new[] { row.Min, row.P5, row.P25, row.P50, row.P75, row.P95, row.Max }, Is.Ordered, $"{row.Year}");
            var values = run.Paths!.Select(p => p.Values[0][row.Year - 2024]).OrderBy(v => v).ToArray();
            Assert.That(row.Min, Is.EqualTo(values[0]));
            Assert.That(row.Max, Is.EqualTo(values[^1]));
            Assert.That(row.P50, Is.EqualTo(values[1000]).Within(2 * series.Resolution + 1e-12), $"median {row.Year}");
            Assert.That(row.P95, Is.EqualTo(values[1900]).Within(2 * series.Resolution + 1e-12), $"p95 {row.Year}");
            Assert.That(row.Mean, Is.EqualTo(values.Average()).Within(1e-12));
        }
        var table = series.DepletionTable();
        Assert.That(table.Select(r => r.ProbabilityDepletedBy), Is.Ordered);
        long negative = run.Paths!.Count(p => p.Values[0].Any(v => v < 0));
        Assert.That(table[^1].ProbabilityDepletedBy, Is.EqualTo(negative / 2000.0));
        Assert.That(series.NeverDepletedCount + table.Sum(r => r.FirstNegativePaths), Is.EqualTo(2000));
    }

    [Test]
    public void A_range_from_a_pilot_covers_the_run_and_shards_with_it_still_merge_exactly()
    {
        var pilot = MonteCarlo.Run(200, 12345, 0, Walk);
        var spec = SeriesSpec.FromPilot(pilot["walk"], 500);
        Assert.That(spec.Lower, Is.LessThan(pilot["walk"].Min(2060)));
        Assert.That(spec.Upper, Is.GreaterThan(pilot["walk"].Max(2060)));
        var tuned = new DelegatePathEvaluator([spec, WalkSeries[1]], (long path, ref PathRandom random, PathOutput output) =>
            Walk.CreateWorker().Evaluate(path, ref random, output));
        var whole = MonteCarlo.Run(400, 1, 0, tuned);
        Assert.That(MonteCarloSummary.Merge(MonteCarlo.Run(150, 1, 0, tuned), MonteCarlo.Run(250, 1, 150, tuned)).IsIdenticalTo(whole), Is.True);
        Assert.That(whole["walk"].Histogram(2060)[0] + whole["walk"].Histogram(2060)[^1], Is.LessThan(10), "few values outside the pilot's range");
    }

    [FsProperty(MaxTest = 200)]
    public void Quantiles_are_monotone_in_p_for_any_data(double[] data, int lowerSeed)
    {
        var finite = (data ?? []).Where(double.IsFinite).Select(v => Math.Clamp(v, -1e6, 1e6)).ToArray();
        if (finite.Length == 0) return;
        double lower = (lowerSeed % 100) - 50;
        var spec = new SeriesSpec("x", 2000, 2000, lower, lower + 37, 13);
        var summary = new MonteCarloSummary([spec]);
        var output = new PathOutput([spec]);
        for (int i = 0; i < finite.Length; i++)
        {
            output.Values(0)[0] = finite[i];
            summary.Record(i, output);
        }
        double previous = double.NegativeInfinity;
        for (int k = 0; k <= 20; k++)
        {
            double q = summary.Series[0].Quantile(2000, k / 20.0);
            Assert.That(q, Is.GreaterThanOrEqualTo(previous));
            Assert.That(q, Is.InRange(finite.Min(), finite.Max()));
            previous = q;
        }
    }

    [FsProperty(MaxTest = 200)]
    public void Merging_any_split_of_any_data_equals_the_whole(double[] data, int split)
    {
        var finite = (data ?? []).Where(v => double.IsFinite(v) && Math.Abs(v) < 1e300).ToArray();
        var spec = new SeriesSpec("x", 2000, 2000, -100, 100, 50, TrackDepletion: true);
        int cut = finite.Length == 0 ? 0 : Math.Abs(split % (finite.Length + 1));
        var whole = new MonteCarloSummary([spec]);
        var a = new MonteCarloSummary([spec]);
        var b = new MonteCarloSummary([spec]);
        var output = new PathOutput([spec]);
        for (int i = 0; i < finite.Length; i++)
        {
            output.Values(0)[0] = finite[i];
            whole.Record(i, output);
            (i < cut ? a : b).Record(i, output);
        }
        Assert.That(MonteCarloSummary.Merge(b, a).IsIdenticalTo(whole), Is.True);
    }

    [FsProperty(MaxTest = 200)]
    public void The_exact_sum_does_not_depend_on_order(double[] data, int seed)
    {
        var finite = (data ?? []).Where(v => double.IsFinite(v) && Math.Abs(v) < 1e300).ToArray();
        var shuffled = finite.OrderBy(_ => new Random(seed).Next()).ToArray();
        new Random(seed).Shuffle(shuffled);
        Span<double> x = stackalloc double[ExactSum.Slots];
        Span<double> y = stackalloc double[ExactSum.Slots];
        x.Clear();
        y.Clear();
        foreach (double v in finite) ExactSum.Add(x, v);
        foreach (double v in shuffled) ExactSum.Add(y, v);
        Assert.That(BitConverter.DoubleToInt64Bits(ExactSum.Value(y)), Is.EqualTo(BitConverter.DoubleToInt64Bits(ExactSum.Value(x))));
        decimal exact = 0;
        bool fits = finite.All(v => Math.Abs(v) < 1e15);
        if (fits)
        {
            foreach (double v in finite) exact += (decimal)v;
            Assert.That(ExactSum.Value(x), Is.EqualTo((double)exact).Within(Math.Abs((double)exact) * 1e-15 + 1e-12));
        }
    }

    [Test]
    public void Exact_sum_is_correctly_rounded_where_naive_summation_fails()
    {
        Span<double> acc = stackalloc double[ExactSum.Slots];
        acc.Clear();
        foreach (double v in new[] { 1e100, 1.0, -1e100, 1e-20 }) ExactSum.Add(acc, v);
        Assert.That(ExactSum.Value(acc), Is.EqualTo(1.0 + 1e-20));
        acc.Clear();
        for (int i = 0; i < 10; i++) ExactSum.Add(acc, 0.1);
        Assert.That(ExactSum.Value(acc), Is.EqualTo(1.0));
    }

    [Test]
    public void Mortality_shock_is_the_Lee_Carter_random_walk_of_SimulateIndex()
    {
        var model = SmallLeeCarter();
        var shocks = new ShockModel { FirstYear = 2024, LastYear = 2053, Mortality = MortalityShock.FromLeeCarter(model, model, includeDriftUncertainty: true) }.Compile();
        var path = shocks.CreatePath();
        var random = PathRandom.ForPath(3, 4);
        var copy = random;
        shocks.Draw(ref random, path);
        var normals = new double[shocks.NormalsPerPath];
        copy.FillStandardNormals(normals);
        var innovations = Enumerable.Range(0, 30).Select(h => normals[1 + h * ShockModel.DriverCount]).ToArray();
        var k = new double[30];
        model.SimulateIndex(innovations, k, normals[0]);
        for (int h = 0; h < 30; h++)
        {
            Assert.That(path.MortalityIndex(2024 + h, Actuarial.Dimensions.Sex.Male), Is.EqualTo(k[h] - model.ForecastIndex(h + 1)).Within(1e-9));
        }
        Assert.That(path.MortalityIndex(2023, Actuarial.Dimensions.Sex.Female), Is.EqualTo(0));
    }

    [Test]
    public void Correlated_drivers_have_the_requested_correlation_and_fertility_is_log_AR1()
    {
        var corr = Identity();
        corr[(int)ShockDriver.WageGrowth, (int)ShockDriver.InvestmentReturn] = corr[(int)ShockDriver.InvestmentReturn, (int)ShockDriver.WageGrowth] = 0.6;
        corr[(int)ShockDriver.Fertility, (int)ShockDriver.Mortality] = corr[(int)ShockDriver.Mortality, (int)ShockDriver.Fertility] = -0.3;
        var shocks = new ShockModel
        {
            FirstYear = 2024, LastYear = 2025,
            Mortality = new MortalityShock(1, 1),
            Fertility = new Ar1Shock(0.05, 0.9),
            WageGrowth = new Ar1Shock(0.01),
            InvestmentReturn = new Ar1Shock(0.02),
            Correlation = corr,
        }.Compile();
        var path = shocks.CreatePath();
        int n = 20_000;
        var w = new double[n]; var r = new double[n]; var m = new double[n]; var f = new double[n];
        for (int i = 0; i < n; i++)
        {
            var random = PathRandom.ForPath(8, i);
            shocks.Draw(ref random, path);
            w[i] = path.WageGrowthDeviation(2024);
            r[i] = path.InvestmentReturnDeviation(2024);
            m[i] = path.MortalityIndex(2024, Actuarial.Dimensions.Sex.Male);
            f[i] = path.FertilityLogDeviation(2024);
            Assert.That(path.TfrMultiplier(2025), Is.EqualTo(Math.Exp(path.FertilityLogDeviation(2025))));
        }
        Assert.That(MathNet.Numerics.Statistics.Correlation.Pearson(w, r), Is.EqualTo(0.6).Within(0.03));
        Assert.That(MathNet.Numerics.Statistics.Correlation.Pearson(m, f), Is.EqualTo(-0.3).Within(0.03));
        Assert.That(MathNet.Numerics.Statistics.Statistics.StandardDeviation(r), Is.EqualTo(0.02).Within(0.001));
    }

    [Test]
    public void Bad_shock_inputs_are_rejected_with_clear_messages()
    {
        var notPd = Identity();
        notPd[0, 1] = notPd[1, 0] = 0.9;
        notPd[0, 2] = notPd[2, 0] = 0.9;
        notPd[1, 2] = notPd[2, 1] = -0.9;
        var ex = Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, Correlation = notPd }.Compile());
        Assert.That(ex!.Message, Does.Contain("positive definite"));

        Assert.That(Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, Fertility = new Ar1Shock(-0.1) }.Compile())!.Message,
            Does.Contain("Fertility.Sd").And.Contain("negative"));
        Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, Mortality = new MortalityShock(1, double.NaN) }.Compile());
        Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, WageGrowth = new Ar1Shock(0.1, 1.5) }.Compile());
        Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2030, LastYear = 2024 }.Compile());
        Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, Correlation = new double[3, 3] }.Compile());
        var asymmetric = Identity();
        asymmetric[0, 1] = 0.2;
        Assert.That(Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, Correlation = asymmetric }.Compile())!.Message,
            Does.Contain("symmetric"));
        var badDiagonal = Identity();
        badDiagonal[3, 3] = 2;
        Assert.Throws<InputDataException>(() => new ShockModel { FirstYear = 2024, LastYear = 2030, Correlation = badDiagonal }.Compile());

        var covariance = Identity();
        covariance[2, 2] = -0.01;
        Assert.That(Assert.Throws<InputDataException>(() => ShockModel.SplitCovariance(covariance))!.Message, Does.Contain("variance"));
        covariance[2, 2] = 0.04;
        covariance[2, 3] = covariance[3, 2] = 0.1;
        var (sds, corr) = ShockModel.SplitCovariance(covariance);
        Assert.That(sds[2], Is.EqualTo(0.2).Within(1e-15));
        Assert.That(corr[2, 3], Is.EqualTo(0.5).Within(1e-15));
    }

    [Test]
    public void Bad_runner_and_summary_inputs_are_rejected()
    {
        Assert.Throws<InputDataException>(() => new MonteCarloSummary([new SeriesSpec("x", 2000, 2010, 5, 5)]));
        Assert.Throws<InputDataException>(() => new MonteCarloSummary([new SeriesSpec("x", 2000, 2010, 0, 1, 0)]));
        Assert.Throws<InputDataException>(() => new MonteCarloSummary([new SeriesSpec("x", 2000, 2010, 0, 1), new SeriesSpec("x", 2000, 2010, 0, 2)]));
        Assert.Throws<InputDataException>(() => new MonteCarloSummary([new SeriesSpec("x", 2010, 2000, 0, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Run(-1, 1, 0, Walk));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Run(1, 1, -1, Walk));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Run(1, 1, 0, Walk, new MonteCarloOptions { MaxDegreeOfParallelism = 0 }));
        var a = new MonteCarloSummary([new SeriesSpec("x", 2000, 2010, 0, 1)]);
        var b = new MonteCarloSummary([new SeriesSpec("x", 2000, 2010, 0, 2)]);
        Assert.Throws<ArgumentException>(() => a.MergeFrom(b));
        Assert.Throws<InvalidOperationException>(() => a.Series[0].DepletionProbabilityBy(2005));
        Assert.Throws<KeyNotFoundException>(() => _ = a["y"]);
    }

    [Test]
    public void Errors_inside_paths_surface_as_themselves()
    {
        var failing = new DelegatePathEvaluator(WalkSeries, (long path, ref PathRandom random, PathOutput output) =>
        {
            if (path == 13) throw new InputDataException("test", null, "path", "13", "not 13");
        });
        Assert.Throws<InputDataException>(() => MonteCarlo.Run(40, 1, 0, failing, new MonteCarloOptions { MaxDegreeOfParallelism = 2 }));
    }

    [Test]
    public void Goal_seek_solves_and_reports_unreachable_targets_with_their_side()
    {
        var solved = GoalSeek.Solve(x => x * x * x, -2, 3, 8, 1e-12);
        Assert.That(solved.IsSolved, Is.True);
        Assert.That(solved.Lever, Is.EqualTo(2).Within(1e-9));

        var decreasing = GoalSeek.Solve(x => -x, 0, 10, -4, 1e-12);
        Assert.That(decreasing.Lever, Is.EqualTo(4).Within(1e-9));

        var below = GoalSeek.Solve(x => 10 + x, 0, 1, 5, 1e-9);
        Assert.That(below.Status, Is.EqualTo(GoalSeekStatus.TargetBelowRange));
        Assert.That(below.ValueAtLower, Is.EqualTo(10));
        Assert.That(below.ValueAtUpper, Is.EqualTo(11));
        Assert.That(below.Message, Does.Contain("both above the target"));
        Assert.Throws<InvalidOperationException>(() => below.LeverOrThrow());

        var above = GoalSeek.Solve(x => x, 0, 1, 5, 1e-9);
        Assert.That(above.Status, Is.EqualTo(GoalSeekStatus.TargetAboveRange));
        Assert.That(double.IsNaN(above.Lever), Is.True);

        Assert.Throws<ArgumentException>(() => GoalSeek.Solve(x => x, 1, 0, 0.5, 1e-9));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalSeek.Solve(x => x, 0, 1, 0.5, 0));
        Assert.Throws<ArgumentException>(() => GoalSeek.Solve(x => double.NaN, 0, 1, 0.5, 1e-9));
    }

    [Test]
    public void Depletion_goal_seek_finds_the_safe_side_of_the_boundary()
    {
        // Path value: a drift lever minus a normal; P(value < 0 at 2030) = Φ(−lever); P ≤ 10% needs lever ≥ 1.2816.
        var spec = new SeriesSpec[] { new("fund", 2030, 2030, -10, 10, 100, TrackDepletion: true) };
        IPathEvaluator At(double lever) => new DelegatePathEvaluator(spec, (long path, ref PathRandom random, PathOutput output) =>
            output.Values(0)[0] = lever + random.NextStandardNormal());
        var result = GoalSeek.SolveDepletionProbability(At, "fund", 2030, 0.10, 0, 4, 1e-3, 20_000, 77);
        Assert.That(result.IsSolved, Is.True);
        Assert.That(result.Value, Is.LessThanOrEqualTo(0.10));
        Assert.That(result.Lever, Is.EqualTo(1.2816).Within(0.05));
        var fedBack = MonteCarlo.Run(20_000, 77, 0, At(result.Lever))["fund"].DepletionProbabilityBy(2030);
        Assert.That(fedBack, Is.LessThanOrEqualTo(0.10));
        Assert.That(MonteCarlo.Run(20_000, 77, 0, At(result.Lever - 2e-3))["fund"].DepletionProbabilityBy(2030), Is.GreaterThan(0.10));

        var never = GoalSeek.SolveDepletionProbability(At, "fund", 2030, 0.10, -4, -3, 1e-3, 1000, 77);
        Assert.That(never.Status, Is.EqualTo(GoalSeekStatus.TargetBelowRange));
        var always = GoalSeek.SolveDepletionProbability(At, "fund", 2030, 0.10, 5, 6, 1e-3, 1000, 77);
        Assert.That(always.Status, Is.EqualTo(GoalSeekStatus.TargetAboveRange));
    }

    internal static double[,] Identity()
    {
        var m = new double[ShockModel.DriverCount, ShockModel.DriverCount];
        for (int i = 0; i < ShockModel.DriverCount; i++) m[i, i] = 1;
        return m;
    }

    private static LeeCarterModel SmallLeeCarter()
    {
        var log = Matrix<double>.Build.Dense(3, 6, (x, t) => -6 + x - 0.05 * t * (1 + 0.3 * x) + 0.01 * Math.Sin(3 * t + x));
        return LeeCarterModel.Fit(log, 2015);
    }
}
