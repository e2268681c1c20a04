using System.Globalization;
using System.Reflection;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.Scenarios;

namespace Actuarial.Display;

/// <summary>
/// Readable views of results for notebooks, consoles and reports: any tidy rows as a <see cref="DisplayTable"/>
/// (HTML, Markdown or aligned text), the <see cref="PensionSummary"/> as a table of measures, several summaries side
/// by side, and short national overviews of the population and fund projections. Numbers are written with the
/// invariant culture.
/// </summary>
public static class ResultDisplay
{
    /// <summary>Rows shown by default before a table is cut.</summary>
    public const int DefaultMaxRows = 25;

    /// <summary>
    /// Tidy rows (e.g. <see cref="FundProjection.YearTable"/>) as a table: one column per public property of
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

    /// <summary>The summary as a two-column table of measures (the rows of <see cref="PensionSummary.ToString"/>).</summary>
    public static DisplayTable ToDisplayTable(this PensionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = Measures(summary).Select(m => (IReadOnlyList<string>)[m.Measure, m.Value]).ToArray();
        return new DisplayTable(Title(summary), ["measure", "value"], rows, [false, false]);
    }

    /// <summary>The summary as an HTML table of measures.</summary>
    public static string ToHtmlTable(this PensionSummary summary) => summary.ToDisplayTable().ToHtml();

    /// <summary>The summary as a Markdown table of measures.</summary>
    public static string ToMarkdown(this PensionSummary summary) => summary.ToDisplayTable().ToMarkdown();

    /// <summary>
    /// Summaries side by side: one row per measure, one column per scenario (<see cref="PensionSummary.Scenario"/>),
    /// e.g. <c>baseline.Summary().Compare(reform.Summary())</c>.
    /// </summary>
    public static DisplayTable Compare(this PensionSummary first, params PensionSummary[] others)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(others);
        return Compare([first, .. others]);
    }

    /// <summary>Summaries side by side: one row per measure, one column per scenario.</summary>
    public static DisplayTable Compare(this IEnumerable<PensionSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var list = summaries.ToArray();
        var measures = list.Select(s => Measures(s).ToDictionary(m => m.Measure, m => m.Value)).ToArray();
        var labels = list.SelectMany(Measures).Select(m => m.Measure).Distinct().ToArray();
        var rows = labels.Select(label => (IReadOnlyList<string>)[label, .. measures.Select(m => m.GetValueOrDefault(label, ""))]).ToArray();
        return new DisplayTable("Pension summaries compared", ["measure", .. list.Select(s => s.Scenario)], rows);
    }

    /// <summary>
    /// The national population every <paramref name="step"/> years (and the end year): millions by broad age group,
    /// old-age dependency, TFR and life expectancy at birth.
    /// </summary>
    public static DisplayTable ToDisplayTable(this DemographicProjection projection, int step = 10)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var c = CultureInfo.InvariantCulture;
        var national = projection.Summary().Where(r => r.RegionCode == 0 || projection.Shape.RegionCount == 1)
            .Where(r => (r.Year - projection.BaseYear) % step == 0 || r.Year == projection.EndYear);
        var rows = national.Select(r => (IReadOnlyList<string>)[
            r.Year.ToString(c), (r.Population / 1e6).ToString("F1", c), (r.Aged0To14 / 1e6).ToString("F1", c),
            (r.Aged15To64 / 1e6).ToString("F1", c), (r.Aged65Plus / 1e6).ToString("F1", c), r.OldAgeDependencyRatio.ToString("F3", c),
            r.TotalFertilityRate?.ToString("F2", c) ?? "", r.LifeExpectancyAtBirthMaleYears?.ToString("F1", c) ?? "",
            r.LifeExpectancyAtBirthFemaleYears?.ToString("F1", c) ?? ""]).ToArray();
        string where = projection.Shape.RegionCount == 1 ? projection.Shape.Regions[0].EnglishName : $"China ({projection.Shape.RegionCount} regions)";
        return new DisplayTable($"Population, {where}, {projection.BaseYear}–{projection.EndYear}",
            ["year", "population (m)", "0–14 (m)", "15–64 (m)", "65+ (m)", "65+ per 15–64", "TFR", "e0 male", "e0 female"],
            rows, [true, true, true, true, true, true, true, true, true]);
    }

    /// <summary>
    /// The national fund every <paramref name="step"/> years (and the last year): contributors and retirees
    /// (millions), revenue, spending and year-end balance (trillion yuan), months of payment.
    /// </summary>
    public static DisplayTable ToDisplayTable(this FundProjection projection, int step = 5)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var c = CultureInfo.InvariantCulture;
        var rows = projection.YearTable().Where(r => r.RegionCode == 0)
            .Where(r => (r.Year - projection.FirstYear) % step == 0 || r.Year == projection.LastYear)
            .Select(r => (IReadOnlyList<string>)[
                r.Year.ToString(c), (r.ContributingWorkers / 1e6).ToString("F1", c), (r.Retirees / 1e6).ToString("F1", c),
                (r.Revenue / 1e12).ToString("F2", c), (r.Spending / 1e12).ToString("F2", c), (r.ClosingBalance / 1e12).ToString("F2", c),
                r.MonthsOfPayment?.ToString("F1", c) ?? ""]).ToArray();
        return new DisplayTable($"National fund, {projection.FirstYear}–{projection.LastYear}",
            ["year", "contributors (m)", "retirees (m)", "revenue (tn)", "spending (tn)", "balance (tn)", "months of payment"],
            rows, [true, true, true, true, true, true, true]);
    }

    internal static string Title(PensionSummary s) =>
        $"Pension summary: {s.Scenario}, national, {s.FirstYear.ToString(CultureInfo.InvariantCulture)}–{s.LastYear.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The measures of a summary as (label, value) in reading order.</summary>
    internal static IEnumerable<(string Measure, string Value)> Measures(PensionSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        string Year(int? year) => year?.ToString(c) ?? $"none by {s.LastYear.ToString(c)}";
        yield return ("first year of current deficit, with subsidies", Year(s.FirstCurrentDeficitYear));
        yield return ("first year of current deficit, without subsidies", Year(s.FirstCurrentDeficitYearExcludingSubsidies));
        yield return ("national fund depleted", Year(s.DepletionYear));
        yield return ("peak national balance", $"{(s.PeakBalanceYuan / 1e12).ToString("F2", c)} trillion yuan at end-{s.PeakBalanceYear.ToString(c)}");
        foreach (var (year, ratio) in s.SystemDependencyRatios)
        {
            yield return ($"pensioners per contributor, {year.ToString(c)}", ratio?.ToString("F2", c) ?? "none (no contributors)");
        }
        var depleted = s.DepletedProvinces;
        yield return ("provincial funds depleted within the horizon", depleted.Count == 0
            ? "none"
            : $"{depleted.Count.ToString(c)} (first: {string.Join(", ", depleted.Take(3).Select(d => $"{d.Region} {d.Year.ToString(c)}"))})");
    }

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
