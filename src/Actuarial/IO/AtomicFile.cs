namespace Actuarial.IO;

/// <summary>
/// Writes files and folders whole or not at all: the content goes to a temporary file (or folder) beside the target,
/// is flushed to disk and is then renamed over the target, so a write interrupted at any point leaves the old content
/// or the new, never a mix or a truncated file. <see cref="OnStep"/> is the seam through which tests fail a write at a
/// chosen point.
/// </summary>
internal class AtomicFile
{
    /// <summary>The plain file system.</summary>
    public static AtomicFile Default { get; } = new();

    /// <summary>Step names passed to <see cref="OnStep"/>.</summary>
    public static class Steps
    {
        /// <summary>One output file was written (into the temporary file or folder).</summary>
        public const string Written = "written";
        /// <summary>The temporary file was flushed to disk.</summary>
        public const string Flushed = "flushed";
        /// <summary>A folder swap moved the old folder aside (the new one is not in place yet).</summary>
        public const string OldMovedAside = "old-moved-aside";
        /// <summary>The new file or folder is in place.</summary>
        public const string Renamed = "renamed";
    }

    /// <summary>Called after each step with the path concerned; throw from an override to simulate a failure there.</summary>
    protected virtual void OnStep(string step, string path)
    {
    }

    /// <summary>Reports a step done by a writer outside this class (e.g. one file of a folder written).</summary>
    public void Step(string step, string path) => OnStep(step, path);

    /// <summary>Replaces (or creates) <paramref name="path"/> with what <paramref name="write"/> writes to the temporary path it is given.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the whole content to the path it receives (a temporary file in the same folder).</param>
    internal void Replace(string path, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        DeleteLeftovers(folder, Path.GetFileName(full));
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            OnStep(Steps.Written, temp);
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                stream.Flush(flushToDisk: true);
            }
            OnStep(Steps.Flushed, temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        OnStep(Steps.Renamed, full);
    }

    /// <summary>
    /// Puts the folder <paramref name="temporary"/> (holding the complete new content) in place of
    /// <paramref name="target"/>: a rename when the target does not exist; else the old folder is renamed aside, the new
    /// one renamed in, and the old one deleted. A failure before the new folder is in place moves the old one back.
    /// </summary>
    public void SwapFolder(string temporary, string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(temporary);
        ArgumentException.ThrowIfNullOrEmpty(target);
        string full = Path.GetFullPath(target);
        if (!Directory.Exists(full))
        {
            Directory.Move(temporary, full);
            OnStep(Steps.Renamed, full);
            return;
        }
        string aside = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old");
        Directory.Move(full, aside);
        try
        {
            OnStep(Steps.OldMovedAside, aside);
            Directory.Move(temporary, full);
        }
        catch
        {
            if (!Directory.Exists(full)) Directory.Move(aside, full);
            throw;
        }
        OnStep(Steps.Renamed, full);
        try
        {
            Directory.Delete(aside, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The new outputs are in place; the old copy beside them is only clutter.
        }
    }

    /// <summary>Deletes what killed writes of <paramref name="name"/> left in <paramref name="folder"/>: temporary files or folders (<c>.name.*.tmp</c>) and superseded folders (<c>.name.*.old</c>).</summary>
    public static void DeleteLeftovers(string folder, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Directory.Exists(folder)) return;
        foreach (var pattern in new[] { $".{name}.*.tmp", $".{name}.*.old" })
        {
            foreach (var leftover in Directory.EnumerateFileSystemEntries(folder, pattern)) TryDelete(leftover);
        }
    }

    /// <summary>Deletes a file or folder, ignoring failures (clean-up after a failed write).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
