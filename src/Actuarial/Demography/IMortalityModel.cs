using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// Mortality assumption of a projection: single-year central death rates by calendar year and sex. The projection
/// compiler calls <see cref="FillDeathRates"/> once per (year, sex) when it precomputes its inputs.
/// </summary>
public interface IMortalityModel
{
    /// <summary>Fills the central death rates m(0..99) and m(100+) for a calendar year and sex.</summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="sex">Sex.</param>
    /// <param name="mx">Destination of length <see cref="Ages.Count"/> (101).</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the model's range; the message names the
    /// year and the valid range.</exception>
    internal void FillDeathRates(int year, Sex sex, Span<double> mx);
}

/// <summary>Shared argument checks of the <see cref="IMortalityModel"/> implementations.</summary>
internal static class MortalityModelChecks
{
    public static void Year(int year, int firstYear, int lastYear)
    {
        if (year < firstYear || year > lastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"year {year} is outside the mortality model's range {firstYear}..{lastYear}");
        }
    }

    public static void Destination(Span<double> mx)
    {
        if (mx.Length != Ages.Count)
        {
            throw new ArgumentException($"death rates need {Ages.Count} cells (ages 0..99 and 100+), got {mx.Length}", nameof(mx));
        }
    }
}
