using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Actuarial.Charts.Reports;

/// <summary>
/// Writes <see cref="ReportTable"/>s as CSV (through CsvHelper: UTF-8 without BOM, comma, one header row, invariant
/// culture, numbers at their column's decimals, an empty field for no value) and as one Excel workbook (Open XML SDK),
/// a sheet per table with the same header and the same rounded numbers, stored as numbers.
/// </summary>
public static class TableWriters
{
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    /// <summary>Writes a table as CSV to a file, creating or replacing it; returns the full path.</summary>
    public static string WriteCsv(ReportTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        using (var writer = CsvWriter.ToFile(path, Options, FileOptions.SequentialScan)) WriteCsv(table, writer);
        return Path.GetFullPath(path);
    }

    /// <summary>Writes a table as CSV to a text writer (left open).</summary>
    public static void WriteCsv(ReportTable table, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = CsvWriter.Create(destination, Options, leaveOpen: true);
        WriteCsv(table, writer);
    }

    private static void WriteCsv(ReportTable table, CsvWriter writer)
    {
        writer.WriteHeader(table.Columns.Select(c => c.Name).ToArray());
        var cells = new string[table.Columns.Count];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            for (int c = 0; c < cells.Length; c++) cells[c] = table.Text(r, c);
            writer.WriteRecord(cells);
        }
    }

    /// <summary>
    /// Writes the tables to one .xlsx workbook, a sheet per table named after it (cut to Excel's 31 characters), the
    /// header row frozen, and a first sheet "About" listing every table and column with its description.
    /// </summary>
    public static string WriteWorkbook(IReadOnlyList<ReportTable> tables, string path)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            workbookPart.Workbook = new Workbook();
            // Fixed relationship ids (the SDK's defaults are random) and, below, fixed entry times: the same tables give
            // the same bytes, as every other output of a run does.
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            var about = new List<IReadOnlyList<object?>>();
            foreach (var t in tables)
            {
                about.Add([SheetName(t.Name), "", t.Caption]);
                foreach (var c in t.Columns)
                {
                    bool said = c.Description.Contains("rounded", StringComparison.Ordinal);
                    about.Add(["", c.Name, c.Description + (c.Decimals is { } k && !said ? $" (rounded to {k} decimals)" : "")]);
                }
            }
            var aboutTable = new ReportTable("About", "The tables of this workbook and their columns",
                [new("Sheet", "Sheet name"), new("Column", "Column name (with its unit)"), new("Description", "What it holds")], about);
            AddSheet(workbookPart, sheets, id++, "About", aboutTable);
            foreach (var t in tables) AddSheet(workbookPart, sheets, id++, SheetName(t.Name), t);
            workbookPart.Workbook.Save();
        }
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            foreach (var entry in zip.Entries) entry.LastWriteTime = FixedEntryTime;
        }
        return Path.GetFullPath(path);
    }

    private static readonly DateTimeOffset FixedEntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string SheetName(string name)
    {
        var chars = name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray();
        var s = new string(chars);
        return s.Length <= 31 ? s : s[..31];
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, ReportTable table)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>("rIdSheet" + id.ToString(CultureInfo.InvariantCulture));
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        foreach (var c in table.Columns) header.Append(TextCell(c.Name, styleIndex: 1));
        data.Append(header);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 2) };
            for (int c = 0; c < table.Columns.Count; c++)
            {
                object? v = table.Rows[r][c];
                row.Append(v switch
                {
                    null => new Cell(),
                    double d when !double.IsFinite(d) => new Cell(),
                    double or int or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(table.Text(r, c)) },
                    bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
                    _ => TextCell(table.Text(r, c)),
                });
            }
            data.Append(row);
        }
        var widths = new Columns();
        for (int c = 0; c < table.Columns.Count; c++)
        {
            int longest = table.Columns[c].Name.Length;
            for (int r = 0; r < Math.Min(200, table.Rows.Count); r++) longest = Math.Max(longest, table.Text(r, c).Length);
            widths.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Min(80, longest + 2), CustomWidth = true });
        }
        var view = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { TabSelected = id == 1, WorkbookViewId = 0 });
        part.Worksheet = new Worksheet(view, widths, data);
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell TextCell(string text, uint styleIndex = 0) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = styleIndex };

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
