using System.Globalization;

namespace Actuarial.Stochastic;

/// <summary>
/// The distribution of one series over the paths of a run, by year, in memory that does not grow with the number of
/// paths: a fixed-bin histogram, exact count, minimum, maximum and mean, and (when tracked) the distribution of the
/// first year the series is negative. Exactly mergeable: merging the summaries of two disjoint sets of paths gives,
/// bit for bit, the summary of their union (counts are integers, min/max are order-free, and the sum behind the mean
/// is kept exactly, see remarks).
/// </summary>
/// <remarks>
/// <para>Histogram: <see cref="SeriesSpec.Bins"/> equal bins on [Lower, Upper] (a value equal to Upper falls in the
/// last bin), an underflow bin for values below Lower and an overflow bin above Upper. Non-finite values are counted
/// in <see cref="NonFiniteCount"/> and left out of everything else.</para>
/// <para>Quantiles (<see cref="Quantile"/>): the value at rank p·n by linear interpolation of the cumulative count
/// inside the bin that holds it; the underflow bin is taken to span [min, Lower] and the overflow bin [Upper, max],
/// and the result is clamped to [min, max]. Within [Lower, Upper] the error is at most one bin width,
/// (Upper − Lower)/Bins; when every path has the same value the quantile is that value exactly. A quantile falling in
/// the underflow or overflow bin is only bounded by min and the edge: choose the range to cover the bulk of the paths.</para>
/// <para>Mean: the sum is accumulated exactly (Shewchuk's non-overlapping partials, the algorithm of Python's
/// math.fsum) and rounded once, so the mean does not depend on the order paths were added or summaries merged
/// (as long as partial sums stay below 1.8 × 10^308 in magnitude).</para>
/// </remarks>
public sealed class SeriesSummary
{
    private readonly long[] _histogram; // [year][bin + 2]: 0 underflow, 1..Bins, Bins+1 overflow
    private readonly long[] _count;
    private readonly long[] _nonFinite;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly double[] _sum; // [year][ExactSum.Slots]
    private readonly long[] _firstNegative; // [year] paths first negative in that year
    private long _neverNegative;
    private readonly double _width;

    internal SeriesSummary(SeriesSpec spec)
    {
        Spec = spec;
        int years = spec.YearCount;
        _histogram = new long[years * (spec.Bins + 2)];
        _count = new long[years];
        _nonFinite = new long[years];
        _min = new double[years];
        _max = new double[years];
        _min.AsSpan().Fill(double.PositiveInfinity);
        _max.AsSpan().Fill(double.NegativeInfinity);
        _sum = new double[years * ExactSum.Slots];
        _firstNegative = spec.TrackDepletion ? new long[years] : [];
        _width = (spec.Upper - spec.Lower) / spec.Bins;
    }

    /// <summary>What is summarised.</summary>
    public SeriesSpec Spec { get; }

    /// <summary>Series name.</summary>
    public string Name => Spec.Name;

    /// <summary>Quantile resolution inside [Lower, Upper]: one bin width.</summary>
    public double Resolution => _width;

    internal void Record(ReadOnlySpan<double> values)
    {
        int bins = Spec.Bins;
        bool negativeSeen = false;
        for (int t = 0; t < values.Length; t++)
        {
            double v = values[t];
            if (!double.IsFinite(v))
            {
                _nonFinite[t]++;
                continue;
            }
            _count[t]++;
            _min[t] = Math.Min(_min[t], v); // Math.Min/Max order −0 before +0, so signed zeros merge order-free too
            _max[t] = Math.Max(_max[t], v);
            ExactSum.Add(_sum.AsSpan(t * ExactSum.Slots, ExactSum.Slots), v);
            _histogram[t * (bins + 2) + Bin(v)]++;
            if (Spec.TrackDepletion && !negativeSeen && v < 0)
            {
                negativeSeen = true;
                _firstNegative[t]++;
            }
        }
        if (Spec.TrackDepletion && !negativeSeen) _neverNegative++;
    }

    private int Bin(double v)
    {
        if (v < Spec.Lower) return 0;
        if (v > Spec.Upper) return Spec.Bins + 1;
        int b = (int)((v - Spec.Lower) / _width);
        return Math.Min(b, Spec.Bins - 1) + 1;
    }

    internal void Merge(SeriesSummary other)
    {
        if (other.Spec != Spec) throw new ArgumentException($"series '{Name}': cannot merge summaries of different specifications ({Spec} and {other.Spec})");
        for (int i = 0; i < _histogram.Length; i++) _histogram[i] += other._histogram[i];
        for (int t = 0; t < _count.Length; t++)
        {
            _count[t] += other._count[t];
            _nonFinite[t] += other._nonFinite[t];
            _min[t] = Math.Min(_min[t], other._min[t]);
            _max[t] = Math.Max(_max[t], other._max[t]);
            ExactSum.Merge(_sum.AsSpan(t * ExactSum.Slots, ExactSum.Slots), other._sum.AsSpan(t * ExactSum.Slots, ExactSum.Slots));
        }
        for (int t = 0; t < _firstNegative.Length; t++) _firstNegative[t] += other._firstNegative[t];
        _neverNegative += other._neverNegative;
    }

    private int T(int year)
    {
        if (year < Spec.FirstYear || year > Spec.LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"series '{Name}' covers {Spec.FirstYear}..{Spec.LastYear}");
        }
        return year - Spec.FirstYear;
    }

    /// <summary>Paths with a finite value in <paramref name="year"/>.</summary>
    public long Count(int year) => _count[T(year)];

    /// <summary>Paths whose value in <paramref name="year"/> was NaN or infinite (left out of the other statistics).</summary>
    public long NonFiniteCount(int year) => _nonFinite[T(year)];

    /// <summary>Exact smallest value in <paramref name="year"/> (NaN without values).</summary>
    public double Min(int year) { int t = T(year); return _count[t] == 0 ? double.NaN : _min[t]; }

    /// <summary>Exact largest value in <paramref name="year"/> (NaN without values).</summary>
    public double Max(int year) { int t = T(year); return _count[t] == 0 ? double.NaN : _max[t]; }

    /// <summary>Mean in <paramref name="year"/>: the exactly accumulated sum, correctly rounded, divided by the count (NaN without values).</summary>
    public double Mean(int year)
    {
        int t = T(year);
        return _count[t] == 0 ? double.NaN : ExactSum.Value(_sum.AsSpan(t * ExactSum.Slots, ExactSum.Slots)) / _count[t];
    }

    /// <summary>Counts of the histogram in <paramref name="year"/>: [0] below Lower, [1..Bins] the bins, [Bins+1] above Upper.</summary>
    internal ReadOnlySpan<long> Histogram(int year) => _histogram.AsSpan(T(year) * (Spec.Bins + 2), Spec.Bins + 2);

    /// <summary>The <paramref name="p"/>-quantile in <paramref name="year"/>, resolved to one bin width (see remarks); NaN without values.</summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="p">Probability in [0, 1].</param>
    public double Quantile(int year, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability in [0, 1]");
        int t = T(year);
        long n = _count[t];
        if (n == 0) return double.NaN;
        double min = _min[t], max = _max[t];
        if (min == max) return min;
        var h = Histogram(year);
        double rank = p * n;
        long before = 0;
        for (int b = 0; b < h.Length; b++)
        {
            long c = h[b];
            if (c == 0) continue;
            if (before + c >= rank)
            {
                double lo = b == 0 ? min : b == h.Length - 1 ? Spec.Upper : Spec.Lower + (b - 1) * _width;
                double hi = b == 0 ? Spec.Lower : b == h.Length - 1 ? max : Spec.Lower + b * _width;
                lo = Math.Max(lo, min);
                hi = Math.Min(hi, max);
                double q = lo + Math.Max(0, rank - before) / c * (hi - lo);
                return Math.Clamp(q, min, max);
            }
            before += c;
        }
        return max;
    }

    /// <summary>The standard fan (5, 25, 50, 75 and 95%) and the exact min, max and mean, one row per year.</summary>
    public IReadOnlyList<FanRow> Fan()
    {
        var rows = new List<FanRow>(Spec.YearCount);
        for (int year = Spec.FirstYear; year <= Spec.LastYear; year++)
        {
            rows.Add(new FanRow(Name, year, Count(year), Min(year), Quantile(year, 0.05), Quantile(year, 0.25), Quantile(year, 0.5),
                Quantile(year, 0.75), Quantile(year, 0.95), Max(year), Mean(year)));
        }
        return rows;
    }

    /// <summary>Whether depletion (first negative value) is tracked for this series.</summary>
    public bool TracksDepletion => Spec.TrackDepletion;

    /// <summary>Paths whose first negative value falls in <paramref name="year"/> (the distribution of the depletion year).</summary>
    public long DepletionCount(int year) { CheckDepletion(); return _firstNegative[T(year)]; }

    /// <summary>Paths never negative in the series' years.</summary>
    public long NeverDepletedCount { get { CheckDepletion(); return _neverNegative; } }

    /// <summary>Paths recorded (depleted or not).</summary>
    public long PathCount { get { CheckDepletion(); return _neverNegative + _firstNegative.Sum(); } }

    /// <summary>Share of paths depleted (first negative) in <paramref name="year"/> or before.</summary>
    public double DepletionProbabilityBy(int year)
    {
        CheckDepletion();
        long total = PathCount;
        if (total == 0) return double.NaN;
        int last = Math.Min(year, Spec.LastYear) - Spec.FirstYear;
        long depleted = 0;
        for (int t = 0; t <= last; t++) depleted += _firstNegative[t];
        return (double)depleted / total;
    }

    /// <summary>The distribution of the depletion year, one row per year, with the probability of depletion by that year.</summary>
    public IReadOnlyList<DepletionRow> DepletionTable()
    {
        CheckDepletion();
        var rows = new List<DepletionRow>(Spec.YearCount);
        for (int year = Spec.FirstYear; year <= Spec.LastYear; year++)
        {
            rows.Add(new DepletionRow(Name, year, DepletionCount(year), DepletionProbabilityBy(year)));
        }
        return rows;
    }

    private void CheckDepletion()
    {
        if (!Spec.TrackDepletion) throw new InvalidOperationException($"series '{Name}' does not track depletion (SeriesSpec.TrackDepletion is false)");
    }

    // Histograms and exact-sum slots are mostly zeros (a 31-province summary is about 60 MB dense): each array is written
    // sparse, as (gap, value) pairs of its non-zero 64-bit words, doubles by their bits, so the trip is exact and small.
    internal void Write(BinaryWriter w)
    {
        WriteSparse(w, _histogram);
        WriteSparse(w, _count);
        WriteSparse(w, _nonFinite);
        WriteSparse(w, _min);
        WriteSparse(w, _max);
        WriteSparse(w, _sum);
        WriteSparse(w, _firstNegative);
        w.Write(_neverNegative);
    }

    internal void Read(BinaryReader r)
    {
        ReadSparse(r, _histogram);
        ReadSparse(r, _count);
        ReadSparse(r, _nonFinite);
        ReadSparse(r, _min);
        ReadSparse(r, _max);
        ReadSparse(r, _sum);
        ReadSparse(r, _firstNegative);
        _neverNegative = r.ReadInt64();
    }

    private static void WriteSparse(BinaryWriter w, long[] values)
    {
        int nonZero = 0;
        foreach (long v in values) if (v != 0) nonZero++;
        w.Write7BitEncodedInt(nonZero);
        int last = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == 0) continue;
            w.Write7BitEncodedInt(i - last);
            w.Write(values[i]);
            last = i;
        }
    }

    private static void WriteSparse(BinaryWriter w, double[] values)
    {
        int nonZero = 0;
        foreach (double v in values) if (BitConverter.DoubleToInt64Bits(v) != 0) nonZero++;
        w.Write7BitEncodedInt(nonZero);
        int last = -1;
        for (int i = 0; i < values.Length; i++)
        {
            long bits = BitConverter.DoubleToInt64Bits(values[i]);
            if (bits == 0) continue;
            w.Write7BitEncodedInt(i - last);
            w.Write(bits);
            last = i;
        }
    }

    private static void ReadSparse(BinaryReader r, long[] values)
    {
        Array.Clear(values);
        int nonZero = r.ReadInt32Sparse(values.Length);
        for (int k = 0, i = -1; k < nonZero; k++)
        {
            i += r.Read7BitEncodedInt();
            if (i < 0 || i >= values.Length) throw new ArgumentException("a Monte Carlo summary with an entry outside its arrays");
            values[i] = r.ReadInt64();
        }
    }

    private static void ReadSparse(BinaryReader r, double[] values)
    {
        Array.Clear(values);
        int nonZero = r.ReadInt32Sparse(values.Length);
        for (int k = 0, i = -1; k < nonZero; k++)
        {
            i += r.Read7BitEncodedInt();
            if (i < 0 || i >= values.Length) throw new ArgumentException("a Monte Carlo summary with an entry outside its arrays");
            values[i] = BitConverter.Int64BitsToDouble(r.ReadInt64());
        }
    }

    internal bool IsIdenticalTo(SeriesSummary o)
    {
        if (o.Spec != Spec || _neverNegative != o._neverNegative) return false;
        if (!_histogram.AsSpan().SequenceEqual(o._histogram) || !_count.AsSpan().SequenceEqual(o._count) || !_nonFinite.AsSpan().SequenceEqual(o._nonFinite)
            || !_firstNegative.AsSpan().SequenceEqual(o._firstNegative)) return false;
        for (int t = 0; t < _count.Length; t++)
        {
            if (BitConverter.DoubleToInt64Bits(_min[t]) != BitConverter.DoubleToInt64Bits(o._min[t])
                || BitConverter.DoubleToInt64Bits(_max[t]) != BitConverter.DoubleToInt64Bits(o._max[t])) return false;
            double a = ExactSum.Value(_sum.AsSpan(t * ExactSum.Slots, ExactSum.Slots));
            double b = ExactSum.Value(o._sum.AsSpan(t * ExactSum.Slots, ExactSum.Slots));
            if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b)) return false;
        }
        return true;
    }
}

internal static class SparseReading
{
    /// <summary>The count of non-zero entries of a sparse array of <paramref name="length"/> entries.</summary>
    public static int ReadInt32Sparse(this BinaryReader r, int length)
    {
        int n = r.Read7BitEncodedInt();
        if (n < 0 || n > length) throw new ArgumentException("a Monte Carlo summary with more entries than its arrays hold");
        return n;
    }
}

/// <summary>One year of a quantile fan (tidy).</summary>
/// <param name="Series">Series name.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Paths">Paths with a finite value.</param>
/// <param name="Min">Exact minimum.</param>
/// <param name="P5">5% quantile (histogram resolution).</param>
/// <param name="P25">25% quantile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75% quantile.</param>
/// <param name="P95">95% quantile.</param>
/// <param name="Max">Exact maximum.</param>
/// <param name="Mean">Mean (exact sum, rounded once).</param>
[CsvHelper.CsvRecord]
public sealed partial record FanRow(string Series, int Year, long Paths, double Min, double P5, double P25, double P50, double P75, double P95, double Max, double Mean);

/// <summary>One year of the depletion-year distribution (tidy).</summary>
/// <param name="Series">Series name.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="FirstNegativePaths">Paths whose series is negative for the first time in this year.</param>
/// <param name="ProbabilityDepletedBy">Share of paths depleted in this year or before.</param>
[CsvHelper.CsvRecord]
public sealed partial record DepletionRow(string Series, int Year, long FirstNegativePaths, double ProbabilityDepletedBy);

/// <summary>One kept path (when <see cref="MonteCarloOptions.KeepPaths"/>): its index and every series' values.</summary>
/// <param name="PathIndex">Global path index.</param>
/// <param name="Values">One array per series, in the evaluator's order.</param>
internal sealed record PathRecord(long PathIndex, IReadOnlyList<double[]> Values);

/// <summary>
/// The summary of a Monte Carlo run or shard (<see cref="PensionPathEvaluator.Run"/>): one <see cref="SeriesSummary"/>
/// per series, read by name (<c>summary[PensionPathEvaluator.NationalBalance]</c>) as fans and depletion tables. Shards (the cluster's) merge
/// exactly: the merge equals the summary of a single run over all their paths bit for bit.
/// </summary>
public sealed class MonteCarloSummary
{
    private readonly SeriesSummary[] _series;
    private readonly List<PathRecord>? _paths;

    private readonly List<(long First, long End)> _ranges = [];

    /// <summary>An empty summary for the given series.</summary>
    /// <param name="series">The series (names unique).</param>
    /// <param name="keepPaths">Whether to keep every path's values (memory grows with the paths).</param>
    /// <param name="seed">The seed of the run whose paths it summarises (null when unknown: then it merges only with shards of unknown seed).</param>
    internal MonteCarloSummary(IReadOnlyList<SeriesSpec> series, bool keepPaths = false, ulong? seed = null)
    {
        Seed = seed;
        ArgumentNullException.ThrowIfNull(series);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s);
            s.Validate();
            if (!names.Add(s.Name)) throw new InputDataException("series", null, "Name", s.Name, "a name used once");
        }
        Specs = series.ToArray();
        _series = Specs.Select(s => new SeriesSummary(s)).ToArray();
        _paths = keepPaths ? [] : null;
    }

    /// <summary>The series specifications.</summary>
    internal IReadOnlyList<SeriesSpec> Specs { get; }

    /// <summary>Number of paths summarised.</summary>
    public long PathCount { get; private set; }

    /// <summary>The seed of the run the paths come from, or null when not known.</summary>
    public ulong? Seed { get; private set; }

    /// <summary>The path indices summarised, as sorted, disjoint half-open ranges [First, End).</summary>
    internal IReadOnlyList<(long First, long End)> PathRanges => _ranges.AsReadOnly();

    /// <summary>The ranges as text, e.g. "[0, 100), [200, 300)".</summary>
    private static string Show(IEnumerable<(long First, long End)> ranges) =>
        string.Join(", ", ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"[{r.First}, {r.End})")));

    /// <summary>The first range of <paramref name="other"/> that overlaps this summary's paths, or null.</summary>
    private (long First, long End)? Overlap(IReadOnlyList<(long First, long End)> other)
    {
        int i = 0, j = 0;
        while (i < _ranges.Count && j < other.Count)
        {
            long first = Math.Max(_ranges[i].First, other[j].First), end = Math.Min(_ranges[i].End, other[j].End);
            if (first < end) return (first, end);
            if (_ranges[i].End <= other[j].End) i++;
            else j++;
        }
        return null;
    }

    /// <summary>Adds [first, end) to the ranges (known to be disjoint from them), joining neighbours.</summary>
    private void AddRange(long first, long end)
    {
        int at = _ranges.Count;
        while (at > 0 && _ranges[at - 1].First > first) at--;
        _ranges.Insert(at, (first, end));
        if (at + 1 < _ranges.Count && _ranges[at].End == _ranges[at + 1].First)
        {
            _ranges[at] = (_ranges[at].First, _ranges[at + 1].End);
            _ranges.RemoveAt(at + 1);
        }
        if (at > 0 && _ranges[at - 1].End == _ranges[at].First)
        {
            _ranges[at - 1] = (_ranges[at - 1].First, _ranges[at].End);
            _ranges.RemoveAt(at);
        }
    }

    /// <summary>The per-series summaries, in the evaluator's order.</summary>
    public IReadOnlyList<SeriesSummary> Series => _series;

    /// <summary>The summary of a series by name.</summary>
    public SeriesSummary this[string name] => _series.FirstOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"no series '{name}'; the series are {string.Join(", ", _series.Select(s => s.Name))}");

    /// <summary>The kept paths sorted by index, or null when paths were not kept.</summary>
    internal IReadOnlyList<PathRecord>? Paths => _paths is null ? null : _paths.OrderBy(p => p.PathIndex).ToList();

    /// <summary>Adds one path's values.</summary>
    /// <exception cref="ArgumentException">The path is already in the summary.</exception>
    internal void Record(long pathIndex, PathOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(pathIndex);
        if (Overlap([(pathIndex, pathIndex + 1)]) is not null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"path {pathIndex} is already in the summary; a path counts once"), nameof(pathIndex));
        }
        AddRange(pathIndex, pathIndex + 1);
        for (int i = 0; i < _series.Length; i++) _series[i].Record(output.Raw(i));
        PathCount++;
        _paths?.Add(new PathRecord(pathIndex, Enumerable.Range(0, _series.Length).Select(i => output.Raw(i).ToArray()).ToArray()));
    }

    /// <summary>Adds <paramref name="other"/>'s paths into this summary (same series and seed; the two must cover disjoint paths).</summary>
    /// <exception cref="ArgumentException">The series differ, one keeps paths and the other does not, the seeds differ
    /// (the shards are not of one run) or the path ranges overlap (a path would count twice).</exception>
    internal void MergeFrom(MonteCarloSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("cannot merge a summary into itself: every path would count twice", nameof(other));
        if (other._series.Length != _series.Length || !other.Specs.Select(s => s.Name).SequenceEqual(Specs.Select(s => s.Name), StringComparer.Ordinal))
        {
            throw new ArgumentException("cannot merge summaries of different series", nameof(other));
        }
        if ((_paths is null) != (other._paths is null)) throw new ArgumentException("cannot merge a summary that keeps paths with one that does not", nameof(other));
        if (PathCount > 0 && other.PathCount > 0 && Seed != other.Seed)
        {
            throw new ArgumentException($"cannot merge shards of different seeds ({Seed?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} and {other.Seed?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}): their paths are not one run's", nameof(other));
        }
        if (Overlap(other._ranges) is { } overlap)
        {
            throw new ArgumentException($"cannot merge shards that overlap on paths {Show([overlap])} (this summary holds {Show(_ranges)}, the other {Show(other._ranges)}): a path would count twice", nameof(other));
        }
        if (PathCount == 0 && other.PathCount > 0) Seed = other.Seed;
        foreach (var (first, end) in other._ranges) AddRange(first, end);
        for (int i = 0; i < _series.Length; i++) _series[i].Merge(other._series[i]);
        PathCount += other.PathCount;
        _paths?.AddRange(other._paths!);
    }

    /// <summary>A new summary of the union of the shards' paths.</summary>
    internal static MonteCarloSummary Merge(params IReadOnlyList<MonteCarloSummary> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("nothing to merge", nameof(shards));
        var total = new MonteCarloSummary(shards[0].Specs, shards[0]._paths is not null, shards[0].Seed);
        foreach (var s in shards) total.MergeFrom(s);
        return total;
    }

    /// <summary>Whether the two summaries are the same bit for bit (histograms, counts, min, max, means, depletion counts, kept paths).</summary>
    internal bool IsIdenticalTo(MonteCarloSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.PathCount != PathCount || other._series.Length != _series.Length || other.Seed != Seed || !other._ranges.SequenceEqual(_ranges)) return false;
        for (int i = 0; i < _series.Length; i++)
        {
            if (!_series[i].IsIdenticalTo(other._series[i])) return false;
        }
        if ((_paths is null) != (other._paths is null)) return false;
        if (_paths is null) return true;
        var a = Paths!;
        var b = other.Paths!;
        if (a.Count != b.Count) return false;
        for (int p = 0; p < a.Count; p++)
        {
            if (a[p].PathIndex != b[p].PathIndex) return false;
            for (int i = 0; i < a[p].Values.Count; i++)
            {
                if (!MemoryExtensions.SequenceEqual(a[p].Values[i].Select(BitConverter.DoubleToInt64Bits).ToArray().AsSpan(),
                    b[p].Values[i].Select(BitConverter.DoubleToInt64Bits).ToArray())) return false;
            }
        }
        return true;
    }

    private const int FormatVersion = 2;

    /// <summary>
    /// The summary as bytes, every count and every double bit for bit (for sending a shard's summary between machines,
    /// e.g. Actuarial.Cluster): <see cref="FromBytes"/> gives back a summary <see cref="IsIdenticalTo"/> this one, which
    /// merges exactly as this one would.
    /// </summary>
    internal byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(FormatVersion);
            w.Write(Specs.Count);
            foreach (var s in Specs)
            {
                w.Write(s.Name);
                w.Write(s.FirstYear);
                w.Write(s.LastYear);
                w.Write(s.Lower);
                w.Write(s.Upper);
                w.Write(s.Bins);
                w.Write(s.TrackDepletion);
            }
            w.Write(Seed.HasValue);
            w.Write(Seed ?? 0);
            w.Write(PathCount);
            w.Write(_ranges.Count);
            foreach (var (first, end) in _ranges)
            {
                w.Write(first);
                w.Write(end);
            }
            w.Write(_paths is not null);
            foreach (var s in _series) s.Write(w);
            if (_paths is not null)
            {
                w.Write(_paths.Count);
                foreach (var p in _paths.OrderBy(p => p.PathIndex))
                {
                    w.Write(p.PathIndex);
                    foreach (var values in p.Values)
                    {
                        w.Write(values.Length);
                        foreach (double v in values) w.Write(v);
                    }
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>A summary from <see cref="ToBytes"/>.</summary>
    /// <exception cref="ArgumentException">The bytes are not a summary of this format.</exception>
    internal static MonteCarloSummary FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8);
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new ArgumentException($"a Monte Carlo summary of format {version}; this library reads format {FormatVersion}", nameof(bytes));
            int count = r.ReadInt32();
            var specs = new SeriesSpec[count];
            for (int i = 0; i < count; i++)
            {
                specs[i] = new SeriesSpec(r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadBoolean());
            }
            bool hasSeed = r.ReadBoolean();
            ulong seed = r.ReadUInt64();
            long pathCount = r.ReadInt64();
            int rangeCount = r.ReadInt32();
            var ranges = new (long, long)[rangeCount];
            for (int i = 0; i < rangeCount; i++) ranges[i] = (r.ReadInt64(), r.ReadInt64());
            bool keepPaths = r.ReadBoolean();
            var summary = new MonteCarloSummary(specs, keepPaths, hasSeed ? seed : null);
            foreach (var s in summary._series) s.Read(r);
            summary._ranges.AddRange(ranges);
            summary.PathCount = pathCount;
            if (keepPaths)
            {
                int paths = r.ReadInt32();
                for (int p = 0; p < paths; p++)
                {
                    long index = r.ReadInt64();
                    var values = new double[count][];
                    for (int i = 0; i < count; i++)
                    {
                        values[i] = new double[r.ReadInt32()];
                        for (int k = 0; k < values[i].Length; k++) values[i][k] = r.ReadDouble();
                    }
                    summary._paths!.Add(new PathRecord(index, values));
                }
            }
            if (r.BaseStream.Position != r.BaseStream.Length) throw new ArgumentException("trailing bytes after a Monte Carlo summary", nameof(bytes));
            return summary;
        }
        catch (EndOfStreamException e)
        {
            throw new ArgumentException("the bytes end before the Monte Carlo summary does", nameof(bytes), e);
        }
    }

    /// <summary>Every series' fan, concatenated (tidy).</summary>
    public IReadOnlyList<FanRow> FanTable() => _series.SelectMany(s => s.Fan()).ToList();

    /// <summary>A short description.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PathCount} paths ({Show(_ranges)}, seed {Seed?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}); series {string.Join(", ", _series.Select(s => s.Name))}");
}
