using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Residents;
using NUnit.Framework;

namespace Actuarial.Tests.Residents;

/// <summary>The residents' scheme's rules by hand.</summary>
[TestFixture]
public sealed class ResidentsRuleTests
{
    [Test]
    public void Central_minimum_by_hand()
    {
        var rule = ChinaDefaults.FoundationPension();
        // 123 yuan in 2024, +20 in 2025; then the real value held: 143 × 1.02 = 145.86, × 1.03 = 150.2358.
        Func<int, double> prices = year => year == 2026 ? 0.02 : 0.03;
        Assert.That(rule.CentralMinimum(2024, prices), Is.EqualTo(123));
        Assert.That(rule.CentralMinimum(2025, prices), Is.EqualTo(143));
        Assert.That(rule.CentralMinimum(2026, prices), Is.EqualTo(145.86).Within(1e-9));
        Assert.That(rule.CentralMinimum(2027, prices), Is.EqualTo(150.2358).Within(1e-9));
        // A lever path (2025 prices) from 2026 replaces the rule from its first year, made nominal: 200 × 1.02 = 204 in
        // 2026, 200 × 1.02 × 1.03 = 210.12 in 2027; its last value holds (in real terms).
        var raised = rule with { CentralMinimumPath = AnnualPath.Constant("minimum", 2026, 2027, 200) };
        Assert.That(raised.CentralMinimum(2025, prices), Is.EqualTo(143));
        Assert.That(raised.CentralMinimum(2026, prices), Is.EqualTo(204).Within(1e-9));
        Assert.That(raised.CentralMinimum(2028, prices), Is.EqualTo(200 * 1.02 * 1.03 * 1.03).Within(1e-9));
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.CentralMinimum(2023, prices));
        // Minimum + a top-up of 90 yuan = 213 yuan a month.
        Assert.That(FoundationPension.Monthly(123, 90), Is.EqualTo(213));
    }

    [Test]
    public void Matching_subsidy_by_hand()
    {
        Assert.That(ContributionGrades.MatchingSubsidy(0), Is.EqualTo(0));
        Assert.That(ContributionGrades.MatchingSubsidy(100), Is.EqualTo(30));
        Assert.That(ContributionGrades.MatchingSubsidy(499), Is.EqualTo(30));
        Assert.That(ContributionGrades.MatchingSubsidy(500), Is.EqualTo(60));
        Assert.That(ContributionGrades.MatchingSubsidy(2000), Is.EqualTo(60));
        // A total of 330 = 300 + 30; 1,060 = 1,000 + 60; 545 lies in the step: 500 + 45.
        Assert.That(ContributionGrades.SplitTotal(330), Is.EqualTo((300.0, 30.0)));
        Assert.That(ContributionGrades.SplitTotal(1060), Is.EqualTo((1000.0, 60.0)));
        Assert.That(ContributionGrades.SplitTotal(545), Is.EqualTo((500.0, 45.0)));
        Assert.That(ContributionGrades.SplitTotal(20), Is.EqualTo((0.0, 20.0)));
        Assert.That(ContributionGrades.GradesYuanPerYear, Has.Count.EqualTo(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContributionGrades.SplitTotal(-1));
    }

    [Test]
    public void Account_pension_and_cost_split_by_hand()
    {
        // 13,900 yuan at 60 / 139 = 100 yuan a month.
        Assert.That(ResidentsAccountPension.Monthly(13_900), Is.EqualTo(100).Within(1e-12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidentsAccountPension.Monthly(-1));
        // Beijing (east): the centre pays half the minimum; Sichuan (west): all of it.
        // 1 million beneficiaries × 12 × 123 = 1.476 bn; half = 0.738 bn.
        Assert.That(CostSharing.CentralCost(Regions.FromCode(11), 1e6, 123), Is.EqualTo(0.738e9).Within(1e-3));
        Assert.That(CostSharing.CentralCost(Regions.FromCode(51), 1e6, 123), Is.EqualTo(1.476e9).Within(1e-3));
        Assert.That(Regions.Provinces.Count(CostSharing.IsEastern), Is.EqualTo(11));
    }
}
