using System.Globalization;
using System.Text.Json.Nodes;
using Actuarial.China;
using Actuarial.Pensions;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Scenarios;

/// <summary>
/// Issue 13: one lever, one meaning. Every typed lever of the catalogue (<see cref="Levers.Typed"/>, walked, so a lever
/// added later is covered) is set once through code (<see cref="PensionScenario.With(Lever, LeverPath)"/>) and once
/// through a generated scenario file; the two projections must agree bit for bit (they run the same definition on the
/// same defaults, so no tolerance is owed).
/// </summary>
[TestFixture]
public sealed class LeverParityTests
{
    // A short horizon keeps the 2 × ~40 projections quick; every lever acts from 2026 or 2027.
    private const int Horizon = 2045;

    public sealed record ParityCase(Lever Lever)
    {
        public override string ToString() => Lever.Key;
    }

    public static IEnumerable<ParityCase> Cases() => Levers.Typed.Select(l => new ParityCase(l));

    /// <summary>A value in the lever's range away from its default: a path (2026: 35% of the range, 2027 on: 25%) or a number (35%).</summary>
    private static LeverPath ValueOf(Lever lever)
    {
        double At(double share) => lever.Key switch
        {
            // Multipliers whose product with a base rate must stay ≤ 1: a modest move.
            "labour.unemployment_scale" => 1 + share / 2,
            "labour.non_agricultural_share_scale" => 1 + share / 5,
            "funds.reserve.draws_from" => 2030,
            _ => lever.Spec.Kind == LeverKind.Integer
                ? Math.Round(lever.Spec.Minimum + share * (lever.Spec.Maximum - lever.Spec.Minimum))
                : lever.Spec.Minimum + share * (lever.Spec.Maximum - lever.Spec.Minimum),
        };
        return lever.TakesPath ? new LeverPath(2026, [At(0.35), At(0.25)]) : new LeverPath(Levers.FirstLeverYear, [At(0.35)]);
    }

    /// <summary>The file keys that put the lever's rule in force ("rule is fixed" → rule fixed and its rate), beside the horizon.</summary>
    private static JsonObject Context(Lever lever)
    {
        var root = new JsonObject { ["name"] = "parity", ["horizon"] = Horizon };
        string section = lever.Spec.Section;
        switch (lever.Spec.UsedWhen)
        {
            case "rule is fixed":
                Set(root, section + ".rule", "fixed");
                Set(root, section + ".rate", 0.01);
                break;
            case "rule is share_of_gdp":
                Set(root, section + ".rule", "share_of_gdp");
                Set(root, section + ".percent_of_gdp", 1.0);
                break;
            case "rule is floor":
                Set(root, section + ".rule", "floor");
                break;
            case "enabled is true":
                // With a floor the reserve pays out, so that the year of the first draw matters.
                Set(root, section + ".enabled", true);
                if (lever.Key != "funds.reserve.floor_months") Set(root, section + ".floor_months", 6.0);
                break;
            case var usedWhen when usedWhen.EndsWith(" is set", StringComparison.Ordinal):
                // A lever that qualifies another ("share is set", "reform is true and early_share is set"): set that one to
                // a fifth of its range (a path from 2026).
                var partner = Levers.FindTyped(section + "." + usedWhen[..^" is set".Length].Split(' ')[^1])!;
                double fifth = partner.Spec.Minimum + 0.2 * (partner.Spec.Maximum - partner.Spec.Minimum);
                Set(root, partner.Key, partner.TakesPath ? new JsonObject { ["2026"] = fifth } : JsonValue.Create(fifth));
                break;
        }
        return root;
    }

    private static void Set(JsonObject root, string dottedKey, JsonNode? value)
    {
        var parts = dottedKey.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) node[part] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value;
    }

    private static JsonNode FileValue(Lever lever, LeverPath value)
    {
        if (!lever.TakesPath) return lever.Spec.Kind == LeverKind.Integer ? JsonValue.Create((int)value.Values[0]) : JsonValue.Create(value.Values[0]);
        var path = new JsonObject();
        for (int i = 0; i < value.Values.Count; i++) path[(value.FirstYear + i).ToString(CultureInfo.InvariantCulture)] = value.Values[i];
        return path;
    }

    private static PensionScenario FromFile(JsonObject json) => ScenarioFile.Parse(json.ToJsonString(), "parity.json").ToScenario();

    [TestCaseSource(nameof(Cases))]
    public void A_lever_gives_the_same_projection_from_code_and_from_a_file(ParityCase c)
    {
        var lever = c.Lever;
        var value = ValueOf(lever);
        var context = Context(lever);
        var byCode = FromFile(context).With(lever, value);
        var withLever = (JsonObject)context.DeepClone();
        Set(withLever, lever.Key, FileValue(lever, value));
        var byFile = FromFile(withLever);

        var code = PensionProjector.Run(byCode);
        var file = PensionProjector.Run(byFile);
        Assert.That(code.Funds.YearTable(), Is.EqualTo(file.Funds.YearTable()), "fund ledgers, every province and year");
        Assert.That(code.Funds.ReserveTable(), Is.EqualTo(file.Funds.ReserveTable()), "strategic reserve");
        Assert.That(Verification.KeyMeasures(code).Select(r => (r.Measure, r.Region, r.Year, r.Value)),
            Is.EqualTo(Verification.KeyMeasures(file).Select(r => (r.Measure, r.Region, r.Year, r.Value))), "key measures");

        Assert.That(code.Residents.YearTable(), Is.EqualTo(file.Residents.YearTable()), "residents' scheme, every province and year");
        Assert.That(code.Pillars.YearTable(), Is.EqualTo(file.Pillars.YearTable()), "funded pillars, every year");

        // The lever moves the projection (a parity of two no-ops would prove nothing).
        if (NoEffectByDesign(lever)) return;
        if (lever.Key.StartsWith("residents.", StringComparison.Ordinal))
        {
            // The residents' scheme's levers move its own ledgers, not the employee funds.
            var residents = PensionProjector.Run(FromFile(context)).Residents.YearTable();
            Assert.That(code.Residents.YearTable().SequenceEqual(residents), Is.False, $"{lever.Key} at {string.Join(", ", value.Values)} changes nothing");
            return;
        }
        if (lever.Key.StartsWith("pillars.", StringComparison.Ordinal))
        {
            // The funded pillars' levers move the pillars, outside the basic funds.
            var pillars = PensionProjector.Run(FromFile(context)).Pillars.YearTable();
            Assert.That(code.Pillars.YearTable().SequenceEqual(pillars), Is.False, $"{lever.Key} at {string.Join(", ", value.Values)} changes nothing");
            return;
        }
        var untouched = Untouched.GetOrAdd(context.ToJsonString(), _ => PensionProjector.Run(FromFile(context)).Funds.YearTable());
        Assert.That(code.Funds.YearTable().SequenceEqual(untouched), Is.False, $"{lever.Key} at {string.Join(", ", value.Values)} changes nothing");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Actuarial.Funds.FundYearRow>> Untouched = new();

    // Levers whose effect does not reach the fund ledgers within the horizon of this test.
    private static bool NoEffectByDesign(Lever lever) => lever.Key is "economy.real_discount_rate" or "demography.schooling.pace"
        or "funds.reserve.state_capital";

    [TestCaseSource(nameof(Cases))]
    public void A_value_out_of_range_is_refused_by_both_routes(ParityCase c)
    {
        var lever = c.Lever;
        double step = lever.Spec.Kind == LeverKind.Integer ? 1 : Math.Max(1e-3, (lever.Spec.Maximum - lever.Spec.Minimum) / 100);
        var context = Context(lever);
        var scenario = FromFile(context);
        foreach (double outside in new[] { lever.Spec.Minimum - step, lever.Spec.Maximum + step })
        {
            var value = new LeverPath(Levers.FirstLeverYear, [outside]);
            Assert.Throws<ArgumentOutOfRangeException>(() => scenario.With(lever, value), $"code, {outside}");
            var file = (JsonObject)context.DeepClone();
            Set(file, lever.Key, FileValue(lever, value));
            Assert.Throws<ScenarioFileException>(() => FromFile(file), $"file, {outside}");
        }
    }

    public static IEnumerable<ParityCase> ConditionalCases() => Levers.Typed.Where(l => l.Spec.UsedWhen.Length > 0).Select(l => new ParityCase(l));

    /// <summary>A file context in which the rule the lever needs is not in force.</summary>
    private static JsonObject NotInForce(Lever lever)
    {
        var root = new JsonObject { ["name"] = "parity", ["horizon"] = Horizon };
        string section = lever.Spec.Section;
        switch (lever.Spec.UsedWhen)
        {
            case "rule is real_wage_share, wage_share or price_share":
                Set(root, section + ".rule", "fixed");
                Set(root, section + ".rate", 0.01);
                break;
            case "rule is share_of_spending":
                Set(root, section + ".rule", "none");
                break;
            case "reform is true":
                Set(root, section + ".reform", false);
                break;

            // "rule is fixed", "rule is share_of_gdp", "rule is floor", "enabled is true": the defaults do not use the lever.
        }
        return root;
    }

    [TestCaseSource(nameof(ConditionalCases))]
    public void A_lever_whose_rule_is_not_in_force_is_refused_by_both_routes(ParityCase c)
    {
        var lever = c.Lever;
        var value = ValueOf(lever);
        var context = NotInForce(lever);
        var scenario = FromFile(context);
        Assert.That(lever.IsUsedBy(scenario), Is.False);
        var code = Assert.Throws<ArgumentException>(() => scenario.With(lever, value))!;
        Assert.That(code.Message, Does.Contain(lever.Spec.UsedWhen));
        var withLever = (JsonObject)context.DeepClone();
        Set(withLever, lever.Key, FileValue(lever, value));
        var file = Assert.Throws<ScenarioFileException>(() => FromFile(withLever))!;
        Assert.That(file.Message, Does.Contain(lever.Spec.UsedWhen));
        Assert.That(lever.IsUsedBy(FromFile(Context(lever))), Is.True, "and it is used once its rule is in force");
    }

    [Test]
    public void Every_number_of_the_catalogue_that_moves_a_scenario_is_a_typed_lever()
    {
        var shaping = new[] { "name", "description", "horizon" };
        var untyped = Levers.All.Where(s => s.Kind is LeverKind.Number or LeverKind.Integer or LeverKind.Path)
            .Where(s => Levers.FindTyped(s.Key) is null && !shaping.Contains(s.Key) && !s.Key.Contains("[]", StringComparison.Ordinal)
               )
            .Select(s => s.Key).ToArray();
        Assert.That(untyped, Is.Empty);
        Assert.That(Levers.Typed.Select(l => l.Key), Is.Unique);
    }

    /// <summary>
    /// The keys a scenario file still maps by itself, and why: its identity and horizon; the rule choices and switches
    /// (words and booleans, not numbers); the pooling periods (a list). Every other key is a typed lever, defined once.
    /// </summary>
    [Test]
    public void Every_key_but_the_shape_of_a_scenario_is_defined_once_as_a_typed_lever()
    {
        string[] fileMapped =
        [
            "name", "description", "horizon",
            "scheme.retirement.reform", "scheme.indexation.rule", "scheme.crediting.rule", "funds.subsidies.rule", "funds.reserve.enabled",
            "funds.pooling", "funds.pooling[].from", "funds.pooling[].to", "funds.pooling[].rule", "funds.pooling[].ratio",
            "funds.pooling[].wage_base_share", "funds.pooling[].pool_share_of_gaps", "funds.pooling[].max_levy_on_surplus", "funds.pooling[].count_subsidies",
        ];
        var untyped = Levers.All.Where(s => Levers.FindTyped(s.Key) is null).Select(s => s.Key).ToArray();
        Assert.That(untyped, Is.EquivalentTo(fileMapped));
        Assert.That(Levers.Typed.Count + fileMapped.Length, Is.EqualTo(Levers.All.Count));
        TestContext.Out.WriteLine($"{Levers.Typed.Count} of {Levers.All.Count} keys are typed levers defined once; {fileMapped.Length} are mapped by the file reader");
    }

    [Test]
    public void The_e0_levers_combine_in_either_order_and_a_path_is_not_combined_with_its_offset_or_the_gain_scale()
    {
        var baseline = ChinaDefaults.PensionScenario();
        var offset = new LeverPath(2030, [1.5]);
        var scaleFirst = baseline.With(Levers.LifeExpectancyGainScale, 1.3).With(Levers.LifeExpectancyOffsetFemale, offset);
        var offsetFirst = baseline.With(Levers.LifeExpectancyOffsetFemale, offset).With(Levers.LifeExpectancyGainScale, 1.3);
        var file = ScenarioFile.Parse("""{ "demography": { "mortality": { "e0_offset_female": { "2030": 1.5 }, "e0_gain_scale": 1.3 } } }""", "e0.json").ToScenario();
        var years = Enumerable.Range(2025, 2100 - 2024).ToArray();
        double[] Deaths(PensionScenario s) => years.Select(y =>
        {
            var mx = new double[Actuarial.Dimensions.Ages.Count];
            s.Demography.Mortality.FillDeathRates(y, Actuarial.Dimensions.Sex.Female, mx);
            return mx[80];
        }).ToArray();
        Assert.That(Deaths(offsetFirst), Is.EqualTo(Deaths(scaleFirst)));
        Assert.That(Deaths(file), Is.EqualTo(Deaths(scaleFirst)));
        Assert.That(Deaths(scaleFirst), Is.Not.EqualTo(Deaths(baseline)));

        var code = Assert.Throws<ArgumentException>(() => baseline.With(Levers.LifeExpectancyGainScale, 1.3).With(Levers.LifeExpectancyMale, 80))!;
        Assert.That(code.Message, Does.Contain("not both"));
        var byFile = Assert.Throws<ScenarioFileException>(() =>
            ScenarioFile.Parse("""{ "demography": { "mortality": { "e0_male": 80, "e0_gain_scale": 1.3 } } }""", "e0.json"))!;
        Assert.That(byFile.Message, Does.Contain("not both"));
    }

    [Test]
    public void The_coverage_levers_keep_the_years_a_joining_path_sets_in_either_order()
    {
        var baseline = ChinaDefaults.PensionScenario();
        var joining = Levers.OfLabour(Actuarial.Labour.LabourLever.UncoveredWorkersJoining);
        var path = new LeverPath(2030, [0.1, 0.12]);
        var ceilingFirst = baseline.With(Levers.CoverageCeiling, 0.8).With(Levers.CoveragePace, 0.3).With(joining, path).Labour.UncoveredWorkersJoining;
        var joiningFirst = baseline.With(joining, path).With(Levers.CoveragePace, 0.3).With(Levers.CoverageCeiling, 0.8).Labour.UncoveredWorkersJoining;
        var file = ScenarioFile.Parse("""{ "labour": { "coverage_ceiling": 0.8, "coverage_pace": 0.3, "uncovered_workers_joining": { "2030": 0.1, "2031": 0.12 } } }""", "coverage.json")
            .ToScenario().Labour.UncoveredWorkersJoining;
        var drawn = baseline.Labour.JoiningPath! with { Ceiling = 0.8, Pace = 0.3 };
        for (int year = ceilingFirst.FirstYear; year <= ceilingFirst.LastYear; year++)
        {
            Assert.That(joiningFirst[year], Is.EqualTo(ceilingFirst[year]), $"{year}");
            Assert.That(file[year], Is.EqualTo(ceilingFirst[year]), $"{year}");
            Assert.That(ceilingFirst[year], Is.EqualTo(year < 2030 ? drawn.JoinedShare(year) : path.At(year)), $"{year}");
        }
        Assert.That(ceilingFirst[2029], Is.Not.EqualTo(baseline.Labour.UncoveredWorkersJoining[2029]), "the coverage levers move the years before the path");
    }

    [Test]
    public void An_employer_rate_of_14_percent_moves_Shanghai_too_by_either_route()
    {
        var baseline = ChinaDefaults.PensionScenario();
        var shanghai = baseline.Scheme.Rules.Contributions.ProvincialEmployerRates;
        Assert.That(shanghai.ContainsKey(31), Is.True, "the defaults hold Shanghai's own schedule");
        var january2026 = new YearMonth(2026, 1);

        var byCode = baseline.With(Levers.EmployerRate, 0.14);
        var byFile = ScenarioFile.Parse("""{ "scheme": { "contributions": { "employer_rate": 0.14 } } }""", "employer.json").ToScenario();
        foreach (var scenario in new[] { byCode, byFile })
        {
            Assert.That(scenario.Scheme.Rules.Contributions.EmployerMonthly(january2026, 31), Is.EqualTo(0.14), "Shanghai (31)");
            Assert.That(scenario.Scheme.Rules.Contributions.EmployerMonthly(january2026, 11), Is.EqualTo(0.14), "Beijing (11)");
        }
        var code = PensionProjector.Run(byCode).Summary();
        var file = PensionProjector.Run(byFile).Summary();
        Assert.That(code.DepletionYear, Is.EqualTo(file.DepletionYear));
        Assert.That(code.DepletedProvinces, Is.EqualTo(file.DepletedProvinces));
    }

    [Test]
    public void A_lever_the_rules_in_force_do_not_use_is_rejected_by_both_routes()
    {
        var fixedIndexation = ScenarioFile.Parse("""{ "scheme": { "indexation": { "rule": "fixed", "rate": 0.02 } } }""", "fixed.json").ToScenario();
        var code = Assert.Throws<ArgumentException>(() => fixedIndexation.With(Levers.IndexationShare, 0.5))!;
        Assert.That(code.Message, Does.Contain("scheme.indexation.share").And.Contain("rule is real_wage_share, wage_share or price_share"));
        var file = Assert.Throws<ScenarioFileException>(() =>
            ScenarioFile.Parse("""{ "scheme": { "indexation": { "rule": "fixed", "rate": 0.02, "share": 0.5 } } }""", "fixed.json"))!;
        Assert.That(file.Message, Does.Contain("share").And.Contain("rule is real_wage_share, wage_share or price_share"));

        var noReserve = ChinaDefaults.PensionScenario();
        Assert.Throws<ArgumentException>(() => noReserve.With(Levers.ReserveDividendYield, 0.02));
        Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse("""{ "funds": { "reserve": { "dividend_yield": 0.02 } } }""", "reserve.json"));

        var preReform = ScenarioFile.Parse("""{ "scheme": { "retirement": { "reform": false } } }""", "pre.json").ToScenario();
        Assert.Throws<ArgumentException>(() => preReform.With(Levers.MenTargetAge, 65));
        Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse("""{ "scheme": { "retirement": { "reform": false, "men_target_age": 65 } } }""", "pre.json"));
    }

    [Test]
    public void Out_of_range_values_and_paths_for_number_levers_are_refused_by_code()
    {
        var baseline = ChinaDefaults.PensionScenario();
        Assert.Throws<ArgumentOutOfRangeException>(() => baseline.With(Levers.EmployerRate, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => baseline.With(Levers.EmployerRate, new LeverPath(2020, [0.14])));
        Assert.Throws<ArgumentException>(() => baseline.With(Levers.RealDiscountRate, new LeverPath(2026, [0.02, 0.03])));
        Assert.Throws<ArgumentOutOfRangeException>(() => baseline.With(Levers.MenPace, 2.5));
    }

    public static IEnumerable<ParityCase> GoalSeekCases() =>
        new[] { Levers.EmployerRate, Levers.IndexationShare, Levers.RetirementPace, Levers.ExtraSubsidy }.Select(l => new ParityCase(l));

    private static readonly Lazy<PensionGoalSeeker> DefaultsSeeker = new(() => new PensionGoalSeeker(FromFile(new JsonObject { ["horizon"] = Horizon })));

    /// <summary>
    /// The goal-seek's levers are the catalogue's: a value the seeker tries is the scenario <see cref="PensionScenario.With(Lever, LeverPath)"/>
    /// gives (and so a file gives, by the parity above), run on the seeker's shared calibration.
    /// </summary>
    [TestCaseSource(nameof(GoalSeekCases))]
    public void A_goal_seek_lever_value_is_the_value_set_by_code(ParityCase c)
    {
        var seeker = DefaultsSeeker.Value;
        var lever = c.Lever;
        var value = ValueOf(lever);
        int? fromYear = lever.TakesPath ? value.FirstYear : null;
        var bySeeker = seeker.Run(lever, value.Values[0], fromYear);
        var byCode = seeker.Run(seeker.Baseline.With(lever, new LeverPath(value.FirstYear, [value.Values[0]])));
        Assert.That(bySeeker.Funds.YearTable(), Is.EqualTo(byCode.Funds.YearTable()));
        Assert.That(bySeeker.Funds.YearTable().SequenceEqual(seeker.Run(seeker.Baseline).Funds.YearTable()), Is.False, "the lever moves the funds");
    }

    [Test]
    public void Goal_seeking_a_lever_the_rules_in_force_do_not_use_is_refused_as_by_code_and_files()
    {
        var preReform = new PensionGoalSeeker(FromFile(JsonNode.Parse($$"""
            { "horizon": {{Horizon}}, "scheme": { "retirement": { "reform": false }, "indexation": { "rule": "fixed", "rate": 0.02 } } }
            """)!.AsObject()));
        var target = new SolvencyTarget(2040);
        foreach (var lever in new[] { Levers.IndexationShare, Levers.RetirementPace, Levers.MenTargetAge })
        {
            var error = Assert.Throws<ArgumentException>(() => preReform.Solve(lever, target, lever.Spec.Minimum, lever.Spec.Maximum, 1))!;
            Assert.That(error.Message, Does.Contain(lever.Key).And.Contain(lever.Spec.UsedWhen));
        }
        Assert.Throws<ArgumentException>(() => preReform.Solve(Levers.RealDiscountRate, target, 0, 0.1, 1e-3, fromYear: 2030), "a number lever takes no year");
    }

    [Test]
    public void The_whole_reform_pace_sets_the_three_groups_and_is_not_combined_with_theirs()
    {
        var ages = ChinaDefaults.PensionScenario().With(Levers.RetirementPace, 7).Scheme.Rules.RetirementAges;
        Assert.That((ages.Men.BirthMonthsPerExtraMonth, ages.WomenCadres.BirthMonthsPerExtraMonth, ages.WomenWorkers.BirthMonthsPerExtraMonth), Is.EqualTo((7, 7, 3)));
        Assert.That(ChinaDefaults.PensionScenario().With(Levers.RetirementPace, 1).Scheme.Rules.RetirementAges.WomenWorkers.BirthMonthsPerExtraMonth, Is.EqualTo(1));
        var file = Assert.Throws<ScenarioFileException>(() =>
            ScenarioFile.Parse("""{ "scheme": { "retirement": { "pace": 6, "men_pace": 5 } } }""", "pace.json"))!;
        Assert.That(file.Message, Does.Contain("not both"));
    }
}
