using Actuarial.Scheme;

namespace Actuarial.Scenarios;

public sealed partial class PensionProjection
{
    private IReadOnlyList<PublicInstitutionYearRow>? _publicInstitutionTable;

    /// <summary>
    /// The employee scheme's ledgers split into the enterprise and public-institution (机关事业单位) parts by year and
    /// province, then a national row (code 0) per year, from the ledgers' first year: workers, retirees, contributions,
    /// pension spending and their difference (<see cref="PublicInstitutionSplit"/>, a documented split: no national figure of
    /// the public-institution fund was found). The parts sum to the ledgers' totals; nothing here feeds back into the funds.
    /// </summary>
    internal IReadOnlyList<PublicInstitutionYearRow> PublicInstitutionTable() => _publicInstitutionTable ??= BuildPublicInstitutionTable();

    private IReadOnlyList<PublicInstitutionYearRow> BuildPublicInstitutionTable()
    {
        var rows = new List<PublicInstitutionYearRow>();
        foreach (var ledger in Funds.YearTable())
        {
            var (publicInstitution, enterprise) = PublicInstitutionSplit.Split(
                new SchemePart(ledger.ContributingWorkers, ledger.Retirees, ledger.Contributions, ledger.Spending));
            rows.Add(new PublicInstitutionYearRow(ledger.Year, ledger.RegionCode, ledger.Region,
                enterprise.Workers, publicInstitution.Workers, enterprise.Retirees, publicInstitution.Retirees,
                enterprise.ContributionsYuan, publicInstitution.ContributionsYuan, enterprise.SpendingYuan, publicInstitution.SpendingYuan,
                enterprise.ContributionsLessSpendingYuan, publicInstitution.ContributionsLessSpendingYuan,
                enterprise.AveragePensionYuanPerMonth, publicInstitution.AveragePensionYuanPerMonth));
        }
        return rows;
    }
}

/// <summary>
/// One year × province (or the nation, code 0) of the employee scheme split into its enterprise and public-institution
/// (机关事业单位) parts (<see cref="PensionProjection.PublicInstitutionTable"/>): a documented split of the ledgers
/// (<see cref="PublicInstitutionSplit"/>), not figures of a separate fund. Money in nominal yuan of the year.
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China (sum of the provinces).</param>
/// <param name="Region">English name.</param>
/// <param name="EnterpriseWorkers">Contributing workers of the enterprise part (the scheme's less the public institutions').</param>
/// <param name="PublicInstitutionWorkers">Contributing public-institution workers: 10.23% of the scheme's (2023 [D]); the occupational annuity's members.</param>
/// <param name="EnterpriseRetirees">Retirees of the enterprise part.</param>
/// <param name="PublicInstitutionRetirees">Public-institution retirees: 15.49% of the scheme's (2022 [D]).</param>
/// <param name="EnterpriseContributionsYuan">Contributions of the enterprise part.</param>
/// <param name="PublicInstitutionContributionsYuan">Contributions of public-institution workers, at the enterprise contribution per worker (ASSUMPTION).</param>
/// <param name="EnterpriseSpendingYuan">Pensions paid to enterprise retirees.</param>
/// <param name="PublicInstitutionSpendingYuan">Pensions paid to public-institution retirees, 1.87 times an enterprise retiree's (Fujian 2021 [D]).</param>
/// <param name="EnterpriseContributionsLessSpendingYuan">Enterprise contributions less pensions (before subsidies and transfers).</param>
/// <param name="PublicInstitutionContributionsLessSpendingYuan">Public-institution contributions less pensions (before subsidies and transfers).</param>
/// <param name="EnterpriseAveragePensionYuanPerMonth">Enterprise pensions / (12 × retirees).</param>
/// <param name="PublicInstitutionAveragePensionYuanPerMonth">Public-institution pensions / (12 × retirees).</param>
[CsvHelper.CsvRecord]
internal sealed partial record PublicInstitutionYearRow(
    int Year, int RegionCode, string Region, double EnterpriseWorkers, double PublicInstitutionWorkers, double EnterpriseRetirees,
    double PublicInstitutionRetirees, double EnterpriseContributionsYuan, double PublicInstitutionContributionsYuan, double EnterpriseSpendingYuan,
    double PublicInstitutionSpendingYuan, double EnterpriseContributionsLessSpendingYuan, double PublicInstitutionContributionsLessSpendingYuan,
    double EnterpriseAveragePensionYuanPerMonth, double PublicInstitutionAveragePensionYuanPerMonth);
