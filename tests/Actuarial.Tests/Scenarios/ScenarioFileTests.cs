using Actuarial.China;
using Actuarial.Funds;
using Actuarial.Labour;
using Actuarial.Pensions;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Scenarios;

/// <summary>Parsing, validation, mapping and the generated documentation of scenario files.</summary>
[TestFixture]
public sealed class ScenarioFileTests
{
    private const string File = "test.json";

    private static ScenarioFileException Fails(string json) =>
        Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse(json, File))!;

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Actuarial.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Actuarial.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    [Test]
    public void An_empty_file_is_the_china_defaults()
    {
        var file = ScenarioFile.Parse("{}", File, "empty");
        Assert.That(file.Name, Is.EqualTo("empty"));
        Assert.That(file.Horizon, Is.EqualTo(2100));
        var scenario = file.ToScenario();
        var defaults = ChinaDefaults.PensionScenario();
        Assert.That(scenario.Demography, Is.EqualTo(defaults.Demography), "untouched demography is the very same record, so it can be shared");
        Assert.That(scenario.Labour, Is.EqualTo(defaults.Labour));
        Assert.That(scenario.Scheme.Rules, Is.EqualTo(defaults.Scheme.Rules));
        Assert.That(scenario.Funds.Pooling.RuleFor(2030), Is.InstanceOf<NationalPooling>());
    }

    [Test]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var file = ScenarioFile.Parse("// a comment\n{ /* block */ \"horizon\": 2060, \"economy\": { \"real_wage_growth\": 0.05, }, }", File);
        Assert.That(file.Horizon, Is.EqualTo(2060));
        Assert.That(file.PathOf("economy.real_wage_growth"), Is.EqualTo(new LeverPath(2025, [0.05])).Using<LeverPath>((a, b) => a.FirstYear == b.FirstYear && a.Values.SequenceEqual(b.Values)));
    }

    [Test]
    public void A_misspelt_key_names_the_file_the_path_and_a_suggestion()
    {
        var e = Fails("{ \"demography\": { \"fertility\": { \"tfr_ofset\": 0.3 } } }");
        Assert.That(e.File, Is.EqualTo(File));
        Assert.That(e.JsonPath, Is.EqualTo("$.demography.fertility.tfr_ofset"));
        Assert.That(e.Suggestion, Is.EqualTo("tfr_offset"));
        Assert.That(e.Message, Does.Contain("test.json").And.Contain("Did you mean 'tfr_offset'?"));
    }

    [Test]
    public void A_key_in_the_wrong_section_suggests_its_full_key()
    {
        var e = Fails("{ \"scheme\": { \"employer_rate\": 0.2 } }");
        Assert.That(e.Suggestion, Is.EqualTo("scheme.contributions.employer_rate"));
    }

    [Test]
    public void A_key_far_from_every_known_key_gets_no_suggestion()
    {
        var e = Fails("{ \"colour\": \"blue\" }");
        Assert.That(e.Suggestion, Is.Null);
        Assert.That(e.ValidRange, Does.Contain("horizon"));
    }

    [Test]
    public void A_value_out_of_range_names_key_value_and_range()
    {
        var e = Fails("{ \"scheme\": { \"indexation\": { \"rule\": \"wage_share\", \"share\": 1.5 } } }");
        Assert.That(e.Key, Is.EqualTo("scheme.indexation.share"));
        Assert.That(e.Value, Is.EqualTo("1.5"));
        Assert.That(e.ValidRange, Does.Contain("[0, 1]"));
    }

    [Test]
    public void A_path_with_a_gap_is_an_error_naming_the_missing_years()
    {
        var e = Fails("{ \"labour\": { \"uncovered_workers_joining\": { \"2025-2029\": 0.1, \"2033\": 0.3 } } }");
        Assert.That(e.Key, Is.EqualTo("labour.uncovered_workers_joining"));
        Assert.That(e.ValidRange, Does.Contain("2030–2032"));
    }

    [TestCase("{ \"economy\": { \"real_wage_growth\": { \"2020\": 0.05 } } }", "2025")]
    [TestCase("{ \"horizon\": 2050, \"economy\": { \"real_wage_growth\": { \"2025-2060\": 0.05 } } }", "2050")]
    [TestCase("{ \"economy\": { \"real_wage_growth\": { \"2025-2030\": 0.05, \"2030\": 0.04 } } }", "given once")]
    [TestCase("{ \"economy\": { \"real_wage_growth\": { \"next year\": 0.05 } } }", "a year or a range")]
    [TestCase("{ \"horizon\": 2200 }", "2100")]
    [TestCase("{ \"scheme\": { \"retirement\": { \"reform\": \"no\" } } }", "true or false")]
    [TestCase("{ \"scheme\": { \"indexation\": { \"rule\": \"wages\" } } }", "wage_share")]
    public void Bad_values_are_rejected_with_the_valid_range(string json, string expected)
    {
        Assert.That(Fails(json).ValidRange, Does.Contain(expected));
    }

    [Test]
    public void An_indexation_share_is_rejected_when_the_rule_is_fixed()
    {
        var e = Fails("{ \"scheme\": { \"indexation\": { \"rule\": \"fixed\", \"rate\": 0.02, \"share\": 0.6 } } }");
        Assert.That(e.Key, Is.EqualTo("scheme.indexation.share"));
        Assert.That(e.ValidRange, Does.Contain("fixed"));
        var rate = Fails("{ \"scheme\": { \"indexation\": { \"rate\": 0.02 } } }");
        Assert.That(rate.Key, Is.EqualTo("scheme.indexation.rate"));
        Assert.That(rate.ValidRange, Does.Contain("real_wage_share (the default)"));
        Assert.That(Fails("{ \"scheme\": { \"indexation\": { \"rule\": \"fixed\" } } }").ValidRange, Does.Contain("needs it"));
        Assert.That(Fails("{ \"scheme\": { \"indexation\": { \"rule\": \"wage_share\" } } }").ValidRange, Does.Contain("needs it"));
        Assert.That(Fails("{ \"scheme\": { \"crediting\": { \"rule\": \"price_share\", \"share\": 0.5, \"rate\": 0.03 } } }").Key, Is.EqualTo("scheme.crediting.rate"));
    }

    [Test]
    public void A_central_adjustment_ratio_is_rejected_in_years_of_national_pooling()
    {
        var e = Fails("{ \"funds\": { \"pooling\": [ { \"from\": 2025, \"to\": 2029, \"rule\": \"central_adjustment\", \"ratio\": 0.04 }, " +
            "{ \"from\": 2030, \"rule\": \"national\", \"ratio\": 0.04 } ] } }");
        Assert.That(e.JsonPath, Is.EqualTo("$.funds.pooling[1].ratio"));
        Assert.That(e.ValidRange, Does.Contain("2030–2100").And.Contain("national"));
    }

    [TestCase("[ { \"from\": 2025, \"to\": 2029, \"rule\": \"provincial\" }, { \"from\": 2031, \"rule\": \"national\" } ]", "2030, the year after")]
    [TestCase("[ { \"from\": 2026, \"rule\": \"national\" } ]", "2025")]
    [TestCase("[ { \"from\": 2025, \"to\": 2060, \"rule\": \"national\" } ]", "horizon")]
    [TestCase("[ { \"from\": 2025, \"rul\": \"national\" } ]", "a field of a pooling period")]
    public void Pooling_periods_must_follow_each_other_to_the_horizon(string periods, string expected)
    {
        Assert.That(Fails($"{{ \"funds\": {{ \"pooling\": {periods} }} }}").ValidRange, Does.Contain(expected));
    }

    [Test]
    public void Levers_of_inactive_rules_and_conflicting_levers_are_rejected()
    {
        Assert.That(Fails("{ \"scheme\": { \"retirement\": { \"reform\": false, \"men_target_age\": 65 } } }").Key, Is.EqualTo("scheme.retirement.men_target_age"));
        Assert.That(Fails("{ \"funds\": { \"reserve\": { \"state_capital\": 3 } } }").Key, Is.EqualTo("funds.reserve.state_capital"));
        Assert.That(Fails("{ \"funds\": { \"subsidies\": { \"rule\": \"floor\", \"share\": 0.2 } } }").Key, Is.EqualTo("funds.subsidies.share"));
        Assert.That(Fails("{ \"demography\": { \"fertility\": { \"tfr\": 1.5, \"tfr_offset\": 0.3 } } }").Key, Is.EqualTo("demography.fertility.tfr_offset"));
    }

    [Test]
    public void Every_error_is_reported_at_once()
    {
        var e = Fails("{ \"horizn\": 2050, \"labour\": { \"contribution_density\": 2 }, \"scheme\": { \"indexation\": { \"rate\": 0.05 } } }");
        Assert.That(e.Errors, Has.Count.EqualTo(3));
    }

    [Test]
    public void Invalid_json_and_duplicate_keys_give_the_line()
    {
        Assert.That(Fails("{\n \"horizon\": 2050,,\n}").JsonPath, Does.StartWith("line 2"));
        Assert.That(Fails("{ \"horizon\": 2050, \"horizon\": 2060 }").ValidRange, Does.Contain("valid JSON"));
    }

    [Test]
    public void A_missing_file_is_a_scenario_file_error()
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioFile.Load(Path.Combine(Path.GetTempPath(), "no-such-scenario.json")))!;
        Assert.That(e.File, Does.EndWith("no-such-scenario.json"));
    }

    [Test]
    public void Policy_levers_map_onto_the_scheme_rules()
    {
        var s = ScenarioFile.Parse("""
            {
              "scheme": {
                "contributions": { "employer_rate": { "2027-2029": 0.18, "2030": 0.20 }, "relief": { "2025": 0.5 } },
                "retirement": { "men_target_age": 65, "women_workers_pace": 1 },
                "indexation": { "rule": "wage_share", "share": 0.6 },
                "crediting": { "rule": "fixed", "rate": 0.03 },
              },
            }
            """, File).ToScenario();
        var rules = s.Scheme.Rules;
        Assert.That(rules.Contributions.EmployerAnnual(2025), Is.EqualTo(0.16).Within(1e-12));
        Assert.That(rules.Contributions.EmployerAnnual(2028), Is.EqualTo(0.18).Within(1e-12));
        Assert.That(rules.Contributions.EmployerAnnual(2060), Is.EqualTo(0.20).Within(1e-12));
        Assert.That(rules.Contributions.EmployerAnnual(2060, 31), Is.EqualTo(0.20).Within(1e-12), "Shanghai's own schedule follows the lever");
        Assert.That(rules.Contributions.EmployerAnnual(2019), Is.EqualTo(ChinaDefaults.ContributionRates().EmployerAnnual(2019)), "history is kept");
        Assert.That(rules.Contributions.Relief.WaivedShare(2025), Is.EqualTo(0.5));
        Assert.That(rules.RetirementAges.Men.TargetAgeMonths, Is.EqualTo(65 * 12));
        Assert.That(rules.RetirementAges.WomenWorkers.BirthMonthsPerExtraMonth, Is.EqualTo(1));
        Assert.That(rules.Indexation.FutureRule, Is.EqualTo(new ShareOfWageGrowth(0.6)));
        Assert.That(rules.CreditingRates.FutureRule, Is.EqualTo(new FixedRate(0.03)));
        Assert.That(ScenarioFile.Parse("{ \"scheme\": { \"retirement\": { \"reform\": false } } }", File).ToScenario().Scheme.Rules.RetirementAges,
            Is.EqualTo(RetirementAgeSchedule.PreReform));
    }

    [Test]
    public void Fund_levers_map_onto_the_fund_assumptions()
    {
        var s = ScenarioFile.Parse("""
            {
              "horizon": 2080,
              "economy": { "real_return_other": { "2030": 0.01 } },
              "funds": {
                "returns": { "entrusted_share": 0.5 },
                "subsidies": { "rule": "floor", "floor_months": 3 },
                "pooling": [ { "from": 2025, "to": 2034, "rule": "central_adjustment", "ratio": 0.05 }, { "from": 2035, "rule": "provincial" } ],
                "reserve": { "enabled": true, "state_capital": 5, "dividend_yield": 0.03, "draws_from": 2030 },
              },
            }
            """, File).ToScenario();
        var f = s.Funds;
        Assert.That(s.EndYear, Is.EqualTo(2080));
        Assert.That(s.Demography.EndYear, Is.EqualTo(2080));
        Assert.That(f.OtherReturn[2025], Is.EqualTo(ChinaFundFigures.NonEntrustedFundReturn), "2025 keeps the nominal return");
        Assert.That(f.OtherReturn[2029], Is.EqualTo(1.02 * (1 + ChinaDefaults.Economy().RealOtherReturn[2029]) - 1).Within(1e-15), "real default × prices");
        Assert.That(f.OtherReturn[2080], Is.EqualTo(1.01 * 1.02 - 1).Within(1e-15), "the real lever × prices");
        Assert.That(f.EntrustedShare, Is.EqualTo(0.5));
        Assert.That(f.Subsidies, Is.EqualTo(new FloorSubsidy(3)));
        Assert.That(f.Pooling.RuleFor(2021), Is.InstanceOf<CentralAdjustment>(), "history is kept");
        Assert.That(((CentralAdjustment)f.Pooling.RuleFor(2030)).Ratio, Is.EqualTo(0.05));
        Assert.That(f.Pooling.RuleFor(2040), Is.InstanceOf<ProvincialPooling>());
        Assert.That(f.Reserve!.StateCapital, Is.EqualTo(5e12));
        Assert.That(f.Reserve.Draws, Is.EqualTo(new ReserveDraws(2030, 0)));
    }

    [Test]
    public void Demographic_levers_change_the_demography_from_2025_only()
    {
        var defaults = ChinaDefaults.PensionScenario().Demography;
        var s = ScenarioFile.Parse("""
            { "demography": { "fertility": { "tfr_offset": 0.3 }, "mortality": { "e0_gain_scale": 1.5, "e0_offset_female": { "2050": 1 } },
                              "international_migration": { "scale": 0 }, "schooling": { "pace": 2 } } }
            """, File).ToScenario().Demography;
        Assert.That(s, Is.Not.EqualTo(defaults));
        var tfr = s.Fertility.TotalFertilityRate;
        Assert.That(tfr[2024], Is.EqualTo(defaults.Fertility.TotalFertilityRate[2024]));
        Assert.That(tfr[2040], Is.EqualTo(defaults.Fertility.TotalFertilityRate[2040] + 0.3).Within(1e-12));
        Assert.That(s.InternationalMigration.PersonsFor(2030, Dimensions.Sex.Male).ToArray(), Is.All.EqualTo(0));
        Assert.That(s.InternationalMigration.PersonsFor(2024, Dimensions.Sex.Male).ToArray(), Is.EqualTo(defaults.InternationalMigration.PersonsFor(2024, Dimensions.Sex.Male).ToArray()));
        Assert.That(s.Education!.Pace, Is.EqualTo(2));
    }

    [Test]
    public void Edit_distance_counts_transpositions_once()
    {
        Assert.That(ScenarioFile.EditDistance("horizon", "horizon"), Is.EqualTo(0));
        Assert.That(ScenarioFile.EditDistance("hroizon", "horizon"), Is.EqualTo(1));
        Assert.That(ScenarioFile.EditDistance("horizn", "horizon"), Is.EqualTo(1));
        Assert.That(ScenarioFile.EditDistance("abc", "xyz"), Is.EqualTo(3));
        Assert.That(ScenarioFile.Suggest("Horizn", ["horizon", "name"]), Is.EqualTo("horizon"));
    }

    [Test]
    public void Every_catalogue_key_is_unique_and_documented()
    {
        Assert.That(Levers.All.Select(l => l.Key), Is.Unique);
        foreach (var lever in Levers.All)
        {
            Assert.That(lever.Description, Is.Not.Empty, lever.Key);
            Assert.That(lever.Default, Is.Not.Empty, lever.Key);
            if (lever.Kind is LeverKind.Number or LeverKind.Integer or LeverKind.Path) Assert.That(lever.Minimum, Is.LessThan(lever.Maximum), lever.Key);
        }
    }

    [Test]
    public void Every_sample_is_valid_and_says_what_it_asks()
    {
        var samples = Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "scenarios"), "*.json");
        Assert.That(samples, Has.Length.GreaterThanOrEqualTo(14));
        foreach (var path in samples)
        {
            var file = ScenarioFile.Load(path);
            Assert.That(file.Description, Does.EndWith("?"), path);
            Assert.That(file.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(path)), path);
        }
    }
}

[TestFixture]
public sealed class CoverageAndElasticLeverTests
{
    [Test]
    public void Elastic_retirement_levers_map_onto_the_schedule()
    {
        var file = ScenarioFile.Parse("""{ "scheme": { "retirement": { "early_share": 0.2, "early_months": 24, "late_share": 0.1 } } }""", "elastic.json");
        var elastic = file.ToScenario().Scheme.Rules.RetirementAges.Elastic;
        Assert.That(elastic.Options, Is.EqualTo(new[] { new RetirementOption(-24, 0.2), new RetirementOption(36, 0.1) }));
        Assert.That(elastic.StatutoryShare, Is.EqualTo(0.7).Within(1e-15));
        Assert.That(ScenarioFile.Parse("{}", "default.json").ToScenario().Scheme.Rules.RetirementAges.Elastic.Options, Is.Empty, "default take-up: none");
    }

    [TestCase("""{ "scheme": { "retirement": { "early_months": 24 } } }""", "early_months")]
    [TestCase("""{ "scheme": { "retirement": { "reform": false, "late_share": 0.1 } } }""", "late_share")]
    public void Elastic_levers_the_rules_do_not_use_are_rejected(string json, string key)
    {
        var ex = Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse(json, "bad.json"))!;
        Assert.That(ex.Message, Does.Contain(key));
    }

    [Test]
    public void Early_and_late_shares_above_one_together_are_rejected() =>
        Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse("""{ "scheme": { "retirement": { "early_share": 0.7, "late_share": 0.6 } } }""", "bad.json").ToScenario());

    [Test]
    public void Coverage_levers_replace_the_default_path_and_an_explicit_joining_path_wins_where_it_is_set()
    {
        var defaults = ChinaDefaults.CalibratedLabour().CoveragePath!.Path;
        var labour = ScenarioFile.Parse("""{ "labour": { "coverage_ceiling": 0.5 } }""", "c.json").ToScenario().Labour;
        Assert.That(labour.UncoveredWorkersJoining[2030], Is.EqualTo(new CoveragePath(0.5, defaults.Pace, defaults.AnchorYear).JoinedShare(2030)).Within(1e-15));
        var held = ScenarioFile.Parse("""{ "labour": { "coverage_pace": 0 } }""", "c.json").ToScenario().Labour;
        Assert.That(held.UncoveredWorkersJoining[2060], Is.Zero);
        var both = ScenarioFile.Parse("""{ "labour": { "coverage_pace": 0, "uncovered_workers_joining": { "2040": 0.4 } } }""", "c.json").ToScenario().Labour;
        Assert.That(both.UncoveredWorkersJoining[2039], Is.Zero);
        Assert.That(both.UncoveredWorkersJoining[2050], Is.EqualTo(0.4));
        Assert.That(ScenarioFile.Parse("{}", "d.json").ToScenario().Labour.UncoveredWorkersJoining[2030], Is.EqualTo(defaults.JoinedShare(2030)));
    }
}
