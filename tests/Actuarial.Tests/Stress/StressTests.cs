using Actuarial.Funds;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Stress;

/// <summary>Issue 19, part 2: time-limited shocks and the responses to them.</summary>
[TestFixture]
public sealed class StressTests
{
    // A short horizon keeps the runs quick; every shock acts from 2026.
    private const int Horizon = 2040;

    private static readonly Lazy<PensionScenario> Base = new(() => ScenarioFile.Parse($"{{\"name\": \"stress-base\", \"horizon\": {Horizon}}}", "base.json").ToScenario());
    private static readonly Lazy<PensionProjection> BaseRun = new(() => PensionProjector.Run(Base.Value));

    public static IEnumerable<Lever> ShockLevers() =>
    [
        Levers.ContributionRelief, Levers.ContributionDeferral, Levers.UnemploymentSpike, Levers.WageFreeze, Levers.ReturnFall,
        Levers.ExcessMortalitySize, Levers.BirthFall,
    ];

    [TestCaseSource(nameof(ShockLevers))]
    public void A_shock_of_size_zero_gives_the_base_run_bit_for_bit(Lever shock)
    {
        var zero = PensionProjector.Run(Base.Value.With(shock, new LeverPath(2026, [0.0, 0.0])));
        Assert.That(zero.Funds.YearTable(), Is.EqualTo(BaseRun.Value.Funds.YearTable()), "fund ledgers, every province and year");
        Assert.That(zero.Scheme.Summary(), Is.EqualTo(BaseRun.Value.Scheme.Summary()), "scheme");
    }

    [TestCaseSource(nameof(ShockLevers))]
    public void A_shock_of_some_size_moves_the_funds_in_its_year_and_not_before(Lever shock)
    {
        double size = shock == Levers.ReturnFall ? 0.05 : 0.3;
        var run = PensionProjector.Run(Base.Value.With(shock, new LeverPath(2026, [size])));
        var before = run.Funds.YearTable().Where(r => r.Year < 2026);
        Assert.That(before, Is.EqualTo(BaseRun.Value.Funds.YearTable().Where(r => r.Year < 2026)), "years before the shock");
        if (shock == Levers.BirthFall)
        {
            // Children born in 2026 neither pay nor draw before 2040: the fall shows in births only.
            int china = 0;
            Assert.That(run.Demography.CalendarYearBirths(2026, china), Is.LessThan(BaseRun.Value.Demography.CalendarYearBirths(2026, china)));
            Assert.That(run.Funds.YearTable(), Is.EqualTo(BaseRun.Value.Funds.YearTable()));
            return;
        }
        Assert.That(run.Funds.Value(FundLine.ClosingBalance, Horizon), Is.Not.EqualTo(BaseRun.Value.Funds.Value(FundLine.ClosingBalance, Horizon)));
    }

    [Test]
    public void A_deferral_repaid_in_full_with_the_funds_return_leaves_the_national_balance_unchanged()
    {
        var scenario = Base.Value.With(Levers.ContributionDeferral, new LeverPath(2026, [0.2, 0.1]))
            .With(Levers.DeferralRepaymentYears, 3).With(Levers.DeferralInterestShare, 1);
        var run = PensionProjector.Run(scenario);
        var stress = run.Funds.StressTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        Assert.That(stress[2026].DeferredContributions, Is.GreaterThan(1e11), "a fifth of a year's contributions is deferred");
        for (int year = 2026; year <= Horizon; year++)
        {
            double shocked = run.Funds.Value(FundLine.ClosingBalance, year), base_ = BaseRun.Value.Funds.Value(FundLine.ClosingBalance, year);
            // The deferral's last instalment falls in 2030 (2027's cohort: 2028–2030); from then on the fund is whole.
            if (year >= 2030) Assert.That(shocked, Is.EqualTo(base_).Within(1e-9).Percent, $"{year}");
            else Assert.That(shocked, Is.LessThan(base_), $"{year}: the money is still owed");
        }
    }

    [Test]
    public void A_deferral_repaid_without_interest_costs_the_fund_exactly_the_interest_it_forgoes()
    {
        var scenario = Base.Value.With(Levers.ContributionDeferral, new LeverPath(2026, [0.2])).With(Levers.DeferralRepaymentYears, 2).With(Levers.DeferralInterestShare, 0);
        var run = PensionProjector.Run(scenario);
        var stress = run.Funds.StressTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        double deferred = stress[2026].DeferredContributions;
        Assert.That(stress[2027].RepaidContributions + stress[2028].RepaidContributions, Is.EqualTo(deferred).Within(1e-9).Percent, "repaid in full, no more");
        // The gap the deferral leaves by end-2028: what was owed, grown at the funds' return, less the instalments grown likewise.
        var r = run.Funds.FundReturns;
        int t0 = 2026 - run.Funds.FirstYear;
        double expected = deferred * (1 + r[t0 + 1]) * (1 + r[t0 + 2]) - stress[2027].RepaidContributions * (1 + r[t0 + 2]) - stress[2028].RepaidContributions;
        double gap = BaseRun.Value.Funds.Value(FundLine.ClosingBalance, 2028) - run.Funds.Value(FundLine.ClosingBalance, 2028);
        Assert.That(expected, Is.GreaterThan(0));
        Assert.That(gap, Is.EqualTo(expected).Within(1e-6).Percent, "the lost interest, by hand");
    }

    [Test]
    public void Central_transfers_keep_every_province_at_their_floor_in_their_years_and_cost_what_the_funds_lack()
    {
        var scenario = Base.Value.With(Levers.ContributionRelief, new LeverPath(2026, [1.0]))
            .With(Levers.CentralTransferFloor, new LeverPath(2026, [12.0]));
        var run = PensionProjector.Run(scenario);
        foreach (var row in run.Funds.YearTable().Where(r => r.Year == 2026 && r.RegionCode != 0))
        {
            Assert.That(row.MonthsOfPayment, Is.GreaterThanOrEqualTo(12 - 1e-9), row.Region);
        }
        var stress = run.Funds.StressTable().Single(r => r.Year == 2026 && r.RegionCode == 0);
        Assert.That(stress.CentralTransfers, Is.GreaterThan(0));
        Assert.That(run.Funds.Value(FundLine.TopUpSubsidies, 2026), Is.EqualTo(stress.CentralTransfers).Within(1e-9).Percent, "counted as top-up subsidies");
        Assert.That(run.Funds.StressTable().Where(r => r.Year == 2027).Sum(r => r.CentralTransfers), Is.EqualTo(0), "only in the years of the path");
    }

    [Test]
    public void Bridge_loans_hold_the_floor_and_are_repaid_in_full_over_their_years()
    {
        var scenario = Base.Value.With(Levers.ContributionRelief, new LeverPath(2026, [1.0]))
            .With(Levers.BridgeFloor, new LeverPath(2026, [12.0])).With(Levers.BridgeRepaymentYears, 4);
        var run = PensionProjector.Run(scenario);
        var national = run.Funds.StressTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        Assert.That(national[2026].BridgeBorrowedNet, Is.GreaterThan(0));
        Assert.That(national[2026].BridgeDebt, Is.EqualTo(national[2026].BridgeBorrowedNet));
        for (int year = 2027; year <= 2030; year++) Assert.That(national[year].BridgeBorrowedNet, Is.LessThan(0), $"{year} repays");
        Assert.That(national[2030].BridgeDebt, Is.EqualTo(0).Within(1e-6 * national[2026].BridgeDebt), "repaid by the end of the fourth year");
        Assert.That(national[2031].BridgeBorrowedNet, Is.EqualTo(0));
        foreach (var row in run.Funds.YearTable().Where(r => r.Year == 2026 && r.RegionCode != 0))
        {
            Assert.That(row.MonthsOfPayment, Is.GreaterThanOrEqualTo(12 - 1e-9), row.Region);
        }
    }

    [Test]
    public void Deferred_indexation_lowers_only_its_years_spending_by_the_months_of_the_increase()
    {
        var run = PensionProjector.Run(Base.Value.With(Levers.DeferredIndexation, new LeverPath(2027, [6.0])));
        double shocked = run.Funds.Value(FundLine.Pensions, 2027), base_ = BaseRun.Value.Funds.Value(FundLine.Pensions, 2027);
        double increase = run.Funds.Assumptions.Stress!.IndexationIncreases[2027];
        Assert.That(increase, Is.InRange(0.01, 0.08), "a plausible general increase");
        Assert.That(shocked, Is.EqualTo(base_ * (1 - 0.5 * increase / (1 + increase))).Within(1e-9).Percent);
        Assert.That(run.Funds.Value(FundLine.Pensions, 2028), Is.EqualTo(BaseRun.Value.Funds.Value(FundLine.Pensions, 2028)), "the level is the base's the next year");
    }

    [Test]
    public void Excess_mortality_ages_are_checked_and_a_shock_lever_without_its_shock_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Base.Value.With(Levers.ExcessMortalityFromAge, 65), "no excess mortality to place");
        Assert.Throws<ArgumentException>(() => Base.Value.With(Levers.DeferralRepaymentYears, 3), "no deferral to repay");
        var withShock = Base.Value.With(Levers.ExcessMortalitySize, new LeverPath(2026, [0.2])).With(Levers.ExcessMortalityToAge, 60);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => withShock.With(Levers.ExcessMortalityFromAge, 65))!;
        Assert.That(e.Message, Does.Contain("not below the youngest age"));
    }

    [Test]
    public void The_2020_episode_is_sized_from_the_published_fall_in_revenue()
    {
        Assert.That(StressTest.Episode2020ShareOfContributions, Is.EqualTo((52_919 - 44_376) / (52_919 - 10_318.66)).Within(1e-12));
        Assert.That(StressTest.Episode2020ShareOfEmployerContributions, Is.EqualTo(StressTest.Episode2020ShareOfContributions * 1.5).Within(1e-12));
        var shocks = StressTest.StandardShocks();
        Assert.That(shocks.Select(s => s.Name), Is.Unique);
        Assert.That(shocks.Where(s => s.Name != "2020-episode").Select(s => s.Sizing), Has.All.Contains("assumption"), "an unsourced size is named as an assumption");
    }

    [Test]
    public void The_stress_report_of_the_2020_episode_shows_the_fund_losing_the_waived_money()
    {
        var shock = StressTest.StandardShocks().Single(s => s.Name == "2020-episode");
        var result = StressTest.Run(Base.Value, [shock]).Single();
        double waived = BaseRun.Value.Funds.Value(FundLine.Contributions, 2026) - PensionProjector.Run(shock.ApplyTo(Base.Value)).Funds.Value(FundLine.Contributions, 2026);
        Assert.That(waived, Is.GreaterThan(0));
        Assert.That(result.NationalBalanceLossPeakYuan, Is.GreaterThanOrEqualTo(waived), "the loss grows with the interest forgone");
        Assert.That(result.LowestNationalMonths, Is.LessThan(result.BaseLowestNationalMonths));
        Assert.That(result.FirstYear, Is.EqualTo(2026));
        Assert.That(result.LastYear, Is.EqualTo(2035));
    }

    [Test]
    public void Evasion_loses_its_share_of_contributions_and_improper_payments_add_what_is_not_recovered()
    {
        var run = PensionProjector.Run(Base.Value.With(Levers.UnderDeclaredBase, new LeverPath(2026, [0.1]))
            .With(Levers.UnregisteredWorkers, new LeverPath(2026, [0.05]))
            .With(Levers.ImproperPayments, new LeverPath(2026, [0.02])).With(Levers.ImproperPaymentRecovery, 0.5));
        var b = BaseRun.Value.Funds;
        Assert.That(run.Funds.Value(FundLine.Contributions, 2025), Is.EqualTo(b.Value(FundLine.Contributions, 2025)), "before the path");
        foreach (int year in new[] { 2026, 2040 })
        {
            Assert.That(run.Funds.Value(FundLine.Contributions, year), Is.EqualTo(0.85 * b.Value(FundLine.Contributions, year)).Within(1e-9).Percent, $"{year}: the last value holds");
            Assert.That(run.Funds.Value(FundLine.Pensions, year), Is.EqualTo(1.01 * b.Value(FundLine.Pensions, year)).Within(1e-9).Percent, $"{year}");
        }
    }

    [Test]
    public void Evasion_above_all_contributions_is_refused_with_the_year_and_the_total()
    {
        var scenario = Base.Value.With(Levers.UnderDeclaredBase, new LeverPath(2026, [0.7])).With(Levers.UnregisteredWorkers, new LeverPath(2026, [0.6]));
        var e = Assert.Throws<Actuarial.InputDataException>(() => PensionProjector.Run(scenario))!;
        Assert.That(e.Message, Does.Contain("UnregisteredWorkers").And.Contain("2026").And.Contain("≤ 1"));
    }

    [Test]
    public void The_2020_replay_sample_carries_the_published_sizing()
    {
        var file = ScenarioFile.Load(Path.Combine(Actuarial.Tests.Scenarios.ScenarioFileTests.RepositoryRoot(), "samples", "scenarios", "episode-2020-replayed.json"));
        Assert.That(file.ToScenario().Scheme.Rules.Contributions.Relief.WaivedShare(2026),
            Is.EqualTo(Math.Round(StressTest.Episode2020ShareOfEmployerContributions, 4)), "the sample's waiver is the code's figure to four places");
    }
}
