using Actuarial.Dimensions;
using Actuarial.Funds;

namespace Actuarial.Charts.Tests;

/// <summary>Fund rows made up for drawing: a few provinces whose balances rise then fall, and their national sum.</summary>
internal static class SyntheticFunds
{
    public static IReadOnlyList<FundYearRow> Rows(int firstYear = 2024, int lastYear = 2060, int provinces = 31, double scale = 1.0)
    {
        var rows = new List<FundYearRow>();
        var regions = Regions.Provinces.Take(provinces).ToList();
        for (int year = firstYear; year <= lastYear; year++)
        {
            double t = year - firstYear;
            double totalClosing = 0, totalIn = 0, totalOut = 0;
            for (int i = 0; i < regions.Count; i++)
            {
                double strength = 1.0 + 0.9 * Math.Sin(i * 1.7);
                double closing = scale * 1e11 * strength * (1 + 0.06 * t - 0.0035 * t * t * (1.4 - 0.5 * strength));
                double net = 1e9 * Math.Sin(i * 2.3 + 0.02 * t) * (1 + 0.05 * t);
                double tin = Math.Max(net, 0), tout = Math.Max(-net, 0);
                rows.Add(Row(year, regions[i], closing, tin, tout));
                totalClosing += closing; totalIn += tin; totalOut += tout;
            }
            rows.Add(Row(year, Regions.China, totalClosing, totalIn, totalOut));
        }
        return rows;
    }

    private static FundYearRow Row(int year, Region region, double closing, double tin, double tout) => new(
        year, region.Code, region.EnglishName,
        OpeningBalance: closing * 0.97, InvestmentReturn: closing * 0.02, Contributions: 1e11, Subsidies: 1e10, SubsidiesToFloor: 0,
        RevenueExcludingSubsidies: 1e11, Revenue: 1.1e11, Spending: 1.05e11, TransfersIn: tin, TransfersOut: tout, FromReserve: 0,
        CurrentBalance: 5e9 + tin - tout, CurrentBalanceExcludingSubsidies: -5e9 + tin - tout, ClosingBalance: closing, MonthsOfPayment: 12,
        ContributingWorkers: 1e7, Retirees: 4e6, SystemDependencyRatio: 0.4, CoveredWageBill: 6e11, CostRate: 0.175);

    /// <summary>A made-up Monte Carlo fan around the national path: spread widening with time.</summary>
    public static QuantileFan Fan(IReadOnlyList<FundYearRow> rows)
    {
        var national = rows.Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList();
        var years = national.Select(r => r.Year).ToArray();
        var rng = new Random(7);
        var draws = national.Select((r, t) =>
            (IReadOnlyList<double>)Enumerable.Range(0, 400).Select(_ => r.ClosingBalance + NextNormal(rng) * 4e11 * t).ToArray()).ToArray();
        return QuantileFan.FromDraws(years, draws);
    }

    private static double NextNormal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
