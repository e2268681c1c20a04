using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using MathNet.Numerics.LinearAlgebra;

namespace Actuarial.Stochastic;

/// <summary>The stochastic drivers, in the order of the rows and columns of <see cref="ShockModel.Correlation"/>.</summary>
internal enum ShockDriver
{
    /// <summary>The Lee–Carter mortality time index (both sexes share the driver's normal).</summary>
    Mortality,
    /// <summary>The total fertility rate (deviation of its logarithm).</summary>
    Fertility,
    /// <summary>Annual wage growth (deviation in level, e.g. 0.01 = one point).</summary>
    WageGrowth,
    /// <summary>Annual investment return (deviation in level).</summary>
    InvestmentReturn,
    /// <summary>Coverage (log deviation of the covered population: contributors are multiplied by exp(x)).</summary>
    Coverage,
}

/// <summary>
/// Uncertainty of the Lee–Carter time index around its central path: the index is a random walk with drift,
/// k(t) = k(t−1) + c* + σ e(t) (<see cref="LeeCarterModel.SimulateIndex(ReadOnlySpan{double}, Span{double}, double)"/>),
/// with c* = c + SE(c)·z_c drawn once per path when drift uncertainty is on. The central path (the deterministic
/// projection's k, e.g. the level solved to meet the WPP e0 path) plays the role of k_T + h c, so a path's index is
/// k(t) = k_central(t) + Σ_{j ≤ h} σ e(j) + h·SE(c)·z_c, h = t − FirstYear + 1. The two sexes share e(t) and z_c
/// (perfectly correlated, as in a common-factor model), each with its own σ and SE.
/// </summary>
/// <param name="MaleInnovationSd">σ for men, per calendar year (≥ 0).</param>
/// <param name="FemaleInnovationSd">σ for women, per calendar year (≥ 0).</param>
/// <param name="MaleDriftStandardError">SE(c) for men (≥ 0; 0 for no drift uncertainty).</param>
/// <param name="FemaleDriftStandardError">SE(c) for women (≥ 0).</param>
internal sealed record MortalityShock(double MaleInnovationSd, double FemaleInnovationSd, double MaleDriftStandardError = 0, double FemaleDriftStandardError = 0)
{
    /// <summary>Takes σ and SE(c) from fitted Lee–Carter models (e.g. fitted to WPP 2024 abridged periods).</summary>
    /// <param name="male">Model fitted to male rates.</param>
    /// <param name="female">Model fitted to female rates.</param>
    /// <param name="includeDriftUncertainty">Whether each path draws its own drift.</param>
    public static MortalityShock FromLeeCarter(LeeCarterModel male, LeeCarterModel female, bool includeDriftUncertainty)
    {
        ArgumentNullException.ThrowIfNull(male);
        ArgumentNullException.ThrowIfNull(female);
        return new MortalityShock(male.InnovationSd, female.InnovationSd,
            includeDriftUncertainty ? male.DriftStandardError : 0, includeDriftUncertainty ? female.DriftStandardError : 0);
    }

    /// <summary>σ for a sex.</summary>
    public double InnovationSd(Sex sex) => sex == Sex.Male ? MaleInnovationSd : FemaleInnovationSd;

    /// <summary>SE(c) for a sex.</summary>
    public double DriftStandardError(Sex sex) => sex == Sex.Male ? MaleDriftStandardError : FemaleDriftStandardError;
}

/// <summary>
/// A first-order autoregressive deviation from a central path: x(t) = φ x(t−1) + σ e(t), starting from x = 0 the year
/// before the first shocked year. How x applies is the driver's: fertility multiplies the TFR by exp(x) and coverage
/// the covered population by exp(x) (log-scale deviations, so they stay positive); wage growth and returns add x to
/// the central rate.
/// </summary>
/// <param name="Sd">σ, the standard deviation of a year's innovation (≥ 0).</param>
/// <param name="Persistence">φ in [−1, 1]; 0 gives independent yearly deviations, 1 a random walk.</param>
internal sealed record Ar1Shock(double Sd, double Persistence = 0);

/// <summary>
/// Uncertainty of a long-run trend: one normal z per path, the path's trend = central trend + <paramref name="Sd"/> × z in
/// every shocked year (a level shift held for the whole horizon, as a different convergence level would be).
/// </summary>
/// <param name="Sd">Standard deviation of the shift across paths (≥ 0).</param>
internal sealed record TrendShock(double Sd);

/// <summary>
/// Uncertainty of a policy share in [0, 1]: one normal z per path, the path's share = logistic(logit(central) +
/// <paramref name="LogitSd"/> × z), which stays inside (0, 1) without clamping; with z·σ = 0 the share is the central one exactly.
/// </summary>
/// <param name="LogitSd">Standard deviation on the logit scale (≥ 0).</param>
internal sealed record ShareShock(double LogitSd)
{
    /// <summary>The share for a path whose normal is <paramref name="normal"/>.</summary>
    /// <param name="central">The central share, in [0, 1].</param>
    /// <param name="normal">The path's standard normal.</param>
    public double Apply(double central, double normal)
    {
        double x = LogitSd * normal;
        if (x == 0 || central <= 0 || central >= 1) return central; // the ends of [0, 1] are policies, not estimates: kept
        return 1 / (1 + Math.Exp(-(Math.Log(central / (1 - central)) + x)));
    }
}

/// <summary>
/// The stochastic drivers of a Monte Carlo run, each optional (null = held at its central path), their yearly
/// innovations correlated through <see cref="Correlation"/> (Cholesky factor by MathNet.Numerics).
/// </summary>
/// <remarks>
/// Every path draws the same number of normals whatever drivers are on: one for the mortality drift, then five per
/// year (one per <see cref="ShockDriver"/>), so switching a driver off leaves the others' draws unchanged (common
/// random numbers across scenarios, which goal-seeking relies on). Each year the five independent normals z are
/// turned into correlated ones e = L z with L the lower Cholesky factor of the correlation matrix. The economic drivers
/// (<see cref="Inflation"/>, <see cref="LongRunRealWageGrowth"/>, <see cref="IndexationShare"/>) draw after those, from a
/// second block (one per year for inflation, then one each per path for the trend and the share) filled separately, so
/// the first block, and every path of a model without them, is the same bit for bit as before they existed. They are
/// independent of the five correlated drivers and of each other (assumption: no published joint estimate for China; the
/// inflation draw reaches nominal wages and returns through the economy's link, so wages and prices move together).
/// </remarks>
public sealed record ShockModel
{
    /// <summary>Number of drivers (the size of <see cref="Correlation"/>).</summary>
    public const int DriverCount = 5;

    /// <summary>First calendar year with a shock (deviations are zero before it).</summary>
    public required int FirstYear { get; init; }

    /// <summary>Last calendar year with a shock.</summary>
    public required int LastYear { get; init; }

    /// <summary>Mortality (Lee–Carter index) uncertainty, or null.</summary>
    internal MortalityShock? Mortality { get; init; }

    /// <summary>Log-TFR deviation, or null.</summary>
    internal Ar1Shock? Fertility { get; init; }

    /// <summary>Wage-growth deviation (level), or null.</summary>
    internal Ar1Shock? WageGrowth { get; init; }

    /// <summary>Investment-return deviation (level), or null.</summary>
    internal Ar1Shock? InvestmentReturn { get; init; }

    /// <summary>Coverage deviation (log scale), or null.</summary>
    internal Ar1Shock? Coverage { get; init; }

    /// <summary>Deviation of CPI growth (level) from the economy's path after its observed years, or null. Needs a scenario
    /// linked to an economy (<see cref="Scenarios.PensionScenario.LinkedTo"/>): the path's economy is re-linked, so nominal wage
    /// growth, fund returns and the price growth the indexation and crediting rules read all move with it.</summary>
    internal Ar1Shock? Inflation { get; init; }

    /// <summary>Shift of the long-run real wage growth (level, per path) after the economy's observed years, or null; needs a
    /// linked scenario, as <see cref="Inflation"/>.</summary>
    internal TrendShock? LongRunRealWageGrowth { get; init; }

    /// <summary>The share of real wage growth passed to pensions in payment (<see cref="Pensions.PricesPlusShareOfRealWageGrowth"/>),
    /// drawn per path, or null; needs a scenario whose indexation rule is that one.</summary>
    internal ShareShock? IndexationShare { get; init; }

    /// <summary>Correlation of the drivers' yearly innovations, <see cref="DriverCount"/> × <see cref="DriverCount"/> in
    /// <see cref="ShockDriver"/> order; symmetric, unit diagonal, positive definite. Null: independent.</summary>
    public double[,]? Correlation { get; init; }

    /// <summary>No shock at all (every path is the central one).</summary>
    public static ShockModel None(int firstYear, int lastYear) => new() { FirstYear = firstYear, LastYear = lastYear };

    /// <summary>
    /// Splits a covariance matrix of the drivers' innovations into standard deviations and a correlation matrix.
    /// </summary>
    /// <param name="covariance">A <see cref="DriverCount"/> × <see cref="DriverCount"/> covariance in <see cref="ShockDriver"/> order.</param>
    /// <exception cref="InputDataException">A variance is negative or not finite, or the matrix is not square of that size.</exception>
    internal static (double[] Sds, double[,] Correlation) SplitCovariance(double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        CheckSquare(covariance, "covariance");
        var sd = new double[DriverCount];
        for (int i = 0; i < DriverCount; i++)
        {
            double v = covariance[i, i];
            if (!double.IsFinite(v) || v < 0)
            {
                throw new InputDataException("shock model", null, $"covariance[{(ShockDriver)i}, {(ShockDriver)i}]",
                    v.ToString("R", CultureInfo.InvariantCulture), "a variance ≥ 0 (finite)");
            }
            sd[i] = Math.Sqrt(v);
        }
        var corr = new double[DriverCount, DriverCount];
        for (int i = 0; i < DriverCount; i++)
        {
            for (int j = 0; j < DriverCount; j++)
            {
                corr[i, j] = i == j ? 1 : sd[i] > 0 && sd[j] > 0 ? covariance[i, j] / (sd[i] * sd[j]) : 0;
            }
        }
        return (sd, corr);
    }

    /// <summary>Validates the model and factors the correlation matrix.</summary>
    /// <exception cref="InputDataException">A standard deviation is negative or not finite, a persistence is outside
    /// [−1, 1], the years are reversed, or the correlation matrix is not a valid positive definite correlation matrix.</exception>
    internal CompiledShocks Compile() => new(this);

    internal static void CheckSquare(double[,] m, string name)
    {
        if (m.GetLength(0) != DriverCount || m.GetLength(1) != DriverCount)
        {
            throw new InputDataException("shock model", null, name, $"{m.GetLength(0)}×{m.GetLength(1)}",
                $"a {DriverCount}×{DriverCount} matrix in the order {string.Join(", ", Enum.GetNames<ShockDriver>())}");
        }
    }
}

/// <summary>A validated <see cref="ShockModel"/> with its Cholesky factor; immutable and thread-safe. Draws a path's shocks into a <see cref="ShockPath"/>.</summary>
internal sealed class CompiledShocks
{
    private readonly double[] _cholesky; // lower triangle, row-major DriverCount × DriverCount

    internal CompiledShocks(ShockModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.LastYear < model.FirstYear)
        {
            throw new InputDataException("shock model", null, "LastYear", model.LastYear.ToString(CultureInfo.InvariantCulture), $"a year ≥ FirstYear ({model.FirstYear})");
        }
        Model = model;
        if (model.Mortality is { } m)
        {
            CheckSd(m.MaleInnovationSd, "Mortality.MaleInnovationSd");
            CheckSd(m.FemaleInnovationSd, "Mortality.FemaleInnovationSd");
            CheckSd(m.MaleDriftStandardError, "Mortality.MaleDriftStandardError");
            CheckSd(m.FemaleDriftStandardError, "Mortality.FemaleDriftStandardError");
        }
        CheckAr1(model.Fertility, "Fertility");
        CheckAr1(model.WageGrowth, "WageGrowth");
        CheckAr1(model.InvestmentReturn, "InvestmentReturn");
        CheckAr1(model.Coverage, "Coverage");
        CheckAr1(model.Inflation, "Inflation");
        if (model.LongRunRealWageGrowth is { } trend) CheckSd(trend.Sd, "LongRunRealWageGrowth.Sd");
        if (model.IndexationShare is { } share) CheckSd(share.LogitSd, "IndexationShare.LogitSd");

        const int n = ShockModel.DriverCount;
        _cholesky = new double[n * n];
        if (model.Correlation is not { } c)
        {
            for (int i = 0; i < n; i++) _cholesky[i * n + i] = 1;
            return;
        }
        ShockModel.CheckSquare(c, "Correlation");
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = c[i, j];
                string cell = $"Correlation[{(ShockDriver)i}, {(ShockDriver)j}]";
                if (!double.IsFinite(v) || v < -1 || v > 1)
                {
                    throw new InputDataException("shock model", null, cell, v.ToString("R", CultureInfo.InvariantCulture), "a correlation in [−1, 1]");
                }
                if (i == j && v != 1)
                {
                    throw new InputDataException("shock model", null, cell, v.ToString("R", CultureInfo.InvariantCulture), "1 on the diagonal of a correlation matrix");
                }
                if (Math.Abs(v - c[j, i]) > 1e-12)
                {
                    throw new InputDataException("shock model", null, cell, v.ToString("R", CultureInfo.InvariantCulture),
                        $"the same value as Correlation[{(ShockDriver)j}, {(ShockDriver)i}] ({c[j, i].ToString("R", CultureInfo.InvariantCulture)}): a correlation matrix is symmetric");
                }
            }
        }
        var matrix = Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (c[i, j] + c[j, i]));
        Matrix<double> factor;
        try
        {
            factor = matrix.Cholesky().Factor;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new InputDataException("shock model", null, "Correlation", "(not positive definite)",
                "a positive definite correlation matrix (its Cholesky factorisation failed: some combination of the drivers would have zero or negative variance; smallest eigenvalue " +
                matrix.Evd().EigenValues.Real().Minimum().ToString("G6", CultureInfo.InvariantCulture) + ")");
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double v = factor[i, j];
                if (!double.IsFinite(v) || (i == j && !(v > 0)))
                {
                    throw new InputDataException("shock model", null, "Correlation", "(not positive definite)", "a positive definite correlation matrix");
                }
                _cholesky[i * n + j] = v;
            }
        }
    }

    /// <summary>The model compiled.</summary>
    public ShockModel Model { get; }

    /// <summary>First shocked year.</summary>
    public int FirstYear => Model.FirstYear;

    /// <summary>Last shocked year.</summary>
    public int LastYear => Model.LastYear;

    /// <summary>Number of shocked years.</summary>
    public int YearCount => Model.LastYear - Model.FirstYear + 1;

    /// <summary>Standard normals one path consumes: 1 (mortality drift) + <see cref="ShockModel.DriverCount"/> per year, then
    /// the economic block: 1 per year (inflation) + 2 (the real wage trend and the indexation share).</summary>
    public int NormalsPerPath => CorrelatedNormalsPerPath + YearCount + 2;

    /// <summary>The first block of <see cref="NormalsPerPath"/>: 1 + <see cref="ShockModel.DriverCount"/> per year.</summary>
    public int CorrelatedNormalsPerPath => 1 + ShockModel.DriverCount * YearCount;

    /// <summary>The lower Cholesky factor L (row-major; correlation = L Lᵀ).</summary>
    internal ReadOnlySpan<double> CholeskyFactor => _cholesky;

    /// <summary>A buffer for <see cref="Draw"/> (one per thread).</summary>
    public ShockPath CreatePath() => new(this);

    /// <summary>Draws one path's shocks from the path's stream into <paramref name="path"/>; allocation-free.</summary>
    /// <param name="random">The path's stream.</param>
    /// <param name="path">Destination, from <see cref="CreatePath"/> of this instance.</param>
    public void Draw(ref PathRandom random, ShockPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Owner != this) throw new ArgumentException("the shock path was created by another compiled model", nameof(path));
        const int n = ShockModel.DriverCount;
        var z = path.Normals.AsSpan();
        int years = YearCount;
        int core = CorrelatedNormalsPerPath;
        // Two fills, so that the first block is what a path drew before the economic drivers existed (the generator pairs
        // its normals: one fill over both blocks would change the last normal of the first block when its length is odd).
        random.FillStandardNormals(z[..core]);
        random.FillStandardNormals(z[core..]);
        double driftNormal = z[0];
        var m = Model;
        double mSdM = m.Mortality?.MaleInnovationSd ?? 0, mSdF = m.Mortality?.FemaleInnovationSd ?? 0;
        double seM = m.Mortality?.MaleDriftStandardError ?? 0, seF = m.Mortality?.FemaleDriftStandardError ?? 0;
        double kM = 0, kF = 0, xF = 0, xW = 0, xR = 0, xC = 0;
        Span<double> e = stackalloc double[n];
        for (int h = 0; h < years; h++)
        {
            var zy = z.Slice(1 + h * n, n);
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j <= i; j++) s += _cholesky[i * n + j] * zy[j];
                e[i] = s;
            }
            // Lee–Carter random walk around the central path (the recursion of LeeCarterModel.SimulateIndex minus k_T + h c).
            kM += seM * driftNormal + mSdM * e[(int)ShockDriver.Mortality];
            kF += seF * driftNormal + mSdF * e[(int)ShockDriver.Mortality];
            path.MaleIndex[h] = kM;
            path.FemaleIndex[h] = kF;
            xF = Ar1(m.Fertility, xF, e[(int)ShockDriver.Fertility]);
            path.FertilityLog[h] = xF;
            path.TfrFactor[h] = Math.Exp(xF);
            xW = Ar1(m.WageGrowth, xW, e[(int)ShockDriver.WageGrowth]);
            path.WageGrowth[h] = xW;
            xR = Ar1(m.InvestmentReturn, xR, e[(int)ShockDriver.InvestmentReturn]);
            path.InvestmentReturn[h] = xR;
            xC = Ar1(m.Coverage, xC, e[(int)ShockDriver.Coverage]);
            path.Coverage[h] = xC;
        }
        double xP = 0;
        for (int h = 0; h < years; h++)
        {
            xP = Ar1(m.Inflation, xP, z[core + h]);
            path.Inflation[h] = xP;
        }
        path.RealWageTrend = m.LongRunRealWageGrowth is { } trend ? trend.Sd * z[core + years] : 0;
        path.IndexationNormal = m.IndexationShare is null ? 0 : z[core + years + 1];
    }

    private static double Ar1(Ar1Shock? shock, double previous, double innovation) =>
        shock is null ? 0 : shock.Persistence * previous + shock.Sd * innovation;

    private static void CheckSd(double sd, string field)
    {
        if (!double.IsFinite(sd) || sd < 0)
        {
            throw new InputDataException("shock model", null, field, sd.ToString("R", CultureInfo.InvariantCulture),
                "a standard deviation ≥ 0 (finite): a variance cannot be negative");
        }
    }

    private static void CheckAr1(Ar1Shock? shock, string name)
    {
        if (shock is null) return;
        CheckSd(shock.Sd, name + ".Sd");
        if (!double.IsFinite(shock.Persistence) || shock.Persistence < -1 || shock.Persistence > 1)
        {
            throw new InputDataException("shock model", null, name + ".Persistence", shock.Persistence.ToString("R", CultureInfo.InvariantCulture), "a persistence φ in [−1, 1]");
        }
    }
}

/// <summary>
/// One path's shocks by shocked year (index 0 = <see cref="CompiledShocks.FirstYear"/>): deviations from the central
/// paths. A reusable buffer; <see cref="CompiledShocks.Draw"/> overwrites it.
/// </summary>
internal sealed class ShockPath
{
    internal ShockPath(CompiledShocks owner)
    {
        Owner = owner;
        int years = owner.YearCount;
        Normals = new double[owner.NormalsPerPath];
        MaleIndex = new double[years];
        FemaleIndex = new double[years];
        FertilityLog = new double[years];
        TfrFactor = new double[years];
        WageGrowth = new double[years];
        InvestmentReturn = new double[years];
        Coverage = new double[years];
        Inflation = new double[years];
    }

    internal CompiledShocks Owner { get; }
    internal double[] Normals { get; }
    internal double[] MaleIndex { get; }
    internal double[] FemaleIndex { get; }
    internal double[] FertilityLog { get; }
    internal double[] TfrFactor { get; }
    internal double[] WageGrowth { get; }
    internal double[] InvestmentReturn { get; }
    internal double[] Coverage { get; }
    internal double[] Inflation { get; }
    internal double RealWageTrend { get; set; }
    internal double IndexationNormal { get; set; }

    /// <summary>First shocked year.</summary>
    public int FirstYear => Owner.FirstYear;

    /// <summary>Last shocked year.</summary>
    public int LastYear => Owner.LastYear;

    /// <summary>Deviation of the Lee–Carter index from its central path in <paramref name="year"/> (0 outside the shocked years).</summary>
    public double MortalityIndex(int year, Sex sex) => At(sex == Sex.Male ? MaleIndex : FemaleIndex, year, 0);

    /// <summary>Deviation of ln TFR in <paramref name="year"/>.</summary>
    public double FertilityLogDeviation(int year) => At(FertilityLog, year, 0);

    /// <summary>Factor exp(x) on the TFR in <paramref name="year"/> (exactly 1 outside the shocked years or without the driver).</summary>
    public double TfrMultiplier(int year) => At(TfrFactor, year, 1);

    /// <summary>Deviation of wage growth in <paramref name="year"/>.</summary>
    public double WageGrowthDeviation(int year) => At(WageGrowth, year, 0);

    /// <summary>Deviation of the investment return in <paramref name="year"/>.</summary>
    public double InvestmentReturnDeviation(int year) => At(InvestmentReturn, year, 0);

    /// <summary>Log deviation of coverage in <paramref name="year"/> (the covered population is multiplied by its exp).</summary>
    public double CoverageDeviation(int year) => At(Coverage, year, 0);

    /// <summary>Deviation of CPI growth in <paramref name="year"/> (0 outside the shocked years or without the driver).</summary>
    public double InflationDeviation(int year) => At(Inflation, year, 0);

    /// <summary>Shift of the long-run real wage growth in <paramref name="year"/> (the path's draw in the shocked years, else 0).</summary>
    public double RealWageTrendDeviation(int year) => year < FirstYear || year > LastYear ? 0 : RealWageTrend;

    /// <summary>The path's indexation share given the central one (<see cref="ShareShock.Apply"/>; the central share without the driver).</summary>
    /// <param name="central">The central share, in [0, 1].</param>
    public double IndexationShare(double central) => Owner.Model.IndexationShare is { } shock ? shock.Apply(central, IndexationNormal) : central;

    private double At(double[] values, int year, double outside) =>
        year < FirstYear || year > LastYear ? outside : values[year - FirstYear];
}
