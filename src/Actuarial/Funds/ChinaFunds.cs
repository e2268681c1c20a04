using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Funds;

/// <summary>
/// China's fund defaults from the embedded 2024 provincial table (<see cref="PensionData.UrbanEmployeePensionProvince2024"/>,
/// NBS yearbook 2025 table 24-26): the end-2024 balances that open a projection on 1 January 2025, and the 2024
/// provincial revenue and expenditure on which the national pooling rule is calibrated.
/// </summary>
public static class ChinaFunds
{
    /// <summary>First projection year the 2024 table opens: balances at end-2024 are the balances on 1 January 2025.</summary>
    public const int FirstYear2024Table = 2025;

    /// <summary>Share of the fund entrusted to the NCSSF: 22,315.52 亿 entrusted at end-2023 (reference §8.2 [S]) over the
    /// end-2023 accumulated balance of 63,639 亿 (reference §5, tagged [U]) = 0.351 [D]. The entrusted assets may include some
    /// residents' scheme money, so this is an upper estimate for the employee scheme.</summary>
    public const double EntrustedShare2023 = 22_315.52 / 63_639.0;

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
    /// <param name="pooling">Pooling schedule; default <see cref="PoolingSchedule.China"/>.</param>
    public static FundAssumptions China2024(int lastYear, double otherReturn, double entrustedReturn = ChinaFundFigures.EntrustedAnnualisedReturn,
        double entrustedShare = EntrustedShare2023, ISubsidyRule? subsidies = null, PoolingSchedule? pooling = null) => new()
    {
        OpeningBalances = OpeningBalances2024(),
        EntrustedShare = entrustedShare,
        EntrustedReturn = AnnualPath.Constant("entrusted return", FirstYear2024Table, lastYear, entrustedReturn),
        OtherReturn = AnnualPath.Constant("other return", FirstYear2024Table, lastYear, otherReturn),
        Subsidies = subsidies ?? new NoSubsidy(),
        Pooling = pooling ?? PoolingSchedule.China(),
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
        Return = AnnualPath.Constant("reserve return", FirstYear2024Table, lastYear, annualReturn),
        StateCapital = ChinaFundFigures.TransferredStateCapitalCentral2020,
        DividendYield = dividendYield,
        Draws = draws,
    };

    /// <summary>
    /// The 2024 provincial table as one year of flows (for calibrating pooling rules): contributions = revenue,
    /// pensions = expenditure, workers, retirees; wages and wage bill are left at zero (not in the table).
    /// Revenue in the table includes fiscal subsidies and pooling receipts and expenditure includes payments to the pool,
    /// so these are <b>post-transfer</b> results; see <see cref="ApplyTo2024Table"/>.
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
}

/// <summary>What a pooling rule implies for one province on the 2024 table.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="Region">English name.</param>
/// <param name="Revenue">2024 fund revenue, yuan.</param>
/// <param name="Expenditure">2024 fund expenditure, yuan.</param>
/// <param name="Paid">Implied payment to the pool, yuan.</param>
/// <param name="Received">Implied receipt from the pool, yuan.</param>
[CsvHelper.CsvRecord]
public sealed partial record PoolingCalibrationRow(int RegionCode, string Region, double Revenue, double Expenditure, double Paid, double Received);
