using Actuarial.China;
using System.Globalization;
using System.Reflection;
using System.Text;
using Actuarial.IO;
using Actuarial.Scenarios;
using Actuarial.Tests.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.IO;

/// <summary>
/// Issue 16: generated malformed inputs never end in an unhandled exception. Each input is a valid file (a sample
/// scenario, a golden table, every embedded data table) mutated by a seeded generator: lines dropped, duplicated,
/// swapped or cut, cells replaced by hostile tokens (empty, NaN, ±∞, huge, negative, control characters, very long
/// text), bytes inserted. The readers must either accept the input or throw their documented exception
/// (<see cref="ScenarioFileException"/>, <see cref="InputDataException"/>); any other exception fails the test.
/// Each test prints how many cases it tried and how they ended.
/// </summary>
[TestFixture]
public sealed class MalformedInputFuzzTests
{
    private static readonly string[] HostileTokens =
    [
        "", " ", "NaN", "nan", "Infinity", "-Infinity", "1e309", "-1e309", "1e-320", "-1", "0", "-0", "100", "2147483648", "-2147483649",
        "99999999999999999999999", "abc", "null", "true", "\"", "\"\"", ",", "{", "}", "[", "]", "\u0000", "\u001b[31m", "\n", "\r\n", "é",
        "中", "\uFEFF", "\u202E", "0x10", "1,5", "1.5.5", "+", "-", "2020-2030", "9999", new string('9', 400), new string('a', 5000),
    ];

    /// <summary>One mutation of a text.</summary>
    internal static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int kind = random.Next(10);
        int Line() => random.Next(lines.Count);
        switch (kind)
        {
            case 0 when lines.Count > 1: lines.RemoveAt(1 + random.Next(lines.Count - 1)); break; // a row missing
            case 1: { int i = Line(); lines.Insert(i, lines[i]); break; } // a row twice
            case 2: { int i = Line(), j = Line(); (lines[i], lines[j]) = (lines[j], lines[i]); break; } // rows swapped (maybe the header)
            case 3: return text[..random.Next(text.Length + 1)]; // cut anywhere
            case 4: return lines[0] + "\n"; // header only
            case 5: lines.RemoveAt(0); break; // no header
            case 6:
            case 7:
            {
                // a cell (or a JSON value) replaced by a hostile token
                int i = Line();
                var cells = lines[i].Split(',');
                int c = random.Next(cells.Length);
                string token = HostileTokens[random.Next(HostileTokens.Length)];
                int colon = cells[c].IndexOf(':', StringComparison.Ordinal);
                cells[c] = colon >= 0 ? cells[c][..(colon + 1)] + " " + token : token;
                lines[i] = string.Join(',', cells);
                break;
            }
            case 8:
            {
                // a column dropped from one line
                int i = Line();
                var cells = lines[i].Split(',').ToList();
                if (cells.Count > 1) cells.RemoveAt(random.Next(cells.Count));
                lines[i] = string.Join(',', cells);
                break;
            }
            default:
            {
                // random characters inserted
                int at = random.Next(text.Length + 1);
                var junk = new StringBuilder();
                for (int k = random.Next(1, 8); k > 0; k--) junk.Append((char)random.Next(0, 0x3000));
                return text[..at] + junk + text[at..];
            }
        }
        return string.Join('\n', lines);
    }

    private static string Several(string text, Random random)
    {
        for (int m = random.Next(1, 4); m > 0; m--) text = Mutate(text, random);
        return text;
    }

    private sealed class Tally
    {
        public int Tried, Accepted, Refused;
        public List<string> Unhandled { get; } = [];

        public void Report(string what) => TestContext.Out.WriteLine(
            $"{what}: {Tried} malformed cases tried: {Accepted} accepted (still valid), {Refused} refused with a clear error, {Unhandled.Count} unhandled");
    }

    [Test]
    public void Malformed_scenario_files_end_in_a_scenario_file_error_or_a_valid_scenario()
    {
        var folder = Path.Combine(ScenarioFileTests.RepositoryRoot(), "samples", "scenarios");
        var samples = Directory.GetFiles(folder, "*.json").Select(File.ReadAllText).ToArray();
        var random = new Random(16);
        var tally = new Tally();
        for (int i = 0; i < 3000; i++)
        {
            string text = Several(samples[i % samples.Length], random);
            tally.Tried++;
            try
            {
                ScenarioFile.Parse(text, "fuzz.json").ToScenario().Validate();
                tally.Accepted++;
            }
            catch (ScenarioFileException e)
            {
                tally.Refused++;
                Assert.That(e.Message, Does.StartWith("fuzz.json").Or.Contain("errors in fuzz.json"));
                Assert.That(e.Message.Contains('\u001b', StringComparison.Ordinal), Is.False, "control characters are shown escaped");
            }
            catch (Exception e)
            {
                tally.Unhandled.Add($"{e.GetType().Name}: {e.Message}\n{text}");
            }
        }
        tally.Report("scenario files");
        Assert.That(tally.Unhandled, Is.Empty, string.Join("\n---\n", tally.Unhandled.Take(3)));
    }

    [Test]
    public void Malformed_golden_tables_end_in_an_input_data_error_or_a_valid_table()
    {
        var golden = Path.Combine(ScenarioFileTests.RepositoryRoot(), "samples", "golden");
        var tables = Directory.GetFiles(golden, "*.csv").Select(File.ReadAllText).ToArray();
        var temp = Path.Combine(Path.GetTempPath(), "actuarial-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        var random = new Random(1616);
        var tally = new Tally();
        try
        {
            for (int i = 0; i < 1500; i++)
            {
                string path = Path.Combine(temp, "golden.csv");
                string text = Several(tables[i % tables.Length], random);
                File.WriteAllText(path, text);
                tally.Tried++;
                try
                {
                    var rows = Verification.ReadGolden(path);
                    Verification.WriteGolden(rows, Path.Combine(temp, "again.csv"));
                    Assert.That(Verification.ReadGolden(Path.Combine(temp, "again.csv")), Is.EqualTo(rows), "what is read writes back the same");
                    tally.Accepted++;
                }
                catch (InputDataException e)
                {
                    tally.Refused++;
                    Assert.That(e.Source, Is.EqualTo(path), "the user's file is named");
                }
                catch (Exception e) when (e is not AssertionException)
                {
                    tally.Unhandled.Add($"{e.GetType().Name}: {e.Message}\n{text}");
                }
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        tally.Report("golden tables");
        Assert.That(tally.Unhandled, Is.Empty, string.Join("\n---\n", tally.Unhandled.Take(3)));
    }

    /// <summary>Every embedded data table's reader (the static <c>Table&lt;T&gt;</c> fields of ChinaData and PensionData), found by reflection.</summary>
    private static IEnumerable<(string FileName, Func<string, string, object> Parse)> DataTables()
    {
        foreach (var type in new[] { typeof(ChinaData), typeof(PensionData) })
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (!field.FieldType.IsGenericType || field.FieldType.GetGenericTypeDefinition() != typeof(ChinaData.Table<>)) continue;
                object table = field.GetValue(null)!;
                string fileName = (string)field.FieldType.GetProperty("FileName")!.GetValue(table)!;
                var parse = field.FieldType.GetMethod("Parse")!;
                yield return (fileName, (source, text) =>
                {
                    try
                    {
                        return parse.Invoke(table, [source, new StringReader(text)])!;
                    }
                    catch (TargetInvocationException e) when (e.InnerException is not null)
                    {
                        throw e.InnerException;
                    }
                });
            }
        }
    }

    [Test]
    public void Malformed_data_tables_end_in_an_input_data_error_or_a_valid_table()
    {
        var tables = DataTables().ToList();
        Assert.That(tables, Has.Count.GreaterThanOrEqualTo(ChinaData.EmbeddedFileNames.Count));
        var random = new Random(161616);
        var tally = new Tally();
        foreach (var (fileName, parse) in tables)
        {
            string original;
            using (var reader = ChinaData.OpenEmbedded(fileName)) original = reader.ReadToEnd();
            // Keep the large tables' cost down: the first 300 lines carry every column and key form.
            string head = string.Join('\n', original.Split('\n').Take(300));
            for (int i = 0; i < 60; i++)
            {
                string text = Several(head, random);
                tally.Tried++;
                try
                {
                    parse("user.csv", text);
                    tally.Accepted++;
                }
                catch (InputDataException e)
                {
                    tally.Refused++;
                    Assert.That(e.Source, Is.EqualTo("user.csv"), $"{fileName}: the user's file is named, not the embedded one");
                }
                catch (Exception e)
                {
                    tally.Unhandled.Add($"{fileName}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        tally.Report(string.Create(CultureInfo.InvariantCulture, $"data tables ({tables.Count} formats)"));
        Assert.That(tally.Unhandled, Is.Empty, string.Join("\n", tally.Unhandled.Take(10)));
    }

    [Test]
    public void A_header_only_data_table_is_refused_naming_the_file()
    {
        foreach (var (fileName, parse) in DataTables())
        {
            string header;
            using (var reader = ChinaData.OpenEmbedded(fileName)) header = reader.ReadLine()!;
            var e = Assert.Throws<InputDataException>(() => parse("mine.csv", header + "\n"), fileName)!;
            Assert.That(e.Source, Is.EqualTo("mine.csv"));
        }
    }
}
