using Actuarial.China;
using Actuarial.Funds;
using Actuarial.Pensions;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Stochastic;

/// <summary>
/// Goal-seeking on the full pension projection: each answer is fed back into a deterministic run, where the target must
/// hold, and the lever just past it (one tolerance less demanding) must fail. The baseline runs to 2070.
/// </summary>
[TestFixture]
public sealed class PensionGoalSeekTests
{
    private const int End = 2070;
    private static readonly Lazy<PensionGoalSeeker> Seeker = new(() => new PensionGoalSeeker(PensionMonteCarlo.WithEndYear(ChinaDefaults.PensionScenario(), End)));
    private static readonly SolvencyTarget National2070 = new(2070);
    private static readonly Lazy<PensionScenario> Defaults = new(() => ChinaDefaults.PensionScenario());
    private static readonly SolvencyTarget EveryProvince2070 = new(2070, EveryProvince: true);

    // higherIsSafer: which way is less demanding; the test states it, the seeker reads it from the range's ends.
    private static void AssertHoldsAndJustPastFails(Lever lever, SolvencyTarget target, GoalSeekResult result, double step, bool higherIsSafer,
        int? fromYear = null, PensionGoalSeeker? seeker = null)
    {
        seeker ??= Seeker.Value;
        Assert.That(result.Status, Is.EqualTo(GoalSeekStatus.Solved), result.Message);
        var at = seeker.Run(lever, result.Lever, fromYear);
        Assert.That(target.HoldsIn(at.Funds), Is.True, $"target at the answer {result.Lever}");
        Assert.That(target.LowestBalance(at.Funds), Is.EqualTo(result.Value));
        double past = result.Lever + (higherIsSafer ? -step : step);
        Assert.That(target.HoldsIn(seeker.Run(lever, past, fromYear).Funds), Is.False, $"target just past the answer, at {past}");
    }

    [Test]
    public void The_baseline_is_depleted_before_2070_so_every_lever_has_work_to_do()
    {
        var baseline = Seeker.Value.Run(Seeker.Value.Baseline);
        Assert.That(National2070.HoldsIn(baseline.Funds), Is.False);
        Assert.That(baseline.Summary().DepletionYear, Is.EqualTo(PensionProjector.Run(Seeker.Value.Baseline).Summary().DepletionYear));
    }

    [Test]
    public void Employer_rate_that_keeps_the_national_fund_solvent_through_2070()
    {
        var lever = Levers.EmployerRate;
        var result = Seeker.Value.Solve(lever, National2070, 0.10, 0.40, 1e-4, fromYear: 2026);
        AssertHoldsAndJustPastFails(lever, National2070, result, 1e-4, higherIsSafer: true, fromYear: 2026);
        Assert.That(result.Lever, Is.InRange(0.16, 0.40), "more than today's 16%");
    }

    [Test]
    public void Employer_rate_that_keeps_every_province_solvent_through_2070_is_higher()
    {
        var lever = Levers.EmployerRate;
        var national = Seeker.Value.Solve(lever, National2070, 0.10, 0.60, 1e-3, fromYear: 2026);
        var every = Seeker.Value.Solve(lever, EveryProvince2070, 0.10, 0.60, 1e-3, fromYear: 2026);
        AssertHoldsAndJustPastFails(lever, EveryProvince2070, every, 1e-3, higherIsSafer: true, fromYear: 2026);
        Assert.That(every.Lever, Is.GreaterThan(national.Lever));
    }

    [Test]
    public void Indexation_share_of_wage_growth_that_keeps_the_national_fund_solvent_through_2060()
    {
        // Even a freeze of nominal pensions (share 0) leaves the national fund short by 2070 on the linked economy, so the
        // search is for 2060. The rule is the baseline's (a scenario file's "rule": "wage_share"); the lever is the share.
        var wageShare = PensionMonteCarlo.WithEndYear(
            ScenarioFile.Parse("""{ "scheme": { "indexation": { "rule": "wage_share", "share": 0.5 } } }""", "wage-share.json").ToScenario(), End);
        var seeker = new PensionGoalSeeker(wageShare);
        var target = new SolvencyTarget(2060);
        var result = seeker.Solve(Levers.IndexationShare, target, 0, 1, 1e-4);
        AssertHoldsAndJustPastFails(Levers.IndexationShare, target, result, 1e-4, higherIsSafer: false, seeker: seeker);
        Assert.That(seeker.At(Levers.IndexationShare, result.Lever).Scheme.Rules.Indexation.FutureRule, Is.EqualTo(new ShareOfWageGrowth(result.Lever)));
    }

    [Test]
    public void Share_of_real_wage_growth_that_keeps_the_national_fund_solvent_through_2050()
    {
        // The default passes on 0.48 of real wage growth; price indexation alone (share 0) keeps the fund longer.
        var lever = Levers.IndexationShare;
        var target = new SolvencyTarget(2050);
        var result = Seeker.Value.Solve(lever, target, 0, 1, 1e-4);
        AssertHoldsAndJustPastFails(lever, target, result, 1e-4, higherIsSafer: false);
        Assert.That(Seeker.Value.At(lever, result.Lever).Scheme.Rules.Indexation.FutureRule, Is.EqualTo(new PricesPlusShareOfRealWageGrowth(result.Lever)));
        TestContext.Out.WriteLine($"share of real wage growth solvent through 2050: {result.Lever:F4}");
        Assert.That(result.Lever, Is.LessThan(ChinaDefaults.IndexationShareOfRealWageGrowth()), "the baseline is depleted before 2050");
    }

    [Test]
    public void Yearly_subsidy_that_keeps_the_national_fund_solvent_through_2070()
    {
        // Hundred million yuan a year (the lever's unit): 0 to 20 trillion yuan, to 0.1 billion.
        var result = Seeker.Value.Solve(Levers.ExtraSubsidy, National2070, 0, 2e5, 1, fromYear: 2026);
        AssertHoldsAndJustPastFails(Levers.ExtraSubsidy, National2070, result, 1, higherIsSafer: true, fromYear: 2026);
    }

    [Test]
    public void Yearly_subsidy_that_keeps_every_province_solvent_through_2070()
    {
        var result = Seeker.Value.Solve(Levers.ExtraSubsidy, EveryProvince2070, 0, 2e5, 1, fromYear: 2026);
        AssertHoldsAndJustPastFails(Levers.ExtraSubsidy, EveryProvince2070, result, 1, higherIsSafer: true, fromYear: 2026);
    }

    [Test]
    public void Retirement_age_pace_is_searched_over_whole_months()
    {
        // Men 65, women 60 and 55 (the target-age levers on the baseline): the slowest pace that keeps the national fund
        // solvent through 2048.
        var targets = PensionMonteCarlo.WithEndYear(ChinaDefaults.PensionScenario(), End)
            .With(Levers.MenTargetAge, 65).With(Levers.WomenCadresTargetAge, 60).With(Levers.WomenWorkersTargetAge, 55);
        var seeker = new PensionGoalSeeker(targets);
        var lever = Levers.RetirementPace;
        var target = new SolvencyTarget(2048);
        var result = seeker.Solve(lever, target, 1, 24, 1);
        AssertHoldsAndJustPastFails(lever, target, result, 1, higherIsSafer: false, seeker: seeker);
        Assert.That(result.Lever, Is.EqualTo(Math.Round(result.Lever)));
    }

    [Test]
    public void Retirement_age_pace_alone_cannot_keep_the_fund_solvent_through_2070()
    {
        var result = Seeker.Value.Solve(Levers.RetirementPace, National2070, 1, 24, 1);
        Assert.That(result.Status, Is.EqualTo(GoalSeekStatus.TargetAboveRange));
        Assert.That(result.ValueAtLower, Is.LessThan(0));
        Assert.That(result.Message, Does.StartWith("no lever in [1, 24] reaches the target"));
    }

    [Test]
    public void A_range_without_an_answer_says_so_clearly()
    {
        var result = Seeker.Value.Solve(Levers.EmployerRate, National2070, 0.16, 0.17, 1e-4, fromYear: 2026);
        Assert.That(result.Status, Is.EqualTo(GoalSeekStatus.TargetAboveRange));
        Assert.That(result.ValueAtUpper, Is.LessThan(0));
        Assert.That(result.Message, Does.Contain("both below the target"));
        Assert.Throws<InvalidOperationException>(() => result.LeverOrThrow());

        var already = Seeker.Value.Solve(Levers.EmployerRate, new SolvencyTarget(2040), 0.16, 0.40, 1e-4, fromYear: 2026);
        Assert.That(already.Status, Is.EqualTo(GoalSeekStatus.TargetBelowRange), "solvent through 2040 even at the least demanding end");
    }

    [Test]
    public void Floor_subsidy_top_ups_start_when_the_first_province_is_depleted()
    {
        var baseline = Seeker.Value.Run(Seeker.Value.Baseline);
        int firstProvince = baseline.Summary().DepletedProvinces.Min(p => p.Year);
        var (first, topUps) = Seeker.Value.FloorSubsidyTopUps();
        int firstTopUp = Enumerable.Range(first, topUps.Length).First(y => topUps[y - first] > 0);
        Assert.That(firstTopUp, Is.EqualTo(firstProvince));
        Assert.That(topUps.All(v => v >= 0 && double.IsFinite(v)));
    }

    [Test]
    public void Employer_rate_by_depletion_probability()
    {
        var lever = Levers.EmployerRate;
        var target = new SolvencyTarget(2060);
        var settings = new PensionMonteCarloSettings { Shocks = PensionMonteCarlo.DefaultShocks(2025, End) };
        const int paths = 6;
        const ulong seed = 11;
        const double p = 0.2, tolerance = 0.01;
        var result = Seeker.Value.SolveDepletionProbability(lever, target, p, 0.16, 0.40, tolerance, settings, paths, seed, fromYear: 2026);
        Assert.That(result.Status, Is.EqualTo(GoalSeekStatus.Solved), result.Message);
        double Probability(double rate) => MonteCarlo.Run(paths, seed, 0,
            new PensionPathEvaluator(settings with { Scenario = Seeker.Value.At(lever, rate, 2026), Calibration = Seeker.Value.Calibration, ProvincialBalances = false }))
            [target.Series].DepletionProbabilityBy(target.ThroughYear);
        Assert.That(Probability(result.Lever), Is.LessThanOrEqualTo(p));
        Assert.That(Probability(result.Lever - tolerance), Is.GreaterThan(p));
    }

    [FsProperty(MaxTest = 200)]
    public void Extra_subsidy_pays_the_yearly_amount_in_proportion_to_pensions(double[] pensionsSeed, int amountSeed, int yearSeed)
    {
        var pensions = (pensionsSeed ?? []).Where(double.IsFinite).Select(v => Math.Abs(v) % 1e12).ToArray();
        if (pensions.Length == 0 || pensions.Sum() <= 0) return;
        double amount = Math.Abs(amountSeed % 1000) * 1e9;
        int year = 2025 + Math.Abs(yearSeed % 10);
        // Through the catalogue's lever: hundred million yuan a year from 2030; the last value holds.
        var scenario = Defaults.Value.With(Levers.ExtraSubsidy, new LeverPath(2030, [amount / 1e8 / 2, amount / 1e8]));
        var rule = (ISubsidyRule)((CombinedSubsidy)scenario.Funds.Subsidies).Rules[1];
        var own = ((CombinedSubsidy)scenario.Funds.Subsidies).Rules[0];
        Assert.That(own, Is.EqualTo(Defaults.Value.Funds.Subsidies), "the rule in force stays, the extra comes on top");
        if (year == 2030) amount /= 2;
        var zeros = new double[pensions.Length];
        var paid = new double[pensions.Length];
        rule.Scheduled(new FundYear(year, zeros, pensions, zeros, zeros, zeros, zeros, zeros, zeros, default), paid);
        if (year < 2030)
        {
            Assert.That(paid, Is.All.EqualTo(0));
            return;
        }
        Assert.That(paid.Sum(), Is.EqualTo(amount).Within(1e-9 * amount + 1e-6));
        for (int i = 0; i < pensions.Length; i++) Assert.That(paid[i], Is.EqualTo(amount * (pensions[i] / pensions.Sum())).Within(1e-9 * paid[i] + 1e-9));
    }

    [FsProperty(MaxTest = 100)]
    public void Employer_rate_lever_changes_the_rate_from_its_year_only(int rateSeed, int yearSeed)
    {
        double rate = 0.10 + Math.Abs(rateSeed % 300) / 1000.0;
        int from = 2025 + Math.Abs(yearSeed % 40);
        var baseline = ChinaDefaults.PensionScenario();
        var rates = baseline.With(Levers.EmployerRate, new LeverPath(from, [rate])).Scheme.Rules.Contributions;
        var before = baseline.Scheme.Rules.Contributions;
        foreach (int province in new[] { 0, 31, 44 })
        {
            Assert.That(rates.EmployerMonthly(new YearMonth(from, 1), province), Is.EqualTo(rate));
            Assert.That(rates.EmployerMonthly(new YearMonth(from + 20, 6), province), Is.EqualTo(rate));
            Assert.That(rates.EmployerMonthly(new YearMonth(from - 1, 12), province), Is.EqualTo(before.EmployerMonthly(new YearMonth(from - 1, 12), province)));
            Assert.That(rates.EmployerMonthly(new YearMonth(2010, 3), province), Is.EqualTo(before.EmployerMonthly(new YearMonth(2010, 3), province)));
        }
    }
}
