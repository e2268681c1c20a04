using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using MathNet.Numerics.Interpolation;

namespace Actuarial.Demography;

/// <summary>
/// Graduates abridged central death rates (WPP format: 0, 1-4, 5-9, …, 95-99, 100+; 22 values) to the single years
/// 0..99 and 100+ of <see cref="LifeTable"/>.
/// </summary>
/// <remarks>
/// <para>Method. ln l(x) at the exact ages 0, 1, 5, 10, …, 100 (the knots) is interpolated at the single ages by a
/// monotone piecewise cubic Hermite interpolant (PCHIP: Fritsch &amp; Carlson 1980, with the weighted-harmonic-mean
/// slopes of Fritsch &amp; Butland 1984 as in MATLAB's <c>pchip</c>; evaluated by MathNet's
/// <see cref="CubicSpline.InterpolateHermiteSorted"/>). The slope at 100 is set to −m(100+) — the force of mortality
/// continuous at 100, where the open interval's constant force takes over — instead of PCHIP's extrapolated end slope,
/// which is poorly determined where mortality is steepest. Then q(x) = 1 − l(x+1)/l(x) and
/// m(x) = q(x)/(1 − (1 − a(x)) q(x)) with a(x) = 0.5, the exact inverse of what <see cref="LifeTable"/> does. m(0) is
/// the abridged m(0) itself (so l(1) follows from the Andreev–Kingkade a(0), as in <see cref="LifeTable"/>) and
/// m(100+) the abridged open-interval rate.</para>
/// <para>The knots. An abridged life table needs n·a(x) to turn n·m(x) into l(x); the conventional 5a(x) = 2.5 gives
/// 5q(x) &gt; 1 at WPP's rates for 95-99 (0.5–0.74), and any fixed rule biases person-years. So the knots are instead
/// solved for: each closed group's cumulative hazard −Δln l starts at n·m(x) (a constant force) and is rescaled by
/// target n·m(x) / achieved Σd/ΣL of the graduated single-year table, until every group's rate is reproduced to a
/// relative 1e-12 (8–16 passes for WPP 2024 China; at most 1000, after which the last pass is returned). The map is a
/// contraction because the achieved rate is concave in the hazard and passes through 0. At the fixed point the
/// single-year table reproduces the abridged rates n·m(x), l(x) at every knot, and hence the e(0) of the abridged table
/// whose n·a(x) are those the single-year table implies.</para>
/// <para>Why. Interpolating ln l rather than the rates keeps the single-year table on the abridged survivorship at every
/// knot, so person-years and life expectancy carry over; the logarithm makes the interpolation act on the cumulative
/// hazard, which is smooth and increasing; and a monotone interpolant of a decreasing ln l can never produce a
/// negative q(x) or one above 1, which an ordinary cubic spline can around the steep fall of child mortality. Known
/// limitation: at the knot 5, PCHIP's slope is a harmonic mean of the steep 1-5 and the flat 5-10 secants, so m(5)
/// and m(6) come out high and m(7..9) low (the group total is exact).</para>
/// <para>Checked against WPP 2024 (China, 1950–2100): e(0) of the graduated tables matches WPP's published e(0),
/// averaged over each July–June period, within 0.035 years outside the famine periods. Deaths too: WPP 2024's 2020–2025
/// rates graduated here and the Lee-Carter rates at WPP's 2020 e0 give the census base's deaths within 0.5% of each
/// other, infants (14 thousand) and 95+ (within 3%) included, so neither the graduation nor the 100+ closure is why the
/// projection's deaths exceeded WPP's own counts (issue 15; see <see cref="ObservedYearsCalibration"/>).</para>
/// </remarks>
internal static class MortalityGraduation
{
    /// <summary>Number of abridged values: 0, 1-4, 5-9, …, 95-99 and 100+.</summary>
    public const int AbridgedCount = 22;

    private const int MaxIterations = 1000;
    private const double Convergence = 1e-12;

    /// <summary>Exact ages at the start of each abridged group: 0, 1, 5, 10, …, 100.</summary>
    public static ReadOnlySpan<int> AbridgedAgeStarts =>
        [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];

    /// <summary>Label of an abridged group, e.g. "0", "1-4", "5-9", "100+".</summary>
    /// <param name="group">Group index 0..21.</param>
    public static string AbridgedLabel(int group)
    {
        if ((uint)group >= AbridgedCount) throw new ArgumentOutOfRangeException(nameof(group), group, "group index must be 0..21");
        int start = AbridgedAgeStarts[group];
        if (group == AbridgedCount - 1) return "100+";
        if (group == 0) return "0";
        return string.Create(CultureInfo.InvariantCulture, $"{start}-{AbridgedAgeStarts[group + 1] - 1}");
    }

    /// <summary>Graduates 22 abridged central death rates to 101 single-year rates (method in the type's remarks).</summary>
    /// <param name="abridgedMx">Rates for 0, 1-4, 5-9, …, 95-99, 100+.</param>
    /// <param name="sex">Sex (selects the Andreev–Kingkade a(0)).</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <returns>Single-year rates m(0..99) and m(100+).</returns>
    /// <exception cref="InputDataException">A rate is not finite, negative, m(100+) ≤ 0, or q(0) reaches 1.</exception>
    public static double[] AbridgedToSingleYear(ReadOnlySpan<double> abridgedMx, Sex sex, string source = "abridgedMx")
    {
        var single = new double[Ages.Count];
        Span<double> nax = stackalloc double[AbridgedCount - 1];
        Span<double> knots = stackalloc double[AbridgedCount];
        Graduate(abridgedMx, sex, source, single, nax, knots);
        return single;
    }

    /// <summary>
    /// Life expectancy at birth of a conventional abridged life table, independent of the graduation: a(0)
    /// Andreev–Kingkade, 4a1 Coale–Demeny, 5a(x) for 10-14 … 90-94 by Keyfitz's iteration
    /// 5a(x) = (−(5/24) 5d(x−5) + 2.5 5d(x) + (5/24) 5d(x+5)) / 5d(x) (Keyfitz 1966; Preston, Heuveline &amp;
    /// Guillot 2001, p. 45) started from the constant-force values, 5a(x) of 5-9 and 95-99 for a constant force, and
    /// L(100+) = l(100)/m(100+). For comparisons and checks.
    /// </summary>
    /// <param name="abridgedMx">Rates for 0, 1-4, 5-9, …, 95-99, 100+.</param>
    /// <param name="sex">Sex.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">Bad rates (see <see cref="AbridgedToSingleYear"/>).</exception>
    public static double AbridgedLifeExpectancyAtBirth(ReadOnlySpan<double> abridgedMx, Sex sex, string source = "abridgedMx")
    {
        ValidateAbridged(abridgedMx, source);
        Span<double> nax = stackalloc double[AbridgedCount - 1];
        Span<double> knots = stackalloc double[AbridgedCount];
        Span<double> next = stackalloc double[AbridgedCount - 1];
        StartingNax(abridgedMx, sex, nax);
        double e0 = AbridgedTable(abridgedMx, nax, knots, source);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double change = 0;
            nax.CopyTo(next);
            for (int g = 2; g < AbridgedCount - 2; g++)
            {
                double dPrev = knots[g - 1] - knots[g], d = knots[g] - knots[g + 1], dNext = knots[g + 1] - knots[g + 2];
                if (g == 2 || d <= 0) continue; // 5-9 follows the 4-year group 1-4: keep its starting value
                double a = (-5.0 / 24.0 * dPrev + 2.5 * d + 5.0 / 24.0 * dNext) / d;
                double limit = 5.0 - 1.0 / abridgedMx[g]; // keeps 5q(x) below 1
                if (a <= limit || a <= 0 || a >= 5) continue;
                change = Math.Max(change, Math.Abs(a - nax[g]));
                next[g] = a;
            }
            next.CopyTo(nax);
            e0 = AbridgedTable(abridgedMx, nax, knots, source);
            if (change < 1e-10) break;
        }
        return e0;
    }

    /// <summary>
    /// The full graduation: fills the single-year rates, the n·a(x) the single-year table implies for the 21 closed
    /// groups, and l(x) at the 22 knots. Returns the number of iterations used.
    /// </summary>
    internal static int Graduate(ReadOnlySpan<double> abridgedMx, Sex sex, string source, Span<double> single, Span<double> nax, Span<double> knots)
    {
        ValidateAbridged(abridgedMx, source);
        var x = new double[AbridgedCount];
        var y = new double[AbridgedCount];
        var slopes = new double[AbridgedCount];
        for (int i = 0; i < AbridgedCount; i++) x[i] = AbridgedAgeStarts[i];
        Span<double> l = stackalloc double[Ages.Count];
        Span<double> hazard = stackalloc double[AbridgedCount - 1];

        // Age 0 is not graduated: the single-year m(0) is the abridged one, so l(1) is fixed by a(0).
        double m0 = abridgedMx[0];
        double a0 = LifeTable.AndreevKingkadeA0(m0, sex);
        double q0 = m0 / (1.0 + (1.0 - a0) * m0);
        if (!(q0 < 1.0))
        {
            throw new InputDataException(source, null, "abridgedMx[0] (age 0)", m0.ToString("R", CultureInfo.InvariantCulture),
                "an infant death rate whose q(0) = m/(1+(1−a0)m) is below 1");
        }
        nax[0] = a0;
        for (int g = 1; g < AbridgedCount - 1; g++)
        {
            hazard[g] = (AbridgedAgeStarts[g + 1] - AbridgedAgeStarts[g]) * abridgedMx[g]; // constant force to start
        }

        for (int iteration = 1; ; iteration++)
        {
            knots[0] = 1.0;
            knots[1] = 1.0 - q0;
            for (int g = 1; g < AbridgedCount - 1; g++) knots[g + 1] = knots[g] * Math.Exp(-hazard[g]);
            for (int i = 0; i < AbridgedCount; i++) y[i] = Math.Log(knots[i]);
            MonotoneSlopes(x, y, -abridgedMx[AbridgedCount - 1], slopes);
            var spline = CubicSpline.InterpolateHermiteSorted(x, y, slopes);
            int k = 0;
            for (int age = 0; age < Ages.Count; age++)
            {
                if (k < AbridgedCount && AbridgedAgeStarts[k] == age)
                {
                    l[age] = knots[k];
                    k++;
                }
                else
                {
                    l[age] = Math.Exp(spline.Interpolate(age));
                }
            }
            single[0] = m0;
            for (int age = 1; age < Ages.OpenInterval; age++)
            {
                double q = 1.0 - l[age + 1] / l[age];
                single[age] = q / (1.0 - (1.0 - LifeTable.SingleYearAx) * q);
            }
            single[Ages.OpenInterval] = abridgedMx[AbridgedCount - 1];

            // Each closed group's rate in the single-year table, Σd / ΣL; scale the group's cumulative hazard by
            // target / achieved. The map is a contraction (the achieved rate is concave in the hazard through 0).
            double change = 0;
            for (int g = 1; g < AbridgedCount - 1; g++)
            {
                int start = AbridgedAgeStarts[g];
                int n = AbridgedAgeStarts[g + 1] - start;
                double deaths = knots[g] - knots[g + 1];
                double personYears = 0;
                for (int age = start; age < start + n; age++) personYears += 0.5 * (l[age] + l[age + 1]);
                nax[g] = deaths > 0 ? (personYears - n * knots[g + 1]) / deaths : 0.5 * n;
                if (abridgedMx[g] == 0 || deaths <= 0) continue;
                double ratio = abridgedMx[g] / (deaths / personYears);
                change = Math.Max(change, Math.Abs(ratio - 1.0));
                hazard[g] *= ratio;
            }
            if (change < Convergence || iteration >= MaxIterations) return iteration;
        }
    }

    /// <summary>
    /// PCHIP slopes (Fritsch &amp; Carlson 1980 monotone Hermite, interior slopes by the weighted harmonic mean of
    /// Fritsch &amp; Butland 1984, as MATLAB's <c>pchip</c>), except at the last knot, where the slope is the given
    /// <paramref name="endSlope"/> (−m(100+): the force of mortality is continuous at 100 and constant beyond) limited
    /// to the Fritsch–Carlson bound 3δ so the last segment stays monotone. The first knot takes its segment's secant
    /// (the 0–1 segment holds no single age, so it does not matter).
    /// </summary>
    internal static void MonotoneSlopes(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double endSlope, Span<double> d)
    {
        int n = x.Length;
        Span<double> h = stackalloc double[n - 1];
        Span<double> delta = stackalloc double[n - 1];
        for (int k = 0; k < n - 1; k++)
        {
            h[k] = x[k + 1] - x[k];
            delta[k] = (y[k + 1] - y[k]) / h[k];
        }
        d[0] = delta[0];
        for (int k = 1; k < n - 1; k++)
        {
            if (delta[k - 1] * delta[k] <= 0)
            {
                d[k] = 0;
            }
            else
            {
                double w1 = 2 * h[k] + h[k - 1], w2 = h[k] + 2 * h[k - 1];
                d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]);
            }
        }
        double last = delta[n - 2];
        d[n - 1] = last >= 0 ? 0 : Math.Max(Math.Min(endSlope, 0), 3 * last);
    }

    private static void StartingNax(ReadOnlySpan<double> mx, Sex sex, Span<double> nax)
    {
        double m0 = mx[0];
        nax[0] = LifeTable.AndreevKingkadeA0(m0, sex);
        nax[1] = sex == Sex.Male
            ? m0 >= 0.107 ? 1.352 : 1.651 - 2.816 * m0
            : m0 >= 0.107 ? 1.361 : 1.522 - 1.518 * m0;
        for (int g = 2; g < AbridgedCount - 1; g++) nax[g] = ConstantForceAx(mx[g], 5);
    }

    /// <summary>
    /// n·a(x) when the force of mortality is constant, m, over the n years: 1/m − n e^(−nm)/(1 − e^(−nm)); n/2 as m → 0.
    /// Always gives n·q(x) = 1 − e^(−nm) &lt; 1, unlike n/2 at the high rates of the oldest groups.
    /// </summary>
    internal static double ConstantForceAx(double m, int n)
    {
        double nm = n * m;
        if (nm < 1e-6) return n * (0.5 - nm / 12.0);
        return 1.0 / m - n * Math.Exp(-nm) / -double.ExpM1(-nm);
    }

    /// <summary>Fills l(x) at the 22 knots (radix 1) for the given n·a(x); returns e(0).</summary>
    private static double AbridgedTable(ReadOnlySpan<double> mx, ReadOnlySpan<double> nax, Span<double> knots, string source)
    {
        double l = 1.0;
        double t = 0;
        knots[0] = l;
        for (int g = 0; g < AbridgedCount - 1; g++)
        {
            int n = AbridgedAgeStarts[g + 1] - AbridgedAgeStarts[g];
            double m = mx[g];
            double q = n * m / (1.0 + (n - nax[g]) * m);
            if (!(q < 1.0))
            {
                throw new InputDataException(source, null, $"abridgedMx[{g}] (age {AbridgedLabel(g)})",
                    m.ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture,
                        $"a central death rate whose probability of dying in the group, n·m/(1+(n−a)m), is below 1 (n = {n}, a = {nax[g]:G4})"));
            }
            double d = l * q;
            double next = l - d;
            t += n * next + nax[g] * d;
            l = next;
            knots[g + 1] = l;
        }
        t += l / mx[AbridgedCount - 1];
        return t;
    }

    private static void ValidateAbridged(ReadOnlySpan<double> mx, string source)
    {
        if (mx.Length != AbridgedCount)
        {
            throw new InputDataException(source, null, "abridgedMx.Length", mx.Length.ToString(CultureInfo.InvariantCulture),
                "22 abridged central death rates (0, 1-4, 5-9, …, 95-99, 100+)");
        }
        for (int g = 0; g < AbridgedCount; g++)
        {
            double m = mx[g];
            bool open = g == AbridgedCount - 1;
            if (!double.IsFinite(m) || m < 0 || (open && m <= 0))
            {
                throw new InputDataException(source, null, $"abridgedMx[{g}] (age {AbridgedLabel(g)})",
                    m.ToString("R", CultureInfo.InvariantCulture),
                    open ? "a central death rate > 0 for the open interval 100+ (finite)" : "a central death rate ≥ 0 (finite)");
            }
        }
    }
}
