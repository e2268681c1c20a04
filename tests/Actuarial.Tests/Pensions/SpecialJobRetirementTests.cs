using Actuarial.Pensions;
using NUnit.Framework;

namespace Actuarial.Tests.Pensions;

/// <summary>
/// Early retirement in special jobs (<see cref="SpecialJobRetirement"/>): a share of each cohort of men and of women
/// workers retires at 55 and 45 (国发〔1978〕104号); the rest at the statutory age or by the elastic choices.
/// </summary>
[TestFixture]
public sealed class SpecialJobRetirementTests
{
    private static readonly RetirementAgeSchedule Reform = RetirementAgeSchedule.Reform2025;

    [Test]
    public void A_tenth_of_men_born_in_1975_retire_at_55_in_2030_and_the_rest_at_their_statutory_age()
    {
        var schedule = Reform with { SpecialJobs = new SpecialJobRetirement(0.1) };
        // Men born in 1975: 55 in 2030. Statutory age 60 + floor(k / 4) + 1 months, k = months since January 1965: 31 months
        // for births January–April 1975 (retiring August–November 2037), 32 from May (January 2038 on): 4 months of
        // births retire in 2037 and 8 in 2038.
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1975, 2030), Is.EqualTo(0.1).Within(1e-12));
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1975, 2037), Is.EqualTo(0.9 * 4 / 12).Within(1e-12));
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1975, 2038), Is.EqualTo(0.9 * 8 / 12).Within(1e-12));
    }

    [Test]
    public void Women_workers_retire_at_45_in_special_jobs_and_women_cadres_never_do()
    {
        var schedule = Reform with { SpecialJobs = new SpecialJobRetirement(0.2) };
        // Born 1990: women workers 45 in 2035 and statutory 55 in 2045; women cadres statutory 58 in 2048, none at 45.
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.WomenWorkers, 1990, 2035), Is.EqualTo(0.2).Within(1e-12));
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.WomenWorkers, 1990, 2045), Is.EqualTo(0.8).Within(1e-12));
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.WomenCadres, 1990, 2035), Is.Zero);
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.WomenCadres, 1990, 2048), Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void The_elastic_choices_apply_to_the_rest_of_the_cohort()
    {
        // Half of those not in special jobs retire 3 years early: 0.9 × 0.5 at 60 (not below the original age: born 1990,
        // statutory 63, early 60) and 0.9 × 0.5 at 63; 0.1 at 55.
        var schedule = Reform with
        {
            SpecialJobs = new SpecialJobRetirement(0.1),
            Elastic = new ElasticRetirement([new RetirementOption(-36, 0.5)]),
        };
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1990, 2045), Is.EqualTo(0.1).Within(1e-12));
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1990, 2050), Is.EqualTo(0.45).Within(1e-12));
        Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1990, 2053), Is.EqualTo(0.45).Within(1e-12));
    }

    [TestCase(RetirementCategory.Men)]
    [TestCase(RetirementCategory.WomenWorkers)]
    [TestCase(RetirementCategory.WomenCadres)]
    public void Every_member_of_a_cohort_retires_once(RetirementCategory category)
    {
        var schedule = Reform with { SpecialJobs = new SpecialJobRetirement(0.3) };
        for (int birth = 1960; birth <= 1995; birth += 5)
        {
            double total = Enumerable.Range(birth + 40, 30).Sum(year => schedule.ShareRetiringInYear(category, birth, year));
            Assert.That(total, Is.EqualTo(1).Within(1e-12), $"born {birth}");
        }
    }

    [Test]
    public void The_special_part_of_an_age_group_is_the_share_for_those_reaching_the_special_age()
    {
        var schedule = Reform with { SpecialJobs = new SpecialJobRetirement(0.25) };
        // On 1 November 2030 those aged 54 reach 55 in the next twelve months; those aged 55 did already.
        Assert.That(schedule.SpecialJobShareOfAgeRetiringInYear(RetirementCategory.Men, 2030, 54, referenceMonth: 11), Is.EqualTo(0.25).Within(1e-12));
        Assert.That(schedule.SpecialJobShareOfAgeRetiringInYear(RetirementCategory.Men, 2030, 55, referenceMonth: 11), Is.Zero);
        Assert.That(schedule.SpecialJobShareOfAgeRetiringInYear(RetirementCategory.WomenWorkers, 2030, 44, referenceMonth: 11), Is.EqualTo(0.25).Within(1e-12));
        Assert.That(Reform.SpecialJobShareOfAgeRetiringInYear(RetirementCategory.Men, 2030, 54, referenceMonth: 11), Is.Zero, "none by default");
    }

    [Test]
    public void A_share_outside_zero_to_one_is_refused()
    {
        Assert.That(() => new SpecialJobRetirement(1.5), Throws.InstanceOf<InputDataException>());
        Assert.That(() => new SpecialJobRetirement(-0.1), Throws.InstanceOf<InputDataException>());
    }
}
