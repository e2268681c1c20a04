using System.Collections.Concurrent;
using System.Diagnostics;
using Actuarial.Scenarios;
using NUnit.Framework;
using FundLine = Actuarial.Funds.FundLine;

namespace Actuarial.Tests.Scenarios;

/// <summary>
/// Sustainability regression tests: every sample in samples/scenarios is rerun and its key measures compared with its
/// golden table in samples/golden (printing the table of what moved), and the direction of each lever's effect against
/// the baseline is asserted. The samples share one demographic projection unless they change the demography.
/// To accept a change on purpose: <c>dotnet run --project src/Actuarial.Cli -- verify samples/scenarios/X.json --golden samples/golden/X.csv --update</c>.
/// </summary>
[TestFixture]
public sealed class ScenarioSampleRegressionTests
{
    private static readonly ConcurrentDictionary<string, PensionProjection> Runs = new();
    private static readonly ScenarioFileRunner Runner = new();

    private static string SamplePath(string name) => Path.Combine(ScenarioFileTests.RepositoryRoot(), "samples", "scenarios", name + ".json");

    private static PensionProjection Run(string name) => Runs.GetOrAdd(name, n => Runner.Run(SamplePath(n)));

    private static PensionSummary Summary(string name) => Run(name).Summary();

    /// <summary>The national depletion year; a run that never depletes counts as the year after its horizon.</summary>
    private static int Depletion(string name) => Summary(name).DepletionYear ?? Summary(name).LastYear + 1;

    private static int FirstDeficit(string name) => Summary(name).FirstCurrentDeficitYear ?? Summary(name).LastYear + 1;

    public static IEnumerable<string> Samples() =>
        Directory.GetFiles(Path.Combine(ScenarioFileTests.RepositoryRoot(), "samples", "scenarios"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal)!;

    [OneTimeTearDown]
    public void Report() =>
        TestContext.Progress.WriteLine($"scenario samples: {Runs.Count} runs, {Runner.DemographicRuns} demographic projections (the rest shared)");

    [TestCaseSource(nameof(Samples))]
    public void Sample_matches_its_golden_table(string name)
    {
        var clock = Stopwatch.StartNew();
        var projection = Run(name);
        var golden = Verification.ReadGolden(Path.Combine(ScenarioFileTests.RepositoryRoot(), "samples", "golden", name + ".csv"));
        var result = Verification.Compare(golden, Verification.KeyMeasures(projection, name));
        TestContext.Out.WriteLine($"{name}: run in {clock.Elapsed.TotalSeconds:F1} s");
        TestContext.Out.Write(result.ToTable());
        Assert.That(result.Passed, Is.True, result.ToTable());
    }

    [Test]
    public void Verification_flags_a_measure_that_moved_beyond_its_tolerance()
    {
        var actual = Verification.KeyMeasures(Run("baseline"));
        var golden = actual.Select(r => r.Measure == "depletion_year" && r.Region == "China" ? r with { Value = r.Value + 1 } : r).ToList();
        var result = Verification.Compare(golden, actual);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Failures.Single().Measure, Is.EqualTo("depletion_year"));
        Assert.That(result.ToTable(), Does.Contain("MOVED").And.Contain("1 of"));
        var widened = golden.Select(r => r.Measure == "depletion_year" && r.Region == "China" ? r with { Tolerance = 1 } : r).ToList();
        Assert.That(Verification.Compare(widened, actual).Passed, Is.True);
        Assert.That(Verification.Updated(widened, actual).Single(r => r.Measure == "depletion_year" && r.Region == "China").Tolerance, Is.EqualTo(1),
            "an update keeps the tolerances of the golden table");
    }

    [Test]
    public void Golden_tables_round_trip_through_csv()
    {
        var rows = Verification.KeyMeasures(Run("baseline"));
        var path = Path.Combine(Path.GetTempPath(), $"golden-{Guid.NewGuid():N}.csv");
        try
        {
            Verification.WriteGolden(rows, path);
            Assert.That(Verification.ReadGolden(path), Is.EqualTo(rows));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Samples_that_keep_the_demography_share_its_projection()
    {
        Assert.That(Run("pooling-provincial").Demography, Is.SameAs(Run("baseline").Demography));
        Assert.That(Run("indexation-wages").Demography, Is.SameAs(Run("baseline").Demography));
        Assert.That(Run("fertility-plus-0.3").Demography, Is.Not.SameAs(Run("baseline").Demography));
    }

    [Test]
    public void The_2020_episode_replayed_costs_the_fund_its_waiver_and_opens_a_current_deficit_in_its_year()
    {
        var baseline = Run("baseline").Funds;
        var replay = Run("episode-2020-replayed").Funds;
        Assert.That(replay.Value(FundLine.ClosingBalance, 2025), Is.EqualTo(baseline.Value(FundLine.ClosingBalance, 2025)), "untouched before 2026");
        double waived = baseline.Value(FundLine.Contributions, 2026) - replay.Value(FundLine.Contributions, 2026);
        Assert.That(waived, Is.GreaterThan(0));
        Assert.That(baseline.Value(FundLine.ClosingBalance, 2026) - replay.Value(FundLine.ClosingBalance, 2026), Is.EqualTo(waived).Within(1e-6).Percent,
            "in its year the fund loses exactly the waived contributions (subsidies follow spending, transfers sum to zero)");
        Assert.That(FirstDeficit("episode-2020-replayed"), Is.EqualTo(2026));
        Assert.That(Depletion("episode-2020-replayed"), Is.LessThanOrEqualTo(Depletion("baseline")));
    }

    [Test]
    public void Evasion_at_ten_percent_depletes_earlier()
    {
        Assert.That(Depletion("evasion-10pct"), Is.LessThan(Depletion("baseline")));
        Assert.That(FirstDeficit("evasion-10pct"), Is.LessThan(FirstDeficit("baseline")));
    }

    [Test]
    public void No_retirement_reform_depletes_earlier()
    {
        Assert.That(Depletion("no-retirement-reform"), Is.LessThan(Depletion("baseline")));
        Assert.That(Summary("no-retirement-reform").SystemDependencyRatios[1].PensionersPerContributor,
            Is.GreaterThan(Summary("baseline").SystemDependencyRatios[1].PensionersPerContributor!.Value));
    }

    [Test]
    public void Undoing_the_contribution_cut_delays_deficit_and_depletion()
    {
        Assert.That(FirstDeficit("contribution-cut-undone"), Is.GreaterThan(FirstDeficit("baseline")));
        Assert.That(Depletion("contribution-cut-undone"), Is.GreaterThan(Depletion("baseline")));
    }

    [Test]
    public void Higher_fertility_changes_nothing_before_the_new_cohorts_reach_working_age()
    {
        var baseline = Run("baseline").Funds;
        var fertility = Run("fertility-plus-0.3").Funds;
        // Births from 2025 reach the earliest career entry age (16) in 2041: no contributor or pensioner differs before.
        for (int year = 2025; year <= 2040; year++)
        {
            Assert.That(fertility.Value(FundLine.ClosingBalance, year), Is.EqualTo(baseline.Value(FundLine.ClosingBalance, year)).Within(1e-9).Percent, year.ToString());
        }
        Assert.That(Depletion("fertility-plus-0.3"), Is.GreaterThanOrEqualTo(Depletion("baseline")));
        Assert.That(fertility.Value(FundLine.ClosingBalance, 2060), Is.GreaterThan(baseline.Value(FundLine.ClosingBalance, 2060)));
    }

    [Test]
    public void Faster_life_expectancy_gains_deplete_earlier_and_slower_later()
    {
        Assert.That(Depletion("life-expectancy-faster"), Is.LessThan(Depletion("baseline")));
        Assert.That(Depletion("life-expectancy-slower"), Is.GreaterThan(Depletion("baseline")));
    }

    [Test]
    public void Faster_schooling_changes_the_scheme_but_not_the_population_size()
    {
        var baseline = Run("baseline").Demography.Summary().Single(r => r.RegionCode == 0 && r.Year == 2050);
        var schooling = Run("schooling-faster").Demography.Summary().Single(r => r.RegionCode == 0 && r.Year == 2050);
        Assert.That(schooling.Population, Is.EqualTo(baseline.Population).Within(1e-9).Percent);
        Assert.That(schooling.MeanYearsOfSchooling25Plus, Is.GreaterThan(baseline.MeanYearsOfSchooling25Plus!.Value));
        Assert.That(Summary("schooling-faster").PeakBalanceYuan, Is.Not.EqualTo(Summary("baseline").PeakBalanceYuan));
    }

    [Test]
    public void Flexible_workers_joining_raise_the_peak_and_delay_depletion()
    {
        Assert.That(Summary("flexible-workers-join").PeakBalanceYuan, Is.GreaterThan(Summary("baseline").PeakBalanceYuan));
        Assert.That(Depletion("flexible-workers-join"), Is.GreaterThan(Depletion("baseline")));
    }

    [Test]
    public void Indexing_pensions_to_wages_costs_more_than_the_historical_share()
    {
        Assert.That(Depletion("indexation-wages"), Is.LessThan(Depletion("baseline")));
    }

    [Test]
    public void Fixed_nominal_increases_look_cheaper_only_by_cutting_the_benefit_ratio()
    {
        // The former defaults: a fixed 2% increase and 2.62% crediting while nominal wages grow with the economy.
        var fixedRates = Run("indexation-fixed-2pct").EconomicTable().Single(r => r.Year == 2050);
        var linked = Run("baseline").EconomicTable().Single(r => r.Year == 2050);
        Assert.That(Depletion("indexation-fixed-2pct"), Is.GreaterThan(Depletion("baseline")));
        Assert.That(fixedRates.BenefitRatio, Is.LessThan(0.8 * linked.BenefitRatio), "a benefit cut no law makes");
    }

    [Test]
    public void Higher_inflation_alone_moves_real_amounts_only_through_the_legislated_wage_lag()
    {
        // Contributions in constant yuan do not move; new pensions set on last year's nominal wage lose up to about two
        // years of the extra 2 points of inflation, so real pensions fall a little and depletion is not earlier.
        var higher = Run("inflation-higher").EconomicTable().Single(r => r.Year == 2060);
        var baseline = Run("baseline").EconomicTable().Single(r => r.Year == 2060);
        Assert.That(higher.PriceLevel2024Is1, Is.GreaterThan(1.5 * baseline.PriceLevel2024Is1));
        Assert.That(higher.ContributionsYuan2024Prices, Is.EqualTo(baseline.ContributionsYuan2024Prices).Within(1e-9).Percent);
        Assert.That(higher.PensionsYuan2024Prices / baseline.PensionsYuan2024Prices - 1, Is.InRange(-0.04, 0));
        Assert.That(Depletion("inflation-higher"), Is.GreaterThanOrEqualTo(Depletion("baseline")));
    }

    [Test]
    public void Subsidies_held_at_their_2025_share_of_GDP_deplete_earlier()
    {
        var table = Run("subsidies-share-of-gdp").EconomicTable();
        Assert.That(table.Select(r => r.SubsidiesPercentGdp), Is.All.EqualTo(1.07).Within(1e-9));
        Assert.That(Run("baseline").EconomicTable().Single(r => r.Year == 2025).SubsidiesPercentGdp, Is.EqualTo(1.07).Within(0.005), "the sample's share is the baseline's 2025 share");
        Assert.That(Depletion("subsidies-share-of-gdp"), Is.LessThanOrEqualTo(Depletion("baseline")));
        Assert.That(FirstDeficit("subsidies-share-of-gdp"), Is.LessThan(FirstDeficit("baseline")));
    }

    [Test]
    public void The_low_and_high_cost_alternatives_bracket_the_baseline()
    {
        Assert.That(Depletion("alternative-low-cost"), Is.GreaterThan(Depletion("baseline")));
        Assert.That(Depletion("alternative-high-cost"), Is.LessThan(Depletion("baseline")));
        Assert.That(FirstDeficit("alternative-low-cost"), Is.GreaterThan(FirstDeficit("baseline")));
        Assert.That(FirstDeficit("alternative-high-cost"), Is.LessThan(FirstDeficit("baseline")));
        double Premium(string name) => Run(name).Funds.GeneralAveragePremium(0, 2099);
        Assert.That(Premium("alternative-low-cost"), Is.LessThan(Premium("baseline")));
        Assert.That(Premium("alternative-high-cost"), Is.GreaterThan(Premium("baseline")));
    }

    [Test]
    public void Pooling_rules_move_money_between_provinces_but_not_the_national_total()
    {
        var baseline = Summary("baseline");
        foreach (var name in new[] { "pooling-provincial", "pooling-central-adjustment", "pooling-national" })
        {
            Assert.That(Summary(name).PeakBalanceYuan, Is.EqualTo(baseline.PeakBalanceYuan).Within(1e-6).Percent, name);
        }
        var provincial = Run("pooling-provincial").Funds.Summary().Where(r => r.RegionCode != 0).ToList();
        Assert.That(provincial.Sum(r => r.TotalTransfersIn + r.TotalTransfersOut), Is.EqualTo(0), "no transfers under provincial pooling");
        var national = Run("pooling-national").Funds.Summary().Where(r => r.RegionCode != 0).ToList();
        Assert.That(national.Sum(r => r.TotalTransfersIn), Is.GreaterThan(0));
        Assert.That(Summary("pooling-provincial").DepletedProvinces[0].Year, Is.LessThan(Summary("pooling-national").DepletedProvinces[0].Year),
            "without transfers the weakest province runs out first");
    }

    [Test]
    public void A_larger_transfer_of_state_capital_delays_depletion()
    {
        Assert.That(Depletion("reserve-current"), Is.GreaterThanOrEqualTo(Depletion("baseline")));
        // A delay shorter than a year leaves the depletion year; the balance in the year the current reserve runs out shows it.
        int year = Depletion("reserve-current");
        Assert.That(Depletion("reserve-larger-state-capital"), Is.GreaterThanOrEqualTo(year));
        Assert.That(Run("reserve-larger-state-capital").Funds.Value(FundLine.ClosingBalance, year),
            Is.GreaterThan(Run("reserve-current").Funds.Value(FundLine.ClosingBalance, year)));
    }
}
