using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

using Actuarial.Funds;

namespace Actuarial.China;

/// <summary>
/// China's fund defaults from the embedded 2024 provincial table (<see cref="PensionData.UrbanEmployeePensionProvince2024"/>,
/// NBS yearbook 2025 table 24-26): the end-2024 balances that open a projection on 1 January 2025, and the 2024
/// provincial revenue and expenditure on which the national pooling rule is calibrated.
/// </summary>
internal static class ChinaFunds
{
    /// <summary>The first year the funds are projected (2025): the 2024 table closes the observed years, and its end-2024 balances open 1 January 2025.</summary>
    public const int FirstProjectedYear = 2025;

    /// <summary>Share of the fund entrusted to the NCSSF: 22,315.52 亿 entrusted at end-2023 (reference §8.2 [S]) over the
    /// end-2023 accumulated balance of 63,639 亿 (reference §5, tagged [U]) = 0.351 [D]. The entrusted assets may include some
    /// residents' scheme money, so this is an upper estimate for the employee scheme.</summary>
    public const double EntrustedShare2023 = 22_315.52 / 63_639.0;

    /// <summary>
    /// The blended return of the China fund defaults: share entrusted to the NCSSF (<see cref="EntrustedShare2023"/>,
    /// 0.351) × its 5.00% annualised return since 2016 (<see cref="ChinaFundFigures.EntrustedAnnualisedReturn"/>) + the
    /// rest × the assumed 2% on deposits and bonds (<see cref="ChinaFundFigures.NonEntrustedFundReturn"/>) = 3.05%,
    /// the return the baseline ledgers credit every year (the scheme calibration's base-year return when a scenario's
    /// ledgers give none, <see cref="Scheme.SchemeAssumptions.BaseYearFundReturn"/>).
    /// </summary>
    public static double DefaultBaseYearFundReturn =>
        EntrustedShare2023 * ChinaFundFigures.EntrustedAnnualisedReturn
        + (1 - EntrustedShare2023) * ChinaFundFigures.NonEntrustedFundReturn;

    /// <summary>End-2024 accumulated balances (累计结余) of the 31 provincial funds, yuan, by GB/T code.</summary>
    public static IReadOnlyDictionary<int, double> OpeningBalances2024()
    {
        var balances = new Dictionary<int, double>();
        foreach (var row in PensionData.UrbanEmployeePensionProvince2024())
        {
            if (row.RegionCode != 0) balances[row.RegionCode] = row.AccumulatedBalanceHundredMillionYuan * ChinaFundFigures.YuanPer100Million;
        }
        foreach (var p in Regions.Provinces)
        {
            if (!balances.ContainsKey(p.Code))
            {
                throw new InputDataException("urban_employee_pension_province_2024.csv", null, "region_code", null, $"a row for {p.EnglishName} ({p.Code})");
            }
        }
        return balances;
    }

    /// <summary>
    /// Fund assumptions opening on 1 January 2025 with the end-2024 provincial balances, China's pooling schedule
    /// (national pooling from 2022) and the given returns and subsidy rule.
    /// </summary>
    /// <param name="lastYear">Last projection year (the return paths cover 2025..lastYear).</param>
    /// <param name="otherReturn">Return on the part of the funds not entrusted (deposits, bonds), per year: a scenario choice (the reference gives none).</param>
    /// <param name="entrustedReturn">Return on the entrusted part; default the 5.00% annualised since 2016 (<see cref="ChinaFundFigures.EntrustedAnnualisedReturn"/>).</param>
    /// <param name="entrustedShare">Share entrusted; default <see cref="EntrustedShare2023"/>.</param>
    /// <param name="subsidies">Subsidy rule; default none.</param>
    /// <param name="pooling">Pooling schedule; default <see cref="ChinaPooling.Schedule"/>.</param>
    public static FundAssumptions China2024(int lastYear, double otherReturn, double entrustedReturn = ChinaFundFigures.EntrustedAnnualisedReturn,
        double entrustedShare = EntrustedShare2023, ISubsidyRule? subsidies = null, PoolingSchedule? pooling = null) => new()
    {
        OpeningBalances = OpeningBalances2024(),
        EntrustedShare = entrustedShare,
        EntrustedReturn = AnnualPath.Constant("entrusted return", FirstProjectedYear, lastYear, entrustedReturn),
        OtherReturn = AnnualPath.Constant("other return", FirstProjectedYear, lastYear, otherReturn),
        Subsidies = subsidies ?? new NoSubsidy(),
        Pooling = pooling ?? ChinaPooling.Schedule(),
    };

    /// <summary>
    /// The strategic reserve opening on 1 January 2025: NSSF assets at end-2024 (<see cref="ChinaFundFigures.NssfAssets2024"/>)
    /// and the central-level transferred state capital (<see cref="ChinaFundFigures.TransferredStateCapitalCentral2020"/>).
    /// Whether the NSSF's reported assets already include the transferred capital is not settled in the reference; keep
    /// <paramref name="dividendYield"/> at 0 to avoid counting its income twice.
    /// </summary>
    /// <param name="lastYear">Last projection year.</param>
    /// <param name="annualReturn">Return on the reserve; default the 7.39% annualised since 2000 (<see cref="ChinaFundFigures.NssfAnnualisedReturnSince2000"/>).</param>
    /// <param name="dividendYield">Cash dividend yield on the transferred capital (a scenario choice).</param>
    /// <param name="draws">When the reserve may be drawn on; null for never.</param>
    public static StrategicReserve Reserve2024(int lastYear, double annualReturn = ChinaFundFigures.NssfAnnualisedReturnSince2000,
        double dividendYield = 0, ReserveDraws? draws = null) => new()
    {
        OpeningBalance = ChinaFundFigures.NssfAssets2024,
        Return = AnnualPath.Constant("reserve return", FirstProjectedYear, lastYear, annualReturn),
        StateCapital = ChinaFundFigures.TransferredStateCapitalCentral2020,
        DividendYield = dividendYield,
        Draws = draws,
    };

    /// <summary>
    /// The 2024 provincial table as one year of flows (for calibrating pooling rules): contributions = revenue,
    /// pensions = expenditure, workers, retirees; wages and wage bill are left at zero (not in the table).
    /// What the table's money columns include: the yearbook table's note (NBS, China Statistical Yearbook 2025, table 24-26; data/README.md) says revenue
    /// (基金收入) "includes fiscal subsidies and transfers received" and expenditure (基金支出) "transfers out", without saying
    /// whether those transfers are the national pooling (全国统筹调剂) receipts and payments or the transfers of members'
    /// rights between provinces (转移收入/支出); the rules reference (§4) has no statement either. The sources do not settle
    /// it. The library's 2022– rule does: under full coverage of gaps no pre-transfer flows give the yearbook
    /// (<see cref="PreTransfer2024"/>), while read as pre-transfer the table gives a pool (2,259 亿) and receipts (Liaoning
    /// 848 亿) close to the published 2022 budget and gaps (reference §4.2). Under a rule with partial coverage the
    /// post-transfer reading is possible: calibrate on <see cref="PreTransfer2024"/>'s flows then.
    /// </summary>
    public static FundFlows Flows2024()
    {
        var flows = new FundFlows(Regions.Provinces, 2024, 1);
        var c = flows.Contributions(2024);
        var p = flows.Pensions(2024);
        var w = flows.ContributingWorkers(2024);
        var r = flows.Retirees(2024);
        foreach (var row in PensionData.UrbanEmployeePensionProvince2024())
        {
            if (row.RegionCode == 0) continue;
            int i = flows.IndexOf(row.RegionCode);
            c[i] = row.RevenueHundredMillionYuan * ChinaFundFigures.YuanPer100Million;
            p[i] = row.ExpenditureHundredMillionYuan * ChinaFundFigures.YuanPer100Million;
            w[i] = row.WorkersTenThousands * 1e4;
            r[i] = row.RetireesTenThousands * 1e4;
        }
        return flows;
    }

    /// <summary>Applies a pooling rule to the 2024 provincial revenue and expenditure (<see cref="Flows2024"/>), with no
    /// scheduled subsidies (they are inside revenue), and returns per province what it would pay and receive, yuan.</summary>
    public static IReadOnlyList<PoolingCalibrationRow> ApplyTo2024Table(IPoolingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var flows = Flows2024();
        int n = flows.ProvinceCount;
        var paid = new double[n];
        var received = new double[n];
        var zeros = new double[n];
        var year = new FundYear(2024, flows.Contributions(2024), flows.Pensions(2024), flows.ContributingWorkers(2024), flows.Retirees(2024),
            flows.AverageWage(2024), flows.CoveredWageBill(2024), zeros, zeros, zeros);
        rule.ComputeTransfers(year, paid, received);
        var rows = new List<PoolingCalibrationRow>(n);
        for (int i = 0; i < n; i++)
        {
            rows.Add(new PoolingCalibrationRow(flows.Provinces[i].Code, flows.Provinces[i].EnglishName,
                flows.Contributions(2024)[i], flows.Pensions(2024)[i], paid[i], received[i]));
        }
        return rows;
    }

    /// <summary>Largest number of fixed-point steps <see cref="PreTransfer2024"/> takes before it reports that none converges.</summary>
    public const int PreTransferMaxIterations = 10_000;

    /// <summary>
    /// The 2024 flows before national pooling under the reading that the yearbook's provincial revenue and expenditure are
    /// <b>post-transfer</b> (receipts inside revenue, payments inside expenditure). Provincial 2024 transfers are not
    /// published (reference §4.2: "2024 cross-province adjustment: not found"), so they are estimated with the given rule
    /// as a fixed point: pre-transfer flows → the rule's transfers → pre-transfer + receipts − payments = the yearbook.
    /// Solved by iteration, revenue_pre ← revenue_yearbook − received(pre), expenditure_pre ← expenditure_yearbook − paid(pre),
    /// from the yearbook's own figures; scheduled subsidies are zero (they are inside revenue, as in <see cref="ApplyTo2024Table"/>).
    /// <para>Not every rule has such a fixed point. <see cref="NationalPooling"/> with full coverage of gaps (the library's
    /// 2022– default, PoolShareOfGaps = 1 and MaxLevyOnSurplus = 1) leaves after its transfers either no province in deficit
    /// (pool = all gaps) or none in surplus (pool = all surpluses), while the 2024 yearbook has 11 provinces in deficit and 20
    /// in surplus; so under that rule the yearbook cannot be post-transfer, and this method reports it. A rule that covers a
    /// share c &lt; 1 of gaps has one: each gap province's pre-transfer result is its yearbook result / (1 − c).</para>
    /// </summary>
    /// <param name="rule">The pooling rule taken to have produced the 2024 transfers.</param>
    /// <exception cref="InputDataException">The iteration does not converge: no pre-transfer flows give the yearbook under <paramref name="rule"/>.</exception>
    public static IReadOnlyList<PreTransferRow> PreTransfer2024(IPoolingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var yearbook = Flows2024();
        int n = yearbook.ProvinceCount;
        var revenueYearbook = yearbook.Contributions(2024).ToArray();
        var expenditureYearbook = yearbook.Pensions(2024).ToArray();
        var revenue = (double[])revenueYearbook.Clone();
        var expenditure = (double[])expenditureYearbook.Clone();
        var paid = new double[n];
        var received = new double[n];
        var zeros = new double[n];
        double scale = expenditureYearbook.Sum();
        for (int iteration = 0; iteration < PreTransferMaxIterations; iteration++)
        {
            Array.Clear(paid);
            Array.Clear(received);
            var year = new FundYear(2024, revenue, expenditure, yearbook.ContributingWorkers(2024), yearbook.Retirees(2024),
                yearbook.AverageWage(2024), yearbook.CoveredWageBill(2024), zeros, zeros, zeros);
            rule.ComputeTransfers(year, paid, received);
            double worst = 0;
            for (int i = 0; i < n; i++)
            {
                double nextRevenue = revenueYearbook[i] - received[i];
                double nextExpenditure = expenditureYearbook[i] - paid[i];
                worst = Math.Max(worst, Math.Max(Math.Abs(nextRevenue - revenue[i]), Math.Abs(nextExpenditure - expenditure[i])));
                revenue[i] = nextRevenue;
                expenditure[i] = nextExpenditure;
            }
            if (!double.IsFinite(worst)) break;
            if (worst <= 1e-12 * scale)
            {
                var rows = new List<PreTransferRow>(n);
                for (int i = 0; i < n; i++)
                {
                    rows.Add(new PreTransferRow(yearbook.Provinces[i].Code, yearbook.Provinces[i].EnglishName, revenue[i], expenditure[i],
                        paid[i], received[i], revenueYearbook[i], expenditureYearbook[i]));
                }
                return rows;
            }
        }
        throw new InputDataException("urban_employee_pension_province_2024.csv", null, "revenue − expenditure by province", rule.Name,
            "flows that the pooling rule could have produced: no pre-transfer flows give the yearbook's 2024 provincial results under this rule " +
            "(a rule that covers every gap leaves no province in deficit after its transfers, but the yearbook has provinces in deficit)");
    }
}

/// <summary>One province's 2024 flows before and after the national pooling transfers (<see cref="ChinaFunds.PreTransfer2024"/>), yuan.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="Region">English name.</param>
/// <param name="PreTransferRevenue">Revenue before pooling receipts: yearbook revenue − <paramref name="Received"/>.</param>
/// <param name="PreTransferExpenditure">Expenditure before payments to the pool: yearbook expenditure − <paramref name="Paid"/>.</param>
/// <param name="Paid">The rule's payment to the pool on the pre-transfer flows.</param>
/// <param name="Received">The rule's receipt from the pool on the pre-transfer flows.</param>
/// <param name="YearbookRevenue">Yearbook revenue (post-transfer under this reading).</param>
/// <param name="YearbookExpenditure">Yearbook expenditure (post-transfer under this reading).</param>
[CsvHelper.CsvRecord]
internal sealed partial record PreTransferRow(int RegionCode, string Region, double PreTransferRevenue, double PreTransferExpenditure,
    double Paid, double Received, double YearbookRevenue, double YearbookExpenditure);

/// <summary>What a pooling rule implies for one province on the 2024 table.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="Region">English name.</param>
/// <param name="Revenue">2024 fund revenue, yuan.</param>
/// <param name="Expenditure">2024 fund expenditure, yuan.</param>
/// <param name="Paid">Implied payment to the pool, yuan.</param>
/// <param name="Received">Implied receipt from the pool, yuan.</param>
[CsvHelper.CsvRecord]
internal sealed partial record PoolingCalibrationRow(int RegionCode, string Region, double Revenue, double Expenditure, double Paid, double Received);
