using System.Runtime.InteropServices;
using Actuarial.Cli;
using Actuarial.IO;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// Issue 16: outputs are written whole or not at all, inputs are read with limits, and every refusal is a clear
/// message with an exit code, never a stack trace. Writes are failed at each step through <see cref="AtomicFile"/>.
/// </summary>
[TestFixture]
public sealed class RobustnessTests : CommandTestBase
{
    private static (int Code, string Out, string Err) Run(AtomicFile? files, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr, files);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Fails the <paramref name="occurrence"/>-th report of <paramref name="step"/>, as a full disk or a kill would.</summary>
    private sealed class FailAt(string step, int occurrence) : AtomicFile
    {
        private int _seen;

        public int Seen => _seen;

        protected override void OnStep(string name, string path)
        {
            if (name == step && ++_seen == occurrence) throw new IOException($"simulated failure at {step} #{occurrence} ({Path.GetFileName(path)})");
        }
    }

    /// <summary>Counts the steps without failing.</summary>
    private sealed class CountSteps : AtomicFile
    {
        public Dictionary<string, int> Counts { get; } = [];

        protected override void OnStep(string name, string path) => Counts[name] = Counts.GetValueOrDefault(name) + 1;
    }

    /// <summary>Every file of a folder with its bytes (the marker included), by name.</summary>
    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);

    private static bool Same(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && (kv.Key.EndsWith(".png", StringComparison.Ordinal) || v.AsSpan().SequenceEqual(kv.Value)));

    [Test]
    public void Run_out_interrupted_at_every_step_leaves_the_old_outputs_or_the_new_never_a_mix()
    {
        // Two scenarios whose outputs differ in content and in the set of files (a 2030 horizon draws fewer charts).
        var older = Write("older.json", """{ "name": "older", "horizon": 2035 }""");
        var newer = Write("newer.json", """{ "name": "newer", "horizon": 2030, "scheme": { "contributions": { "employer_rate": 0.2 } } }""");
        var target = Path.Combine(Temp, "out");
        var reference = Path.Combine(Temp, "reference");
        Assert.That(Run("run", older, "--out", target).Code, Is.EqualTo(ExitCode.Ok));
        var old = Snapshot(target);
        var counter = new CountSteps();
        Assert.That(Run(counter, "run", newer, "--out", reference).Code, Is.EqualTo(ExitCode.Ok));
        var fresh = Snapshot(reference);
        Assert.That(Same(old, fresh), Is.False, "the two runs must differ for the test to mean anything");
        int files = counter.Counts[AtomicFile.Steps.Written];

        // Each file written, the old folder moved aside, the new one renamed in: fail at each in turn.
        var faults = Enumerable.Range(1, files).Select(k => (AtomicFile.Steps.Written, k))
            .Append((AtomicFile.Steps.OldMovedAside, 1)).Append((AtomicFile.Steps.Renamed, 1)).ToList();
        int oldLeft = 0, newLeft = 0;
        foreach (var (step, k) in faults)
        {
            var (code, output, error) = Run(new FailAt(step, k), "run", newer, "--out", target);
            var now = Snapshot(target);
            bool isOld = Same(now, old), isNew = Same(now, fresh);
            Assert.That(isOld || isNew, Is.True, $"failure at {step} #{k}: the folder holds {now.Count} files, neither the old {old.Count} nor the new {fresh.Count}");
            if (isOld)
            {
                oldLeft++;
                Assert.That(code, Is.EqualTo(ExitCode.OutputFailed), error);
                Assert.That(output, Does.Not.Contain("wrote"));
            }
            else
            {
                newLeft++;
            }
            if (isOld)
            {
                Assert.That(Directory.GetFileSystemEntries(Temp).Select(Path.GetFileName).Where(n => n!.StartsWith('.')), Is.Empty,
                    $"failure at {step} #{k} left a temporary folder behind");
            }
            else
            {
                // Failed after the swap: the old copy may remain beside the new outputs until the next run clears it.
                Assert.That(Run("run", older, "--out", target).Code, Is.EqualTo(ExitCode.Ok)); // back to the old outputs
                Assert.That(Directory.GetFileSystemEntries(Temp).Select(Path.GetFileName).Where(n => n!.StartsWith('.')), Is.Empty, "the next run clears it");
            }
        }
        TestContext.Out.WriteLine($"run --out: {faults.Count} interrupted writes ({files} files, 2 folder steps): {oldLeft} left the old outputs, {newLeft} the new, 0 a mix");
        Assert.That(oldLeft, Is.EqualTo(faults.Count - 1), "only a failure after the new folder is in place leaves the new outputs");
    }

    [Test]
    public void Verify_update_interrupted_at_every_step_leaves_the_old_golden_table()
    {
        var scenario = Write("s.json", """{ "name": "s", "horizon": 2030 }""");
        var golden = Path.Combine(Temp, "golden", "s.csv");
        Assert.That(Run("verify", scenario, "--golden", golden, "--update").Code, Is.EqualTo(ExitCode.Ok));
        var rows = File.ReadAllLines(golden).ToList();
        rows[5] = string.Join(',', rows[5].Split(',').Select((cell, i) => i == 5 ? "0.5" : cell)); // a hand-widened tolerance
        File.WriteAllLines(golden, rows);
        var before = File.ReadAllBytes(golden);
        var moved = Write("moved.json", """{ "name": "s", "horizon": 2030, "scheme": { "contributions": { "employer_rate": 0.2 } } }""");
        foreach (var step in new[] { AtomicFile.Steps.Written, AtomicFile.Steps.Flushed })
        {
            var (code, _, error) = Run(new FailAt(step, 1), "verify", moved, "--golden", golden, "--update");
            Assert.That(code, Is.EqualTo(ExitCode.OutputFailed), error);
            Assert.That(File.ReadAllBytes(golden), Is.EqualTo(before), $"failure at {step}");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(golden)!), Has.Length.EqualTo(1), "no temporary file left");
        }
        TestContext.Out.WriteLine("verify --update: 2 interrupted writes, both left the old golden table byte for byte");
    }

    [Test]
    public void A_golden_table_round_trips_through_update_and_verify()
    {
        var scenario = Write("s.json", """{ "name": "s", "horizon": 2040 }""");
        var golden = Path.Combine(Temp, "s.csv");
        Assert.That(Run("verify", scenario, "--golden", golden, "--update").Code, Is.EqualTo(ExitCode.Ok));
        var first = File.ReadAllBytes(golden);
        var (code, output, error) = Run("verify", scenario, "--golden", golden, "--all");
        Assert.That(code, Is.EqualTo(ExitCode.Ok), output + error);
        Assert.That(output, Does.Contain("within tolerance"));
        Assert.That(Run("verify", scenario, "--golden", golden, "--update").Code, Is.EqualTo(ExitCode.Ok));
        Assert.That(File.ReadAllBytes(golden), Is.EqualTo(first), "a second update of an unchanged scenario writes the same bytes");
        var read = Verification.ReadGolden(golden);
        Assert.That(read.Select(r => (r.Measure, r.Region, r.Year)).Distinct().Count(), Is.EqualTo(read.Count));
    }

    [Test]
    public void A_duplicated_golden_row_is_a_clear_error_with_and_without_update()
    {
        var scenario = Write("s.json", """{ "name": "s", "horizon": 2030 }""");
        var golden = Path.Combine(Temp, "s.csv");
        Assert.That(Run("verify", scenario, "--golden", golden, "--update").Code, Is.EqualTo(ExitCode.Ok));
        var lines = File.ReadAllLines(golden);
        File.WriteAllLines(golden, lines.Append(lines[3]));
        var before = File.ReadAllBytes(golden);
        foreach (var update in new[] { false, true })
        {
            var (code, _, error) = Run(["verify", scenario, "--golden", golden, .. update ? new[] { "--update" } : []]);
            Assert.That(code, Is.EqualTo(ExitCode.BadInput), error);
            Assert.That(error, Does.Contain($"line {lines.Length + 1}").And.Contain("already on line 4").And.Not.Contain("   at "));
            Assert.That(File.ReadAllBytes(golden), Is.EqualTo(before));
        }
    }

    [Test]
    public void Output_folders_are_checked_before_the_projection()
    {
        var scenario = Write("s.json", """{ "name": "s", "horizon": 2030 }""");
        foreach (var system in OperatingSystem.IsWindows() ? new[] { "/" } : new[] { "/", "/usr", "/etc" })
        {
            var (code, output, error) = Run("run", scenario, "--out", system, "--force");
            Assert.That(code, Is.EqualTo(ExitCode.OutputFailed), error);
            Assert.That(error, Does.Contain("system folder").And.Not.Contain("projecting"));
            Assert.That(output, Is.Empty);
        }
        var theirs = Path.Combine(Temp, "theirs");
        Directory.CreateDirectory(theirs);
        File.WriteAllText(Path.Combine(theirs, "notes.txt"), "mine");
        var refused = Run("run", scenario, "--out", theirs);
        Assert.That(refused.Code, Is.EqualTo(ExitCode.OutputFailed));
        Assert.That(refused.Err, Does.Contain("holds other files").And.Contain("--force").And.Not.Contain("projecting"));
        Assert.That(Directory.GetFiles(theirs), Has.Length.EqualTo(1));
        var forced = Run("run", scenario, "--out", theirs, "--force");
        Assert.That(forced.Code, Is.EqualTo(ExitCode.Ok), forced.Err);
        Assert.That(File.ReadAllText(Path.Combine(theirs, "notes.txt")), Is.EqualTo("mine"));
        Assert.That(File.Exists(Path.Combine(theirs, "funds_by_year.csv")), Is.True);

        var file = Write("afile", "x");
        var unwritable = Run("run", scenario, "--out", Path.Combine(file, "sub"));
        Assert.That(unwritable.Code, Is.EqualTo(ExitCode.OutputFailed));
        Assert.That(unwritable.Out, Is.Empty, "nothing printed: the folder is checked before the projection");
        Assert.That(unwritable.Err, Does.Not.Contain("projecting"));
        Assert.That(Run("run", scenario, "--force").Code, Is.EqualTo(ExitCode.Usage), "--force without --out");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [Test]
    public void Special_files_and_oversized_inputs_are_refused_without_reading_them()
    {
        var cases = new List<string> { "/dev/zero", "/dev/urandom", Temp, Write("empty.json", ""),
            Write("huge.json", "{\"description\": \"" + new string('a', (int)InputFiles.MaxScenarioBytes) + "\"}") };
        if (OperatingSystem.IsLinux())
        {
            string fifo = Path.Combine(Temp, "fifo.json");
            Assert.That(mkfifo(fifo, Convert.ToUInt32("644", 8)), Is.EqualTo(0));
            cases.Add(fifo);
        }
        foreach (var path in cases)
        {
            var task = Task.Run(() => Run("run", path));
            Assert.That(task.Wait(TimeSpan.FromSeconds(20)), Is.True, $"{path} hangs");
            var (code, _, error) = task.Result;
            Assert.That(code, Is.EqualTo(ExitCode.BadInput), $"{path}: {error}");
            Assert.That(error, Does.Contain(path).And.Not.Contain("   at ").And.Not.Contain("denied"), path);
        }
        var golden = Run("verify", Write("s.json", "{}"), "--golden", "/dev/zero");
        Assert.That(golden.Code, Is.EqualTo(ExitCode.BadInput), golden.Err);
        TestContext.Out.WriteLine($"special files and sizes: {cases.Count + 1} tried, all refused with exit code 3");
    }

    [Test]
    public void At_most_fifty_errors_are_listed_then_the_rest_counted()
    {
        var keys = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"bad_key_{i}\": 1"));
        var (code, _, error) = Run("run", Write("many.json", "{" + keys + "}"));
        Assert.That(code, Is.EqualTo(ExitCode.BadInput));
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => l.Contains("bad_key_", StringComparison.Ordinal)), Is.EqualTo(ScenarioFileException.MaxListed));
        Assert.That(error, Does.Contain($"and {5000 - ScenarioFileException.MaxListed} more errors"));
    }

    [Test]
    public void Names_with_control_characters_blank_or_too_long_are_refused_and_nothing_forged_is_printed()
    {
        var cases = new[]
        {
            "x\n\u001b[31mFAKE: fund never depleted\u001b[0m", "tab\there", "bell\u0007", "\u202Eright-to-left", "", "   ", new string('a', 100_001),
        };
        foreach (var name in cases)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name });
            var (code, output, error) = Run("run", Write("n.json", json));
            Assert.That(code, Is.EqualTo(ExitCode.BadInput), error);
            Assert.That(output + error, Does.Not.Contain("\u001b").And.Not.Contain("\nFAKE"));
            Assert.That(error.Length, Is.LessThan(2000), "a long value is cut in the message");
        }
        var (okCode, _, okError) = Run("run", Write("ok.json", """{ "name": "中文 name – fine", "horizon": 2030 }"""));
        Assert.That(okCode, Is.EqualTo(ExitCode.Ok), okError);
    }

    [Test]
    public void Zero_contribution_density_gives_defined_results_not_NaN()
    {
        var scenario = Write("zero.json", """{ "name": "zero", "horizon": 2035, "labour": { "contribution_density": 0 } }""");
        var (code, output, error) = Run("run", scenario);
        Assert.That(code, Is.EqualTo(ExitCode.Ok), error);
        Assert.That(output, Does.Contain("none (no contributors)").And.Not.Contain("NaN"));
        var golden = Path.Combine(Temp, "zero.csv");
        Assert.That(Run("verify", scenario, "--golden", golden, "--update").Code, Is.EqualTo(ExitCode.Ok));
        Assert.That(File.ReadAllText(golden), Does.Not.Contain("NaN"));
        Assert.That(Run("verify", scenario, "--golden", golden).Code, Is.EqualTo(ExitCode.Ok), "the golden it wrote reads back");
    }
}
