namespace Actuarial.Scheme;

/// <summary>
/// Public-institution members (机关事业单位工作人员) inside the urban employee scheme, as a documented split of its head
/// counts and its money. Since the 2014 reform (国务院关于机关事业单位工作人员养老保险制度改革的决定, 国发〔2015〕2号, effective
/// October 2014 [U: recalled]) they pay the enterprise rates into the same scheme with the same benefit formula, with a
/// ten-year transition and an occupational annuity on top; the scheme's statistics count them with enterprise members
/// from 2015. No national figure of their own fund (revenue, subsidies, spending, balance) was found, so the split is a
/// rule on the scheme's totals, not a calibration (data/README.md, "Public-institution members inside the employee scheme").
/// </summary>
/// <remarks>
/// <para>Head counts (data/urban_employee_pension_national.csv): public-institution retirees 2,113.1 万 of 13,644 万 in
/// 2022 [S2]; enterprise participants 42,228 万 of 48,074 万 in 2021 and 46,044 万 of 52,121 万 in 2023 [S2], so
/// public-institution participants (workers + retirees) 5,846 万 (2021) and 6,077 万 (2023) [D].
/// <see cref="RetireeShare"/> = 2,113.1 / 13,644 = 15.49% (2022) [D]; <see cref="WorkerShare"/> =
/// (6,077 − 15.49% × 14,196) / 37,925 = 10.23% (2023, the retirees at the 2022 share: 2023's are not published) [D];
/// both held for every year and every province: ASSUMPTION (public employment is set by budgets and no projection of it
/// was found; no provincial split was found but Fujian's, where public institutions hold 23.0% of the retirees).</para>
/// <para>Pension spending: a public-institution retiree is paid <see cref="BenefitRatio"/> = 1.87 times an enterprise
/// retiree, Fujian's spending per retiree in 2021 (332.10 / 50.49 against 594.91 / 169.13, 亿元 over 万 persons, Fujian
/// Statistical Yearbook 2022 table 10-7 [S], ratio [D]; data/public_institution_pension_province.csv). The public
/// institutions' share of the spending is then <c>r·k / (r·k + 1 − r)</c> (r the retiree share, k the ratio), i.e. each of
/// their retirees is paid the scheme's average pension × k / (r·k + 1 − r). Out of sample, the scheme's 2017 totals [U]
/// less MOF's enterprise fund [S2] give 1.81 nationally (<c>PublicInstitutionSplitTests</c>); Fujian's 2020 gives 2.14
/// and MOF's rounded 2018 enterprise spending about 2.16, so 1.87 sits at the low end of what was found.</para>
/// <para>Contributions: a public-institution worker pays <see cref="ContributionRatio"/> = 1 times an enterprise worker
/// (ASSUMPTION: their contribution base is not published; Fujian's public-institution revenue, 33,729 yuan a worker in
/// 2021 against 7,212, holds the budget's subsidies, which the yearbook does not separate; NBS's wages by sector do not
/// follow the public-institution boundary). Their share of the contributions is <c>w·c / (w·c + 1 − w)</c> (w the worker
/// share, c the ratio).</para>
/// <para>The enterprise part is the scheme's total less the public-institution part, so the two parts sum to the
/// scheme's totals, and a split of the provinces sums to the split of the nation. The split does not feed back into the
/// funds: subsidies, transfers and balances stay the scheme's.</para>
/// <para>The reform's transition: for members who joined before October 2014 and retire after it (中人), 国发〔2015〕2号
/// set a ten-year transition, October 2014 – September 2024 [U: recalled], in which the pension under the new rules
/// (with the occupational annuity) was compared with the old rules' (新老办法对比): a lower one was raised to the old
/// level (保低) and the part above it was paid only in a share rising with the year of retirement (限高) [U: recalled, the
/// shares not read from a source]. The transition ended (<see cref="TransitionLastDay"/>) before the projection's
/// ledgers start (1 January 2025): every retiree the projection adds has only the common formula
/// (<see cref="Pensions.BenefitFormula"/>, with the transitional pension of deemed years); retirees of the transition are
/// in payment at the base year and inside the base year's average pension, and so in the benefit ratio. The occupational
/// annuity is projected with the funded pillars (<see cref="Pillars.PillarProjector"/>) on <see cref="Workers"/>.</para>
/// </remarks>
internal static class PublicInstitutionSplit
{
    /// <summary>Public-institution retirees 2022, 万 [S2].</summary>
    public const double Retirees2022TenThousands = 2_113.1;

    /// <summary>All employee-scheme retirees 2022, 万 [S2].</summary>
    public const double AllRetirees2022TenThousands = 13_644;

    /// <summary>Public-institution participants 2023 = all 52,121 − enterprise 46,044, 万 [D].</summary>
    public const double Participants2023TenThousands = 52_121 - 46_044;

    /// <summary>All employee-scheme retirees and workers 2023, 万 [S2].</summary>
    public const double AllRetirees2023TenThousands = 14_196, AllWorkers2023TenThousands = 37_925;

    /// <summary>The province and year of the benefit ratio's source: Fujian (35), 2021, the latest year of its yearbook's split.</summary>
    public const int BenefitRatioRegionCode = 35, BenefitRatioYear = 2021;

    /// <summary>Contribution per public-institution worker / per enterprise worker: 1, an ASSUMPTION (no source separates it; see the remarks).</summary>
    public const double ContributionRatio = 1.0;

    /// <summary>The last day of the reform's ten-year transition (新老办法对比, 保低限高), 30 September 2024 [U: recalled].</summary>
    public static readonly DateOnly TransitionLastDay = new(2024, 9, 30);

    /// <summary>The share of the scheme's retirees who are public-institution retirees (15.49%, 2022).</summary>
    public static double RetireeShare => Retirees2022TenThousands / AllRetirees2022TenThousands;

    /// <summary>The share of the scheme's workers who are public-institution members (10.23%, 2023).</summary>
    public static double WorkerShare => (Participants2023TenThousands - RetireeShare * AllRetirees2023TenThousands) / AllWorkers2023TenThousands;

    /// <summary>
    /// Fujian 2021, public institutions and enterprises: pension expenditure, 亿元, and retirees, 万 (Fujian Statistical
    /// Yearbook 2022 table 10-7 [S], the rows of <c>public_institution_pension_province.csv</c>; the test
    /// <c>Public_institution_shares_by_hand</c> ties them to the file).
    /// </summary>
    public const double FujianPublicInstitutionExpenditure2021HundredMillionYuan = 332.10, FujianPublicInstitutionRetirees2021TenThousands = 50.49,
        FujianEnterpriseExpenditure2021HundredMillionYuan = 594.91, FujianEnterpriseRetirees2021TenThousands = 169.13;

    /// <summary>Pension spending per public-institution retiree / per enterprise retiree (1.87): Fujian 2021 [D from S].</summary>
    public static double BenefitRatio =>
        FujianPublicInstitutionExpenditure2021HundredMillionYuan / FujianPublicInstitutionRetirees2021TenThousands
        / (FujianEnterpriseExpenditure2021HundredMillionYuan / FujianEnterpriseRetirees2021TenThousands);

    /// <summary>The public institutions' share of a part's total when they hold <paramref name="headShare"/> of its people and each costs <paramref name="relative"/> times an enterprise member.</summary>
    public static double MoneyShare(double headShare, double relative) => headShare * relative / (headShare * relative + 1 - headShare);

    /// <summary>The public institutions' share of the scheme's pension spending (25.5% at the default ratio).</summary>
    public static double SpendingShare => MoneyShare(RetireeShare, BenefitRatio);

    /// <summary>The public institutions' share of the scheme's contributions (= <see cref="WorkerShare"/> at a ratio of 1).</summary>
    public static double ContributionShare => MoneyShare(WorkerShare, ContributionRatio);

    /// <summary>Public-institution workers of a count of the scheme's contributing workers (the occupational annuity's members too).</summary>
    public static double Workers(double schemeWorkers) => WorkerShare * schemeWorkers;

    /// <summary>Public-institution members of a head count of the scheme: (workers, retirees).</summary>
    public static (double Workers, double Retirees) Of(double schemeWorkers, double schemeRetirees) =>
        (Workers(schemeWorkers), RetireeShare * schemeRetirees);

    /// <summary>
    /// Splits a year of the scheme (a province or the nation) into its public-institution and enterprise parts; the
    /// enterprise part is the total less the public-institution part.
    /// </summary>
    /// <param name="total">The scheme's workers, retirees, contributions and pension spending.</param>
    public static (SchemePart PublicInstitution, SchemePart Enterprise) Split(SchemePart total)
    {
        var publicInstitution = new SchemePart(Workers(total.Workers), RetireeShare * total.Retirees,
            ContributionShare * total.ContributionsYuan, SpendingShare * total.SpendingYuan);
        return (publicInstitution, total - publicInstitution);
    }
}

/// <summary>A year of the employee scheme or of one of its parts: persons and yuan.</summary>
/// <param name="Workers">Contributing workers.</param>
/// <param name="Retirees">Retirees paid a pension.</param>
/// <param name="ContributionsYuan">Contributions.</param>
/// <param name="SpendingYuan">Pensions paid.</param>
internal readonly record struct SchemePart(double Workers, double Retirees, double ContributionsYuan, double SpendingYuan)
{
    /// <summary>Contributions less pensions: the part's own current balance before subsidies and transfers.</summary>
    public double ContributionsLessSpendingYuan => ContributionsYuan - SpendingYuan;

    /// <summary>The part's average pension, yuan a month; 0 without retirees.</summary>
    public double AveragePensionYuanPerMonth => Retirees > 0 ? SpendingYuan / (12 * Retirees) : 0;

    /// <summary>What is left of a total after a part.</summary>
    public static SchemePart operator -(SchemePart total, SchemePart part) => new(total.Workers - part.Workers, total.Retirees - part.Retirees,
        total.ContributionsYuan - part.ContributionsYuan, total.SpendingYuan - part.SpendingYuan);
}
