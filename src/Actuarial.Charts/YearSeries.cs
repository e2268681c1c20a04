namespace Actuarial.Charts;

/// <summary>A labelled series of values by year (one line on a chart).</summary>
/// <param name="Label">Legend text (a region, a scenario).</param>
/// <param name="Years">Calendar years, increasing.</param>
/// <param name="Values">One value per year, in the unit the chart expects.</param>
public sealed record YearSeries(string Label, IReadOnlyList<int> Years, IReadOnlyList<double> Values)
{
    /// <summary>Checks that years and values pair up and returns the series.</summary>
    /// <exception cref="ArgumentException">The lengths differ or the series is empty.</exception>
    public YearSeries Validated()
    {
        if (Years.Count != Values.Count) throw new ArgumentException($"series '{Label}': {Years.Count} years but {Values.Count} values");
        if (Years.Count == 0) throw new ArgumentException($"series '{Label}' is empty");
        return this;
    }

    /// <summary>The series <c>this − <paramref name="baseline"/></c> over the years both have.</summary>
    public YearSeries Minus(YearSeries baseline, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var other = new Dictionary<int, double>();
        for (int i = 0; i < baseline.Years.Count; i++) other[baseline.Years[i]] = baseline.Values[i];
        var years = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < Years.Count; i++)
        {
            if (other.TryGetValue(Years[i], out double b)) { years.Add(Years[i]); values.Add(Values[i] - b); }
        }
        return new YearSeries(label ?? $"{Label} - {baseline.Label}", years, values).Validated();
    }
}

/// <summary>
/// Quantiles of an uncertain quantity by year (for a fan chart): 5th, 25th, 50th, 75th and 95th percentiles, in the
/// library's units (yuan for balances).
/// </summary>
/// <param name="Years">Calendar years, increasing.</param>
/// <param name="P5">5th percentile by year.</param>
/// <param name="P25">25th percentile by year.</param>
/// <param name="P50">Median by year.</param>
/// <param name="P75">75th percentile by year.</param>
/// <param name="P95">95th percentile by year.</param>
public sealed record QuantileFan(IReadOnlyList<int> Years, IReadOnlyList<double> P5, IReadOnlyList<double> P25,
    IReadOnlyList<double> P50, IReadOnlyList<double> P75, IReadOnlyList<double> P95)
{
    /// <summary>
    /// The fan of simulated paths: <paramref name="draws"/>[year index][draw] (e.g. the national closing balance of every
    /// Monte Carlo run); percentiles by linear interpolation between order statistics.
    /// </summary>
    public static QuantileFan FromDraws(IReadOnlyList<int> years, IReadOnlyList<IReadOnlyList<double>> draws)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(draws);
        if (years.Count != draws.Count) throw new ArgumentException($"{years.Count} years but {draws.Count} sets of draws");
        double[] p5 = new double[years.Count], p25 = new double[years.Count], p50 = new double[years.Count], p75 = new double[years.Count], p95 = new double[years.Count];
        for (int t = 0; t < years.Count; t++)
        {
            var sorted = draws[t].ToArray();
            if (sorted.Length == 0) throw new ArgumentException($"no draws for {years[t]}");
            Array.Sort(sorted);
            p5[t] = Quantile(sorted, 0.05); p25[t] = Quantile(sorted, 0.25); p50[t] = Quantile(sorted, 0.5);
            p75[t] = Quantile(sorted, 0.75); p95[t] = Quantile(sorted, 0.95);
        }
        return new QuantileFan(years, p5, p25, p50, p75, p95);
    }

    /// <summary>Checks that every band has one value per year and returns the fan.</summary>
    public QuantileFan Validated()
    {
        if (Years.Count == 0) throw new ArgumentException("the fan has no years");
        foreach (var band in new[] { P5, P25, P50, P75, P95 })
        {
            if (band.Count != Years.Count) throw new ArgumentException($"a quantile band has {band.Count} values for {Years.Count} years");
        }
        return this;
    }

    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
