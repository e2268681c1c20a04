using Actuarial.Dimensions;
using Actuarial.Funds;

namespace Actuarial.Scenarios;

public sealed partial class PensionProjection
{
    /// <summary>
    /// The fund ledgers of the same run without the transfers of insurance rights between provinces, or null when the
    /// scenario does not model them (<see cref="Scheme.SchemeAssumptions.RightsTransfers"/>).
    /// </summary>
    public FundProjection? FundsWithoutTransfers { get; }

    /// <summary>
    /// Transfers of insurance rights between provinces by year and province, then a national row (code 0) per year, with
    /// each fund's closing balance with and without them; empty when the scenario does not model them. The transfer of a
    /// year is booked in that year's ledgers (from the ledgers' first year).
    /// </summary>
    public IReadOnlyList<RightsTransferRow> RightsTransferTable()
    {
        if (Scheme.RightsTransfers is not { } t || FundsWithoutTransfers is not { } without) return [];
        var rows = new List<RightsTransferRow>();
        var with = Funds.YearTable().ToDictionary(r => (r.Year, r.RegionCode));
        var withoutRows = without.YearTable().ToDictionary(r => (r.Year, r.RegionCode));
        int n = t.Regions.Count;
        for (int year = Funds.FirstYear; year <= Funds.LastYear; year++)
        {
            int y = year - t.FirstYear;
            var total = new double[6];
            for (int r = 0; r < n; r++)
            {
                int o = y * n + r;
                double[] v = [t.WorkersOut[o], t.WorkersIn[o], t.PooledOut[o], t.PooledIn[o], t.AccountOut[o], t.AccountIn[o]];
                for (int k = 0; k < v.Length; k++) total[k] += v[k];
                rows.Add(Row(year, t.Regions[r], v, with[(year, t.Regions[r].Code)], withoutRows[(year, t.Regions[r].Code)]));
            }
            rows.Add(Row(year, Regions.China, total, with[(year, 0)], withoutRows[(year, 0)]));
        }
        return rows;
    }

    private static RightsTransferRow Row(int year, Region region, double[] v, FundYearRow with, FundYearRow without) =>
        new(year, region.Code, region.EnglishName, v[0], v[1], v[2], v[3], v[4], v[5], v[3] + v[5] - v[2] - v[4],
            with.ClosingBalance, without.ClosingBalance);
}

/// <summary>One year × province of the transfers of insurance rights between provinces (养老保险关系转移接续).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China (sum of the provinces).</param>
/// <param name="Region">English name.</param>
/// <param name="WorkersOut">Insured persons (record holders, not retired) who move out with their rights, persons.</param>
/// <param name="WorkersIn">Insured persons who move in, persons.</param>
/// <param name="PooledOut">Pooled-fund money paid out (12% of the base per counted year in 2009), yuan.</param>
/// <param name="PooledIn">Pooled-fund money received, yuan.</param>
/// <param name="AccountOut">Individual-account balances paid out, yuan.</param>
/// <param name="AccountIn">Individual-account balances received, yuan.</param>
/// <param name="NetReceived">In less out (pooled and accounts), yuan; 0 nationally.</param>
/// <param name="ClosingBalanceWithTransfers">The fund's year-end balance in this run, yuan.</param>
/// <param name="ClosingBalanceWithoutTransfers">The same without any transfer of rights, yuan.</param>
[CsvHelper.CsvRecord]
public sealed partial record RightsTransferRow(
    int Year, int RegionCode, string Region, double WorkersOut, double WorkersIn, double PooledOut, double PooledIn,
    double AccountOut, double AccountIn, double NetReceived, double ClosingBalanceWithTransfers, double ClosingBalanceWithoutTransfers);
