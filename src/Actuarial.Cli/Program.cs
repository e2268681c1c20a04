namespace Actuarial.Cli;

/// <summary>Entry point of the <c>actuarial</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error);
}
