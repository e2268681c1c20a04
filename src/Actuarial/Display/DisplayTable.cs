using System.Globalization;
using System.Net;
using System.Text;

namespace Actuarial.Display;

/// <summary>
/// A small table of text cells for reading results: aligned plain text (<see cref="ToString"/>), HTML
/// (<see cref="ToHtml"/>) and Markdown (<see cref="ToMarkdown"/>). In a Polyglot notebook a <see cref="DisplayTable"/>
/// shows as an HTML table by .NET Interactive's formatting conventions, with no notebook package referenced.
/// Build one from tidy rows with <see cref="ResultDisplay.ToDisplayTable{T}(IEnumerable{T}, string?, int)"/>; the result
/// types give their own (for example <c>PensionSummary.ToDisplayTable()</c>).
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed class DisplayTable : INotebookDisplay
{
    /// <summary>A table of the given columns and rows of cells.</summary>
    /// <param name="title">Caption, or null for none.</param>
    /// <param name="columns">Column headers.</param>
    /// <param name="rows">Rows of cells, each as long as <paramref name="columns"/>.</param>
    /// <param name="numericColumns">Which columns hold numbers (right-aligned); null for none.</param>
    /// <param name="totalRows">Rows in the source before it was cut to <paramref name="rows"/>; null when nothing was cut.</param>
    /// <exception cref="ArgumentException">A row's length differs from the number of columns.</exception>
    public DisplayTable(string? title, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<bool>? numericColumns = null, int? totalRows = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"every row must have {columns.Count} cells; one has {row.Count}", nameof(rows));
            }
        }
        if (numericColumns is not null && numericColumns.Count != columns.Count)
        {
            throw new ArgumentException($"numericColumns must have {columns.Count} entries", nameof(numericColumns));
        }
        Title = title;
        Columns = columns;
        Rows = rows;
        NumericColumns = numericColumns ?? new bool[columns.Count];
        TotalRows = Math.Max(totalRows ?? rows.Count, rows.Count);
    }

    /// <summary>Caption, or null.</summary>
    public string? Title { get; }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows shown, as text cells.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Which columns hold numbers (right-aligned).</summary>
    public IReadOnlyList<bool> NumericColumns { get; }

    /// <summary>Rows in the source; more than <see cref="Rows"/>.Count when the table was cut.</summary>
    public int TotalRows { get; }

    private string? Footer => TotalRows > Rows.Count
        ? string.Create(CultureInfo.InvariantCulture, $"… {TotalRows - Rows.Count} more rows ({TotalRows} in all)")
        : null;

    /// <summary>The table as aligned plain text, title first.</summary>
    public override string ToString()
    {
        var widths = new int[Columns.Count];
        for (int c = 0; c < Columns.Count; c++)
        {
            widths[c] = Columns[c].Length;
            foreach (var row in Rows) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        var text = new StringBuilder();
        if (Title is not null) text.AppendLine(Title);
        AppendLine(text, Columns, widths);
        foreach (var row in Rows) AppendLine(text, row, widths);
        if (Footer is not null) text.AppendLine(Footer);
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>The table as an HTML <c>&lt;table&gt;</c> (text encoded), the title as its caption.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"actuarial\">");
        if (Title is not null) html.Append("<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>");
        html.Append("<thead><tr>");
        for (int c = 0; c < Columns.Count; c++)
        {
            html.Append(NumericColumns[c] ? "<th style=\"text-align:right\">" : "<th style=\"text-align:left\">")
                .Append(WebUtility.HtmlEncode(Columns[c])).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < Columns.Count; c++)
            {
                html.Append(NumericColumns[c] ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                    .Append(WebUtility.HtmlEncode(row[c])).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody>");
        if (Footer is not null)
        {
            html.Append("<tfoot><tr><td colspan=\"").Append(Columns.Count.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(WebUtility.HtmlEncode(Footer)).Append("</td></tr></tfoot>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>The table as a GitHub-flavoured Markdown table, the title in bold above it.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        if (Title is not null) md.Append("**").Append(EscapeMarkdown(Title)).AppendLine("**").AppendLine();
        md.Append('|');
        foreach (var column in Columns) md.Append(' ').Append(EscapeMarkdown(column)).Append(" |");
        md.AppendLine().Append('|');
        for (int c = 0; c < Columns.Count; c++) md.Append(NumericColumns[c] ? "---:|" : "---|");
        md.AppendLine();
        foreach (var row in Rows)
        {
            md.Append('|');
            foreach (var cell in row) md.Append(' ').Append(EscapeMarkdown(cell)).Append(" |");
            md.AppendLine();
        }
        if (Footer is not null) md.AppendLine().AppendLine(EscapeMarkdown(Footer));
        return md.ToString().TrimEnd('\n', '\r');
    }

    private void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (int c = 0; c < cells.Count; c++)
        {
            if (c > 0) text.Append("  ");
            bool last = c == cells.Count - 1;
            if (NumericColumns[c]) text.Append(cells[c].PadLeft(widths[c]));
            else text.Append(last ? cells[c] : cells[c].PadRight(widths[c]));
        }
        text.AppendLine();
    }

    private static string EscapeMarkdown(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
