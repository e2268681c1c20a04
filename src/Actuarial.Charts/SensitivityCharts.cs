using Actuarial.Scenarios;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Actuarial.Charts;

/// <summary>The measure a tornado shows.</summary>
public enum TornadoMeasure
{
    /// <summary>First year of national current deficit (with subsidies).</summary>
    FirstDeficitYear,
    /// <summary>National depletion year.</summary>
    DepletionYear,
    /// <summary>Actuarial balance over the valuation period, % of the covered wage bill.</summary>
    ActuarialBalance,
}

/// <summary>Sensitivity charts: the tornado of a one-lever-at-a-time sweep (<see cref="ScenarioSweep.Tornado(Action{int, int}?)"/>).</summary>
public static class SensitivityCharts
{
    private static readonly Color LowCostColor = Color.FromHex("#2ca02c");
    private static readonly Color HighCostColor = Color.FromHex("#d62728");

    /// <summary>Writes the tornado of one measure; returns the PNG's full path.</summary>
    public static string Tornado(SweepResult result, TornadoMeasure measure, string path, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildTornado(result, measure), path, width, height);

    /// <summary>
    /// The value of a measure in a run, as drawn: a year, or the actuarial balance in % of the wage bill. A year that
    /// does not come within the horizon is drawn at the year after it (the bar then reads "later than the horizon").
    /// </summary>
    private static double Value(TornadoMeasure measure, int? firstDeficitYear, int? depletionYear, double? actuarialBalancePercent, int lastYear) =>
        measure switch
        {
            TornadoMeasure.FirstDeficitYear => firstDeficitYear ?? lastYear + 1,
            TornadoMeasure.DepletionYear => depletionYear ?? lastYear + 1,
            TornadoMeasure.ActuarialBalance => actuarialBalancePercent ?? double.NaN,
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "unknown measure"),
        };

    /// <summary>
    /// The tornado: one row per lever, a green bar from the base to the low-cost value's result and a red bar to the
    /// high-cost value's, levers sorted by the width of their swing (widest on top), the base as a vertical line.
    /// Drawn from the result's tidy tables (<see cref="SweepResult.TornadoTable"/>, the base run first in <see cref="SweepResult.Table"/>).
    /// </summary>
    public static Plot BuildTornado(SweepResult result, TornadoMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tornado = result.TornadoTable();
        if (tornado.Count == 0) throw new ArgumentException("the sweep has no tornado (ScenarioSweep.Tornado)", nameof(result));
        var b = result.Table()[0];
        double baseValue = Value(measure, b.FirstCurrentDeficitYear, b.DepletionYear, b.ActuarialBalancePercentOfWageBill, b.LastYear);
        var rows = tornado
            .Select(t => (t.Label,
                Low: Value(measure, t.LowCostFirstDeficitYear, t.LowCostDepletionYear, t.LowCostActuarialBalancePercent, t.LastYear),
                High: Value(measure, t.HighCostFirstDeficitYear, t.HighCostDepletionYear, t.HighCostActuarialBalancePercent, t.LastYear)))
            .OrderBy(r => Math.Abs(r.High - r.Low)).ToList();
        string axis = measure switch
        {
            TornadoMeasure.FirstDeficitYear => "First year of current deficit (with subsidies)",
            TornadoMeasure.DepletionYear => $"National fund depletion year ({b.LastYear + 1} = none by {b.LastYear})",
            _ => $"Actuarial balance, {b.ValuationYears} years (% of covered wage bill)",
        };
        var plot = Chart.NewPlot($"Sensitivity of the {Title(measure)} to one lever at a time, {result.Scenario}", axis, "");
        var bars = new List<Bar>();
        for (int i = 0; i < rows.Count; i++)
        {
            bars.Add(new Bar { Position = i, ValueBase = baseValue, Value = rows[i].Low, FillColor = LowCostColor, Size = 0.7 });
            bars.Add(new Bar { Position = i, ValueBase = baseValue, Value = rows[i].High, FillColor = HighCostColor, Size = 0.7 });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Add.VerticalLine(baseValue, 2, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
        plot.Axes.Left.TickGenerator = new NumericManual(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.Bottom.TickGenerator = measure == TornadoMeasure.ActuarialBalance
            ? new NumericAutomatic { LabelFormatter = v => Chart.Plain(v, "0.#") }
            : new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Chart.YearLabel };
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "low-cost value", FillColor = LowCostColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "high-cost value", FillColor = HighCostColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "base", LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 2 });
        plot.ShowLegend(Alignment.LowerRight);
        plot.Axes.AutoScale();
        return plot;
    }

    private static string Title(TornadoMeasure measure) => measure switch
    {
        TornadoMeasure.FirstDeficitYear => "first deficit year",
        TornadoMeasure.DepletionYear => "depletion year",
        _ => "actuarial balance",
    };
}
