using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// Lee–Carter mortality by sex: m(x, year) = exp(a(x) + b(x) k(year)), with k on a given path — either the central
/// random-walk-with-drift forecast k(T + h) = k_T + h·c from the fit's last year T, or an explicit path (e.g. one
/// Monte Carlo draw).
/// </summary>
internal sealed class LeeCarterMortality : IMortalityModel
{
    private readonly LeeCarterModel _male;
    private readonly LeeCarterModel _female;
    private readonly double[] _maleK;
    private readonly double[] _femaleK;

    /// <summary>
    /// Central forecast: for each year y in [<paramref name="firstYear"/>, <paramref name="lastYear"/>],
    /// k(y) = k_T + (y − T) c, where T is the model's <see cref="LeeCarterModel.LastYear"/> (the jump-off year of the
    /// fit; the sexes' fits may end in different years).
    /// </summary>
    /// <param name="male">Model fitted to male single-year rates (101 ages).</param>
    /// <param name="female">Model fitted to female single-year rates (101 ages).</param>
    /// <param name="firstYear">First calendar year to serve; not before either model's last fitted year.</param>
    /// <param name="lastYear">Last calendar year to serve (≥ <paramref name="firstYear"/>).</param>
    /// <exception cref="ArgumentException">The models do not have 101 ages.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The first year precedes a model's jump-off year, or the last year precedes the first.</exception>
    public LeeCarterMortality(LeeCarterModel male, LeeCarterModel female, int firstYear, int lastYear)
    {
        CheckModels(male, female);
        int jumpOff = Math.Max(male.LastYear, female.LastYear);
        if (firstYear < jumpOff)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear,
                $"the forecast starts at the fits' jump-off years (male {male.LastYear}, female {female.LastYear}): the first year must be {jumpOff} or later");
        }
        if (lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"the last year must be at or after the first year {firstYear}");
        }
        _male = male;
        _female = female;
        FirstYear = firstYear;
        _maleK = new double[lastYear - firstYear + 1];
        _femaleK = new double[_maleK.Length];
        for (int i = 0; i < _maleK.Length; i++)
        {
            _maleK[i] = male.ForecastIndex(firstYear + i - male.LastYear);
            _femaleK[i] = female.ForecastIndex(firstYear + i - female.LastYear);
        }
    }

    /// <summary>Explicit index paths (for example one Monte Carlo draw from <see cref="LeeCarterModel.SimulateIndex(ReadOnlySpan{double}, Span{double}, double)"/>).</summary>
    /// <param name="male">Model fitted to male single-year rates (101 ages).</param>
    /// <param name="female">Model fitted to female single-year rates (101 ages).</param>
    /// <param name="firstYear">Calendar year of the first entry of each path.</param>
    /// <param name="maleIndex">k by year for males.</param>
    /// <param name="femaleIndex">k by year for females (same length).</param>
    public LeeCarterMortality(LeeCarterModel male, LeeCarterModel female, int firstYear, ReadOnlySpan<double> maleIndex, ReadOnlySpan<double> femaleIndex)
    {
        CheckModels(male, female);
        if (maleIndex.Length == 0 || maleIndex.Length != femaleIndex.Length)
        {
            throw new ArgumentException($"index paths must be non-empty and of equal length (male {maleIndex.Length}, female {femaleIndex.Length})", nameof(femaleIndex));
        }
        foreach (double k in maleIndex) if (!double.IsFinite(k)) throw new ArgumentException("the male index path has a non-finite value", nameof(maleIndex));
        foreach (double k in femaleIndex) if (!double.IsFinite(k)) throw new ArgumentException("the female index path has a non-finite value", nameof(femaleIndex));
        _male = male;
        _female = female;
        FirstYear = firstYear;
        _maleK = maleIndex.ToArray();
        _femaleK = femaleIndex.ToArray();
    }

    /// <summary>First calendar year served.</summary>
    public int FirstYear { get; }

    /// <summary>Last calendar year served.</summary>
    public int LastYear => FirstYear + _maleK.Length - 1;

    /// <summary>The index k used for a year and sex.</summary>
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
        var model = sex == Sex.Male ? _male : _female;
        model.FillDeathRates((sex == Sex.Male ? _maleK : _femaleK)[year - FirstYear], mx);
    }

    private static void CheckModels(LeeCarterModel male, LeeCarterModel female)
    {
        ArgumentNullException.ThrowIfNull(male);
        ArgumentNullException.ThrowIfNull(female);
        if (male.AgeCount != Ages.Count) throw new ArgumentException($"the male model has {male.AgeCount} ages; {Ages.Count} single-year ages are needed", nameof(male));
        if (female.AgeCount != Ages.Count) throw new ArgumentException($"the female model has {female.AgeCount} ages; {Ages.Count} single-year ages are needed", nameof(female));
    }
}
