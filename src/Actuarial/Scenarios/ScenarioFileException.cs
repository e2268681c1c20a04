namespace Actuarial.Scenarios;

/// <summary>One problem in a scenario file: where it is, what was found and what would have been valid.</summary>
/// <param name="File">The file (as the user named it) or the name of the in-memory text.</param>
/// <param name="JsonPath">Where in the file, e.g. <c>$.scheme.indexation.share</c>.</param>
/// <param name="Key">The catalogue key concerned (<see cref="Levers"/>), or null for an unknown key or a syntax error.</param>
/// <param name="Value">The offending value as written, or null when missing.</param>
/// <param name="Expected">What would have been valid, in words (the valid range, the rule in force).</param>
/// <param name="Suggestion">For a misspelt key, the known key it is closest to (edit distance ≤ 2), else null.</param>
public sealed record ScenarioFileError(string File, string JsonPath, string? Key, string? Value, string Expected, string? Suggestion = null)
{
    /// <summary>The error as one line: <c>file: $.path: value 'x'; expected …; did you mean 'y'?</c></summary>
    public override string ToString()
    {
        var value = Value is null ? "" : $" value '{SafeText.Show(Value)}';";
        var suggestion = Suggestion is null ? "" : $" Did you mean '{Suggestion}'?";
        return $"{SafeText.Show(File)}: {SafeText.Show(JsonPath)}:{value} expected {Expected}.{suggestion}";
    }
}

/// <summary>
/// A scenario file that cannot be used: each error names the file, the JSON path, the offending value and the valid
/// range (or the rule in force that does not use a lever), with a suggestion for a misspelt key. The properties of the
/// first error are repeated on the exception.
/// </summary>
public sealed class ScenarioFileException : Exception
{
    /// <summary>Creates the exception from one or more errors.</summary>
    internal ScenarioFileException(IReadOnlyList<ScenarioFileError> errors)
        : base(Compose(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found (at least one).</summary>
    public IReadOnlyList<ScenarioFileError> Errors { get; }

    /// <summary>The file of the first error.</summary>
    public string File => Errors[0].File;

    /// <summary>The JSON path of the first error.</summary>
    public string JsonPath => Errors[0].JsonPath;

    /// <summary>The catalogue key of the first error, if any.</summary>
    public string? Key => Errors[0].Key;

    /// <summary>The offending value of the first error.</summary>
    public string? Value => Errors[0].Value;

    /// <summary>What would have been valid (first error).</summary>
    public string ValidRange => Errors[0].Expected;

    /// <summary>The suggested key (first error), if any.</summary>
    public string? Suggestion => Errors[0].Suggestion;

    /// <summary>Most errors listed in a message; the rest are counted ("… and K more").</summary>
    internal const int MaxListed = 50;

    /// <summary>The errors as lines to print: at most <see cref="MaxListed"/>, then "… and K more errors".</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = Errors.Take(MaxListed).Select(e => e.ToString()).ToList();
        if (Errors.Count > MaxListed) lines.Add($"… and {Errors.Count - MaxListed} more errors");
        return lines;
    }

    private static string Compose(IReadOnlyList<ScenarioFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) throw new ArgumentException("at least one error", nameof(errors));
        if (errors.Count == 1) return errors[0].ToString();
        var listed = errors.Take(MaxListed).Select(e => "  " + e);
        if (errors.Count > MaxListed) listed = listed.Append($"  … and {errors.Count - MaxListed} more errors");
        return $"{errors.Count} errors in {SafeText.Show(errors[0].File)}:{Environment.NewLine}" + string.Join(Environment.NewLine, listed);
    }
}
