using Actuarial.Cluster;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actuarial.Cli;

/// <summary>--cluster on montecarlo and sweep, and the silo command: the same jobs as on one machine, as shards on an
/// Orleans cluster (Actuarial.Cluster), with the same results bit for bit.</summary>
internal static class ClusterCommands
{
    public static MonteCarloRunResult MonteCarlo(string endpoint, string json, string source, int paths, ulong seed, int shards, int threadsPerShard, Action<int> progress)
    {
        using var host = Connect(endpoint);
        var client = host.Services.GetRequiredService<IClusterClient>();
        int silos = ClusterHosting.ActiveSilosAsync(client).GetAwaiter().GetResult();
        var jobs = new ClusterJobs(client, new ClusterJobOptions { Shards = shards, ThreadsPerShard = threadsPerShard });
        using var cancel = CancelOnCtrlC();
        var (summary, central) = jobs.MonteCarloAsync(json, source, paths, seed, silos, progress, cancel.Token).GetAwaiter().GetResult();
        string name = ScenarioFile.Parse(json, source, Path.GetFileNameWithoutExtension(source)).Name;
        host.StopAsync().GetAwaiter().GetResult();
        return MonteCarloRunResult.From(name, summary, central);
    }

    public static SweepResult Sweep(string endpoint, ScenarioSweep sweep, IReadOnlyList<SweepPoint> points, Action<int> progress)
    {
        using var host = Connect(endpoint);
        var client = host.Services.GetRequiredService<IClusterClient>();
        var jobs = new ClusterJobs(client);
        using var cancel = CancelOnCtrlC();
        var result = jobs.SweepAsync(sweep, points, progress, cancel.Token).GetAwaiter().GetResult();
        host.StopAsync().GetAwaiter().GetResult();
        return result;
    }

    /// <summary>Runs a silo until Ctrl+C.</summary>
    public static int Silo(SiloSettings settings, TextWriter stdout)
    {
        using var host = ClusterHosting.BuildSilo(settings, l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        host.Start();
        stdout.WriteLine($"actuarial silo: cluster '{settings.ClusterId}', silo port {settings.SiloPort}, gateway port {settings.GatewayPort}" +
            (settings.PrimarySilo is null ? (settings.AdvertisedAddress is null ? " (localhost clustering)" : " (first silo)") : $", joining {settings.PrimarySilo}") +
            "; Ctrl+C stops it");
        host.WaitForShutdown();
        return ExitCode.Ok;
    }

    private static IHost Connect(string endpoint)
    {
        IHost host;
        try
        {
            host = ClusterHosting.BuildClient(endpoint);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        try
        {
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"cannot connect to the cluster at {endpoint}: {e.Message}");
        }
        return host;
    }

    private static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the job is over
            }
        };
        return cancel;
    }
}

/// <summary>The cluster named by --cluster cannot be reached.</summary>
internal sealed class ClusterUnavailableException(string message) : Exception(message);
