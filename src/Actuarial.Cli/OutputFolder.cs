using Actuarial.IO;

namespace Actuarial.Cli;

/// <summary>
/// The folder given to <c>--out</c>, written whole or not at all. <see cref="Prepare"/> checks it before the projection
/// runs (not a system folder; empty, absent or holding a previous run's outputs unless <c>--force</c>; its parent
/// writable) and creates a temporary folder beside it; the commands write every table and chart there and
/// <see cref="Commit"/> swaps it into place. Disposed without a commit, the temporary folder is deleted and the target
/// is as it was.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    /// <summary>The file that marks a folder as the outputs of an earlier run (so a rerun may replace it).</summary>
    public const string Marker = ".actuarial-outputs";

    private static readonly string[] SystemFolders =
        ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/run", "/sbin", "/sys", "/usr", "/var", "/opt", "/srv", "/home", "/tmp", "/mnt", "/media"];

    private readonly AtomicFile _files;
    private readonly bool _intoForeignFolder;
    private bool _committed;

    private OutputFolder(string target, string temporary, bool intoForeignFolder, AtomicFile files)
    {
        Target = target;
        Temporary = temporary;
        _intoForeignFolder = intoForeignFolder;
        _files = files;
    }

    /// <summary>The folder the user named, full path.</summary>
    public string Target { get; }

    /// <summary>Where the files are written until <see cref="Commit"/>.</summary>
    public string Temporary { get; }

    /// <summary>Checks the target and creates the temporary folder beside it.</summary>
    /// <exception cref="OutputRefusedException">A system folder, or a folder holding other files without <paramref name="force"/>.</exception>
    /// <exception cref="IOException">The parent folder cannot be written.</exception>
    public static OutputFolder Prepare(string folder, bool force, AtomicFile? files = null)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Path.GetPathRoot(full) is { } root && string.Equals(Path.TrimEndingDirectorySeparator(root), full, StringComparison.Ordinal) || full.Length == 0
            || SystemFolders.Contains(full, StringComparer.Ordinal))
        {
            throw new OutputRefusedException($"--out {folder}: refusing to write into the system folder '{(full.Length == 0 ? "/" : full)}'; name a folder of your own");
        }
        if (File.Exists(full)) throw new OutputRefusedException($"--out {folder}: '{full}' is a file, not a folder");
        bool foreign = false;
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, Marker)))
        {
            if (!force)
            {
                throw new OutputRefusedException($"--out {folder}: '{full}' holds other files (not the outputs of an earlier run); " +
                    "name an empty or new folder, or add --force to write the outputs into it beside those files (each file replaced whole, the set file by file)");
            }
            foreign = true;
        }
        string parent = Path.GetDirectoryName(full) ?? throw new OutputRefusedException($"--out {folder}: no parent folder");
        Directory.CreateDirectory(parent);
        // A run killed while writing leaves its temporary folder, and one stopped just after its swap the superseded
        // outputs, beside the target (the target itself is whole either way): clear them. A second run writing the
        // same folder at the same moment is not supported; it fails cleanly, leaving the target whole.
        AtomicFile.DeleteLeftovers(parent, Path.GetFileName(full));
        string temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        try
        {
            // Probe now, before the projection, that files can be created here.
            string probe = Path.Combine(temporary, Marker);
            File.WriteAllText(probe, "outputs of the actuarial command; a rerun may replace this folder\n");
        }
        catch
        {
            AtomicFile.TryDelete(temporary);
            throw;
        }
        return new OutputFolder(full, temporary, foreign, files ?? AtomicFile.Default);
    }

    /// <summary>The temporary path of an output file.</summary>
    public string PathOf(string name) => Path.Combine(Temporary, name);

    /// <summary>Reports that one output file is complete (the fault seam: a test may fail here).</summary>
    public void Written(string path) => _files.Step(AtomicFile.Steps.Written, path);

    /// <summary>Puts the outputs in place; returns their final paths.</summary>
    public IReadOnlyList<string> Commit(IReadOnlyList<string> written)
    {
        if (_intoForeignFolder)
        {
            // The user's folder holds their own files: each output is moved in whole, replacing only its namesake.
            foreach (var file in written)
            {
                File.Move(file, Path.Combine(Target, Path.GetFileName(file)), overwrite: true);
                _files.Step(AtomicFile.Steps.Renamed, file);
            }
            AtomicFile.TryDelete(Temporary);
        }
        else
        {
            _files.SwapFolder(Temporary, Target);
        }
        _committed = true;
        return written.Select(f => Path.Combine(Target, Path.GetFileName(f))).ToList();
    }

    /// <summary>Deletes the temporary folder unless committed.</summary>
    public void Dispose()
    {
        if (!_committed) AtomicFile.TryDelete(Temporary);
    }
}

/// <summary>An output folder the command will not write into.</summary>
internal sealed class OutputRefusedException(string message) : Exception(message);
