using System.Text.Json;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// The reports the tests read, made once per test run through the command itself: the baseline
/// (<c>report baseline.json --out</c>) and a comparison (<c>compare baseline.json no-retirement-reform.json --out --report</c>).
/// </summary>
internal static class ReportOutputs
{
    private static readonly Lazy<string> BaselineFolder = new(() => Make("baseline", ["report", Sample("baseline")]));
    private static readonly Lazy<string> ComparisonFolder = new(() => Make("comparison", ["compare", Sample("baseline"), Sample("no-retirement-reform"), "--report"]));

    public static string Baseline => BaselineFolder.Value;
    public static string Comparison => ComparisonFolder.Value;

    public static string Root()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actuarial.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Actuarial.sln not found");
    }

    public static string Sample(string name) => Path.Combine(Root(), "samples", "scenarios", name + ".json");

    private static string Make(string name, string[] args)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"actuarial-report-{name}-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CommandLine.Run([.. args, "--out", folder], stdout, stderr);
        if (code != ExitCode.Ok) throw new InvalidOperationException($"actuarial {string.Join(' ', args)} failed ({code}): {stderr}");
        return folder;
    }

    /// <summary>The plotly figure of a chart as the page holds it (its JSON script element).</summary>
    public static JsonElement Spec(string html, string chartId)
    {
        string open = $"<script type=\"application/json\" id=\"{chartId}-spec\">";
        int start = html.IndexOf(open, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the page has the chart {chartId}");
        start += open.Length;
        int end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]).RootElement.Clone();
    }

    /// <summary>A CSV written by the command (no quoted commas in the columns read here): header → column of texts.</summary>
    public static (string[] Header, List<string[]> Rows) Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }
}

/// <summary>The baseline projection, run once for the tests that need the library's own numbers.</summary>
internal static class PensionProjectorCache
{
    private static readonly Lazy<Actuarial.Scenarios.PensionProjection> Lazy = new(() => new Actuarial.Scenarios.ScenarioFileRunner().Run(ReportOutputs.Sample("baseline")));

    public static Actuarial.Scenarios.PensionProjection Baseline => Lazy.Value;
}
