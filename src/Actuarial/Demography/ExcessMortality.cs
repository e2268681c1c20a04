using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// Another mortality model's death rates raised, in listed years and an age band, by a share: m'(x) = m(x)·(1 + size)
/// for ages <see cref="FromAge"/>…<see cref="ToAge"/> (both sexes). A time-limited shock of excess mortality (an
/// epidemic, a heat wave); a size of 0 leaves every rate bit for bit as the inner model's.
/// </summary>
internal sealed class ExcessMortality : IMortalityModel
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The model whose rates are raised.</param>
    /// <param name="sizeByYear">Excess by calendar year, each finite and ≥ 0 (0.2 = death rates 20% higher).</param>
    /// <param name="fromAge">Youngest age of the band, 0…100.</param>
    /// <param name="toAge">Oldest age of the band (100 = 100+), fromAge…100.</param>
    public ExcessMortality(IMortalityModel inner, IReadOnlyDictionary<int, double> sizeByYear, int fromAge = 0, int toAge = Ages.OpenInterval)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(sizeByYear);
        if (fromAge < 0 || fromAge > Ages.OpenInterval) throw new ArgumentOutOfRangeException(nameof(fromAge), fromAge, $"an age in 0…{Ages.OpenInterval}");
        if (toAge < fromAge || toAge > Ages.OpenInterval) throw new ArgumentOutOfRangeException(nameof(toAge), toAge, $"an age in {fromAge}…{Ages.OpenInterval} (not below the youngest age of the band)");
        foreach (var (year, size) in sizeByYear)
        {
            if (!double.IsFinite(size) || size < 0) throw new ArgumentOutOfRangeException(nameof(sizeByYear), size, $"the excess of {year} must be finite and ≥ 0");
        }
        Inner = inner;
        SizeByYear = sizeByYear.ToDictionary();
        FromAge = fromAge;
        ToAge = toAge;
    }

    /// <summary>The model whose rates are raised.</summary>
    public IMortalityModel Inner { get; }

    /// <summary>Excess by calendar year.</summary>
    public IReadOnlyDictionary<int, double> SizeByYear { get; }

    /// <summary>Youngest age of the band.</summary>
    public int FromAge { get; }

    /// <summary>Oldest age of the band (100 = 100+).</summary>
    public int ToAge { get; }

    /// <inheritdoc />
    public void FillDeathRates(int year, Sex sex, Span<double> mx)
    {
        Inner.FillDeathRates(year, sex, mx);
        if (!SizeByYear.TryGetValue(year, out double size)) return;
        for (int age = FromAge; age <= ToAge; age++) mx[age] *= 1 + size;
    }
}
