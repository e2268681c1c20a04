using System.Globalization;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// The baseline run reports the split of the employee scheme into its enterprise and public-institution parts:
/// public_institution_by_year.csv is the library's table (rounded), and the report's section and chart are that file.
/// </summary>
[TestFixture]
public sealed class PublicInstitutionReportTests
{
    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Test]
    public void The_baselines_public_institution_split_is_written_and_shown()
    {
        string folder = ReportOutputs.Baseline;
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, "public_institution_by_year.csv"));
        int Column(string name)
        {
            int i = Array.IndexOf(header, name);
            Assert.That(i, Is.GreaterThanOrEqualTo(0), name);
            return i;
        }
        var library = PensionProjectorCache.Baseline.PublicInstitutionTable();
        Assert.That(rows, Has.Count.EqualTo(library.Count));
        var national = rows.Where(r => r[Column("RegionCode")] == "0").ToList();
        var libraryNational = library.Where(r => r.RegionCode == 0).ToList();
        Assert.That(national.Select(r => int.Parse(r[Column("Year")], CultureInfo.InvariantCulture)), Is.EqualTo(libraryNational.Select(r => r.Year)));
        for (int i = 0; i < national.Count; i++)
        {
            var (csv, row) = (national[i], libraryNational[i]);
            // Persons are whole, money in billion yuan to 3 decimals, pensions a month to 1 decimal.
            Assert.That(Number(csv[Column("PublicInstitutionWorkersPersons")]), Is.EqualTo(row.PublicInstitutionWorkers).Within(0.5));
            Assert.That(Number(csv[Column("EnterpriseRetireesPersons")]), Is.EqualTo(row.EnterpriseRetirees).Within(0.5));
            Assert.That(Number(csv[Column("PublicInstitutionSpendingBillionYuan")]), Is.EqualTo(row.PublicInstitutionSpendingYuan / 1e9).Within(5e-4));
            Assert.That(Number(csv[Column("EnterpriseContributionsBillionYuan")]), Is.EqualTo(row.EnterpriseContributionsYuan / 1e9).Within(5e-4));
            Assert.That(Number(csv[Column("PublicInstitutionAveragePensionYuanPerMonth")]), Is.EqualTo(row.PublicInstitutionAveragePensionYuanPerMonth).Within(0.05));
        }
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.That(html, Does.Contain("id=\"public-institutions\""));
        var first = national[0];
        string sentence = $"{first[Column("Year")]}: {(Number(first[Column("PublicInstitutionWorkersPersons")]) / 1e6).ToString("F1", CultureInfo.InvariantCulture)} million public-institution workers";
        Assert.That(html, Does.Contain(sentence));
        var chart = ReportOutputs.Spec(html, "chart-public-institutions").GetProperty("data");
        var years = chart[1].GetProperty("x").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var byYear = national.ToDictionary(r => int.Parse(r[Column("Year")], CultureInfo.InvariantCulture));
        Assert.That(years, Is.Not.Empty);
        // The chart is in trillion yuan, the CSV in billion rounded to a million yuan.
        Assert.That(chart[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            Is.EqualTo(years.Select(y => Number(byYear[y][Column("PublicInstitutionContributionsLessSpendingBillionYuan")]) / 1e3)).Within(1e-6));
    }
}
