using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// Explicit single-year death rates by period and sex, held constant within each period: the rates of the period
/// [StartYear, EndYear) apply to every calendar year in it (a step function), which is how WPP's own five-year
/// projection applies its period rates.
/// </summary>
internal sealed class TabulatedMortality : IMortalityModel
{
    /// <summary>Rates of one period.</summary>
    /// <param name="StartYear">First calendar year of the period.</param>
    /// <param name="EndYear">First calendar year after the period (exclusive).</param>
    /// <param name="MaleMx">101 single-year central death rates for males.</param>
    /// <param name="FemaleMx">101 single-year central death rates for females.</param>
    internal readonly record struct Period(int StartYear, int EndYear, ReadOnlyMemory<double> MaleMx, ReadOnlyMemory<double> FemaleMx);

    private readonly int[] _starts;
    private readonly double[][] _male;
    private readonly double[][] _female;

    /// <summary>Creates the model from contiguous periods in calendar order.</summary>
    /// <param name="periods">Periods, each starting where the previous one ends.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="ArgumentException">No periods, an empty period, or a gap or overlap between periods.</exception>
    /// <exception cref="InputDataException">A period's rates fail the <see cref="LifeTable"/> checks.</exception>
    public TabulatedMortality(IReadOnlyList<Period> periods, string source = "mortality")
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0) throw new ArgumentException("tabulated mortality needs at least one period", nameof(periods));
        _starts = new int[periods.Count];
        _male = new double[periods.Count][];
        _female = new double[periods.Count][];
        for (int p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            if (period.EndYear <= period.StartYear)
            {
                throw new ArgumentException($"period {p} [{period.StartYear}, {period.EndYear}) is empty", nameof(periods));
            }
            if (p > 0 && period.StartYear != periods[p - 1].EndYear)
            {
                throw new ArgumentException(
                    $"period {p} starts in {period.StartYear} but the previous one ends in {periods[p - 1].EndYear}: periods must be contiguous and in order",
                    nameof(periods));
            }
            string label = string.Create(CultureInfo.InvariantCulture, $"{source} {period.StartYear}-{period.EndYear}");
            _ = new LifeTable(period.MaleMx.Span, Sex.Male, label + " male");
            _ = new LifeTable(period.FemaleMx.Span, Sex.Female, label + " female");
            _starts[p] = period.StartYear;
            _male[p] = period.MaleMx.ToArray();
            _female[p] = period.FemaleMx.ToArray();
        }
        FirstYear = periods[0].StartYear;
        LastYear = periods[^1].EndYear - 1;
    }

    /// <summary>
    /// Creates the model from abridged rates by period (WPP format, 22 values), graduated to single years by
    /// <see cref="MortalityGraduation.AbridgedToSingleYear"/>.
    /// </summary>
    /// <param name="periods">(start, end, male abridged, female abridged) per period, contiguous and in order.</param>
    /// <param name="source">Name of the input for error messages.</param>
    public static TabulatedMortality FromAbridged(IReadOnlyList<(int StartYear, int EndYear, double[] MaleAbridgedMx, double[] FemaleAbridgedMx)> periods, string source = "mortality")
    {
        ArgumentNullException.ThrowIfNull(periods);
        var single = new Period[periods.Count];
        for (int p = 0; p < periods.Count; p++)
        {
            var (start, end, male, female) = periods[p];
            string label = string.Create(CultureInfo.InvariantCulture, $"{source} {start}-{end}");
            single[p] = new Period(start, end,
                MortalityGraduation.AbridgedToSingleYear(male, Sex.Male, label + " male"),
                MortalityGraduation.AbridgedToSingleYear(female, Sex.Female, label + " female"));
        }
        return new TabulatedMortality(single, source);
    }

    /// <summary>First calendar year covered.</summary>
    public int FirstYear { get; }

    /// <summary>Last calendar year covered (the last period's end minus 1).</summary>
    public int LastYear { get; }

    /// <inheritdoc />
    public void FillDeathRates(int year, Sex sex, Span<double> mx)
    {
        MortalityModelChecks.Year(year, FirstYear, LastYear);
        MortalityModelChecks.Destination(mx);
        int index = Array.BinarySearch(_starts, year);
        if (index < 0) index = ~index - 1;
        (sex == Sex.Male ? _male : _female)[index].CopyTo(mx);
    }
}
