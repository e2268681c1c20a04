using Actuarial.China;
using Actuarial.Scenarios;
using NUnit.Framework;
using PublicApiGenerator;

namespace Actuarial.Tests.Api;

/// <summary>
/// The library's public surface is recorded in api/Actuarial.approved.txt: any change to it fails this test with the
/// first differing lines, so that every change to the API is deliberate and visible in review. To accept a change,
/// regenerate the file on purpose:
/// <code>ACTUARIAL_APPROVE_API=1 dotnet test tests/Actuarial.Tests -c Release --filter "FullyQualifiedName~PublicApiApprovalTests"</code>
/// </summary>
[TestFixture]
public sealed class PublicApiApprovalTests
{
    /// <summary>Environment variable that makes the test rewrite the approved file instead of comparing.</summary>
    public const string ApproveVariable = "ACTUARIAL_APPROVE_API";

    private const int ContextLines = 3;
    private const int MaxDifferencesShown = 12;

    /// <summary>
    /// Ceilings on the public surface, set just above what it is (issue 13, part 4: 282 types and 2,232 members before).
    /// The surface is what an analyst and a rule writer need (scenario, levers, projection, results and their tables,
    /// Monte Carlo and goal-seek, the China defaults, input errors) and what the charts (a package of their own) use; the
    /// CLI and the cluster ship with the library and see its internals, so their machinery (run manifest, golden tables,
    /// the generic Monte Carlo engine, the sweep's runs) is internal, as is everything else. Raising a ceiling is a
    /// decision to review, not a chore: make new code internal unless a reader needs it.
    /// </summary>
    internal const int MaxPublicTypes = 116, MaxPublicMembers = 975;

    private static readonly System.Text.RegularExpressions.Regex TypeLine =
        new(@"^\s+public (static |sealed |abstract |readonly |ref |partial )*(class|struct|record|record struct|interface|enum|delegate) ", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex MemberLine =
        new(@"^\s+(public|protected) ", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Public types and members as the approved file lists them: one line per type, one per member (enum values not counted).</summary>
    internal static (int Types, int Members) Count(string api)
    {
        int types = 0, members = 0;
        foreach (var line in api.Split('\n'))
        {
            if (TypeLine.IsMatch(line)) types++;
            else if (MemberLine.IsMatch(line)) members++;
        }
        return (types, members);
    }

    private static string CurrentApi() => Normalise(typeof(ChinaDefaults).Assembly.GeneratePublicApi(new ApiGeneratorOptions
    {
        // The target framework attribute carries nothing about the surface and changes with the SDK.
        ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"],
    }));

    [Test]
    public void Public_surface_stays_small()
    {
        var (types, members) = Count(CurrentApi());
        Assert.Multiple(() =>
        {
            Assert.That(types, Is.LessThanOrEqualTo(MaxPublicTypes), "public types");
            Assert.That(members, Is.LessThanOrEqualTo(MaxPublicMembers), "public members");
        });
        TestContext.Out.WriteLine($"public surface: {types} types, {members} members");
    }

    [Test]
    public void Readme_states_the_surface_as_counted()
    {
        var (types, members) = Count(CurrentApi());
        string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ApprovedFilePath())!, "..", "README.md"));
        string stated = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"({types:N0} public types and\n  {members:N0} members today, counted as the file lists them; ceilings {MaxPublicTypes:N0} and {MaxPublicMembers:N0})");
        Assert.That(readme, Does.Contain(stated), "README.md, 'The public API', states the surface's size as counted here");
    }

    [Test]
    public void The_surface_count_reads_types_and_members_from_the_api_text()
    {
        const string api = "namespace A\n{\n    public sealed class B\n    {\n        public B() { }\n        public int C { get; }\n    }\n    public enum D\n    {\n        E = 0,\n    }\n    public readonly struct F : System.IEquatable<A.F>\n    {\n        protected void G() { }\n    }\n}\n";
        Assert.That(Count(api), Is.EqualTo((3, 3)));
    }

    [Test]
    public void Public_api_matches_the_approved_file()
    {
        string actual = CurrentApi();
        string path = ApprovedFilePath();

        if (Environment.GetEnvironmentVariable(ApproveVariable) is "1" or "true")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Pass($"{ApproveVariable} is set: wrote the public API to {path}; review and commit it.");
        }

        Assert.That(File.Exists(path), Is.True,
            $"no approved API file at {path}; create it with {ApproveVariable}=1 (see README.md, 'The NuGet package and the notebook')");
        string approved = Normalise(File.ReadAllText(path));
        if (approved == actual) return;

        Assert.Fail(Describe(approved, actual, path));
    }

    /// <summary>The approved file, found from the repository root (the folder holding Actuarial.sln).</summary>
    private static string ApprovedFilePath()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actuarial.sln"))) return Path.Combine(dir.FullName, "api", "Actuarial.approved.txt");
        }
        throw new DirectoryNotFoundException("Actuarial.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

    /// <summary>A readable diff: lines only in the approved file (-) and only in the current API (+), with context.</summary>
    internal static string Describe(string approved, string actual, string path)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        var script = LineDiff(a, b);
        var message = new System.Text.StringBuilder();
        int removed = script.Count(op => op.Kind == '-'), added = script.Count(op => op.Kind == '+');
        message.AppendLine($"The public API differs from {path}: {removed} line(s) removed (-), {added} line(s) added (+).");
        message.AppendLine($"If the change is intended, run with {ApproveVariable}=1 and commit the file.");
        int shown = 0;
        int lastPrinted = -1;
        for (int i = 0; i < script.Count && shown < MaxDifferencesShown; i++)
        {
            if (script[i].Kind == ' ') continue;
            int from = Math.Max(lastPrinted + 1, i - ContextLines);
            if (from > lastPrinted + 1) message.AppendLine("  ...");
            for (int j = from; j < i; j++) message.AppendLine("  " + script[j].Text);
            int k = i;
            while (k < script.Count && script[k].Kind != ' ' && shown < MaxDifferencesShown)
            {
                message.AppendLine(script[k].Kind + " " + script[k].Text);
                k++;
                shown++;
            }
            int to = Math.Min(script.Count, k + ContextLines);
            for (int j = k; j < to && script[j].Kind == ' '; j++) { message.AppendLine("  " + script[j].Text); lastPrinted = j; }
            lastPrinted = Math.Max(lastPrinted, k - 1);
            i = lastPrinted;
        }
        if (shown >= MaxDifferencesShown && removed + added > shown) message.AppendLine($"  ... and {removed + added - shown} more differing line(s)");
        return message.ToString();
    }

    /// <summary>Line diff by longest common subsequence (the API file is a few thousand lines: quadratic is fine).</summary>
    private static List<(char Kind, string Text)> LineDiff(string[] a, string[] b)
    {
        // Trim the common head and tail first so the table only covers the changed middle.
        int head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        int tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
        int n = a.Length - head - tail, m = b.Length - head - tail;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var script = new List<(char, string)>();
        for (int i = 0; i < head; i++) script.Add((' ', a[i]));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y]) { script.Add((' ', a[head + x])); x++; y++; }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) { script.Add(('-', a[head + x])); x++; }
            else { script.Add(('+', b[head + y])); y++; }
        }
        for (int i = a.Length - tail; i < a.Length; i++) script.Add((' ', a[i]));
        return script;
    }
}

/// <summary>The failure message of the approval test is a readable diff.</summary>
[TestFixture]
public sealed class PublicApiDiffTests
{
    [Test]
    public void A_changed_member_shows_as_removed_and_added_lines_with_context()
    {
        string approved = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"line {i}")) + "\n";
        string actual = approved.Replace("line 20\n", "line 20 changed\n", StringComparison.Ordinal) + "line 41\n";

        string message = PublicApiApprovalTests.Describe(approved, actual, "api/Actuarial.approved.txt");

        Assert.That(message, Does.Contain("2 line(s) removed").Or.Contain("1 line(s) removed"));
        Assert.That(message, Does.Contain("- line 20\n"));
        Assert.That(message, Does.Contain("+ line 20 changed\n"));
        Assert.That(message, Does.Contain("  line 19\n"), "context before");
        Assert.That(message, Does.Contain("  line 21\n"), "context after");
        Assert.That(message, Does.Contain("+ line 41\n"));
        Assert.That(message, Does.Not.Contain("line 5\n"), "far context is left out");
        Assert.That(message, Does.Contain(PublicApiApprovalTests.ApproveVariable));
    }
}
