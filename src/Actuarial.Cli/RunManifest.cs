using Actuarial.China;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actuarial.IO;

using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>One lever of a run: its value and where the value comes from.</summary>
/// <param name="Key">Catalogue key.</param>
/// <param name="Value">The value as the scenario file gave it, or the catalogue's default in words.</param>
/// <param name="Source">"scenario file", or "default" (the China defaults; their sources in docs/scenario-file.md and data/README.md).</param>
internal sealed record ManifestLever(string Key, string Value, string Source);

/// <summary>A file and its SHA-256 (lower-case hex).</summary>
/// <param name="Name">File name (an output's name within its folder; a data file's name as embedded from data/).</param>
/// <param name="Sha256">SHA-256 of the file's bytes.</param>
internal sealed record ManifestFile(string Name, string Sha256);

/// <summary>
/// The audit trail of a run (issue 19, part 3b), written as <c>manifest.json</c> beside its outputs: the library version,
/// the scenario file (its path, SHA-256 and full text, so the run can be repeated from the manifest alone), every lever's
/// value and source, every data file the process read and its SHA-256, and every output with its SHA-256.
/// </summary>
internal sealed record RunManifest
{
    /// <summary>Name of the manifest file beside the outputs.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The command that produced the outputs (run, stress).</summary>
    public required string Command { get; init; }

    /// <summary>The library's version (assembly informational version).</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The scenario file as given on the command line.</summary>
    public required string ScenarioSource { get; init; }

    /// <summary>SHA-256 of the scenario file's text (UTF-8).</summary>
    public required string ScenarioSha256 { get; init; }

    /// <summary>The scenario file's text.</summary>
    public required string ScenarioJson { get; init; }

    /// <summary>The scenario's name when the file gives none (the file name).</summary>
    public string? ScenarioDefaultName { get; init; }

    /// <summary>Every lever of the catalogue with its value and source.</summary>
    public required IReadOnlyList<ManifestLever> Levers { get; init; }

    /// <summary>The embedded data files read, with their hashes.</summary>
    public required IReadOnlyList<ManifestFile> DataFiles { get; init; }

    /// <summary>The outputs written, with their hashes.</summary>
    public required IReadOnlyList<ManifestFile> Outputs { get; init; }

    /// <summary>The library's version.</summary>
    public static string CurrentLibraryVersion =>
        typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunManifest).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The manifest of a run of <paramref name="file"/> whose outputs are <paramref name="outputs"/> (paths to hash; the manifest itself is left out).</summary>
    public static RunManifest For(ScenarioFile file, string command, IEnumerable<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(outputs);
        var levers = Scenarios.Levers.All.Where(s => !s.Key.Contains("[]", StringComparison.Ordinal))
            .Select(s => file.Has(s.Key)
                ? new ManifestLever(s.Key, file.ValueText(s.Key), "scenario file")
                : new ManifestLever(s.Key, s.Default, "default"))
            .ToList();
        if (file.Pooling is { } pooling)
        {
            levers.Add(new ManifestLever("funds.pooling", string.Join("; ", pooling.Select(p => p.ToString())), "scenario file"));
        }
        return new RunManifest
        {
            Command = command,
            LibraryVersion = CurrentLibraryVersion,
            ScenarioSource = file.Source,
            ScenarioSha256 = Sha256(Encoding.UTF8.GetBytes(file.Json)),
            ScenarioJson = file.Json,
            ScenarioDefaultName = file.GivenDefaultName,
            Levers = levers,
            DataFiles = ChinaData.OpenedEmbedded.Keys.Order(StringComparer.Ordinal).Select(f => new ManifestFile(f, ChinaData.EmbeddedSha256(f))).ToArray(),
            Outputs = outputs.Where(p => Path.GetFileName(p) != FileName).Select(p => new ManifestFile(Path.GetFileName(p), Sha256(File.ReadAllBytes(p))))
                .OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>The scenario file of the run, parsed again from the manifest's copy after checking its hash.</summary>
    /// <exception cref="InputDataException">The copy does not match its hash (the manifest was edited).</exception>
    public ScenarioFile ScenarioFile()
    {
        string hash = Sha256(Encoding.UTF8.GetBytes(ScenarioJson));
        if (hash != ScenarioSha256)
        {
            throw new InputDataException(FileName, null, "scenarioJson", hash, $"the text whose SHA-256 is scenarioSha256 ({ScenarioSha256})");
        }
        return Scenarios.ScenarioFile.Parse(ScenarioJson, ScenarioSource, ScenarioDefaultName);
    }

    /// <summary>What differs between this run's inputs and <paramref name="other"/>'s: library version, scenario and data file hashes (empty when none).</summary>
    public IReadOnlyList<string> InputDifferences(RunManifest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var d = new List<string>();
        if (LibraryVersion != other.LibraryVersion) d.Add($"library version {LibraryVersion} → {other.LibraryVersion}");
        if (ScenarioSha256 != other.ScenarioSha256) d.Add($"scenario file {ScenarioSha256} → {other.ScenarioSha256}");
        var theirs = other.DataFiles.ToDictionary(f => f.Name, f => f.Sha256);
        foreach (var f in DataFiles)
        {
            if (!theirs.TryGetValue(f.Name, out var h)) d.Add($"data file {f.Name} not read");
            else if (h != f.Sha256) d.Add($"data file {f.Name} {f.Sha256} → {h}");
        }
        return d;
    }

    /// <summary>What differs between this run's outputs and <paramref name="other"/>'s (empty when every output is identical).</summary>
    public IReadOnlyList<string> OutputDifferences(RunManifest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other.Outputs.ToDictionary(f => f.Name, f => f.Sha256);
        var d = new List<string>();
        foreach (var f in Outputs)
        {
            if (!theirs.TryGetValue(f.Name, out var h)) d.Add($"{f.Name}: not written");
            else if (h != f.Sha256) d.Add($"{f.Name}: differs");
        }
        d.AddRange(other.Outputs.Where(f => Outputs.All(o => o.Name != f.Name)).Select(f => $"{f.Name}: new"));
        return d;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the manifest as JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options).ReplaceLineEndings("\n") + "\n");

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="InputDataException">The file is not a manifest.</exception>
    public static RunManifest Read(string path)
    {
        string text = InputFiles.ReadAllText(path, 64L << 20, "a run manifest");
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(text, Options) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InputDataException(path, null, "(file)", null, "a run manifest written by `actuarial run --out` (" + e.Message + ")");
        }
    }

    /// <summary>SHA-256 of bytes, lower-case hex.</summary>
    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
