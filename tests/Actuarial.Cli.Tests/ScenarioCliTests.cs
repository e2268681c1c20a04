using Actuarial.Cli;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>The actuarial command, run in-process: exit codes, messages and the files it writes (only where told).</summary>
[TestFixture]
public sealed class ScenarioCliTests : CommandTestBase
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actuarial.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Actuarial.sln not found");
    }

    private static string Sample(string name) => Path.Combine(Root(), "samples", "scenarios", name + ".json");

    [Test]
    public void Run_prints_the_summary_and_writes_nothing_without_out()
    {
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory).Length;
        var (code, output, progress) = Run("run", Sample("baseline"));
        Assert.That(code, Is.EqualTo(ExitCode.Ok), progress);
        Assert.That(output, Does.Contain("national fund depleted").And.Contain("pensioners per contributor, 2050").And.Contain("provincial funds depleted"));
        Assert.That(progress, Does.Contain("projecting the population"), "progress goes to stderr, a line per stage");
        Assert.That(Directory.GetFileSystemEntries(Environment.CurrentDirectory), Has.Length.EqualTo(before));
    }

    [Test]
    public void Run_with_out_writes_tables_and_charts_only_there()
    {
        var folder = Path.Combine(Temp, "results", "baseline");
        var (code, output, error) = Run("run", Sample("baseline"), "--out", folder);
        Assert.That(code, Is.EqualTo(ExitCode.Ok), error);
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.That(files, Is.SupersetOf(new[] { "funds_by_year.csv", "funds_summary.csv", "key_measures.csv", "national_balance.png", "province_months.png", "results.xlsx",
            "net_transfers_2050.png", "pyramid_2020.png", "pyramid_2050.png", "pyramid_2100.png", "dependency_ratios.png" }));
        Assert.That(Directory.GetFileSystemEntries(Temp), Is.EqualTo(new[] { Path.Combine(Temp, "results") }), "nothing outside the folder named");
        Assert.That(output, Does.Contain("wrote"));
    }

    [Test]
    public void Compare_prints_side_by_side_and_writes_difference_charts()
    {
        var (code, output, error) = Run("compare", Sample("baseline"), Sample("no-retirement-reform"), "--out", Temp);
        Assert.That(code, Is.EqualTo(ExitCode.Ok), error);
        Assert.That(output, Does.Contain("baseline").And.Contain("no-retirement-reform"));
        Assert.That(File.Exists(Path.Combine(Temp, "balance_difference_no-retirement-reform_minus_baseline.png")));
        Assert.That(File.Exists(Path.Combine(Temp, "national_balances.png")));
    }

    [Test]
    public void Verify_passes_on_the_golden_table_and_fails_when_a_measure_moved()
    {
        var golden = Path.Combine(Root(), "samples", "golden", "pooling-provincial.csv");
        Assert.That(Run("verify", Sample("pooling-provincial"), "--golden", golden).Code, Is.EqualTo(ExitCode.Ok));

        var rows = Verification.ReadGolden(golden).Select(r => r.Measure == "peak_balance_year" ? r with { Value = r.Value - 3 } : r).ToList();
        var tampered = Path.Combine(Temp, "golden.csv");
        Verification.WriteGolden(rows, tampered);
        var (code, output, _) = Run("verify", Sample("pooling-provincial"), "--golden", tampered);
        Assert.That(code, Is.EqualTo(ExitCode.VerificationFailed));
        Assert.That(output, Does.Contain("peak_balance_year").And.Contain("MOVED"));

        Assert.That(Run("verify", Sample("pooling-provincial"), "--golden", tampered, "--update").Code, Is.EqualTo(ExitCode.Ok));
        Assert.That(Run("verify", Sample("pooling-provincial"), "--golden", tampered).Code, Is.EqualTo(ExitCode.Ok), "--update accepted the change");
    }

    [Test]
    public void Verify_without_a_golden_table_asks_for_update()
    {
        var missing = Path.Combine(Temp, "none.csv");
        var (code, _, error) = Run("verify", Sample("baseline"), "--golden", missing);
        Assert.That(code, Is.EqualTo(ExitCode.BadInput));
        Assert.That(error, Does.Contain("--update"));
        Assert.That(File.Exists(missing), Is.False);
    }

    [Test]
    public void A_bad_scenario_file_gives_a_clear_message_and_exit_code_3()
    {
        var bad = Write("bad.json", "{ \"scheme\": { \"indexation\": { \"rule\": \"fixed\", \"shar\": 0.6 } } }");
        var (code, output, error) = Run("run", bad);
        Assert.That(code, Is.EqualTo(ExitCode.BadInput));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("bad.json").And.Contain("$.scheme.indexation.shar").And.Contain("Did you mean 'share'?"));
        Assert.That(Run("run", Path.Combine(Temp, "missing.json")).Code, Is.EqualTo(ExitCode.BadInput));
        Assert.That(Run("run", Write("syntax.json", "{ \"horizon\": }")).Code, Is.EqualTo(ExitCode.BadInput));
        var badGolden = Write("golden.csv", "Scenario,Measure\nx,y\n");
        Assert.That(Run("verify", Sample("baseline"), "--golden", badGolden).Code, Is.EqualTo(ExitCode.BadInput));
    }

    private static IEnumerable<string[]> BadCommandLines() =>
    [
        [],
        ["rnu", "x.json"],
        ["run"],
        ["run", "a.json", "b.json"],
        ["run", "a.json", "--outt", "x"],
        ["run", "a.json", "--out"],
        ["run", "a.json", "--golden", "g.csv"],
        ["compare", "a.json"],
        ["verify", "a.json"],
        ["docs"],
    ];

    [TestCaseSource(nameof(BadCommandLines))]
    public void Bad_flags_give_usage_and_exit_code_2(string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.That(code, Is.EqualTo(ExitCode.Usage));
        Assert.That(error, Does.Contain("usage:"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Help_prints_usage_and_succeeds()
    {
        var (code, output, _) = Run("--help");
        Assert.That(code, Is.EqualTo(ExitCode.Ok));
        Assert.That(output, Does.Contain("actuarial run <scenario.json> [--out DIR [--force] [--report]]").And.Contain("actuarial report <scenario.json>"));
    }

    [Test]
    public void Docs_writes_the_generated_documentation()
    {
        Assert.That(Run("docs", "--out", Temp).Code, Is.EqualTo(ExitCode.Ok));
        Assert.That(File.ReadAllText(Path.Combine(Temp, ScenarioFileDocs.MarkdownFile)), Is.EqualTo(ScenarioFileDocs.Markdown()));
    }
}
