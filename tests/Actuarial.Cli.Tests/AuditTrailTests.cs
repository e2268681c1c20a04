using System.Text.Json.Nodes;
using Actuarial.Cli;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>Issue 19, part 3b: the manifest beside every output, rerunning from it, and explain.</summary>
[TestFixture]
public sealed class AuditTrailTests : CommandTestBase
{
    // A short horizon and a stress lever, so that the manifest has file-set levers of several kinds.
    private string Scenario() => Write("audit.json", """
        { "name": "audit", "horizon": 2040,
          "scheme": { "contributions": { "relief": { "2026": 0.3 } } },
          "stress": { "contribution_deferral": { "share": { "2027": 0.1 }, "repayment_years": 2 } } }
        """);

    [Test]
    public void A_run_from_the_manifest_gives_identical_outputs()
    {
        string first = Path.Combine(Temp, "first"), second = Path.Combine(Temp, "second");
        Assert.That(Run("run", Scenario(), "--out", first).Code, Is.EqualTo(ExitCode.Ok));
        var manifest = RunManifest.Read(Path.Combine(first, RunManifest.FileName));
        Assert.That(manifest.Outputs.Select(o => o.Name), Does.Contain("funds_by_year.csv").And.Contain("stress_by_year.csv"));
        Assert.That(manifest.Outputs.Select(o => o.Name), Is.EquivalentTo(Directory.GetFiles(first).Select(Path.GetFileName).Where(n => n != RunManifest.FileName && !n!.StartsWith(".", StringComparison.Ordinal))),
            "every output and nothing else");
        Assert.That(manifest.DataFiles.Select(d => d.Name), Does.Contain("urban_employee_pension_province_2024.csv"));
        Assert.That(manifest.Levers.Single(l => l.Key == "stress.contribution_deferral.repayment_years"), Is.EqualTo(new ManifestLever("stress.contribution_deferral.repayment_years", "2", "scenario file")));
        Assert.That(manifest.Levers.Single(l => l.Key == "scheme.contributions.employer_rate").Source, Is.EqualTo("default"));
        Assert.That(manifest.Levers.Select(l => l.Key), Is.SupersetOf(Levers.Typed.Select(l => l.Key)), "every lever");

        File.Delete(Scenario()); // the manifest alone suffices
        var (code, output, _) = Run("rerun", Path.Combine(first, RunManifest.FileName), "--out", second);
        Assert.That(code, Is.EqualTo(ExitCode.Ok), output);
        Assert.That(output, Does.Contain("outputs identical"));
        foreach (var file in Directory.GetFiles(first).Where(f => Path.GetFileName(f) != RunManifest.FileName && !Path.GetFileName(f).StartsWith(".", StringComparison.Ordinal)))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))), Is.EqualTo(File.ReadAllBytes(file)), Path.GetFileName(file));
        }
    }

    [Test]
    public void A_manifest_whose_scenario_was_edited_is_refused()
    {
        string first = Path.Combine(Temp, "first");
        Assert.That(Run("run", Scenario(), "--out", first).Code, Is.EqualTo(ExitCode.Ok));
        string path = Path.Combine(first, RunManifest.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["scenarioJson"] = json["scenarioJson"]!.GetValue<string>().Replace("0.3", "0.2", StringComparison.Ordinal);
        File.WriteAllText(path, json.ToJsonString());
        var (code, _, error) = Run("rerun", path, "--out", Path.Combine(Temp, "second"));
        Assert.That(code, Is.EqualTo(ExitCode.BadInput));
        Assert.That(error, Does.Contain("scenarioJson").And.Contain("SHA-256"));
    }

    [Test]
    public void A_rerun_that_moved_an_output_exits_with_1_and_names_it()
    {
        string first = Path.Combine(Temp, "first");
        Assert.That(Run("run", Scenario(), "--out", first).Code, Is.EqualTo(ExitCode.Ok));
        string path = Path.Combine(first, RunManifest.FileName);
        var manifest = RunManifest.Read(path);
        (manifest with { Outputs = manifest.Outputs.Select(o => o.Name == "funds_summary.csv" ? o with { Sha256 = new string('0', 64) } : o).ToArray() }).Write(path);
        var (code, output, _) = Run("rerun", path, "--out", Path.Combine(Temp, "second"));
        Assert.That(code, Is.EqualTo(ExitCode.VerificationFailed));
        Assert.That(output, Does.Contain("funds_summary.csv: differs"));
    }

    [Test]
    public void Explain_shows_the_rule_the_deciding_years_and_the_levers_the_file_set()
    {
        var (code, output, _) = Run("explain", "first_deficit_year", Scenario());
        Assert.That(code, Is.EqualTo(ExitCode.Ok));
        Assert.That(output, Does.Contain("first_deficit_year = 2026"), "the waiver opens a current deficit in its year");
        Assert.That(output, Does.Contain("scheme.contributions.relief = {\"2026\": 0.3} (scenario file)"));
        Assert.That(output, Does.Contain("urban_employee_pension_province_2024.csv"));
        var (bad, _, error) = Run("explain", "depletion_yaer");
        Assert.That(bad, Is.EqualTo(ExitCode.Usage));
        Assert.That(error, Does.Contain("depletion_year"));
    }
}
