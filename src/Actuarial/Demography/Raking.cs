using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// Iterative proportional fitting (IPF, "raking"; Deming, W. E. and Stephan, F. F. (1940), "On a least squares
/// adjustment of a sampled frequency table when the expected marginal totals are known", Ann. Math. Stat. 11(4),
/// 427–444): scales the rows and columns of a non-negative seed matrix in turn until its margins match given
/// targets. The result keeps the seed's interactions (cross-product ratios) and its zeros.
/// </summary>
internal static class Raking
{
    /// <summary>Default convergence tolerance: largest margin gap relative to the grand total.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Default maximum number of (row, column) sweeps.</summary>
    public const int DefaultMaxIterations = 10_000;

    /// <summary>Relative tolerance within which the row and column targets must have the same total.</summary>
    public const double MarginTotalTolerance = 1e-9;

    /// <summary>
    /// Rakes a seed matrix to row and column targets (2-D IPF) and returns the fitted matrix.
    /// </summary>
    /// <param name="seed">Non-negative seed, rows × columns.</param>
    /// <param name="rowTargets">Target row sums (non-negative), one per row.</param>
    /// <param name="columnTargets">Target column sums (non-negative), one per column; same total as the rows
    /// within a relative <see cref="MarginTotalTolerance"/>.</param>
    /// <param name="tolerance">Convergence: stop when every margin is within tolerance × grand total.</param>
    /// <param name="maxIterations">Maximum number of sweeps (a row scaling plus a column scaling).</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <returns>A new fitted matrix.</returns>
    /// <exception cref="InputDataException">Negative or non-finite input, margin totals that differ, a non-zero
    /// target for an all-zero seed row or column, or no convergence within <paramref name="maxIterations"/>
    /// (the seed's zero pattern cannot meet the margins).</exception>
    public static double[,] Rake(double[,] seed, ReadOnlySpan<double> rowTargets, ReadOnlySpan<double> columnTargets,
        double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations, string source = "raking input")
    {
        ArgumentNullException.ThrowIfNull(seed);
        int rows = seed.GetLength(0), cols = seed.GetLength(1);
        var flat = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                flat[i * cols + j] = seed[i, j];
        RakeInPlace(flat, rows, cols, rowTargets, columnTargets, tolerance, maxIterations, source);
        var result = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                result[i, j] = flat[i * cols + j];
        return result;
    }

    /// <summary>
    /// Rakes a row-major matrix in place to row and column targets (2-D IPF). Allocation-free.
    /// </summary>
    /// <param name="matrix">Seed on entry, fitted matrix on exit; row-major, <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="rowTargets">Target row sums.</param>
    /// <param name="columnTargets">Target column sums.</param>
    /// <param name="tolerance">Convergence: every margin within tolerance × grand total.</param>
    /// <param name="maxIterations">Maximum number of sweeps.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <returns>The number of sweeps used.</returns>
    /// <exception cref="InputDataException">See <see cref="Rake"/>.</exception>
    public static int RakeInPlace(Span<double> matrix, int rows, int columns, ReadOnlySpan<double> rowTargets,
        ReadOnlySpan<double> columnTargets, double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations,
        string source = "raking input")
    {
        if (rows <= 0 || columns <= 0 || matrix.Length != rows * columns)
        {
            throw new ArgumentException($"the matrix must have rows × columns = {rows} × {columns} cells", nameof(matrix));
        }
        if (rowTargets.Length != rows)
        {
            throw new InputDataException(source, null, "rowTargets", $"{rowTargets.Length} values", $"one target per row ({rows} values)");
        }
        if (columnTargets.Length != columns)
        {
            throw new InputDataException(source, null, "columnTargets", $"{columnTargets.Length} values", $"one target per column ({columns} values)");
        }
        if (!(tolerance > 0.0) || maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), "tolerance must be positive and maxIterations at least 1");
        }
        CheckNonNegative(matrix, source, "seed");
        CheckNonNegative(rowTargets, source, "rowTargets");
        CheckNonNegative(columnTargets, source, "columnTargets");
        double rowTotal = Sum(rowTargets), columnTotal = Sum(columnTargets);
        double scaleTotal = Math.Max(rowTotal, columnTotal);
        if (Math.Abs(rowTotal - columnTotal) > MarginTotalTolerance * scaleTotal)
        {
            throw new InputDataException(source, null, "columnTargets",
                $"total {G(columnTotal)} against row total {G(rowTotal)}",
                $"row and column targets with the same total (within a relative {G(MarginTotalTolerance)})");
        }
        if (scaleTotal == 0.0)
        {
            matrix.Clear();
            return 0;
        }

        // Structural check: a positive target needs a positive seed somewhere in its row / column.
        for (int i = 0; i < rows; i++)
        {
            if (rowTargets[i] > 0.0 && Sum(matrix.Slice(i * columns, columns)) == 0.0)
            {
                throw new InputDataException(source, null, $"rowTargets[{i}]", G(rowTargets[i]),
                    "zero, because the seed's row is all zero (raking keeps zeros)");
            }
        }
        for (int j = 0; j < columns; j++)
        {
            if (columnTargets[j] > 0.0 && ColumnSum(matrix, rows, columns, j) == 0.0)
            {
                throw new InputDataException(source, null, $"columnTargets[{j}]", G(columnTargets[j]),
                    "zero, because the seed's column is all zero (raking keeps zeros)");
            }
        }

        double limit = tolerance * scaleTotal;
        double gap = double.PositiveInfinity;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Rows.
            for (int i = 0; i < rows; i++)
            {
                var row = matrix.Slice(i * columns, columns);
                double s = Sum(row);
                double f = s > 0.0 ? rowTargets[i] / s : 0.0;
                for (int j = 0; j < columns; j++) row[j] *= f;
            }
            // Columns; the gap is measured on the columns before scaling (rows are exact here).
            gap = 0.0;
            for (int j = 0; j < columns; j++)
            {
                double s = ColumnSum(matrix, rows, columns, j);
                gap = Math.Max(gap, Math.Abs(s - columnTargets[j]));
                double f = s > 0.0 ? columnTargets[j] / s : 0.0;
                for (int i = 0; i < rows; i++) matrix[i * columns + j] *= f;
            }
            if (gap <= limit)
            {
                // Columns are exact now; check the rows once more.
                double rowGap = 0.0;
                for (int i = 0; i < rows; i++)
                {
                    rowGap = Math.Max(rowGap, Math.Abs(Sum(matrix.Slice(i * columns, columns)) - rowTargets[i]));
                }
                if (rowGap <= limit) return iteration;
            }
        }
        throw new InputDataException(source, null, "margins",
            $"largest margin gap {G(gap)} (grand total {G(scaleTotal)}) after {maxIterations} iterations",
            $"margins the seed's zero pattern can meet: IPF must converge to a relative {G(tolerance)}");
    }

    /// <summary>
    /// Rakes a 3-D array (row-major, [i, j, k] with k fastest) to its three one-way margins by cycling the three
    /// scalings (3-D IPF). Allocation-free.
    /// </summary>
    /// <param name="array">Seed on entry, fitted array on exit.</param>
    /// <param name="n0">Extent of the first axis.</param>
    /// <param name="n1">Extent of the second axis.</param>
    /// <param name="n2">Extent of the third axis.</param>
    /// <param name="margin0">Target sums over the first axis' slices.</param>
    /// <param name="margin1">Target sums over the second axis' slices.</param>
    /// <param name="margin2">Target sums over the third axis' slices.</param>
    /// <param name="tolerance">Convergence: every margin within tolerance × grand total.</param>
    /// <param name="maxIterations">Maximum number of sweeps.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <returns>The number of sweeps used.</returns>
    /// <exception cref="InputDataException">Negative input, margin totals that differ, or no convergence.</exception>
    public static int RakeInPlace3D(Span<double> array, int n0, int n1, int n2, ReadOnlySpan<double> margin0,
        ReadOnlySpan<double> margin1, ReadOnlySpan<double> margin2, double tolerance = DefaultTolerance,
        int maxIterations = DefaultMaxIterations, string source = "raking input")
    {
        if (n0 <= 0 || n1 <= 0 || n2 <= 0 || array.Length != n0 * n1 * n2)
        {
            throw new ArgumentException("the array must have n0 × n1 × n2 cells", nameof(array));
        }
        if (margin0.Length != n0 || margin1.Length != n1 || margin2.Length != n2)
        {
            throw new InputDataException(source, null, "margins", $"{margin0.Length}, {margin1.Length}, {margin2.Length} values",
                $"{n0}, {n1} and {n2} values, one per slice");
        }
        CheckNonNegative(array, source, "seed");
        CheckNonNegative(margin0, source, "margin0");
        CheckNonNegative(margin1, source, "margin1");
        CheckNonNegative(margin2, source, "margin2");
        double t0 = Sum(margin0), t1 = Sum(margin1), t2 = Sum(margin2);
        double total = Math.Max(t0, Math.Max(t1, t2));
        if (Math.Abs(t0 - t1) > MarginTotalTolerance * total || Math.Abs(t0 - t2) > MarginTotalTolerance * total)
        {
            throw new InputDataException(source, null, "margins", $"totals {G(t0)}, {G(t1)}, {G(t2)}",
                $"three margins with the same total (within a relative {G(MarginTotalTolerance)})");
        }
        if (total == 0.0)
        {
            array.Clear();
            return 0;
        }
        double limit = tolerance * total;
        double gap = double.PositiveInfinity;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            gap = 0.0;
            // Axis 0.
            for (int i = 0; i < n0; i++)
            {
                var slab = array.Slice(i * n1 * n2, n1 * n2);
                double s = Sum(slab);
                gap = Math.Max(gap, Math.Abs(s - margin0[i]));
                double f = s > 0.0 ? margin0[i] / s : 0.0;
                for (int c = 0; c < slab.Length; c++) slab[c] *= f;
            }
            // Axis 1.
            for (int j = 0; j < n1; j++)
            {
                double s = 0.0;
                for (int i = 0; i < n0; i++) s += Sum(array.Slice((i * n1 + j) * n2, n2));
                gap = Math.Max(gap, Math.Abs(s - margin1[j]));
                double f = s > 0.0 ? margin1[j] / s : 0.0;
                for (int i = 0; i < n0; i++)
                {
                    var run = array.Slice((i * n1 + j) * n2, n2);
                    for (int k = 0; k < n2; k++) run[k] *= f;
                }
            }
            // Axis 2.
            for (int k = 0; k < n2; k++)
            {
                double s = 0.0;
                for (int ij = 0; ij < n0 * n1; ij++) s += array[ij * n2 + k];
                gap = Math.Max(gap, Math.Abs(s - margin2[k]));
                double f = s > 0.0 ? margin2[k] / s : 0.0;
                for (int ij = 0; ij < n0 * n1; ij++) array[ij * n2 + k] *= f;
            }
            if (gap <= limit) return iteration;
        }
        throw new InputDataException(source, null, "margins",
            $"largest margin gap {G(gap)} (grand total {G(total)}) after {maxIterations} iterations",
            $"margins the seed's zero pattern can meet: IPF must converge to a relative {G(tolerance)}");
    }

    private static double ColumnSum(ReadOnlySpan<double> matrix, int rows, int columns, int j)
    {
        double s = 0.0;
        for (int i = 0; i < rows; i++) s += matrix[i * columns + j];
        return s;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double s = 0.0;
        foreach (var v in values) s += v;
        return s;
    }

    private static void CheckNonNegative(ReadOnlySpan<double> values, string source, string field)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0.0)
            {
                throw new InputDataException(source, null, $"{field}[{i}]", G(values[i]), "a finite non-negative number");
            }
        }
    }

    private static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
