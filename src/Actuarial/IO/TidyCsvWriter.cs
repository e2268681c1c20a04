using System.Globalization;
using CsvHelper;

namespace Actuarial.IO;

/// <summary>
/// Writes the library's result tables as tidy CSV (UTF-8 without BOM, comma, one header row, invariant culture,
/// round-trip precision for numbers, an empty field for a missing value), through CsvHelper's generated writers.
/// </summary>
public static class TidyCsvWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    /// <summary>Writes rows of a result type (one of the library's <c>…Row</c> records) to a file, creating or replacing it.</summary>
    public static void Write<T>(IEnumerable<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = CsvWriter.ToFile(path, Options, FileOptions.SequentialScan);
        writer.WriteRecords(rows);
    }

    /// <summary>Writes rows to a text writer (left open).</summary>
    public static void Write<T>(IEnumerable<T> rows, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = CsvWriter.Create(destination, Options, leaveOpen: true);
        writer.WriteRecords(rows);
    }
}
