using Actuarial.Demography;
using Actuarial.IO;

using Actuarial.Economy;

namespace Actuarial.China;

/// <summary>
/// China's macro-economic history and default path. Each number is either sourced (file and tag given) or named here
/// and in data/README.md (<i>Economy</i>) as an assumption with its reason.
/// </summary>
public static class ChinaEconomy
{
    /// <summary>
    /// National CPI growth 2016–2025 (全国居民消费价格, year on year): 2.0, 1.6, 2.1, 2.9, 2.5, 0.9, 2.0, 0.2, 0.2, 0.0%. NBS
    /// annual statistical communiqués; not in the shared reference, so tagged [U] (2016's 2.0% is confirmed by a secondary
    /// source, NBS via chinaservicesinfo.com, [S2]); 2025 is the first-estimate figure, [U].
    /// </summary>
    public static AnnualPath CpiGrowthHistory { get; } =
        new("CPI growth", 2016, [0.020, 0.016, 0.021, 0.029, 0.025, 0.009, 0.020, 0.002, 0.002, 0.000], -0.1, 0.3);

    /// <summary>
    /// Nominal GDP 2019–2024, 亿元: 990,865; 1,013,567; 1,143,670; 1,210,207; 1,260,582; 1,349,084 (NBS communiqués and
    /// revisions; not in the shared reference, [U]). Used for 2024's level of the GDP path and for subsidies as % of GDP.
    /// </summary>
    public static AnnualPath NominalGdpHundredMillionYuanHistory { get; } =
        new("nominal GDP", 2019, [990_865, 1_013_567, 1_143_670, 1_210_207, 1_260_582, 1_349_084], 0);

    /// <summary>
    /// General public budget revenue 2024 (全国一般公共预算收入): 219,702 亿 (MOF 2024 budget execution, not in the shared
    /// reference, [U]); 16.3% of 2024 GDP. The budget revenue of later years is assumed to stay that share of GDP
    /// (assumption: no tax reform is projected), so subsidies as % of budget revenue = % of GDP ÷ 0.163.
    /// </summary>
    public const double GeneralBudgetRevenue2024HundredMillionYuan = 219_702;

    /// <summary>Long-run real average-wage growth the default converges to: 1.5% a year. Assumption: real wages follow labour
    /// productivity, which in converged high-income economies has grown about 1–2% a year; the low half is not taken
    /// because China's capital per worker is still below theirs.</summary>
    public const double LongRunRealWageGrowth = 0.015;

    /// <summary>Half-life of the convergence of real wage growth to <see cref="LongRunRealWageGrowth"/>: 15 years.
    /// Assumption: catch-up growth halves its gap to the frontier rate in about a generation of capital (15 years puts
    /// real wage growth near 3.4% in 2040 and 2.0% in 2070).</summary>
    internal const double RealWageConvergenceHalfLifeYears = 15;

    /// <summary>Long-run CPI growth: 2.0% a year from 2028. Assumption: the government's CPI target of "around 2%" (2025
    /// Government Work Report, [U]); 2026 1.0% and 2027 1.5% are a ramp from the 0.0% of 2025 (assumption).</summary>
    public const double LongRunPriceGrowth = 0.02;

    /// <summary>
    /// Real return on deposits and bonds (the non-entrusted part): 0%. Assumption: the former nominal default of 2%
    /// (deposit and bond yields; <see cref="ChinaFundFigures.NonEntrustedFundReturn"/>) at the 2% long-run inflation.
    /// </summary>
    internal const double RealOtherReturn = 0.0;

    /// <summary>
    /// Real discount rate of the present values: 2% a year. Assumption: about the real return of the blended funds
    /// (0.351 × 3.2% + 0.649 × 0%) plus a margin for the long-run real growth of bond yields; the same rate in every
    /// scenario so that present values compare.
    /// </summary>
    internal const double RealDiscountRate = 0.02;

    /// <summary>
    /// Real return on the entrusted part: 1.05 ÷ (1 + mean CPI growth 2017–2023) − 1, the 5.00% annualised return Dec
    /// 2016–2023 (reference §8.2 [S]) deflated by the mean CPI growth of the same years ([U], <see cref="CpiGrowthHistory"/>) [D].
    /// </summary>
    internal static double RealEntrustedReturn()
    {
        double mean = 0;
        for (int y = 2017; y <= 2023; y++) mean += CpiGrowthHistory[y];
        mean /= 7;
        return (1 + ChinaFundFigures.EntrustedAnnualisedReturn) / (1 + mean) - 1;
    }

    /// <summary>
    /// Real average-wage growth of the five years to the last year of trust high (2019→2024): the national non-private
    /// wage's compound growth (6.52%, <c>average_wage_national.csv</c>) deflated by the compound CPI growth 2020–2024 [D];
    /// the starting point of the default real wage path.
    /// </summary>
    internal static double RecentRealWageGrowth()
    {
        var high = PensionData.AverageWageNational().Where(r => r.Trust == "high").ToDictionary(r => r.Year, r => r.NonPrivateYuanPerYear);
        int last = high.Keys.Max();
        double prices = 1;
        for (int y = last - 4; y <= last; y++) prices *= 1 + CpiGrowthHistory[y];
        return Math.Pow(high[last] / high[last - 5] / prices, 1.0 / 5) - 1;
    }

    /// <summary>
    /// The default path to <paramref name="lastYear"/>: prices as <see cref="LongRunPriceGrowth"/> says; real wage growth
    /// from <see cref="RecentRealWageGrowth"/> converging to <see cref="LongRunRealWageGrowth"/> with the half-life
    /// <see cref="RealWageConvergenceHalfLifeYears"/> counted from 2025; the returns and discount rate above; GDP 2024 from
    /// <see cref="NominalGdpHundredMillionYuanHistory"/>.
    /// </summary>
    internal static EconomicAssumptions Defaults(int lastYear)
    {
        int first = EconomicAssumptions.LastObservedYear + 1;
        double start = RecentRealWageGrowth();
        var prices = new List<(int, double)> { (2025, CpiGrowthHistory[2025]) };
        for (int y = first; y <= lastYear; y++) prices.Add((y, y switch { 2026 => 0.01, 2027 => 0.015, _ => LongRunPriceGrowth }));
        var wages = Enumerable.Range(first, lastYear - first + 1)
            .Select(y => (y, LongRunRealWageGrowth + (start - LongRunRealWageGrowth) * Math.Pow(0.5, (y - EconomicAssumptions.LastObservedYear) / RealWageConvergenceHalfLifeYears)));
        return new EconomicAssumptions
        {
            PriceGrowth = AnnualPath.FromYears("CPI growth", prices),
            RealWageGrowth = AnnualPath.FromYears("real wage growth", wages),
            RealEntrustedReturn = AnnualPath.Constant("real entrusted return", first, lastYear, RealEntrustedReturn()),
            RealOtherReturn = AnnualPath.Constant("real other return", first, lastYear, RealOtherReturn),
            RealDiscountRate = RealDiscountRate,
            NominalGdp2024Yuan = NominalGdpHundredMillionYuanHistory[2024] * ChinaFundFigures.YuanPer100Million,
            BudgetRevenueShareOfGdp = GeneralBudgetRevenue2024HundredMillionYuan / NominalGdpHundredMillionYuanHistory[2024],
        };
    }

    /// <summary>
    /// The share s of real wage growth that a published nominal series passed on above prices, estimated over
    /// [<paramref name="firstYear"/>, <paramref name="lastYear"/>] as Σ real rate ÷ Σ real wage growth (a ratio of sums,
    /// so that a year of near-zero wage growth does not dominate), with real x = (1 + x)/(1 + π) − 1 for the rate and for
    /// the year's nominal growth of the national non-private average wage (<c>average_wage_national.csv</c>). The rule
    /// <see cref="Pensions.PricesPlusShareOfRealWageGrowth"/> with this s reproduces the series on average.
    /// </summary>
    internal static double EstimateShareOfRealWageGrowth(AnnualPath publishedRates, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(publishedRates);
        var wage = PensionData.AverageWageNational().ToDictionary(r => r.Year, r => r.NonPrivateYuanPerYear);
        double rates = 0, wages = 0;
        for (int y = firstYear; y <= lastYear; y++)
        {
            double prices = 1 + CpiGrowthHistory[y];
            rates += (1 + publishedRates[y]) / prices - 1;
            wages += wage[y] / wage[y - 1] / prices - 1;
        }
        return rates / wages;
    }
}
