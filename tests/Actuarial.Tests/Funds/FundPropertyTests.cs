using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Funds;

/// <summary>Invariants of the fund ledgers and the pooling rules over random valid inputs.</summary>
[TestFixture]
public sealed class FundPropertyTests
{
    private const double Cent = 0.01;

    [FsProperty(MaxTest = 60)]
    public void Transfers_sum_to_zero_over_provinces_every_year_under_every_rule(int seed)
    {
        var flows = SyntheticFunds.Flows(seed);
        foreach (var schedule in SyntheticFunds.Schedules(seed))
        {
            var projection = FundProjector.Run(flows, SyntheticFunds.Assumptions(seed, flows, schedule, new SubsidyShareOfSpending(0.2)));
            for (int year = projection.FirstYear; year <= projection.LastYear; year++)
            {
                double paid = projection.Value(FundLine.TransfersOut, year), received = projection.Value(FundLine.TransfersIn, year);
                double net = 0;
                for (int i = 0; i < flows.ProvinceCount; i++)
                {
                    net += projection.Line(FundLine.TransfersIn, year)[i] - projection.Line(FundLine.TransfersOut, year)[i];
                }
                Assert.That(net, Is.EqualTo(0).Within(1e-12 * Math.Max(paid, 1) + Cent), $"{projection.PoolingRule(year).Name}, {year}");
                Assert.That(received, Is.EqualTo(paid).Within(1e-12 * Math.Max(paid, 1) + Cent));
            }
        }
    }

    [FsProperty(MaxTest = 60)]
    public void Transfers_actually_move_money_under_the_pooling_rules(int seed)
    {
        // Guards the zero-sum property against a rule that trivially pays nothing.
        var flows = SyntheticFunds.Flows(seed);
        var projection = FundProjector.Run(flows, SyntheticFunds.Assumptions(seed, flows, PoolingSchedule.Always(new CentralAdjustment(0.04))));
        Assert.That(projection.Value(FundLine.TransfersOut, flows.FirstYear), Is.GreaterThan(0));
    }

    [FsProperty(MaxTest = 60)]
    public void National_balance_does_not_depend_on_the_pooling_rule_when_subsidies_do_not(int seed)
    {
        var flows = SyntheticFunds.Flows(seed);
        var schedules = SyntheticFunds.Schedules(seed);
        var baseline = FundProjector.Run(flows, SyntheticFunds.Assumptions(seed, flows, schedules[0], new SubsidyShareOfSpending(0.15)));
        foreach (var schedule in schedules.Skip(1))
        {
            var other = FundProjector.Run(flows, SyntheticFunds.Assumptions(seed, flows, schedule, new SubsidyShareOfSpending(0.15)));
            bool someoneMoved = false;
            for (int year = flows.FirstYear; year <= flows.LastYear; year++)
            {
                double expected = baseline.Value(FundLine.ClosingBalance, year);
                Assert.That(other.Value(FundLine.ClosingBalance, year), Is.EqualTo(expected).Within(1e-11 * Math.Abs(expected) + 1),
                    $"{other.PoolingRule(year).Name}, {year}");
                someoneMoved |= other.Value(FundLine.TransfersOut, year) > 0;
            }
            if (schedule.Periods.Any(p => p.Rule is CentralAdjustment)) Assert.That(someoneMoved, Is.True, "the rule moved money");
        }
    }

    [FsProperty(MaxTest = 60)]
    public void Ledger_identity_holds_to_the_cent_each_year(int seed)
    {
        var flows = SyntheticFunds.Flows(seed);
        var random = new Random(seed);
        var subsidies = new CombinedSubsidy([new SubsidyShareOfSpending(0.3 * random.NextDouble()), new FloorSubsidy(random.Next(3))]);
        var assumptions = SyntheticFunds.Assumptions(seed, flows, ChinaPooling.Schedule(), subsidies) with
        {
            Reserve = new StrategicReserve
            {
                OpeningBalance = 5e11 * random.NextDouble(),
                Return = AnnualPath.Constant("reserve return", flows.FirstYear, flows.LastYear, 0.05),
                StateCapital = 1e12,
                DividendYield = 0.02,
                Draws = new ReserveDraws(flows.FirstYear + 3, 1),
            },
        };
        var projection = FundProjector.Run(flows, assumptions);
        double w = assumptions.EntrustedShare;
        for (int year = flows.FirstYear; year <= flows.LastYear; year++)
        {
            double rate = w * assumptions.EntrustedReturn[year] + (1 - w) * assumptions.OtherReturn[year];
            for (int i = 0; i < flows.ProvinceCount; i++)
            {
                double Get(FundLine line) => projection.Line(line, year)[i];
                double expected = Get(FundLine.OpeningBalance) * (1 + rate) + Get(FundLine.Contributions) + Get(FundLine.Subsidies)
                                  + Get(FundLine.TransfersIn) + Get(FundLine.FromReserve) - Get(FundLine.Pensions) - Get(FundLine.TransfersOut);
                Assert.That(Get(FundLine.ClosingBalance), Is.EqualTo(expected).Within(Cent), $"{flows.Provinces[i]}, {year}");
                if (year > flows.FirstYear)
                {
                    Assert.That(Get(FundLine.OpeningBalance), Is.EqualTo(projection.Line(FundLine.ClosingBalance, year - 1)[i]), "opening = last closing");
                }
            }
            // Nationally too (transfers cancel), and the reserve's own ledger.
            double nationalExpected = projection.Value(FundLine.OpeningBalance, year) * (1 + rate) + projection.Value(FundLine.Contributions, year)
                                      + projection.Value(FundLine.Subsidies, year) + projection.Value(FundLine.FromReserve, year) - projection.Value(FundLine.Pensions, year);
            Assert.That(projection.Value(FundLine.ClosingBalance, year), Is.EqualTo(nationalExpected).Within(Cent));
            var r = projection.ReserveTable()[year - flows.FirstYear];
            Assert.That(r.ClosingBalance, Is.EqualTo(r.OpeningBalance * 1.05 + 1e12 * 0.02 - r.Drawn).Within(Cent));
            Assert.That(r.Drawn, Is.EqualTo(projection.Value(FundLine.FromReserve, year)).Within(Cent));
            Assert.That(r.ClosingBalance, Is.GreaterThanOrEqualTo(-Cent), "the reserve never pays what it does not have");
        }
    }

    [FsProperty(MaxTest = 60)]
    public void Engine_and_plain_scalar_reference_agree(int seed)
    {
        var flows = SyntheticFunds.Flows(seed);
        var random = new Random(seed);
        double share = 0.25 * random.NextDouble(), ratio = 0.1 * random.NextDouble();
        bool floor = random.Next(2) == 0;
        var cases = new (IPoolingRule Rule, ScalarReferenceLedger.Pooling Kind)[]
        {
            (new NoTransfers(), ScalarReferenceLedger.Pooling.None),
            (new CentralAdjustment(ratio), ScalarReferenceLedger.Pooling.CentralAdjustment),
            (new NationalPooling(), ScalarReferenceLedger.Pooling.NationalPooling),
        };
        foreach (var (rule, kind) in cases)
        {
            ISubsidyRule subsidies = floor ? new CombinedSubsidy([new SubsidyShareOfSpending(share), new FloorSubsidy()]) : new SubsidyShareOfSpending(share);
            var assumptions = SyntheticFunds.Assumptions(seed, flows, PoolingSchedule.Always(rule), subsidies);
            var fast = FundProjector.Run(flows, assumptions);
            double[][] Grid(Func<int, Span<double>> row) =>
                Enumerable.Range(flows.FirstYear, flows.YearCount).Select(y => row(y).ToArray()).ToArray();
            var reference = ScalarReferenceLedger.Run(
                Grid(flows.Contributions), Grid(flows.Pensions), Grid(flows.ContributingWorkers), Grid(flows.Retirees), Grid(flows.AverageWage),
                flows.Provinces.Select(p => assumptions.OpeningBalances[p.Code]).ToArray(), assumptions.EntrustedShare,
                assumptions.EntrustedReturn[flows.FirstYear], assumptions.OtherReturn[flows.FirstYear], share, floor, kind, ratio);
            for (int t = 0; t < flows.YearCount; t++)
            {
                for (int i = 0; i < flows.ProvinceCount; i++)
                {
                    // The reference adds in another order: agreement to the cent, or to 1e-14 relative above 1e12 yuan.
                    Assert.That(fast.Line(FundLine.ClosingBalance, flows.FirstYear + t)[i], Is.EqualTo(reference[t][i]).Within(Math.Max(Cent, 1e-14 * Math.Abs(reference[t][i]))),
                        $"{rule.Name}, {flows.Provinces[i]}, {flows.FirstYear + t}");
                }
            }
        }
    }

    [FsProperty(MaxTest = 200)]
    public void Under_central_adjustment_more_workers_per_retiree_and_higher_wages_never_receive_more_per_retiree(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(2, 8);
        var workers = new double[n];
        var retirees = new double[n];
        var wages = new double[n];
        for (int i = 0; i < n; i++)
        {
            retirees[i] = 1e4 + 5e6 * random.NextDouble();
            workers[i] = retirees[i] * (1 + 8 * random.NextDouble());
            wages[i] = 40_000 + 150_000 * random.NextDouble();
        }
        // Make province 0 dominate province 1 in both respects (at least weakly), so every case tests a pair.
        double support1 = workers[1] / retirees[1];
        retirees[0] = 1e4 + 5e6 * random.NextDouble();
        workers[0] = retirees[0] * support1 * (1 + (random.Next(3) == 0 ? 0 : random.NextDouble()));
        wages[0] = wages[1] * (1 + (random.Next(3) == 0 ? 0 : random.NextDouble()));
        var zeros = new double[n];
        var paid = new double[n];
        var received = new double[n];
        var year = new FundYear(2020, zeros, zeros, workers, retirees, wages, zeros, zeros, zeros, zeros);
        new CentralAdjustment(0.2 * random.NextDouble() + 1e-4).ComputeTransfers(year, paid, received);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool dominates = wages[i] >= wages[j] && workers[i] / retirees[i] >= workers[j] / retirees[j];
                if (!dominates) continue;
                double netI = (received[i] - paid[i]) / retirees[i], netJ = (received[j] - paid[j]) / retirees[j];
                Assert.That(netI, Is.LessThanOrEqualTo(netJ + 1e-9 * Math.Abs(netJ) + 1e-9), $"province {i} vs {j}");
            }
        }
    }

    [Test]
    public void The_year_loop_allocates_nothing()
    {
        var flows = SyntheticFunds.Flows(7, provinces: 31, years: 80, firstYear: 2021);
        var assumptions = SyntheticFunds.Assumptions(7, flows, ChinaPooling.Schedule(),
            new CombinedSubsidy([new SubsidyShareOfSpending(0.2), new FloorSubsidy(1)])) with
        {
            Reserve = new StrategicReserve
            {
                OpeningBalance = ChinaFundFigures.NssfAssets2024,
                Return = AnnualPath.Constant("reserve return", 2021, 2100, 0.05),
                Draws = new ReserveDraws(2030, 2),
            },
        };
        var compiled = new CompiledFunds(flows, assumptions);
        var buffers = new FundBuffers(flows.ProvinceCount, flows.YearCount);
        FundProjector.RunInto(compiled, buffers);
        long before = GC.GetAllocatedBytesForCurrentThread();
        FundProjector.RunInto(compiled, buffers);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(Regions.Provinces, Has.Count.EqualTo(flows.ProvinceCount));
    }
}
