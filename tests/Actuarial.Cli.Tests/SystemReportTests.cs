using System.Globalization;
using System.Text.Json;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>The report's whole-system charts are the run's system_by_year.csv, within the CSV's rounding.</summary>
[TestFixture]
public sealed class SystemReportTests
{
    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Test]
    public void The_whole_system_charts_are_the_system_table()
    {
        string folder = ReportOutputs.Baseline;
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, "system_by_year.csv"));
        double[] Column(string name) => rows.Select(r => double.Parse(r[Array.IndexOf(header, name)], CultureInfo.InvariantCulture)).ToArray();
        var spec = ReportOutputs.Spec(File.ReadAllText(Path.Combine(folder, "report.html")), "chart-system-gdp").GetProperty("data");
        Assert.That(Numbers(spec[0].GetProperty("x")), Is.EqualTo(Column("Year")));
        // The CSV keeps 3 decimals of a percentage: the chart's full value is within half of the last one.
        Assert.That(Numbers(spec[0].GetProperty("y")), Is.EqualTo(Column("PublicPensionSpendingPercentGdp")).Within(5e-4));
        Assert.That(Numbers(spec[1].GetProperty("y")), Is.EqualTo(Column("BudgetCostPercentGdp")).Within(5e-4));
        Assert.That(Numbers(spec[2].GetProperty("y")), Is.EqualTo(Column("EmployeeSubsidiesPercentGdp")).Within(5e-4));
        var gap = ReportOutputs.Spec(File.ReadAllText(Path.Combine(folder, "report.html")), "chart-system-gap").GetProperty("data");
        Assert.That(Numbers(gap[0].GetProperty("y")), Is.EqualTo(Column("EmployeeToResidentsPensionRatio")).Within(5e-3), "the ratio to 2 decimals");
    }
}
