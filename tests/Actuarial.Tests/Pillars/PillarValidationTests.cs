using Actuarial.China;
using Actuarial.Pillars;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Tests.Pillars;

/// <summary>
/// The funded pillars' rules and the model's 2024 employee scheme against the published 2023 and 2024 figures
/// (data/supplementary_pensions_2024.csv).
/// </summary>
[TestFixture]
[Category("Validation")]
public sealed class PillarValidationTests
{
    private static readonly Lazy<PensionProjection> Baseline = ChinaBaseline.Projection;

    /// <summary>
    /// The occupational annuity's 2024 growth from the rule: the public-institution workers of the documented split of the
    /// model's 2024 contributors × 12% (国办发〔2015〕18号) × the model's 2024 average covered wage, plus returns at the
    /// published mean return (4.42%) on the mean of the end-2023 and end-2024 assets, against the published rise from
    /// 2.56 to 3.11 万亿. Tolerance 15%: the assets are rounded to 0.01 万亿 (±2% of the rise), payouts are not published
    /// (they lower the rise), the members' own contribution base is not published (public-institution wages are above the
    /// average covered wage), and 4.42% is the mean since 2019, not 2024's return.
    /// </summary>
    [Test]
    public void Occupational_annuity_2024_growth_within_15_percent()
    {
        var scheme = Baseline.Value.Scheme.Summary().Single(r => r.RegionCode == 0 && r.Year == 2024);
        double members = PublicInstitutionSplit.WorkerShare * scheme.Contributors;
        double contributions = members * (PillarRules.OccupationalEmployerRate + PillarRules.OccupationalMemberRate) * scheme.AverageWageYuan;
        double returns = PillarFigures2024.OccupationalAnnuityMeanReturnSince2019
            * (PillarFigures2024.OccupationalAnnuityAssets2023Yuan + PillarFigures2024.OccupationalAnnuityAssets2024Yuan) / 2;
        double published = PillarFigures2024.OccupationalAnnuityAssets2024Yuan - PillarFigures2024.OccupationalAnnuityAssets2023Yuan;
        double error = (contributions + returns) / published - 1;
        TestContext.Out.WriteLine($"members {members / 1e4:F0} 万, contributions {contributions / 1e8:F0} 亿, returns {returns / 1e8:F0} 亿, model rise {(contributions + returns) / 1e8:F0} 亿, published {published / 1e8:F0} 亿, error {error:+0.0%;-0.0%}");
        Assert.That(Math.Abs(error), Is.LessThan(0.15));
    }

    /// <summary>
    /// The enterprise annuity's 2024 contributions per participant, derived from its published stocks, return and payouts
    /// (closing − opening − returns + payouts over the mean participants), are possible under 《企业年金办法》 (人社部令第36号):
    /// positive, and at most 12% of a wage of three times the model's 2024 average covered wage (the basic pension's
    /// contribution ceiling, taken as the most a typical member earns). A misread stock, return or payout of a few
    /// thousand 亿 would put it outside. Tolerance: the range; the end-2023 stock's rounding moves the figure by ±1.3%.
    /// </summary>
    [Test]
    public void Enterprise_annuity_2024_contributions_per_participant_are_within_the_legal_range()
    {
        var scheme = Baseline.Value.Scheme.Summary().Single(r => r.RegionCode == 0 && r.Year == 2024);
        double perParticipant = PillarFigures2024.EnterpriseAnnuityContributionPerParticipant2024Yuan;
        double shareOfAverage = perParticipant / scheme.AverageWageYuan;
        TestContext.Out.WriteLine($"contributions per participant {perParticipant:F0} yuan = {shareOfAverage:P1} of the model's 2024 average covered wage {scheme.AverageWageYuan:F0}");
        Assert.That(shareOfAverage, Is.GreaterThan(0).And.LessThanOrEqualTo(PillarRules.EnterpriseCombinedRateCap * 3));
        Assert.That(Baseline.Value.Pillars.Calibration.EnterpriseAnnuityContributionShareOfWage, Is.EqualTo(shareOfAverage).Within(1e-12));
    }

    /// <summary>
    /// The personal pension's 2025 contributors are the 2024 share (22% of 72.79 million accounts) of the model's eligible:
    /// within 5% of the 2024 count, as the eligible change by a few percent a year.
    /// </summary>
    [Test]
    public void Personal_pension_2025_contributors_within_5_percent_of_2024()
    {
        double contributors = Baseline.Value.Pillars.Row(SupplementaryPillar.PersonalPension, 2025).Members;
        double error = contributors / PillarFigures2024.PersonalPensionContributors2024 - 1;
        TestContext.Out.WriteLine($"2025 contributors {contributors / 1e4:F0} 万 against 2024's {PillarFigures2024.PersonalPensionContributors2024 / 1e4:F0} 万: {error:+0.0%;-0.0%}");
        Assert.That(Math.Abs(error), Is.LessThan(0.05));
    }
}
