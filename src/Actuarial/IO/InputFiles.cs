using System.Globalization;
using System.Text;

namespace Actuarial.IO;

/// <summary>
/// Reading a user's file with limits: a regular, non-empty file only (a folder, a device such as /dev/zero, a FIFO or a
/// /proc file is refused before it is opened, so nothing hangs or reads without end) and at most a stated number of
/// bytes (checked again while reading, so a file that grows cannot slip past the cap).
/// </summary>
internal static class InputFiles
{
    /// <summary>Largest scenario file read: 1 MiB (the longest sample is under 2 KiB).</summary>
    public const long MaxScenarioBytes = 1L << 20;

    /// <summary>Largest golden table read: 16 MiB (a golden table holds about 80 rows).</summary>
    public const long MaxGoldenBytes = 16L << 20;

    /// <summary>Largest data CSV read: 256 MiB (the largest embedded table is under 10 MiB).</summary>
    public const long MaxDataBytes = 256L << 20;

    /// <summary>Reads a whole text file (UTF-8, BOM honoured) after the checks above.</summary>
    /// <param name="path">The file as the user named it (used in messages).</param>
    /// <param name="maxBytes">The size cap.</param>
    /// <param name="what">What the file should be, in words (e.g. "a scenario file").</param>
    /// <exception cref="InputDataException">Not a regular non-empty file, too large or unreadable.</exception>
    public static string ReadAllText(string path, long maxBytes, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        string real = CheckRegular(path, maxBytes, what);
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes) throw TooLarge(path, maxBytes, what);
                buffer.Write(chunk, 0, n);
            }
            buffer.Position = 0;
            using var text = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return text.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputDataException(path, null, "(file)", null, $"{what} that can be read ({e.Message})");
        }
    }

    /// <summary>A reader over the whole file's text (see <see cref="ReadAllText"/>).</summary>
    internal static TextReader OpenText(string path, long maxBytes, string what) => new StringReader(ReadAllText(path, maxBytes, what));

    /// <summary>Checks that <paramref name="path"/> names a regular, non-empty file of at most <paramref name="maxBytes"/>; returns the path to open (a symbolic link resolved).</summary>
    private static string CheckRegular(string path, long maxBytes, string what)
    {
        if (Directory.Exists(path)) throw new InputDataException(path, null, "(file)", null, $"{what}, not a folder");
        var info = new FileInfo(path);
        if (!info.Exists) throw new InputDataException(path, null, "(file)", null, $"{what} that exists");
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists || target is DirectoryInfo)
            {
                throw new InputDataException(path, null, "(file)", null, $"{what}; this is a link to {(target is DirectoryInfo ? "a folder" : "nothing")}");
            }
            info = (FileInfo)target;
        }
        // A device, FIFO or /proc file reports length 0, as does an empty file: neither is a valid input, and
        // opening a FIFO would block, so both are refused here, before opening.
        if (info.Length == 0) throw new InputDataException(path, null, "(file)", null, $"{what}: a regular, non-empty file (this one is empty, or a device, FIFO or other special file)");
        if (info.Length > maxBytes) throw TooLarge(path, maxBytes, what);
        return info.FullName;
    }

    private static InputDataException TooLarge(string path, long maxBytes, string what) =>
        new(path, null, "(file)", null, string.Create(CultureInfo.InvariantCulture, $"{what} of at most {Size(maxBytes)}"));

    private static string Size(long bytes) => bytes >= 1L << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB");
}
