using Actuarial.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Actuarial.Benchmarks -- --filter '*'      (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/Actuarial.Benchmarks -- --quick           (a few seconds of Stopwatch timing while tuning)
if (args.Contains("--quick"))
{
    QuickTiming.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ProjectionBenchmarks).Assembly).Run(args);
