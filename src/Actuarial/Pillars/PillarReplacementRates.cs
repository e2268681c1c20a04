using Actuarial.Pensions;
using Actuarial.Scheme;

namespace Actuarial.Pillars;

/// <summary>
/// Replacement rates of the typical workers by pillar: the basic pension's two parts (<see cref="ReplacementRates"/>)
/// and what each funded pillar adds for the same career, over the own wage of the year before retirement.
/// </summary>
/// <remarks>
/// A typical worker in a pillar pays its contribution on the own wage every career year since the pillar began and takes
/// the balance as an annuity over the divisor of the retirement age (<see cref="PillarRules.MonthlyAnnuity"/>):
/// enterprise annuity from 2004 (《企业年金试行办法》, 劳动和社会保障部令第20号, from 1 May 2004) at the legal cap of 12% of
/// the own wage (<see cref="PillarRules.EnterpriseCombinedRateCap"/>; ASSUMPTION: a member at the cap. The 2024 contributions
/// per participant are 12.8% of the average covered wage [D], so members earn more than average or pay near the cap);
/// occupational annuity from October 2014 at 8% + 4% of the contribution base (a quarter of 2014); personal pension from
/// 2025, the year after the nationwide start, at the projection's contribution per contributor scaled by the wage level,
/// up to the cap, net of the withdrawal tax. An enterprise worker may hold an enterprise annuity; a public-institution
/// member holds the occupational annuity (ASSUMPTION: the same basic pension formula and career for both; the transitional
/// arrangements of public-institution members are not modelled). Balances earn the basic funds' nominal return of each
/// year plus the premium.
/// </remarks>
internal static class PillarReplacementRates
{
    /// <summary>First year of enterprise-annuity contributions (2004).</summary>
    public const int EnterpriseAnnuityFirstYear = 2004;

    /// <summary>First year of occupational-annuity contributions (from 1 October 2014: a quarter of the year).</summary>
    public const int OccupationalAnnuityFirstYear = 2014;

    /// <summary>First year a typical worker pays into a personal pension (nationwide from 15 December 2024).</summary>
    public const int PersonalPensionFirstYear = 2025;

    /// <summary>The rows, one per row of the basic pension's replacement rates.</summary>
    /// <param name="basic">Replacement rates of the basic pension (<see cref="ReplacementRates"/>).</param>
    /// <param name="pillars">The pillars' projection (calibration and assumptions).</param>
    /// <param name="rules">Scheme rules (contribution base, divisors).</param>
    /// <param name="averageWage">The national average covered wage by year, yuan a year.</param>
    /// <param name="nominalReturn">The basic funds' nominal return by year.</param>
    public static IReadOnlyList<PillarReplacementRateRow> Compute(IReadOnlyList<ReplacementRateRow> basic, PillarProjection pillars, SchemeRules rules,
        Func<int, double> averageWage, Func<int, double> nominalReturn)
    {
        ArgumentNullException.ThrowIfNull(basic);
        ArgumentNullException.ThrowIfNull(pillars);
        ArgumentNullException.ThrowIfNull(rules);
        var a = pillars.Assumptions;
        double wage2024 = averageWage(pillars.BaseYear);
        var rows = new List<PillarReplacementRateRow>(basic.Count);
        foreach (var r in basic)
        {
            int first = r.RetirementYear - (int)Math.Round(r.ContributionYears);
            double enterprise = 0, occupational = 0, personal = 0;
            for (int year = first; year < r.RetirementYear; year++)
            {
                double w = averageWage(year), own = r.WageLevel * w;
                double growth = 1 + nominalReturn(year) + a.ReturnPremium;
                double contributionBase = rules.ContributionBase.Base(own, w);
                double enterprisePaid = year >= EnterpriseAnnuityFirstYear ? PillarRules.EnterpriseCombinedRateCap * own : 0;
                double occupationalShare = year > OccupationalAnnuityFirstYear ? 1 : year == OccupationalAnnuityFirstYear ? 0.25 : 0;
                double occupationalPaid = occupationalShare * (PillarRules.OccupationalEmployerRate + PillarRules.OccupationalMemberRate) * contributionBase;
                double personalPaid = year >= PersonalPensionFirstYear
                    ? PillarRules.PersonalPensionContribution(a.PersonalPensionContribution2024Yuan * r.WageLevel * w / wage2024) : 0;
                // Contributions at the year's end, as in the pillars' projection: the year's return is on the opening balance.
                enterprise = enterprise * growth + enterprisePaid;
                occupational = occupational * growth + occupationalPaid;
                personal = personal * growth + personalPaid;
            }
            int age = Math.Clamp((int)Math.Floor(r.RetirementAgeYears), rules.Divisors.FirstAge, rules.Divisors.LastAge);
            int months = rules.Divisors.Months(age);
            double ownMonthly = r.WageLevel * averageWage(r.RetirementYear - 1) / 12;
            double Rate(double monthly) => monthly / ownMonthly;
            double basicPart = Rate(r.BasicPensionYuanPerMonth + r.TransitionalPensionYuanPerMonth), accountPart = Rate(r.AccountPensionYuanPerMonth);
            double ea = Rate(PillarRules.MonthlyAnnuity(enterprise, months)), oa = Rate(PillarRules.MonthlyAnnuity(occupational, months));
            double pp = Rate(PillarRules.NetOfWithdrawalTax(PillarRules.MonthlyAnnuity(personal, months), a.WithdrawalTaxRate));
            rows.Add(new PillarReplacementRateRow(r.Profile, r.Sex, r.WageLevel, r.BirthYear, r.RetirementYear, basicPart, accountPart, ea, oa, pp,
                basicPart + accountPart + ea + pp, basicPart + accountPart + oa + pp));
        }
        return rows;
    }
}

/// <summary>The first pension of a typical worker by pillar, each part over the own wage of the year before retirement.</summary>
/// <param name="Profile">Profile name (<see cref="TypicalWorker.Defaults"/>).</param>
/// <param name="Sex">male or female.</param>
/// <param name="WageLevel">Own wage / average wage.</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="RetirementYear">Year of retirement.</param>
/// <param name="BasicPartReplacementOfOwnWage">Basic pension (with the transitional pension of deemed years): the pooled part.</param>
/// <param name="AccountPartReplacementOfOwnWage">The basic pension's individual-account part.</param>
/// <param name="EnterpriseAnnuityReplacementOfOwnWage">An enterprise annuity at the 12% cap for the whole career since 2004.</param>
/// <param name="OccupationalAnnuityReplacementOfOwnWage">An occupational annuity since October 2014 (a public-institution member).</param>
/// <param name="PersonalPensionReplacementOfOwnWage">A personal pension since 2025, net of the withdrawal tax.</param>
/// <param name="EnterpriseMemberTotalReplacementOfOwnWage">Basic + account + enterprise annuity + personal pension.</param>
/// <param name="PublicInstitutionMemberTotalReplacementOfOwnWage">Basic + account + occupational annuity + personal pension.</param>
[CsvHelper.CsvRecord]
public sealed partial record PillarReplacementRateRow(
    string Profile, string Sex, double WageLevel, int BirthYear, int RetirementYear, double BasicPartReplacementOfOwnWage,
    double AccountPartReplacementOfOwnWage, double EnterpriseAnnuityReplacementOfOwnWage, double OccupationalAnnuityReplacementOfOwnWage,
    double PersonalPensionReplacementOfOwnWage, double EnterpriseMemberTotalReplacementOfOwnWage, double PublicInstitutionMemberTotalReplacementOfOwnWage);
