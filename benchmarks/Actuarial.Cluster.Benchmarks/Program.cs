// Timed benchmark of the cluster runner against the plain local runner (issue 20): paths per second per core on one
// silo against MonteCarlo.Run on one thread, the fixed cost of a shard, and one silo against two on this machine. Silos
// run in this process on loopback with the real hosting (ClusterHosting.BuildSilo / BuildClient), not the test cluster.
//
//   dotnet run -c Release --project benchmarks/Actuarial.Cluster.Benchmarks -- [--paths N] [--scenario FILE]
//
// The China defaults to 2100 (samples/scenarios/baseline.json unless --scenario). A Stopwatch benchmark: every
// configuration runs a warm-up job first (each silo builds its evaluator once per scenario: that cost is printed
// separately), then the timed job. On a shared machine the figures move by tens of percent: run it on a quiet one.
using System.Diagnostics;
using System.Globalization;
using Actuarial.Cluster;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

int paths = 120;
string scenarioPath = Path.Combine("samples", "scenarios", "baseline.json");
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--paths") paths = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--scenario") scenarioPath = args[++i];
    else throw new ArgumentException($"unknown argument {args[i]}; usage: [--paths N] [--scenario FILE]");
}
string json = File.ReadAllText(scenarioPath);
const ulong Seed = 2024;
var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"cluster benchmark: {scenarioPath}, {paths} paths per timed job, {Environment.ProcessorCount} cores"));

var clock = Stopwatch.StartNew();
var evaluator = ScenarioMonteCarlo.Evaluator(ScenarioFile.Parse(json, scenarioPath).ToScenario());
Console.WriteLine(string.Create(c, $"evaluator build (calibration), once per scenario per machine: {clock.Elapsed.TotalSeconds:F2} s"));
MonteCarlo.Run(4, Seed, 0, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = 1 }); // warm-up (JIT)

double Local(int threads)
{
    var sw = Stopwatch.StartNew();
    MonteCarlo.Run(paths, Seed, 0, evaluator, new MonteCarloOptions { MaxDegreeOfParallelism = threads });
    return paths / sw.Elapsed.TotalSeconds;
}

double local1 = Local(1);
Console.WriteLine(string.Create(c, $"local runner, 1 thread:  {local1,7:F1} paths/s"));
double local2 = Local(2);
Console.WriteLine(string.Create(c, $"local runner, 2 threads: {local2,7:F1} paths/s"));

var silo1 = ClusterHosting.BuildSilo(new SiloSettings { SiloPort = 21111, GatewayPort = 21000, AdvertisedAddress = "127.0.0.1", ClusterId = "bench", ServiceId = "bench" });
await silo1.StartAsync();
var client = ClusterHosting.BuildClient("127.0.0.1:21000", "bench", "bench");
await client.StartAsync();
var grains = client.Services.GetRequiredService<IClusterClient>();

async Task<double> Cluster(int shards, int inFlight, string what)
{
    var jobs = new ClusterJobs(grains, new ClusterJobOptions { Shards = shards, ThreadsPerShard = 1, MaxInFlight = inFlight });
    var sw = Stopwatch.StartNew();
    var (summary, _) = await jobs.MonteCarloAsync(json, scenarioPath, paths, Seed, silos: 1);
    double rate = paths / sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(c, $"{what,-48} {rate,7:F1} paths/s   (silos used: {jobs.LastReport!.Silos.Count})"));
    if (!summary.IsIdenticalTo(MonteCarlo.Run(paths, Seed, 0, evaluator))) throw new InvalidOperationException("the cluster's result differs from the local one");
    return rate;
}

clock.Restart();
await new ClusterJobs(grains, new ClusterJobOptions { Shards = 1, ThreadsPerShard = 1 }).MonteCarloAsync(json, scenarioPath, 2, Seed, 1);
Console.WriteLine(string.Create(c, $"first job on a fresh silo (builds its evaluator), 2 paths: {clock.Elapsed.TotalSeconds:F2} s"));

// The fixed cost of a shard: many one-path shards, one at a time, against the path's own time.
{
    var jobs = new ClusterJobs(grains, new ClusterJobOptions { Shards = 20, ThreadsPerShard = 1, MaxInFlight = 1 });
    var sw = Stopwatch.StartNew();
    await jobs.MonteCarloAsync(json, scenarioPath, 20, Seed, silos: 1);
    double perShardMs = sw.Elapsed.TotalMilliseconds / 20 - 1000 / local1;
    Console.WriteLine(string.Create(c, $"fixed cost of a shard (20 one-path shards, one at a time, less a path's time): {perShardMs:F1} ms"));
}

double one1 = await Cluster(4, 1, "one silo, one shard at a time (1 core):");
Console.WriteLine(string.Create(c, $"  cost per core against the local runner on 1 thread: {100 * (1 - one1 / local1):F1}%"));
double one2 = await Cluster(8, 2, "one silo, two shards at a time (2 cores):");

var silo2 = ClusterHosting.BuildSilo(new SiloSettings { SiloPort = 21112, GatewayPort = 21001, AdvertisedAddress = "127.0.0.1", PrimarySilo = "127.0.0.1:21111", ClusterId = "bench", ServiceId = "bench" });
await silo2.StartAsync();
await Task.Delay(TimeSpan.FromSeconds(5)); // the second silo joins the membership
int active = await ClusterHosting.ActiveSilosAsync(grains);
Console.WriteLine(string.Create(c, $"active silos: {active}"));
await new ClusterJobs(grains, new ClusterJobOptions { Shards = 8, ThreadsPerShard = 1 }).MonteCarloAsync(json, scenarioPath, 8, Seed, 2); // warm the second silo
double two2 = await Cluster(8, 2, "two silos, two shards at a time (2 cores):");
Console.WriteLine(string.Create(c, $"  two silos against one on the same two cores: {two2 / one2:F2}x; one silo (2 shards) against the local runner on 2 threads: {one2 / local2:F2}x"));

await client.StopAsync();
await silo2.StopAsync();
await silo1.StopAsync();
