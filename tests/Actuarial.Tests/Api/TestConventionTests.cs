using System.Reflection;
using System.Text.RegularExpressions;
using Actuarial.Tests.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Api;

/// <summary>
/// One style for the tests, so that a failing test reads as the rule it checks: names are sentences with underscores
/// (<c>Basic_pension_by_hand</c>), and each file's namespace is its folder.
/// </summary>
[TestFixture]
public sealed partial class TestConventionTests
{
    [Test]
    public void Test_names_are_sentences_with_underscores()
    {
        var attributes = new[] { typeof(TestAttribute), typeof(TestCaseAttribute), typeof(TestCaseSourceAttribute), typeof(FsCheck.NUnit.PropertyAttribute) };
        var camel = typeof(TestConventionTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => attributes.Any(a => m.GetCustomAttributes(a, false).Length > 0))
            .Where(m => !m.Name.Contains('_', StringComparison.Ordinal) && CountWords(m.Name) > 1)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Order().ToList();
        Assert.That(camel, Is.Empty, "write test names as sentences with underscores (Basic_pension_by_hand)");
    }

    [Test]
    public void Each_test_file_namespace_is_its_folder()
    {
        string root = Path.Combine(ScenarioFileTests.RepositoryRoot(), "tests");
        var wrong = new List<string>();
        foreach (var project in new[] { "Actuarial.Tests", "Actuarial.Charts.Tests", "Actuarial.Cli.Tests" })
        {
            string dir = Path.Combine(root, project);
            foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(dir, file);
                if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)) continue;
                string folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
                string expected = folder.Length == 0 ? project : $"{project}.{folder}";
                var declared = Namespace().Match(File.ReadAllText(file));
                if (declared.Success && declared.Groups[1].Value != expected) wrong.Add($"{relative}: {declared.Groups[1].Value}, expected {expected}");
            }
        }
        Assert.That(wrong, Is.Empty);
    }

    private static int CountWords(string name) => Regex.Matches(name, "[A-Z][a-z]*|[0-9]+").Count;

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
