using System.Collections.ObjectModel;
using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Labour;

/// <summary>
/// One value for each region of a grid, keyed by GB/T 2260 code and stored in the grid's order (<see cref="Regions"/>).
/// Immutable. Every region appears exactly once; an unknown code, a repeated code, a missing region or a value outside
/// the valid range is an <see cref="InputDataException"/>.
/// </summary>
public sealed class ProvinceValues
{
    private readonly double[] _values;
    private readonly Region[] _regions;

    /// <summary>Creates the values of the 31 provinces (<see cref="Dimensions.Regions.Provinces"/>) from (province code, value) pairs.</summary>
    /// <param name="name">What the values are (used in error messages), e.g. "coverage".</param>
    /// <param name="values">One (GB/T 2260 code, value) pair per province, in any order.</param>
    /// <param name="minimum">Smallest valid value.</param>
    /// <param name="maximum">Largest valid value.</param>
    /// <exception cref="InputDataException">An unknown or repeated code, a missing province, or a value out of range.</exception>
    internal ProvinceValues(string name, IEnumerable<(int Code, double Value)> values, double minimum, double maximum)
        : this(name, Dimensions.Regions.Provinces, values, minimum, maximum)
    {
    }

    /// <summary>Creates the values of the given regions from (code, value) pairs.</summary>
    /// <param name="name">What the values are (used in error messages), e.g. "coverage".</param>
    /// <param name="regions">The regions in grid order (provinces, not the nation).</param>
    /// <param name="values">One (GB/T 2260 code, value) pair per region, in any order.</param>
    /// <param name="minimum">Smallest valid value.</param>
    /// <param name="maximum">Largest valid value.</param>
    /// <exception cref="InputDataException">An unknown or repeated code, a missing region, or a value out of range.</exception>
    internal ProvinceValues(string name, IReadOnlyList<Region> regions, IEnumerable<(int Code, double Value)> values, double minimum, double maximum)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(values);
        _regions = regions.ToArray();
        if (_regions.Length == 0 || _regions.Any(r => r.IsNational) || _regions.Select(r => r.Code).Distinct().Count() != _regions.Length)
        {
            throw new InputDataException(name, null, "regions", string.Join(",", _regions.Select(r => r.Code)), "one or more distinct provinces");
        }
        var result = new double[_regions.Length];
        var seen = new bool[result.Length];
        foreach (var (code, value) in values)
        {
            int index = IndexOf(code);
            if (index < 0)
            {
                throw new InputDataException(name, null, "region_code", code.ToString(CultureInfo.InvariantCulture), CodesRange());
            }
            if (seen[index])
            {
                throw new InputDataException(name, null, "region_code", code.ToString(CultureInfo.InvariantCulture), "each province once (this code is repeated)");
            }
            if (!double.IsFinite(value) || value < minimum || value > maximum)
            {
                throw new InputDataException(name, null, $"{name}[{_regions[index].EnglishName}]", value.ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"a finite value in [{minimum}, {maximum}]"));
            }
            seen[index] = true;
            result[index] = value;
        }
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new InputDataException(name, null, "region_code", null,
                string.Create(CultureInfo.InvariantCulture, $"a value for every one of the {_regions.Length} provinces ({_regions[missing].EnglishName}, code {_regions[missing].Code}, is missing)"));
        }
        Name = name;
        Minimum = minimum;
        Maximum = maximum;
        _values = result;
        ByIndex = new ReadOnlyCollection<double>(_values);
        Regions = new ReadOnlyCollection<Region>(_regions);
    }

    /// <summary>The regions in grid order.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>Name used in error messages.</summary>
    public string Name { get; }

    /// <summary>Smallest valid value.</summary>
    public double Minimum { get; }

    /// <summary>Largest valid value.</summary>
    public double Maximum { get; }

    /// <summary>The values in grid order (index = index in <see cref="Regions"/>).</summary>
    internal IReadOnlyList<double> ByIndex { get; }

    /// <summary>The value of a province.</summary>
    /// <exception cref="InputDataException"><paramref name="province"/> is not one of the regions.</exception>
    public double this[Region province] => this[province.Code];

    /// <summary>The value of a province by GB/T 2260 code.</summary>
    /// <exception cref="InputDataException">The code is not one of the regions.</exception>
    internal double this[int code]
    {
        get
        {
            int index = IndexOf(code);
            if (index < 0)
            {
                throw new InputDataException(Name, null, "region_code", code.ToString(CultureInfo.InvariantCulture), CodesRange());
            }
            return _values[index];
        }
    }

    /// <summary>(code, value) pairs in grid order.</summary>
    internal IEnumerable<(int Code, double Value)> Pairs() => _regions.Select((p, i) => (p.Code, _values[i]));

    /// <summary>A copy with each value replaced by <paramref name="change"/>(code, value), checked against the same range.</summary>
    internal ProvinceValues Map(Func<int, double, double> change) =>
        new(Name, _regions, Pairs().Select(p => (p.Code, change(p.Code, p.Value))).ToArray(), Minimum, Maximum);

    internal double At(int index) => _values[index];

    private int IndexOf(int code) => Array.FindIndex(_regions, r => r.Code == code);

    private string CodesRange() => _regions.Length == Dimensions.Regions.Provinces.Count
        ? "a GB/T 2260 code of one of the 31 provinces (11..65)"
        : "a GB/T 2260 code of one of the regions (" + string.Join(", ", _regions.Select(r => r.Code.ToString(CultureInfo.InvariantCulture))) + ")";
}
