using Actuarial.Residents;

namespace Actuarial.Scenarios;

public sealed partial class PensionProjection
{
    private IReadOnlyList<SystemYearRow>? _systemTable;

    /// <summary>
    /// The public pension system as a whole, national, from the ledgers' first year (2025): the spending of both basic
    /// schemes and what the budget pays for them (employee-scheme subsidies, the residents' foundation pensions and
    /// matching subsidies), in yuan and % of GDP (<see cref="Economy.EconomicAssumptions.NominalGdp"/>, as <see cref="EconomicTable"/>);
    /// the two schemes' average pensions and the gap between them; the coverage of the population aged 16+.
    /// </summary>
    /// <exception cref="InputDataException">The scenario is not linked to an economy.</exception>
    public IReadOnlyList<SystemYearRow> SystemTable() => _systemTable ??= BuildSystemTable();

    private IReadOnlyList<SystemYearRow> BuildSystemTable()
    {
        var economy = EconomicTable().ToDictionary(r => r.Year);
        var residents = Residents.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var coverage = Residents.CoverageTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var scheme = Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var split = PublicInstitutionTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var rows = new List<SystemYearRow>();
        for (int year = Funds.FirstYear; year <= Funds.LastYear; year++)
        {
            var e = economy[year];
            var r = residents[year];
            double gdp = e.NominalGdpYuan;
            double spending = e.PensionsYuan + r.SpendingYuan;
            double budget = e.SubsidiesYuan + r.FoundationPensionsYuan + r.MatchingSubsidiesYuan;
            double employeeAverage = scheme[year].AveragePensionYuanPerMonth, residentsAverage = r.AveragePensionYuanPerMonth;
            rows.Add(new SystemYearRow(year, gdp, e.PensionsYuan, e.SubsidiesYuan, r.SpendingYuan, r.FoundationPensionsYuan, r.MatchingSubsidiesYuan,
                r.CentralBudgetYuan, spending, budget, 100 * spending / gdp, 100 * budget / gdp, 100 * e.SubsidiesYuan / gdp,
                100 * (r.FoundationPensionsYuan + r.MatchingSubsidiesYuan) / gdp, employeeAverage, residentsAverage,
                residentsAverage > 0 ? employeeAverage / residentsAverage : null, coverage[year].CoveredShare,
                split[year].PublicInstitutionWorkers, split[year].PublicInstitutionRetirees));
        }
        return rows;
    }
}

/// <summary>One year of the whole public pension system, national (<see cref="PensionProjection.SystemTable"/>). Money in nominal yuan.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="NominalGdpYuan">Nominal GDP.</param>
/// <param name="EmployeePensionsYuan">Pensions paid by the urban employee scheme.</param>
/// <param name="EmployeeSubsidiesYuan">Fiscal subsidies to the employee scheme's funds.</param>
/// <param name="ResidentsPensionsYuan">Pensions paid by the residents' scheme (foundation + account).</param>
/// <param name="ResidentsFoundationPensionsYuan">The residents' foundation pensions, all from the budget.</param>
/// <param name="ResidentsMatchingSubsidiesYuan">Local budgets' matching subsidies to residents' accounts.</param>
/// <param name="ResidentsCentralBudgetYuan">The central budget's part of the residents' foundation pensions.</param>
/// <param name="PublicPensionSpendingYuan">Both schemes' pensions.</param>
/// <param name="BudgetCostYuan">What the budget pays: employee subsidies + residents' foundation pensions + matching subsidies.</param>
/// <param name="PublicPensionSpendingPercentGdp">Both schemes' pensions, % of GDP.</param>
/// <param name="BudgetCostPercentGdp">The budget's cost, % of GDP.</param>
/// <param name="EmployeeSubsidiesPercentGdp">Employee-scheme subsidies, % of GDP.</param>
/// <param name="ResidentsBudgetPercentGdp">Residents' foundation pensions + matching subsidies, % of GDP.</param>
/// <param name="EmployeeAveragePensionYuanPerMonth">Average employee-scheme pension.</param>
/// <param name="ResidentsAveragePensionYuanPerMonth">Average residents' pension.</param>
/// <param name="EmployeeToResidentsPensionRatio">Employee / residents' average pension (the gap between the schemes); empty without residents' beneficiaries.</param>
/// <param name="CoveredShareOfPopulation16Plus">Members and beneficiaries of either scheme / persons aged 16+.</param>
/// <param name="PublicInstitutionWorkers">Employee-scheme workers who are public-institution members (a documented split, <see cref="Actuarial.Scheme.PublicInstitutionSplit"/>; their money in public_institution_by_year).</param>
/// <param name="PublicInstitutionRetirees">Employee-scheme retirees who are public-institution retirees (the same split of the ledgers' retirees).</param>
[CsvHelper.CsvRecord]
public sealed partial record SystemYearRow(
    int Year, double NominalGdpYuan, double EmployeePensionsYuan, double EmployeeSubsidiesYuan, double ResidentsPensionsYuan,
    double ResidentsFoundationPensionsYuan, double ResidentsMatchingSubsidiesYuan, double ResidentsCentralBudgetYuan,
    double PublicPensionSpendingYuan, double BudgetCostYuan, double PublicPensionSpendingPercentGdp, double BudgetCostPercentGdp,
    double EmployeeSubsidiesPercentGdp, double ResidentsBudgetPercentGdp, double EmployeeAveragePensionYuanPerMonth,
    double ResidentsAveragePensionYuanPerMonth, double? EmployeeToResidentsPensionRatio, double CoveredShareOfPopulation16Plus,
    double PublicInstitutionWorkers, double PublicInstitutionRetirees);
