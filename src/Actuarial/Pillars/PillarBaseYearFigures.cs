namespace Actuarial.Pillars;

/// <summary>
/// The funded pillars at the end of the base year, which <see cref="PillarProjector"/> starts from and calibrates its shares
/// to (China's: the end-2024 figures, <c>PillarFigures2024.BaseYearFigures</c> in Actuarial.China).
/// </summary>
/// <param name="Year">The base year; the employee scheme's projection must start in it.</param>
/// <param name="EnterpriseAnnuityParticipants">Enterprise-annuity participants at the year's end, persons.</param>
/// <param name="EnterpriseAnnuityContributionPerParticipantYuan">Enterprise-annuity contributions per participant in the year, yuan.</param>
/// <param name="EnterpriseAnnuityAssetsYuan">Enterprise-annuity accumulated fund at the year's end, yuan.</param>
/// <param name="EnterpriseAnnuityPayoutsYuan">Enterprise-annuity payouts in the year, yuan: the annuities in payment at the year's end.</param>
/// <param name="EnterpriseAnnuityRecipients">Head count of the enterprise annuities in payment at the year's end.</param>
/// <param name="OccupationalAnnuityAssetsYuan">Occupational-annuity assets at the year's end, yuan.</param>
/// <param name="PersonalPensionContributors">Personal-pension contributors in the year, persons.</param>
/// <param name="PersonalPensionAssetsYuan">Personal-pension assets at the year's end, yuan.</param>
internal sealed record PillarBaseYearFigures(
    int Year,
    double EnterpriseAnnuityParticipants,
    double EnterpriseAnnuityContributionPerParticipantYuan,
    double EnterpriseAnnuityAssetsYuan,
    double EnterpriseAnnuityPayoutsYuan,
    double EnterpriseAnnuityRecipients,
    double OccupationalAnnuityAssetsYuan,
    double PersonalPensionContributors,
    double PersonalPensionAssetsYuan);
