using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Actuarial.China;
using Actuarial.Dimensions;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Scenarios;

/// <summary>
/// Issue 16: every value the documentation calls valid runs. The suite walks the lever catalogue
/// (<see cref="Levers.All"/>), so a lever added later is covered without a change here: each number, whole number
/// and path at its documented minimum, maximum and midpoint, each true/false and each choice, with whatever the lever's
/// "used when" names switched on. Each scenario is parsed, mapped and projected to the end of the horizon; it must
/// not throw and no published number may be NaN or infinite (<see cref="ProjectionChecks"/>).
/// </summary>
[TestFixture]
public sealed class LeverEdgeValueTests
{
    /// <summary>One scenario of the suite: the lever, the value in words and the JSON.</summary>
    public sealed record EdgeCase(string Key, string Value, string Json)
    {
        public override string ToString() => $"{Key} = {Value}";
    }

    /// <summary>Every edge case of the catalogue.</summary>
    public static IReadOnlyList<EdgeCase> Cases()
    {
        var cases = new List<EdgeCase>();
        foreach (var spec in Levers.All)
        {
            foreach (var (shown, value) in ValuesOf(spec))
            {
                cases.Add(new EdgeCase(spec.Key, shown, Scenario(spec, value).ToJsonString()));
            }
        }
        return cases;
    }

    private static IEnumerable<(string Shown, JsonNode Value)> ValuesOf(LeverSpec spec)
    {
        string S(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        switch (spec.Kind)
        {
            case LeverKind.Number or LeverKind.Path:
                foreach (double v in new[] { spec.Minimum, spec.Maximum, (spec.Minimum + spec.Maximum) / 2 }.Distinct()) yield return (S(v), JsonValue.Create(v));
                if (spec.Kind == LeverKind.Path)
                {
                    // A path from the minimum to the maximum: each year's value in range, the edges reached late.
                    yield return ($"path {S(spec.Minimum)} → {S(spec.Maximum)}", new JsonObject
                    {
                        [Levers.FirstLeverYear.ToString(CultureInfo.InvariantCulture)] = spec.Minimum,
                        [$"{Levers.FirstLeverYear + 1}-{ChinaDefaults.EndYear - 1}"] = (spec.Minimum + spec.Maximum) / 2,
                        [ChinaDefaults.EndYear.ToString(CultureInfo.InvariantCulture)] = spec.Maximum,
                    });
                }
                break;
            case LeverKind.Integer:
                foreach (double v in new[] { spec.Minimum, spec.Maximum, Math.Round((spec.Minimum + spec.Maximum) / 2) }.Distinct()) yield return (S(v), JsonValue.Create((int)v));
                break;
            case LeverKind.Boolean:
                yield return ("true", JsonValue.Create(true));
                yield return ("false", JsonValue.Create(false));
                break;
            case LeverKind.Choice:
                foreach (var c in spec.Choices ?? []) yield return (c, JsonValue.Create(c));
                break;
        }
    }

    /// <summary>A scenario file setting one lever, with what its "used when" needs and the companions a choice requires.</summary>
    private static JsonObject Scenario(LeverSpec spec, JsonNode value)
    {
        var root = new JsonObject { ["name"] = "edge" };
        bool item = spec.Key.Contains("[]", StringComparison.Ordinal);
        if (item)
        {
            // A field of a list item: one period (or two when the field moves its boundary) from the first lever year.
            string list = spec.Key[..spec.Key.IndexOf("[]", StringComparison.Ordinal)];
            var period = new JsonObject { ["from"] = Levers.FirstLeverYear, ["rule"] = RuleOf(spec) ?? "national" };
            var periods = new JsonArray();
            int year = spec.Name is "from" or "to" ? value.GetValue<int>() : 0;
            if (spec.Name == "from" && year > Levers.FirstLeverYear) periods.Add(new JsonObject { ["from"] = Levers.FirstLeverYear, ["to"] = year - 1, ["rule"] = "national" });
            period[spec.Name] = value.DeepClone();
            if (spec.Name == "rule") Companions(spec, value.GetValue<string>(), period, "funds.pooling[]");
            periods.Add(period);
            if (spec.Name == "to" && year < ChinaDefaults.EndYear) periods.Add(new JsonObject { ["from"] = year + 1, ["rule"] = "national" });
            Set(root, list, periods);
            return root;
        }
        Set(root, spec.Key, value.DeepClone());
        if (spec.UsedWhen.EndsWith(" is set", StringComparison.Ordinal) && !spec.UsedWhen.Contains(" and ", StringComparison.Ordinal)
            && Levers.Find(spec.Section + "." + spec.UsedWhen[..^7]) is { } partner)
        {
            // A stress or supervision lever that qualifies another ("share is set"): that one at its midpoint in 2026.
            Set(root, partner.Key, new JsonObject { ["2026"] = (partner.Minimum + partner.Maximum) / 2 });
        }
        else if (spec.UsedWhen.Length > 0 && Enabling(spec) is { } enabling) Set(root, spec.Section + "." + enabling.Key, enabling.Value);
        // "… and early_share is set": the companion number at its midpoint.
        if (spec.UsedWhen.IndexOf(" and ", StringComparison.Ordinal) is var cut and >= 0 && spec.UsedWhen.EndsWith(" is set", StringComparison.Ordinal)
            && Levers.Find(spec.Section + "." + spec.UsedWhen[(cut + 5)..^7]) is { } companion)
        {
            Set(root, companion.Key, JsonValue.Create((companion.Minimum + companion.Maximum) / 2));
        }
        if (spec.Kind == LeverKind.Choice) Companions(spec, value.GetValue<string>(), null, spec.Section, root);
        return root;
    }

    /// <summary>"rule is wage_share or price_share" → (rule, "wage_share"); "enabled is true" → (enabled, true).</summary>
    private static (string Key, JsonNode Value)? Enabling(LeverSpec spec)
    {
        var parts = spec.UsedWhen.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[1] != "is") return null;
        JsonNode v = parts[2].TrimEnd(',') switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), var w => JsonValue.Create(w) };
        return (parts[0], v);
    }

    private static string? RuleOf(LeverSpec spec) => Enabling(spec) is { Key: "rule" } e ? e.Value.GetValue<string>() : null;

    /// <summary>Sets the midpoint of every number the chosen word requires (e.g. the share of a share rule).</summary>
    private static void Companions(LeverSpec choice, string word, JsonObject? target, string section, JsonObject? root = null)
    {
        foreach (var other in Levers.All.Where(s => s.Section == section && s.Kind == LeverKind.Number && Enabling(s) is { } e && e.Key == choice.Name))
        {
            if (!other.UsedWhen.Split(' ').Contains(word)) continue;
            double mid = (other.Minimum + other.Maximum) / 2;
            if (target is not null) target[other.Name] = mid;
            else Set(root!, other.Key, JsonValue.Create(mid));
        }
    }

    private static void Set(JsonObject root, string dottedKey, JsonNode value)
    {
        var parts = dottedKey.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }
            node = child;
        }
        node[parts[^1]] = value;
    }

    [Test]
    public void Every_documented_lever_value_runs_without_a_crash_or_NaN()
    {
        var cases = Cases();
        var runner = new ScenarioFileRunner();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var levers = new HashSet<string>();
        foreach (var c in cases)
        {
            try
            {
                var file = ScenarioFile.Parse(c.Json, "edge.json");
                var projection = runner.Run(file);
                if (ProjectionChecks.FirstNonFinite(projection) is { } cell) failures.Add($"{c}: {cell}");
                levers.Add(c.Key);
            }
            catch (Exception e)
            {
                failures.Add($"{c}: {e.GetType().Name}: {e.Message}");
            }
        }
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"edge values: {cases.Count} scenarios over {cases.Select(c => c.Key).Distinct().Count()} levers of {Levers.All.Count} catalogue keys, {runner.DemographicRuns} demographic projections, {clock.Elapsed.TotalSeconds:F1} s; {failures.Count} failed"));
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(cases.Select(c => c.Key).Distinct().Count(), Is.EqualTo(Levers.All.Count(s => s.Kind is not (LeverKind.Text or LeverKind.List))),
            "every lever that takes a value is tried");
    }

    [Test]
    public void The_documented_life_expectancy_range_is_what_the_mortality_pattern_reaches()
    {
        foreach (var sex in new[] { Sex.Male, Sex.Female })
        {
            var pattern = ChinaDefaults.MortalityPattern(sex);
            Assert.That(pattern.MinLifeExpectancy, Is.LessThanOrEqualTo(Levers.MinLifeExpectancy), sex.ToString());
            Assert.That(pattern.MaxLifeExpectancy, Is.GreaterThanOrEqualTo(Levers.MaxLifeExpectancy), sex.ToString());
        }
    }

    [Test]
    public void An_offset_and_a_gain_scale_that_together_leave_the_range_are_refused_clearly()
    {
        var offset = Levers.Find("demography.mortality.e0_offset_female")!.Maximum;
        var scale = Levers.Find("demography.mortality.e0_gain_scale")!.Maximum;
        var file = ScenarioFile.Parse(string.Create(CultureInfo.InvariantCulture,
            $$"""{ "demography": { "mortality": { "e0_offset_female": {{offset}}, "e0_gain_scale": {{scale}} } } }"""), "both.json");
        var e = Assert.Throws<ScenarioFileException>(() => file.ToScenario())!;
        Assert.That(e.Message, Does.Contain("both.json").And.Contain("female e0 in").And.Contain("40…100"));
        Assert.That(e.Key, Does.Contain("e0_gain_scale").And.Contain("e0_offset_female"));
    }
}
