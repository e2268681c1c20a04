using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using MathNet.Numerics.RootFinding;

namespace Actuarial.Demography;

/// <summary>
/// Solves for the mortality level that gives a target life expectancy at birth: the k such that
/// e(0) of m(x) = exp(a(x) + b(x) k) equals the target within <see cref="Tolerance"/> years.
/// </summary>
/// <remarks>
/// <para>Monotonicity. When every b(x) ≥ 0, each m(x) is non-decreasing in k, and e(0) never rises when a death
/// rate rises, so e(0) is non-increasing in k and the root is unique. Lee–Carter fits to Chinese and most other
/// data have b(x) ≥ 0, but a few ages can come out slightly negative; e(0) then usually stays monotone because the
/// positive ages dominate. The solver does not assume it: it evaluates e(0) at both ends of the bracket, requires
/// the target to lie between them, and finds a root by Brent's method (MathNet.Numerics.RootFinding.Brent, with
/// bisection as a fallback).</para>
/// <para>Bracket. Unless given, k runs over [−K, K] with K = ln(10⁴)/mean|b(x)| (an age of average b(x) has its rate
/// scaled by up to 10⁴ either way), narrowed so that no m(x) below 100 exceeds 1 (beyond which q(x) nears its
/// bound and the life table would reject the rates). A Lee–Carter b(x) concentrated at young ages cannot reach very
/// high e(0) however low k goes, since old-age rates barely move; such targets are reported as unreachable.</para>
/// </remarks>
internal sealed class LifeExpectancyTarget
{
    /// <summary>Required accuracy of the solved e(0), in years.</summary>
    internal const double Tolerance = 0.001;

    /// <summary>Default half-width of the k bracket times the mean |b(x)|: ln 10⁴, an age of average b(x) has its
    /// death rate scaled by up to 10⁴ either way.</summary>
    internal static readonly double DefaultLogScale = Math.Log(1e4);

    private readonly double[] _ax;
    private readonly double[] _bx;

    /// <summary>Creates a solver for the pattern m(x) = exp(a(x) + b(x) k).</summary>
    /// <param name="ax">101 base log death rates a(x).</param>
    /// <param name="bx">101 age patterns of change b(x).</param>
    /// <param name="sex">Sex (selects a(0) in the life table).</param>
    /// <param name="minIndex">Lower end of the k bracket, or null for the default (see remarks).</param>
    /// <param name="maxIndex">Upper end of the k bracket, or null for the default.</param>
    /// <exception cref="InputDataException">a(x) or b(x) has the wrong length or a non-finite value.</exception>
    /// <exception cref="ArgumentException">The bracket is empty, or all b(x) are 0.</exception>
    internal LifeExpectancyTarget(ReadOnlySpan<double> ax, ReadOnlySpan<double> bx, Sex sex, double? minIndex = null, double? maxIndex = null)
    {
        Check(ax, "ax");
        Check(bx, "bx");
        _ax = ax.ToArray();
        _bx = bx.ToArray();
        Sex = sex;

        double meanB = 0;
        foreach (double b in bx) meanB += Math.Abs(b) / bx.Length;
        if (meanB == 0 && (minIndex is null || maxIndex is null))
        {
            throw new ArgumentException("every b(x) is 0: the level k does not change mortality, so no e(0) target can be solved", nameof(bx));
        }
        double lo = minIndex ?? -DefaultLogScale / meanB;
        double hi = maxIndex ?? DefaultLogScale / meanB;
        if (minIndex is null || maxIndex is null)
        {
            for (int x = 0; x < Ages.OpenInterval; x++)
            {
                // keep m(x) = exp(a + b k) ≤ 1, i.e. a + b k ≤ 0
                if (bx[x] > 0 && maxIndex is null) hi = Math.Min(hi, -ax[x] / bx[x]);
                if (bx[x] < 0 && minIndex is null) lo = Math.Max(lo, -ax[x] / bx[x]);
            }
        }
        if (!(lo < hi))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the k bracket [{lo:G6}, {hi:G6}] is empty (the base pattern a(x) may already have death rates above 1)"));
        }
        MinIndex = lo;
        MaxIndex = hi;
        double eLo = LifeExpectancyAtBirth(lo);
        double eHi = LifeExpectancyAtBirth(hi);
        MinLifeExpectancy = Math.Min(eLo, eHi);
        MaxLifeExpectancy = Math.Max(eLo, eHi);
    }

    /// <summary>Creates a solver from a Lee–Carter model's a(x) and b(x) (fitted to 101 single-year ages).</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="sex">Sex of the model's data.</param>
    /// <param name="minIndex">Lower end of the k bracket, or null for the default.</param>
    /// <param name="maxIndex">Upper end of the k bracket, or null for the default.</param>
    internal static LifeExpectancyTarget FromLeeCarter(LeeCarterModel model, Sex sex, double? minIndex = null, double? maxIndex = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new LifeExpectancyTarget(model.Ax, model.Bx, sex, minIndex, maxIndex);
    }

    /// <summary>Sex of the pattern.</summary>
    public Sex Sex { get; }

    /// <summary>Base log death rates a(x).</summary>
    internal ReadOnlySpan<double> Ax => _ax;

    /// <summary>Age pattern of change b(x).</summary>
    internal ReadOnlySpan<double> Bx => _bx;

    /// <summary>Lower end of the bracket searched for k.</summary>
    internal double MinIndex { get; }

    /// <summary>Upper end of the bracket searched for k.</summary>
    internal double MaxIndex { get; }

    /// <summary>Lowest e(0) at the bracket's ends (the reachable range's lower end when e(0) is monotone in k).</summary>
    public double MinLifeExpectancy { get; }

    /// <summary>Highest e(0) at the bracket's ends.</summary>
    public double MaxLifeExpectancy { get; }

    /// <summary>Fills m(x) = exp(a(x) + b(x) k), without allocating.</summary>
    /// <param name="k">Mortality level.</param>
    /// <param name="mx">Destination of length 101.</param>
    internal void FillDeathRates(double k, Span<double> mx)
    {
        if (mx.Length != Ages.Count) throw new ArgumentException($"death rates need {Ages.Count} cells, got {mx.Length}", nameof(mx));
        for (int x = 0; x < Ages.Count; x++) mx[x] = Math.Exp(_ax[x] + _bx[x] * k);
    }

    /// <summary>e(0) at level k, without allocating.</summary>
    /// <param name="k">Mortality level.</param>
    public double LifeExpectancyAtBirth(double k)
    {
        Span<double> mx = stackalloc double[Ages.Count];
        FillDeathRates(k, mx);
        return LifeTable.LifeExpectancyAtBirth(mx, Sex, "exp(ax + bx k)");
    }

    /// <summary>Solves for k with |e(0)(k) − target| ≤ <see cref="Tolerance"/>.</summary>
    /// <param name="targetE0">Target life expectancy at birth, years.</param>
    /// <exception cref="ArgumentOutOfRangeException">The target is outside the e(0) reachable in the bracket; the
    /// message names the target and the reachable range.</exception>
    internal double SolveIndex(double targetE0)
    {
        if (!double.IsFinite(targetE0) || targetE0 < MinLifeExpectancy - Tolerance || targetE0 > MaxLifeExpectancy + Tolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(targetE0), targetE0, string.Create(CultureInfo.InvariantCulture,
                $"target e0 {targetE0:F3} years ({Sex.Label()}) is unreachable: for k in [{MinIndex:G6}, {MaxIndex:G6}] this mortality pattern gives e0 from {MinLifeExpectancy:F3} to {MaxLifeExpectancy:F3} years"));
        }
        double f(double k) => LifeExpectancyAtBirth(k) - targetE0;
        double fLo = f(MinIndex);
        if (Math.Abs(fLo) <= Tolerance) return MinIndex;
        double fHi = f(MaxIndex);
        if (Math.Abs(fHi) <= Tolerance) return MaxIndex;
        if (!Brent.TryFindRoot(f, MinIndex, MaxIndex, 1e-10, 200, out double root) || Math.Abs(f(root)) > Tolerance)
        {
            if (!Bisection.TryFindRoot(f, MinIndex, MaxIndex, 1e-10, 200, out root) || Math.Abs(f(root)) > Tolerance)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"could not solve k for target e0 {targetE0:F3} years ({Sex.Label()}) in [{MinIndex:G6}, {MaxIndex:G6}]: e0 is not monotone in k for this pattern"));
            }
        }
        return root;
    }

    /// <summary>Fills the death rates whose e(0) equals the target (within <see cref="Tolerance"/>); returns k.</summary>
    /// <param name="targetE0">Target life expectancy at birth, years.</param>
    /// <param name="mx">Destination of length 101.</param>
    internal double FillDeathRatesForTarget(double targetE0, Span<double> mx)
    {
        double k = SolveIndex(targetE0);
        FillDeathRates(k, mx);
        return k;
    }

    private static void Check(ReadOnlySpan<double> values, string name)
    {
        if (values.Length != Ages.Count)
        {
            throw new InputDataException(name, null, $"{name}.Length", values.Length.ToString(CultureInfo.InvariantCulture), $"{Ages.Count} values (ages 0..99 and 100+)");
        }
        for (int x = 0; x < values.Length; x++)
        {
            if (!double.IsFinite(values[x]))
            {
                throw new InputDataException(name, null, $"{name}[{x}]", values[x].ToString("R", CultureInfo.InvariantCulture), "a finite number");
            }
        }
    }
}
