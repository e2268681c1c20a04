using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Actuarial.Charts;

/// <summary>Unit in which money (yuan in the library's tables) is shown on a chart's axis.</summary>
public enum MoneyUnit
{
    /// <summary>Trillion yuan (10^12 yuan, 万亿元).</summary>
    TrillionYuan,
    /// <summary>100 million yuan (10^8 yuan, 亿元, "yi yuan").</summary>
    HundredMillionYuan,
}

/// <summary>
/// What every chart shares: the default size, saving a <see cref="Plot"/> to PNG, money units and the common styling
/// (title, axis labels, years shown as plain integers such as "2030", never "2,030").
/// </summary>
public static class Chart
{
    /// <summary>Default width of a chart, pixels.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>Default height of a chart, pixels.</summary>
    public const int DefaultHeight = 700;

    /// <summary>Yuan per display unit.</summary>
    public static double Divisor(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.TrillionYuan => 1e12,
        MoneyUnit.HundredMillionYuan => 1e8,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown money unit"),
    };

    /// <summary>The unit as written in an axis label (ASCII, so it renders with any font).</summary>
    public static string AxisText(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.TrillionYuan => "trillion yuan",
        MoneyUnit.HundredMillionYuan => "100 million yuan",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown money unit"),
    };

    /// <summary>Renders <paramref name="plot"/> to a PNG file (creating its folder) and returns the file's full path.</summary>
    /// <param name="plot">The plot, as a <c>Build…</c> method of this library returns it.</param>
    /// <param name="path">Output file; ".png" is the format whatever the extension.</param>
    /// <param name="width">Width, pixels.</param>
    /// <param name="height">Height, pixels.</param>
    public static string Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string full = PrepareFile(path, width, height);
        plot.SavePng(full, width, height);
        return full;
    }

    /// <summary>Formats a year tick as a plain integer ("2030").</summary>
    public static string YearLabel(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    internal static string PrepareFile(string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        string full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        return full;
    }

    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 20);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        return plot;
    }

    /// <summary>Bottom axis of years: integer ticks written without a thousands separator.</summary>
    internal static void YearAxis(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = YearLabel };

    /// <summary>Left axis with plain numbers ("1.5", "-20", "1200"), no thousands separator.</summary>
    internal static void PlainLeftAxis(Plot plot, string format = "0.##") =>
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => Plain(v, format) };

    internal static string Plain(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    internal static void ZeroLine(Plot plot) => plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.6), LinePattern.Dashed);

    /// <summary>Shows the legend when more than one plottable carries legend text.</summary>
    internal static void LegendIfSeveral(Plot plot, Alignment alignment = Alignment.UpperRight)
    {
        int labelled = plot.GetPlottables().Sum(p => p.LegendItems.Count(i => !string.IsNullOrEmpty(i.LabelText)));
        if (labelled > 1 || plot.Legend.ManualItems.Count > 1) plot.ShowLegend(alignment);
        else plot.HideLegend();
    }

    /// <summary>A sans-serif font present on the machine (ScottPlot falls back to a serif face on Linux otherwise).</summary>
    internal static string FontName { get; } =
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(f => SkiaSharp.SKFontManager.Default.MatchFamily(f) is not null) ?? Fonts.Sans;

    internal static double[] Years(IEnumerable<int> years) => years.Select(y => (double)y).ToArray();

    internal static readonly Color[] SeriesColors =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    internal static Color SeriesColor(int i) => SeriesColors[i % SeriesColors.Length];
}
