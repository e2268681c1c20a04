using Actuarial.China;
using Actuarial.IO;
using FsCheck;
using NUnit.Framework;

namespace Actuarial.Tests.IO;

/// <summary>Bad input is rejected with an <see cref="InputDataException"/> naming file, line, field, value and range.</summary>
[TestFixture]
public sealed class TidyCsvReaderTests
{
    private const string MxHeader = "period_start,period_end,sex,age_start,age_end,mx";

    private static InputDataException ParseMx(string text) =>
        Assert.Throws<InputDataException>(() => ChinaData.Wpp2024MxTable.Parse("bad_mx.csv", new StringReader(text)))!;

    private static void AssertError(InputDataException error, int? line, string field, string? value, string rangeFragment)
    {
        Assert.That(error.Source, Is.EqualTo("bad_mx.csv").Or.EqualTo("bad.csv"));
        Assert.That(error.Line, Is.EqualTo(line));
        Assert.That(error.Field, Is.EqualTo(field));
        Assert.That(error.Value, Is.EqualTo(value));
        Assert.That(error.ValidRange, Does.Contain(rangeFragment));
        Assert.That(error.Message, Does.Contain(error.Source).And.Contain(field).And.Contain(rangeFragment));
        if (line is { } l) Assert.That(error.Message, Does.Contain($"line {l}"));
    }

    /// <summary>The rows of one period and sex covering every age group (0, 1–4, 5–9, …, 95–99, 100+) at one rate, with
    /// <paramref name="special"/> in place of the rate of the group starting at <paramref name="specialAge"/>.</summary>
    private static string CompletePeriod(string sex, int specialAge, string special)
    {
        var lines = new List<string>();
        int[] starts = [0, 1, .. Enumerable.Range(1, 19).Select(i => 5 * i), 100];
        foreach (int start in starts)
        {
            string end = start == 0 ? "0" : start == 1 ? "4" : start == 100 ? "" : (start + 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"1950,1955,{sex},{start},{end},{(start == specialAge ? special : "0.01")}");
        }
        return string.Join("\n", lines) + "\n";
    }

    [Test]
    public void Good_input_parses()
    {
        var rows = ChinaData.Wpp2024MxTable.Parse("ok.csv", new StringReader(
            MxHeader + "\n" + CompletePeriod("male", 0, "0.139529") + CompletePeriod("both", 100, "0.999999") + CompletePeriod("female", 1, "2.1e-2")));
        Assert.That(rows, Has.Count.EqualTo(3 * 22));
        Assert.That(rows, Does.Contain(new MxAbridgedRow(1950, 1955, SexOrBoth.Male, new AgeGroup(0, 0), 0.139529)));
        Assert.That(rows, Does.Contain(new MxAbridgedRow(1950, 1955, SexOrBoth.Both, new AgeGroup(100, null), 0.999999)));
        Assert.That(rows, Does.Contain(new MxAbridgedRow(1950, 1955, SexOrBoth.Female, new AgeGroup(1, 4), 0.021)));
    }

    [Test]
    public void A_period_with_a_missing_age_group_is_refused()
    {
        string complete = CompletePeriod("male", 0, "0.1");
        string withoutFiveToNine = string.Join("\n", complete.Split('\n').Where(l => !l.Contains(",5,9,", StringComparison.Ordinal)));
        var error = ParseMx(MxHeader + "\n" + withoutFiveToNine);
        Assert.That(error.Field, Is.EqualTo("age_start"));
        Assert.That(error.Value, Does.Contain("period 1950").And.Contain("Male"));
        Assert.That(error.ValidRange, Does.Contain("a group starting at 5 is missing"));
    }

    [Test]
    public void Wrong_header_names_the_missing_column_and_the_expected_header()
    {
        var error = ParseMx("period_start,period_end,sex,age_start,age_end,qx\n1950,1955,male,0,0,0.1\n");
        AssertError(error, 1, "mx", "period_start,period_end,sex,age_start,age_end,qx", MxHeader);
    }

    [Test]
    public void Unexpected_column_is_named()
    {
        var error = ParseMx(MxHeader + ",note\n1950,1955,male,0,0,0.1,x\n");
        AssertError(error, 1, "note", MxHeader + ",note", "'note' is not expected");
    }

    [Test]
    public void Columns_out_of_order_are_rejected()
    {
        var error = ParseMx("period_end,period_start,sex,age_start,age_end,mx\n1955,1950,male,0,0,0.1\n");
        AssertError(error, 1, "period_start", "period_end,period_start,sex,age_start,age_end,mx", MxHeader);
    }

    [Test]
    public void Empty_input_has_no_header()
    {
        var error = ParseMx("");
        AssertError(error, 1, "(header)", null, MxHeader);
    }

    [Test]
    public void Unparsable_cell_is_reported()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,0.1\n1950,1955,male,1,4,abc\n");
        AssertError(error, 3, "mx", "abc", "a central death rate in [0, 10]");
    }

    [TestCase("0,1")]
    [TestCase(" 0.1")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("1,000")]
    public void Numbers_must_be_invariant_and_plain(string cell)
    {
        var text = MxHeader + "\n1950,1955,male,0,0," + cell + "\n";
        var error = Assert.Throws<InputDataException>(() => ChinaData.Wpp2024MxTable.Parse("bad_mx.csv", new StringReader(text)))!;
        Assert.That(error.Line, Is.EqualTo(2));
        Assert.That(error.Field, Is.EqualTo("mx").Or.EqualTo("(field 7)"));
    }

    [Test]
    public void Empty_required_cell_is_reported_as_missing()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,\n");
        AssertError(error, 2, "mx", null, "a central death rate in [0, 10]");
    }

    [Test]
    public void Negative_rate_is_out_of_range()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,0.1\n1950,1955,male,1,4,0.01\n1950,1955,male,5,9,-0.001\n");
        AssertError(error, 4, "mx", "-0.001", "a central death rate in [0, 10]");
    }

    [Test]
    public void Age_outside_zero_to_hundred_is_out_of_range()
    {
        var error = Assert.Throws<InputDataException>(() => ChinaData.Wpp2024NetMigrationByAgeTable.Parse("bad.csv",
            new StringReader("year,sex,age,net_migrants_thousands\n2030,male,100,0.5\n2030,male,101,0.5\n")))!;
        AssertError(error, 3, "age", "101", "an integer in [0, 100]");
    }

    [Test]
    public void Age_group_start_out_of_range()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,-5,0,0.1\n");
        AssertError(error, 2, "age_start", "-5", "an integer in [0, 100]");
    }

    [Test]
    public void Open_end_is_only_allowed_for_hundred_plus()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,95,,0.6\n");
        AssertError(error, 2, "age_end", null, "empty only when age_start is 100");
    }

    [Test]
    public void Age_end_before_start_is_rejected()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,10,4,0.001\n");
        AssertError(error, 2, "age_end", "4", "an integer in [10, 99]");
    }

    [Test]
    public void Hundred_plus_must_have_empty_end()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,100,104,0.6\n");
        AssertError(error, 2, "age_end", "104", "open interval 100+");
    }

    [Test]
    public void Period_end_must_follow_start()
    {
        var error = ParseMx(MxHeader + "\n1955,1950,male,0,0,0.1\n");
        AssertError(error, 2, "period_end", "1950", "an integer in [1956, 1965]");
    }

    [Test]
    public void Unknown_sex_label_is_rejected()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,M,0,0,0.1\n");
        AssertError(error, 2, "sex", "M", "one of male, female, both");
    }

    [Test]
    public void Unknown_region_code_is_rejected()
    {
        var error = Assert.Throws<InputDataException>(() => ChinaData.CensusEducationTable.Parse("bad.csv",
            new StringReader("region_code,sex,education,population\n16,male,primary,1\n")))!;
        AssertError(error, 2, "region_code", "16", "GB/T 2260");
    }

    [Test]
    public void Population_must_be_a_whole_number()
    {
        var error = Assert.Throws<InputDataException>(() => ChinaData.CensusEducationTable.Parse("bad.csv",
            new StringReader("region_code,sex,education,population\n11,male,primary,1.5\n")))!;
        AssertError(error, 2, "population", "1.5", "a whole number in [0, 2000000000]");
    }

    [Test]
    public void Unknown_education_label_is_rejected()
    {
        var error = Assert.Throws<InputDataException>(() => ChinaData.Wic2018PopulationEducationTable.Parse("bad.csv",
            new StringReader("year,age_start,age_end,sex,education,pop_thousands\n2015,30,34,female,Bachelor,1\n")))!;
        AssertError(error, 2, "education", "Bachelor", "under_15, no_education");
    }

    [Test]
    public void Short_record_names_the_first_missing_field()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0\n");
        AssertError(error, 2, "age_end", null, "6 fields per line");
    }

    [Test]
    public void Long_record_is_rejected()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,0.1,9\n");
        AssertError(error, 2, "(field 7)", "9", "6 fields per line");
    }

    [Test]
    public void Line_numbers_count_blank_lines()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,0.1\n\n1950,1955,male,1,4,x\n");
        AssertError(error, 4, "mx", "x", "a central death rate");
    }

    [TestCase("1950,1955,ma\"le,0,0,0.1")]
    [TestCase("1950,1955,\"male\"x,0,0,0.1")]
    [TestCase("1950,1955,\"male,0,0,0.1")]
    public void Malformed_quoting_is_rejected_with_its_line(string record)
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,0.1\n" + record + "\n");
        Assert.That((error.Source, error.Line, error.Field), Is.EqualTo(("bad_mx.csv", (int?)3, "(record)")));
        Assert.That(error.ValidRange, Does.Contain("well-formed CSV"));
    }

    [Test]
    public void Duplicate_key_is_rejected_with_both_lines()
    {
        var error = ParseMx(MxHeader + "\n1950,1955,male,0,0,0.1\n1950,1955,female,0,0,0.1\n1950,1955,male,0,0,0.2\n");
        AssertError(error, 4, "(period_start, sex, age_start)", "(1950, Male, 0)", "already on line 2");
    }

    [Test]
    public void Windows_line_ends_and_bom_are_accepted()
    {
        var rows = ChinaData.Wpp2024SrbTable.Parse("crlf.csv", new StringReader("\uFEFFyear,srb_males_per_female\r\n2030,1.07\r\n"));
        Assert.That(rows, Is.EqualTo(new[] { new YearSrbRow(2030, 1.07) }));
    }

    [FsCheck.NUnit.Property]
    public bool Any_finite_rate_in_range_round_trips(NormalFloat value)
    {
        double mx = Math.Abs(value.Get) % 10;
        var text = MxHeader + "\n" + CompletePeriod("male", 0, mx.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        var rows = ChinaData.Wpp2024MxTable.Parse("prop.csv", new StringReader(text));
        return rows.Count == 22 && rows.Single(r => r.AgeGroup.Start == 0).Mx.Equals(mx);
    }

    [FsCheck.NUnit.Property]
    public bool Ages_outside_the_axis_are_always_rejected(int age)
    {
        var text = "year,sex,age,net_migrants_thousands\n2030,female," + age.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",1\n";
        try
        {
            var rows = ChinaData.Wpp2024NetMigrationByAgeTable.Parse("prop.csv", new StringReader(text));
            return age is >= 0 and <= 100 && rows[0].Age == age;
        }
        catch (InputDataException e)
        {
            return age is < 0 or > 100 && e.Field == "age" && e.Line == 2;
        }
    }
}
