using System.Globalization;
using System.Text.Json;
using Actuarial.Charts.Reports;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// The HTML report and the tables beside it, without a browser: the page is valid HTML5, every chart's data equal the
/// tables' numbers, the tables carry units and no internal column, the workbook holds the same tables.
/// </summary>
[TestFixture]
public sealed class ReportTests
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static string Html(string folder) => File.ReadAllText(Path.Combine(folder, "report.html"));

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    private static JsonElement Trace(JsonElement spec, int index) => spec.GetProperty("data")[index];

    /// <summary>National rows of funds_by_year.csv: year → column value.</summary>
    private static Dictionary<int, double> National(string folder, string table, string column, string regionColumn = "RegionCode")
    {
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, table));
        int y = Array.IndexOf(header, "Year"), c = Array.IndexOf(header, column), r = Array.IndexOf(header, regionColumn);
        Assert.That(c, Is.GreaterThanOrEqualTo(0), $"{table} has {column}");
        return rows.Where(row => r < 0 || row[r] == "0").Where(row => row[c].Length > 0).ToDictionary(row => int.Parse(row[y], C), row => double.Parse(row[c], C));
    }

    [TestCase("baseline")]
    [TestCase("comparison")]
    public void The_page_is_valid_html5_and_needs_no_network(string which)
    {
        string folder = which == "baseline" ? ReportOutputs.Baseline : ReportOutputs.Comparison;
        string html = Html(folder);
        var errors = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message + " at " + ((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position);
        var document = parser.ParseDocument(html);
        Assert.That(errors, Is.Empty, "the HTML5 parser reports no error");
        Assert.That(document.Title, Is.Not.Empty);
        // No server, no network: nothing is loaded from elsewhere.
        Assert.That(document.QuerySelectorAll("script[src], link[href], img[src], iframe"), Is.Empty, "every script and style is inline");
        Assert.That(html, Does.Contain("Licensed under the MIT license"), "plotly.js ships with its licence");
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.That(ids, Is.Unique);
        foreach (var plot in document.QuerySelectorAll("div.plot"))
        {
            Assert.That(document.GetElementById(plot.Id + "-spec"), Is.Not.Null, $"chart {plot.Id} has its data");
        }
        foreach (var link in document.QuerySelectorAll("section#files a"))
        {
            Assert.That(File.Exists(Path.Combine(folder, Uri.UnescapeDataString(link.GetAttribute("href")!))), Is.True, $"the link {link.GetAttribute("href")} names a file written beside the page");
        }
    }

    [Test]
    public void The_headline_defines_its_terms_and_names_the_last_province()
    {
        string html = Html(ReportOutputs.Baseline);
        foreach (string term in new[] { "Current balance", "With subsidies / without subsidies", "Depleted", "A provincial fund running out, under national pooling", "Months of spending" })
        {
            Assert.That(html, Does.Contain($"<dt>{System.Net.WebUtility.HtmlEncode(term)}"), term);
        }
        // The baseline: every province runs out by 2100; the headline names the last one and its year, from the summary.
        var p = PensionProjectorCache.Baseline;
        var last = p.Summary().DepletedProvinces[^1];
        Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode($"the last to run out is {last.Region}, in {last.Year}")));
    }

    [Test]
    public void Province_sentence_names_the_provinces_that_never_run_out()
    {
        var p = PensionProjectorCache.Baseline;
        var s = p.Summary();
        var kept = s with { DepletedProvinces = s.DepletedProvinces.Take(29).ToList() };
        string sentence = Reports.ProvinceSentence(p, kept);
        Assert.That(sentence, Does.Contain("29 of 31 provincial funds run out by 2100; these never do: " + string.Join(", ", s.DepletedProvinces.Skip(29).Select(d => d.Region).OrderBy(n => p.Funds.Provinces.Select(r => r.ToString()).ToList().IndexOf(n)))));
        var one = s with { DepletedProvinces = s.DepletedProvinces.Take(30).ToList() };
        Assert.That(Reports.ProvinceSentence(p, one), Does.Contain($"only {s.DepletedProvinces[30].Region}'s never does"));
    }

    [Test]
    public void The_national_charts_draw_the_tables_numbers()
    {
        string folder = ReportOutputs.Baseline;
        string html = Html(folder);
        var balance = National(folder, "funds_by_year.csv", "ClosingBalanceBillionYuan");
        var months = National(folder, "funds_by_year.csv", "ClosingBalanceMonthsOfSpending");
        var gdp = National(folder, "economy_by_year.csv", "ClosingBalancePercentGdp");
        var real = National(folder, "economy_by_year.csv", "ClosingBalanceBillionYuan2024Prices");

        var spec = ReportOutputs.Spec(html, "chart-national-balance");
        var years = Numbers(Trace(spec, 0).GetProperty("x")).Select(y => (int)y).ToArray();
        var values = Numbers(Trace(spec, 0).GetProperty("y"));
        int depletion = balance.Where(kv => kv.Value < 0).Min(kv => kv.Key);
        Assert.That(years[^1], Is.EqualTo(Math.Min(depletion + 10, balance.Keys.Max())), "cut at ten years past depletion");
        for (int i = 0; i < years.Length; i++)
        {
            Assert.That(values[i], Is.EqualTo(balance[years[i]] / 1000).Within(0.6e-6), $"balance {years[i]}, trillion yuan = table's billion / 1000 (table rounded to 0.001 billion)");
        }
        var realValues = Numbers(Trace(spec, 1).GetProperty("y"));
        for (int i = 0; i < years.Length; i++) Assert.That(realValues[i], Is.EqualTo(real[years[i]] / 1000).Within(0.6e-6));
        // The marks: the depletion line at the table's depletion year, the peak at the table's peak.
        var shapes = spec.GetProperty("layout").GetProperty("shapes");
        Assert.That(shapes[0].GetProperty("x0").GetDouble(), Is.EqualTo(depletion));
        var peak = balance.MaxBy(kv => kv.Value);
        var annotation = spec.GetProperty("layout").GetProperty("annotations").EnumerateArray().First(a => a.GetProperty("text").GetString()!.StartsWith("peak", StringComparison.Ordinal));
        Assert.That(annotation.GetProperty("x").GetDouble(), Is.EqualTo(peak.Key));
        Assert.That(annotation.GetProperty("y").GetDouble(), Is.EqualTo(peak.Value / 1000).Within(0.6e-6));

        var monthsSpec = ReportOutputs.Spec(html, "chart-national-months");
        var my = Numbers(Trace(monthsSpec, 0).GetProperty("x"));
        var mv = Numbers(Trace(monthsSpec, 0).GetProperty("y"));
        for (int i = 0; i < my.Length; i++) Assert.That(mv[i], Is.EqualTo(months[(int)my[i]]).Within(0.05 + 1e-9), "months of spending (table rounded to 0.1)");

        var gdpSpec = ReportOutputs.Spec(html, "chart-national-balance-gdp");
        var gy = Numbers(Trace(gdpSpec, 0).GetProperty("x"));
        var gv = Numbers(Trace(gdpSpec, 0).GetProperty("y"));
        for (int i = 0; i < gy.Length; i++) Assert.That(gv[i], Is.EqualTo(gdp[(int)gy[i]]).Within(0.0005 + 1e-9), "% of GDP (table rounded to 0.001)");

        var flows = ReportOutputs.Spec(html, "chart-national-gdp");
        var pensions = National(folder, "economy_by_year.csv", "PensionsPercentGdp");
        var fy = Numbers(Trace(flows, 0).GetProperty("x"));
        var fv = Numbers(Trace(flows, 0).GetProperty("y"));
        Assert.That(fy, Has.Length.EqualTo(pensions.Count));
        for (int i = 0; i < fy.Length; i++) Assert.That(fv[i], Is.EqualTo(pensions[(int)fy[i]]).Within(0.0005 + 1e-9));

        var dependency = ReportOutputs.Spec(html, "chart-dependency");
        var system = National(folder, "scheme_by_year.csv", "PensionersPerContributor");
        var dy = Numbers(Trace(dependency, 0).GetProperty("x"));
        var dv = Numbers(Trace(dependency, 0).GetProperty("y"));
        for (int i = 0; i < dy.Length; i++) Assert.That(dv[i], Is.EqualTo(system[(int)dy[i]]).Within(0.00005 + 1e-9));
    }

    [Test]
    public void The_province_heat_map_draws_each_provinces_months_in_depletion_order()
    {
        string folder = ReportOutputs.Baseline;
        var spec = ReportOutputs.Spec(Html(folder), "chart-province-months");
        var heat = Trace(spec, 0);
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, "funds_by_year.csv"));
        int y = Array.IndexOf(header, "Year"), code = Array.IndexOf(header, "RegionCode"), region = Array.IndexOf(header, "Region"), months = Array.IndexOf(header, "ClosingBalanceMonthsOfSpending"), balance = Array.IndexOf(header, "ClosingBalanceBillionYuan");
        var table = rows.Where(r => r[code] != "0").ToDictionary(r => (r[region], int.Parse(r[y], C)));
        var years = Numbers(heat.GetProperty("x")).Select(v => (int)v).ToArray();
        var labels = heat.GetProperty("y").EnumerateArray().Select(v => v.GetString()!).ToArray();
        Assert.That(labels, Has.Length.EqualTo(31));
        int? previous = null;
        for (int row = 0; row < labels.Length; row++)
        {
            string province = labels[row][..labels[row].LastIndexOf(" (", StringComparison.Ordinal)];
            var z = Numbers(heat.GetProperty("z")[row]);
            for (int i = 0; i < years.Length; i++)
            {
                Assert.That(z[i], Is.EqualTo(double.Parse(table[(province, years[i])][months], C)).Within(0.05 + 1e-9), $"{province} {years[i]}");
            }
            var depleted = table.Values.Where(r => r[region] == province && double.Parse(r[balance], C) < 0).Select(r => (int?)int.Parse(r[y], C)).Min();
            Assert.That(labels[row], Does.EndWith($"({depleted?.ToString(C) ?? "never"})"));
            Assert.That(depleted ?? int.MaxValue, Is.GreaterThanOrEqualTo(previous ?? int.MinValue), "rows ordered by the year each fund runs out");
            previous = depleted ?? int.MaxValue;
        }
    }

    [Test]
    public void The_pyramids_sum_to_the_population_and_share_one_scale()
    {
        string folder = ReportOutputs.Baseline;
        string html = Html(folder);
        var population = National(folder, "demographic_summary.csv", "PopulationPersons");
        var ranges = new List<double>();
        foreach (int year in new[] { 2020, 2050, 2100 })
        {
            var spec = ReportOutputs.Spec(html, $"chart-pyramid-{year}");
            double males = -Numbers(Trace(spec, 0).GetProperty("x")).Sum();
            double females = Numbers(Trace(spec, 1).GetProperty("x")).Sum();
            Assert.That((males + females) * 1e6, Is.EqualTo(population[year]).Within(1.0), $"{year}: the bars add up to the table's population (persons)");
            Assert.That(Numbers(Trace(spec, 0).GetProperty("x")).All(v => v <= 0), Is.True, "males drawn left");
            var range = spec.GetProperty("layout").GetProperty("xaxis").GetProperty("range");
            ranges.Add(range[1].GetDouble());
            Assert.That(range[0].GetDouble(), Is.EqualTo(-range[1].GetDouble()));
        }
        Assert.That(ranges.Distinct().Count(), Is.EqualTo(1), "one x scale for every year");
    }

    [Test]
    public void The_comparison_charts_draw_each_scenarios_key_measures()
    {
        string folder = ReportOutputs.Comparison;
        string html = Html(folder);
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, "key_measures.csv"));
        Assert.That(header, Is.EqualTo(new[] { "Scenario", "Measure", "Region", "Year", "Value" }), "no tolerance column in results");
        double Measure(string scenario, string measure) => double.Parse(rows.Single(r => r[0] == scenario && r[1] == measure && r[2] == "China")[4], C);
        var spec = ReportOutputs.Spec(html, "chart-national-balances");
        foreach (int i in new[] { 0, 1 })
        {
            var trace = Trace(spec, i);
            string scenario = trace.GetProperty("name").GetString()!;
            var x = Numbers(trace.GetProperty("x"));
            var y = Numbers(trace.GetProperty("y"));
            Assert.That(y.Max() * 1e12, Is.EqualTo(Measure(scenario, "peak_balance_yuan")).Within(1e-9 * Measure(scenario, "peak_balance_yuan")), $"{scenario}: the drawn peak is the key measure");
            int depletion = (int)Measure(scenario, "depletion_year");
            Assert.That(x[Array.FindIndex(y, v => v < 0)], Is.EqualTo(depletion), $"{scenario}: the line crosses zero in the depletion year");
            Assert.That(spec.GetProperty("layout").GetProperty("shapes").EnumerateArray().Select(s => s.GetProperty("x0").GetDouble()), Does.Contain((double)depletion));
        }
        var difference = ReportOutputs.Spec(html, "chart-difference-1");
        var a = Numbers(Trace(spec, 0).GetProperty("y"));
        var b = Numbers(Trace(spec, 1).GetProperty("y"));
        var d = Numbers(Trace(difference, 0).GetProperty("y"));
        for (int i = 0; i < d.Length; i++) Assert.That(d[i], Is.EqualTo(b[i] - a[i]).Within(1e-9 * Math.Max(1, Math.Abs(a[i]))));
    }

    [Test]
    public void Every_result_column_names_its_unit_and_none_is_internal()
    {
        string folder = ReportOutputs.Baseline;
        string[] bare = ["ClosingBalance", "OpeningBalance", "Revenue", "Spending", "Contributions", "Subsidies", "Pensions", "CurrentBalance", "MonthsOfPayment",
            "SystemDependencyRatio", "CostRate", "Population", "Retirees", "Contributors", "PeakBalance", "Tolerance", "BenefitRatio", "OldAgeDependencyRatio"];
        var csvs = Directory.GetFiles(folder, "*.csv");
        Assert.That(csvs, Has.Length.GreaterThanOrEqualTo(7));
        foreach (string csv in csvs)
        {
            var header = File.ReadLines(csv).First().Split(',');
            Assert.That(header.Intersect(bare), Is.Empty, $"{Path.GetFileName(csv)}: a column without its unit, or an internal column");
            // Rounded: no number printed with more decimals than its column allows (key measures keep full precision for verify).
            if (Path.GetFileName(csv) == "key_measures.csv") continue;
            foreach (var line in File.ReadLines(csv).Skip(1).Take(50))
            {
                foreach (var field in line.Split(','))
                {
                    int dot = field.IndexOf('.', StringComparison.Ordinal);
                    if (dot >= 0 && double.TryParse(field, NumberStyles.Float, C, out _)) Assert.That(field.Length - dot - 1, Is.LessThanOrEqualTo(5), $"{Path.GetFileName(csv)}: {field}");
                }
            }
        }
    }

    [Test]
    public void The_workbook_holds_the_same_tables_as_the_csv_files()
    {
        string folder = ReportOutputs.Baseline;
        using var workbook = SpreadsheetDocument.Open(Path.Combine(folder, "results.xlsx"), false);
        var part = workbook.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.That(sheets[0].Name!.Value, Is.EqualTo("About"));
        foreach (string name in new[] { "funds_by_year", "economy_by_year", "key_measures" })
        {
            var sheet = sheets.Single(s => s.Name!.Value == name);
            var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            var lines = File.ReadAllLines(Path.Combine(folder, name + ".csv"));
            var rows = data.Elements<Row>().ToList();
            Assert.That(rows, Has.Count.EqualTo(lines.Length), name);
            string Cell(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
            Assert.That(string.Join(',', rows[0].Elements<Cell>().Select(Cell)), Is.EqualTo(lines[0]), $"{name}: header");
            foreach (int r in new[] { 1, lines.Length / 2, lines.Length - 1 })
            {
                var cells = rows[r].Elements<Cell>().ToList();
                var fields = lines[r].Split(',');
                Assert.That(cells, Has.Count.EqualTo(fields.Length));
                for (int c = 0; c < fields.Length; c++)
                {
                    if (fields[c] == "true" || fields[c] == "false") continue;
                    Assert.That(Cell(cells[c]), Is.EqualTo(fields[c]), $"{name} row {r} column {c}");
                    if (double.TryParse(fields[c], NumberStyles.Float, C, out _) && cells[c].DataType?.Value != CellValues.InlineString)
                    {
                        Assert.That(cells[c].DataType?.Value, Is.EqualTo(CellValues.Number), "numbers are stored as numbers");
                    }
                }
            }
        }
    }

    [Test]
    public void The_workbook_is_the_same_bytes_for_the_same_tables()
    {
        var table = new ReportTable("t", "a table", [new("Year", "Year"), new("ValueBillionYuan", "Value", 3)], [[2025, 1.23456], [2026, null]]);
        string folder = Path.Combine(Path.GetTempPath(), "actuarial-xlsx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var a = File.ReadAllBytes(TableWriters.WriteWorkbook([table], Path.Combine(folder, "a.xlsx")));
            Thread.Sleep(2100); // zip times have a 2-second resolution
            var b = File.ReadAllBytes(TableWriters.WriteWorkbook([table], Path.Combine(folder, "b.xlsx")));
            Assert.That(b, Is.EqualTo(a));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_section_from_series_and_a_table_takes_a_few_lines()
    {
        // What a command adds (the lead's sweep and Monte Carlo sections): a chart from series data and a table.
        var table = new ReportTable("sweep", "Depletion year by employer rate",
            [new("EmployerRateShareOfWage", "Employer rate", 2), new("DepletionYear", "Year the national fund is depleted")],
            [[0.14, 2046], [0.16, 2048]]);
        var section = new ReportSection("sensitivity", "One lever at a time")
        {
            Charts = { ReportChart.HorizontalBars("chart-tornado", "Depletion year", "Depletion year", "Lever",
                new ReportSeries("low", [-2.0], [null]) { Categories = ["employer rate"], Base = [2048] },
                new ReportSeries("high", [3.0], [null]) { Categories = ["employer rate"], Base = [2048] }) },
            Tables = { table },
        };
        var document = new ReportDocument("Sensitivity", "Which lever moves depletion most?") { Sections = { section } };
        string html = HtmlReport.Render(document);
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e.ToString()!);
        var dom = parser.ParseDocument(html);
        Assert.That(errors, Is.Empty);
        Assert.That(dom.QuerySelectorAll("#table-sweep tbody tr"), Has.Length.EqualTo(2));
        var spec = JsonDocument.Parse(dom.GetElementById("chart-tornado-spec")!.TextContent).RootElement;
        Assert.That(spec.GetProperty("data")[1].GetProperty("base")[0].GetDouble(), Is.EqualTo(2048));
        Assert.That(table.Text(0, 0), Is.EqualTo("0.14"));
        Assert.Throws<ArgumentException>(() => HtmlReport.Render(document with { Sections = [section, section] }), "ids are unique in a page");
    }
}
