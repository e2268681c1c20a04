using Actuarial.Scenarios;
using Actuarial.Stochastic;

namespace Actuarial.Cli;

internal static class ClusterCommands
{
    public static MonteCarloRunResult MonteCarlo(string endpoint, string json, string source, int paths, ulong seed, int shards, Action<int> progress) =>
        throw new UsageException("--cluster: not yet");

    public static SweepResult Sweep(string endpoint, ScenarioSweep sweep, IReadOnlyList<SweepPoint> points, Action<int> progress) =>
        throw new UsageException("--cluster: not yet");
}
