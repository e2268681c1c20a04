using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// Fertility as a total fertility rate path times an age schedule, and a sex ratio at birth.
/// Age-specific fertility in year t is ASFR(a, t) = TFR(t) × schedule(a, t), births per woman-year;
/// education-specific fertility is not modelled (every education level gets the same ASFR).
/// </summary>
/// <param name="TotalFertilityRate">Children per woman, by year.</param>
/// <param name="AgeSchedule">Share of the TFR at each single year of mother's age, by year (sums to 1).</param>
/// <param name="SexRatioAtBirth">Male births per female birth (e.g. 1.11), by year.</param>
public sealed record FertilityAssumption(AnnualPath TotalFertilityRate, FertilityAgeSchedule AgeSchedule, AnnualPath SexRatioAtBirth);

/// <summary>
/// The age pattern of fertility by year: the share of a year's TFR that falls at each single year of mother's age
/// 0..100 (zero outside the childbearing ages). Each year's shares are non-negative and sum to 1 (within 1e-6).
/// </summary>
public sealed class FertilityAgeSchedule
{
    /// <summary>Tolerance on each year's sum of shares: CSV inputs carry six significant digits.</summary>
    internal const double SumTolerance = 1e-6;

    private readonly double[] _shares; // [year][age]

    /// <summary>Creates a schedule from one row of 101 age shares per year, starting at <paramref name="firstYear"/>.</summary>
    public FertilityAgeSchedule(string source, int firstYear, IReadOnlyList<double[]> sharesByYear)
    {
        ArgumentNullException.ThrowIfNull(sharesByYear);
        if (sharesByYear.Count == 0) throw new InputDataException(source, null, "year", "(none)", "at least one year");
        _shares = new double[sharesByYear.Count * Ages.Count];
        for (int y = 0; y < sharesByYear.Count; y++)
        {
            var row = sharesByYear[y];
            int year = firstYear + y;
            if (row.Length != Ages.Count)
            {
                throw new InputDataException(source, null, $"shares[{year}]", $"{row.Length} ages", $"exactly {Ages.Count} ages 0..100");
            }
            double sum = 0;
            for (int a = 0; a < Ages.Count; a++)
            {
                double v = row[a];
                if (!double.IsFinite(v) || v < 0)
                {
                    throw new InputDataException(source, null, $"share[{year}, age {a}]", v.ToString("R", CultureInfo.InvariantCulture), "a share ≥ 0");
                }
                sum += v;
                _shares[y * Ages.Count + a] = v;
            }
            if (Math.Abs(sum - 1) > SumTolerance)
            {
                throw new InputDataException(source, null, $"sum of shares[{year}]", sum.ToString("R", CultureInfo.InvariantCulture),
                    $"1 within {SumTolerance} (an age schedule sums to one)");
            }
        }
        FirstYear = firstYear;
        Source = source;
    }

    /// <summary>Where the schedule came from (used in error messages).</summary>
    public string Source { get; }

    /// <summary>First calendar year covered.</summary>
    public int FirstYear { get; }

    /// <summary>Last calendar year covered.</summary>
    public int LastYear => FirstYear + _shares.Length / Ages.Count - 1;

    /// <summary>The 101 age shares of a year.</summary>
    internal ReadOnlySpan<double> SharesFor(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"{Source} covers {FirstYear}..{LastYear}");
        }
        return _shares.AsSpan((year - FirstYear) * Ages.Count, Ages.Count);
    }
}
