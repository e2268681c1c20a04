using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using MathNet.Numerics.Interpolation;

namespace Actuarial.Demography;

/// <summary>
/// Graduation (splitting) of counts or rates given in age groups into single years of age.
/// </summary>
/// <remarks>
/// <para>
/// Method: the cumulative count is known exactly at the group boundaries. A monotone piecewise cubic Hermite
/// interpolant (PCHIP) is passed through those points and differenced at the integer ages. Because the
/// interpolant is monotone wherever the cumulative count is (that is, always, as counts are non-negative), every
/// single-year value is non-negative, and because it passes through the boundary points, each group's single years
/// add up exactly to the group's count. This is the method of DemoTools' <c>graduate_mono()</c>
/// (Riffe, T. et al., DemoTools, R package, https://github.com/timriffe/DemoTools; after Fritsch, F. N. and
/// Carlson, R. E. (1980), "Monotone piecewise cubic interpolation", SIAM J. Numer. Anal. 17(2), 238–246).
/// </para>
/// <para>
/// The interpolant is MathNet.Numerics' <see cref="CubicSpline.InterpolatePchipSorted"/>: interior slopes are the
/// Fritsch–Butland (1984) weighted harmonic mean of the adjacent secant slopes (set to zero at a local extremum or
/// where a secant is zero) and end slopes use the one-sided shape-preserving three-point formula (as in MATLAB's
/// <c>pchip</c> and SciPy's <c>PchipInterpolator</c>). It belongs to the Fritsch–Carlson family of monotone cubics;
/// DemoTools uses R's <c>splinefun(method = "monoH.FC")</c>, so single-year values can differ slightly from
/// DemoTools' while sharing both guarantees (exact group totals, no negative values). Floating-point round-off
/// that would make a single year a few ulps negative is removed and the group re-scaled to its exact total.
/// </para>
/// <para>
/// Open last group: when it starts at 100 its count is the 100+ cell (index <see cref="Ages.OpenInterval"/>). When
/// it starts lower (e.g. 80+ or 85+), the count is spread over ages s..99 and the 100+ cell with a geometric
/// decline in single-year counts, ratio r per year, fitted to the mean single-year counts of the last two closed
/// groups, r = (m₂/m₁)^(1/(c₂−c₁)) with m the group mean per year and c the group mid-point. The 100+ cell takes the
/// geometric tail beyond 99 (weight rᵏ/(1−r) for k = 100−s). If the last two closed groups do not decline
/// (r ≥ 1 or a zero count), the tail cannot be fitted and an <see cref="InputDataException"/> says so.
/// </para>
/// </remarks>
internal static class Graduation
{
    /// <summary>
    /// Graduates counts in age groups with an open last group into single-year counts for ages 0..100
    /// (index 100 = 100+).
    /// </summary>
    /// <param name="groupStarts">Start age of every group, strictly increasing, the first 0 and the last
    /// (the open group's start) at most 100. E.g. 0, 1, 5, 10, …, 95, 100.</param>
    /// <param name="counts">Count of each group (non-negative, finite), same length as <paramref name="groupStarts"/>.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <returns>A new array of <see cref="Ages.Count"/> single-year counts; the total equals the sum of
    /// <paramref name="counts"/> and each group's single years add up to its count.</returns>
    /// <exception cref="InputDataException">Bad boundaries or counts, or an open group below 100 that cannot be
    /// spread (see the remarks on <see cref="Graduation"/>).</exception>
    public static double[] Graduate(ReadOnlySpan<int> groupStarts, ReadOnlySpan<double> counts, string source = "graduation input")
    {
        var result = new double[Ages.Count];
        Graduate(groupStarts, counts, result, source);
        return result;
    }

    /// <summary>
    /// Graduates counts in age groups with an open last group into <paramref name="singleYears"/> (length
    /// <see cref="Ages.Count"/>), as <see cref="Graduate(ReadOnlySpan{int}, ReadOnlySpan{double}, string)"/>.
    /// </summary>
    /// <param name="groupStarts">Start age of every group (see the other overload).</param>
    /// <param name="counts">Count of each group.</param>
    /// <param name="singleYears">Destination, length <see cref="Ages.Count"/>; overwritten.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">Bad boundaries or counts.</exception>
    public static void Graduate(ReadOnlySpan<int> groupStarts, ReadOnlySpan<double> counts, Span<double> singleYears, string source = "graduation input")
    {
        if (singleYears.Length != Ages.Count)
        {
            throw new ArgumentException($"the destination must have {Ages.Count} cells (ages 0..100)", nameof(singleYears));
        }
        int n = groupStarts.Length;
        if (n == 0)
        {
            throw new InputDataException(source, null, "groupStarts", "(empty)", "at least one age group starting at 0");
        }
        if (counts.Length != n)
        {
            throw new InputDataException(source, null, "counts", $"{counts.Length} values",
                $"one count per age group ({n} values)");
        }
        if (groupStarts[0] != 0)
        {
            throw new InputDataException(source, null, "groupStarts[0]", Text(groupStarts[0]), "0 (the first group starts at birth)");
        }
        ValidateBoundaries(groupStarts, source, "groupStarts");
        int open = groupStarts[n - 1];
        if (open > Ages.OpenInterval)
        {
            throw new InputDataException(source, null, $"groupStarts[{n - 1}]", Text(open),
                $"an open last group starting at most at {Ages.OpenInterval}");
        }
        ValidateCounts(counts, source, "counts");

        singleYears.Clear();
        // Closed part: groups 0..n-2 with boundaries groupStarts[0..n-1].
        if (n >= 2)
        {
            GraduateClosed(groupStarts, counts[..(n - 1)], singleYears[..open], source);
        }

        double openCount = counts[n - 1];
        if (open == Ages.OpenInterval)
        {
            singleYears[Ages.OpenInterval] = openCount;
            return;
        }
        SpreadOpenGroup(groupStarts, counts, singleYears, source);
    }

    /// <summary>
    /// Graduates counts in closed age groups into single years over [<c>boundaries[0]</c>, <c>boundaries[^1]</c>).
    /// </summary>
    /// <param name="boundaries">Group boundaries, strictly increasing, one more than the number of groups: group i
    /// covers ages <c>boundaries[i]</c> .. <c>boundaries[i+1]-1</c>.</param>
    /// <param name="counts">Count of each group (non-negative, finite).</param>
    /// <param name="singleYears">Destination, length <c>boundaries[^1] - boundaries[0]</c>; index 0 is age
    /// <c>boundaries[0]</c>.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="InputDataException">Bad boundaries or counts.</exception>
    public static void GraduateClosed(ReadOnlySpan<int> boundaries, ReadOnlySpan<double> counts, Span<double> singleYears, string source = "graduation input")
    {
        int groups = counts.Length;
        if (boundaries.Length != groups + 1)
        {
            throw new InputDataException(source, null, "boundaries", $"{boundaries.Length} values",
                $"one more boundary than groups ({groups + 1} values)");
        }
        if (groups == 0)
        {
            throw new InputDataException(source, null, "counts", "(empty)", "at least one age group");
        }
        ValidateBoundaries(boundaries, source, "boundaries");
        ValidateCounts(counts, source, "counts");
        int first = boundaries[0];
        int width = boundaries[groups] - first;
        if (singleYears.Length != width)
        {
            throw new ArgumentException($"the destination must have {width} cells", nameof(singleYears));
        }

        if (groups == 1)
        {
            singleYears.Fill(counts[0] / width);
            return;
        }

        // Cumulative count at the boundaries.
        var x = new double[groups + 1];
        var y = new double[groups + 1];
        x[0] = first;
        for (int i = 0; i < groups; i++)
        {
            x[i + 1] = boundaries[i + 1];
            y[i + 1] = y[i] + counts[i];
        }

        var spline = CubicSpline.InterpolatePchipSorted(x, y);

        for (int g = 0; g < groups; g++)
        {
            int lo = boundaries[g], hi = boundaries[g + 1];
            var cells = singleYears.Slice(lo - first, hi - lo);
            double total = counts[g];
            if (total == 0.0)
            {
                cells.Clear();
                continue;
            }
            if (hi - lo == 1)
            {
                cells[0] = total;
                continue;
            }
            double previous = y[g];
            double sum = 0.0;
            for (int a = lo; a < hi; a++)
            {
                double next = a + 1 == hi ? y[g + 1] : spline.Interpolate(a + 1);
                double value = next - previous;
                if (value < 0.0) value = 0.0; // round-off only: the interpolant is monotone
                cells[a - lo] = value;
                sum += value;
                previous = next;
            }
            // Re-scale so the group total is exact after any round-off repair.
            if (sum > 0.0)
            {
                double scale = total / sum;
                for (int k = 0; k < cells.Length; k++) cells[k] *= scale;
            }
            else
            {
                cells.Fill(total / cells.Length);
            }
        }
    }

    /// <summary>
    /// Graduates a schedule of rates (or shares) given by closed age group, e.g. age-specific fertility rates for
    /// 15–19 … 45–49, into single-year rates. The group's rate × width is graduated as a count, so the single-year
    /// rates of each group add up to width × group rate (the group's contribution to a total, e.g. to the TFR).
    /// </summary>
    /// <param name="boundaries">Group boundaries, strictly increasing, one more than the number of groups, within
    /// 0..<see cref="Ages.Count"/>. E.g. 15, 20, …, 50.</param>
    /// <param name="groupRates">Rate of each group (non-negative, finite), per year of age.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <returns>A new array of <see cref="Ages.Count"/> single-year rates, zero outside the groups.</returns>
    /// <exception cref="InputDataException">Bad boundaries or rates.</exception>
    public static double[] GraduateSchedule(ReadOnlySpan<int> boundaries, ReadOnlySpan<double> groupRates, string source = "schedule input")
    {
        if (boundaries.Length != groupRates.Length + 1 || groupRates.Length == 0)
        {
            throw new InputDataException(source, null, "boundaries", $"{boundaries.Length} values",
                $"one more boundary than group rates ({groupRates.Length + 1} values), at least two");
        }
        ValidateBoundaries(boundaries, source, "boundaries");
        if (boundaries[0] < 0 || boundaries[^1] > Ages.Count)
        {
            throw new InputDataException(source, null, "boundaries", $"{Text(boundaries[0])}..{Text(boundaries[^1])}",
                $"boundaries within 0..{Ages.Count}");
        }
        ValidateCounts(groupRates, source, "groupRates");
        var weighted = new double[groupRates.Length];
        for (int g = 0; g < groupRates.Length; g++)
        {
            weighted[g] = groupRates[g] * (boundaries[g + 1] - boundaries[g]);
        }
        var result = new double[Ages.Count];
        GraduateClosed(boundaries, weighted, result.AsSpan(boundaries[0], boundaries[^1] - boundaries[0]), source);
        return result;
    }

    private static void SpreadOpenGroup(ReadOnlySpan<int> groupStarts, ReadOnlySpan<double> counts, Span<double> singleYears, string source)
    {
        int n = groupStarts.Length;
        int open = groupStarts[n - 1];
        double openCount = counts[n - 1];
        if (openCount == 0.0) return;
        const string valid = "an open last group starting at 100, or (for an open group starting below 100) at least two closed groups " +
                             "before it whose mean count per year declines (so a geometric tail can be fitted)";
        if (n < 3)
        {
            throw new InputDataException(source, null, "groupStarts", $"open group {Text(open)}+ after {n - 1} closed group(s)", valid);
        }
        double m1 = counts[n - 3] / (groupStarts[n - 2] - groupStarts[n - 3]);
        double m2 = counts[n - 2] / (open - groupStarts[n - 2]);
        double c1 = 0.5 * (groupStarts[n - 3] + groupStarts[n - 2]);
        double c2 = 0.5 * (groupStarts[n - 2] + open);
        if (!(m1 > 0.0) || !(m2 > 0.0) || m2 >= m1)
        {
            throw new InputDataException(source, null, "counts",
                $"mean per year {m1.ToString("G6", CultureInfo.InvariantCulture)} then {m2.ToString("G6", CultureInfo.InvariantCulture)} before the open group {Text(open)}+",
                valid);
        }
        double r = Math.Pow(m2 / m1, 1.0 / (c2 - c1));
        // Weights r^k for ages open..99 and r^(100-open)/(1-r) for the 100+ cell; they sum to 1/(1-r).
        double weightSum = 0.0;
        double w = 1.0;
        for (int a = open; a < Ages.OpenInterval; a++)
        {
            singleYears[a] = w;
            weightSum += w;
            w *= r;
        }
        singleYears[Ages.OpenInterval] = w / (1.0 - r);
        weightSum += singleYears[Ages.OpenInterval];
        double scale = openCount / weightSum;
        for (int a = open; a <= Ages.OpenInterval; a++) singleYears[a] *= scale;
    }

    private static void ValidateBoundaries(ReadOnlySpan<int> boundaries, string source, string field)
    {
        for (int i = 1; i < boundaries.Length; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
            {
                throw new InputDataException(source, null, $"{field}[{i}]", Text(boundaries[i]),
                    $"an age above the previous boundary {Text(boundaries[i - 1])} (boundaries must strictly increase)");
            }
        }
        if (boundaries.Length > 0 && boundaries[0] < 0)
        {
            throw new InputDataException(source, null, $"{field}[0]", Text(boundaries[0]), "a non-negative age");
        }
    }

    private static void ValidateCounts(ReadOnlySpan<double> counts, string source, string field)
    {
        for (int i = 0; i < counts.Length; i++)
        {
            double c = counts[i];
            if (!double.IsFinite(c) || c < 0.0)
            {
                throw new InputDataException(source, null, $"{field}[{i}]", c.ToString("R", CultureInfo.InvariantCulture),
                    "a finite non-negative number");
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
