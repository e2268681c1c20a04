using System.Diagnostics;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Stochastic;

/// <summary>The end-to-end example: national demography with Lee–Carter, fertility, wage, return and coverage shocks, and the provincial fund ledgers on example flows.</summary>
[TestFixture]
public sealed class NationalExampleTests
{
    private const int First = 2024, Last = 2100;

    /// <summary>Every driver on, all with zero variance: every path must be the central projection.</summary>
    private static readonly Lazy<NationalExampleEvaluator> ZeroVariance = new(() => new NationalExampleEvaluator(new NationalExampleSettings
    {
        Shocks = new ShockModel
        {
            FirstYear = First, LastYear = Last,
            Mortality = new MortalityShock(0, 0, 0, 0),
            Fertility = new Ar1Shock(0, 0.9),
            WageGrowth = new Ar1Shock(0, 0.5),
            InvestmentReturn = new Ar1Shock(0),
            Coverage = new Ar1Shock(0, 0.8),
            Correlation = Correlated(),
        },
        ProvincialBalances = true,
    }));

    private static readonly Lazy<NationalExampleEvaluator> Shocked = new(() => new NationalExampleEvaluator(Settings(1.0)));

    internal static NationalExampleSettings Settings(double contributionScale) => new()
    {
        Shocks = DefaultShocks(),
        ContributionScale = contributionScale,
    };

    /// <summary>Lee–Carter σ and SE(c) fitted to WPP 2024 abridged periods 1990–2015 (the ChinaDefaults pattern's fit), TFR ±5% log AR(1) 0.9, wages ±1 pt AR(1) 0.5, returns ±3 pts, coverage ±2% AR(1) 0.8.</summary>
    internal static ShockModel DefaultShocks() => new()
    {
        FirstYear = First, LastYear = Last,
        Mortality = MortalityShock.FromLeeCarter(WppLeeCarter(Sex.Male), WppLeeCarter(Sex.Female), includeDriftUncertainty: true),
        Fertility = new Ar1Shock(0.05, 0.9),
        WageGrowth = new Ar1Shock(0.01, 0.5),
        InvestmentReturn = new Ar1Shock(0.03),
        Coverage = new Ar1Shock(0.02, 0.8),
        Correlation = Correlated(),
    };

    internal static LeeCarterModel WppLeeCarter(Sex sex)
    {
        var want = sex == Sex.Male ? Actuarial.IO.SexOrBoth.Male : Actuarial.IO.SexOrBoth.Female;
        var periods = ChinaData.Wpp2024MxAbridged()
            .Where(r => r.Sex == want && r.PeriodStart >= ChinaDefaults.MortalityFitFirstPeriod && r.PeriodStart <= ChinaDefaults.MortalityJumpOffPeriod)
            .GroupBy(r => r.PeriodStart).OrderBy(g => g.Key).Select(g => g.OrderBy(r => r.AgeGroup.Start).Select(r => r.Mx).ToArray()).ToArray();
        return LeeCarterModel.FitAbridged(periods, sex, ChinaDefaults.MortalityFitFirstPeriod);
    }

    private static double[,] Correlated()
    {
        var c = StochasticFrameworkTests.Identity();
        c[(int)ShockDriver.WageGrowth, (int)ShockDriver.InvestmentReturn] = c[(int)ShockDriver.InvestmentReturn, (int)ShockDriver.WageGrowth] = 0.4;
        c[(int)ShockDriver.WageGrowth, (int)ShockDriver.Coverage] = c[(int)ShockDriver.Coverage, (int)ShockDriver.WageGrowth] = 0.3;
        return c;
    }

    [Test]
    public void With_zero_variance_every_path_is_the_deterministic_projection_exactly()
    {
        var evaluator = ZeroVariance.Value;
        var (demography, funds) = evaluator.RunCentral();
        var independent = DemographicProjector.Run(ChinaDefaults.NationalDemography());
        var run = MonteCarlo.Run(6, 1234, 0, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 2, BlockSize = 1, KeepPaths = true });
        foreach (var path in run.Paths!)
        {
            for (int year = ChinaDefaults.BaseYear; year <= Last; year++)
            {
                int t = year - ChinaDefaults.BaseYear;
                // Exactly the central run of the same assumptions; the defaults with education transitions differ only by rounding.
                Assert.That(path.Values[0][t], Is.EqualTo(demography.TotalPersons(year)), $"population {year}");
                Assert.That(path.Values[0][t], Is.EqualTo(independent.TotalPersons(year)).Within(1e-12).Percent, $"population {year} vs ChinaDefaults");
                double working = 0, old = 0;
                foreach (var sex in new[] { Sex.Male, Sex.Female })
                {
                    working += independent.PersonsAged(year, 0, sex, 15, 64);
                    old += independent.PersonsAged(year, 0, sex, 65, Ages.OpenInterval);
                }
                Assert.That(path.Values[1][t], Is.EqualTo(old / working).Within(1e-10).Percent, $"dependency ratio {year}");
            }
            for (int year = evaluator.FundFirstYear; year <= Last; year++)
            {
                int t = year - evaluator.FundFirstYear;
                Assert.That(path.Values[2][t], Is.EqualTo(funds.Value(FundLine.ClosingBalance, year)), $"national balance {year}");
                var provinces = funds.Line(FundLine.ClosingBalance, year);
                for (int i = 0; i < provinces.Length; i++) Assert.That(path.Values[3 + i][t], Is.EqualTo(provinces[i]));
            }
        }
        var balance = run[NationalExampleEvaluator.NationalBalance];
        for (int year = evaluator.FundFirstYear; year <= Last; year++)
        {
            Assert.That(balance.Quantile(year, 0.5), Is.EqualTo(funds.Value(FundLine.ClosingBalance, year)));
            Assert.That(balance.Quantile(year, 0.05), Is.EqualTo(balance.Quantile(year, 0.95)));
        }
        int? depletion = funds.Summary(0).DepletionYear;
        Assert.That(balance.DepletionProbabilityBy(Last), Is.EqualTo(depletion is null ? 0.0 : 1.0));
        TestContext.Out.WriteLine($"central national depletion year: {depletion?.ToString() ?? "none"}; balance 2050 {funds.Value(FundLine.ClosingBalance, 2050):E3} yuan");
    }

    [Test]
    public void Shocked_runs_are_identical_with_1_and_2_threads_and_shards_merge_exactly()
    {
        var evaluator = Shocked.Value;
        var one = MonteCarlo.Run(24, 7, 0, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 1 });
        var two = MonteCarlo.Run(24, 7, 0, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 2, BlockSize = 1 });
        Assert.That(two.IsIdenticalTo(one), Is.True);
        var merged = MonteCarloSummary.Merge(MonteCarlo.Run(10, 7, 0, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 2 }),
            MonteCarlo.Run(14, 7, 10, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 1 }));
        Assert.That(merged.IsIdenticalTo(one), Is.True);
    }

    [Test]
    public void Shocked_fans_are_ordered_spread_out_and_centred_near_the_central_path()
    {
        var evaluator = Shocked.Value;
        var run = MonteCarlo.Run(200, 2026, 0, evaluator);
        var (demography, _) = evaluator.RunCentral();
        var population = run[NationalExampleEvaluator.Population];
        foreach (var series in run.Series)
        {
            foreach (var row in series.Fan())
            {
                Assert.That(new[] { row.Min, row.P5, row.P25, row.P50, row.P75, row.P95, row.Max }, Is.Ordered, $"{series.Name} {row.Year}");
            }
        }
        Assert.That(population.Quantile(2023, 0.05), Is.EqualTo(population.Quantile(2023, 0.95)), "no shock before 2024");
        Assert.That(population.Quantile(2100, 0.95) - population.Quantile(2100, 0.05), Is.GreaterThan(20e6));
        Assert.That(population.Quantile(2060, 0.5) / demography.TotalPersons(2060), Is.EqualTo(1).Within(0.03));
        var table = run[NationalExampleEvaluator.NationalBalance].DepletionTable();
        Assert.That(table.Select(r => r.ProbabilityDepletedBy), Is.Ordered);
        foreach (int year in new[] { 2030, 2040, 2050, 2060, 2080, 2100 })
        {
            var b = run[NationalExampleEvaluator.NationalBalance];
            TestContext.Out.WriteLine($"{year}: population P5/P50/P95 {population.Quantile(year, 0.05) / 1e6:F0}/{population.Quantile(year, 0.5) / 1e6:F0}/{population.Quantile(year, 0.95) / 1e6:F0} M; " +
                $"balance P50 {b.Quantile(year, 0.5) / 1e12:F1} 万亿; P(depleted by) {b.DepletionProbabilityBy(year):P1}");
        }
    }

    [Test]
    public void Goal_seek_on_the_central_run_holds_when_fed_back()
    {
        // The contribution scale that leaves the national fund at exactly zero at the end of 2060.
        double Balance2060(double scale)
        {
            var e = new NationalExampleEvaluator(new NationalExampleSettings { Shocks = ShockModel.None(First, Last), ContributionScale = scale });
            return e.RunCentral().Funds.Value(FundLine.ClosingBalance, 2060);
        }
        var result = GoalSeek.Solve(Balance2060, 0.5, 3, 0, 1e-9);
        Assert.That(result.IsSolved, Is.True, result.Message);
        Assert.That(Balance2060(result.Lever), Is.EqualTo(0).Within(1e3)); // yuan, on balances of order 10^13
        Assert.That(Balance2060(result.Lever + 0.01), Is.GreaterThan(0));

        var unreachable = GoalSeek.Solve(Balance2060, 10, 20, 0, 1e-9);
        Assert.That(unreachable.Status, Is.EqualTo(GoalSeekStatus.TargetBelowRange), unreachable.Message);
    }

    [Test]
    public void Depletion_goal_seek_holds_when_fed_back_into_a_deterministic_run()
    {
        // Zero variance: P(depleted by 2060) is 0 or 1, so the answer is the least scale whose central run is not depleted by 2060.
        IPathEvaluator At(double scale) => new NationalExampleEvaluator(new NationalExampleSettings { Shocks = ShockModel.None(First, Last), ContributionScale = scale });
        var result = GoalSeek.SolveDepletionProbability(At, NationalExampleEvaluator.NationalBalance, 2060, 0.05, 0.5, 3, 1e-3, 2, 1);
        Assert.That(result.IsSolved, Is.True, result.Message);
        int? Depletion(double scale) => new NationalExampleEvaluator(new NationalExampleSettings { Shocks = ShockModel.None(First, Last), ContributionScale = scale })
            .RunCentral().Funds.Summary(0).DepletionYear;
        Assert.That(Depletion(result.Lever) is null || Depletion(result.Lever) > 2060, Is.True);
        Assert.That(Depletion(result.Lever - 2e-3), Is.LessThanOrEqualTo(2060));
    }

    [Test, Explicit("timing; see benchmarks/MonteCarloBenchmarks for the real measurement")]
    public void Timing_of_national_paths()
    {
        var evaluator = Shocked.Value;
        MonteCarlo.Run(20, 1, 0, evaluator);
        var sw = Stopwatch.StartNew();
        var run = MonteCarlo.Run(400, 1, 0, evaluator);
        sw.Stop();
        TestContext.Out.WriteLine($"400 paths: {sw.Elapsed.TotalMilliseconds:F0} ms, {400 / sw.Elapsed.TotalSeconds:F0} paths/s ({Environment.ProcessorCount} cores); {run}");
    }
}
