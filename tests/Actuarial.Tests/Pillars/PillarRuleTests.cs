using System.Globalization;
using Actuarial.China;
using Actuarial.Pensions;
using Actuarial.Pillars;
using Actuarial.Scheme;
using Actuarial.Tests.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Pillars;

/// <summary>The funded pillars' rules by hand, each from its policy document.</summary>
[TestFixture]
public sealed class PillarRuleTests
{
    /// <summary>国办发〔2015〕18号: the employer 8% and the member 4% of the member's contribution base.</summary>
    [Test]
    public void Occupational_annuity_contribution_by_hand()
    {
        // A contribution base of 8,000 yuan a month: 640 from the employer, 320 from the member, 960 in all.
        double baseYuan = 8_000;
        Assert.That(baseYuan * PillarRules.OccupationalEmployerRate, Is.EqualTo(640).Within(1e-9));
        Assert.That(baseYuan * PillarRules.OccupationalMemberRate, Is.EqualTo(320).Within(1e-9));
        // 人社部令第36号: an enterprise annuity pays at most 8% from the employer, 12% in all: 640 and 960 on the same wage.
        Assert.That(baseYuan * PillarRules.EnterpriseEmployerRateCap, Is.EqualTo(640).Within(1e-9));
        Assert.That(baseYuan * PillarRules.EnterpriseCombinedRateCap, Is.EqualTo(960).Within(1e-9));
    }

    /// <summary>国办发〔2015〕18号 art. 9: the monthly annuity is the balance over the divisor of the retirement age, paid until the balance runs out.</summary>
    [Test]
    public void Annuity_by_hand()
    {
        // 139,000 yuan at 60 (139 months) = 1,000 yuan a month; at 55 (170 months) 817.65.
        int at60 = Actuarial.China.ChinaDefaults.Divisors().Months(60), at55 = Actuarial.China.ChinaDefaults.Divisors().Months(55);
        Assert.That(at60, Is.EqualTo(139));
        Assert.That(PillarRules.MonthlyAnnuity(139_000, at60), Is.EqualTo(1_000).Within(1e-9));
        Assert.That(PillarRules.MonthlyAnnuity(139_000, at55), Is.EqualTo(139_000.0 / 170).Within(1e-9));
        Assert.Throws<ArgumentOutOfRangeException>(() => PillarRules.MonthlyAnnuity(1, 0));
    }

    /// <summary>国办发〔2022〕7号 (12,000 yuan a year) and 财政部 税务总局公告2022年第34号 (deduction at contribution, 3% at withdrawal).</summary>
    [Test]
    public void Personal_pension_cap_and_tax_by_hand()
    {
        Assert.That(PillarRules.PersonalPensionContribution(6_000), Is.EqualTo(6_000));
        Assert.That(PillarRules.PersonalPensionContribution(15_000), Is.EqualTo(12_000));
        Assert.That(PillarRules.PersonalPensionContribution(-5), Is.EqualTo(0));
        // 12,000 yuan deducted at a marginal rate of 10% saves 1,200 yuan of tax; a 1,000-yuan withdrawal pays 30.
        Assert.That(PillarRules.TaxSaved(12_000, 0.10), Is.EqualTo(1_200).Within(1e-9));
        Assert.That(PillarRules.NetOfWithdrawalTax(1_000, PillarRules.PersonalPensionWithdrawalTaxRate), Is.EqualTo(970).Within(1e-9));
        // A year of a fund: 100 + 12 + 5 − 7 − 3 paid to heirs = 107.
        Assert.That(PillarRules.ClosingAssets(100, 12, 5, 7, 3), Is.EqualTo(107));
    }

    /// <summary>The enterprise annuity's 2024 contributions from its published stocks: closing − opening − returns + payouts.</summary>
    [Test]
    public void Enterprise_annuity_2024_contributions_from_the_roll_forward_by_hand()
    {
        // Returns: 4.77% × (31,900 + 36,421.88) / 2 = 4.77% × 34,160.94 = 1,629.476838 亿; payouts: 4 × 267 = 1,068 亿;
        // contributions: 36,421.88 − 31,900 − 1,629.476838 + 1,068 = 3,960.403162 亿;
        // per participant: 3,960.403162 亿 / ((3,144 + 3,241.84) / 2 = 3,192.92 万) = 12,403.7 yuan.
        Assert.That(PillarFigures2024.EnterpriseAnnuityReturns2024Yuan, Is.EqualTo(1_629.476838e8).Within(1));
        Assert.That(PillarFigures2024.EnterpriseAnnuityPayouts2024Yuan, Is.EqualTo(1_068e8));
        Assert.That(PillarFigures2024.EnterpriseAnnuityContributions2024Yuan, Is.EqualTo(3_960.403162e8).Within(1));
        Assert.That(PillarFigures2024.EnterpriseAnnuityContributionPerParticipant2024Yuan, Is.EqualTo(12_403.7).Within(0.05));
        Assert.That(PillarFigures2024.PersonalPensionContributors2024, Is.EqualTo(1_601.38e4).Within(1));
    }

    /// <summary>The constants in code are the figures of data/supplementary_pensions_2024.csv.</summary>
    [Test]
    public void Figures_in_code_are_the_data_file()
    {
        string path = Path.Combine(ScenarioFileTests.RepositoryRoot(), "data", "supplementary_pensions_2024.csv");
        var values = new Dictionary<string, double>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split(',');
            values[$"{f[0]} {f[1]} {f[2]}"] = double.Parse(f[3], CultureInfo.InvariantCulture);
        }
        Assert.That(values["2024 enterprise_annuity participants"] * 1e4, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityParticipants2024).Within(1e-3));
        Assert.That(values["2023 enterprise_annuity participants"] * 1e4, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityParticipants2023).Within(1e-3));
        Assert.That(values["2024 enterprise_annuity employers"], Is.EqualTo(PillarFigures2024.EnterpriseAnnuityEmployers2024));
        Assert.That(values["2024 enterprise_annuity accumulated_fund"] * 1e8, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityAssets2024Yuan).Within(1));
        Assert.That(values["2023 enterprise_annuity accumulated_fund"] * 1e8, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityAssets2023Yuan).Within(1));
        Assert.That(values["2024 enterprise_annuity weighted_return"] / 100, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityReturn2024).Within(1e-12));
        Assert.That(values["2023 enterprise_annuity recipients_q1"] * 1e4, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityRecipients2024).Within(1e-3));
        Assert.That(values["2024 enterprise_annuity payouts_q2"] * 1e8, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityPayoutsQ2Of2024Yuan).Within(1));
        Assert.That(values["2024 occupational_annuity invested_assets"] * 1e8, Is.EqualTo(PillarFigures2024.OccupationalAnnuityAssets2024Yuan).Within(1));
        Assert.That(values["2023 occupational_annuity invested_assets"] * 1e8, Is.EqualTo(PillarFigures2024.OccupationalAnnuityAssets2023Yuan).Within(1));
        Assert.That(values["2024 occupational_annuity mean_return_since_2019"] / 100, Is.EqualTo(PillarFigures2024.OccupationalAnnuityMeanReturnSince2019).Within(1e-12));
        Assert.That(values["2024 personal_pension accounts_november"] * 1e4, Is.EqualTo(PillarFigures2024.PersonalPensionAccounts2024).Within(1e-3));
        Assert.That(values["2024 personal_pension contributing_share_of_accounts"] / 100, Is.EqualTo(PillarFigures2024.PersonalPensionContributingShare2024).Within(1e-12));
        Assert.That(values["2024 personal_pension annual_contribution_cap"], Is.EqualTo(PillarRules.PersonalPensionAnnualCapYuan));
        Assert.That(values["2024 personal_pension withdrawal_tax_rate"] / 100, Is.EqualTo(PillarRules.PersonalPensionWithdrawalTaxRate).Within(1e-12));
    }

    /// <summary>
    /// Replacement rates by pillar for a worker at the average wage of 100,000 yuan a year every year, returns of 0, retiring
    /// at 60 in 2040 after 35 years (from 2005).
    /// </summary>
    [Test]
    public void Replacement_rates_by_pillar_by_hand()
    {
        var pillars = new PillarProjection(Actuarial.China.ChinaDefaults.Pillars(), new PillarCalibration(0.1, 0.1, 0.02, 139), 2024, 2100, []);
        var basic = new ReplacementRateRow("t", "male", "upper secondary", 1.0, 1980, 2040, 60.0, 35, 0, true, 1_000, 500, 0, 1_500, 0.18, 0.18);
        var row = PillarReplacementRates.Compute([basic], pillars, Actuarial.China.ChinaDefaults.SchemeRules(), _ => 100_000, _ => 0).Single();
        double monthlyWage = 100_000 / 12.0;
        Assert.That(row.BasicPartReplacementOfOwnWage, Is.EqualTo(1_000 / monthlyWage).Within(1e-12));
        Assert.That(row.AccountPartReplacementOfOwnWage, Is.EqualTo(500 / monthlyWage).Within(1e-12));
        // Enterprise annuity: 35 years × 12% × 100,000 = 420,000 over 139 months.
        Assert.That(row.EnterpriseAnnuityReplacementOfOwnWage, Is.EqualTo(420_000 / 139.0 / monthlyWage).Within(1e-12));
        // Occupational annuity: a quarter of 2014 and 25 years (2015–2039) × 12% × 100,000 = 303,000.
        Assert.That(row.OccupationalAnnuityReplacementOfOwnWage, Is.EqualTo(303_000 / 139.0 / monthlyWage).Within(1e-12));
        // Personal pension: 15 years (2025–2039) × 6,000 = 90,000, net of 3%.
        Assert.That(row.PersonalPensionReplacementOfOwnWage, Is.EqualTo(90_000 * 0.97 / 139.0 / monthlyWage).Within(1e-12));
        Assert.That(row.EnterpriseMemberTotalReplacementOfOwnWage,
            Is.EqualTo(row.BasicPartReplacementOfOwnWage + row.AccountPartReplacementOfOwnWage + row.EnterpriseAnnuityReplacementOfOwnWage + row.PersonalPensionReplacementOfOwnWage).Within(1e-12));
        Assert.That(row.PublicInstitutionMemberTotalReplacementOfOwnWage,
            Is.EqualTo(row.BasicPartReplacementOfOwnWage + row.AccountPartReplacementOfOwnWage + row.OccupationalAnnuityReplacementOfOwnWage + row.PersonalPensionReplacementOfOwnWage).Within(1e-12));
    }

    [Test]
    public void Bad_assumptions_are_refused_with_their_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = Actuarial.China.ChinaDefaults.Pillars() with { DeductionTaxRate = 0.6 });
        Assert.That(e!.ParamName, Is.EqualTo(nameof(PillarAssumptions.DeductionTaxRate)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = Actuarial.China.ChinaDefaults.Pillars() with { PersonalPensionContribution2024Yuan = 13_000 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = Actuarial.China.ChinaDefaults.Pillars() with { WithdrawalTaxRate = double.NaN });
    }
}
