using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>The baseline printed in README.md is what `run samples/scenarios/baseline.json` prints on the code as it is now.</summary>
[TestFixture]
public sealed class ReadmeBaselineTests
{
    [Test]
    public void The_readme_baseline_block_is_the_current_output()
    {
        string root = TestContext.CurrentContext.TestDirectory;
        var dir = new DirectoryInfo(root);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Actuarial.sln"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "Actuarial.sln not found");
        string readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md")).ReplaceLineEndings("\n");
        const string open = "```text\nbaseline: ";
        int start = readme.IndexOf(open, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README has the baseline block");
        start += "```text\n".Length;
        int end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        string block = readme[start..end];

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CommandLine.Run(["run", Path.Combine(dir.FullName, "samples", "scenarios", "baseline.json")], stdout, stderr);
        Assert.That(code, Is.EqualTo(ExitCode.Ok), stderr.ToString());
        Assert.That(block, Is.EqualTo(stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n')),
            "regenerate the block: dotnet run --project src/Actuarial.Cli -c Release -- run samples/scenarios/baseline.json");
    }
}
