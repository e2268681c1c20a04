using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// An immutable single-year period life table for ages 0..99 and the open interval 100+ (index 100), built from
/// central death rates m(x).
/// </summary>
/// <remarks>
/// <para>Conventions (radix l(0) = 1, see <see cref="Radix"/>):</para>
/// <list type="bullet">
/// <item>a(0), the mean years lived in the first year by infants who die, follows Andreev &amp; Kingkade (2015),
/// "Average age at death in infancy and infant mortality level: Reconsidering the Coale-Demeny formulas at current
/// levels of low mortality", <i>Demographic Research</i> 33(13):363–390 — the m(0)-based formulas the UN World
/// Population Prospects and the Human Mortality Database (Methods Protocol v6) use; see
/// <see cref="AndreevKingkadeA0"/>.</item>
/// <item>a(x) = 0.5 for x = 1..99.</item>
/// <item>q(x) = m(x) / (1 + (1 − a(x)) m(x)) for x = 0..99; a q(x) above 1 (m(x) &gt; 2 at a(x) = 0.5) is bad
/// input and throws <see cref="InputDataException"/>.</item>
/// <item>L(x) = l(x+1) + a(x) d(x) for x = 0..99.</item>
/// <item>Open interval 100+: q(100) = 1, constant force of mortality beyond 100, so L(100+) = l(100) / m(100+)
/// and a(100) = e(100) = 1 / m(100+).</item>
/// <item>T(x) = Σ_{y ≥ x} L(y); e(x) = T(x) / l(x) (0 where l(x) has underflowed to 0).</item>
/// </list>
/// <para>Inputs are validated, never clamped: m(x) must be finite and ≥ 0 with m(100+) &gt; 0, 101 values.</para>
/// <para>The static members (<see cref="SurvivalRatios"/>, <see cref="LifeExpectancyAtBirth"/>,
/// <see cref="LifeExpectancyAt"/>) compute the same quantities in one pass without allocating, for the
/// projection compiler and the e0 solver, which call them thousands of times.</para>
/// </remarks>
internal sealed class LifeTable
{
    /// <summary>The radix: l(0) = 1, so l(x) is the probability of surviving from birth to exact age x.</summary>
    public const double Radix = 1.0;

    /// <summary>a(x) for single ages 1..99 (deaths spread evenly over the year of age).</summary>
    public const double SingleYearAx = 0.5;

    private const int Open = Ages.OpenInterval;

    private readonly double[] _mx;
    private readonly double[] _qx;
    private readonly double[] _ax;
    private readonly double[] _lx;
    private readonly double[] _dx;
    private readonly double[] _bigLx;
    private readonly double[] _tx;
    private readonly double[] _ex;
    private readonly double[] _survival;

    /// <summary>Builds the table from central death rates.</summary>
    /// <param name="mx">101 central death rates m(0..99) and m(100+).</param>
    /// <param name="sex">Sex, which selects the Andreev–Kingkade a(0) formula.</param>
    /// <param name="source">Name of the input, used in error messages (e.g. "wpp2024_mx_abridged.csv 2020-2025 male").</param>
    /// <exception cref="InputDataException">A rate is missing, not finite, negative, m(100+) is 0, or a q(x) exceeds 1.</exception>
    public LifeTable(ReadOnlySpan<double> mx, Sex sex, string source = "mx")
    {
        Validate(mx, source);
        Sex = sex;
        _mx = mx.ToArray();
        _qx = new double[Ages.Count];
        _ax = new double[Ages.Count];
        _lx = new double[Ages.Count];
        _dx = new double[Ages.Count];
        _bigLx = new double[Ages.Count];
        _tx = new double[Ages.Count];
        _ex = new double[Ages.Count];

        double l = Radix;
        for (int a = 0; a < Open; a++)
        {
            double ax = a == 0 ? AndreevKingkadeA0(mx[0], sex) : SingleYearAx;
            double q = ProbabilityOfDying(mx[a], ax, a, source);
            double d = l * q;
            double next = l - d;
            _ax[a] = ax;
            _qx[a] = q;
            _lx[a] = l;
            _dx[a] = d;
            _bigLx[a] = next + ax * d;
            l = next;
        }
        _lx[Open] = l;
        _qx[Open] = 1.0;
        _dx[Open] = l;
        _ax[Open] = 1.0 / mx[Open];
        _bigLx[Open] = l / mx[Open];

        double t = 0;
        for (int a = Open; a >= 0; a--)
        {
            t += _bigLx[a];
            _tx[a] = t;
            _ex[a] = _lx[a] > 0 ? t / _lx[a] : 0.0;
        }

        _survival = new double[Ages.Count];
        SurvivalRatios(mx, sex, _survival, out double birth, source);
        BirthSurvival = birth;
    }

    /// <summary>Sex the table was built for (it selects the a(0) formula only).</summary>
    public Sex Sex { get; }

    /// <summary>Central death rates m(x), as given.</summary>
    public ReadOnlySpan<double> Mx => _mx;

    /// <summary>Probabilities of dying between exact ages x and x+1; q(100) = 1.</summary>
    public ReadOnlySpan<double> Qx => _qx;

    /// <summary>Mean years lived in the interval by those dying in it: a(0) Andreev–Kingkade, 0.5 for 1..99, 1/m(100+) for 100+.</summary>
    public ReadOnlySpan<double> Ax => _ax;

    /// <summary>l(x): survivors to exact age x out of <see cref="Radix"/> births.</summary>
    public ReadOnlySpan<double> Survivors => _lx;

    /// <summary>Deaths in the interval, d(x) = l(x) q(x).</summary>
    public ReadOnlySpan<double> Dx => _dx;

    /// <summary>L(x): person-years lived in the interval; L(100+) = l(100)/m(100+).</summary>
    public ReadOnlySpan<double> PersonYears => _bigLx;

    /// <summary>Person-years lived above exact age x, T(x).</summary>
    public ReadOnlySpan<double> Tx => _tx;

    /// <summary>Life expectancy at exact age x, e(x) = T(x)/l(x).</summary>
    public ReadOnlySpan<double> Ex => _ex;

    /// <summary>Life expectancy at birth.</summary>
    public double E0 => _ex[0];

    /// <summary>Life expectancy at exact age 65.</summary>
    public double E65 => _ex[65];

    /// <summary>Births during a year who are alive at its end (at age 0): L(0) / l(0).</summary>
    public double BirthSurvival { get; }

    /// <summary>
    /// One-year survival ratios for a projection step (see <see cref="SurvivalRatios"/>): s[a] = L(a+1)/L(a) for
    /// a = 0..98, s[99] = T(100)/T(99), s[100] = s[99].
    /// </summary>
    public ReadOnlySpan<double> Survival => _survival;

    /// <summary>Copies the one-year survival ratios (see <see cref="Survival"/>) into <paramref name="s"/>.</summary>
    /// <param name="s">Destination of length 101.</param>
    /// <exception cref="ArgumentException">The destination is not 101 long.</exception>
    public void FillSurvivalRatios(Span<double> s)
    {
        if (s.Length != Ages.Count)
        {
            throw new ArgumentException($"survival ratios need {Ages.Count} cells, got {s.Length}", nameof(s));
        }
        _survival.CopyTo(s);
    }

    /// <summary>
    /// a(0) by Andreev &amp; Kingkade (2015, Demographic Research 33(13), Table 3), as a function of m(0):
    /// males 0.14929 − 1.99545 m0 (m0 &lt; 0.0230), 0.02832 + 3.26201 m0 (m0 &lt; 0.08307), else 0.29915;
    /// females 0.14903 − 2.05527 m0 (m0 &lt; 0.01724), 0.04667 + 3.88089 m0 (m0 &lt; 0.06891), else 0.31411.
    /// </summary>
    /// <param name="m0">Central death rate in the first year of life.</param>
    /// <param name="sex">Sex.</param>
    public static double AndreevKingkadeA0(double m0, Sex sex) => sex == Sex.Male
        ? m0 < 0.02300 ? 0.14929 - 1.99545 * m0 : m0 < 0.08307 ? 0.02832 + 3.26201 * m0 : 0.29915
        : m0 < 0.01724 ? 0.14903 - 2.05527 * m0 : m0 < 0.06891 ? 0.04667 + 3.88089 * m0 : 0.31411;

    /// <summary>
    /// Allocation-free one-year survival ratios for a projection step from t to t+1.
    /// </summary>
    /// <param name="mx">101 central death rates (validated as in the constructor).</param>
    /// <param name="sex">Sex (selects a(0)).</param>
    /// <param name="survival">Destination of length 101: s[a] = L(a+1)/L(a) for a = 0..98 (persons aged a at t
    /// alive and aged a+1 at t+1); s[99] = T(100)/T(99) = L(100+)/(L(99)+L(100+)) (persons aged 99 and 100+ at t
    /// alive in 100+ at t+1); s[100] is not used by the step and is set equal to s[99].</param>
    /// <param name="birthSurvival">L(0)/l(0): the share of births during the year alive at age 0 at its end.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">Bad rates (see the constructor).</exception>
    /// <exception cref="ArgumentException">The destination is not 101 long.</exception>
    public static void SurvivalRatios(ReadOnlySpan<double> mx, Sex sex, Span<double> survival, out double birthSurvival, string source = "mx")
    {
        Validate(mx, source);
        if (survival.Length != Ages.Count)
        {
            throw new ArgumentException($"survival ratios need {Ages.Count} cells, got {survival.Length}", nameof(survival));
        }
        double l = Radix;
        double previousL = 0;
        birthSurvival = 0;
        for (int a = 0; a < Open; a++)
        {
            double ax = a == 0 ? AndreevKingkadeA0(mx[0], sex) : SingleYearAx;
            double q = ProbabilityOfDying(mx[a], ax, a, source);
            double d = l * q;
            double next = l - d;
            double bigL = next + ax * d;
            if (a == 0)
            {
                birthSurvival = bigL / Radix;
            }
            else
            {
                survival[a - 1] = previousL > 0 ? bigL / previousL : 0.0;
            }
            previousL = bigL;
            l = next;
        }
        double open = l / mx[Open];
        double t99 = previousL + open;
        survival[99] = t99 > 0 ? open / t99 : 0.0;
        survival[Open] = survival[99];
    }

    /// <summary>Allocation-free life expectancy at birth, e(0), from 101 central death rates.</summary>
    /// <param name="mx">101 central death rates (validated as in the constructor).</param>
    /// <param name="sex">Sex (selects a(0)).</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">Bad rates (see the constructor).</exception>
    public static double LifeExpectancyAtBirth(ReadOnlySpan<double> mx, Sex sex, string source = "mx") =>
        LifeExpectancyAt(mx, sex, 0, source);

    /// <summary>Allocation-free life expectancy at exact age <paramref name="age"/> from 101 central death rates.</summary>
    /// <param name="mx">101 central death rates (validated as in the constructor).</param>
    /// <param name="sex">Sex (selects a(0)).</param>
    /// <param name="age">Exact age 0..100 (100 gives e(100) = 1/m(100+)).</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">Bad rates (see the constructor).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The age is outside 0..100.</exception>
    public static double LifeExpectancyAt(ReadOnlySpan<double> mx, Sex sex, int age, string source = "mx")
    {
        if ((uint)age > Open)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, "age must be 0..100 (100 = the open interval 100+)");
        }
        Validate(mx, source);
        double l = Radix;
        double lAtAge = 0;
        double t = 0;
        for (int a = 0; a < Open; a++)
        {
            double ax = a == 0 ? AndreevKingkadeA0(mx[0], sex) : SingleYearAx;
            double q = ProbabilityOfDying(mx[a], ax, a, source);
            double d = l * q;
            double next = l - d;
            if (a == age) lAtAge = l;
            if (a >= age) t += next + ax * d;
            l = next;
        }
        if (age == Open) lAtAge = l;
        t += l / mx[Open];
        return lAtAge > 0 ? t / lAtAge : 0.0;
    }

    /// <summary>Checks length, finiteness, non-negativity and m(100+) &gt; 0.</summary>
    internal static void Validate(ReadOnlySpan<double> mx, string source)
    {
        if (mx.Length != Ages.Count)
        {
            throw new InputDataException(source, null, "mx.Length", mx.Length.ToString(CultureInfo.InvariantCulture),
                $"{Ages.Count} central death rates (ages 0..99 and 100+)");
        }
        for (int a = 0; a < Ages.Count; a++)
        {
            double m = mx[a];
            if (!double.IsFinite(m) || m < 0 || (a == Open && m <= 0))
            {
                throw BadRate(source, a, m, a == Open
                    ? "a central death rate > 0 for the open interval 100+ (finite)"
                    : "a central death rate ≥ 0 (finite)");
            }
        }
    }

    private static double ProbabilityOfDying(double m, double ax, int age, string source)
    {
        double q = m / (1.0 + (1.0 - ax) * m);
        if (q > 1.0)
        {
            throw BadRate(source, age, m, string.Create(CultureInfo.InvariantCulture,
                $"a central death rate ≥ 0 whose probability of dying q = m/(1+(1−a)m) does not exceed 1 (m ≤ {1.0 / ax:G6} at a = {ax:G6})"));
        }
        return q;
    }

    private static InputDataException BadRate(string source, int age, double value, string validRange) =>
        new(source, null, $"mx[{age}]", value.ToString("R", CultureInfo.InvariantCulture), validRange);
}
