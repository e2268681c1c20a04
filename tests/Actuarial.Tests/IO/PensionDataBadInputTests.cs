using Actuarial.China;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.IO;

/// <summary>The <c>PensionData.Read…(path)</c> overloads reject bad files with an error naming file, line, field, value and range.</summary>
[TestFixture]
public sealed class PensionDataBadInputTests
{
    private const string UrbanHeader =
        "year,region_code,participants_10k,workers_10k,retirees_10k,revenue_100m_cny,expenditure_100m_cny,accumulated_balance_100m_cny";

    private string _path = "";

    [SetUp]
    public void CreatePath() => _path = Path.Combine(Path.GetTempPath(), $"actuarial-pension-{Guid.NewGuid():N}.csv");

    [TearDown]
    public void DeletePath() => File.Delete(_path);

    private InputDataException ReadUrban(string text)
    {
        File.WriteAllText(_path, text);
        return Assert.Throws<InputDataException>(() => PensionData.ReadUrbanEmployeePensionProvince(_path))!;
    }

    [Test]
    public void Good_file_reads()
    {
        // Every province must be present (issue 16): the other 30 come from the embedded table.
        string others;
        using (var embedded = ChinaData.OpenEmbedded("urban_employee_pension_province_2024.csv"))
        {
            others = string.Join("\n", embedded.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Where(l => l.Split(',')[1] is not ("0" or "11")));
        }
        File.WriteAllText(_path, UrbanHeader + "\n2024,11,1939.4,1587.6,351.8,4294.9,2521.7,10039.5\n2024,0,1,0.5,0.5,1,1,-2\n" + others + "\n");
        var rows = PensionData.ReadUrbanEmployeePensionProvince(_path);
        Assert.That(rows, Has.Count.EqualTo(32));
        Assert.That(rows[0], Is.EqualTo(new UrbanEmployeePensionProvinceRow(2024, 11, 1939.4, 1587.6, 351.8, 4294.9, 2521.7, 10039.5)));
        Assert.That(rows[1].AccumulatedBalanceHundredMillionYuan, Is.EqualTo(-2), "a deficit balance is allowed");
    }

    [Test]
    public void Wrong_header()
    {
        var e = ReadUrban(UrbanHeader.Replace("workers_10k", "workers", StringComparison.Ordinal) + "\n2024,11,1,1,1,1,1,1\n");
        Assert.That((e.Source, e.Line, e.Field), Is.EqualTo((_path, 1, "workers_10k")));
        Assert.That(e.Value, Does.Contain("workers"));
        Assert.That(e.ValidRange, Does.Contain(UrbanHeader));
        Assert.That(e.Message, Does.Contain(_path).And.Contain("line 1"));
    }

    [Test]
    public void Unparsable_cell()
    {
        var e = ReadUrban(UrbanHeader + "\n2024,11,1939.4,1587.6,351.8,4294.9,2521.7,10039.5\n2024,12,847.1,593.0,254.1,1 354.5,1350.4,483.5\n");
        Assert.That((e.Source, e.Line, e.Field, e.Value), Is.EqualTo((_path, 3, "revenue_100m_cny", "1 354.5")));
        Assert.That(e.ValidRange, Does.Contain("100 million yuan").And.Contain("[0, 10000000]"));
    }

    [Test]
    public void Negative_count()
    {
        var e = ReadUrban(UrbanHeader + "\n2024,11,1939.4,-1587.6,351.8,4294.9,2521.7,10039.5\n");
        Assert.That((e.Source, e.Line, e.Field, e.Value), Is.EqualTo((_path, 2, "workers_10k", "-1587.6")));
        Assert.That(e.ValidRange, Does.Contain("10,000s").And.Contain("[0, 200000]"));
    }

    [Test]
    public void Unknown_province_code()
    {
        var e = ReadUrban(UrbanHeader + "\n2024,-1,1,1,1,1,1,1\n2024,71,1,1,1,1,1,1\n");
        Assert.That((e.Source, e.Line, e.Field, e.Value), Is.EqualTo((_path, 2, "region_code", "-1")));
        Assert.That(e.ValidRange, Does.Contain("GB/T 2260"));

        e = ReadUrban(UrbanHeader + "\n2024,71,1,1,1,1,1,1\n");
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((2, "region_code", "71")));
    }

    [Test]
    public void Empty_cell_and_duplicate_region()
    {
        var e = ReadUrban(UrbanHeader + "\n2024,11,1,1,,1,1,1\n");
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((2, "retirees_10k", (string?)null)));

        e = ReadUrban(UrbanHeader + "\n2024,11,1,1,1,1,1,1\n2024,11,2,1,1,1,1,1\n");
        Assert.That((e.Line, e.Field), Is.EqualTo((3, "(year, region_code)")));
        Assert.That(e.ValidRange, Does.Contain("line 2"));
    }

    [Test]
    public void Residents_negative_beneficiaries()
    {
        File.WriteAllText(_path,
            "year,region_code,participants_10k,beneficiaries_10k,revenue_100m_cny,expenditure_100m_cny,accumulated_balance_100m_cny\n" +
            "2024,11,175.1,-66.3,125.6,119.0,194.7\n");
        var e = Assert.Throws<InputDataException>(() => PensionData.ReadResidentsPensionProvince(_path))!;
        Assert.That((e.Source, e.Line, e.Field, e.Value), Is.EqualTo((_path, 2, "beneficiaries_10k", "-66.3")));
    }

    [Test]
    public void Full_caliber_rejects_national_row_and_bad_optional_cell()
    {
        const string header = "year,region_code,full_caliber_cny_per_year,full_caliber_cny_per_month,contribution_base_floor_cny_per_month," +
                              "contribution_base_cap_cny_per_month,floor_cap_apply_to,value_origin,source_key,trust";
        File.WriteAllText(_path, header + "\n2024,0,,8000,,,,monthly stated,X,medium\n");
        var e = Assert.Throws<InputDataException>(() => PensionData.ReadAverageWageFullCaliberProvince(_path))!;
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((2, "region_code", "0")));

        File.WriteAllText(_path, header + "\n2024,32,,8254,n/a,24762,2025,monthly stated,FC-JS,medium\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadAverageWageFullCaliberProvince(_path))!;
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((2, "contribution_base_floor_cny_per_month", "n/a")));
        Assert.That(e.ValidRange, Does.Contain("or empty"));

        File.WriteAllText(_path, header + "\n2024,32,,8254,4952,24762,2025,monthly stated,FC-JS,medium\n");
        var row = PensionData.ReadAverageWageFullCaliberProvince(_path).Single();
        Assert.That((row.FullCaliberYuanPerYear, row.ContributionBaseFloorYuanPerMonth, row.FloorCapApplyTo), Is.EqualTo(((double?)null, (double?)4952.0, "2025")));
    }

    [Test]
    public void Tagged_figures_reject_unknown_tag_item_and_unit()
    {
        const string header = "year,scope,item,value,unit,qualifier,tag,source";
        File.WriteAllText(_path, header + "\n2024,all,revenue,74732.0,100m_cny,exact,X,yearbook\n");
        var e = Assert.Throws<InputDataException>(() => PensionData.ReadUrbanEmployeePensionNational(_path))!;
        Assert.That((e.Source, e.Line, e.Field, e.Value), Is.EqualTo((_path, 2, "tag", "X")));
        Assert.That(e.ValidRange, Is.EqualTo("one of S, S2, D, U"));

        File.WriteAllText(_path, header + "\n2024,all,workers,38713.2,100m_cny,exact,S2,yearbook\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadUrbanEmployeePensionNational(_path))!;
        Assert.That((e.Field, e.Value, e.ValidRange), Is.EqualTo(("unit", "100m_cny", "one of 10k_persons")));

        File.WriteAllText(_path, header + "\n2024,all,retirees,-1,10k_persons,exact,S2,yearbook\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadUrbanEmployeePensionNational(_path))!;
        Assert.That((e.Field, e.Value), Is.EqualTo(("value", "-1")));

        File.WriteAllText(_path, "year,region_code,item,value,unit,qualifier,tag,source\n2022,99,national_pooling_payment_budget,1,100m_cny,exact,S2,x\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadPensionPoolingFigures(_path))!;
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((2, "region_code", "99")));

        File.WriteAllText(_path, "year,item,value,unit,qualifier,tag,source\n2023,nssf_return,-0.5,percent,exact,S,x\n2023,nssf_total_assets,-1,100m_cny,exact,S,x\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadNssfReserve(_path))!;
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((3, "value", "-1")), "a negative return is fine; a negative amount is not");
    }

    [Test]
    public void Labour_and_census_formats()
    {
        File.WriteAllText(_path, "year,sex,age_start,age_end,indicator,value_percent,source_key,trust\n2024,total,15,,employment_to_population_ratio,61.9,K,medium\n");
        var e = Assert.Throws<InputDataException>(() => PensionData.ReadLabourForceRatesNational(_path))!;
        Assert.That((e.Line, e.Field, e.Value), Is.EqualTo((2, "sex", "total")));

        File.WriteAllText(_path, "year,sex,age_start,age_end,indicator,value_percent,source_key,trust\n2024,both,15,,employment_to_population_ratio,161.9,K,medium\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadLabourForceRatesNational(_path))!;
        Assert.That((e.Field, e.Value), Is.EqualTo(("value_percent", "161.9")));

        const string header = "sex,education,pop_16plus_sample_persons,economically_active_sample_persons,employed_sample_persons," +
                              "employed_at_work_sample_persons,employed_temporarily_absent_sample_persons,unemployed_sample_persons," +
                              "not_economically_active_sample_persons,derived";
        File.WriteAllText(_path, header + "\nmale,all,10,8,7,6,1,1,2,no\nmale,primary,10,8,7,6,1,-1,2,no\n");
        e = Assert.Throws<InputDataException>(() => PensionData.ReadCensus2010ActivityByEducationSex(_path))!;
        Assert.That((e.Source, e.Line, e.Field, e.Value), Is.EqualTo((_path, 3, "unemployed_sample_persons", "-1")));
    }
}
