using Actuarial.Dimensions;
using Actuarial.Residents;
using Actuarial.Scheme;

namespace Actuarial.Pillars;

/// <summary>
/// Projects the funded pillars nationally, year by year from the end of its base year (<see cref="PillarAssumptions.BaseYearFigures"/>), on a pension projection's employee scheme and
/// residents' scheme: members, contributions, returns, annuities paid and assets of the enterprise annuity, the
/// occupational annuity and the personal pension. They are outside the basic pension funds: nothing here feeds back.
/// </summary>
/// <remarks>
/// <para>Members: enterprise annuity = a share of the employee scheme's enterprise workers (contributors less the
/// public-institution split, <see cref="PublicInstitutionSplit"/>), the share calibrated to the 3,241.84 万 participants of
/// 2024 [S2] and held (ASSUMPTION: no trend is published); occupational annuity = every public-institution worker of the
/// split (it is mandatory); personal pension = the take-up × the eligible (employee-scheme contributors and the residents'
/// contributor-status members, 国办发〔2022〕7号).</para>
/// <para>Contributions a member a year: enterprise annuity = a share of the average covered wage, derived from the
/// fund's 2024 roll-forward (<see cref="PillarBaseYearFigures.EnterpriseAnnuityContributionPerParticipantYuan"/>) and held;
/// occupational annuity = 8% + 4% (<see cref="PillarRules"/>) of the average covered wage (ASSUMPTION: the members'
/// contribution base is the scheme's average covered wage; their own is not published); personal pension = the 2024
/// contribution growing with the average wage up to the cap.</para>
/// <para>Returns: the basic funds' nominal return of the year plus <see cref="PillarAssumptions.ReturnPremium"/>, on the
/// opening assets (contributions and payouts at the year's end).</para>
/// <para>Payouts: each year the members who retire (the scheme's new pensioners / its contributors, the same share of each
/// pillar's members) take the balance of a member who paid the year's contribution per member (back-cast before 2025 with
/// the average wage) every year since the pillar began, for at most <see cref="CareerYears"/> years (ASSUMPTION: a full
/// career in the pillar), at most what the members' pool holds, into an annuity vintage that pays balance × 12 / divisor
/// a year (<see cref="PillarRules.MonthlyAnnuity"/>) to its survivors until its balance, still earning the return, runs
/// out; each year the vintage's annuitants die as the employee scheme's pensioners do, and the balance of those who die
/// goes to their heirs (<see cref="AnnuityFund"/>, <see cref="AnnuitantMortality"/>: the rule of 国办发〔2015〕18号 art. 9).
/// The new annuitants take the sex mix and mean age of the scheme's new pensioners of the year (the same mix for the three
/// pillars: ASSUMPTION, as no pillar's members by sex and age are published); the divisor stays that of
/// <see cref="PillarAssumptions.AnnuityAge"/> whatever the age.
/// Annuities in payment at end-2024: the enterprise annuity's as one vintage paying the 2024 payouts
/// (<see cref="PillarBaseYearFigures.EnterpriseAnnuityPayoutsYuan"/>) to its 2024 recipients, with half the divisor's months
/// left (ASSUMPTION) and so aged the scheme's 2024 new pensioners' mean age + half the divisor's years; none for the
/// occupational annuity (no payout figure found; it began in 2014) or the personal pension.</para>
/// <para>Tax: contributions to the personal pension cost the budget the deduction rate × the contributions; withdrawals,
/// the heirs' included (inheriting is a form of withdrawal and pays the 3% [S2]), pay the withdrawal tax.</para>
/// </remarks>
internal static class PillarProjector
{
    /// <summary>Years of contributions of a retiring member of a mature pillar (ASSUMPTION: the typical 35-year career of <see cref="TypicalWorker.Defaults"/>).</summary>
    public const int CareerYears = 35;

    /// <summary>First year of contributions: enterprise annuity 2004 (劳动和社会保障部令第20号), occupational annuity October 2014 (a quarter of 2014), personal pension 2023 (the pilot from November 2022).</summary>
    public static int FirstContributionYear(SupplementaryPillar pillar) => pillar switch
    {
        SupplementaryPillar.EnterpriseAnnuity => 2004,
        SupplementaryPillar.OccupationalAnnuity => 2014,
        _ => 2023,
    };

    /// <summary>Projects the pillars.</summary>
    /// <param name="assumptions">The pillars' assumptions.</param>
    /// <param name="employee">The employee scheme (national rows from 2024).</param>
    /// <param name="residents">The residents' scheme on the same population.</param>
    /// <param name="nominalReturn">The basic funds' nominal return of a year.</param>
    /// <param name="averageWage">The national average covered wage of a year, back-cast before the scheme's first year; null:
    /// <see cref="AverageWagePath"/> of the employee scheme.</param>
    /// <param name="mortality">How annuitants die and who becomes one; null: the employee scheme's (<see cref="AnnuitantMortality.OfScheme"/>).</param>
    public static PillarProjection Run(PillarAssumptions assumptions, SchemeProjection employee, ResidentsProjection residents, Func<int, double> nominalReturn,
        Func<int, double>? averageWage = null, AnnuitantMortality? mortality = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(nominalReturn);
        var scheme = employee.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        averageWage ??= AverageWagePath(scheme, employee.Assumptions.HistoricalWageGrowth);
        var eligibleResidents = residents.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year, r => r.ContributorStatusMembers);
        var figures = assumptions.EffectiveBaseYearFigures;
        int baseYear = figures.Year, lastYear = employee.EndYear;
        if (employee.FirstYear != baseYear)
        {
            throw new InputDataException("pillar assumptions", null, nameof(PillarBaseYearFigures.Year), baseYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the employee scheme's first year, {employee.FirstYear}");
        }
        var b = scheme[baseYear];
        double enterpriseWorkerShare = 1 - PublicInstitutionSplit.WorkerShare;
        // Shares of the base year's members; a scenario with nobody covered in the base year (a contribution density of 0) has no members to share.
        bool covered = b.Contributors > 0 && b.AverageWageYuan > 0;
        var calibration = new PillarCalibration(
            covered ? figures.EnterpriseAnnuityParticipants / (enterpriseWorkerShare * b.Contributors) : 0,
            covered ? figures.EnterpriseAnnuityContributionPerParticipantYuan / b.AverageWageYuan : 0,
            covered ? figures.PersonalPensionContributors / (b.Contributors + eligibleResidents[baseYear]) : 0,
            employee.Assumptions.Rules.Divisors.Months(assumptions.AnnuityAge));

        int years = lastYear - baseYear;
        mortality ??= AnnuitantMortality.OfScheme(employee);
        if (mortality.FirstYear > baseYear || mortality.LastYear < lastYear)
        {
            throw new ArgumentException($"annuitants' mortality for {mortality.FirstYear}..{mortality.LastYear}, expected {baseYear}..{lastYear}", nameof(mortality));
        }
        var rows = new List<PillarYearRow>(3 * years);
        foreach (var pillar in SupplementaryPillars.All)
        {
            var fund = new AnnuityFund(years + 1, calibration.DivisorMonths, mortality);
            fund.Start(pillar switch
            {
                SupplementaryPillar.EnterpriseAnnuity => figures.EnterpriseAnnuityAssetsYuan,
                SupplementaryPillar.OccupationalAnnuity => figures.OccupationalAnnuityAssetsYuan,
                _ => figures.PersonalPensionAssetsYuan,
            });
            if (pillar == SupplementaryPillar.EnterpriseAnnuity)
            {
                double payment = figures.EnterpriseAnnuityPayoutsYuan;
                double yearsPaid = calibration.DivisorMonths / 12.0 / 2;
                fund.PayFromPool(payment * yearsPaid, payment, figures.EnterpriseAnnuityRecipients, baseYear + 1,
                    mortality.EntryAge(baseYear, Sex.Male) + yearsPaid, mortality.EntryAge(baseYear, Sex.Female) + yearsPaid);
            }
            int start = FirstContributionYear(pillar);
            // A member's contribution a year: what the rule pays on the average covered wage of the year.
            double PerMember(int year)
            {
                double wage = averageWage(year);
                double share = year > start || pillar != SupplementaryPillar.OccupationalAnnuity ? 1 : 0.25;
                return year < start ? 0 : share * pillar switch
                {
                    SupplementaryPillar.EnterpriseAnnuity => calibration.EnterpriseAnnuityContributionShareOfWage * wage,
                    SupplementaryPillar.OccupationalAnnuity => (PillarRules.OccupationalEmployerRate + PillarRules.OccupationalMemberRate) * wage,
                    _ => covered ? PillarRules.PersonalPensionContribution(assumptions.PersonalPensionContribution2024Yuan * wage / b.AverageWageYuan) : 0,
                };
            }
            for (int year = baseYear + 1; year <= lastYear; year++)
            {
                var s = scheme[year];
                double eligible = s.Contributors + eligibleResidents[year];
                double members = pillar switch
                {
                    SupplementaryPillar.EnterpriseAnnuity => calibration.EnterpriseAnnuityCoverage * enterpriseWorkerShare * s.Contributors,
                    SupplementaryPillar.OccupationalAnnuity => PublicInstitutionSplit.Workers(s.Contributors),
                    _ => TakeUp(assumptions, calibration, year) * eligible,
                };
                double perMember = PerMember(year);
                double rate = nominalReturn(year) + assumptions.ReturnPremium;
                double retiringShare = s.Contributors > 0 ? Math.Clamp(s.NewPensioners / s.Contributors, 0, 1) : 0;
                // The balance of a member retiring at the year's end: every contribution since the pillar began, for at most a career.
                double career = 0;
                for (int y0 = Math.Max(start, year - CareerYears + 1); y0 <= year; y0++)
                {
                    career = career * (1 + nominalReturn(y0) + assumptions.ReturnPremium) + PerMember(y0);
                }
                var y = fund.Year(year, members * perMember, rate, retiringShare * members * career, retiringShare * members);
                bool personal = pillar == SupplementaryPillar.PersonalPension;
                rows.Add(new PillarYearRow(year, pillar.Label(), members, y.NewAnnuitants, y.Annuitants, y.Deaths, y.Exhausted, y.Opening,
                    y.Contributions, y.Returns, y.Payouts, y.InheritedPayouts, y.Closing, rate, perMember, y.Annuitants > 0 ? y.Payouts / (12 * y.Annuitants) : 0,
                    personal ? PillarRules.TaxSaved(y.Contributions, assumptions.DeductionTaxRate) : 0,
                    personal ? (y.Payouts + y.InheritedPayouts) * assumptions.WithdrawalTaxRate : 0));
            }
        }
        return new PillarProjection(assumptions, calibration, baseYear, lastYear, rows);
    }

    /// <summary>
    /// The national average covered wage by year as the replacement rates read it: the scheme's national rows, back-cast
    /// before the first year at the historical wage growth, extended after the last at the last year's growth.
    /// </summary>
    /// <param name="national">The scheme's national rows by year.</param>
    /// <param name="historicalWageGrowth">Nominal wage growth before the first year.</param>
    public static Func<int, double> AverageWagePath(IReadOnlyDictionary<int, SchemeYearRow> national, double historicalWageGrowth)
    {
        ArgumentNullException.ThrowIfNull(national);
        var wage = national.ToDictionary(p => p.Key, p => p.Value.AverageWageYuan);
        int first = wage.Keys.Min(), last = wage.Keys.Max();
        double tail = wage[last - 1] > 0 ? wage[last] / wage[last - 1] : 1;
        return year =>
            year < first ? wage[first] * Math.Pow(1 + historicalWageGrowth, year - first)
            : year > last ? wage[last] * Math.Pow(tail, year - last)
            : wage[year];
    }

    private static double TakeUp(PillarAssumptions a, PillarCalibration c, int year) =>
        a.PersonalPensionTakeUp is { } path && year >= path.FirstYear ? path[Math.Min(year, path.LastYear)] : c.PersonalPensionTakeUp2024;
}

/// <summary>What the pillars are calibrated to in 2024 (<see cref="PillarProjector"/>).</summary>
/// <param name="EnterpriseAnnuityCoverage">Enterprise-annuity participants / the enterprise workers of the employee scheme, 2024 [D].</param>
/// <param name="EnterpriseAnnuityContributionShareOfWage">Enterprise-annuity contributions per participant / the average covered wage, 2024 [D].</param>
/// <param name="PersonalPensionTakeUp2024">Personal-pension contributors / the eligible, 2024 [D].</param>
/// <param name="DivisorMonths">Months over which a balance is paid as an annuity.</param>
public sealed record PillarCalibration(double EnterpriseAnnuityCoverage, double EnterpriseAnnuityContributionShareOfWage, double PersonalPensionTakeUp2024, int DivisorMonths);
