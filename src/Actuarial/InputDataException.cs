namespace Actuarial;

/// <summary>
/// Bad input data: names where it is (source file or parameter, line, field), the offending value and the range
/// that would have been valid. The library never clamps a bad value; it throws this instead.
/// </summary>
public sealed class InputDataException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    /// <param name="source">File name or the name of the in-memory input (e.g. "mortality.Mx").</param>
    /// <param name="line">1-based line in the file (the header is line 1), or null for in-memory input.</param>
    /// <param name="field">Column or parameter name.</param>
    /// <param name="value">The offending value as text.</param>
    /// <param name="validRange">What would have been valid, in words (e.g. "a rate in [0, 10]").</param>
    public InputDataException(string source, int? line, string field, string? value, string validRange)
        : base(Compose(source, line, field, value, validRange))
    {
        Source = source;
        Line = line;
        Field = field;
        Value = value;
        ValidRange = validRange;
    }

    /// <summary>File name or in-memory input name.</summary>
    public new string Source { get; }

    /// <summary>1-based line number, when the input is a file.</summary>
    public int? Line { get; }

    /// <summary>Column or parameter name.</summary>
    public string Field { get; }

    /// <summary>The offending value as text (null when the value is missing).</summary>
    public string? Value { get; }

    /// <summary>The valid range, in words.</summary>
    public string ValidRange { get; }

    private static string Compose(string source, int? line, string field, string? value, string validRange)
    {
        var where = line is { } l ? $"{SafeText.Show(source)}, line {l}" : SafeText.Show(source);
        var shown = value is null ? "(missing)" : $"'{SafeText.Show(value)}'";
        return $"{where}: field '{field}' has value {shown}; expected {validRange}.";
    }
}
