namespace Actuarial;

/// <summary>
/// A value for each calendar year of a contiguous span (no gaps): a TFR path, a sex ratio at birth, a scale factor.
/// Immutable; asking for a year outside the span is an error, never an extrapolation.
/// </summary>
public sealed class AnnualPath
{
    private readonly double[] _values;

    /// <summary>Creates a path; every value must be finite and within [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="name">What the path is (used in error messages), e.g. "tfr".</param>
    /// <param name="firstYear">Calendar year of the first value.</param>
    /// <param name="values">One value per year from <paramref name="firstYear"/>.</param>
    /// <param name="minimum">Smallest valid value.</param>
    /// <param name="maximum">Largest valid value.</param>
    public AnnualPath(string name, int firstYear, IReadOnlyList<double> values, double minimum = double.MinValue, double maximum = double.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new InputDataException(name, null, "values", "(empty)", "at least one year");
        _values = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || v < minimum || v > maximum)
            {
                throw new InputDataException(name, null, $"{name}[{firstYear + i}]", v.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    $"a finite value in [{minimum}, {maximum}]");
            }
            _values[i] = v;
        }
        Name = name;
        FirstYear = firstYear;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Smallest valid value (kept by <see cref="Map"/>).</summary>
    public double Minimum { get; }

    /// <summary>Largest valid value (kept by <see cref="Map"/>).</summary>
    public double Maximum { get; }

    /// <summary>A constant path over [firstYear, lastYear].</summary>
    public static AnnualPath Constant(string name, int firstYear, int lastYear, double value) =>
        new(name, firstYear, Enumerable.Repeat(value, lastYear - firstYear + 1).ToArray());

    /// <summary>Builds a path from (year, value) points that must cover every year between the first and last exactly once.</summary>
    public static AnnualPath FromYears(string name, IEnumerable<(int Year, double Value)> points, double minimum = double.MinValue, double maximum = double.MaxValue)
    {
        var sorted = points.OrderBy(p => p.Year).ToList();
        if (sorted.Count == 0) throw new InputDataException(name, null, "year", "(none)", "at least one year");
        for (int i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Year != sorted[i - 1].Year + 1)
            {
                throw new InputDataException(name, null, "year", sorted[i].Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"the year after {sorted[i - 1].Year} (a path has no gaps and no repeats)");
            }
        }
        return new AnnualPath(name, sorted[0].Year, sorted.Select(p => p.Value).ToArray(), minimum, maximum);
    }

    /// <summary>Name used in error messages.</summary>
    public string Name { get; }

    /// <summary>First calendar year covered.</summary>
    public int FirstYear { get; }

    /// <summary>Last calendar year covered.</summary>
    public int LastYear => FirstYear + _values.Length - 1;

    /// <summary>The value for a calendar year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside [FirstYear, LastYear].</exception>
    public double this[int year]
    {
        get
        {
            if (year < FirstYear || year > LastYear)
            {
                throw new ArgumentOutOfRangeException(nameof(year), year, $"{Name} covers {FirstYear}..{LastYear}");
            }
            return _values[year - FirstYear];
        }
    }

    /// <summary>True when the path covers every year in [from, to].</summary>
    public bool Covers(int from, int to) => from >= FirstYear && to <= LastYear;

    /// <summary>
    /// A copy with each value replaced by <paramref name="change"/>(year, value); used for levers such as "TFR + 0.3".
    /// The copy keeps the path's valid range, so a change that leaves it (a TFR of −1 or 100) is refused here, where
    /// it is made, rather than deep in a projection.
    /// </summary>
    /// <exception cref="InputDataException">A changed value is not finite or outside [<see cref="Minimum"/>, <see cref="Maximum"/>]; the message names the path and the year.</exception>
    public AnnualPath Map(Func<int, double, double> change) =>
        new(Name, FirstYear, _values.Select((v, i) => change(FirstYear + i, v)).ToArray(), Minimum, Maximum);
}
