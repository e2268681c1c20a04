using System.Globalization;
using System.Reflection;

namespace Actuarial.Scenarios;

/// <summary>
/// The last guard before results reach a reader: every number of a projection's published tables (fund ledgers,
/// scheme and demographic summaries, key measures) is finite. A scenario whose levers drive a table to a value that
/// is not a number is refused, naming the first such cell, rather than printed or written as NaN.
/// </summary>
internal static class ProjectionChecks
{
    /// <summary>The first non-finite cell of the published tables, or null when all are finite.</summary>
    internal static string? FirstNonFinite(PensionProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return Scan("funds by year", projection.Funds.YearTable())
            ?? Scan("funds summary", projection.Funds.Summary())
            ?? Scan("scheme by year", projection.Scheme.Summary())
            ?? Scan("demographic summary", projection.Demography.Summary())
            ?? Scan("key measures", Verification.KeyMeasures(projection));
    }

    /// <summary>Throws when a published number is not finite.</summary>
    /// <param name="projection">The projection.</param>
    /// <param name="source">The scenario file, named in the message.</param>
    /// <exception cref="ScenarioFileException">A table holds NaN or an infinity.</exception>
    public static void RequireFinite(PensionProjection projection, string source)
    {
        if (FirstNonFinite(projection) is { } cell)
        {
            throw new ScenarioFileException([new ScenarioFileError(source, "$", null, cell,
                "levers whose results are defined: this scenario drives a published measure to a value that is not a number (e.g. no contributors left to divide by); nothing was written")]);
        }
    }

    private static string? Scan<T>(string table, IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(double?) || p.PropertyType == typeof(float)).ToArray();
        var region = typeof(T).GetProperty("Region");
        var year = typeof(T).GetProperty("Year");
        foreach (var row in rows)
        {
            foreach (var p in properties)
            {
                double v = Convert.ToDouble(p.GetValue(row) ?? 0.0, CultureInfo.InvariantCulture);
                if (!double.IsFinite(v))
                {
                    string where = string.Join(" ", new[] { region?.GetValue(row)?.ToString(), year?.GetValue(row)?.ToString() }.Where(s => !string.IsNullOrEmpty(s)));
                    return string.Create(CultureInfo.InvariantCulture, $"{table}: {p.Name} {where} = {v}");
                }
            }
        }
        return null;
    }
}
