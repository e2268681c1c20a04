using Actuarial.Pillars;

namespace Actuarial.China;

/// <summary>
/// China's published figures of the funded pillars, which the projection starts from (<see cref="BaseYearFigures"/>) and is
/// checked against (data/supplementary_pensions_2024.csv, sources in data/README.md). [S] official document, [S2] an official
/// figure quoted by a secondary source, [D] derived here.
/// </summary>
internal static class PillarFigures2024
{
    /// <summary>Enterprise-annuity participants end-2024, 3,241.84 万 [S2: MOHRSS 2024年度全国企业年金基金业务数据摘要, quoted by 华夏时报 2025-04-24].</summary>
    public const double EnterpriseAnnuityParticipants2024 = 3_241.84e4;

    /// <summary>Enterprise-annuity participants end-2023, 3,144 万 [S2: CASS 中国养老金发展报告2024, quoted by Caixin 2025-02-28].</summary>
    public const double EnterpriseAnnuityParticipants2023 = 3_144e4;

    /// <summary>Enterprises with an annuity end-2024, 159,287 [S2, as the participants].</summary>
    public const double EnterpriseAnnuityEmployers2024 = 159_287;

    /// <summary>Enterprise-annuity accumulated fund end-2024, 36,421.88 亿 yuan [S2, as the participants].</summary>
    public const double EnterpriseAnnuityAssets2024Yuan = 36_421.88e8;

    /// <summary>Enterprise-annuity accumulated fund end-2023, 3.19 万亿 yuan (rounded) [S2: CASS report, quoted by Caixin 2025-02-28].</summary>
    public const double EnterpriseAnnuityAssets2023Yuan = 3.19e12;

    /// <summary>Enterprise-annuity weighted return 2024, 4.77% [S2, as the participants].</summary>
    public const double EnterpriseAnnuityReturn2024 = 0.0477;

    /// <summary>Enterprise-annuity payouts in 2024's second quarter, 267 亿 yuan [S2: the 2024Q2 数据摘要 as read by a broker note].</summary>
    public const double EnterpriseAnnuityPayoutsQ2Of2024Yuan = 267e8;

    /// <summary>Occupational-annuity invested assets end-2024, 3.11 万亿 yuan [S2: 华夏时报 2025-04-24].</summary>
    public const double OccupationalAnnuityAssets2024Yuan = 3.11e12;

    /// <summary>Occupational-annuity invested assets end-2023, 2.56 万亿 yuan [S2: Financial Street Forum 2024 report].</summary>
    public const double OccupationalAnnuityAssets2023Yuan = 2.56e12;

    /// <summary>Occupational-annuity mean yearly return since market operation began in 2019, 4.42% [S2: 华夏时报 2025-04-24].</summary>
    public const double OccupationalAnnuityMeanReturnSince2019 = 0.0442;

    /// <summary>Personal-pension accounts in November 2024, 7,279 万 [S2: Caixin Weekly 2025-08-18; Xinhua 2024-12-12: more than 70 million].</summary>
    public const double PersonalPensionAccounts2024 = 7_279e4;

    /// <summary>Share of personal-pension accounts that had received contributions, 22% [S2: Caixin Weekly 2025-08-18].</summary>
    public const double PersonalPensionContributingShare2024 = 0.22;

    /// <summary>Personal-pension contributors 2024 = accounts × the contributing share = 1,601 万 [D].</summary>
    public const double PersonalPensionContributors2024 = PersonalPensionAccounts2024 * PersonalPensionContributingShare2024;

    /// <summary>
    /// Enterprise-annuity payouts 2024 = 4 × the second quarter's 267 亿 = 1,068 亿 yuan [D]: only the second quarter's
    /// figure was found; a year of four such quarters is the assumption (the 2023 first quarter paid 223 亿 [S2], so
    /// quarters differ by some percent).
    /// </summary>
    public const double EnterpriseAnnuityPayouts2024Yuan = 4 * EnterpriseAnnuityPayoutsQ2Of2024Yuan;

    /// <summary>
    /// Enterprise-annuity returns 2024 = the weighted return × the mean of the opening and closing fund [D]
    /// (the return is on the invested assets, which hold most of the fund).
    /// </summary>
    public const double EnterpriseAnnuityReturns2024Yuan = EnterpriseAnnuityReturn2024 * (EnterpriseAnnuityAssets2023Yuan + EnterpriseAnnuityAssets2024Yuan) / 2;

    /// <summary>
    /// Enterprise-annuity contributions 2024, from the fund's roll-forward [D]: closing − opening − returns + payouts
    /// (about 3,960 亿 yuan; the end-2023 fund is rounded to 0.01 万亿, so ±50 亿).
    /// </summary>
    public const double EnterpriseAnnuityContributions2024Yuan =
        EnterpriseAnnuityAssets2024Yuan - EnterpriseAnnuityAssets2023Yuan - EnterpriseAnnuityReturns2024Yuan + EnterpriseAnnuityPayouts2024Yuan;

    /// <summary>Enterprise-annuity contributions per participant 2024 (over the mean of end-2023 and end-2024 participants), yuan [D].</summary>
    public const double EnterpriseAnnuityContributionPerParticipant2024Yuan =
        EnterpriseAnnuityContributions2024Yuan / ((EnterpriseAnnuityParticipants2023 + EnterpriseAnnuityParticipants2024) / 2);

    /// <summary>Enterprise-annuity recipients in the first quarter of 2023, 215.85 万 [S2: MOHRSS 2023Q1 数据摘要, 羊城晚报 2023-06-08]: the head count of the annuities in payment at end-2024 (ASSUMPTION: held to end-2024).</summary>
    public const double EnterpriseAnnuityRecipients2024 = 215.85e4;

    /// <summary>
    /// The end-2024 state the pillars are projected from. The personal pension's assets are not published: ASSUMPTION, the
    /// 2024 contributors (1,601 万 [D]) × <paramref name="personalPensionContributionYuan"/> × 2 years of contributions
    /// (2023 and 2024, the pilot's full years).
    /// </summary>
    /// <param name="personalPensionContributionYuan">What a contributor pays in a year (China's assumption: 6,000 yuan, <see cref="PillarAssumptions.PersonalPensionContribution2024Yuan"/>).</param>
    public static PillarBaseYearFigures BaseYearFigures(double personalPensionContributionYuan) => new(
        Year: 2024,
        EnterpriseAnnuityParticipants: EnterpriseAnnuityParticipants2024,
        EnterpriseAnnuityContributionPerParticipantYuan: EnterpriseAnnuityContributionPerParticipant2024Yuan,
        EnterpriseAnnuityAssetsYuan: EnterpriseAnnuityAssets2024Yuan,
        EnterpriseAnnuityPayoutsYuan: EnterpriseAnnuityPayouts2024Yuan,
        EnterpriseAnnuityRecipients: EnterpriseAnnuityRecipients2024,
        OccupationalAnnuityAssetsYuan: OccupationalAnnuityAssets2024Yuan,
        PersonalPensionContributors: PersonalPensionContributors2024,
        PersonalPensionAssetsYuan: PersonalPensionContributors2024 * personalPensionContributionYuan * 2);
}
