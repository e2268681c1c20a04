using Actuarial.Demography;
using Actuarial.Display;
using Actuarial.Funds;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Api;

/// <summary>
/// The display contract with notebooks: the result types carry .NET Interactive's convention-based formatter source
/// (matched by name, so the library references no notebook package), and the summary and tables read as tables.
/// The notebook run in CI (samples/notebooks/run.sh) checks the same through .NET Interactive's own formatter.
/// </summary>
[TestFixture]
public sealed class NotebookDisplayTests
{
    private static readonly PensionSummary Sample = new("baseline", 2025, 2100, 2047, 2025, 2062, 81.53e12, 2049,
        [(2030, 0.45), (2050, 0.82)], [("Heilongjiang", 2049), ("Fujian", 2050)]);

    [TestCase(typeof(PensionSummary))]
    [TestCase(typeof(PensionProjection))]
    [TestCase(typeof(DemographicProjection))]
    [TestCase(typeof(FundProjection))]
    [TestCase(typeof(DisplayTable))]
    public void Result_types_name_a_formatter_source_by_the_dotnet_interactive_convention(Type type)
    {
        var attribute = type.GetCustomAttributes(true).SingleOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.That(attribute, Is.Not.Null, $"{type.Name} has no TypeFormatterSourceAttribute");
        var sourceType = (Type?)attribute!.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute);
        Assert.That(sourceType, Is.Not.Null);
        var source = Activator.CreateInstance(sourceType!);
        var formatters = ((System.Collections.IEnumerable)sourceType!.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToArray();
        var mimeTypes = formatters.Select(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!).ToArray();
        Assert.That(mimeTypes, Is.EquivalentTo(new[] { "text/html", "text/plain" }));
        Assert.That(formatters.All(f => f.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])?.ReturnType == typeof(bool)), Is.True);
    }

    [Test]
    public void The_formatters_write_the_summary_as_html_and_text_and_decline_other_types()
    {
        var formatters = new NotebookFormatterSource().CreateTypeFormatters().ToArray();
        foreach (var formatter in formatters)
        {
            var format = formatter.GetType().GetMethod("Format")!;
            string mime = (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;
            using var writer = new StringWriter();
            Assert.That((bool)format.Invoke(formatter, [Sample, writer])!, Is.True);
            Assert.That(writer.ToString(), mime == "text/html" ? Does.StartWith("<table class=\"actuarial\">") : Does.Contain("national fund depleted"));
            using var other = new StringWriter();
            Assert.That((bool)format.Invoke(formatter, ["not a result", other])!, Is.False);
            Assert.That(other.ToString(), Is.Empty);
        }
    }

    [Test]
    public void The_summary_reads_as_a_table_of_measures()
    {
        string text = Sample.ToString();
        Assert.That(text, Does.StartWith("Pension summary: baseline, national, 2025–2100"));
        Assert.That(text, Does.Contain("national fund depleted"));
        Assert.That(text, Does.Contain("81.53 trillion yuan at end-2049"));
        Assert.That(text, Does.Contain("pensioners per contributor, 2050"));
        Assert.That(text, Does.Contain("2 (first: Heilongjiang 2049, Fujian 2050)"));
        Assert.That(Sample.ToMarkdown(), Does.Contain("| measure | value |"));
        Assert.That(Sample.ToHtmlTable(), Does.Contain("<td style=\"text-align:left\">2062</td>"));

        var none = Sample with { DepletionYear = null, DepletedProvinces = [] };
        Assert.That(none.ToString(), Does.Contain("none by 2100"));
        var compared = Sample.Compare(none with { Scenario = "reform" });
        Assert.That(compared.Columns, Is.EqualTo(new[] { "measure", "baseline", "reform" }));
        Assert.That(compared.Rows.Single(r => r[0] == "national fund depleted"), Is.EqualTo(new[] { "national fund depleted", "2062", "none by 2100" }));
    }

    private sealed record Row(int Year, string Region, double Balance, double? Ratio);

    [Test]
    public void Tidy_rows_become_a_table_cut_at_max_rows_with_the_rest_counted()
    {
        var rows = Enumerable.Range(2025, 30).Select(y => new Row(y, y % 2 == 0 ? "A<b>" : "C|D", 1234567.891 * (y - 2024), y % 3 == 0 ? null : 0.4567)).ToList();
        var table = rows.ToDisplayTable("balances", maxRows: 5);

        Assert.That(table.Columns, Is.EqualTo(new[] { "Year", "Region", "Balance", "Ratio" }));
        Assert.That(table.Rows, Has.Count.EqualTo(5));
        Assert.That(table.TotalRows, Is.EqualTo(30));
        Assert.That(table.NumericColumns, Is.EqualTo(new[] { true, false, true, true }));
        Assert.That(table.Rows[0], Is.EqualTo(new[] { "2025", "C|D", "1,234,568", "" }));
        Assert.That(table.ToString(), Does.Contain("… 25 more rows (30 in all)"));
        Assert.That(table.ToHtml(), Does.Contain("A&lt;b&gt;"));
        Assert.That(table.ToMarkdown(), Does.Contain("C\\|D"));
        Assert.That(rows.ToHtmlTable(maxRows: 2), Does.Contain("<tfoot>"));
        Assert.That(() => new DisplayTable(null, ["a"], [["1", "2"]]), Throws.ArgumentException);
    }
}
