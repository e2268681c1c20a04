using System.Collections.ObjectModel;
using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Labour;

/// <summary>
/// One value for each of the 31 provinces, keyed by GB/T 2260 code and stored in grid order
/// (<see cref="Regions.Provinces"/>). Immutable. Every province appears exactly once; an unknown code, a repeated
/// code, a missing province or a value outside the valid range is an <see cref="InputDataException"/>.
/// </summary>
public sealed class ProvinceValues
{
    private readonly double[] _values;

    /// <summary>Creates the values from (province code, value) pairs.</summary>
    /// <param name="name">What the values are (used in error messages), e.g. "coverage".</param>
    /// <param name="values">One (GB/T 2260 code, value) pair per province, in any order.</param>
    /// <param name="minimum">Smallest valid value.</param>
    /// <param name="maximum">Largest valid value.</param>
    /// <exception cref="InputDataException">An unknown or repeated code, a missing province, or a value out of range.</exception>
    internal ProvinceValues(string name, IEnumerable<(int Code, double Value)> values, double minimum, double maximum)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var result = new double[Regions.Provinces.Count];
        var seen = new bool[result.Length];
        foreach (var (code, value) in values)
        {
            int index = Regions.ProvinceIndex(code);
            if (index < 0)
            {
                throw new InputDataException(name, null, "region_code", code.ToString(CultureInfo.InvariantCulture),
                    "a GB/T 2260 code of one of the 31 provinces (11..65)");
            }
            if (seen[index])
            {
                throw new InputDataException(name, null, "region_code", code.ToString(CultureInfo.InvariantCulture), "each province once (this code is repeated)");
            }
            if (!double.IsFinite(value) || value < minimum || value > maximum)
            {
                throw new InputDataException(name, null, $"{name}[{Regions.Provinces[index].EnglishName}]", value.ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"a finite value in [{minimum}, {maximum}]"));
            }
            seen[index] = true;
            result[index] = value;
        }
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new InputDataException(name, null, "region_code", null,
                $"a value for every one of the 31 provinces ({Regions.Provinces[missing].EnglishName}, code {Regions.Provinces[missing].Code}, is missing)");
        }
        Name = name;
        Minimum = minimum;
        Maximum = maximum;
        _values = result;
        ByIndex = new ReadOnlyCollection<double>(_values);
    }

    /// <summary>Name used in error messages.</summary>
    public string Name { get; }

    /// <summary>Smallest valid value.</summary>
    public double Minimum { get; }

    /// <summary>Largest valid value.</summary>
    public double Maximum { get; }

    /// <summary>The values in grid order (index = index in <see cref="Regions.Provinces"/>).</summary>
    internal IReadOnlyList<double> ByIndex { get; }

    /// <summary>The value of a province.</summary>
    /// <exception cref="InputDataException"><paramref name="province"/> is not one of the 31 provinces.</exception>
    public double this[Region province] => this[province.Code];

    /// <summary>The value of a province by GB/T 2260 code.</summary>
    /// <exception cref="InputDataException">The code is not one of the 31 provinces.</exception>
    internal double this[int code]
    {
        get
        {
            int index = Regions.ProvinceIndex(code);
            if (index < 0)
            {
                throw new InputDataException(Name, null, "region_code", code.ToString(CultureInfo.InvariantCulture),
                    "a GB/T 2260 code of one of the 31 provinces (11..65)");
            }
            return _values[index];
        }
    }

    /// <summary>(code, value) pairs in grid order.</summary>
    internal IEnumerable<(int Code, double Value)> Pairs() => Regions.Provinces.Select((p, i) => (p.Code, _values[i]));

    /// <summary>A copy with each value replaced by <paramref name="change"/>(code, value), checked against the same range.</summary>
    internal ProvinceValues Map(Func<int, double, double> change) =>
        new(Name, Pairs().Select(p => (p.Code, change(p.Code, p.Value))).ToArray(), Minimum, Maximum);

    internal double At(int index) => _values[index];
}
