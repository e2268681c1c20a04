using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Scheme;

namespace Actuarial.Residents;

/// <summary>
/// The result of <see cref="ResidentsProjector.Run"/>: the coverage of everyone aged 16+ by province and the residents'
/// scheme's people and money, as tidy rows by year and province with a national row (code 0) per year.
/// </summary>
public sealed class ResidentsProjection
{
    internal const int States = 6;
    internal const int MoneyLines = 14;

    private readonly IReadOnlyList<Region> _provinces;
    private readonly double[] _coverage;
    private readonly double[] _money;
    private readonly double[] _notEntered;
    private readonly DemographicProjection _demography;
    private readonly SchemeProjection _employee;
    private IReadOnlyList<ResidentsYearRow>? _rows;
    private IReadOnlyList<CoverageRow>? _coverageRows;

    internal ResidentsProjection(IReadOnlyList<Region> provinces, int firstYear, int years, ResidentsCalibration calibration,
        double[] coverage, double[] money, double[] notEntered, DemographicProjection demography, SchemeProjection employee)
    {
        _provinces = provinces;
        FirstYear = firstYear;
        EndYear = firstYear + years - 1;
        Calibration = calibration;
        _coverage = coverage;
        _money = money;
        _notEntered = notEntered;
        _demography = demography;
        _employee = employee;
    }

    /// <summary>First year (2024).</summary>
    public int FirstYear { get; }

    /// <summary>Last year.</summary>
    public int EndYear { get; }

    /// <summary>The 2024 calibration.</summary>
    internal ResidentsCalibration Calibration { get; }

    /// <summary>Persons aged 16+ of a province (index in the grid) in a coverage state in <paramref name="year"/> (the states partition the population aged 16+).</summary>
    internal double Persons(int year, int province, CoverageState state)
    {
        CheckYear(year);
        return _coverage[((year - FirstYear) * _provinces.Count + province) * States + (int)state];
    }

    /// <summary>One row per year and province, then the national row (code 0), of the residents' scheme's people and money.</summary>
    public IReadOnlyList<ResidentsYearRow> YearTable() => _rows ??= BuildRows();

    /// <summary>One row per year and province, then the national row (code 0): persons aged 16+ in each coverage state.</summary>
    public IReadOnlyList<CoverageRow> CoverageTable() => _coverageRows ??= BuildCoverageRows();

    /// <summary>
    /// The residents' scheme's contributor-status members and beneficiaries of a province by sex and single age in
    /// <paramref name="year"/> (head counts in the resident population, before the registration factor).
    /// </summary>
    internal IReadOnlyList<ResidentsAgeRow> ParticipantsByAge(int year, Region province)
    {
        CheckYear(year);
        int r = _provinces.ToList().IndexOf(province);
        if (r < 0) throw new ArgumentException($"{province.EnglishName} is not a province of the projection", nameof(province));
        var pop = _demography.PersonsAt(year);
        var rows = new List<ResidentsAgeRow>();
        for (int s = 0; s < Sexes.Count; s++)
        {
            var members = _employee.EmployeeMembers(year, r, (Sex)s);
            for (int a = ResidentsAccountPension.FirstAge; a < Ages.Count; a++)
            {
                var cell = ResidentsProjector.Cell(pop, members, _notEntered, r, (Sex)s, a, year, province);
                bool old = a >= ResidentsAccountPension.PensionAge;
                double contributors = old ? 0 : Calibration.ContributorTakeUp[r] * cell.Residual;
                double beneficiaries = old ? Calibration.BeneficiaryTakeUp[r] * cell.Residual : 0;
                rows.Add(new ResidentsAgeRow(year, province.Code, province.EnglishName, ((Sex)s).ToString().ToLowerInvariant(), a,
                    cell.Population, cell.Workers, cell.Pensioners, cell.InSchool, contributors, beneficiaries));
            }
        }
        return rows;
    }

    private IReadOnlyList<ResidentsYearRow> BuildRows()
    {
        int n = _provinces.Count;
        var rows = new List<ResidentsYearRow>();
        for (int year = FirstYear; year <= EndYear; year++)
        {
            var total = new double[MoneyLines];
            for (int r = 0; r < n; r++)
            {
                var m = _money.AsSpan(((year - FirstYear) * n + r) * MoneyLines, MoneyLines);
                for (int k = 0; k < MoneyLines; k++) total[k] += m[k];
                rows.Add(Row(year, _provinces[r], m, m[12], m[13]));
            }
            // The national minimum is the same everywhere; the national top-up is the beneficiary-weighted mean.
            double minimum = _money[((year - FirstYear) * n) * MoneyLines + 12];
            double topUp = total[1] > 0 ? total[4] / (12 * total[1]) - minimum : 0;
            rows.Add(Row(year, Regions.China, total, minimum, topUp));
        }
        return rows;
    }

    private static ResidentsYearRow Row(int year, Region region, ReadOnlySpan<double> m, double minimum, double topUp) =>
        new(year, region.Code, region.EnglishName, m[0] + m[1], m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11],
            minimum, topUp, m[1] > 0 ? m[10] / (12 * m[1]) : 0);

    private IReadOnlyList<CoverageRow> BuildCoverageRows()
    {
        int n = _provinces.Count;
        var rows = new List<CoverageRow>();
        for (int year = FirstYear; year <= EndYear; year++)
        {
            var total = new double[States];
            for (int r = 0; r < n; r++)
            {
                var c = _coverage.AsSpan(((year - FirstYear) * n + r) * States, States);
                for (int k = 0; k < States; k++) total[k] += c[k];
                rows.Add(CoverageRow.Of(year, _provinces[r], c));
            }
            rows.Add(CoverageRow.Of(year, Regions.China, total));
        }
        return rows;
    }

    private void CheckYear(int year)
    {
        if (year < FirstYear || year > EndYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"expected a year in [{FirstYear}, {EndYear}]");
    }
}

/// <summary>One year × province of the residents' scheme (tidy). Head counts as the yearbook counts them (with the registration factor); money in nominal yuan of the calendar year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China.</param>
/// <param name="Region">English name.</param>
/// <param name="Participants">Participants (参保人数) = contributor-status members + beneficiaries.</param>
/// <param name="ContributorStatusMembers">Members aged 16–59 not drawing a pension (not all pay every year).</param>
/// <param name="Beneficiaries">Beneficiaries paid (实际领取待遇人数).</param>
/// <param name="AccountCreditsYuan">Credits to individual accounts: members' contributions + matching subsidies (+ collective aid).</param>
/// <param name="MatchingSubsidiesYuan">The local governments' matching subsidies in <paramref name="AccountCreditsYuan"/> (at the minimum rule, <see cref="ContributionGrades"/>).</param>
/// <param name="FoundationPensionsYuan">Foundation pensions paid, all from the budget.</param>
/// <param name="CentralBudgetYuan">The central budget's part of the foundation pensions (<see cref="CostSharing"/>).</param>
/// <param name="LocalBudgetYuan">Local budgets: foundation pensions less the central part, plus matching subsidies.</param>
/// <param name="AccountPensionsYuan">Individual-account pensions paid.</param>
/// <param name="InterestYuan">Return on the fund.</param>
/// <param name="RevenueYuan">Account credits + foundation pensions + interest (the yearbook's 基金收入).</param>
/// <param name="SpendingYuan">Foundation + account pensions (基金支出).</param>
/// <param name="BalanceYuan">Year-end balance (累计结余).</param>
/// <param name="CentralMinimumYuanPerMonth">The central minimum foundation pension.</param>
/// <param name="ProvincialTopUpYuanPerMonth">The province's top-up (national row: beneficiary-weighted mean).</param>
/// <param name="AveragePensionYuanPerMonth">Spending / (12 × beneficiaries).</param>
[CsvHelper.CsvRecord]
public sealed partial record ResidentsYearRow(
    int Year, int RegionCode, string Region, double Participants, double ContributorStatusMembers, double Beneficiaries,
    double AccountCreditsYuan, double MatchingSubsidiesYuan, double FoundationPensionsYuan, double CentralBudgetYuan, double LocalBudgetYuan,
    double AccountPensionsYuan, double InterestYuan, double RevenueYuan, double SpendingYuan, double BalanceYuan,
    double CentralMinimumYuanPerMonth, double ProvincialTopUpYuanPerMonth, double AveragePensionYuanPerMonth);

/// <summary>One year × province: persons aged 16+ in each coverage state (<see cref="CoverageState"/>), in the resident population.</summary>
/// <param name="Year">Calendar year (reference date of the year).</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China.</param>
/// <param name="Region">English name.</param>
/// <param name="Population16Plus">Persons aged 16+ (the sum of the states).</param>
/// <param name="EmployeeContributors">Employee-scheme members not retired.</param>
/// <param name="EmployeeBeneficiaries">Employee-scheme pensioners.</param>
/// <param name="ResidentsContributors">Residents'-scheme contributor-status members.</param>
/// <param name="ResidentsBeneficiaries">Residents'-scheme beneficiaries.</param>
/// <param name="InSchool">In school, in neither scheme.</param>
/// <param name="Uncovered">In neither scheme, not in school.</param>
/// <param name="CoveredShare">Members and beneficiaries of either scheme / persons aged 16+.</param>
[CsvHelper.CsvRecord]
public sealed partial record CoverageRow(
    int Year, int RegionCode, string Region, double Population16Plus, double EmployeeContributors, double EmployeeBeneficiaries,
    double ResidentsContributors, double ResidentsBeneficiaries, double InSchool, double Uncovered, double CoveredShare)
{
    internal static CoverageRow Of(int year, Region region, ReadOnlySpan<double> c)
    {
        double total = 0;
        foreach (double v in c) total += v;
        double covered = c[0] + c[1] + c[2] + c[3];
        return new CoverageRow(year, region.Code, region.EnglishName, total, c[0], c[1], c[2], c[3], c[4], c[5], total > 0 ? covered / total : 0);
    }
}

/// <summary>The residents' scheme in one province, year, sex and age (<see cref="ResidentsProjection.ParticipantsByAge"/>).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="Region">English name.</param>
/// <param name="Sex">male / female.</param>
/// <param name="Age">Single age (100 = 100+).</param>
/// <param name="Population">Persons.</param>
/// <param name="EmployeeContributors">Employee-scheme members not retired.</param>
/// <param name="EmployeeBeneficiaries">Employee-scheme pensioners.</param>
/// <param name="InSchool">In school, in neither scheme.</param>
/// <param name="ResidentsContributors">Residents'-scheme contributor-status members.</param>
/// <param name="ResidentsBeneficiaries">Residents'-scheme beneficiaries.</param>
[CsvHelper.CsvRecord]
internal sealed partial record ResidentsAgeRow(int Year, int RegionCode, string Region, string Sex, int Age, double Population,
    double EmployeeContributors, double EmployeeBeneficiaries, double InSchool, double ResidentsContributors, double ResidentsBeneficiaries);
