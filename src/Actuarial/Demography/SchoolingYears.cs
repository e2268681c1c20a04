using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using MathNet.Numerics.LinearAlgebra;

namespace Actuarial.Demography;

/// <summary>
/// Years of schooling assigned to each of the six attainment levels, and the mean years of schooling (MYS) of a
/// population on the grid. Immutable.
/// </summary>
/// <remarks>
/// The default, <see cref="WittgensteinSsp2China"/>, is derived, not assumed: it is the order-constrained
/// non-negative least-squares fit (<see cref="Fit"/>) of the Wittgenstein Centre (2018) SSP2 mean years of schooling of China against the same
/// source's level shares, over every year 2015–2100 × sex × five-year age group 15–19 … 100+ (2 × 18 × 18 = 648
/// cells, each weighted equally); <c>ChinaEducation.FitWittgensteinSsp2()</c> (Actuarial.China) recomputes it. WIC computes its MYS
/// from more detail than the six shares (its post-secondary alone splits into short-cycle, bachelor, and master and
/// higher, whose mix changes over time), so one set of years per level cannot reproduce it exactly; the fit's
/// residuals (RMSE 0.21 years; worst at 15–19, −0.40 on average, and 20–24, +0.25) are what that simplification costs.
/// </remarks>
public sealed class SchoolingYears : IEquatable<SchoolingYears>
{
    private readonly double[] _years;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<double> _view;

    /// <summary>Creates the years per level, lowest level first; each finite and in [0, 30].</summary>
    /// <exception cref="InputDataException">Not six values, or a value outside [0, 30].</exception>
    public SchoolingYears(IReadOnlyList<double> yearsByLevel)
    {
        ArgumentNullException.ThrowIfNull(yearsByLevel);
        if (yearsByLevel.Count != EducationLevels.Count)
        {
            throw new InputDataException("SchoolingYears", null, "yearsByLevel", yearsByLevel.Count.ToString(CultureInfo.InvariantCulture),
                $"{EducationLevels.Count} values, one per level");
        }
        _years = new double[EducationLevels.Count];
        for (int e = 0; e < _years.Length; e++)
        {
            double v = yearsByLevel[e];
            if (!(v >= 0 && v <= 30))
            {
                throw new InputDataException("SchoolingYears", null, ((EducationLevel)e).Label(),
                    v.ToString("R", CultureInfo.InvariantCulture), "years of schooling in [0, 30]");
            }
            _years[e] = v;
        }
        _view = Array.AsReadOnly(_years);
    }

    /// <summary>Years of schooling of each level, lowest first.</summary>
    public IReadOnlyList<double> ByLevel => _view;

    /// <inheritdoc />
    public bool Equals(SchoolingYears? other) => other is not null && _years.AsSpan().SequenceEqual(other._years);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SchoolingYears);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (double v in _years) hash.Add(v);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", EducationLevels.All.Select(l => $"{l.Label()} {this[l].ToString("0.###", CultureInfo.InvariantCulture)}"));

    /// <summary>Years of schooling of one level.</summary>
    public double this[EducationLevel level] => _years[(int)level];

    /// <summary>
    /// Years per level fitted to the Wittgenstein Centre (2018) SSP2 mean years of schooling for China (see the
    /// type's remarks; recomputed by <c>ChinaEducation.FitWittgensteinSsp2()</c> and checked by the tests):
    /// no education 0.323, incomplete primary 3.660, primary 3.660, lower secondary 7.743, upper secondary 13.325,
    /// post-secondary 14.054; RMSE 0.210 years over 648 cells (the ISCED durations of <see cref="IscedChina"/> give
    /// 0.703 on the same cells).
    /// </summary>
    /// <remarks>
    /// The unconstrained NNLS is not increasing (incomplete primary 4.416 above primary 3.385; the others 0.251,
    /// 7.746, 13.320, 14.055), so the order-constrained refit is used, which ties incomplete primary and primary.
    /// Known weakness: upper secondary and post-secondary are poorly separated (their shares move together over
    /// the projection), so the fitted gap between them (0.73 years) is much smaller than the 3–4 years of the
    /// programmes; restricting the fit to ages 25–64 gives 13.12 and 14.25. For MYS comparisons with WIC this set is
    /// the best one; for interpreting years of schooling as durations use <see cref="IscedChina"/>.
    /// </remarks>
    public static SchoolingYears WittgensteinSsp2China { get; } = new([0.323, 3.660, 3.660, 7.743, 13.325, 14.054]);

    /// <summary>
    /// Named assumption, for comparison: the standard cumulative durations of China's school system (ISCED 2011
    /// mapping in the UNESCO UIS country profile: primary 6 years, junior middle school 3 → 9, senior middle school 3 → 12;
    /// post-secondary ≈ 15.5 as a mix of 3-year short-cycle and 4-year bachelor programmes), with half of primary
    /// (3 years) for incomplete primary and 0 for no education.
    /// </summary>
    public static SchoolingYears IscedChina { get; } = new([0.0, 3.0, 6.0, 9.0, 12.0, 15.5]);

    /// <summary>
    /// Mean years of schooling of one (region, sex) block over ages <paramref name="ageFrom"/>..<paramref name="ageTo"/>
    /// (inclusive; 100 = 100+): Σ P[e][a] × years[e] / Σ P[e][a]. NaN when no one is in the range.
    /// </summary>
    /// <param name="regionSexBlock">[education 6][age 101], length <see cref="PopulationShape.CellsPerSex"/>.</param>
    /// <param name="ageFrom">First age, 0..100.</param>
    /// <param name="ageTo">Last age, <paramref name="ageFrom"/>..100.</param>
    /// <param name="years">Years per level.</param>
    internal static double MeanYears(ReadOnlySpan<double> regionSexBlock, int ageFrom, int ageTo, SchoolingYears years)
    {
        if (regionSexBlock.Length != PopulationShape.CellsPerSex)
        {
            throw new ArgumentException($"a (region, sex) block holds {PopulationShape.CellsPerSex} cells, not {regionSexBlock.Length}", nameof(regionSexBlock));
        }
        Accumulate(regionSexBlock, ageFrom, ageTo, years, out double people, out double personYears);
        return people > 0 ? personYears / people : double.NaN;
    }

    /// <summary>
    /// Mean years of schooling of a whole population grid (all regions and both sexes) over ages
    /// <paramref name="ageFrom"/>..<paramref name="ageTo"/>. NaN when no one is in the range.
    /// </summary>
    /// <param name="population">The flat [region, sex, education, age] grid of <paramref name="shape"/>.</param>
    /// <param name="shape">The grid's shape.</param>
    /// <param name="ageFrom">First age, 0..100.</param>
    /// <param name="ageTo">Last age, <paramref name="ageFrom"/>..100.</param>
    /// <param name="years">Years per level.</param>
    internal static double MeanYears(ReadOnlySpan<double> population, PopulationShape shape, int ageFrom, int ageTo, SchoolingYears years)
    {
        if (population.Length != shape.CellCount)
        {
            throw new ArgumentException($"the grid holds {shape.CellCount} cells, not {population.Length}", nameof(population));
        }
        double people = 0, personYears = 0;
        for (int b = 0; b < population.Length; b += PopulationShape.CellsPerSex)
        {
            Accumulate(population.Slice(b, PopulationShape.CellsPerSex), ageFrom, ageTo, years, out double p, out double py);
            people += p;
            personYears += py;
        }
        return people > 0 ? personYears / people : double.NaN;
    }

    /// <summary>
    /// Fits years per level to observed mean years of schooling: minimises Σᵢ wᵢ (MYSᵢ − Σₑ sharesᵢₑ yearsₑ)² subject to
    /// yearsₑ ≥ 0 (Lawson–Hanson non-negative least squares, with MathNet.Numerics' QR for the unconstrained
    /// sub-problems). If the fitted years do not increase across the levels, the fit is redone under the order
    /// constraint 0 ≤ years₀ ≤ years₁ ≤ … ≤ years₅ (isotonic least squares: the years are written as cumulative sums of
    /// non-negative increments, which are fitted by the same NNLS), and <see cref="SchoolingYearsFit.RawIncreasing"/> says so.
    /// </summary>
    /// <param name="shares">Observations × 6 level shares (each row sums to 1).</param>
    /// <param name="meanYears">Observed mean years of schooling, one per row.</param>
    /// <param name="weights">Optional non-negative weight per row (default: 1).</param>
    /// <exception cref="ArgumentException">Dimensions disagree.</exception>
    internal static SchoolingYearsFit Fit(double[,] shares, IReadOnlyList<double> meanYears, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(meanYears);
        int n = shares.GetLength(0), p = EducationLevels.Count;
        if (shares.GetLength(1) != p) throw new ArgumentException($"shares need {p} columns", nameof(shares));
        if (meanYears.Count != n) throw new ArgumentException("one mean per row of shares", nameof(meanYears));
        if (weights is not null && weights.Count != n) throw new ArgumentException("one weight per row of shares", nameof(weights));
        if (n < p) throw new ArgumentException($"at least {p} observations are needed", nameof(shares));

        var a = Matrix<double>.Build.Dense(n, p);
        var b = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            double sw = weights is null ? 1.0 : Math.Sqrt(weights[i]);
            for (int e = 0; e < p; e++) a[i, e] = sw * shares[i, e];
            b[i] = sw * meanYears[i];
        }
        var raw = NonNegativeLeastSquares(a, b);

        bool increasing = true;
        for (int e = 1; e < p; e++) increasing &= raw[e] > raw[e - 1];
        double[] used = raw.ToArray();
        if (!increasing)
        {
            // Order-constrained least squares: years = cumulative sums of non-negative increments d, so
            // A·years = (A·L)·d with L lower-triangular ones; NNLS on d gives the best non-decreasing fit.
            var cumulative = Matrix<double>.Build.Dense(p, p, (i, j) => j <= i ? 1.0 : 0.0);
            var increments = NonNegativeLeastSquares(a * cumulative, b);
            used = (cumulative * increments).ToArray();
        }

        double sse = 0, sumW = 0;
        for (int i = 0; i < n; i++)
        {
            double fitted = 0;
            for (int e = 0; e < p; e++) fitted += shares[i, e] * used[e];
            double w = weights is null ? 1.0 : weights[i];
            sse += w * (meanYears[i] - fitted) * (meanYears[i] - fitted);
            sumW += w;
        }
        return new SchoolingYearsFit(new SchoolingYears(used), raw.ToArray(), Math.Sqrt(sse / sumW), n, increasing);
    }

    internal static SchoolingYearsFit FitWittgensteinSsp2(EducationWittgensteinData data)
    {
        var rows = new List<(double[] Shares, double Mys)>();
        foreach (int year in data.Years)
        {
            if (year < 2015) continue;
            foreach (var sex in Sexes.All)
            {
                foreach (int age in data.AgeStarts)
                {
                    if (age < 15 || data.MeanYears(year, sex, age) is not { } mys) continue;
                    var s = new double[EducationLevels.Count];
                    double total = 0;
                    for (int e = 0; e < s.Length; e++) total += s[e] = data.Population(year, sex, age, (EducationLevel)e);
                    if (!(total > 0)) continue;
                    for (int e = 0; e < s.Length; e++) s[e] /= total;
                    rows.Add((s, mys));
                }
            }
        }
        var x = new double[rows.Count, EducationLevels.Count];
        for (int i = 0; i < rows.Count; i++) for (int e = 0; e < EducationLevels.Count; e++) x[i, e] = rows[i].Shares[e];
        return Fit(x, rows.Select(r => r.Mys).ToArray());
    }

    private static void Accumulate(ReadOnlySpan<double> block, int ageFrom, int ageTo, SchoolingYears years, out double people, out double personYears)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (ageFrom < 0 || ageTo > Ages.OpenInterval || ageFrom > ageTo)
        {
            throw new ArgumentOutOfRangeException(nameof(ageFrom), $"ages {ageFrom}..{ageTo}: need 0 ≤ ageFrom ≤ ageTo ≤ {Ages.OpenInterval}");
        }
        people = 0;
        personYears = 0;
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            double sum = 0;
            var run = block.Slice(e * Ages.Count + ageFrom, ageTo - ageFrom + 1);
            foreach (double v in run) sum += v;
            people += sum;
            personYears += sum * years._years[e];
        }
    }

    // Lawson & Hanson (1974), Solving Least Squares Problems, ch. 23.
    private static Vector<double> NonNegativeLeastSquares(Matrix<double> a, Vector<double> b)
    {
        int p = a.ColumnCount;
        var x = Vector<double>.Build.Dense(p);
        var passive = new bool[p];
        double tol = 1e-10 * a.FrobeniusNorm() * b.L2Norm();
        for (int iteration = 0; iteration < 10 * p; iteration++)
        {
            var w = a.TransposeThisAndMultiply(b - a * x);
            int j = -1;
            for (int e = 0; e < p; e++) if (!passive[e] && w[e] > tol && (j < 0 || w[e] > w[j])) j = e;
            if (j < 0) break;
            passive[j] = true;
            while (true)
            {
                var z = SolvePassive(a, b, passive);
                bool feasible = true;
                for (int e = 0; e < p; e++) if (passive[e] && z[e] <= 0) feasible = false;
                if (feasible)
                {
                    x = z;
                    break;
                }
                double alpha = double.PositiveInfinity;
                for (int e = 0; e < p; e++)
                {
                    if (passive[e] && z[e] <= 0) alpha = Math.Min(alpha, x[e] / (x[e] - z[e]));
                }
                x += alpha * (z - x);
                for (int e = 0; e < p; e++) if (passive[e] && x[e] <= 1e-12) { passive[e] = false; x[e] = 0; }
            }
        }
        return x;
    }

    private static Vector<double> SolvePassive(Matrix<double> a, Vector<double> b, bool[] passive)
    {
        var columns = Enumerable.Range(0, passive.Length).Where(e => passive[e]).ToArray();
        var sub = Matrix<double>.Build.Dense(a.RowCount, columns.Length, (i, k) => a[i, columns[k]]);
        var solution = sub.QR().Solve(b);
        var z = Vector<double>.Build.Dense(passive.Length);
        for (int k = 0; k < columns.Length; k++) z[columns[k]] = solution[k];
        return z;
    }
}

/// <summary>The result of <see cref="SchoolingYears.Fit"/>.</summary>
/// <param name="Years">The years per level used (the raw fit, or the order-constrained refit when the raw fit was not increasing).</param>
/// <param name="RawYears">The non-negative least-squares coefficients before any adjustment, lowest level first.</param>
/// <param name="Rmse">Root mean squared error of <paramref name="Years"/> over the observations (weighted when weights were given), in years.</param>
/// <param name="Observations">Number of observations fitted.</param>
/// <param name="RawIncreasing">True when the raw coefficients increase strictly across the levels (no adjustment made).</param>
internal sealed record SchoolingYearsFit(SchoolingYears Years, IReadOnlyList<double> RawYears, double Rmse, int Observations, bool RawIncreasing);
