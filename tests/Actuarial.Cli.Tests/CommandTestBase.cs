using Actuarial.Cli;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// What the command tests share: a fresh temporary folder per test (deleted after it), files written into it, and the
/// command run in process with its standard output and error captured.
/// </summary>
public abstract class CommandTestBase
{
    /// <summary>The test's temporary folder.</summary>
    protected string Temp { get; private set; } = "";

    [SetUp]
    public void CreateTemp()
    {
        Temp = Path.Combine(Path.GetTempPath(), "actuarial-cli-" + GetType().Name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Temp);
    }

    [TearDown]
    public void DeleteTemp()
    {
        if (Directory.Exists(Temp)) Directory.Delete(Temp, recursive: true);
    }

    /// <summary>Writes <paramref name="text"/> to a file of the temporary folder and returns its path.</summary>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>actuarial args…</c> in process: the exit code, standard output and standard error.</summary>
    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
