using System.Globalization;

namespace Actuarial.Charts.Reports;

/// <summary>
/// One self-contained HTML page (<see cref="HtmlReport"/>): a title, the question it answers, then sections in order.
/// A command adds what it computed as a <see cref="ReportSection"/> of charts and tables; nothing else is needed.
/// </summary>
/// <param name="Title">Page title and first heading.</param>
/// <param name="Question">The question the run answers, in a sentence (shown under the title).</param>
public sealed record ReportDocument(string Title, string Question)
{
    /// <summary>Sections, in the order shown.</summary>
    public List<ReportSection> Sections { get; init; } = [];

    /// <summary>Files beside the report (CSV tables, the workbook, PNG charts), linked by relative path at the end of the page.</summary>
    public List<ReportLink> Files { get; init; } = [];

    /// <summary>A line at the foot of the page: what made the report and when.</summary>
    public string? Footer { get; init; }

    /// <summary>Every chart of every section, in page order.</summary>
    public IEnumerable<ReportChart> Charts => Sections.SelectMany(s => s.Charts);

    /// <summary>Every table of every section, in page order.</summary>
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables);
}

/// <summary>A link to a file written beside the report.</summary>
/// <param name="RelativePath">Path relative to the report's folder.</param>
/// <param name="Description">What the file holds.</param>
public sealed record ReportLink(string RelativePath, string Description);

/// <summary>
/// A section of a report: a heading, paragraphs, definitions of the terms it uses, then charts and tables. For example
/// a sensitivity section is <c>new ReportSection("sensitivity", "One lever at a time") { Charts = [ReportChart.HorizontalBars(…)], Tables = [table] }</c>.
/// </summary>
/// <param name="Id">Anchor of the section (letters, digits, '-'), unique in the page.</param>
/// <param name="Heading">Heading.</param>
public sealed record ReportSection(string Id, string Heading)
{
    /// <summary>Paragraphs of plain text (escaped when written).</summary>
    public List<string> Paragraphs { get; init; } = [];

    /// <summary>Term and meaning pairs, shown as a definition list.</summary>
    public List<(string Term, string Meaning)> Definitions { get; init; } = [];

    /// <summary>Charts, drawn interactively (hover for values) in the page.</summary>
    public List<ReportChart> Charts { get; init; } = [];

    /// <summary>Tables, shown in the page and written to CSV and to the workbook by the command.</summary>
    public List<ReportTable> Tables { get; init; } = [];
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A line through the points.</summary>
    Line,
    /// <summary>A dashed line.</summary>
    DashedLine,
    /// <summary>Markers only.</summary>
    Markers,
    /// <summary>Vertical bars at each x.</summary>
    Bars,
    /// <summary>Horizontal bars: <see cref="ReportSeries.X"/> are the bar lengths, <see cref="ReportSeries.Y"/> the categories (pyramids, tornadoes).</summary>
    HorizontalBars,
    /// <summary>A line whose area down to the previous series is filled (the upper edge of a band, as in a fan chart).</summary>
    BandToPrevious,
}

/// <summary>One series of a chart. Numbers are drawn as given: scale them to the unit named in the axis title first.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values (years, or bar lengths for <see cref="SeriesStyle.HorizontalBars"/>).</param>
/// <param name="Y">Y values; null leaves a gap (or, for horizontal bars, use <see cref="Categories"/>).</param>
public sealed record ReportSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double?> Y)
{
    /// <summary>How it is drawn.</summary>
    public SeriesStyle Style { get; init; } = SeriesStyle.Line;

    /// <summary>CSS colour, or null for the palette's next one.</summary>
    public string? Color { get; init; }

    /// <summary>Category labels of bars (y of horizontal bars, x of vertical bars) in place of numbers; null for numeric axes.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Where each horizontal bar starts (a tornado's bars start at the central value); null for 0.</summary>
    public IReadOnlyList<double>? Base { get; init; }

    /// <summary>Number format of the hover value (d3-format, e.g. ",.2f"); null for the axis default.</summary>
    public string? HoverFormat { get; init; }

    /// <summary>Shown in the legend (false for the lower edge of a band).</summary>
    public bool ShowInLegend { get; init; } = true;

    /// <summary>A series of years and values.</summary>
    public static ReportSeries OfYears(string name, IReadOnlyList<int> years, IReadOnlyList<double> values, SeriesStyle style = SeriesStyle.Line) =>
        new(name, years.Select(y => (double)y).ToArray(), values.Select(v => (double?)v).ToArray()) { Style = style };
}

/// <summary>A labelled vertical line (a year such as depletion) or point (a peak) drawn over a chart.</summary>
/// <param name="X">Position on the x axis.</param>
/// <param name="Y">Position on the y axis for a point; null for a vertical line across the chart.</param>
/// <param name="Label">Text shown beside it.</param>
public sealed record ReportMark(double X, double? Y, string Label);

/// <summary>A heat map: one row per category (top to bottom as given), one column per x value.</summary>
/// <param name="X">Column positions (years).</param>
/// <param name="Rows">Row labels, top first.</param>
/// <param name="Z">Values, [row][column]; null for no value.</param>
/// <param name="ColourTitle">Title of the colour bar, with the unit.</param>
/// <param name="ColourMin">Value at the low end of the colour scale.</param>
/// <param name="ColourMax">Value at the high end (values above are drawn at it; hover shows the true value).</param>
public sealed record ReportHeatmap(IReadOnlyList<double> X, IReadOnlyList<string> Rows, IReadOnlyList<IReadOnlyList<double?>> Z,
    string ColourTitle, double ColourMin, double ColourMax)
{
    /// <summary>Colour scale as (position 0..1, CSS colour) stops; the default runs red (below 0) through white (0) to blue.</summary>
    public IReadOnlyList<(double Position, string Colour)>? ColourScale { get; init; }
}

/// <summary>
/// A chart of a report: series (or a heat map) with axis titles that name their units, plus marks. Built with the
/// factory methods; <see cref="Id"/> is the element id of the chart in the page (tests read the drawn data by it).
/// </summary>
public sealed record ReportChart
{
    /// <summary>Element id (letters, digits, '-'), unique in the page.</summary>
    public required string Id { get; init; }

    /// <summary>Title, above the chart.</summary>
    public required string Title { get; init; }

    /// <summary>X axis title with its unit.</summary>
    public required string XTitle { get; init; }

    /// <summary>Y axis title with its unit.</summary>
    public required string YTitle { get; init; }

    /// <summary>Series, drawn in order.</summary>
    public IReadOnlyList<ReportSeries> Series { get; init; } = [];

    /// <summary>A heat map in place of series, or null.</summary>
    public ReportHeatmap? Heatmap { get; init; }

    /// <summary>Marks (depletion year, peak).</summary>
    public IReadOnlyList<ReportMark> Marks { get; init; } = [];

    /// <summary>A sentence under the chart: what to read in it, what was left out.</summary>
    public string? Caption { get; init; }

    /// <summary>Height in CSS pixels.</summary>
    public int HeightPixels { get; init; } = 420;

    /// <summary>Fixed x range, or null to fit the data.</summary>
    public (double Min, double Max)? XRange { get; init; }

    /// <summary>
    /// Fixed y range, or null to fit the data. A balance past depletion falls without limit; a range stopping at about
    /// minus its peak keeps the years before depletion readable (the reader can still zoom out: double-click).
    /// </summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>Bars of several series overlap (pyramids: men drawn negative, women positive) instead of standing side by side.</summary>
    public bool OverlayBars { get; init; }

    /// <summary>Line chart of series over years.</summary>
    public static ReportChart Lines(string id, string title, string xTitle, string yTitle, params ReportSeries[] series) =>
        new() { Id = id, Title = title, XTitle = xTitle, YTitle = yTitle, Series = series };

    /// <summary>Horizontal bars (a tornado: give each series a <see cref="ReportSeries.Base"/>; a pyramid: set <see cref="OverlayBars"/>).</summary>
    public static ReportChart HorizontalBars(string id, string title, string xTitle, string yTitle, params ReportSeries[] series) =>
        new() { Id = id, Title = title, XTitle = xTitle, YTitle = yTitle, Series = series.Select(s => s with { Style = SeriesStyle.HorizontalBars }).ToArray() };

    /// <summary>A heat map.</summary>
    public static ReportChart Heat(string id, string title, string xTitle, string yTitle, ReportHeatmap heatmap) =>
        new() { Id = id, Title = title, XTitle = xTitle, YTitle = yTitle, Heatmap = heatmap, HeightPixels = Math.Max(420, 60 + 18 * heatmap.Rows.Count) };
}

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Name">Header, with the unit in it (e.g. <c>ClosingBalanceTrillionYuan</c>); the same in the page, the CSV and the workbook.</param>
/// <param name="Description">What the column holds.</param>
/// <param name="Decimals">Decimal places numbers are rounded to (away from zero at the midpoint), or null for text and whole numbers.</param>
public sealed record ReportColumn(string Name, string Description, int? Decimals = null);

/// <summary>
/// A table for people and for spreadsheets: columns with units in their names and numbers already rounded to each
/// column's decimals, so the page, the CSV and the workbook hold the same values.
/// </summary>
public sealed record ReportTable
{
    /// <summary>Creates a table; numbers are rounded to their column's decimals here.</summary>
    /// <param name="name">File name without extension (e.g. <c>funds_by_year</c>); also the workbook's sheet name (cut to 31 characters).</param>
    /// <param name="caption">What the table holds.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="rows">Rows: a value per column (string, int, double, bool or null).</param>
    public ReportTable(string name, string caption, IReadOnlyList<ReportColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Name = name;
        Caption = caption;
        Columns = columns;
        var list = new List<object?[]>();
        foreach (var row in rows)
        {
            if (row.Count != columns.Count) throw new ArgumentException($"table {name}: a row has {row.Count} values for {columns.Count} columns", nameof(rows));
            var cells = new object?[row.Count];
            for (int c = 0; c < row.Count; c++) cells[c] = Round(row[c], columns[c].Decimals);
            list.Add(cells);
        }
        Rows = list;
    }

    /// <summary>File and sheet name.</summary>
    public string Name { get; }

    /// <summary>What the table holds.</summary>
    public string Caption { get; }

    /// <summary>Columns.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>Rounded rows.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>Rows shown in the page (all when null); the CSV and the workbook always hold every row.</summary>
    public int? RowsShown { get; init; }

    /// <summary>Index of a column by name.</summary>
    public int ColumnIndex(string name)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i].Name == name) return i;
        throw new KeyNotFoundException($"table {Name} has no column {name}");
    }

    /// <summary>A numeric column's values (null where empty).</summary>
    public double?[] Numbers(string column)
    {
        int i = ColumnIndex(column);
        return Rows.Select(r => r[i] switch { null => (double?)null, double d => d, int n => n, long l => l, _ => throw new InvalidCastException($"{Name}.{column} holds {r[i]}") }).ToArray();
    }

    /// <summary>A cell as invariant text: numbers at their column's decimals, empty for null.</summary>
    public string Text(int row, int column) => Format(Rows[row][column], Columns[column].Decimals);

    /// <summary>Formats a value as the table writes it.</summary>
    public static string Format(object? value, int? decimals) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => decimals is { } k ? d.ToString("F" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? Round(object? value, int? decimals) => value switch
    {
        double d when decimals is { } k && double.IsFinite(d) => Math.Round(d, k, MidpointRounding.AwayFromZero),
        float f when decimals is { } k && float.IsFinite(f) => Math.Round(f, k, MidpointRounding.AwayFromZero),
        float f => (double)f,
        _ => value,
    };
}
