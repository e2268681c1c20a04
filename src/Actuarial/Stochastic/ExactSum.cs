namespace Actuarial.Stochastic;

/// <summary>
/// Exact summation of doubles (Shewchuk 1997, "Adaptive precision floating-point arithmetic and fast robust geometric
/// predicates"; the algorithm of Python's <c>math.fsum</c>): the running sum is kept exactly as a short expansion of
/// non-overlapping partials in a fixed-size slice of a caller's array, and read back correctly rounded. Because the
/// exact sum does not depend on the order of the additions and the rounding of an exact value is unique, the result is
/// the same bit for bit whatever order values (or whole accumulators) are added in. Allocation-free.
/// </summary>
internal static class ExactSum
{
    /// <summary>Slots per accumulator: slot 0 holds the count of partials, then the partials. Non-overlapping doubles
    /// spanning the exponent range number at most about 2100/53 ≈ 40.</summary>
    public const int Slots = 48;

    /// <summary>Adds <paramref name="x"/> (finite) to the accumulator in <paramref name="acc"/> (length <see cref="Slots"/>).</summary>
    public static void Add(Span<double> acc, double x)
    {
        int n = (int)acc[0];
        var p = acc.Slice(1);
        int i = 0;
        for (int j = 0; j < n; j++)
        {
            double y = p[j];
            if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) p[i++] = lo;
            x = hi;
        }
        if (i >= p.Length) throw new InvalidOperationException("exact sum: too many partials (values not finite?)");
        p[i] = x;
        acc[0] = i + 1;
    }

    /// <summary>Adds every partial of <paramref name="other"/> to <paramref name="acc"/>: afterwards acc holds the exact sum of both.</summary>
    public static void Merge(Span<double> acc, ReadOnlySpan<double> other)
    {
        int n = (int)other[0];
        for (int j = 1; j <= n; j++) Add(acc, other[j]);
    }

    /// <summary>The exact sum rounded to the nearest double (ties to even), as <c>math.fsum</c> does.</summary>
    public static double Value(ReadOnlySpan<double> acc)
    {
        int n = (int)acc[0];
        var p = acc.Slice(1);
        if (n == 0) return 0;
        double hi = p[--n];
        double lo = 0;
        while (n > 0)
        {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0) break;
        }
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0)))
        {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
        return hi;
    }
}
