using Actuarial.China;
using Actuarial.IO;
using Actuarial.Pensions;
using NUnit.Framework;

namespace Actuarial.Tests.Pensions;

[TestFixture]
public sealed class MinimumContributionYearsTests
{
    // Rules reference §2.3: 15 to 2029, +6 months a year from 2030, 20 from 2039.
    [TestCase(2000, 15.0)]
    [TestCase(2025, 15.0)]
    [TestCase(2029, 15.0)]
    [TestCase(2030, 15.5)]
    [TestCase(2031, 16.0)]
    [TestCase(2032, 16.5)]
    [TestCase(2033, 17.0)]
    [TestCase(2034, 17.5)]
    [TestCase(2035, 18.0)]
    [TestCase(2036, 18.5)]
    [TestCase(2037, 19.0)]
    [TestCase(2038, 19.5)]
    [TestCase(2039, 20.0)]
    [TestCase(2040, 20.0)]
    [TestCase(2100, 20.0)]
    public void The_whole_table(int retirementYear, double years)
    {
        var rule = ChinaDefaults.MinimumContributionYears();
        Assert.Multiple(() =>
        {
            Assert.That(rule.ForRetirementYear(retirementYear), Is.EqualTo(years));
            Assert.That(rule.MonthsForRetirementYear(retirementYear), Is.EqualTo((int)(12 * years)));
        });
    }

    [Test]
    public void Eligibility_and_levers()
    {
        var rule = ChinaDefaults.MinimumContributionYears();
        var slower = rule with { IncreasePerYear = 0.25 };
        Assert.Multiple(() =>
        {
            Assert.That(rule.IsEligible(15, 2029), Is.True);
            Assert.That(rule.IsEligible(15, 2030), Is.False);
            Assert.That(rule.IsEligible(15.5, 2030), Is.True);
            Assert.That(rule.IsEligible(19.9, 2045), Is.False);
            Assert.That(slower.ForRetirementYear(2030), Is.EqualTo(15.25));
            Assert.That(slower.ForRetirementYear(2049), Is.EqualTo(20.0));
            Assert.That(slower.ForRetirementYear(2048), Is.EqualTo(19.75));
            Assert.Throws<InputDataException>(() => _ = rule with { FinalYears = 14 });
            Assert.Throws<InputDataException>(() => _ = rule with { IncreasePerYear = 0 });
            Assert.Throws<InputDataException>(() => _ = rule with { InitialYears = -1 });
        });
    }
}

[TestFixture]
public sealed class IndividualAccountDivisorTests
{
    // 国发〔2005〕38号 附件, ages 40–70 (rules reference §1.4).
    [TestCase(40, 233)] [TestCase(41, 230)] [TestCase(42, 226)] [TestCase(43, 223)] [TestCase(44, 220)]
    [TestCase(45, 216)] [TestCase(46, 212)] [TestCase(47, 208)] [TestCase(48, 204)] [TestCase(49, 199)]
    [TestCase(50, 195)] [TestCase(51, 190)] [TestCase(52, 185)] [TestCase(53, 180)] [TestCase(54, 175)]
    [TestCase(55, 170)] [TestCase(56, 164)] [TestCase(57, 158)] [TestCase(58, 152)] [TestCase(59, 145)]
    [TestCase(60, 139)] [TestCase(61, 132)] [TestCase(62, 125)] [TestCase(63, 117)] [TestCase(64, 109)]
    [TestCase(65, 101)] [TestCase(66, 93)] [TestCase(67, 84)] [TestCase(68, 75)] [TestCase(69, 65)]
    [TestCase(70, 56)]
    public void Divisor_table_is_exact(int age, int months)
    {
        Assert.That(ChinaDefaults.Divisors().Months(age), Is.EqualTo(months));
    }

    [Test]
    public void Table_covers_40_to_70_and_nothing_else()
    {
        var table = ChinaDefaults.Divisors();
        Assert.Multiple(() =>
        {
            Assert.That(table.FirstAge, Is.EqualTo(40));
            Assert.That(table.LastAge, Is.EqualTo(70));
            Assert.That(IndividualAccountDivisor.Guofa2005No38Months, Has.Count.EqualTo(31));
            Assert.Throws<ArgumentOutOfRangeException>(() => table.Months(39));
            Assert.Throws<ArgumentOutOfRangeException>(() => table.Months(71));
            Assert.Throws<ArgumentOutOfRangeException>(() => table.ForAgeInMonths(71 * 12));
        });
    }

    [Test]
    public void Month_granular_ages_read_completed_years_or_interpolate()
    {
        var table = ChinaDefaults.Divisors();
        var linear = table with { AgeRule = DivisorAgeRule.LinearInMonths };
        Assert.Multiple(() =>
        {
            Assert.That(table.ForAgeInMonths(60 * 12 + 7), Is.EqualTo(139), "60 years 7 months: completed age 60");
            Assert.That(table.ForAgeInMonths(63 * 12), Is.EqualTo(117));
            // 139 + (132 − 139) × 7/12 = 139 − 49/12 = 134.91666…
            Assert.That(linear.ForAgeInMonths(60 * 12 + 7), Is.EqualTo(139 - 49.0 / 12).Within(1e-12));
            Assert.That(linear.ForAgeInMonths(70 * 12), Is.EqualTo(56));
        });
    }

    [Test]
    public void A_table_with_a_gap_a_repeat_or_an_age_out_of_range_is_rejected()
    {
        var rows = IndividualAccountDivisor.Guofa2005No38Months.Select((m, i) => (Age: 40 + i, Months: m)).ToList();
        var gap = rows.Where(r => r.Age != 55).ToList();
        var ex = Assert.Throws<InputDataException>(() => _ = new IndividualAccountDivisor(gap))!;
        Assert.That(ex.Value, Is.EqualTo("56"));
        Assert.That(ex.ValidRange, Does.Contain("55"));
        Assert.Multiple(() =>
        {
            Assert.Throws<InputDataException>(() => _ = new IndividualAccountDivisor(rows.Append((60, 139))), "repeat");
            Assert.Throws<InputDataException>(() => _ = new IndividualAccountDivisor([(10, 300), (11, 290)]), "age out of range");
            Assert.Throws<InputDataException>(() => _ = new IndividualAccountDivisor([(60, 139), (61, 0)]), "zero divisor");
            Assert.Throws<InputDataException>(() => _ = new IndividualAccountDivisor([(60, 139), (61, 140)]), "divisor rising with age");
            Assert.Throws<InputDataException>(() => _ = new IndividualAccountDivisor([]));
            // In any order, rows that cover consecutive ages are fine.
            Assert.That(new IndividualAccountDivisor(Enumerable.Reverse(rows)).Months(47), Is.EqualTo(208));
        });
    }
}
