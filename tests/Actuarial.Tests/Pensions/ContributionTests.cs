using Actuarial.China;
using Actuarial.IO;
using Actuarial.Pensions;
using NUnit.Framework;

namespace Actuarial.Tests.Pensions;

[TestFixture]
public sealed class ContributionRatesTests
{
    private static readonly ContributionRates China = ChinaDefaults.ContributionRates();

    [Test]
    public void Employer_rate_falls_from_20_to_16_percent_in_May_2019()
    {
        Assert.Multiple(() =>
        {
            Assert.That(China.EmployerMonthly(new YearMonth(2019, 4)), Is.EqualTo(0.20));
            Assert.That(China.EmployerMonthly(new YearMonth(2019, 5)), Is.EqualTo(0.16));
            Assert.That(China.EmployerMonthly(new YearMonth(2006, 1)), Is.EqualTo(0.20));
            Assert.That(China.EmployerMonthly(new YearMonth(2040, 12)), Is.EqualTo(0.16), "the last rule stays in force");
            // 2019: (4 × 20% + 8 × 16%) / 12 = (0.80 + 1.28) / 12 = 2.08 / 12 = 0.173333…
            Assert.That(China.EmployerAnnual(2019), Is.EqualTo(2.08 / 12).Within(1e-15));
            Assert.That(China.EmployerAnnual(2018), Is.EqualTo(0.20).Within(1e-15));
            Assert.That(China.EmployerAnnual(2020), Is.EqualTo(0.16).Within(1e-15));
        });
    }

    [Test]
    public void Employee_rate_to_the_individual_account_is_8_percent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(China.EmployeeMonthly(new YearMonth(2019, 5)), Is.EqualTo(0.08));
            Assert.That(China.EmployeeAnnual(2030), Is.EqualTo(0.08).Within(1e-15));
        });
    }

    [Test]
    public void Shanghai_has_its_own_employer_schedule_and_others_use_the_national_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(China.EmployerMonthly(new YearMonth(2015, 6), 31), Is.EqualTo(0.21));
            // 2016 in Shanghai: (4 × 21% + 8 × 20%) / 12 = (0.84 + 1.60) / 12 = 2.44 / 12
            Assert.That(China.EmployerAnnual(2016, 31), Is.EqualTo(2.44 / 12).Within(1e-15));
            Assert.That(China.EmployerAnnual(2020, 31), Is.EqualTo(0.16).Within(1e-15));
            Assert.That(China.EmployerAnnual(2016, 44), Is.EqualTo(0.20).Within(1e-15), "Guangdong: national rule");
            Assert.That(China.EmployerAnnual(2016), Is.EqualTo(0.20).Within(1e-15));
        });
    }

    [Test]
    public void Relief_waives_a_share_of_employer_contributions_in_its_year_only()
    {
        var rates = China with { Relief = new ContributionRelief(new Dictionary<int, double> { [2020] = 0.5 }) };
        Assert.Multiple(() =>
        {
            Assert.That(rates.EmployerAnnualAfterRelief(2020), Is.EqualTo(0.08).Within(1e-15)); // 16% × (1 − 0.5)
            Assert.That(rates.EmployerAnnualAfterRelief(2021), Is.EqualTo(0.16).Within(1e-15));
            Assert.That(rates.EmployerAnnual(2020), Is.EqualTo(0.16).Within(1e-15), "the statutory rate is unchanged");
            Assert.That(China.EmployerAnnualAfterRelief(2020), Is.EqualTo(0.16).Within(1e-15), "no relief by default");
        });
    }

    [Test]
    public void A_rate_above_100_percent_is_rejected_with_field_value_and_range()
    {
        var ex = Assert.Throws<InputDataException>(() =>
            _ = new RateSchedule("employer rate", [new RateStep(new YearMonth(2006, 1), 0.2), new RateStep(new YearMonth(2030, 1), 1.05)]))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Source, Is.EqualTo("employer rate"));
            Assert.That(ex.Field, Does.Contain("2030-01"));
            Assert.That(ex.Value, Is.EqualTo("1.05"));
            Assert.That(ex.ValidRange, Does.Contain("[0, 1]"));
        });
        Assert.Throws<InputDataException>(() => RateSchedule.Constant("employee rate", new YearMonth(2006, 1), -0.01));
        Assert.Throws<InputDataException>(() => RateSchedule.Constant("employee rate", new YearMonth(2006, 1), double.NaN));
    }

    [Test]
    public void Bad_schedules_reliefs_and_provinces_are_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<InputDataException>(() => _ = new RateSchedule("r", []));
            Assert.Throws<InputDataException>(() =>
                _ = new RateSchedule("r", [new RateStep(new YearMonth(2019, 5), 0.16), new RateStep(new YearMonth(2019, 5), 0.2)]), "repeated month");
            Assert.Throws<InputDataException>(() => _ = new ContributionRelief(new Dictionary<int, double> { [2020] = 1.5 }));
            Assert.Throws<InputDataException>(() => _ = China with
            {
                ProvincialEmployerRates = new Dictionary<int, RateSchedule> { [99] = RateSchedule.Constant("x", new YearMonth(2006, 1), 0.16) },
            });
            Assert.Throws<ArgumentOutOfRangeException>(() => China.EmployerMonthly(new YearMonth(2005, 12)), "before the schedule");
            Assert.Throws<InputDataException>(() => _ = new YearMonth(2019, 13));
            Assert.Throws<ArgumentOutOfRangeException>(() => China.EmployerAnnual(2020, 99), "a province code that does not exist is not silently national");
        });
    }
}

[TestFixture]
public sealed class ContributionBaseTests
{
    private static readonly ContributionBase Rule = ChinaDefaults.ContributionBase();

    [Test]
    public void Base_is_the_wage_held_between_60_and_300_percent_of_the_average()
    {
        const double average = 8000;
        Assert.Multiple(() =>
        {
            Assert.That(Rule.Base(3000, average), Is.EqualTo(4800), "floor 0.6 × 8000");
            Assert.That(Rule.Base(4800, average), Is.EqualTo(4800));
            Assert.That(Rule.Base(10_000, average), Is.EqualTo(10_000));
            Assert.That(Rule.Base(24_000, average), Is.EqualTo(24_000));
            Assert.That(Rule.Base(30_000, average), Is.EqualTo(24_000), "cap 3 × 8000");
            Assert.That(Rule.Base(0, average), Is.EqualTo(4800));
            Assert.That(Rule.Index(30_000, average), Is.EqualTo(3.0));
            Assert.That(Rule.Index(3000, average), Is.EqualTo(0.6).Within(1e-15));
        });
    }

    [Test]
    public void Span_version_matches_the_scalar_one_and_can_work_in_place()
    {
        double[] wages = [0, 3000, 4800, 10_000, 30_000];
        var bases = new double[wages.Length];
        Rule.Bases(wages, 8000, bases);
        Assert.That(bases, Is.EqualTo(new double[] { 4800, 4800, 4800, 10_000, 24_000 }));
        Rule.Bases(wages, 8000, wages);
        Assert.That(wages, Is.EqualTo(bases));
        Assert.Throws<ArgumentException>(() => Rule.Bases(new double[2], 8000, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rule.Bases(new double[] { 1, -1 }, 8000, new double[2]));
    }

    [Test]
    public void Other_bounds_and_bad_inputs()
    {
        var wider = new ContributionBase(0.4, 5);
        Assert.Multiple(() =>
        {
            Assert.That(wider.Base(1000, 5000), Is.EqualTo(2000));
            Assert.That(wider.Base(30_000, 5000), Is.EqualTo(25_000));
            Assert.Throws<Actuarial.InputDataException>(() => _ = new ContributionBase(3.5, 3), "floor above cap");
            Assert.Throws<Actuarial.InputDataException>(() => _ = Rule with { CapShare = 0.5 });
            Assert.Throws<Actuarial.InputDataException>(() => _ = Rule with { FloorShare = -0.1 });
            Assert.Throws<ArgumentOutOfRangeException>(() => Rule.Base(-1, 8000));
            Assert.Throws<ArgumentOutOfRangeException>(() => Rule.Base(1000, 0));
        });
    }
}
