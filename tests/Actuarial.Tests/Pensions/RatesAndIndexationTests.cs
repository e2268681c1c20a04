using Actuarial.China;
using Actuarial.Demography;
using Actuarial.IO;
using Actuarial.Pensions;
using NUnit.Framework;

namespace Actuarial.Tests.Pensions;

[TestFixture]
public sealed class AccountCreditingRatesTests
{
    private static readonly AccountCreditingRates China = ChinaDefaults.CreditingRates();

    // Rules reference §1.5.
    [TestCase(2016, 0.0831)]
    [TestCase(2017, 0.0712)]
    [TestCase(2018, 0.0829)]
    [TestCase(2019, 0.0761)]
    [TestCase(2020, 0.0604)]
    [TestCase(2021, 0.0669)]
    [TestCase(2022, 0.0612)]
    [TestCase(2023, 0.0397)]
    [TestCase(2024, 0.0262)]
    public void Published_rates(int year, double rate) => Assert.That(China.Rate(year), Is.EqualTo(rate));

    [Test]
    public void Years_outside_the_table_follow_the_assumptions_and_the_future_rule()
    {
        var wageLinked = China with { FutureRule = new ShareOfWageGrowth(0.8) };
        Assert.Multiple(() =>
        {
            Assert.That(China.Rate(2010), Is.EqualTo(0.025), "pre-2016 assumption");
            // Default after 2024: prices plus the share of real wage growth estimated on 2016–2024 (≈ 0.73).
            double share = ChinaDefaults.CreditingShareOfRealWageGrowth();
            Assert.That(share, Is.InRange(0.70, 0.76), "estimated on the published 2016–2024 rates");
            Assert.That(China.Rate(2060, 0.05, 0.02), Is.EqualTo(1.02 * (1 + share * (1.05 / 1.02 - 1)) - 1).Within(1e-15));
            Assert.Throws<ArgumentException>(() => China.Rate(2025), "the default rule needs wage and price growth");
            Assert.That(wageLinked.Rate(2030, 0.05, 0.02), Is.EqualTo(0.04).Within(1e-15));
            Assert.That(wageLinked.Rate(2024, 0.05, 0.02), Is.EqualTo(0.0262), "published years are not overridden");
            Assert.Throws<ArgumentException>(() => wageLinked.Rate(2030), "a wage-linked rule needs wage growth");
            Assert.Throws<InputDataException>(() => _ = China with { RateBeforePublished = 1.2 });
            Assert.Throws<InputDataException>(() => _ = China with { Published = new AnnualPath("r", 2016, [0.05, 1.5]) });
        });
    }
}

[TestFixture]
public sealed class IndexationTests
{
    private static readonly Indexation China = ChinaDefaults.Indexation();

    // Rules reference §1.6.
    [TestCase(2016, 0.065)]
    [TestCase(2017, 0.055)]
    [TestCase(2018, 0.05)]
    [TestCase(2019, 0.05)]
    [TestCase(2020, 0.05)]
    [TestCase(2021, 0.045)]
    [TestCase(2022, 0.04)]
    [TestCase(2023, 0.038)]
    [TestCase(2024, 0.03)]
    [TestCase(2025, 0.02)]
    public void Published_increases(int year, double increase) => Assert.That(China.Increase(year), Is.EqualTo(increase));

    [Test]
    public void Scenario_rules_after_2025()
    {
        Assert.Multiple(() =>
        {
            // Default after 2025: prices plus the share of real wage growth estimated on 2016–2025 (≈ 0.48).
            double share = ChinaDefaults.IndexationShareOfRealWageGrowth();
            Assert.That(share, Is.InRange(0.45, 0.51), "estimated on the published 2016–2025 increases");
            Assert.That(China.Increase(2026, 0.05, 0.02), Is.EqualTo(1.02 * (1 + share * (1.05 / 1.02 - 1)) - 1).Within(1e-15));
            Assert.That((China with { FutureRule = new ShareOfWageGrowth(0.6) }).Increase(2030, 0.05, 0.02), Is.EqualTo(0.03).Within(1e-15));
            Assert.That((China with { FutureRule = new ShareOfPriceGrowth(1.0) }).Increase(2030, 0.05, 0.02), Is.EqualTo(0.02).Within(1e-15));
            Assert.That((China with { FutureRule = new FixedRate(0.025) }).Increase(2030), Is.EqualTo(0.025));
            Assert.Throws<ArgumentOutOfRangeException>(() => China.Increase(2015), "before the published years");
            Assert.Throws<ArgumentException>(() => (China with { FutureRule = new ShareOfPriceGrowth(0.5) }).Increase(2030));
        });
    }

    [Test]
    public void Rule_parameters_out_of_range_are_rejected()
    {
        var ex = Assert.Throws<InputDataException>(() => _ = new ShareOfWageGrowth(1.5))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Field, Is.EqualTo("Share"));
            Assert.That(ex.Value, Is.EqualTo("1.5"));
            Assert.Throws<InputDataException>(() => _ = new ShareOfPriceGrowth(-0.1));
            Assert.Throws<InputDataException>(() => _ = new FixedRate(0.25));
            Assert.Throws<InputDataException>(() => _ = new FixedRate(double.NaN));
            Assert.Throws<InputDataException>(() => _ = new ShareOfWageGrowth(0.6) with { Share = 2 });
        });
    }
}

[TestFixture]
public sealed class SchemeRulesTests
{
    [Test]
    public void China_defaults_bundle_the_pieces_and_with_overrides_one()
    {
        var defaults = ChinaDefaults.SchemeRules();
        var later = defaults with
        {
            RetirementAges = defaults.RetirementAges with { Men = defaults.RetirementAges.Men with { TargetAgeMonths = 65 * 12 } },
        };
        Assert.Multiple(() =>
        {
            Assert.That(defaults.RetirementAges.StatutoryAgeMonths(RetirementCategory.Men, 1990, 1), Is.EqualTo(756));
            Assert.That(later.RetirementAges.StatutoryAgeMonths(RetirementCategory.Men, 1990, 1), Is.EqualTo(780));
            Assert.That(later.Contributions, Is.SameAs(defaults.Contributions));
            Assert.That(later.Divisors, Is.SameAs(defaults.Divisors));
            Assert.That(defaults.ContributionBase.CapShare, Is.EqualTo(3.0));
            Assert.That(defaults.MinimumContributionYears.ForRetirementYear(2039), Is.EqualTo(20));
            Assert.That(defaults.Divisors.Months(60), Is.EqualTo(139));
            Assert.Throws<ArgumentNullException>(() => _ = defaults with { Indexation = null! });
        });
    }
}
