namespace Actuarial.Scheme;

/// <summary>
/// Public-institution members (机关事业单位工作人员) inside the urban employee scheme, as a documented split of its head
/// counts. Since the 2014 reform (国务院关于机关事业单位工作人员养老保险制度改革的决定, 国发〔2015〕2号, effective October 2014
/// [U: recalled]) they pay the enterprise rates into the same scheme with the same benefit formula, with a ten-year
/// transition and an occupational annuity on top; the scheme's statistics count them with enterprise members from 2015.
/// </summary>
/// <remarks>
/// <para>What is published (data/urban_employee_pension_national.csv): public-institution retirees 2,113.1 万 of 13,644 万
/// in 2022 [S2]; enterprise participants 42,228 万 of 48,074 万 in 2021 and 46,044 万 of 52,121 万 in 2023 [S2], so
/// public-institution participants (workers + retirees) 5,846 万 (2021) and 6,077 万 (2023) [D].</para>
/// <para>The split: <see cref="RetireeShare"/> = 2,113.1 / 13,644 = 15.49% (2022) [D]; <see cref="WorkerShare"/> =
/// (6,077 − 15.49% × 14,196) / 37,925 = 10.23% (2023, the retirees at the 2022 share: 2023's are not published) [D];
/// both held for every year: ASSUMPTION (public employment is set by budgets and no projection of it was found). Their
/// own money flows are not split: no national figure of the public-institution fund (its revenue, subsidies, spending or
/// balance) was found. The evidence that was found (data/README.md): Fujian's yearbook, where a public-institution
/// retiree costs 2.14× (2020) and 1.87× (2021) an enterprise retiree [S]/[D], and a national 2017 difference of the
/// scheme's unverified totals and MOF's enterprise fund (24.9% of spending, 1.81× per retiree) [D from U]; not enough
/// to calibrate flows. The reform's transitional comparison with the old rules is not modelled; the occupational
/// annuity is projected with the funded pillars.</para>
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

    /// <summary>The share of the scheme's retirees who are public-institution retirees (15.49%, 2022).</summary>
    public static double RetireeShare => Retirees2022TenThousands / AllRetirees2022TenThousands;

    /// <summary>The share of the scheme's workers who are public-institution members (10.23%, 2023).</summary>
    public static double WorkerShare => (Participants2023TenThousands - RetireeShare * AllRetirees2023TenThousands) / AllWorkers2023TenThousands;

    /// <summary>Public-institution members of a head count of the scheme: (workers, retirees).</summary>
    public static (double Workers, double Retirees) Of(double schemeWorkers, double schemeRetirees) =>
        (WorkerShare * schemeWorkers, RetireeShare * schemeRetirees);
}
