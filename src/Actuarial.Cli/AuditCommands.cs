using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>The audit trail (issue 19, part 3b): the manifest beside every output folder, <c>rerun</c> and <c>explain</c>.</summary>
internal sealed class AuditCommands(TextWriter stdout, TextWriter stderr, AtomicFile? files = null)
{
    /// <summary>Writes the manifest of <paramref name="written"/> into the folder and returns the outputs with it.</summary>
    public static List<string> WithManifest(ScenarioFile file, string command, IReadOnlyList<string> written, OutputFolder folder)
    {
        string path = folder.PathOf(RunManifest.FileName);
        RunManifest.For(file, command, written).Write(path);
        folder.Written(path);
        return [.. written, path];
    }

    /// <summary><c>actuarial rerun manifest.json --out DIR</c>: the run again from the manifest's copy of the scenario, its outputs compared with the manifest's.</summary>
    public int Rerun(string manifestPath, string outFolder, bool force)
    {
        var before = RunManifest.Read(manifestPath);
        if (before.Command != "run") throw new InputDataException(manifestPath, null, "command", before.Command, "a manifest of `actuarial run` (rerun repeats runs)");
        var file = before.ScenarioFile();
        using var output = OutputFolder.Prepare(outFolder, force, files ?? AtomicFile.Default);
        var projection = new ScenarioFileRunner(line => stderr.WriteLine(line)).Run(file);
        ProjectionChecks.RequireFinite(projection, file.Source);
        // A run with --report listed its page among the outputs: the rerun writes it again.
        bool report = before.Outputs.Any(o => o.Name == Output.ReportName);
        var written = WithManifest(file, "run", Output.WriteRun(file, projection, output, report), output);
        var after = RunManifest.Read(written[^1]);
        output.Commit(written);
        foreach (var d in before.InputDifferences(after)) stdout.WriteLine($"input changed: {d}");
        var moved = before.OutputDifferences(after);
        foreach (var d in moved) stdout.WriteLine($"output changed: {d}");
        stdout.WriteLine(moved.Count == 0
            ? $"reran '{file.Name}' from {manifestPath}: all {after.Outputs.Count} outputs identical to the manifest's"
            : $"reran '{file.Name}' from {manifestPath}: {moved.Count} of {before.Outputs.Count} outputs differ");
        return moved.Count == 0 ? ExitCode.Ok : ExitCode.VerificationFailed;
    }

    /// <summary><c>actuarial explain measure [scenario.json]</c>.</summary>
    public int Explain(string measure, string? scenarioPath)
    {
        if (!Explanation.Measures.Contains(measure))
        {
            throw new UsageException($"no explanation of '{measure}'; explained: {string.Join(", ", Explanation.Measures)}");
        }
        var file = scenarioPath is null ? ScenarioFile.Parse("{\"name\": \"baseline\"}", "(the China defaults)") : ScenarioFile.Load(scenarioPath);
        var projection = new ScenarioFileRunner(line => stderr.WriteLine(line)).Run(file);
        stdout.Write(Explanation.Explain(projection, RunManifest.For(file, "explain", []), measure));
        return ExitCode.Ok;
    }
}
