using System.Globalization;
using Actuarial.Funds;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Actuarial.Charts;

/// <summary>
/// Charts of the fund projection: the national balance (with an optional Monte Carlo fan), the provinces' balances,
/// the transfers between provinces and the probability of depletion. They read the tidy
/// <see cref="FundYearRow"/>s of <see cref="FundProjection.YearTable"/>.
/// </summary>
public static class FundCharts
{
    private static readonly Color FanColor = Color.FromHex("#1f77b4");
    private static readonly Color ReceiverColor = Color.FromHex("#2c7bb6");
    private static readonly Color PayerColor = Color.FromHex("#d7191c");

    /// <summary>Writes the national accumulated balance (closing balance, region code 0) over the years, with an optional fan; returns the PNG's full path.</summary>
    public static string NationalBalance(IEnumerable<FundYearRow> rows, string path, MoneyUnit unit = MoneyUnit.TrillionYuan,
        QuantileFan? fan = null, string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildNationalBalance(rows, unit, fan, title), path, width, height);

    /// <summary>Years a balance chart shows past the depletion year by default: the decade in which a policy team decides.</summary>
    public const int YearsShownPastDepletion = 10;

    /// <summary>
    /// The last year of the decision window of a national balance: <see cref="YearsShownPastDepletion"/> years past the
    /// depletion year (the first year ending with a negative balance), or the series' last year when the fund is never
    /// depleted or the series ends sooner. Past it the ledgers carry a negative balance compounding at the funds' return,
    /// which would squeeze the years around the peak and the depletion into a flat line.
    /// </summary>
    public static int DecisionWindowEnd(IEnumerable<FundYearRow> rows)
    {
        var national = NationalClosing(rows, "balance");
        int last = national.Years[^1];
        for (int i = 0; i < national.Years.Count; i++)
        {
            if (national.Values[i] < 0) return Math.Min(national.Years[i] + YearsShownPastDepletion, last);
        }
        return last;
    }

    /// <summary>Writes a fan chart of the national balance alone (5–95 and 25–75 bands, median); returns the PNG's full path.</summary>
    public static string BalanceFan(QuantileFan fan, string path, MoneyUnit unit = MoneyUnit.TrillionYuan, string? title = null,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildBalanceFan(fan, unit, title), path, width, height);

    /// <summary>
    /// The national accumulated balance (累计结存, the closing balance of the rows with region code 0) by year, as a plot.
    /// With <paramref name="fan"/>, the 5–95% and 25–75% bands and the median are drawn behind the deterministic path.
    /// </summary>
    public static Plot BuildNationalBalance(IEnumerable<FundYearRow> rows, MoneyUnit unit = MoneyUnit.TrillionYuan, QuantileFan? fan = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var national = NationalClosing(rows, "Projected balance");
        var plot = Chart.NewPlot(title ?? "National pension fund: accumulated balance at year end", "Year", $"Accumulated balance ({unit.AxisText()})");
        Chart.YearAxis(plot);
        Chart.PlainLeftAxis(plot);
        if (fan is not null) AddFan(plot, fan, unit);
        Chart.ZeroLine(plot);
        var line = plot.Add.ScatterLine(Chart.Years(national.Years), Scale(national.Values, unit), Colors.Black);
        line.LineWidth = 2.5f;
        line.LegendText = fan is null ? "Accumulated balance" : "Deterministic projection";
        MarkPeakAndDepletion(plot, national, unit);
        plot.Axes.AutoScale();
        if (fan is null) CutFallAtMinusPeak(plot, national, unit);
        Chart.LegendIfSeveral(plot, fan is null ? Alignment.UpperRight : Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// Past depletion the balance falls without limit (to −228 trillion by 2058 in the baseline, against a peak of 27.5):
    /// the y axis stops at minus the peak so the years before depletion are not squeezed flat, and a note gives the
    /// lowest value shown in the table.
    /// </summary>
    private static void CutFallAtMinusPeak(Plot plot, YearSeries national, MoneyUnit unit)
    {
        var scaled = Scale(national.Values, unit);
        double max = scaled.Max(), min = scaled.Min();
        if (max <= 0 || min >= -max) return;
        plot.Axes.SetLimitsY(-max * 1.05, max * 1.25);
        int last = Array.IndexOf(scaled, min);
        var note = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"axis cut at -{max:0.#}: the balance falls to {min:0.#} by {national.Years[last]}"),
            national.Years[last], max * 1.25);
        note.LabelFontSize = 12;
        note.LabelFontColor = Colors.DarkRed;
        note.LabelAlignment = Alignment.UpperRight;
        note.OffsetY = 4;
    }

    /// <summary>
    /// Marks the peak of a balance (a point labelled with its value and year) and its depletion year (a dashed vertical
    /// line at the first year ending negative), the two figures a reader looks for; neither enters the legend.
    /// </summary>
    private static void MarkPeakAndDepletion(Plot plot, YearSeries national, MoneyUnit unit)
    {
        var scaled = Scale(national.Values, unit);
        int peak = 0;
        for (int i = 1; i < scaled.Length; i++) if (scaled[i] > scaled[peak]) peak = i;
        if (scaled[peak] > 0)
        {
            var marker = plot.Add.Marker(national.Years[peak], scaled[peak]);
            marker.Color = Colors.Black;
            marker.Size = 9;
            var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"peak {scaled[peak]:0.##} ({national.Years[peak]})"), national.Years[peak], scaled[peak]);
            text.LabelFontSize = 13;
            text.LabelAlignment = Alignment.LowerCenter;
            text.OffsetY = -8;
        }
        for (int i = 0; i < scaled.Length; i++)
        {
            if (national.Values[i] >= 0) continue;
            var depleted = plot.Add.VerticalLine(national.Years[i]);
            depleted.Color = Colors.DarkRed;
            depleted.LinePattern = LinePattern.Dashed;
            depleted.LineWidth = 1.5f;
            // The label sits on the zero line beside the dashed line, clear of the title and the year ticks.
            var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"depleted {national.Years[i]}"), national.Years[i], 0);
            label.LabelFontSize = 13;
            label.LabelFontColor = Colors.DarkRed;
            label.LabelAlignment = Alignment.LowerLeft;
            label.OffsetX = 5;
            label.OffsetY = -4;
            break;
        }
    }

    /// <summary>The fan of the national balance (5–95% and 25–75% bands, median) by year, as a plot.</summary>
    public static Plot BuildBalanceFan(QuantileFan fan, MoneyUnit unit = MoneyUnit.TrillionYuan, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(fan);
        var plot = Chart.NewPlot(title ?? "National pension fund: accumulated balance, simulated range", "Year", $"Accumulated balance ({unit.AxisText()})");
        Chart.YearAxis(plot);
        Chart.PlainLeftAxis(plot);
        AddFan(plot, fan, unit);
        Chart.ZeroLine(plot);
        plot.Axes.AutoScale();
        Chart.LegendIfSeveral(plot, Alignment.UpperLeft);
        return plot;
    }

    private static void AddFan(Plot plot, QuantileFan fan, MoneyUnit unit)
    {
        fan.Validated();
        double[] years = Chart.Years(fan.Years);
        var outer = plot.Add.FillY(years, Scale(fan.P5, unit), Scale(fan.P95, unit));
        outer.FillColor = FanColor.WithAlpha(0.18);
        outer.LineWidth = 0;
        outer.LegendText = "5-95% range";
        var inner = plot.Add.FillY(years, Scale(fan.P25, unit), Scale(fan.P75, unit));
        inner.FillColor = FanColor.WithAlpha(0.38);
        inner.LineWidth = 0;
        inner.LegendText = "25-75% range";
        var median = plot.Add.ScatterLine(years, Scale(fan.P50, unit), FanColor);
        median.LineWidth = 2.5f;
        median.LinePattern = LinePattern.Dashed;
        median.LegendText = "Median";
    }

    /// <summary>Writes the provinces' accumulated balances over the years, one line per province; returns the PNG's full path.</summary>
    public static string ProvinceBalances(IEnumerable<FundYearRow> rows, string path, MoneyUnit unit = MoneyUnit.HundredMillionYuan,
        string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildProvinceBalances(rows, unit, title), path, width, height);

    /// <summary>One line per province (region code ≠ 0) of the accumulated balance by year; the legend lists the provinces outside the data area.</summary>
    public static Plot BuildProvinceBalances(IEnumerable<FundYearRow> rows, MoneyUnit unit = MoneyUnit.HundredMillionYuan, string? title = null)
    {
        var provinces = ProvinceSeries(rows, r => r.ClosingBalance);
        var plot = Chart.NewPlot(title ?? "Provincial pension funds: accumulated balance at year end", "Year", $"Accumulated balance ({unit.AxisText()})");
        Chart.YearAxis(plot);
        Chart.PlainLeftAxis(plot);
        Chart.ZeroLine(plot);
        for (int i = 0; i < provinces.Count; i++)
        {
            var line = plot.Add.ScatterLine(Chart.Years(provinces[i].Years), Scale(provinces[i].Values, unit), Chart.SeriesColor(i));
            line.LineWidth = 1.8f;
            if (i >= Chart.SeriesColors.Length) line.LinePattern = i >= 2 * Chart.SeriesColors.Length ? LinePattern.Dotted : LinePattern.Dashed;
            line.LegendText = provinces[i].Label;
        }
        plot.Axes.AutoScale();
        if (provinces.Count > 1)
        {
            plot.Legend.FontSize = provinces.Count > 12 ? 11 : 14;
            plot.ShowLegend(Edge.Right);
        }
        return plot;
    }

    /// <summary>Writes a heatmap of the accumulated balance by province (rows) and year (columns); returns the PNG's full path.</summary>
    public static string ProvinceBalanceHeatmap(IEnumerable<FundYearRow> rows, string path, MoneyUnit unit = MoneyUnit.HundredMillionYuan,
        string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildProvinceBalanceHeatmap(rows, unit, title), path, width, height);

    /// <summary>
    /// A heatmap of the accumulated balance, province × year, on a diverging scale centred on zero (red: in deficit,
    /// blue: in surplus), with a colour bar in <paramref name="unit"/>.
    /// </summary>
    public static Plot BuildProvinceBalanceHeatmap(IEnumerable<FundYearRow> rows, MoneyUnit unit = MoneyUnit.HundredMillionYuan, string? title = null)
    {
        var provinces = ProvinceSeries(rows, r => r.ClosingBalance);
        var years = provinces.SelectMany(p => p.Years).Distinct().Order().ToArray();
        var index = years.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i);
        var values = new double[provinces.Count, years.Length];
        for (int r = 0; r < provinces.Count; r++)
        {
            for (int c = 0; c < years.Length; c++) values[r, c] = double.NaN;
            for (int k = 0; k < provinces[r].Years.Count; k++) values[r, index[provinces[r].Years[k]]] = provinces[r].Values[k] / unit.Divisor();
        }
        var plot = Chart.NewPlot(title ?? "Provincial pension funds: accumulated balance at year end by province", "Year", "Province");
        var heatmap = plot.Add.Heatmap(values);
        double extreme = 0;
        foreach (double v in values) if (!double.IsNaN(v)) extreme = Math.Max(extreme, Math.Abs(v));
        if (extreme == 0) extreme = 1;
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Balance());
        heatmap.ManualRange = new ScottPlot.Range(-extreme, extreme);
        // ScottPlot's default extent: cell (row r, column c) is centred on x = c, y = Count - 1 - r (the first row at the
        // top), so the x axis is labelled with years[0] + c.
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = $"Accumulated balance ({unit.AxisText()})";
        colorBar.LabelStyle.FontSize = 14;
        colorBar.Axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => Chart.Plain(v, "0.##") };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => (int)Math.Round(v) is int c && c >= 0 && c < years.Length ? Chart.YearLabel(years[c]) : "",
        };
        var ticks = new NumericManual();
        for (int r = 0; r < provinces.Count; r++) ticks.AddMajor(provinces.Count - 1 - r, provinces[r].Label);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = provinces.Count > 20 ? 11 : 14;
        plot.Axes.SetLimits(-0.5, years.Length - 0.5, -0.5, provinces.Count - 0.5);
        plot.HideGrid();
        plot.HideLegend();
        return plot;
    }

    /// <summary>Writes the provinces' balances in months of their own spending as a heat map ordered by depletion; returns the PNG's full path.</summary>
    public static string ProvinceMonthsHeatmap(IEnumerable<FundYearRow> rows, string path, string? title = null, double minMonths = -24, double maxMonths = 36,
        int width = Chart.DefaultWidth, int height = 900) =>
        Chart.Save(BuildProvinceMonthsHeatmap(rows, title, minMonths, maxMonths), path, width, height);

    /// <summary>
    /// Province × year heat map of the accumulated balance in months of the province's own spending
    /// (<see cref="FundYearRow.MonthsOfPayment"/>), which compares provinces of any size: rows ordered by the year each
    /// fund runs out (earliest at the top, never last), labelled with that year; red below zero (run out), white at zero,
    /// blue above; colours stop at <paramref name="minMonths"/> and <paramref name="maxMonths"/>. Shown to
    /// <see cref="YearsShownPastDepletion"/> years past the last province's depletion, after which every row is red.
    /// </summary>
    public static Plot BuildProvinceMonthsHeatmap(IEnumerable<FundYearRow> rows, string? title = null, double minMonths = -24, double maxMonths = 36)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var provincial = rows.Where(r => r.RegionCode != 0).ToList();
        var order = provincial.GroupBy(r => r.RegionCode)
            .Select(g => (Code: g.Key, Region: g.First().Region, Depletion: g.Where(r => r.ClosingBalance < 0).Select(r => (int?)r.Year).Min()))
            .OrderBy(x => x.Depletion ?? int.MaxValue).ThenBy(x => x.Code).ToList();
        int lastYear = provincial.Max(r => r.Year);
        int end = order.Any(o => o.Depletion is null) ? lastYear : Math.Min(lastYear, order.Max(o => o.Depletion!.Value) + YearsShownPastDepletion);
        var years = provincial.Select(r => r.Year).Where(y => y <= end).Distinct().Order().ToArray();
        var byKey = provincial.ToDictionary(r => (r.RegionCode, r.Year));
        var values = new double[order.Count, years.Length];
        for (int r = 0; r < order.Count; r++)
        {
            for (int c = 0; c < years.Length; c++)
            {
                double? months = byKey.TryGetValue((order[r].Code, years[c]), out var row) ? row.MonthsOfPayment : null;
                values[r, c] = months is { } m ? Math.Clamp(m, minMonths, maxMonths) : double.NaN;
            }
        }
        var plot = Chart.NewPlot(title ?? "Provincial funds in months of their own spending, ordered by the year each runs out", "Year", "Province (year its fund runs out)");
        var heatmap = plot.Add.Heatmap(values);
        // Red (run out) below zero, white at zero, blue above, with zero at the same place on the bar as on the data.
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Balance());
        double extreme = Math.Max(Math.Abs(minMonths), Math.Abs(maxMonths));
        heatmap.ManualRange = new ScottPlot.Range(-extreme, extreme);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = $"Accumulated balance (months of spending; colours stop at {Chart.Plain(minMonths, "0")} and {Chart.Plain(maxMonths, "0")})";
        colorBar.LabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => (int)Math.Round(v) is int c && c >= 0 && c < years.Length ? Chart.YearLabel(years[c]) : "",
        };
        var ticks = new NumericManual();
        for (int r = 0; r < order.Count; r++)
        {
            ticks.AddMajor(order.Count - 1 - r, $"{order[r].Region} ({(order[r].Depletion is { } d ? Chart.YearLabel(d) : "never")})");
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = order.Count > 20 ? 12 : 14;
        plot.Axes.SetLimits(-0.5, years.Length - 0.5, -0.5, order.Count - 0.5);
        plot.HideGrid();
        plot.HideLegend();
        return plot;
    }

    /// <summary>Writes the net transfers between provinces of one year (received − paid), payers and receivers; returns the PNG's full path.</summary>
    public static string NetTransfers(IEnumerable<FundYearRow> rows, int year, string path, MoneyUnit unit = MoneyUnit.HundredMillionYuan,
        string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildNetTransfers(rows, year, unit, title), path, width, height);

    /// <summary>
    /// Horizontal bars of each province's net transfer in <paramref name="year"/> (transfers in − transfers out), sorted
    /// from the largest receiver to the largest payer; receivers blue to the right, payers red to the left.
    /// </summary>
    public static Plot BuildNetTransfers(IEnumerable<FundYearRow> rows, int year, MoneyUnit unit = MoneyUnit.HundredMillionYuan, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var net = rows.Where(r => r.Year == year && r.RegionCode != 0)
            .Select(r => (r.Region, Value: (r.TransfersIn - r.TransfersOut) / unit.Divisor()))
            .OrderBy(p => p.Value)
            .ToList();
        if (net.Count == 0) throw new ArgumentException($"no provincial rows for {year}", nameof(rows));
        var plot = Chart.NewPlot(title ?? $"Transfers between provincial funds, {year.ToString(CultureInfo.InvariantCulture)}: net received (+) or paid (-)",
            $"Net transfer ({unit.AxisText()}): transfers in - transfers out", "Province");
        var receivers = new List<Bar>();
        var payers = new List<Bar>();
        var ticks = new NumericManual();
        for (int i = 0; i < net.Count; i++)
        {
            var bar = new Bar { Position = i, Value = net[i].Value, ValueBase = 0, Size = 0.8, LineWidth = 0, Orientation = Orientation.Horizontal };
            bar.FillColor = net[i].Value >= 0 ? ReceiverColor : PayerColor;
            (net[i].Value >= 0 ? receivers : payers).Add(bar);
            ticks.AddMajor(i, net[i].Region);
        }
        if (receivers.Count > 0) { var b = plot.Add.Bars(receivers); b.Horizontal = true; b.Color = ReceiverColor; b.LegendText = "Receivers (net transfer in)"; }
        if (payers.Count > 0) { var b = plot.Add.Bars(payers); b.Horizontal = true; b.Color = PayerColor; b.LegendText = "Payers (net transfer out)"; }
        plot.Add.VerticalLine(0, 1, Colors.Black);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = net.Count > 20 ? 11 : 14;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = v => Chart.Plain(v, "0.##") };
        double extreme = Math.Max(net.Max(p => Math.Abs(p.Value)), 1e-12) * 1.08;
        plot.Axes.SetLimits(-extreme, extreme, -0.7, net.Count - 0.3);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        Chart.LegendIfSeveral(plot, Alignment.LowerRight);
        return plot;
    }

    /// <summary>Writes the probability that the fund is depleted by each year (0–100%), one line per series; returns the PNG's full path.</summary>
    public static string DepletionProbability(IReadOnlyList<YearSeries> probabilities, string path, string? title = null,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildDepletionProbability(probabilities, title), path, width, height);

    /// <summary>
    /// The probability (values 0..1) of depletion by year, drawn as a percentage 0–100%; one line per series (e.g. per
    /// scenario). See <see cref="CumulativeDepletionProbability"/> to make one from Monte Carlo depletion years.
    /// </summary>
    public static Plot BuildDepletionProbability(IReadOnlyList<YearSeries> probabilities, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0) throw new ArgumentException("no series to draw", nameof(probabilities));
        var plot = Chart.NewPlot(title ?? "Probability that the national fund is depleted by year", "Year", "Probability of depletion by year end (%)");
        Chart.YearAxis(plot);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => Chart.Plain(v, "0") + "%" };
        for (int i = 0; i < probabilities.Count; i++)
        {
            var s = probabilities[i].Validated();
            if (s.Values.Any(v => v < 0 || v > 1 || double.IsNaN(v))) throw new ArgumentException($"series '{s.Label}': probabilities must lie in 0..1");
            var line = plot.Add.ScatterLine(Chart.Years(s.Years), s.Values.Select(v => 100 * v).ToArray(), Chart.SeriesColor(i));
            line.LineWidth = 2.5f;
            line.LegendText = s.Label;
        }
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(-2, 102);
        Chart.LegendIfSeveral(plot, Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// The share of runs depleted by the end of each year from <paramref name="firstYear"/> to <paramref name="lastYear"/>:
    /// the empirical distribution of <see cref="FundRunSummaryRow.DepletionYear"/> over Monte Carlo runs (null = never depleted).
    /// </summary>
    public static YearSeries CumulativeDepletionProbability(IEnumerable<int?> depletionYears, int firstYear, int lastYear, string label = "Probability of depletion")
    {
        ArgumentNullException.ThrowIfNull(depletionYears);
        if (lastYear < firstYear) throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "the last year precedes the first");
        var runs = depletionYears.ToArray();
        if (runs.Length == 0) throw new ArgumentException("no runs", nameof(depletionYears));
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToArray();
        var values = years.Select(y => runs.Count(d => d is { } year && year <= y) / (double)runs.Length).ToArray();
        return new YearSeries(label, years, values);
    }

    /// <summary>The national closing balance by year (yuan) of the rows with region code 0.</summary>
    public static YearSeries NationalClosing(IEnumerable<FundYearRow> rows, string label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var national = rows.Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList();
        if (national.Count == 0) throw new ArgumentException("no national rows (region code 0)", nameof(rows));
        return new YearSeries(label, national.Select(r => r.Year).ToArray(), national.Select(r => r.ClosingBalance).ToArray());
    }

    internal static double[] Scale(IReadOnlyList<double> yuan, MoneyUnit unit)
    {
        double d = unit.Divisor();
        return yuan.Select(v => v / d).ToArray();
    }

    private static List<YearSeries> ProvinceSeries(IEnumerable<FundYearRow> rows, Func<FundYearRow, double> value)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.Where(r => r.RegionCode != 0)
            .GroupBy(r => (r.RegionCode, r.Region))
            .OrderBy(g => g.Key.RegionCode)
            .Select(g => { var o = g.OrderBy(r => r.Year).ToList(); return new YearSeries(g.Key.Region, o.Select(r => r.Year).ToArray(), o.Select(value).ToArray()); })
            .ToList();
        if (list.Count == 0) throw new ArgumentException("no provincial rows (region code other than 0)", nameof(rows));
        return list;
    }
}
