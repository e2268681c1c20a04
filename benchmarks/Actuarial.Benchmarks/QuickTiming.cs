using System.Diagnostics;

namespace Actuarial.Benchmarks;

/// <summary>
/// Rough Stopwatch timings for tuning (BenchmarkDotNet gives the figures we report); QUICK_ROUNDS sets their rounds (5).
/// With the environment variable QUICK_ONLY=province, scheme, full (the full projection as a path runs it), chain (the
/// whole chain with the residents' scheme) or path (one Monte Carlo path) it loops on one piece for eight seconds, for a profiler to sample; QUICK_ONLY=compare prints the
/// minimum and median of many short rounds of the full projection, steadier for comparing two versions; QUICK_ONLY=phases
/// the same for each phase of the whole chain.
/// </summary>
internal static class QuickTiming
{
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("QUICK_ROUNDS"), out int rounds) ? rounds : 5;

    public static void Run()
    {
        string? only = Environment.GetEnvironmentVariable("QUICK_ONLY");
        if (only == "compare")
        {
            // The full projection (as a path runs it, and keeping every year) in many short rounds: their minimum and median,
            // steadier than a few long rounds on a shared machine.
            var full = new PensionBenchmarks();
            full.Setup();
            ManyRounds("full projection as a path", full.FullProjectionAsPath);
            ManyRounds("full projection", full.FullProjection);
            return;
        }
        if (only == "phases")
        {
            // The whole chain phase by phase (PensionBenchmarks), the minimum and median of many short rounds each: what to
            // look at first, not figures to report (BenchmarkDotNet gives those).
            var chain = new PensionBenchmarks();
            chain.Setup();
            ManyRounds("population, grids kept", chain.Population);
            ManyRounds("full projection as a path", chain.FullProjectionAsPath);
            ManyRounds("full projection", chain.FullProjection);
            ManyRounds("full, members recorded", chain.FullProjectionWithMembers);
            ManyRounds("residents and coverage", () => chain.Residents());
            ManyRounds("whole chain", () => chain.FullProjectionWithResidents());
            return;
        }
        if (only is "province" or "scheme" or "path" or "full" or "chain")
        {
            Action action;
            if (only == "path")
            {
                var monteCarlo = new PensionMonteCarloBenchmarks();
                monteCarlo.Setup();
                action = monteCarlo.OnePath;
            }
            else if (only is "scheme" or "full" or "chain")
            {
                var pension = new PensionBenchmarks();
                pension.Setup();
                action = only switch
                {
                    "full" => pension.FullProjectionAsPath,
                    "chain" => () => pension.FullProjectionWithResidents(),
                    _ => () => pension.Scheme(),
                };
            }
            else
            {
                var projection = new ProjectionBenchmarks();
                projection.Setup();
                action = projection.ProvincialOneYear;
            }
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 8) action();
            return;
        }
        var benchmarks = new ProjectionBenchmarks();
        benchmarks.Setup();
        Time("national run", benchmarks.NationalRun, 2000);
        Time("31-province run", benchmarks.ProvincialRun, 100);
        Time("national, one year", benchmarks.NationalOneYear, 100_000);
        Time("31 provinces, one year", benchmarks.ProvincialOneYear, 5000);
        var pensions = new PensionBenchmarks();
        pensions.Setup();
        Time("scheme 2024-2100", () => pensions.Scheme(), 20);
        Time("funds 2025-2100", () => pensions.Funds(), 2000);
        Time("full projection", pensions.FullProjection, 20);
        Time("full projection as a path", pensions.FullProjectionAsPath, 20);
        Console.WriteLine($"full projection: national balance at the end {pensions.LastNationalBalance() / 1e12:F2} trillion; PensionProjector gives {pensions.ReferenceLastNationalBalance() / 1e12:F2}");
        if (Environment.GetEnvironmentVariable("QUICK_PATH") is not null)
        {
            var monteCarlo = new PensionMonteCarloBenchmarks();
            monteCarlo.Setup();
            Time("one Monte Carlo path (×20)", monteCarlo.OnePath, 2);
        }
    }

    private static void ManyRounds(string name, Action action)
    {
        for (int i = 0; i < 20; i++) action();
        var times = new double[60];
        var cpu = new double[times.Length];
        for (int round = 0; round < times.Length; round++)
        {
            long start = Stopwatch.GetTimestamp();
            double cpuStart = ThreadCpuSeconds();
            for (int i = 0; i < 5; i++) action();
            times[round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000 / 5;
            cpu[round] = (ThreadCpuSeconds() - cpuStart) * 1e6 / 5;
        }
        Array.Sort(times);
        Array.Sort(cpu);
        // The thread's CPU time leaves out the time it waits for a core, which the wall clock counts when others share them.
        Console.WriteLine($"{name,-28} min {times[0],10:F0} µs, median {times[times.Length / 2],10:F0} µs wall; CPU min {cpu[0],10:F0} µs, median {cpu[cpu.Length / 2],10:F0} µs ({times.Length} rounds of 5)");
    }

    /// <summary>CPU time of the calling thread, seconds (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)); NaN elsewhere.</summary>
    private static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(3, out var t) == 0 ? t.Seconds + t.Nanoseconds * 1e-9 : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static void Time(string name, Action action, int iterations)
    {
        for (int i = 0; i < Math.Max(10, iterations / 10); i++) action();
        double best = double.MaxValue, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < Rounds; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) action();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds * 1000 / iterations);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / iterations);
        }
        // CPU time is steadier than the wall clock when other work shares the cores (it leaves out time the thread waits).
        Console.WriteLine($"{name,-26} {best,10:F2} µs wall, {bestCpu,10:F2} µs CPU (best of {Rounds} rounds of {iterations})");
    }
}
