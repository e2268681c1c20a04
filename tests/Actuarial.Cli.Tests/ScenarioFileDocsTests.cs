using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>The scenario-file docs that <c>actuarial docs</c> generates from the lever catalogue.</summary>
[TestFixture]
public sealed class ScenarioFileDocsTests
{
    [Test]
    public void The_committed_docs_equal_the_generated_text()
    {
        var docs = Path.Combine(ReportOutputs.Root(), "docs");
        Assert.That(File.ReadAllText(Path.Combine(docs, ScenarioFileDocs.MarkdownFile)).ReplaceLineEndings("\n"), Is.EqualTo(ScenarioFileDocs.Markdown()),
            "docs/scenario-file.md is generated: run `dotnet run --project src/Actuarial.Cli -- docs --out docs` and commit it");
        Assert.That(File.ReadAllText(Path.Combine(docs, ScenarioFileDocs.SchemaFile)).ReplaceLineEndings("\n"), Is.EqualTo(ScenarioFileDocs.JsonSchema()),
            "docs/scenario-file.schema.json is generated: run `dotnet run --project src/Actuarial.Cli -- docs --out docs` and commit it");
    }

    [Test]
    public void The_example_in_the_docs_is_a_valid_scenario_file()
    {
        var markdown = ScenarioFileDocs.Markdown();
        int start = markdown.IndexOf("```jsonc\n", StringComparison.Ordinal) + "```jsonc\n".Length;
        int end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        var file = ScenarioFile.Parse(markdown[start..end], "docs example");
        Assert.That(file.Keys, Does.Contain("scheme.indexation.share"));
        Assert.That(() => file.ToScenario(), Throws.Nothing);
    }
}
