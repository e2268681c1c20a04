using Actuarial.Dimensions;

namespace Actuarial.Residents;

/// <summary>
/// The provincial factors that tie the residents' scheme to the 2024 yearbook (NBS yearbook 2025 table 24-27), and the
/// amounts per head they imply. What is calibrated, to what and how:
/// <list type="number">
/// <item>People. The population the scheme can reach in a province is, by sex and age, everyone aged 16+ less the employee
/// scheme's members (contributors and pensioners) and less those in school: the residual. Contributor-status members
/// (participants − beneficiaries) are a share κ of the residual aged 16–59, beneficiaries a share β of the residual aged
/// 60+; κ and β are solved in 2024 and held (ASSUMPTION: the take-up of the reachable population stays at its 2024 level).
/// Where the yearbook counts more than the province's residual (members registered by hukou in a province they do not
/// live in), κ or β is 1 and a registration factor ρ = yearbook / residual scales the head count reported and paid
/// (as the employee scheme's registration factor does); the coverage states stay within the resident population.</item>
/// <item>Money, per head (yuan a year): the account pension a = 12 / 139 × the opening balance per participant
/// (ASSUMPTION: the average beneficiary's account equals the average participant's: the fund holds the accounts of both,
/// and no table splits it; accounts grow with age, and those who retired years ago had less time to save). It keeps the
/// account pensions below 12 / 139 of the fund a year whatever the mix of members; the foundation
/// pension f = expenditure / beneficiaries − a; the provincial top-up = f / 12 − the central minimum; the yearly credit
/// to an account c = (revenue − beneficiaries × f − interest) / contributor-status members, where interest = r × the
/// opening balance (the opening balance is the closing balance − revenue + expenditure, and r the fund return of the
/// year). So 2024 revenue, expenditure and balance are met by construction; the 2025 national figures test it.</item>
/// </list>
/// </summary>
/// <param name="Provinces">The provinces, in the grid's order.</param>
/// <param name="ContributorTakeUp">κ by province.</param>
/// <param name="BeneficiaryTakeUp">β by province.</param>
/// <param name="ContributorRegistration">ρ of contributor-status members by province (1 unless κ is capped).</param>
/// <param name="BeneficiaryRegistration">ρ of beneficiaries by province (1 unless β is capped).</param>
/// <param name="AccountPension2024YuanPerYear">a in 2024 by province.</param>
/// <param name="ProvincialTopUp2024YuanPerMonth">The provincial top-up of the foundation pension in 2024 by province (≥ 0: a table that implies less is refused).</param>
/// <param name="AccountCredit2024YuanPerYear">c in 2024 by province.</param>
/// <param name="OpeningBalance2024Yuan">The fund on 1 January 2024 by province.</param>
internal sealed record ResidentsCalibration(
    IReadOnlyList<Region> Provinces,
    IReadOnlyList<double> ContributorTakeUp,
    IReadOnlyList<double> BeneficiaryTakeUp,
    IReadOnlyList<double> ContributorRegistration,
    IReadOnlyList<double> BeneficiaryRegistration,
    IReadOnlyList<double> AccountPension2024YuanPerYear,
    IReadOnlyList<double> ProvincialTopUp2024YuanPerMonth,
    IReadOnlyList<double> AccountCredit2024YuanPerYear,
    IReadOnlyList<double> OpeningBalance2024Yuan);
