using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using MathNet.Numerics.LinearAlgebra;

namespace Actuarial.Demography;

/// <summary>
/// An immutable Lee–Carter model, ln m(x,t) = a(x) + b(x) k(t) + ε(x,t), with the time index forecast as a random walk
/// with drift (Lee, R. D. &amp; Carter, L. R. 1992, "Modeling and Forecasting U.S. Mortality", <i>Journal of the
/// American Statistical Association</i> 87(419):659–671).
/// </summary>
/// <remarks>
/// <para>Fit (Lee &amp; Carter 1992, Appendix B): a(x) is the mean over the years of ln m(x,t); the centred matrix
/// Z = ln m − a is decomposed by SVD, Z = U S Vᵀ; b(x) = U₁(x)/Σ U₁ (normalised to sum 1) and
/// k(t) = S₁ V₁(t) Σ U₁, which sums to 0 because every row of Z does. No second-stage re-estimation of k(t) to
/// observed deaths or e(0) is done.</para>
/// <para>Random walk with drift, k(t) = k(t−1) + c + e(t), e ~ N(0, σ²), estimated per calendar year from fitted
/// indices spaced <see cref="YearStep"/> years apart (T points spanning N = (T−1)·step years):
/// drift c = (k_T − k_1)/N; per-step innovations u_j = k_j − k_{j−1} − step·c, j = 2..T;
/// σ² = Σ u_j² / ((T − 2)·step) (the per-step variance divided by the step, as innovations add up);
/// standard error of the drift SE(c) = σ / √N. At least three fitted years are needed for σ.</para>
/// <para>The forecast jumps off from the fitted k at <see cref="LastYear"/> (no jump-off bias correction):
/// central path k(LastYear + h) = k_T + h c.</para>
/// </remarks>
internal sealed class LeeCarterModel
{
    private readonly double[] _ax;
    private readonly double[] _bx;
    private readonly double[] _kt;

    private LeeCarterModel(double[] ax, double[] bx, double[] kt, int firstYear, int yearStep, double explained)
    {
        _ax = ax;
        _bx = bx;
        _kt = kt;
        FirstYear = firstYear;
        YearStep = yearStep;
        ExplainedVariance = explained;
        int periods = kt.Length;
        double span = (periods - 1) * (double)yearStep;
        Drift = (kt[periods - 1] - kt[0]) / span;
        double sum = 0;
        for (int j = 1; j < periods; j++)
        {
            double u = kt[j] - kt[j - 1] - yearStep * Drift;
            sum += u * u;
        }
        InnovationSd = Math.Sqrt(sum / ((periods - 2) * (double)yearStep));
        DriftStandardError = InnovationSd / Math.Sqrt(span);
    }

    /// <summary>Number of ages (rows of the fitted matrix); 101 when fitted to single-year rates.</summary>
    public int AgeCount => _ax.Length;

    /// <summary>a(x): mean log death rate by age.</summary>
    public ReadOnlySpan<double> Ax => _ax;

    /// <summary>b(x): age pattern of change, Σ b(x) = 1.</summary>
    public ReadOnlySpan<double> Bx => _bx;

    /// <summary>k(t): fitted time index at <see cref="FirstYear"/>, FirstYear + YearStep, …; Σ k(t) = 0.</summary>
    public ReadOnlySpan<double> Kt => _kt;

    /// <summary>Calendar year of the first fitted index.</summary>
    public int FirstYear { get; }

    /// <summary>Years between consecutive fitted indices (1 for annual data, 5 for WPP periods).</summary>
    public int YearStep { get; }

    /// <summary>Calendar year of the last fitted index, the forecast's jump-off year.</summary>
    public int LastYear => FirstYear + (_kt.Length - 1) * YearStep;

    /// <summary>The index at the jump-off year, k_T.</summary>
    public double JumpOffIndex => _kt[^1];

    /// <summary>Drift c of the random walk, per calendar year.</summary>
    public double Drift { get; }

    /// <summary>Standard error of <see cref="Drift"/>, σ/√N.</summary>
    public double DriftStandardError { get; }

    /// <summary>Standard deviation σ of the random walk's innovations, per calendar year.</summary>
    public double InnovationSd { get; }

    /// <summary>Share of the centred matrix's sum of squares explained by the first singular component, S₁²/Σ S².</summary>
    public double ExplainedVariance { get; }

    /// <summary>Fits the model to a matrix of log central death rates.</summary>
    /// <param name="logMx">ln m(x,t): rows are ages, columns years (at least 3), all finite.</param>
    /// <param name="firstYear">Calendar year of the first column.</param>
    /// <param name="yearStep">Years between columns (≥ 1).</param>
    /// <exception cref="InputDataException">An entry is not finite.</exception>
    /// <exception cref="ArgumentException">Fewer than 3 years or 1 age, or the matrix has no time variation.</exception>
    public static LeeCarterModel Fit(Matrix<double> logMx, int firstYear, int yearStep = 1)
    {
        ArgumentNullException.ThrowIfNull(logMx);
        ArgumentOutOfRangeException.ThrowIfLessThan(yearStep, 1);
        int ages = logMx.RowCount;
        int years = logMx.ColumnCount;
        if (years < 3) throw new ArgumentException($"Lee–Carter needs at least 3 years to estimate the random walk, got {years}", nameof(logMx));
        if (ages < 1) throw new ArgumentException("Lee–Carter needs at least one age", nameof(logMx));

        var ax = new double[ages];
        for (int x = 0; x < ages; x++)
        {
            double s = 0;
            for (int t = 0; t < years; t++)
            {
                double v = logMx[x, t];
                if (!double.IsFinite(v))
                {
                    throw new InputDataException("logMx", null, string.Create(CultureInfo.InvariantCulture, $"logMx[{x},{t}] (year {firstYear + t * yearStep})"),
                        v.ToString("R", CultureInfo.InvariantCulture), "a finite log death rate (death rates must be > 0)");
                }
                s += v;
            }
            ax[x] = s / years;
        }
        var z = Matrix<double>.Build.Dense(ages, years, (x, t) => logMx[x, t] - ax[x]);
        var svd = z.Svd(computeVectors: true);
        double s1 = svd.S[0];
        double total = 0;
        foreach (double s in svd.S) total += s * s;
        if (!(s1 > 0)) throw new ArgumentException("the log death rates do not vary over time: no Lee–Carter index can be fitted", nameof(logMx));

        var u = svd.U.Column(0);
        var v1 = svd.VT.Row(0);
        double sumU = u.Sum();
        if (Math.Abs(sumU) < 1e-12 * u.L1Norm())
        {
            throw new ArgumentException("the first age pattern sums to zero, so b(x) cannot be normalised to sum 1", nameof(logMx));
        }
        var bx = new double[ages];
        for (int x = 0; x < ages; x++) bx[x] = u[x] / sumU;
        var kt = new double[years];
        double mean = 0;
        for (int t = 0; t < years; t++)
        {
            kt[t] = s1 * v1[t] * sumU;
            mean += kt[t];
        }
        mean /= years;
        for (int t = 0; t < years; t++) kt[t] -= mean; // Σ k = 0 holds analytically; remove rounding.
        return new LeeCarterModel(ax, bx, kt, firstYear, yearStep, s1 * s1 / total);
    }

    /// <summary>Fits the model to single-year (or any common age grid) central death rates by year.</summary>
    /// <param name="mxByYear">One array of death rates per year (all &gt; 0, same length), earliest first.</param>
    /// <param name="firstYear">Calendar year of the first array.</param>
    /// <param name="yearStep">Years between arrays (≥ 1).</param>
    /// <exception cref="InputDataException">A rate is not finite or not &gt; 0, or the arrays differ in length.</exception>
    public static LeeCarterModel Fit(IReadOnlyList<double[]> mxByYear, int firstYear, int yearStep = 1)
    {
        ArgumentNullException.ThrowIfNull(mxByYear);
        if (mxByYear.Count == 0) throw new ArgumentException("no years to fit", nameof(mxByYear));
        int ages = mxByYear[0].Length;
        var log = Matrix<double>.Build.Dense(ages, mxByYear.Count);
        for (int t = 0; t < mxByYear.Count; t++)
        {
            var mx = mxByYear[t];
            string year = (firstYear + t * yearStep).ToString(CultureInfo.InvariantCulture);
            if (mx.Length != ages)
            {
                throw new InputDataException("mxByYear", null, $"mxByYear[{t}].Length (year {year})",
                    mx.Length.ToString(CultureInfo.InvariantCulture), $"{ages} rates, as in the first year");
            }
            for (int x = 0; x < ages; x++)
            {
                double m = mx[x];
                if (!double.IsFinite(m) || m <= 0)
                {
                    throw new InputDataException("mxByYear", null, $"mxByYear[{t}][{x}] (year {year})",
                        m.ToString("R", CultureInfo.InvariantCulture), "a central death rate > 0 (finite), as Lee–Carter models its logarithm");
                }
                log[x, t] = Math.Log(m);
            }
        }
        return Fit(log, firstYear, yearStep);
    }

    /// <summary>
    /// Fits the model to abridged rates by period (e.g. WPP 2024 five-year periods), each graduated to single years by
    /// <see cref="MortalityGraduation.AbridgedToSingleYear"/>.
    /// </summary>
    /// <param name="abridgedMxByPeriod">22 abridged rates per period, earliest first.</param>
    /// <param name="sex">Sex (for the graduation's a(0)).</param>
    /// <param name="firstYear">Calendar year assigned to the first period (e.g. its start, 1950, or mid-point).</param>
    /// <param name="periodLength">Years between periods (5 for WPP abridged periods).</param>
    public static LeeCarterModel FitAbridged(IReadOnlyList<double[]> abridgedMxByPeriod, Sex sex, int firstYear, int periodLength = 5)
    {
        ArgumentNullException.ThrowIfNull(abridgedMxByPeriod);
        var single = new double[abridgedMxByPeriod.Count][];
        for (int p = 0; p < single.Length; p++)
        {
            single[p] = MortalityGraduation.AbridgedToSingleYear(abridgedMxByPeriod[p], sex,
                string.Create(CultureInfo.InvariantCulture, $"abridgedMxByPeriod[{p}] ({firstYear + p * periodLength})"));
        }
        return Fit(single, firstYear, periodLength);
    }

    /// <summary>Fills m(x) = exp(a(x) + b(x) k) for the given index, without allocating.</summary>
    /// <param name="k">Time index.</param>
    /// <param name="mx">Destination of length <see cref="AgeCount"/>.</param>
    public void FillDeathRates(double k, Span<double> mx)
    {
        if (mx.Length != _ax.Length) throw new ArgumentException($"death rates need {_ax.Length} cells, got {mx.Length}", nameof(mx));
        for (int x = 0; x < _ax.Length; x++) mx[x] = Math.Exp(_ax[x] + _bx[x] * k);
    }

    /// <summary>m(x) = exp(a(x) + b(x) k) as a new array.</summary>
    /// <param name="k">Time index.</param>
    public double[] DeathRates(double k)
    {
        var mx = new double[_ax.Length];
        FillDeathRates(k, mx);
        return mx;
    }

    /// <summary>Central forecast of the index <paramref name="yearsAhead"/> years after <see cref="LastYear"/>: k_T + h·c.</summary>
    /// <param name="yearsAhead">Years after the jump-off year (≥ 0).</param>
    public double ForecastIndex(int yearsAhead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yearsAhead);
        return JumpOffIndex + yearsAhead * Drift;
    }

    /// <summary>
    /// Simulates one path of the index for the years LastYear+1 … LastYear+path.Length, without allocating:
    /// k(h) = k(h−1) + c* + σ z_h, with c* = c + SE(c)·<paramref name="driftNormal"/> (pass 0 for no drift
    /// uncertainty).
    /// </summary>
    /// <param name="innovationNormals">Standard normal draws, one per simulated year (at least path.Length).</param>
    /// <param name="path">Destination: path[h−1] is the index h years after the jump-off year.</param>
    /// <param name="driftNormal">A standard normal draw for the drift's estimation error, or 0.</param>
    public void SimulateIndex(ReadOnlySpan<double> innovationNormals, Span<double> path, double driftNormal = 0)
    {
        if (innovationNormals.Length < path.Length)
        {
            throw new ArgumentException($"need {path.Length} innovation draws, got {innovationNormals.Length}", nameof(innovationNormals));
        }
        double drift = Drift + DriftStandardError * driftNormal;
        double k = JumpOffIndex;
        for (int h = 0; h < path.Length; h++)
        {
            k += drift + InnovationSd * innovationNormals[h];
            path[h] = k;
        }
    }

    /// <summary>Simulates a path of <paramref name="years"/> indices from a standard normal source (see the span overload).</summary>
    /// <param name="years">Number of years after the jump-off year.</param>
    /// <param name="standardNormal">Returns independent N(0,1) draws; called once for the drift first when
    /// <paramref name="includeDriftUncertainty"/>, then once per year.</param>
    /// <param name="includeDriftUncertainty">Whether to draw the drift from N(c, SE(c)²) for this path.</param>
    public double[] SimulateIndex(int years, Func<double> standardNormal, bool includeDriftUncertainty)
    {
        ArgumentNullException.ThrowIfNull(standardNormal);
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        double driftNormal = includeDriftUncertainty ? standardNormal() : 0.0;
        var normals = new double[years];
        for (int h = 0; h < years; h++) normals[h] = standardNormal();
        var path = new double[years];
        SimulateIndex(normals, path, driftNormal);
        return path;
    }
}
