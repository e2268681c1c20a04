using System.Globalization;
using System.Text.Json;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>The report's funded-pillar charts are the run's pillars_by_year.csv (over system_by_year.csv's GDP) and replacement_rates_by_pillar.csv.</summary>
[TestFixture]
public sealed class PillarReportTests
{
    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Test]
    public void The_pillar_charts_are_the_pillar_tables()
    {
        string folder = ReportOutputs.Baseline;
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var (systemHeader, systemRows) = ReportOutputs.Csv(Path.Combine(folder, "system_by_year.csv"));
        var gdp = systemRows.ToDictionary(r => r[Array.IndexOf(systemHeader, "Year")], r => double.Parse(r[Array.IndexOf(systemHeader, "NominalGdpBillionYuan")], CultureInfo.InvariantCulture));
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, "pillars_by_year.csv"));
        var assets = ReportOutputs.Spec(html, "chart-pillars-assets").GetProperty("data");
        string[] pillars = ["enterprise_annuity", "occupational_annuity", "personal_pension"];
        for (int i = 0; i < pillars.Length; i++)
        {
            var mine = rows.Where(r => r[Array.IndexOf(header, "Pillar")] == pillars[i] && gdp.ContainsKey(r[Array.IndexOf(header, "Year")])).ToArray();
            double[] expected = mine.Select(r => 100 * double.Parse(r[Array.IndexOf(header, "ClosingAssetsBillionYuan")], CultureInfo.InvariantCulture) / gdp[r[Array.IndexOf(header, "Year")]]).ToArray();
            // Both CSV columns are rounded to a million yuan: the personal pension's smallest assets (about 300 billion) to a relative 2e-6.
            Assert.That(Numbers(assets[i].GetProperty("y")), Is.EqualTo(expected).Within(1e-3).Percent, pillars[i]);
        }
        var (rrHeader, rrRows) = ReportOutputs.Csv(Path.Combine(folder, "replacement_rates_by_pillar.csv"));
        // The profile names hold commas (quoted in the CSV): read every other column from the row's end.
        double Value(string[] row, string column) =>
            double.Parse(row[row.Length - (rrHeader.Length - Array.IndexOf(rrHeader, column))], CultureInfo.InvariantCulture);
        var man = rrRows.Where(r => r[0].TrimStart('"').StartsWith("man", StringComparison.Ordinal) && r[1].Trim() == "upper secondary" && r[2].Trim() == "average wage").ToArray();
        Assert.That(man, Is.Not.Empty);
        var replacement = ReportOutputs.Spec(html, "chart-pillars-replacement").GetProperty("data");
        Assert.That(Numbers(replacement[0].GetProperty("x")), Is.EqualTo(man.Select(r => Value(r, "RetirementYear"))));
        string[] columns = ["BasicPartReplacementOfOwnWageRatio", "AccountPartReplacementOfOwnWageRatio", "EnterpriseAnnuityReplacementOfOwnWageRatio",
            "OccupationalAnnuityReplacementOfOwnWageRatio", "PersonalPensionReplacementOfOwnWageRatio"];
        for (int i = 0; i < columns.Length; i++)
        {
            // The CSV keeps 4 decimals.
            Assert.That(Numbers(replacement[i].GetProperty("y")), Is.EqualTo(man.Select(r => Value(r, columns[i]))).Within(5e-5), columns[i]);
        }
    }
}
