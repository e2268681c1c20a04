using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scheme;

namespace Actuarial.Residents;

/// <summary>
/// Projects the urban and rural residents' basic pension (城乡居民基本养老保险) on the population and the employee scheme of
/// a pension projection, 2024 to the employee scheme's end year: who is covered by which scheme (<see cref="CoverageState"/>),
/// the residents' contributions, foundation and account pensions, the fund and who pays (<see cref="CostSharing"/>).
/// </summary>
/// <remarks>
/// A year, province by province: the coverage states from the population and the employee scheme's members by sex and age
/// (<see cref="ResidentsCalibration"/> for the take-up); then the money, per head from the 2024 calibration: the central
/// minimum of the year (<see cref="FoundationPension"/>) plus the top-up held in real terms; the yearly credit to an
/// account growing with the province's average wage (ASSUMPTION: grades and subsidies are raised with incomes, as
/// 国发〔2014〕8号 provides [U]); the account pension 12 / 139 × the opening balance per participant; interest
/// at the employee funds' blended return (ASSUMPTION: the residents' funds are invested like the employee funds, in deposits
/// and NCSSF mandates). Revenue = contributions and subsidies credited to accounts + foundation pensions (from the budget)
/// + interest; expenditure = foundation + account pensions; the balance rolls forward. Everything is allocated before the
/// year loop.
/// </remarks>
internal static class ResidentsProjector
{
    private const int A = Ages.Count;

    /// <summary>Projects the residents' scheme.</summary>
    /// <param name="assumptions">The residents' scheme assumptions.</param>
    /// <param name="demography">The population projection the employee scheme ran on.</param>
    /// <param name="employee">The employee scheme, run with its members recorded by age (as <see cref="Scenarios.PensionProjector"/> runs it).</param>
    /// <param name="priceGrowth">CPI growth of a year.</param>
    /// <param name="fundReturn">The nominal return of the residents' funds in a year.</param>
    /// <exception cref="InputDataException">A province without a 2024 target, or employee members above a cell's population.</exception>
    public static ResidentsProjection Run(ResidentsAssumptions assumptions, DemographicProjection demography, SchemeProjection employee,
        Func<int, double> priceGrowth, Func<int, double> fundReturn)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(demography);
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(priceGrowth);
        ArgumentNullException.ThrowIfNull(fundReturn);
        if (!employee.HasMembersByAge) throw new ArgumentException("the employee scheme was run without its members by age", nameof(employee));
        var provinces = demography.Shape.Regions;
        int n = provinces.Count, first = employee.FirstYear, years = employee.EndYear - first + 1;
        var notEntered = NotEnteredShares(assumptions);
        var coverage = new double[years * n * ResidentsProjection.States];
        var reachable = new double[years * n * 2]; // residual aged 16–59, then 60+
        if (employee.HasCoverageInputs(notEntered, ResidentsAccountPension.FirstAge, ResidentsAccountPension.PensionAge)) ReadCoverageInputs(employee, provinces, years, coverage, reachable);
        else for (int y = 0; y < years; y++) FillCoverageInputs(first + y, demography, employee, notEntered, coverage, reachable);

        var targets = TargetsByProvince(assumptions, provinces);
        var calibration = Calibrate(provinces, targets, reachable, fundReturn(first));
        var money = new double[years * n * ResidentsProjection.MoneyLines];
        Project(assumptions, employee, calibration, targets, coverage, reachable, money, priceGrowth, fundReturn, first, years);
        return new ResidentsProjection(provinces, first, years, calibration, coverage, money, notEntered, demography, employee);
    }

    /// <summary>What the employee scheme needs to sum the coverage inputs as it steps (<see cref="SchemeEngine.RecordMembersByAge"/>).</summary>
    internal static CoverageKernels.Shape CoverageShape(ResidentsAssumptions assumptions) =>
        new(NotEnteredShares(assumptions), ResidentsAccountPension.FirstAge, ResidentsAccountPension.PensionAge);

    /// <summary>The share of a cell (education, age) that has not yet entered work (in school): 1 − the entry logistic of the labour layer.</summary>
    internal static double[] NotEnteredShares(ResidentsAssumptions assumptions)
    {
        var shape = assumptions.SchoolLeaving;
        var shares = new double[EducationLevels.Count * A];
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            double mid = Math.Max(shape.MinimumWorkingAge, shape.SchoolEntryAge + shape.SchoolingYears[(EducationLevel)e]);
            for (int a = ResidentsAccountPension.FirstAge; a < A; a++) shares[e * A + a] = 1 - 1 / (1 + Math.Exp(-(a - mid) / shape.EntryScaleYears));
        }
        return shares;
    }

    /// <summary>
    /// A (region, sex, age) cell's population aged 16+ split into employee members, in school and the residual the residents'
    /// scheme can reach: (population, employee workers, employee pensioners, in school, residual).
    /// </summary>
    internal static (double Population, double Workers, double Pensioners, double InSchool, double Residual) Cell(
        ReadOnlySpan<double> pop, ReadOnlySpan<double> members, ReadOnlySpan<double> notEntered, int region, Sex sex, int age, int year, Region province)
    {
        double persons = 0, school = 0;
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            double p = pop[PopulationShape.Index(region, sex, (EducationLevel)e, age)];
            persons += p;
            school += p * notEntered[e * A + age];
        }
        double workers = members[age], pensioners = members[A + age];
        double free = persons - workers - pensioners;
        if (free < -1e-6 * Math.Max(1, persons)) throw TooManyMembers(year, province, sex, age, workers + pensioners, persons);
        free = Math.Max(free, 0); // float noise only (checked above)
        double inSchool = persons > 0 ? free * school / persons : 0;
        return (persons, workers, pensioners, inSchool, free - inSchool);
    }

    /// <summary>
    /// The coverage inputs of a year: per province, the employee members and those in school aged 16+, and the residual
    /// aged 16–59 and 60+, from the stored grid (<see cref="CoverageKernels.AddSex"/>: the same sums as <see cref="Cell"/>
    /// over the ages, its plain reference); allocation-free. What the employee scheme sums as it steps when it is given
    /// the shares (<see cref="ReadCoverageInputs"/>).
    /// </summary>
    private static void FillCoverageInputs(int year, DemographicProjection demography, SchemeProjection employee, double[] notEntered,
        double[] coverage, double[] reachable)
    {
        var pop = demography.PersonsAt(year);
        var provinces = demography.Shape.Regions;
        int n = provinces.Count, y = year - employee.FirstYear;
        for (int r = 0; r < n; r++)
        {
            var sums = new CoverageKernels.CoverageSums();
            for (int s = 0; s < Sexes.Count; s++)
            {
                var runs = pop.Slice(PopulationShape.RunStart(r, (Sex)s, 0), PopulationShape.CellsPerSex);
                var members = employee.EmployeeMembers(year, r, (Sex)s);
                int failed = CoverageKernels.AddSex(members, runs, notEntered, ResidentsAccountPension.FirstAge, ResidentsAccountPension.PensionAge, ref sums);
                if (failed >= 0)
                {
                    var cell = Cell(pop, members, notEntered, r, (Sex)s, failed, year, provinces[r]); // throws, naming the cell
                    throw new InvalidOperationException($"the coverage kernel and Cell disagree at {cell}");
                }
            }
            Store(sums, coverage.AsSpan((y * n + r) * ResidentsProjection.States, ResidentsProjection.States), reachable.AsSpan((y * n + r) * 2, 2));
        }
    }

    /// <summary>
    /// The coverage inputs of every year as the employee scheme summed them while it stepped
    /// (<see cref="SchemeProjection.CoverageInputs"/>): the sums <see cref="FillCoverageInputs"/> takes, bit for bit.
    /// </summary>
    private static void ReadCoverageInputs(SchemeProjection employee, IReadOnlyList<Region> provinces, int years, double[] coverage, double[] reachable)
    {
        if (employee.FirstCoverageFailure is { } f)
        {
            throw TooManyMembers(f.Year, provinces[f.Region], f.Sex, f.Age, f.Members, f.Persons);
        }
        int n = provinces.Count;
        for (int y = 0; y < years; y++)
        {
            for (int r = 0; r < n; r++)
            {
                int o = y * n + r;
                Store(employee.CoverageInputs(employee.FirstYear + y, r), coverage.AsSpan(o * ResidentsProjection.States, ResidentsProjection.States),
                    reachable.AsSpan(o * 2, 2));
            }
        }
    }

    private static void Store(in CoverageKernels.CoverageSums sums, Span<double> c, Span<double> reachable)
    {
        c[(int)CoverageState.EmployeeContributor] = sums.EmployeeContributors;
        c[(int)CoverageState.EmployeeBeneficiary] = sums.EmployeeBeneficiaries;
        c[(int)CoverageState.InSchool] = sums.InSchool;
        reachable[0] = sums.Working;
        reachable[1] = sums.Old;
    }

    private static InputDataException TooManyMembers(int year, Region province, Sex sex, int age, double members, double persons) =>
        new("employee scheme", null, $"members [{year}, {province.EnglishName}, {sex}, {age}]",
            members.ToString("R", CultureInfo.InvariantCulture), $"at most the cell's population {persons.ToString("R", CultureInfo.InvariantCulture)}");

    private static ResidentsTarget[] TargetsByProvince(ResidentsAssumptions assumptions, IReadOnlyList<Region> provinces)
    {
        var byCode = assumptions.Targets2024.Where(t => t.RegionCode != 0).ToDictionary(t => t.RegionCode);
        var targets = new ResidentsTarget[provinces.Count];
        for (int r = 0; r < provinces.Count; r++)
        {
            if (!byCode.TryGetValue(provinces[r].Code, out targets[r]))
            {
                throw new InputDataException("residents' scheme targets", null, "region_code", provinces[r].Code.ToString(CultureInfo.InvariantCulture),
                    "a 2024 row for every province of the population grid");
            }
        }
        return targets;
    }

    private static ResidentsCalibration Calibrate(IReadOnlyList<Region> provinces, ResidentsTarget[] targets, double[] reachable, double return2024)
    {
        int n = provinces.Count;
        var kappa = new double[n]; var beta = new double[n]; var rhoC = new double[n]; var rhoB = new double[n];
        var account = new double[n]; var topUp = new double[n]; var credit = new double[n]; var opening = new double[n];
        for (int r = 0; r < n; r++)
        {
            var t = targets[r];
            double beneficiaries = t.BeneficiariesTenThousands * 1e4, contributors = t.ParticipantsTenThousands * 1e4 - beneficiaries;
            (kappa[r], rhoC[r]) = TakeUp(contributors, reachable[2 * r], provinces[r], "contributor-status members");
            (beta[r], rhoB[r]) = TakeUp(beneficiaries, reachable[2 * r + 1], provinces[r], "beneficiaries");
            double revenue = t.RevenueHundredMillionYuan * 1e8, spending = t.ExpenditureHundredMillionYuan * 1e8, closing = t.AccumulatedBalanceHundredMillionYuan * 1e8;
            opening[r] = closing - revenue + spending;
            double participants = contributors + beneficiaries;
            account[r] = participants > 0 ? 12 / ResidentsAccountPension.DivisorMonths * opening[r] / participants : 0;
            double foundation = beneficiaries > 0 ? spending / beneficiaries - account[r] : 0;
            topUp[r] = foundation / 12 - FoundationPension.CentralMinimum2024YuanPerMonth;
            credit[r] = contributors > 0 ? (revenue - beneficiaries * foundation - return2024 * opening[r]) / contributors : 0;
            // A table the model cannot read: less spending than the central minimum, or less revenue than the budget's share.
            if (beneficiaries > 0 && topUp[r] < 0) throw Unreadable(provinces[r], "expenditure_100m_cny", t.ExpenditureHundredMillionYuan, "at least beneficiaries × 12 × the central minimum + the account pensions");
            if (credit[r] < 0) throw Unreadable(provinces[r], "revenue_100m_cny", t.RevenueHundredMillionYuan, "at least the foundation pensions + the interest on the opening balance");
        }
        return new ResidentsCalibration(provinces, kappa, beta, rhoC, rhoB, account, topUp, credit, opening);
    }

    private static InputDataException Unreadable(Region province, string field, double value, string range) =>
        new("residents' scheme targets", null, $"{field} [{province.EnglishName}]", value.ToString("R", CultureInfo.InvariantCulture), range);

    private static (double TakeUp, double Registration) TakeUp(double target, double reachable, Region province, string what)
    {
        if (target <= 0) return (0, 1);
        if (reachable <= 0)
        {
            throw new InputDataException("residents' scheme calibration", null, $"{what} [{province.EnglishName}]", target.ToString("R", CultureInfo.InvariantCulture),
                "a province with people the residents' scheme can reach");
        }
        double share = target / reachable;
        return share <= 1 ? (share, 1) : (1, share);
    }

    private static void Project(ResidentsAssumptions assumptions, SchemeProjection employee, ResidentsCalibration cal, ResidentsTarget[] targets,
        double[] coverage, double[] reachable, double[] money, Func<int, double> priceGrowth, Func<int, double> fundReturn, int first, int years)
    {
        int n = cal.Provinces.Count;
        const int S = ResidentsProjection.States, M = ResidentsProjection.MoneyLines;
        var minimums = new double[years];
        for (int y = 0; y < years; y++) minimums[y] = assumptions.FoundationPension.CentralMinimum(first + y, priceGrowth);
        for (int r = 0; r < n; r++)
        {
            double balance = cal.OpeningBalance2024Yuan[r], topUp = cal.ProvincialTopUp2024YuanPerMonth[r], credit = cal.AccountCredit2024YuanPerYear[r];
            double previousParticipants = targets[r].ParticipantsTenThousands * 1e4; // 2024 stands in for end-2023
            for (int y = 0; y < years; y++)
            {
                int year = first + y, o = y * n + r;
                var c = coverage.AsSpan(o * S, S);
                double contributorsInCells = cal.ContributorTakeUp[r] * reachable[2 * o], beneficiariesInCells = cal.BeneficiaryTakeUp[r] * reachable[2 * o + 1];
                c[(int)CoverageState.ResidentsContributor] = contributorsInCells;
                c[(int)CoverageState.ResidentsBeneficiary] = beneficiariesInCells;
                c[(int)CoverageState.Uncovered] = reachable[2 * o] - contributorsInCells + reachable[2 * o + 1] - beneficiariesInCells;
                double members = cal.ContributorRegistration[r] * contributorsInCells, beneficiaries = cal.BeneficiaryRegistration[r] * beneficiariesInCells;

                double minimum = minimums[y];
                if (y > 0)
                {
                    topUp *= 1 + priceGrowth(year);
                    double w0 = employee.Flows.AverageWage(year - 1)[r], w1 = employee.Flows.AverageWage(year)[r];
                    credit *= w0 > 0 ? w1 / w0 : 1;
                }
                // At most 12 / 139 of the fund a year (beneficiaries ≤ participants): the fund cannot be paid below zero.
                double accountPension = previousParticipants > 0 ? 12 / ResidentsAccountPension.DivisorMonths * balance / previousParticipants : 0;
                double foundation = beneficiaries * 12 * FoundationPension.Monthly(minimum, topUp);
                double accounts = beneficiaries * accountPension;
                double contributions = members * credit;
                double interest = fundReturn(year) * balance;
                double revenue = contributions + foundation + interest, spending = foundation + accounts;
                double central = CostSharing.CentralCost(cal.Provinces[r], beneficiaries, minimum);
                double subsidies = members * ContributionGrades.SplitTotal(credit).SubsidyYuan;
                balance += revenue - spending;

                var m = money.AsSpan(o * M, M);
                m[0] = members; m[1] = beneficiaries; m[2] = contributions; m[3] = subsidies; m[4] = foundation; m[5] = central;
                m[6] = foundation - central + subsidies; m[7] = accounts; m[8] = interest; m[9] = revenue; m[10] = spending; m[11] = balance;
                m[12] = minimum; m[13] = topUp;
                previousParticipants = members + beneficiaries;
            }
        }
    }
}
