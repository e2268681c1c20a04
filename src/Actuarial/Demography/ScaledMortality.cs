using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// Another mortality model's death rates multiplied, year by year, by a factor common to every age and both sexes: a
/// level shift that keeps the model's age pattern. Used to meet observed deaths in the years already observed
/// (<see cref="ObservedYearsCalibration"/>) and, as a lever, for mortality better or worse than the national table.
/// </summary>
internal sealed class ScaledMortality : IMortalityModel
{
    private readonly IMortalityModel _inner;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="factor"/> must cover every year the projection asks for.</summary>
    /// <param name="inner">The model whose rates are scaled.</param>
    /// <param name="factor">Multiplier of every death rate by calendar year (&gt; 0).</param>
    public ScaledMortality(IMortalityModel inner, AnnualPath factor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(factor);
        for (int year = factor.FirstYear; year <= factor.LastYear; year++)
        {
            if (!(factor[year] > 0) || !double.IsFinite(factor[year]))
            {
                throw new ArgumentOutOfRangeException(nameof(factor), factor[year], $"{factor.Name}: the factor of {year} must be finite and > 0");
            }
        }
        _inner = inner;
        Factor = factor;
    }

    /// <summary>The yearly multiplier of the death rates.</summary>
    public AnnualPath Factor { get; }

    /// <inheritdoc />
    public void FillDeathRates(int year, Sex sex, Span<double> mx)
    {
        _inner.FillDeathRates(year, sex, mx);
        double f = Factor[year];
        for (int age = 0; age < mx.Length; age++) mx[age] *= f;
    }
}
