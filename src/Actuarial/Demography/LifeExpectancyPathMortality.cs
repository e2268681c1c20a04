using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// Mortality that follows a target path of life expectancy at birth: for each year and sex the level k of
/// m(x) = exp(a(x) + b(x) k) is solved (by <see cref="LifeExpectancyTarget"/>, to 0.001 years) so that e(0) equals
/// that year's target. All years are solved once, when the model is created.
/// </summary>
internal sealed class LifeExpectancyPathMortality : IMortalityModel
{
    private readonly LifeExpectancyTarget _male;
    private readonly LifeExpectancyTarget _female;
    private readonly double[] _maleK;
    private readonly double[] _femaleK;

    /// <summary>Solves every year's level.</summary>
    /// <param name="male">Male base pattern (a(x), b(x)), e.g. <see cref="LifeExpectancyTarget.FromLeeCarter"/>.</param>
    /// <param name="female">Female base pattern.</param>
    /// <param name="firstYear">Calendar year of the first target.</param>
    /// <param name="maleE0">Male e(0) targets by year.</param>
    /// <param name="femaleE0">Female e(0) targets by year (same length).</param>
    /// <exception cref="ArgumentOutOfRangeException">A target is unreachable (the message names it and the reachable range).</exception>
    public LifeExpectancyPathMortality(LifeExpectancyTarget male, LifeExpectancyTarget female, int firstYear,
        IReadOnlyList<double> maleE0, IReadOnlyList<double> femaleE0)
    {
        ArgumentNullException.ThrowIfNull(male);
        ArgumentNullException.ThrowIfNull(female);
        ArgumentNullException.ThrowIfNull(maleE0);
        ArgumentNullException.ThrowIfNull(femaleE0);
        if (male.Sex != Sex.Male) throw new ArgumentException("the male pattern was built for females", nameof(male));
        if (female.Sex != Sex.Female) throw new ArgumentException("the female pattern was built for males", nameof(female));
        if (maleE0.Count == 0 || maleE0.Count != femaleE0.Count)
        {
            throw new ArgumentException($"e0 paths must be non-empty and of equal length (male {maleE0.Count}, female {femaleE0.Count})", nameof(femaleE0));
        }
        _male = male;
        _female = female;
        FirstYear = firstYear;
        _maleK = new double[maleE0.Count];
        _femaleK = new double[maleE0.Count];
        for (int i = 0; i < _maleK.Length; i++)
        {
            _maleK[i] = male.SolveIndex(maleE0[i]);
            _femaleK[i] = female.SolveIndex(femaleE0[i]);
        }
    }

    /// <summary>First calendar year served.</summary>
    public int FirstYear { get; }

    /// <summary>Last calendar year served.</summary>
    public int LastYear => FirstYear + _maleK.Length - 1;

    /// <summary>The solved level k for a year and sex.</summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="sex">Sex.</param>
    public double Index(int year, Sex sex)
    {
        MortalityModelChecks.Year(year, FirstYear, LastYear);
        return (sex == Sex.Male ? _maleK : _femaleK)[year - FirstYear];
    }

    /// <inheritdoc />
    public void FillDeathRates(int year, Sex sex, Span<double> mx)
    {
        MortalityModelChecks.Year(year, FirstYear, LastYear);
        MortalityModelChecks.Destination(mx);
        if (sex == Sex.Male) _male.FillDeathRates(_maleK[year - FirstYear], mx);
        else _female.FillDeathRates(_femaleK[year - FirstYear], mx);
    }
}
