using System.Numerics.Tensors;
using Actuarial.Dimensions;

namespace Actuarial.Funds;

/// <summary>Which ledger line of a <see cref="FundProjection"/> to read.</summary>
internal enum FundLine
{
    /// <summary>Balance on 1 January, yuan.</summary>
    OpeningBalance,
    /// <summary>Investment return on the opening balance, yuan.</summary>
    InvestmentReturn,
    /// <summary>Contributions, yuan.</summary>
    Contributions,
    /// <summary>Subsidies decided before transfers, yuan.</summary>
    ScheduledSubsidies,
    /// <summary>Top-up (backstop) subsidies, yuan.</summary>
    TopUpSubsidies,
    /// <summary>All fiscal subsidies (scheduled + top-up), yuan.</summary>
    Subsidies,
    /// <summary>Received from the pool, yuan.</summary>
    TransfersIn,
    /// <summary>Paid to the pool, yuan.</summary>
    TransfersOut,
    /// <summary>Received from the strategic reserve, yuan.</summary>
    FromReserve,
    /// <summary>Pensions paid, yuan.</summary>
    Pensions,
    /// <summary>Balance on 31 December, yuan.</summary>
    ClosingBalance,
}

/// <summary>
/// The result of <see cref="FundProjector.Run"/>: every ledger line per year and province, the national sums
/// (region code 0), the strategic reserve, tidy tables and the solvency measures.
/// </summary>
[Display.TypeFormatterSource(typeof(Display.NotebookFormatterSource))] // notebook display (*.Display.cs)
public sealed partial class FundProjection
{
    private readonly CompiledFunds _inputs;
    private readonly FundBuffers _b;

    internal FundProjection(CompiledFunds inputs, FundBuffers buffers)
    {
        _inputs = inputs;
        _b = buffers;
    }

    /// <summary>The flows projected.</summary>
    internal FundFlows Flows => _inputs.Flows;

    /// <summary>The assumptions used.</summary>
    public FundAssumptions Assumptions => _inputs.Assumptions;

    /// <summary>The provinces in axis order.</summary>
    public IReadOnlyList<Region> Provinces => _inputs.Flows.Provinces;

    /// <summary>First calendar year.</summary>
    public int FirstYear => _inputs.Flows.FirstYear;

    /// <summary>Last calendar year.</summary>
    public int LastYear => _inputs.Flows.LastYear;

    /// <summary>The pooling rule applied in a year.</summary>
    internal IPoolingRule PoolingRule(int year) => _inputs.Rules[YearIndex(year)];

    /// <summary>The blended fund return ρ_t of each year (the default discount rates of the measures).</summary>
    internal ReadOnlySpan<double> FundReturns => _inputs.BlendedReturn;

    /// <summary>One ledger line of a year, per province.</summary>
    internal ReadOnlySpan<double> Line(FundLine line, int year)
    {
        int n = Provinces.Count, t = YearIndex(year);
        return line switch
        {
            FundLine.OpeningBalance => _b.Opening.AsSpan(t * n, n),
            FundLine.InvestmentReturn => _b.Return.AsSpan(t * n, n),
            FundLine.Contributions => Flows.AllContributions.Slice(t * n, n),
            FundLine.ScheduledSubsidies => _b.Scheduled.AsSpan(t * n, n),
            FundLine.TopUpSubsidies => _b.TopUp.AsSpan(t * n, n),
            FundLine.Subsidies => SumSubsidies(t * n, n),
            FundLine.TransfersIn => _b.Received.AsSpan(t * n, n),
            FundLine.TransfersOut => _b.PaidOut.AsSpan(t * n, n),
            FundLine.FromReserve => _b.FromReserve.AsSpan(t * n, n),
            FundLine.Pensions => Flows.AllPensions.Slice(t * n, n),
            FundLine.ClosingBalance => _b.Closing.AsSpan(t * n, n),
            _ => throw new ArgumentOutOfRangeException(nameof(line), line, "unknown ledger line"),
        };
    }

    /// <summary>One ledger line of a year for one province (by GB/T code) or the nation (code 0).</summary>
    internal double Value(FundLine line, int year, int regionCode = 0)
    {
        var values = Line(line, year);
        return regionCode == 0 ? TensorPrimitives.Sum(values) : values[ProvinceIndex(regionCode)];
    }

    /// <summary>Year-end balances of the strategic reserve (empty without one).</summary>
    internal ReadOnlySpan<double> ReserveClosingBalances => _inputs.Reserve is null ? default : _b.ReserveClosing;

    /// <summary>The yearly measures per province and nationally (region code 0 after the provinces of each year).</summary>
    public IReadOnlyList<FundYearRow> YearTable()
    {
        var rows = new List<FundYearRow>((Provinces.Count + 1) * Flows.YearCount);
        for (int year = FirstYear; year <= LastYear; year++)
        {
            for (int i = 0; i < Provinces.Count; i++) rows.Add(Row(year, Provinces[i], i));
            rows.Add(Row(year, Regions.China, -1));
        }
        return rows;
    }

    /// <summary>The strategic reserve's ledger per year (empty without a reserve).</summary>
    public IReadOnlyList<StrategicReserveRow> ReserveTable()
    {
        var rows = new List<StrategicReserveRow>();
        if (_inputs.Reserve is null) return rows;
        for (int t = 0; t < Flows.YearCount; t++)
        {
            rows.Add(new StrategicReserveRow(FirstYear + t, _b.ReserveOpening[t], _b.ReserveReturn[t], _b.ReserveInflow[t], _b.ReserveDrawn[t], _b.ReserveClosing[t]));
        }
        return rows;
    }

    /// <summary>
    /// The stress's own flows per year, province and nation (<see cref="FundStress"/>; empty without one): contributions
    /// deferred and repaid (already in the contributions line), extra central transfers (already in the top-up subsidies),
    /// and bridge loans, borrowed net of repayments (in the closing balance, not in the other lines of the year table).
    /// </summary>
    internal IReadOnlyList<FundStressRow> StressTable()
    {
        var rows = new List<FundStressRow>();
        if (_inputs.Stress is null) return rows;
        int n = Provinces.Count;
        for (int t = 0; t < Flows.YearCount; t++)
        {
            double d = 0, r = 0, c = 0, net = 0, debt = 0;
            for (int i = 0; i < n; i++)
            {
                int k = t * n + i;
                rows.Add(new FundStressRow(FirstYear + t, Provinces[i].Code, Provinces[i].EnglishName, _inputs.Deferred[k], _inputs.Repaid[k],
                    _b.CentralTransfers[k], _b.BridgeNet[k], _b.BridgeDebt[k]));
                d += _inputs.Deferred[k]; r += _inputs.Repaid[k]; c += _b.CentralTransfers[k]; net += _b.BridgeNet[k]; debt += _b.BridgeDebt[k];
            }
            rows.Add(new FundStressRow(FirstYear + t, 0, Regions.China.EnglishName, d, r, c, net, debt));
        }
        return rows;
    }

    /// <summary>Per-run measures for each province and the nation (last row).</summary>
    public IReadOnlyList<FundRunSummaryRow> Summary()
    {
        var rows = new List<FundRunSummaryRow>(Provinces.Count + 1);
        for (int i = 0; i < Provinces.Count; i++) rows.Add(Summarise(Provinces[i], i));
        rows.Add(Summarise(Regions.China, -1));
        return rows;
    }

    /// <summary>Per-run measures of one province or the nation (<see cref="Regions.China"/>).</summary>
    public FundRunSummaryRow Summary(Region region) => Summary(region.Code);

    /// <summary>Per-run measures of one province (GB/T code) or the nation (0).</summary>
    internal FundRunSummaryRow Summary(int regionCode) =>
        regionCode == 0 ? Summarise(Regions.China, -1) : Summarise(Provinces[ProvinceIndex(regionCode)], ProvinceIndex(regionCode));

    /// <summary>
    /// The general average premium of a province or the nation over [FirstYear, <paramref name="lastYear"/>]: the constant
    /// rate on the covered wage bill that, with the opening balance, pays the pensions and leaves
    /// <paramref name="targetFund"/>; discounted at the projection's fund returns (formula in
    /// <see cref="SolvencyMeasures.GeneralAveragePremium"/>). Compare with the current contribution rate C/W.
    /// </summary>
    /// <param name="region">A province or the nation (<see cref="Regions.China"/>).</param>
    /// <param name="lastYear">Last year of the period; the projection's last year when null.</param>
    /// <param name="targetFund">Fund left at the end of the period, yuan.</param>
    public double GeneralAveragePremium(Region region, int? lastYear = null, double targetFund = 0) => GeneralAveragePremium(region.Code, lastYear, targetFund);

    /// <summary>The general average premium of a province (GB/T code) or the nation (0); see the overload taking a <see cref="Region"/>.</summary>
    internal double GeneralAveragePremium(int regionCode = 0, int? lastYear = null, double targetFund = 0)
    {
        int years = YearsTo(lastYear ?? LastYear);
        var e = Series(FundLine.Pensions, regionCode, years);
        var w = WageBill(regionCode, years);
        return SolvencyMeasures.GeneralAveragePremium(e, w, Value(FundLine.OpeningBalance, FirstYear, regionCode), _inputs.BlendedReturn.AsSpan(0, years), targetFund);
    }

    /// <summary>
    /// The actuarial balance (SSA definition, <see cref="SolvencyMeasures.ActuarialBalance"/>) of a province or the
    /// nation over a valuation period of <paramref name="years"/> years from FirstYear, discounted at the fund returns.
    /// Income is contributions plus net transfers (zero nationally), plus subsidies and reserve draws when
    /// <paramref name="includeSubsidies"/>; the target fund is the pensions of the year after the period, so the flows must
    /// cover <paramref name="years"/> + 1 years.
    /// </summary>
    /// <param name="region">A province or the nation (<see cref="Regions.China"/>).</param>
    /// <param name="years">Length of the valuation period, years (75 as the SSA trustees use).</param>
    /// <param name="includeSubsidies">Whether fiscal subsidies and reserve draws count as income.</param>
    /// <exception cref="ArgumentOutOfRangeException">The flows do not cover the period and the year after it.</exception>
    public ActuarialBalanceResult ActuarialBalance(Region region, int years = 75, bool includeSubsidies = false) => ActuarialBalance(region.Code, years, includeSubsidies);

    /// <summary>The actuarial balance of a province (GB/T code) or the nation (0); see the overload taking a <see cref="Region"/>.</summary>
    internal ActuarialBalanceResult ActuarialBalance(int regionCode = 0, int years = 75, bool includeSubsidies = false)
    {
        if (years < 1 || years + 1 > Flows.YearCount)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years,
                $"a valuation period of 1..{Flows.YearCount - 1} years (the flows cover {FirstYear}–{LastYear} and the target fund needs the year after the period)");
        }
        var income = Series(FundLine.Contributions, regionCode, years);
        var tin = Series(FundLine.TransfersIn, regionCode, years);
        var tout = Series(FundLine.TransfersOut, regionCode, years);
        TensorPrimitives.Add(income, tin, income);
        TensorPrimitives.Subtract(income, tout, income);
        if (includeSubsidies)
        {
            TensorPrimitives.Add(income, Series(FundLine.Subsidies, regionCode, years), income);
            TensorPrimitives.Add(income, Series(FundLine.FromReserve, regionCode, years), income);
        }
        var cost = Series(FundLine.Pensions, regionCode, years);
        return SolvencyMeasures.ActuarialBalance(income, cost, WageBill(regionCode, years),
            Value(FundLine.OpeningBalance, FirstYear, regionCode), _inputs.BlendedReturn.AsSpan(0, years),
            Value(FundLine.Pensions, FirstYear + years, regionCode));
    }

    private FundYearRow Row(int year, Region region, int i)
    {
        int code = region.Code;
        double Get(FundLine line) => i < 0 ? TensorPrimitives.Sum(Line(line, year)) : Line(line, year)[i];
        double Flow(ReadOnlySpan<double> all) => i < 0 ? TensorPrimitives.Sum(all.Slice(YearIndex(year) * Provinces.Count, Provinces.Count)) : all[YearIndex(year) * Provinces.Count + i];
        double contributions = Get(FundLine.Contributions), subsidies = Get(FundLine.Subsidies), pensions = Get(FundLine.Pensions);
        double tin = Get(FundLine.TransfersIn), tout = Get(FundLine.TransfersOut), reserve = Get(FundLine.FromReserve);
        double closing = Get(FundLine.ClosingBalance);
        double workers = Flow(Flows.AllContributingWorkers), retirees = Flow(Flows.AllRetirees), wageBill = Flow(Flows.AllCoveredWageBills);
        return new FundYearRow(
            year, code, region.EnglishName,
            Get(FundLine.OpeningBalance), Get(FundLine.InvestmentReturn), contributions, subsidies, Get(FundLine.TopUpSubsidies),
            contributions, contributions + subsidies, pensions, tin, tout, reserve,
            contributions + subsidies + tin - tout + reserve - pensions,
            contributions + tin - tout - pensions,
            closing,
            pensions > 0 ? closing / (pensions / 12.0) : null,
            workers, retirees, workers > 0 ? retirees / workers : null,
            wageBill, wageBill > 0 ? pensions / wageBill : null);
    }

    private FundRunSummaryRow Summarise(Region region, int i)
    {
        int? deficit = null, deficitNoSubsidy = null, depletion = null;
        double peak = i < 0 ? TensorPrimitives.Sum(Line(FundLine.OpeningBalance, FirstYear)) : Line(FundLine.OpeningBalance, FirstYear)[i];
        int peakYear = FirstYear - 1;
        double subsidies = 0, topUp = 0, tin = 0, tout = 0, reserve = 0;
        for (int year = FirstYear; year <= LastYear; year++)
        {
            var row = Row(year, region, i);
            if (deficit is null && row.CurrentBalance < 0) deficit = year;
            if (deficitNoSubsidy is null && row.CurrentBalanceExcludingSubsidies < 0) deficitNoSubsidy = year;
            if (depletion is null && row.ClosingBalance < 0) depletion = year;
            if (row.ClosingBalance > peak) { peak = row.ClosingBalance; peakYear = year; }
            subsidies += row.Subsidies;
            topUp += row.SubsidiesToFloor;
            tin += row.TransfersIn;
            tout += row.TransfersOut;
            reserve += row.FromReserve;
        }
        return new FundRunSummaryRow(region.Code, region.EnglishName, FirstYear, LastYear, deficit, deficitNoSubsidy, depletion,
            peak, peakYear, subsidies, topUp, tin, tout, reserve);
    }

    private double[] Series(FundLine line, int regionCode, int years)
    {
        var values = new double[years];
        for (int t = 0; t < years; t++) values[t] = Value(line, FirstYear + t, regionCode);
        return values;
    }

    private double[] WageBill(int regionCode, int years)
    {
        int n = Provinces.Count;
        var values = new double[years];
        int index = regionCode == 0 ? -1 : ProvinceIndex(regionCode);
        for (int t = 0; t < years; t++)
        {
            var row = Flows.AllCoveredWageBills.Slice(t * n, n);
            values[t] = index < 0 ? TensorPrimitives.Sum(row) : row[index];
        }
        return values;
    }

    private ReadOnlySpan<double> SumSubsidies(int start, int n)
    {
        var sum = new double[n];
        TensorPrimitives.Add(_b.Scheduled.AsSpan(start, n), _b.TopUp.AsSpan(start, n), sum);
        return sum;
    }

    private int YearsTo(int lastYear)
    {
        if (lastYear < FirstYear || lastYear > LastYear) throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"a year in {FirstYear}–{LastYear}");
        return lastYear - FirstYear + 1;
    }

    private int YearIndex(int year)
    {
        if (year < FirstYear || year > LastYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"the projection covers {FirstYear}–{LastYear}");
        return year - FirstYear;
    }

    private int ProvinceIndex(int regionCode)
    {
        int i = Flows.IndexOf(regionCode);
        if (i < 0) throw new ArgumentOutOfRangeException(nameof(regionCode), regionCode, "not a province of the projection (0 for the nation)");
        return i;
    }
}

/// <summary>One province (or the nation, code 0) in one year: the ledger and the yearly measures (tidy).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = national sum.</param>
/// <param name="Region">English name.</param>
/// <param name="OpeningBalance">Balance on 1 January, yuan.</param>
/// <param name="InvestmentReturn">Return on the opening balance, yuan.</param>
/// <param name="Contributions">Contributions, yuan.</param>
/// <param name="Subsidies">Fiscal subsidies (scheduled and top-up), yuan.</param>
/// <param name="SubsidiesToFloor">Of which top-up (backstop) subsidies, yuan.</param>
/// <param name="RevenueExcludingSubsidies">Revenue without subsidies (= contributions), yuan.</param>
/// <param name="Revenue">Revenue with subsidies (contributions + subsidies), yuan; excludes returns and transfers.</param>
/// <param name="Spending">Pensions paid, yuan.</param>
/// <param name="TransfersIn">Received from the pool, yuan.</param>
/// <param name="TransfersOut">Paid to the pool, yuan.</param>
/// <param name="FromReserve">Received from the strategic reserve, yuan.</param>
/// <param name="CurrentBalance">Revenue + transfers in − out + reserve draws − spending (当期结余, no returns), yuan.</param>
/// <param name="CurrentBalanceExcludingSubsidies">Contributions + transfers in − out − spending, yuan.</param>
/// <param name="ClosingBalance">Accumulated balance on 31 December (累计结存), yuan.</param>
/// <param name="MonthsOfPayment">Closing balance / (spending / 12) (可支付月数); empty without spending.</param>
/// <param name="ContributingWorkers">Insured contributing workers.</param>
/// <param name="Retirees">Retirees.</param>
/// <param name="SystemDependencyRatio">Retirees per contributing worker; empty without workers.</param>
/// <param name="CoveredWageBill">Covered wage bill, yuan.</param>
/// <param name="CostRate">Spending / covered wage bill; empty without a wage bill.</param>
[CsvHelper.CsvRecord]
public sealed partial record FundYearRow(
    int Year, int RegionCode, string Region,
    double OpeningBalance, double InvestmentReturn, double Contributions, double Subsidies, double SubsidiesToFloor,
    double RevenueExcludingSubsidies, double Revenue, double Spending, double TransfersIn, double TransfersOut, double FromReserve,
    double CurrentBalance, double CurrentBalanceExcludingSubsidies, double ClosingBalance, double? MonthsOfPayment,
    double ContributingWorkers, double Retirees, double? SystemDependencyRatio, double CoveredWageBill, double? CostRate);

/// <summary>Per-run measures of one province or the nation (code 0).</summary>
/// <param name="RegionCode">GB/T 2260 code; 0 = national sum.</param>
/// <param name="Region">English name.</param>
/// <param name="FirstYear">First projected year.</param>
/// <param name="LastYear">Last projected year.</param>
/// <param name="FirstCurrentDeficitYear">First year with <see cref="FundYearRow.CurrentBalance"/> &lt; 0, if any.</param>
/// <param name="FirstCurrentDeficitYearExcludingSubsidies">First year with <see cref="FundYearRow.CurrentBalanceExcludingSubsidies"/> &lt; 0, if any.</param>
/// <param name="DepletionYear">First year ending with a negative accumulated balance, if any.</param>
/// <param name="PeakBalance">Highest year-end balance (the opening balance counts as the end of FirstYear − 1), yuan.</param>
/// <param name="PeakBalanceYear">Year at whose end the peak is reached.</param>
/// <param name="TotalSubsidies">Sum of subsidies over the run, yuan (undiscounted).</param>
/// <param name="TotalSubsidiesToFloor">Of which top-up subsidies, yuan: what the state must pay to keep the floor.</param>
/// <param name="TotalTransfersIn">Sum of transfers received, yuan.</param>
/// <param name="TotalTransfersOut">Sum of transfers paid, yuan.</param>
/// <param name="TotalFromReserve">Sum of draws on the strategic reserve, yuan.</param>
[CsvHelper.CsvRecord]
public sealed partial record FundRunSummaryRow(
    int RegionCode, string Region, int FirstYear, int LastYear,
    int? FirstCurrentDeficitYear, int? FirstCurrentDeficitYearExcludingSubsidies, int? DepletionYear,
    double PeakBalance, int PeakBalanceYear, double TotalSubsidies, double TotalSubsidiesToFloor,
    double TotalTransfersIn, double TotalTransfersOut, double TotalFromReserve);

/// <summary>The strategic reserve in one year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="OpeningBalance">Reserve on 1 January, yuan.</param>
/// <param name="InvestmentReturn">Return, yuan.</param>
/// <param name="Inflows">Fiscal allocations and state-capital dividends, yuan.</param>
/// <param name="Drawn">Paid to provincial funds, yuan.</param>
/// <param name="ClosingBalance">Reserve on 31 December, yuan.</param>
[CsvHelper.CsvRecord]
public sealed partial record StrategicReserveRow(int Year, double OpeningBalance, double InvestmentReturn, double Inflows, double Drawn, double ClosingBalance);

/// <summary>The flows of a <see cref="FundStress"/> in one year, for one province or the nation (code 0).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = national sum.</param>
/// <param name="Region">English name.</param>
/// <param name="DeferredContributions">Contributions deferred in the year, yuan.</param>
/// <param name="RepaidContributions">Deferred contributions repaid in the year (with their interest), yuan.</param>
/// <param name="CentralTransfers">Extra central transfers, yuan (part of the top-up subsidies).</param>
/// <param name="BridgeBorrowedNet">Bridge loans borrowed less repaid, yuan.</param>
/// <param name="BridgeDebt">Bridge debt owed at the year's end, yuan.</param>
[CsvHelper.CsvRecord]
internal sealed partial record FundStressRow(int Year, int RegionCode, string Region, double DeferredContributions, double RepaidContributions,
    double CentralTransfers, double BridgeBorrowedNet, double BridgeDebt);
