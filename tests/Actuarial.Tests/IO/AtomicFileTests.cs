using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.IO;

/// <summary>Issue 16: a file replaced through <see cref="AtomicFile"/> holds the old content or the new, whatever step fails.</summary>
[TestFixture]
public sealed class AtomicFileTests
{
    private sealed class FailAt(string step) : AtomicFile
    {
        protected override void OnStep(string name, string path)
        {
            if (name == step) throw new IOException("simulated failure at " + step);
        }
    }

    [Test]
    public void A_write_failing_at_any_step_leaves_the_old_file_and_no_temporary()
    {
        var folder = Path.Combine(Path.GetTempPath(), "actuarial-atomic-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "table.csv");
            File.WriteAllText(path, "old\n");
            // A writer that dies half-way (a full disk), then each step of the replacement.
            Assert.Throws<IOException>(() => AtomicFile.Default.Replace(path, temp =>
            {
                File.WriteAllText(temp, "ne");
                throw new IOException("disk full");
            }));
            Assert.That(File.ReadAllText(path), Is.EqualTo("old\n"));
            foreach (var step in new[] { AtomicFile.Steps.Written, AtomicFile.Steps.Flushed })
            {
                Assert.Throws<IOException>(() => new FailAt(step).Replace(path, temp => File.WriteAllText(temp, "new\n")));
                Assert.That(File.ReadAllText(path), Is.EqualTo("old\n"), step);
            }
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }), "no temporary file left");
            AtomicFile.Default.Replace(path, temp => File.WriteAllText(temp, "new\n"));
            Assert.That(File.ReadAllText(path), Is.EqualTo("new\n"));
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
