using Actuarial.China;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.IO;

/// <summary>
/// Issue 16: the data readers check what they read (complete age groups and provinces, no overlaps, columns that
/// agree with each other) and name the user's file, line and field; the embedded data pass the same checks.
/// </summary>
[TestFixture]
public sealed class DataValidationTests
{
    private string _temp = "";

    [SetUp]
    public void CreateTemp()
    {
        _temp = Path.Combine(Path.GetTempPath(), "actuarial-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void DeleteTemp() => Directory.Delete(_temp, recursive: true);

    private static string[] Embedded(string fileName)
    {
        using var reader = ChinaData.OpenEmbedded(fileName);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Test]
    public void The_embedded_tables_pass_the_checks()
    {
        Assert.That(ChinaData.CensusPopulationProvinceAge5(), Is.Not.Empty);
        Assert.That(PensionData.UrbanEmployeePensionProvince2024(), Is.Not.Empty);
        Assert.That(PensionData.Census2010ActivityByEducationSex(), Is.Not.Empty);
        Assert.That(PensionData.AverageWageNational(), Is.Not.Empty);
    }

    [Test]
    public void Census_population_with_a_missing_or_overlapping_age_group_or_missing_provinces_is_refused()
    {
        var lines = Embedded("census_population_province_age5.csv");
        var missingGroup = lines.Where((l, i) => i != 3).ToArray();
        var e = Assert.Throws<InputDataException>(() => ChinaData.ReadCensusPopulationProvinceAge5(Write("gap.csv", missingGroup)))!;
        Assert.That(e.Message, Does.Contain("gap.csv").And.Contain("missing"));

        // A group 5-9 rewritten as 3-9 overlaps 1-4.
        int five = Array.FindIndex(lines, l => l.StartsWith("2020,0,male,5,9,", StringComparison.Ordinal));
        var overlapping = (string[])lines.Clone();
        overlapping[five] = overlapping[five].Replace("2020,0,male,5,9,", "2020,0,male,3,9,", StringComparison.Ordinal);
        e = Assert.Throws<InputDataException>(() => ChinaData.ReadCensusPopulationProvinceAge5(Write("overlap.csv", overlapping)))!;
        Assert.That(e.Message, Does.Contain("overlap.csv").And.Contain("do not overlap"));

        var nationalOnly = lines.Where((l, i) => i == 0 || l.Split(',')[1] == "0").ToArray();
        e = Assert.Throws<InputDataException>(() => ChinaData.ReadCensusPopulationProvinceAge5(Write("national.csv", nationalOnly)))!;
        Assert.That(e.Message, Does.Contain("national.csv").And.Contain("31 provinces"));
    }

    [Test]
    public void Pension_participants_with_more_workers_than_participants_or_a_missing_province_are_refused()
    {
        var lines = Embedded("urban_employee_pension_province_2024.csv");
        var cells = lines[2].Split(',');
        cells[3] = (double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tooMany = (string[])lines.Clone();
        tooMany[2] = string.Join(',', cells);
        var workers = Write("workers.csv", tooMany);
        var e = Assert.Throws<InputDataException>(() => PensionData.ReadUrbanEmployeePensionProvince(workers))!;
        Assert.That((e.Source, e.Line, e.Field), Is.EqualTo((workers, (int?)3, "workers_10k")));
        Assert.That(e.Message, Does.Contain("at most participants_10k"));

        var missing = lines.Where((l, i) => i != 5).ToArray();
        e = Assert.Throws<InputDataException>(() => PensionData.ReadUrbanEmployeePensionProvince(Write("missing.csv", missing)))!;
        Assert.That(e.Message, Does.Contain("missing.csv").And.Contain("province(s) missing"));
    }

    [Test]
    public void A_wage_table_with_High_in_capitals_or_no_high_rows_is_refused_naming_the_users_file()
    {
        var lines = Embedded("average_wage_national.csv");
        var capital = lines.Select((l, i) => i > 0 ? l.Replace(",high", ",High", StringComparison.Ordinal) : l).ToArray();
        var path = Write("capital.csv", capital);
        var e = Assert.Throws<InputDataException>(() => PensionData.ReadAverageWageNational(path))!;
        Assert.That((e.Source, e.Field), Is.EqualTo((path, "trust")));
        Assert.That(e.Message, Does.Contain("'High'"));

        var lowOnly = PensionData.AverageWageNational().Select(r => r with { Trust = "low" }).ToList();
        e = Assert.Throws<InputDataException>(() => LabourCalibration.DefaultWageGrowth(lowOnly, 2024, 2100, source: "mine.csv"))!;
        Assert.That(e.Source, Is.EqualTo("mine.csv"));
        Assert.That(e.Message, Does.Contain("high"));
        Assert.Throws<InputDataException>(() => LabourCalibration.DefaultWageGrowth([], 2024, 2100, source: "mine.csv"));
    }

    [Test]
    public void Other_tables_with_a_missing_province_education_level_or_age_group_are_refused()
    {
        var education = Embedded("census2020_education_province_sex.csv");
        var noBeijing = education.Where(l => !l.StartsWith("11,", StringComparison.Ordinal)).ToArray();
        Assert.That(Assert.Throws<InputDataException>(() => ChinaData.ReadCensus2020EducationProvinceSex(Write("edu.csv", noBeijing)))!.Message,
            Does.Contain("edu.csv").And.Contain("11 Beijing"));
        var oneLevelLess = education.Where((l, i) => i != 1).ToArray();
        Assert.That(Assert.Throws<InputDataException>(() => ChinaData.ReadCensus2020EducationProvinceSex(Write("lvl.csv", oneLevelLess)))!.Field, Is.EqualTo("education"));

        var population = Embedded("wpp2019_population_age5.csv");
        var gap = population.Where((l, i) => i != 2).ToArray();
        Assert.That(Assert.Throws<InputDataException>(() => ChinaData.ReadWpp2019PopulationAge5(Write("pop.csv", gap)))!.Message,
            Does.Contain("pop.csv").And.Contain("missing"));

        var residents = Embedded("residents_pension_province_2024.csv");
        Assert.That(Assert.Throws<InputDataException>(() => PensionData.ReadResidentsPensionProvince(Write("res.csv", residents.Where((l, i) => i != 7))))!.Message,
            Does.Contain("res.csv").And.Contain("province(s) missing"));
    }

    [TestCase(-1.0)]
    [TestCase(0.0)]
    [TestCase(100.0)]
    [TestCase(double.NaN)]
    public void A_TFR_outside_its_range_is_refused_where_the_README_pattern_sets_it(double tfr)
    {
        var path = ChinaDefaults.Fertility().TotalFertilityRate;
        var e = Assert.Throws<InputDataException>(() => path.Map((year, v) => year >= 2030 ? tfr : v))!;
        Assert.That(e.Message, Does.Contain("[2030]").And.Contain("tfr"));
        Assert.That(e.ValidRange, Does.Contain($"{Levers.MinTotalFertilityRate}").And.Contain($"{ChinaDefaults.MaxTotalFertilityRate}"));
    }
}
