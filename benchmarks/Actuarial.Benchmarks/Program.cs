using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Actuarial.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Actuarial.Benchmarks.ProjectionBenchmarks).Assembly).Run(args);
