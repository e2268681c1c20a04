using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// Annual net interprovincial migration rates per person, laid out [region][sex][age 0..100] with age fastest.
/// Immutable. Every rate is finite and above −1 (no region can lose more people than it has).
/// </summary>
public sealed class InterprovincialMigrationRates
{
    private readonly double[] _rates;

    /// <summary>Creates the rates from a copy of <paramref name="rates"/>.</summary>
    /// <param name="rates">Rates [region][sex][age], length <paramref name="regionCount"/> × 2 × 101.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">A rate is not finite or not above −1, or the length is wrong.</exception>
    internal InterprovincialMigrationRates(ReadOnlySpan<double> rates, int regionCount, string source = "interprovincial migration rates")
    {
        if (regionCount <= 0) throw new ArgumentOutOfRangeException(nameof(regionCount), regionCount, "at least one region");
        int expected = regionCount * CellsPerRegion;
        if (rates.Length != expected)
        {
            throw new InputDataException(source, null, "rates", $"{rates.Length} values",
                $"{expected} values laid out [region {regionCount}][sex {Sexes.Count}][age {Ages.Count}]");
        }
        Validate(rates, source);
        _rates = rates.ToArray();
        RegionCount = regionCount;
    }

    /// <summary>Number of rate cells per region: sexes × ages.</summary>
    internal const int CellsPerRegion = Sexes.Count * Ages.Count;

    /// <summary>Number of regions.</summary>
    public int RegionCount { get; }

    /// <summary>The rate of a region, sex and age (0..100).</summary>
    internal double this[int region, Sex sex, int age] => _rates[Index(region, sex, age)];

    /// <summary>All rates, [region][sex][age] with age fastest.</summary>
    internal ReadOnlySpan<double> AsSpan() => _rates;

    /// <summary>Flat index of a (region, sex, age) rate.</summary>
    internal static int Index(int region, Sex sex, int age) => (region * Sexes.Count + (int)sex) * Ages.Count + age;

    /// <summary>Throws unless every rate is finite and above −1.</summary>
    /// <param name="rates">Rates in any layout.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">The first rate that is not finite or not above −1.</exception>
    internal static void Validate(ReadOnlySpan<double> rates, string source)
    {
        for (int i = 0; i < rates.Length; i++)
        {
            double r = rates[i];
            if (!(r > -1.0) || !double.IsFinite(r))
            {
                int region = i / CellsPerRegion, sex = i / Ages.Count % Sexes.Count, age = i % Ages.Count;
                throw new InputDataException(source, null,
                    $"rate[region {region.ToString(CultureInfo.InvariantCulture)}, {((Sex)sex).Label()}, age {Ages.Label(age)}]",
                    r.ToString("R", CultureInfo.InvariantCulture), "a finite net migration rate above -1 per year");
            }
        }
    }
}
