using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Scenarios;
using BenchmarkDotNet.Attributes;

namespace Actuarial.Benchmarks;

/// <summary>
/// The hot loop on the China defaults: the whole 2020–2100 run and a single year, national (2 sexes × 6 education
/// levels × 101 ages) and for the 31 provinces with migration between them. Inputs are compiled once in setup
/// (life tables, e0 solving, targets); <see cref="CompileBenchmarks"/> measures that part. Result buffers are
/// allocated once, so the memory diagnoser shows what the year loop itself allocates (it must be 0 B).
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private CompiledDemography _national = null!;
    private CompiledDemography _provinces = null!;
    private ProjectionBuffers _nationalBuffers = null!;
    private ProjectionBuffers _provinceBuffers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _national = DemographicProjector.Compile(ChinaDefaults.NationalDemography());
        _provinces = DemographicProjector.Compile(ChinaDefaults.Demography());
        _nationalBuffers = new ProjectionBuffers(_national);
        _provinceBuffers = new ProjectionBuffers(_provinces);
        DemographicProjector.RunInto(_national, _nationalBuffers);
        DemographicProjector.RunInto(_provinces, _provinceBuffers);
    }

    [Benchmark(Description = "national run 2020-2100")]
    public void NationalRun() => DemographicProjector.RunInto(_national, _nationalBuffers);

    [Benchmark(Description = "31-province run 2020-2100")]
    public void ProvincialRun() => DemographicProjector.RunInto(_provinces, _provinceBuffers);

    [Benchmark(Description = "national, one year")]
    public void NationalOneYear() => Step(_national, _nationalBuffers);

    [Benchmark(Description = "31 provinces, one year")]
    public void ProvincialOneYear() => Step(_provinces, _provinceBuffers);

    private static void Step(CompiledDemography inputs, ProjectionBuffers buffers)
    {
        // As the run does it: into a working grid, streaming into the year's grid, when the buffers stream.
        int cells = inputs.Shape.CellCount;
        var current = buffers.Population.AsSpan(0, cells);
        var stored = buffers.Population.AsSpan(cells, cells);
        if (buffers.WorkingGrids is { } working) DemographicProjector.StepYear(inputs, 0, current, working[0], stored, buffers, buffers.AccountsFor(0));
        else DemographicProjector.StepYear(inputs, 0, current, stored, default, buffers, buffers.AccountsFor(0));
    }
}

/// <summary>Turning assumptions into the arrays the loop reads: life tables for every year and sex, e0 solving, targets.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private DemographicAssumptions _national = null!;
    private DemographicAssumptions _provinces = null!;

    [GlobalSetup]
    public void Setup()
    {
        _national = ChinaDefaults.NationalDemography();
        _provinces = ChinaDefaults.Demography();
    }

    [Benchmark(Description = "compile national 2020-2100")]
    public CompiledDemography CompileNational() => DemographicProjector.Compile(_national);

    [Benchmark(Description = "compile 31 provinces 2020-2100")]
    public CompiledDemography CompileProvinces() => DemographicProjector.Compile(_provinces);
}
