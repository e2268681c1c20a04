using System.Globalization;
using Actuarial.Display;

namespace Actuarial.Scenarios;

// How the pension results read: text from ToString(), HTML tables in Polyglot notebooks (by .NET Interactive's naming
// convention, without any notebook package), Markdown for reports, and summaries side by side.

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial record PensionSummary : INotebookDisplay
{
    /// <summary>The measures as aligned text, one per line, under a title naming the scenario and the years.</summary>
    public override string ToString() => ToDisplayTable().ToString();

    string INotebookDisplay.ToHtml() => ToHtmlTable();

    /// <summary>The summary as a two-column table of measures (the rows of <see cref="ToString"/>).</summary>
    public DisplayTable ToDisplayTable()
    {
        var rows = Measures(this).Select(m => (IReadOnlyList<string>)[m.Measure, m.Value]).ToArray();
        return new DisplayTable(Title(this), ["measure", "value"], rows, [false, false]);
    }

    /// <summary>The summary as an HTML table of measures.</summary>
    internal string ToHtmlTable() => ToDisplayTable().ToHtml();

    /// <summary>The summary as a Markdown table of measures.</summary>
    internal string ToMarkdown() => ToDisplayTable().ToMarkdown();

    /// <summary>
    /// Summaries side by side: one row per measure, one column per scenario (<see cref="PensionSummary.Scenario"/>),
    /// e.g. <c>baseline.Summary().Compare(reform.Summary())</c>.
    /// </summary>
    public DisplayTable Compare(params PensionSummary[] others)
    {
        ArgumentNullException.ThrowIfNull(others);
        return SideBySide([this, .. others]);
    }

    /// <summary>Summaries side by side: one row per measure, one column per scenario.</summary>
    internal static DisplayTable SideBySide(IEnumerable<PensionSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var list = summaries.ToArray();
        var measures = list.Select(s => Measures(s).ToDictionary(m => m.Measure, m => m.Value)).ToArray();
        var labels = list.SelectMany(Measures).Select(m => m.Measure).Distinct().ToArray();
        var rows = labels.Select(label => (IReadOnlyList<string>)[label, .. measures.Select(m => m.GetValueOrDefault(label, ""))]).ToArray();
        return new DisplayTable("Pension summaries compared", ["measure", .. list.Select(s => s.Scenario)], rows);
    }

    private static string Title(PensionSummary s) =>
        $"Pension summary: {s.Scenario}, national, {s.FirstYear.ToString(CultureInfo.InvariantCulture)}–{s.LastYear.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The measures of a summary as (label, value) in reading order.</summary>
    private static IEnumerable<(string Measure, string Value)> Measures(PensionSummary s)
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
}

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class PensionProjection : INotebookDisplay
{
    /// <summary>The scenario's summary and its national fund path, as text.</summary>
    public override string ToString() => Summary() + Environment.NewLine + Environment.NewLine + Funds.ToDisplayTable();

    string INotebookDisplay.ToHtml() => Summary().ToHtmlTable() + Funds.ToDisplayTable().ToHtml();
}
