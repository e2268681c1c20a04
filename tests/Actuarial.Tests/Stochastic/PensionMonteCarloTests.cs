using Actuarial.China;
using Actuarial.Economy;
using System.Numerics.Tensors;
using Actuarial.Funds;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Stochastic;

/// <summary>
/// Monte Carlo on the full pension projection (<see cref="PensionPathEvaluator"/>), on a horizon shortened to 2045 and a
/// handful of paths so that the suite stays fast.
/// </summary>
[TestFixture]
public sealed class PensionMonteCarloTests
{
    private const int End = 2045;
    private const ulong Seed = 20_240_913;

    private static readonly Lazy<PensionScenario> Scenario = new(() => PensionMonteCarlo.WithEndYear(ChinaDefaults.PensionScenario(), End));

    private static readonly Lazy<PensionPathEvaluator> Shocked = new(() => new PensionPathEvaluator(new PensionMonteCarloSettings
    {
        Scenario = Scenario.Value,
        Shocks = PensionMonteCarlo.DefaultShocks(2025, End),
    }));

    private static readonly Lazy<PensionPathEvaluator> ZeroVariance = new(() => new PensionPathEvaluator(new PensionMonteCarloSettings
    {
        Scenario = Scenario.Value,
        Shocks = PensionMonteCarlo.ZeroVarianceShocks(2025, End) with { Correlation = Correlation() },
    }));

    private static readonly Lazy<MonteCarloSummary> FourPaths = new(() =>
        MonteCarlo.Run(4, Seed, 0, Shocked.Value, new MonteCarloOptions { MaxDegreeOfParallelism = 1, KeepPaths = true }));

    private static double[,] Correlation()
    {
        var c = new double[ShockModel.DriverCount, ShockModel.DriverCount];
        for (int i = 0; i < ShockModel.DriverCount; i++) c[i, i] = 1;
        c[(int)ShockDriver.WageGrowth, (int)ShockDriver.InvestmentReturn] = c[(int)ShockDriver.InvestmentReturn, (int)ShockDriver.WageGrowth] = 0.4;
        c[(int)ShockDriver.Mortality, (int)ShockDriver.Fertility] = c[(int)ShockDriver.Fertility, (int)ShockDriver.Mortality] = -0.2;
        return c;
    }

    [Test]
    public void Series_are_the_population_the_dependency_ratio_and_every_balance()
    {
        var names = Shocked.Value.Series.Select(s => s.Name).ToArray();
        Assert.That(names[..4], Is.EqualTo(new[] { PensionPathEvaluator.Population, PensionPathEvaluator.DependencyRatio,
            PensionPathEvaluator.NationalBalance, PensionPathEvaluator.LowestProvincialBalance }));
        Assert.That(names, Has.Length.EqualTo(4 + 31));
        Assert.That(names, Does.Contain(PensionPathEvaluator.ProvincialBalance(44)));
        Assert.That(Shocked.Value.Series.Where(s => s.Name.StartsWith("balance/", StringComparison.Ordinal)).All(s => s.TrackDepletion));
        Assert.That(Shocked.Value.Series[PensionPathEvaluator.NationalBalanceIndex].FirstYear, Is.EqualTo(2025));
    }

    [Test]
    public void One_and_two_threads_give_identical_results()
    {
        var two = MonteCarlo.Run(4, Seed, 0, Shocked.Value, new MonteCarloOptions { MaxDegreeOfParallelism = 2, BlockSize = 1, KeepPaths = true });
        Assert.That(two.IsIdenticalTo(FourPaths.Value), Is.True);
        var a = FourPaths.Value.Paths!;
        var b = two.Paths!;
        for (int p = 0; p < a.Count; p++)
        {
            Assert.That(b[p].PathIndex, Is.EqualTo(a[p].PathIndex));
            for (int s = 0; s < a[p].Values.Count; s++) Assert.That(b[p].Values[s], Is.EqualTo(a[p].Values[s]), $"path {p}, series {s}");
        }
    }

    [Test]
    public void A_path_evaluated_alone_equals_the_same_path_in_a_run()
    {
        var alone = MonteCarlo.EvaluatePath(Shocked.Value, Seed, 2);
        var inRun = FourPaths.Value.Paths!.Single(p => p.PathIndex == 2).Values;
        for (int s = 0; s < alone.Count; s++) Assert.That(alone[s], Is.EqualTo(inRun[s]));
    }

    [Test]
    public void Merging_two_shards_equals_the_run_of_both()
    {
        var options = new MonteCarloOptions { MaxDegreeOfParallelism = 2, KeepPaths = true };
        var first = MonteCarlo.Run(1, Seed, 0, Shocked.Value, options);
        var second = MonteCarlo.Run(3, Seed, 1, Shocked.Value, options);
        Assert.That(MonteCarloSummary.Merge(first, second).IsIdenticalTo(FourPaths.Value), Is.True);
        Assert.That(MonteCarloSummary.Merge(second, first).IsIdenticalTo(FourPaths.Value), Is.True);
    }

    [Test]
    public void With_every_variance_zero_each_path_is_the_deterministic_projection()
    {
        var deterministic = PensionProjector.Run(Scenario.Value);
        var summary = MonteCarlo.Run(3, Seed, 0, ZeroVariance.Value, new MonteCarloOptions { KeepPaths = true });
        var funds = deterministic.Funds;
        var schemeRows = deterministic.Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        foreach (var path in summary.Paths!)
        {
            for (int year = funds.FirstYear; year <= funds.LastYear; year++)
            {
                var closing = funds.Line(FundLine.ClosingBalance, year);
                Assert.That(path.Values[PensionPathEvaluator.NationalBalanceIndex][year - funds.FirstYear], Is.EqualTo(TensorPrimitives.Sum(closing)), $"national balance {year}");
                Assert.That(path.Values[PensionPathEvaluator.LowestProvincialBalanceIndex][year - funds.FirstYear], Is.EqualTo(TensorPrimitives.Min(closing)), $"lowest province {year}");
                Assert.That(path.Values[PensionPathEvaluator.LowestProvincialBalanceIndex + 1 + 18][year - funds.FirstYear], Is.EqualTo(closing[18]), $"province 18 {year}");
            }
            for (int year = 2024; year <= End; year++)
            {
                Assert.That(path.Values[1][year - 2024], Is.EqualTo(schemeRows[year].SystemDependencyRatio).Within(1e-12), $"dependency ratio {year}");
            }
            for (int year = 2020; year <= End; year++)
            {
                Assert.That(path.Values[0][year - 2020], Is.EqualTo(deterministic.Demography.TotalPersons(year)).Within(1e-9).Percent, $"population {year}");
            }
        }
        var national = summary[PensionPathEvaluator.NationalBalance];
        for (int year = funds.FirstYear; year <= funds.LastYear; year++)
        {
            Assert.That(national.Quantile(year, 0.5), Is.EqualTo(TensorPrimitives.Sum(funds.Line(FundLine.ClosingBalance, year))), $"median {year}");
        }
    }

    /// <summary>
    /// Drawn inflation alone (every other driver off) is a deterministic change of the economy's CPI path: the path equals the
    /// projection of the scenario re-linked to that path, bit for bit, so the no-money-illusion property of the deterministic
    /// chain (EconomyPropertyTests) holds for it. Checked here as well: people do not move, real contributions do not move,
    /// and real pensions move by no more than two years of the largest inflation deviation (the legislated lag: a new pension
    /// is set on the previous year's nominal wage and first raised a year later).
    /// </summary>
    [Test]
    public void Drawn_inflation_alone_changes_no_real_outcome_beyond_the_legislated_lag()
    {
        var shocks = ShockModel.None(2025, End) with { Inflation = PensionMonteCarlo.InflationShock };
        var evaluator = new PensionPathEvaluator(new PensionMonteCarloSettings { Scenario = Scenario.Value, Shocks = shocks, Calibration = ZeroVariance.Value.Calibration });
        var compiled = shocks.Compile();
        var drawn = compiled.CreatePath();
        var random = PathRandom.ForPath(Seed, 1);
        compiled.Draw(ref random, drawn);
        var economy = Scenario.Value.Economy!;
        var inflated = economy with
        {
            PriceGrowth = economy.PriceGrowth.Map((y, p) => y > EconomicAssumptions.LastObservedYear && drawn.InflationDeviation(y) != 0 ? p + drawn.InflationDeviation(y) : p),
        };
        double largest = Enumerable.Range(2026, End - 2025).Max(y => Math.Abs(drawn.InflationDeviation(y)));
        Assert.That(largest, Is.GreaterThan(0.001), "the draw moves inflation");

        var path = MonteCarlo.EvaluatePath(evaluator, Seed, 1);
        var central = PensionMonteCarlo.RunDeterministic(Scenario.Value, evaluator.Calibration);
        var deterministic = PensionMonteCarlo.RunDeterministic(Scenario.Value.LinkedTo(inflated), evaluator.Calibration);
        Assert.That(path[PensionPathEvaluator.NationalBalanceIndex], Is.EqualTo(PensionMonteCarlo.NationalBalances(deterministic.Funds)));
        var centralPath = MonteCarlo.EvaluatePath(ZeroVariance.Value, Seed, 1);
        Assert.That(path[0], Is.EqualTo(centralPath[0]), "population");
        Assert.That(path[1], Is.EqualTo(centralPath[1]), "dependency ratio");
        var a = central.EconomicTable();
        var b = deterministic.EconomicTable();
        Assert.Multiple(() =>
        {
            for (int i = 0; i < a.Count; i++)
            {
                Assert.That(b[i].ContributionsYuan2024Prices, Is.EqualTo(a[i].ContributionsYuan2024Prices).Within(1e-12).Percent, $"{a[i].Year}");
                double pensionChange = b[i].PensionsYuan2024Prices / a[i].PensionsYuan2024Prices - 1;
                Assert.That(Math.Abs(pensionChange), Is.LessThanOrEqualTo(2 * largest + 1e-12), $"{a[i].Year}: the lag is at most two years of inflation");
            }
        });
    }

    /// <summary>
    /// Issue 13: the economic drivers move a path through the catalogue's levers. A path with the three economic draws
    /// (every other driver off) equals, bit for bit, the deterministic projection of the scenario with
    /// <see cref="Levers.PriceGrowth"/>, <see cref="Levers.RealWageGrowth"/> and <see cref="Levers.IndexationShare"/> set by
    /// code to the drawn values, with the range checks a scenario file gets.
    /// </summary>
    [Test]
    public void Economic_draws_are_the_catalogue_levers_set_by_code()
    {
        var shocks = ShockModel.None(2025, End) with
        {
            Inflation = PensionMonteCarlo.InflationShock,
            LongRunRealWageGrowth = PensionMonteCarlo.RealWageTrendShock,
            IndexationShare = PensionMonteCarlo.IndexationShareShock,
        };
        var evaluator = new PensionPathEvaluator(new PensionMonteCarloSettings { Scenario = Scenario.Value, Shocks = shocks, Calibration = ZeroVariance.Value.Calibration });
        var compiled = shocks.Compile();
        var drawn = compiled.CreatePath();
        var random = PathRandom.ForPath(Seed, 2);
        compiled.Draw(ref random, drawn);
        var economy = Scenario.Value.Economy!;
        const int first = EconomicAssumptions.LastObservedYear + 1;
        LeverPath Drawn(AnnualPath central, Func<int, double> deviation) =>
            new(first, Enumerable.Range(first, central.LastYear - first + 1).Select(y => deviation(y) == 0 ? central[y] : central[y] + deviation(y)).ToArray());
        double share = drawn.IndexationShare(ChinaDefaults.IndexationShareOfRealWageGrowth());
        Assert.That(share, Is.Not.EqualTo(ChinaDefaults.IndexationShareOfRealWageGrowth()), "the draw moves the share");
        var byCode = Scenario.Value
            .With(Levers.PriceGrowth, Drawn(economy.PriceGrowth, drawn.InflationDeviation))
            .With(Levers.RealWageGrowth, Drawn(economy.RealWageGrowth, drawn.RealWageTrendDeviation))
            .With(Levers.IndexationShare, share);

        var path = MonteCarlo.EvaluatePath(evaluator, Seed, 2);
        var deterministic = PensionMonteCarlo.RunDeterministic(byCode, evaluator.Calibration);
        Assert.That(path[PensionPathEvaluator.NationalBalanceIndex], Is.EqualTo(PensionMonteCarlo.NationalBalances(deterministic.Funds)));
        Assert.That(path[PensionPathEvaluator.NationalBalanceIndex], Is.Not.EqualTo(MonteCarlo.EvaluatePath(ZeroVariance.Value, Seed, 2)[PensionPathEvaluator.NationalBalanceIndex]));
    }

    /// <summary>The coverage draw moves the catalogue's lever too: a path with it alone equals the deterministic projection
    /// of the scenario with <c>labour.non_agricultural_share_scale</c> set by code to the drawn path, bit for bit.</summary>
    [Test]
    public void The_coverage_draw_is_the_catalogue_lever_set_by_code()
    {
        var shocks = ShockModel.None(2025, End) with { Coverage = new Ar1Shock(0.02, 0.8) };
        var evaluator = new PensionPathEvaluator(new PensionMonteCarloSettings { Scenario = Scenario.Value, Shocks = shocks, Calibration = ZeroVariance.Value.Calibration });
        var compiled = shocks.Compile();
        var drawn = compiled.CreatePath();
        var random = PathRandom.ForPath(Seed, 3);
        compiled.Draw(ref random, drawn);
        var lever = Levers.OfLabour(Actuarial.Labour.LabourLever.NonAgriculturalShareScale);
        var central = Scenario.Value.Labour.NonAgriculturalShareScale;
        var values = Enumerable.Range(2025, central.LastYear - 2024)
            .Select(y => drawn.CoverageDeviation(y) == 0 ? central[y] : central[y] * Math.Exp(drawn.CoverageDeviation(y))).ToArray();
        var byCode = Scenario.Value.With(lever, new LeverPath(2025, values));

        var path = MonteCarlo.EvaluatePath(evaluator, Seed, 3);
        var deterministic = PensionMonteCarlo.RunDeterministic(byCode, evaluator.Calibration);
        Assert.That(path[PensionPathEvaluator.NationalBalanceIndex], Is.EqualTo(PensionMonteCarlo.NationalBalances(deterministic.Funds)));
        Assert.That(path[PensionPathEvaluator.NationalBalanceIndex], Is.Not.EqualTo(MonteCarlo.EvaluatePath(ZeroVariance.Value, Seed, 3)[PensionPathEvaluator.NationalBalanceIndex]));

        var early = ShockModel.None(2024, End) with { Coverage = new Ar1Shock(0.02, 0.8) };
        var error = Assert.Throws<Actuarial.InputDataException>(() => new PensionPathEvaluator(new PensionMonteCarloSettings { Scenario = Scenario.Value, Shocks = early }))!;
        Assert.That(error.Message, Does.Contain(lever.Key));
    }

    [Test]
    public void Every_shocked_quantity_names_catalogue_levers()
    {
        var drivers = PensionMonteCarlo.ShockedLevers.Select(d => d.Driver).ToArray();
        var modelDrivers = typeof(ShockModel).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            .Where(p => p.PropertyType.Name.EndsWith("Shock", StringComparison.Ordinal)).Select(p => p.Name).ToArray();
        Assert.That(drivers, Is.EquivalentTo(modelDrivers), "one entry per driver of the shock model");
        foreach (var d in PensionMonteCarlo.ShockedLevers)
        {
            Assert.That(d.Levers.All(l => Levers.Typed.Contains(l)), Is.True, d.Driver);
            Assert.That(d.Levers, Is.Not.Empty, $"{d.Driver} names the lever it moves");
        }
        Assert.That(PensionMonteCarlo.ShockedLevers.Where(d => d.AppliedThroughLever).Select(d => d.Driver),
            Is.EquivalentTo(new[] { "Coverage", "Inflation", "LongRunRealWageGrowth", "IndexationShare" }));
    }

    /// <summary>
    /// A worker reuses its scheme engine from path to path, rebinding it to each path's own prices and indexation share: a
    /// path evaluated after others on the same worker equals the same path on a fresh worker, bit for bit.
    /// </summary>
    [Test]
    public void A_path_after_others_on_one_worker_equals_the_path_on_a_fresh_worker()
    {
        var evaluator = new PensionPathEvaluator(new PensionMonteCarloSettings
        {
            Scenario = Scenario.Value, Shocks = PensionMonteCarlo.DefaultShocks(2025, End), Calibration = ZeroVariance.Value.Calibration,
        });
        var fresh = MonteCarlo.EvaluatePath(evaluator, Seed, 1);
        var worker = evaluator.CreateWorker();
        var output = new PathOutput(evaluator.Series);
        foreach (long pathIndex in new long[] { 7, 2, 1 })
        {
            output.Reset();
            var random = PathRandom.ForPath(Seed, pathIndex);
            worker.Evaluate(pathIndex, ref random, output);
        }
        for (int i = 0; i < evaluator.Series.Count; i++)
        {
            Assert.That(output.Raw(i).ToArray(), Is.EqualTo(fresh[i]), evaluator.Series[i].ToString());
        }
    }

    [Test]
    public void Economic_drivers_draw_after_the_others_so_their_paths_do_not_move()
    {
        // Common random numbers: the five correlated drivers draw the same normals with or without the economic block.
        var without = PensionMonteCarlo.DefaultShocks(2025, End, economy: false).Compile();
        var with = PensionMonteCarlo.DefaultShocks(2025, End).Compile();
        var p = without.CreatePath();
        var q = with.CreatePath();
        var r1 = PathRandom.ForPath(Seed, 3);
        var r2 = PathRandom.ForPath(Seed, 3);
        without.Draw(ref r1, p);
        with.Draw(ref r2, q);
        for (int year = 2025; year <= End; year++)
        {
            Assert.That(q.WageGrowthDeviation(year), Is.EqualTo(p.WageGrowthDeviation(year)), $"{year}");
            Assert.That(q.CoverageDeviation(year), Is.EqualTo(p.CoverageDeviation(year)), $"{year}");
            Assert.That(q.MortalityIndex(year, Actuarial.Dimensions.Sex.Female), Is.EqualTo(p.MortalityIndex(year, Actuarial.Dimensions.Sex.Female)), $"{year}");
            Assert.That(p.InflationDeviation(year), Is.EqualTo(0));
        }
        Assert.That(q.IndexationShare(0.48), Is.Not.EqualTo(0.48).And.InRange(0, 1));
        Assert.That(Enumerable.Range(2026, End - 2025).Any(y => q.InflationDeviation(y) != 0 && q.RealWageTrendDeviation(y) != 0), Is.True);
    }

    [Test]
    public void Economic_drivers_are_refused_where_nothing_reads_them()
    {
        var unlinked = Scenario.Value with { Economy = null };
        var ex = Assert.Throws<Actuarial.InputDataException>(() => new PensionPathEvaluator(new PensionMonteCarloSettings
        {
            Scenario = unlinked,
            Shocks = ShockModel.None(2025, End) with { Inflation = PensionMonteCarlo.InflationShock },
        }));
        Assert.That(ex!.Message, Does.Contain("linked to an economy"));
        Assert.Throws<Actuarial.InputDataException>(() => new NationalExampleEvaluator(new NationalExampleSettings
        {
            Shocks = ShockModel.None(2024, 2050) with { IndexationShare = PensionMonteCarlo.IndexationShareShock },
        }));
        Assert.Throws<Actuarial.InputDataException>(() => (ShockModel.None(2025, End) with { LongRunRealWageGrowth = new TrendShock(-0.01) }).Compile());
    }

    [Test]
    public void The_evaluator_central_run_equals_the_public_chain()
    {
        var chain = PensionProjector.Run(Scenario.Value);
        var central = Shocked.Value.RunCentral();
        Assert.That(PensionMonteCarlo.NationalBalances(central.Funds), Is.EqualTo(PensionMonteCarlo.NationalBalances(chain.Funds)));
    }

    [Test]
    public void Shocked_paths_differ_and_stay_finite()
    {
        var paths = FourPaths.Value.Paths!;
        var balances2045 = paths.Select(p => p.Values[PensionPathEvaluator.NationalBalanceIndex][^1]).ToArray();
        Assert.That(balances2045.Distinct().Count(), Is.EqualTo(4));
        Assert.That(paths.SelectMany(p => p.Values).SelectMany(v => v).All(double.IsFinite), Is.True);
        var population = paths.Select(p => p.Values[0][^1]).ToArray();
        Assert.That(population.Distinct().Count(), Is.EqualTo(4), "mortality and fertility shocks move the population");
        Assert.That(paths.Select(p => p.Values[0][0]).Distinct().Count(), Is.EqualTo(1), "the 2020 base is not shocked");
    }

    [Test]
    public void Quantiles_are_ordered()
    {
        foreach (var row in FourPaths.Value.FanTable())
        {
            Assert.That(row.Min, Is.LessThanOrEqualTo(row.P5), $"{row.Series} {row.Year}");
            Assert.That(row.P5, Is.LessThanOrEqualTo(row.P25), $"{row.Series} {row.Year}");
            Assert.That(row.P25, Is.LessThanOrEqualTo(row.P50), $"{row.Series} {row.Year}");
            Assert.That(row.P50, Is.LessThanOrEqualTo(row.P75), $"{row.Series} {row.Year}");
            Assert.That(row.P75, Is.LessThanOrEqualTo(row.P95), $"{row.Series} {row.Year}");
            Assert.That(row.P95, Is.LessThanOrEqualTo(row.Max), $"{row.Series} {row.Year}");
        }
    }

    [Test]
    public void Depletion_of_the_lowest_province_is_the_first_depletion_of_any_province()
    {
        var summary = FourPaths.Value;
        foreach (var path in summary.Paths!)
        {
            int? FirstNegative(double[] values) => values.Select((v, i) => (v, i)).Where(p => p.v < 0).Select(p => (int?)(2025 + p.i)).FirstOrDefault();
            var lowest = FirstNegative(path.Values[PensionPathEvaluator.LowestProvincialBalanceIndex]);
            var provinces = Enumerable.Range(0, 31).Select(i => FirstNegative(path.Values[PensionPathEvaluator.LowestProvincialBalanceIndex + 1 + i]))
                .Where(y => y is not null).Min();
            Assert.That(lowest, Is.EqualTo(provinces));
        }
        var lowestSeries = summary[PensionPathEvaluator.LowestProvincialBalance];
        Assert.That(lowestSeries.DepletionProbabilityBy(End), Is.GreaterThanOrEqualTo(summary[PensionPathEvaluator.NationalBalance].DepletionProbabilityBy(End)));
    }
}
