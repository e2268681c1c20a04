using System.Globalization;
using System.Reflection;
using Actuarial.Dimensions;

namespace Actuarial.Display;

/// <summary>
/// Readable views of tidy rows for notebooks, consoles and reports: any rows as a <see cref="DisplayTable"/> (HTML,
/// Markdown or aligned text). Numbers are written with the invariant culture. The result types give their own
/// overviews (<c>PensionSummary.ToDisplayTable()</c>, <c>FundProjection.ToDisplayTable(step)</c>,
/// <c>DemographicProjection.ToDisplayTable(step)</c>): this layer sits below them and knows none of them.
/// </summary>
public static class ResultDisplay
{
    /// <summary>Rows shown by default before a table is cut.</summary>
    public const int DefaultMaxRows = 25;

    /// <summary>
    /// Tidy rows (e.g. <c>FundProjection.YearTable()</c>) as a table: one column per public property of
    /// <typeparamref name="T"/>, in declaration order; at most <paramref name="maxRows"/> rows, the rest counted.
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="title">Caption, or null.</param>
    /// <param name="maxRows">Rows shown at most (non-negative).</param>
    public static DisplayTable ToDisplayTable<T>(this IEnumerable<T> rows, string? title = null, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
        var numeric = properties.Select(p => IsNumeric(p.PropertyType)).ToArray();
        var shown = new List<IReadOnlyList<string>>();
        int total = 0;
        foreach (var row in rows)
        {
            if (total++ < maxRows)
            {
                shown.Add(properties.Select(p => Cell(row is null ? null : p.GetValue(row))).ToArray());
            }
        }
        return new DisplayTable(title, properties.Select(p => p.Name).ToArray(), shown, numeric, total);
    }

    /// <summary>Tidy rows as an HTML table (see <see cref="ToDisplayTable{T}(IEnumerable{T}, string?, int)"/>).</summary>
    public static string ToHtmlTable<T>(this IEnumerable<T> rows, int maxRows = DefaultMaxRows) => rows.ToDisplayTable(null, maxRows).ToHtml();

    /// <summary>Tidy rows as a Markdown table (see <see cref="ToDisplayTable{T}(IEnumerable{T}, string?, int)"/>).</summary>
    public static string ToMarkdown<T>(this IEnumerable<T> rows, int maxRows = DefaultMaxRows) => rows.ToDisplayTable(null, maxRows).ToMarkdown();

    private static bool IsNumeric(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(int) || type == typeof(long)
            || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => Math.Abs(d) >= 1e4 ? d.ToString("#,0", CultureInfo.InvariantCulture) : d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("0.####", CultureInfo.InvariantCulture),
        Region r => r.EnglishName,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
