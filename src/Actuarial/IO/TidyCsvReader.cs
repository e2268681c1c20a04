using System.Globalization;
using Actuarial.Dimensions;
using CsvHelper;

namespace Actuarial.IO;

/// <summary>
/// A strict reader for the library's tidy CSV files (UTF-8, comma, one header row, lower_snake_case columns), on
/// top of CsvHelper's parser. The header must equal the expected columns exactly (same names, same order). Every
/// typed read checks the cell and throws <see cref="InputDataException"/> naming the source, the 1-based line
/// (the header is line 1), the column, the offending text and the valid range: for an empty cell, an unparsable
/// cell and an out-of-range value alike. Numbers are parsed with <see cref="CultureInfo.InvariantCulture"/>;
/// surrounding whitespace, thousands separators, NaN and infinities are rejected.
/// </summary>
internal sealed class TidyCsvReader : IDisposable
{
    /// <summary>Earliest year accepted in any year or period column.</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year accepted in any year or period column.</summary>
    public const int MaxYear = 2300;

    private readonly CsvReader _csv;
    private readonly string[] _columns;
    private string[] _record = [];

    /// <summary>Opens the reader and checks the header.</summary>
    /// <param name="source">Name used in error messages (the file name or path).</param>
    /// <param name="reader">The text; not disposed by this reader.</param>
    /// <param name="expectedColumns">The exact header, in order.</param>
    public TidyCsvReader(string source, TextReader reader, IReadOnlyList<string> expectedColumns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(expectedColumns);
        Source = source;
        _columns = [.. expectedColumns];
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        _csv = CsvReader.Create(reader, options, leaveOpen: true);
        CheckHeader();
    }

    /// <summary>Name used in error messages.</summary>
    public string Source { get; }

    /// <summary>1-based line of the current record (the header is line 1).</summary>
    public int Line { get; private set; } = 1;

    private string ExpectedHeader => string.Join(',', _columns);

    private void CheckHeader()
    {
        if (!NextRecord(out var header))
        {
            throw new InputDataException(Source, 1, "(header)", null, $"the header '{ExpectedHeader}'");
        }
        if (Line != 1)
        {
            throw new InputDataException(Source, 1, "(header)", null,
                $"the header '{ExpectedHeader}' on line 1 (the file starts with {Line - 1} blank line(s))");
        }
        if (header.Length > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF')
        {
            header[0] = header[0][1..];
        }
        var actual = string.Join(',', header);
        foreach (var expected in _columns)
        {
            if (Array.IndexOf(header, expected) < 0)
            {
                throw new InputDataException(Source, 1, expected, actual,
                    $"the header '{ExpectedHeader}' (column '{expected}' is missing)");
            }
        }
        foreach (var name in header)
        {
            if (Array.IndexOf(_columns, name) < 0)
            {
                throw new InputDataException(Source, 1, name, actual,
                    $"the header '{ExpectedHeader}' (column '{name}' is not expected)");
            }
        }
        for (int i = 0; i < _columns.Length; i++)
        {
            if (i >= header.Length || !string.Equals(header[i], _columns[i], StringComparison.Ordinal))
            {
                throw new InputDataException(Source, 1, _columns[i], actual,
                    $"the header '{ExpectedHeader}' (column '{_columns[i]}' in position {i + 1}, each column once)");
            }
        }
        if (header.Length != _columns.Length)
        {
            throw new InputDataException(Source, 1, header[^1], actual,
                $"the header '{ExpectedHeader}' (each column once)");
        }
    }

    private bool NextRecord(out string[] record)
    {
        try
        {
            if (!_csv.Read())
            {
                record = [];
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            throw new InputDataException(Source, e.LineNumber > 0 ? (int)e.LineNumber : null, "(record)", null,
                "well-formed CSV (quotes only around whole fields): " + e.Message);
        }
        Line = (int)_csv.LineNumber;
        record = new string[_csv.FieldCount];
        for (int i = 0; i < record.Length; i++) record[i] = _csv.GetString(i);
        return true;
    }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    /// <exception cref="InputDataException">The record has the wrong number of fields.</exception>
    public bool Read()
    {
        if (!NextRecord(out var record))
        {
            return false;
        }
        if (record.Length < _columns.Length)
        {
            throw new InputDataException(Source, Line, _columns[record.Length], null,
                $"{_columns.Length} fields per line ('{ExpectedHeader}'); this line has {record.Length}");
        }
        if (record.Length > _columns.Length)
        {
            throw new InputDataException(Source, Line, $"(field {_columns.Length + 1})", record[_columns.Length],
                $"{_columns.Length} fields per line ('{ExpectedHeader}'); this line has {record.Length}");
        }
        _record = record;
        return true;
    }

    /// <summary>The raw text of a column in the current record.</summary>
    public string Text(string column)
    {
        int index = Array.IndexOf(_columns, column);
        if (index < 0) throw new ArgumentException($"'{column}' is not a column of {Source}", nameof(column));
        return _record[index];
    }

    private string Required(string column, string validRange)
    {
        var text = Text(column);
        if (text.Length == 0) throw Error(column, null, validRange);
        return text;
    }

    /// <summary>Builds the exception for the current line.</summary>
    public InputDataException Error(string column, string? value, string validRange) =>
        new(Source, Line, column, value, validRange);

    /// <summary>Reads a required integer in [min, max].</summary>
    public int Int(string column, int min, int max)
    {
        var range = $"an integer in [{min}, {max}]";
        var text = Required(column, range);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ||
            value < min || value > max)
        {
            throw Error(column, text, range);
        }
        return value;
    }

    /// <summary>Reads an integer in [min, max], or null for an empty cell.</summary>
    public int? OptionalInt(string column, int min, int max, string emptyMeaning)
    {
        var range = $"an integer in [{min}, {max}], or empty for {emptyMeaning}";
        var text = Text(column);
        if (text.Length == 0) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ||
            value < min || value > max)
        {
            throw Error(column, text, range);
        }
        return value;
    }

    /// <summary>Reads a required whole number (written without a decimal point) in [min, max].</summary>
    public long Long(string column, long min, long max)
    {
        var range = $"a whole number in [{min}, {max}]";
        var text = Required(column, range);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ||
            value < min || value > max)
        {
            throw Error(column, text, range);
        }
        return value;
    }

    /// <summary>Reads a required finite number in [min, max]; <paramref name="what"/> names it in the error.</summary>
    public double Double(string column, double min, double max, string what = "a number")
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"{what} in [{min}, {max}]");
        var text = Required(column, range);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out double value) ||
            !double.IsFinite(value) || value < min || value > max)
        {
            throw Error(column, text, range);
        }
        return value;
    }

    /// <summary>Reads a required label that must be one of <paramref name="allowed"/> (ordinal match).</summary>
    public string Choice(string column, IReadOnlyList<string> allowed)
    {
        var range = "one of " + string.Join(", ", allowed);
        var text = Required(column, range);
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, text, StringComparison.Ordinal)) return candidate;
        }
        throw Error(column, text, range);
    }

    /// <summary>Reads <c>male</c> or <c>female</c>.</summary>
    public Sex Sex(string column) =>
        Choice(column, ["male", "female"]) == "male" ? Dimensions.Sex.Male : Dimensions.Sex.Female;

    /// <summary>Reads <c>male</c>, <c>female</c> or <c>both</c>.</summary>
    public SexOrBoth SexOrBoth(string column) => Choice(column, ["male", "female", "both"]) switch
    {
        "male" => IO.SexOrBoth.Male,
        "female" => IO.SexOrBoth.Female,
        _ => IO.SexOrBoth.Both,
    };

    /// <summary>Reads a single age 0..100 (100 = 100 and over).</summary>
    public int Age(string column) => Int(column, 0, Ages.OpenInterval);

    /// <summary>
    /// Reads an age group from <c>age_start</c> (0..100) and <c>age_end</c> (inclusive, age_start..99; empty only
    /// for the open interval 100+).
    /// </summary>
    public AgeGroup AgeGroup(string startColumn = "age_start", string endColumn = "age_end")
    {
        int start = Int(startColumn, 0, Ages.OpenInterval);
        var endText = Text(endColumn);
        if (start == Ages.OpenInterval)
        {
            if (endText.Length != 0) throw Error(endColumn, endText, "empty: the group starting at 100 is the open interval 100+");
            return new AgeGroup(start, null);
        }
        int max = Ages.OpenInterval - 1;
        var range = $"an integer in [{start}, {max}] (age_start..99; empty only when age_start is 100)";
        if (endText.Length == 0) throw Error(endColumn, null, range);
        if (!int.TryParse(endText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int end) ||
            end < start || end > max)
        {
            throw Error(endColumn, endText, range);
        }
        return new AgeGroup(start, end);
    }

    /// <summary>Reads a period from two year columns: the end must be after the start, at most 10 years on.</summary>
    public (int Start, int End) Period(string startColumn = "period_start", string endColumn = "period_end")
    {
        int start = Int(startColumn, MinYear, MaxYear);
        int end = Int(endColumn, start + 1, start + 10);
        return (start, end);
    }

    /// <summary>Reads a GB/T 2260 province code or 0 for the nation.</summary>
    public int RegionCode(string column)
    {
        const string range = "0 (China) or a GB/T 2260 province code of the 31 provinces (11..65)";
        var text = Required(column, range);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code) ||
            (code != 0 && Regions.ProvinceIndex(code) < 0))
        {
            throw Error(column, text, range);
        }
        return code;
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
