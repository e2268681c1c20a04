using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;

namespace Actuarial.Tests.Funds;

/// <summary>Random but valid fund flows and assumptions from a seed, with realistic magnitudes (yuan, persons).</summary>
internal static class SyntheticFunds
{
    public const int FirstYear = 2016;

    public static FundFlows Flows(int seed, int? provinces = null, int years = 12, int firstYear = FirstYear)
    {
        var random = new Random(seed);
        int n = provinces ?? random.Next(3, 9);
        var flows = new FundFlows(Regions.Provinces.Take(n).ToArray(), firstYear, years);
        var workers = new double[n];
        var support = new double[n];
        var wage = new double[n];
        var compliance = new double[n];
        var replacement = new double[n];
        for (int i = 0; i < n; i++)
        {
            workers[i] = 5e5 + 1e7 * random.NextDouble(); // balances stay within ~1e13 yuan, where a double still resolves 0.002 yuan
            support[i] = 1.2 + 8 * random.NextDouble();
            wage[i] = 50_000 + 100_000 * random.NextDouble();
            compliance[i] = 0.5 + 0.5 * random.NextDouble();
            replacement[i] = 0.35 + 0.3 * random.NextDouble();
        }
        for (int t = 0; t < years; t++)
        {
            int year = firstYear + t;
            var c = flows.Contributions(year);
            var p = flows.Pensions(year);
            var w = flows.ContributingWorkers(year);
            var r = flows.Retirees(year);
            var a = flows.AverageWage(year);
            var bill = flows.CoveredWageBill(year);
            for (int i = 0; i < n; i++)
            {
                w[i] = workers[i] * Math.Pow(1 + 0.01 * (random.NextDouble() - 0.5), t);
                r[i] = w[i] / (support[i] * Math.Pow(0.97, t));
                a[i] = wage[i] * Math.Pow(1.05, t);
                bill[i] = w[i] * a[i] * 0.7;
                c[i] = 0.16 * bill[i] * compliance[i];
                p[i] = r[i] * a[i] * replacement[i];
            }
        }
        return flows;
    }

    public static Dictionary<int, double> OpeningBalances(int seed, FundFlows flows)
    {
        var random = new Random(seed ^ 0x5eed);
        var balances = new Dictionary<int, double>();
        foreach (var p in flows.Provinces)
        {
            balances[p.Code] = -2e10 + 1.2e12 * random.NextDouble();
        }
        return balances;
    }

    public static FundAssumptions Assumptions(int seed, FundFlows flows, PoolingSchedule pooling, ISubsidyRule? subsidies = null)
    {
        var random = new Random(seed ^ 0x7a11);
        return new FundAssumptions
        {
            OpeningBalances = OpeningBalances(seed, flows),
            EntrustedShare = random.NextDouble(),
            EntrustedReturn = AnnualPath.Constant("entrusted return", flows.FirstYear, flows.LastYear, 0.01 + 0.07 * random.NextDouble()),
            OtherReturn = AnnualPath.Constant("other return", flows.FirstYear, flows.LastYear, 0.005 + 0.03 * random.NextDouble()),
            Subsidies = subsidies ?? new NoSubsidy(),
            Pooling = pooling,
        };
    }

    /// <summary>Every rule kind the library ships plus the test's user extension, with random levers.</summary>
    public static IReadOnlyList<PoolingSchedule> Schedules(int seed)
    {
        var random = new Random(seed ^ 0x9001);
        return
        [
            PoolingSchedule.Always(new NoTransfers()),
            PoolingSchedule.Always(new ProvincialPooling()),
            PoolingSchedule.Always(new CentralAdjustment(0.2 * random.NextDouble(), 0.2 + 0.8 * random.NextDouble())),
            PoolingSchedule.Always(new NationalPooling(random.NextDouble(), random.NextDouble(), random.Next(2) == 0)),
            ChinaPooling.Schedule(),
            ChinaPooling.Schedule(year => 0.09),
            PoolingSchedule.Always(new CappedPayment(new CentralAdjustment(0.09), 1e9 + 5e9 * random.NextDouble())),
        ];
    }
}

/// <summary>
/// A user's pooling rule written outside the engine: any rule, with each province's payment capped at a
/// fixed amount; what the capped provinces no longer pay is taken pro rata off what the others receive.
/// </summary>
internal sealed record CappedPayment(IPoolingRule Inner, double CapYuan) : IPoolingRule
{
    public string Name => $"{Inner.Name}, payments capped at {CapYuan:0} yuan";

    public void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received)
    {
        Inner.ComputeTransfers(year, paidOut, received);
        double excess = 0, total = 0;
        for (int i = 0; i < paidOut.Length; i++)
        {
            if (paidOut[i] > CapYuan)
            {
                excess += paidOut[i] - CapYuan;
                paidOut[i] = CapYuan;
            }
            total += received[i];
        }
        if (total <= 0) return;
        double scale = (total - excess) / total;
        for (int i = 0; i < received.Length; i++) received[i] *= scale;
    }
}
