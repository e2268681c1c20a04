using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Stochastic;

/// <summary>
/// One series a path evaluator reports (a balance, a ratio, a population), with the fixed histogram that summarises it
/// over the paths.
/// </summary>
/// <param name="Name">Unique name, e.g. "balance/national".</param>
/// <param name="FirstYear">First calendar year reported.</param>
/// <param name="LastYear">Last calendar year reported.</param>
/// <param name="Lower">Lower edge of the histogram's regular bins. Values below it are counted in an underflow bin.</param>
/// <param name="Upper">Upper edge of the regular bins. Values above it are counted in an overflow bin.</param>
/// <param name="Bins">Number of equal regular bins in [Lower, Upper]; quantiles inside that range are resolved to
/// (Upper − Lower)/Bins (see <see cref="SeriesSummary.Quantile"/>).</param>
/// <param name="TrackDepletion">Whether to count, per path, the first year the value is negative (a fund's depletion).</param>
public sealed record SeriesSpec(string Name, int FirstYear, int LastYear, double Lower, double Upper, int Bins = 1000, bool TrackDepletion = false)
{
    /// <summary>Number of years.</summary>
    public int YearCount => LastYear - FirstYear + 1;

    /// <summary>
    /// The same series with its histogram range chosen from a pilot run: [min − margin·(max − min), max + margin·(max − min)]
    /// over every year of the pilot. Choose the range once, before the real run, and give every shard the same
    /// specification: summaries merge only when their bins are identical.
    /// </summary>
    /// <param name="pilot">The series' summary from a pilot run (e.g. a few hundred paths with another seed).</param>
    /// <param name="bins">Bins of the new histogram.</param>
    /// <param name="margin">Widening on each side, as a share of the pilot's range (≥ 0).</param>
    /// <exception cref="InputDataException">The pilot has no finite value.</exception>
    internal static SeriesSpec FromPilot(SeriesSummary pilot, int bins, double margin = 0.25)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        if (!(margin >= 0) || !double.IsFinite(margin)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "a margin ≥ 0");
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int year = pilot.Spec.FirstYear; year <= pilot.Spec.LastYear; year++)
        {
            if (pilot.Count(year) == 0) continue;
            lo = Math.Min(lo, pilot.Min(year));
            hi = Math.Max(hi, pilot.Max(year));
        }
        if (!double.IsFinite(lo)) throw new InputDataException($"pilot of series {pilot.Name}", null, "values", "(none finite)", "a pilot with at least one finite value");
        double width = hi > lo ? hi - lo : Math.Max(Math.Abs(hi), 1.0);
        var spec = pilot.Spec with { Lower = lo - margin * width, Upper = hi + margin * width, Bins = bins };
        if (!(spec.Lower < spec.Upper)) spec = spec with { Lower = lo - width, Upper = hi + width };
        spec.Validate();
        return spec;
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new InputDataException("series", null, "Name", Name, "a non-empty name");
        if (LastYear < FirstYear) throw new InputDataException($"series {Name}", null, "LastYear", LastYear.ToString(CultureInfo.InvariantCulture), $"a year ≥ FirstYear ({FirstYear})");
        if (!double.IsFinite(Lower) || !double.IsFinite(Upper) || !(Lower < Upper))
        {
            throw new InputDataException($"series {Name}", null, "Lower, Upper",
                string.Create(CultureInfo.InvariantCulture, $"{Lower:R}, {Upper:R}"), "finite bounds with Lower < Upper");
        }
        if (Bins < 1 || Bins > 1_000_000) throw new InputDataException($"series {Name}", null, "Bins", Bins.ToString(CultureInfo.InvariantCulture), "1..1,000,000 bins");
    }
}

/// <summary>
/// Evaluates Monte Carlo paths. The runner asks for one <see cref="IPathWorker"/> per worker thread (workers hold the
/// reusable buffers) and gives each path its own random stream, so an evaluator must be a pure function of
/// (path index, stream): a worker may not carry state from one path to the next. Internal: an analyst runs paths with
/// <see cref="PensionPathEvaluator.Run"/>; the generic runner (<see cref="MonteCarlo"/>), the tests' evaluators and the
/// cluster's shards use this seam.
/// </summary>
internal interface IPathEvaluator
{
    /// <summary>The series every path reports, in the order of <see cref="PathOutput"/>.</summary>
    IReadOnlyList<SeriesSpec> Series { get; }

    /// <summary>Creates a worker with its own buffers; called once per worker thread, never concurrently with itself on the same worker.</summary>
    internal IPathWorker CreateWorker();
}

/// <summary>A per-thread evaluator of single paths.</summary>
internal interface IPathWorker
{
    /// <summary>Evaluates one path: draws from <paramref name="random"/> and writes every series of <paramref name="output"/>.</summary>
    /// <param name="pathIndex">Global index of the path (shards use their own ranges of it).</param>
    /// <param name="random">The path's own stream.</param>
    /// <param name="output">Where to write the series; each value starts as NaN.</param>
    void Evaluate(long pathIndex, ref PathRandom random, PathOutput output);
}

/// <summary>The values one path reports: one span per series, one value per year of the series.</summary>
internal sealed class PathOutput
{
    private readonly double[][] _values;

    /// <summary>Creates buffers for the given series.</summary>
    public PathOutput(IReadOnlyList<SeriesSpec> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series;
        _values = series.Select(s => new double[s.YearCount]).ToArray();
    }

    /// <summary>The series, in order.</summary>
    public IReadOnlyList<SeriesSpec> Series { get; }

    /// <summary>The values of series <paramref name="series"/> (index into <see cref="Series"/>), [year − FirstYear].</summary>
    public Span<double> Values(int series) => _values[series];

    /// <summary>Sets the value of a series in a calendar year.</summary>
    public void Set(int series, int year, double value) => _values[series][year - Series[series].FirstYear] = value;

    internal double[] Raw(int series) => _values[series];

    internal void Reset()
    {
        foreach (var v in _values) v.AsSpan().Fill(double.NaN);
    }
}

/// <summary>An evaluator from a function (for tests and quick studies): each path calls
/// <c>evaluate(pathIndex, ref random, output)</c>; no per-thread state.</summary>
internal sealed class DelegatePathEvaluator : IPathEvaluator
{
    private readonly PathFunction _evaluate;

    /// <summary>The function's shape.</summary>
    public delegate void PathFunction(long pathIndex, ref PathRandom random, PathOutput output);

    /// <summary>Wraps <paramref name="evaluate"/>.</summary>
    public DelegatePathEvaluator(IReadOnlyList<SeriesSpec> series, PathFunction evaluate)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(evaluate);
        Series = series;
        _evaluate = evaluate;
    }

    /// <inheritdoc />
    public IReadOnlyList<SeriesSpec> Series { get; }

    /// <inheritdoc />
    public IPathWorker CreateWorker() => new Worker(_evaluate);

    private sealed class Worker(PathFunction evaluate) : IPathWorker
    {
        public void Evaluate(long pathIndex, ref PathRandom random, PathOutput output) => evaluate(pathIndex, ref random, output);
    }
}
