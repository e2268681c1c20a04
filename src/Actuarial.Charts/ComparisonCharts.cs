using Actuarial.Funds;
using ScottPlot;

namespace Actuarial.Charts;

/// <summary>Comparing two scenarios: two panels in one image, two series on one chart, and the difference B − A.</summary>
public static class ComparisonCharts
{
    /// <summary>
    /// Writes two plots side by side in one PNG (e.g. <see cref="PopulationCharts.BuildPyramid(Actuarial.Demography.DemographicProjection, int, PyramidOptions?)"/>
    /// of two scenarios) and returns its full path. With <paramref name="sameScale"/> both panels get the union of their axis limits.
    /// </summary>
    public static string SideBySide(Plot left, Plot right, string path, bool sameScale = true,
        int width = 2 * Chart.DefaultWidth, int height = Chart.DefaultHeight)
    {
        var multiplot = BuildSideBySide(left, right, sameScale);
        string full = Chart.PrepareFile(path, width, height);
        multiplot.SavePng(full, width, height);
        return full;
    }

    /// <summary>Two plots in one figure, left and right (not yet rendered).</summary>
    public static Multiplot BuildSideBySide(Plot left, Plot right, bool sameScale = true)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (sameScale)
        {
            var a = left.Axes.GetLimits();
            var b = right.Axes.GetLimits();
            var union = new AxisLimits(Math.Min(a.Left, b.Left), Math.Max(a.Right, b.Right), Math.Min(a.Bottom, b.Bottom), Math.Max(a.Top, b.Top));
            left.Axes.SetLimits(union);
            right.Axes.SetLimits(union);
        }
        var multiplot = new Multiplot(left); // the parameterless constructor would start with an empty plot
        multiplot.AddPlot(right);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return multiplot;
    }

    /// <summary>Writes the national accumulated balance of two scenarios as two lines with a legend; returns the PNG's full path.</summary>
    public static string NationalBalances(IEnumerable<FundYearRow> rowsA, string labelA, IEnumerable<FundYearRow> rowsB, string labelB, string path,
        MoneyUnit unit = MoneyUnit.TrillionYuan, string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildNationalBalances(rowsA, labelA, rowsB, labelB, unit, title), path, width, height);

    /// <summary>The national accumulated balance of two scenarios by year, two lines with a legend.</summary>
    public static Plot BuildNationalBalances(IEnumerable<FundYearRow> rowsA, string labelA, IEnumerable<FundYearRow> rowsB, string labelB,
        MoneyUnit unit = MoneyUnit.TrillionYuan, string? title = null)
    {
        var a = FundCharts.NationalClosing(rowsA, labelA);
        var b = FundCharts.NationalClosing(rowsB, labelB);
        return BuildSeries([Scaled(a, unit), Scaled(b, unit)], title ?? $"National accumulated balance: {labelA} vs {labelB}",
            $"Accumulated balance ({unit.AxisText()})");
    }

    /// <summary>Writes several series by year on one chart (with a legend when more than one); returns the PNG's full path.</summary>
    public static string Series(IReadOnlyList<YearSeries> series, string title, string yLabel, string path,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildSeries(series, title, yLabel), path, width, height);

    /// <summary>Several series by year (values drawn as given) on one chart, with a legend when more than one and a zero line when values change sign.</summary>
    public static Plot BuildSeries(IReadOnlyList<YearSeries> series, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("no series to draw", nameof(series));
        var plot = Chart.NewPlot(title, "Year", yLabel);
        Chart.YearAxis(plot);
        Chart.PlainLeftAxis(plot);
        bool crossesZero = series.Any(s => s.Values.Any(v => v < 0)) && series.Any(s => s.Values.Any(v => v > 0));
        if (crossesZero) Chart.ZeroLine(plot);
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i].Validated();
            var line = plot.Add.ScatterLine(Chart.Years(s.Years), s.Values.ToArray(), Chart.SeriesColor(i));
            line.LineWidth = 2.5f;
            line.LegendText = s.Label;
        }
        plot.Axes.AutoScale();
        Chart.LegendIfSeveral(plot, Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Writes the difference of the national accumulated balance, scenario B − scenario A, by year; returns the PNG's full path.</summary>
    public static string NationalBalanceDifference(IEnumerable<FundYearRow> rowsA, string labelA, IEnumerable<FundYearRow> rowsB, string labelB, string path,
        MoneyUnit unit = MoneyUnit.TrillionYuan, string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildNationalBalanceDifference(rowsA, labelA, rowsB, labelB, unit, title), path, width, height);

    /// <summary>The difference of the national accumulated balance, B − A, by year (bars above zero where B is higher).</summary>
    public static Plot BuildNationalBalanceDifference(IEnumerable<FundYearRow> rowsA, string labelA, IEnumerable<FundYearRow> rowsB, string labelB,
        MoneyUnit unit = MoneyUnit.TrillionYuan, string? title = null)
    {
        var a = Scaled(FundCharts.NationalClosing(rowsA, labelA), unit);
        var b = Scaled(FundCharts.NationalClosing(rowsB, labelB), unit);
        return BuildDifference(a, b, title ?? $"Difference in national accumulated balance: {labelB} minus {labelA}",
            $"Balance difference, {labelB} - {labelA} ({unit.AxisText()})");
    }

    /// <summary>Writes the difference <paramref name="b"/> − <paramref name="a"/> by year; returns the PNG's full path.</summary>
    public static string Difference(YearSeries a, YearSeries b, string title, string yLabel, string path,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildDifference(a, b, title, yLabel), path, width, height);

    /// <summary>The difference <paramref name="b"/> − <paramref name="a"/> over the years both cover, as bars (blue where B is higher, red where lower).</summary>
    public static Plot BuildDifference(YearSeries a, YearSeries b, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var diff = b.Validated().Minus(a.Validated());
        var plot = Chart.NewPlot(title, "Year", yLabel);
        Chart.YearAxis(plot);
        Chart.PlainLeftAxis(plot);
        var higher = new List<Bar>();
        var lower = new List<Bar>();
        Color up = Color.FromHex("#2c7bb6"), down = Color.FromHex("#d7191c");
        for (int i = 0; i < diff.Years.Count; i++)
        {
            double v = diff.Values[i];
            var bar = new Bar { Position = diff.Years[i], Value = v, ValueBase = 0, Size = 0.8, LineWidth = 0, FillColor = v >= 0 ? up : down };
            (v >= 0 ? higher : lower).Add(bar);
        }
        if (higher.Count > 0) { var p = plot.Add.Bars(higher); p.Color = up; p.LegendText = $"{b.Label} higher"; }
        if (lower.Count > 0) { var p = plot.Add.Bars(lower); p.Color = down; p.LegendText = $"{b.Label} lower"; }
        Chart.ZeroLine(plot);
        plot.Axes.AutoScale();
        Chart.LegendIfSeveral(plot, Alignment.UpperLeft);
        return plot;
    }

    private static YearSeries Scaled(YearSeries yuan, MoneyUnit unit) => yuan with { Values = FundCharts.Scale(yuan.Values, unit) };
}
