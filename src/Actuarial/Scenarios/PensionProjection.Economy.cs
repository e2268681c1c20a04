using Actuarial.Dimensions;
using Actuarial.Economy;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scenarios;

public sealed partial class PensionProjection
{
    private IReadOnlyList<EconomicYearRow>? _economicTable;

    /// <summary>The economy the scenario was linked to (<see cref="PensionScenario.LinkedTo"/>); a clear error when it has none.</summary>
    private EconomicAssumptions LinkedEconomy => Scenario.Economy
        ?? throw new InputDataException(Scenario.Name, null, nameof(PensionScenario.Economy), null,
            "a scenario linked to a macro-economic path (PensionScenario.LinkedTo) for GDP, constant-yuan and financing-gap outputs");

    /// <summary>
    /// What a policy team reads, national, one row a year from the ledgers' first year: money in current yuan, in
    /// constant 2024 yuan and as % of GDP; the benefit ratio; the cost rate against the contribution rate; and after
    /// depletion the annual financing gap instead of a compounding negative balance.
    /// <para>Nominal GDP: <see cref="EconomicAssumptions.NominalGdp"/> on the labour layer's wage growth and the projected population.</para>
    /// <para>Financing gap: the national fund is run without debt: while it holds money it earns the year's blended return
    /// and pays the year's deficit; once a year's pensions exceed contributions, subsidies, reserve draws and what is left
    /// in the fund, the shortfall is that year's financing gap and the fund stays at 0. Before depletion the gap is 0.</para>
    /// </summary>
    /// <exception cref="InputDataException">The scenario is not linked to an economy.</exception>
    public IReadOnlyList<EconomicYearRow> EconomicTable() => _economicTable ??= BuildEconomicTable();

    private IReadOnlyList<EconomicYearRow> BuildEconomicTable()
    {
        var economy = LinkedEconomy;
        var wageGrowth = Scenario.Labour.WageGrowth;
        var national = Funds.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var scheme = Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var gdpPath = economy.NominalGdp(wageGrowth, Demography, Funds.LastYear);
        double prices = 1;
        double fund = Funds.Value(FundLine.OpeningBalance, Funds.FirstYear);
        var returns = Funds.FundReturns;
        var rows = new List<EconomicYearRow>();
        for (int year = EconomicAssumptions.PriceBaseYear + 1; year <= Funds.LastYear; year++)
        {
            prices *= 1 + economy.PriceGrowth[year];
            if (year < Funds.FirstYear) continue;
            double gdp = gdpPath[year];
            var f = national[year];
            var s = scheme[year];
            double before = fund * (1 + returns[year - Funds.FirstYear]) + f.Contributions + f.Subsidies + f.FromReserve - f.Spending;
            double gap = Math.Max(0, -before);
            fund = Math.Max(0, before);
            double averagePensionYuan = 12 * s.AveragePensionYuanPerMonth;
            rows.Add(new EconomicYearRow(
                year, prices, gdp, economy.PriceGrowth[year], (1 + wageGrowth[year]) / (1 + economy.PriceGrowth[year]) - 1,
                s.AverageWageYuan, averagePensionYuan, s.AverageWageYuan > 0 ? averagePensionYuan / s.AverageWageYuan : 0,
                f.CoveredWageBill > 0 ? f.Contributions / f.CoveredWageBill : 0, f.CoveredWageBill > 0 ? f.Spending / f.CoveredWageBill : 0,
                f.Contributions, f.Subsidies, f.Spending, f.ClosingBalance,
                f.Contributions / prices, f.Subsidies / prices, f.Spending / prices, f.ClosingBalance / prices,
                100 * f.Contributions / gdp, 100 * f.Subsidies / gdp, 100 * f.Spending / gdp, 100 * f.ClosingBalance / gdp,
                gap / prices, 100 * gap / gdp, 100 * f.Subsidies / (economy.BudgetRevenueShareOfGdp * gdp)));
        }
        return rows;
    }

    /// <summary>
    /// The summary a policy team reads: the key assumptions (prices, real wage growth, rules) and the measures in
    /// constant yuan and % of GDP: benefit ratio, cost and contribution rates, subsidies, the financing gap after
    /// depletion, the general average premium and the 75-year actuarial balance (discounted at the ledgers' returns) and
    /// the implicit pension debt (accrued-to-date liability net of the fund, discounted at the economy's real discount
    /// rate made nominal at each year's inflation).
    /// </summary>
    /// <param name="withImplicitDebt">Also run the closed-group projection of the implicit debt (about as long as the scheme run).</param>
    /// <exception cref="InputDataException">The scenario is not linked to an economy.</exception>
    public PensionPolicySummary PolicySummary(bool withImplicitDebt = true)
    {
        var economy = LinkedEconomy;
        var table = EconomicTable().ToDictionary(r => r.Year);
        var s = Summary();
        int[] years = [2030, 2050, 2070, 2100];
        var at = years.Where(table.ContainsKey).Select(y => table[y]).ToArray();
        int valuationYears = Math.Min(75, Funds.LastYear - Funds.FirstYear);
        // Both measures are shares of the covered wage bill: with nobody covered (a density or coverage of 0) they are undefined.
        bool anyWageBill = Funds.YearTable().Any(r => r.RegionCode == 0 && r.Year < Funds.FirstYear + valuationYears && r.CoveredWageBill > 0);
        double? balance = anyWageBill ? Funds.ActuarialBalance(0, valuationYears).ActuarialBalance : null;
        double? gap = anyWageBill ? Funds.GeneralAveragePremium(0, Funds.FirstYear + valuationYears - 1) : null;
        double? implicitDebtPercentGdp = null;
        double discount = economy.NominalDiscountRate(economy.LastYear);
        if (withImplicitDebt)
        {
            var debt = AccruedToDateLiability.Compute(this, y => economy.NominalDiscountRate(Math.Min(y, economy.LastYear)), discount);
            implicitDebtPercentGdp = 100 * debt.NetImplicitDebtYuan / economy.NominalGdp2024Yuan;
        }
        var first = table[Funds.FirstYear];
        return new PensionPolicySummary(
            Scenario.Name, economy.PriceGrowth[economy.LastYear], economy.RealWageGrowth[Math.Min(2030, economy.LastYear)], economy.RealWageGrowth[economy.LastYear],
            Describe(Scenario.Scheme.Rules.Indexation.FutureRule), Describe(Scenario.Scheme.Rules.CreditingRates.FutureRule), Scenario.Funds.Subsidies.Name,
            s.FirstCurrentDeficitYear, s.DepletionYear, s.PeakBalanceYuan / economy.PriceLevel(s.PeakBalanceYear), s.PeakBalanceYear,
            first.BenefitRatio, at.Select(r => (r.Year, r.BenefitRatio)).ToArray(),
            at.Select(r => (r.Year, r.CostRateShareOfWageBill, r.ContributionRateShareOfWageBill)).ToArray(),
            at.Select(r => (r.Year, r.SubsidiesPercentGdp)).ToArray(),
            at.Select(r => (r.Year, r.FinancingGapPercentGdp)).ToArray(),
            valuationYears, gap, balance, discount, implicitDebtPercentGdp);
    }

    /// <summary>Birth years of the cohorts whose replacement rates <see cref="NewRetireeReplacementRates"/> gives by default: 1965–2035 every fifth year (retiring about 2028–2098).</summary>
    internal static IReadOnlyList<int> ReplacementRateBirthYears { get; } = Enumerable.Range(0, 15).Select(i => 1965 + 5 * i).ToArray();

    /// <summary>
    /// Replacement rates of new retirees by cohort, nationally: the first pension of each typical worker
    /// (<see cref="Scheme.TypicalWorker.Defaults"/>) retiring at the statutory age under the scenario's rules, on the
    /// projection's national average covered wage (back-cast before 2024 at the historical wage growth, extended after the
    /// end year at the last year's growth), with the scenario's CPI path read by the crediting rule. Cohorts retiring
    /// after the end year are left out.
    /// </summary>
    /// <param name="birthYears">Birth years; default <see cref="ReplacementRateBirthYears"/>.</param>
    /// <returns>The rows; empty when some year has no covered worker (no average covered wage to scale the typical worker by).</returns>
    public IReadOnlyList<Scheme.ReplacementRateRow> NewRetireeReplacementRates(IEnumerable<int>? birthYears = null)
    {
        var a = Scheme.Assumptions;
        var wage = Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year, r => r.AverageWageYuan);
        // A typical worker earns a multiple of the average covered wage: with nobody covered in some year there is none.
        if (wage.Values.Any(w => !(w > 0))) return [];
        int first = wage.Keys.Min(), last = wage.Keys.Max();
        double tail = wage[last] / wage[last - 1] - 1;
        double Wage(int year) =>
            year < first ? wage[first] * Math.Pow(1 + a.HistoricalWageGrowth, year - first)
            : year > last ? wage[last] * Math.Pow(1 + tail, year - last)
            : wage[year];
        var rows = Actuarial.Scheme.ReplacementRates.Compute(a.Rules, Actuarial.Scheme.TypicalWorker.Defaults, birthYears ?? ReplacementRateBirthYears, Wage, a.PriceGrowthIn, a.AccountsStartYear);
        return rows.Where(r => r.RetirementYear <= last).ToArray();
    }

    private static string Describe(IFutureRateRule rule) => rule switch
    {
        PricesPlusShareOfRealWageGrowth p => $"prices + {p.Share:0.00} × real wage growth",
        ShareOfWageGrowth w => $"{w.Share:0.00} × nominal wage growth",
        ShareOfPriceGrowth p => $"{p.Share:0.00} × price growth",
        FixedRate f => $"fixed {100 * f.Value:0.##}%",
        _ => rule.ToString() ?? "",
    };
}

/// <summary>One year of the national policy view (<see cref="PensionProjection.EconomicTable"/>). Shares are decimals,
/// "Percent" columns percentages.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="PriceLevel2024Is1">CPI level, 2024 = 1.</param>
/// <param name="NominalGdpYuan">Nominal GDP, yuan.</param>
/// <param name="PriceGrowthPerYear">CPI growth of the year.</param>
/// <param name="RealWageGrowthPerYear">Real growth of the average wage (labour layer's nominal growth deflated by the CPI).</param>
/// <param name="AverageWageYuanPerYear">Average covered wage, yuan a year (current yuan).</param>
/// <param name="AveragePensionYuanPerYear">Average pension in payment, yuan a year (current yuan).</param>
/// <param name="BenefitRatio">Average pension ÷ average covered wage.</param>
/// <param name="ContributionRateShareOfWageBill">Contributions ÷ covered wage bill (the effective contribution rate).</param>
/// <param name="CostRateShareOfWageBill">Pensions ÷ covered wage bill (the pay-as-you-go cost rate).</param>
/// <param name="ContributionsYuan">Contributions, current yuan.</param>
/// <param name="SubsidiesYuan">Fiscal subsidies, current yuan.</param>
/// <param name="PensionsYuan">Pensions paid, current yuan.</param>
/// <param name="ClosingBalanceYuan">National year-end balance of the ledgers (negative after depletion: a debt at the funds' return), current yuan.</param>
/// <param name="ContributionsYuan2024Prices">Contributions, constant 2024 yuan.</param>
/// <param name="SubsidiesYuan2024Prices">Subsidies, constant 2024 yuan.</param>
/// <param name="PensionsYuan2024Prices">Pensions, constant 2024 yuan.</param>
/// <param name="ClosingBalanceYuan2024Prices">Year-end balance, constant 2024 yuan.</param>
/// <param name="ContributionsPercentGdp">Contributions, % of GDP.</param>
/// <param name="SubsidiesPercentGdp">Subsidies, % of GDP.</param>
/// <param name="PensionsPercentGdp">Pensions, % of GDP.</param>
/// <param name="ClosingBalancePercentGdp">Year-end balance, % of GDP.</param>
/// <param name="FinancingGapYuan2024Prices">After depletion, the year's pensions not paid by contributions, subsidies and reserve draws, constant 2024 yuan (0 before).</param>
/// <param name="FinancingGapPercentGdp">The same, % of GDP.</param>
/// <param name="SubsidiesPercentBudgetRevenue">Subsidies, % of the general public budget's revenue (held at its 2024 share of GDP, <see cref="EconomicAssumptions.BudgetRevenueShareOfGdp"/>).</param>
[CsvHelper.CsvRecord]
public sealed partial record EconomicYearRow(
    int Year, double PriceLevel2024Is1, double NominalGdpYuan, double PriceGrowthPerYear, double RealWageGrowthPerYear,
    double AverageWageYuanPerYear, double AveragePensionYuanPerYear, double BenefitRatio,
    double ContributionRateShareOfWageBill, double CostRateShareOfWageBill,
    double ContributionsYuan, double SubsidiesYuan, double PensionsYuan, double ClosingBalanceYuan,
    double ContributionsYuan2024Prices, double SubsidiesYuan2024Prices, double PensionsYuan2024Prices, double ClosingBalanceYuan2024Prices,
    double ContributionsPercentGdp, double SubsidiesPercentGdp, double PensionsPercentGdp, double ClosingBalancePercentGdp,
    double FinancingGapYuan2024Prices, double FinancingGapPercentGdp, double SubsidiesPercentBudgetRevenue);

/// <summary>The policy summary of a linked projection (<see cref="PensionProjection.PolicySummary"/>).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="LongRunPriceGrowthPerYear">CPI growth of the last year (the long-run assumption).</param>
/// <param name="RealWageGrowth2030PerYear">Real average-wage growth in 2030.</param>
/// <param name="RealWageGrowthLastYearPerYear">Real average-wage growth in the last year.</param>
/// <param name="IndexationRule">The rule of pension increases after 2025.</param>
/// <param name="CreditingRule">The rule of account crediting after 2024.</param>
/// <param name="SubsidyRule">The subsidy rule.</param>
/// <param name="FirstCurrentDeficitYear">First year of national current deficit with subsidies.</param>
/// <param name="DepletionYear">Year the national fund is depleted.</param>
/// <param name="PeakBalanceYuan2024Prices">Peak national balance, constant 2024 yuan.</param>
/// <param name="PeakBalanceYear">Year of the peak.</param>
/// <param name="BenefitRatioFirstYear">Benefit ratio of the ledgers' first year (2025).</param>
/// <param name="BenefitRatios">Benefit ratio at 2030, 2050, 2070, 2100.</param>
/// <param name="CostAndContributionRates">Cost rate and contribution rate (shares of the covered wage bill) at those years.</param>
/// <param name="SubsidiesPercentGdp">Subsidies, % of GDP, at those years.</param>
/// <param name="FinancingGapPercentGdp">Financing gap after depletion, % of GDP, at those years.</param>
/// <param name="ValuationYears">Years of the valuation period of the premium and the balance.</param>
/// <param name="GeneralAveragePremium">General average premium over the valuation period, share of the covered wage bill; null when nobody is covered.</param>
/// <param name="ActuarialBalance">Actuarial balance over the valuation period (without subsidies), share of the covered wage bill; null when nobody is covered.</param>
/// <param name="ImplicitDebtDiscountRate">Long-run nominal discount rate of the implicit debt (each year's rate is the real rate × that year's prices).</param>
/// <param name="NetImplicitDebtPercentGdp2024">Accrued-to-date liability minus the end-2024 fund, % of 2024 GDP; null when not computed.</param>
public sealed record PensionPolicySummary(
    string Scenario, double LongRunPriceGrowthPerYear, double RealWageGrowth2030PerYear, double RealWageGrowthLastYearPerYear,
    string IndexationRule, string CreditingRule, string SubsidyRule,
    int? FirstCurrentDeficitYear, int? DepletionYear, double PeakBalanceYuan2024Prices, int PeakBalanceYear,
    double BenefitRatioFirstYear, IReadOnlyList<(int Year, double Ratio)> BenefitRatios,
    IReadOnlyList<(int Year, double CostRate, double ContributionRate)> CostAndContributionRates,
    IReadOnlyList<(int Year, double Percent)> SubsidiesPercentGdp,
    IReadOnlyList<(int Year, double Percent)> FinancingGapPercentGdp,
    int ValuationYears, double? GeneralAveragePremium, double? ActuarialBalance, double ImplicitDebtDiscountRate, double? NetImplicitDebtPercentGdp2024);
