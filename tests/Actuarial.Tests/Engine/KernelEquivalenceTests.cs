using Actuarial.Demography;
using Actuarial.Dimensions;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Engine;

/// <summary>The vectorised kernels the year loop calls agree with the plain versions they replace.</summary>
[TestFixture]
public sealed class KernelEquivalenceTests
{
    [FsProperty(MaxTest = 100)]
    public void Vectorised_education_transitions_equal_the_plain_rule_exactly(int seed)
    {
        var random = new Random(seed);
        var block = new double[PopulationShape.CellsPerSex];
        for (int i = 0; i < block.Length; i++) block[i] = random.NextDouble() < 0.1 ? 0 : 1000 * random.NextDouble();
        var path = SyntheticDemography.RandomAttainment(random, 2020, 2030);
        var targets = new double[EducationTransitions.TargetLength];
        path.FillTargets(2020 + random.Next(0, 11), random.Next(2) == 0 ? Sex.Male : Sex.Female, targets);
        var levelMajor = new double[EducationTransitions.LevelMajorTargetLength];
        EducationTransitions.ToLevelMajor(targets, levelMajor);

        var plain = block.ToArray();
        EducationTransitions.Apply(plain, targets);
        var fast = block.ToArray();
        EducationTransitions.ApplyLevelMajor(fast, levelMajor);

        Assert.That(fast, Is.EqualTo(plain));
        Assert.That(fast, Is.Not.EqualTo(block), "the random targets lift someone, so the test exercises the rule");
    }

    [TestCase(1, false, false)]
    [TestCase(3, true, true)]
    [TestCase(4, true, false)]
    [TestCase(5, false, true)]
    public void Streaming_the_years_out_of_working_grids_gives_the_same_bits_as_stepping_in_place(int regions, bool education, bool interprovincial)
    {
        var compiled = DemographicProjector.Compile(SyntheticDemography.Random(17 + regions, regions, years: 7, education, interprovincial && regions > 1));
        var inPlace = new ProjectionBuffers(compiled, streamed: false);
        var streamed = new ProjectionBuffers(compiled, streamed: true);
        Assert.That(inPlace.WorkingGrids, Is.Null);
        Assert.That(streamed.WorkingGrids, Is.Not.Null);
        streamed.Population.AsSpan().Fill(double.NaN); // every cell must be written
        DemographicProjector.RunInto(compiled, inPlace);
        DemographicProjector.RunInto(compiled, streamed);
        Assert.That(streamed.Population, Is.EqualTo(inPlace.Population));
        Assert.That(streamed.Births, Is.EqualTo(inPlace.Births));
        Assert.That(streamed.Deaths, Is.EqualTo(inPlace.Deaths));
        Assert.That(streamed.NetInternational, Is.EqualTo(inPlace.NetInternational));
        Assert.That(streamed.NetInterprovincial, Is.EqualTo(inPlace.NetInterprovincial));
    }

    [TestCase(0, 606)]
    [TestCase(3, 7)]
    [TestCase(5, 1000)]
    [TestCase(1, 0)]
    public void The_streaming_copy_copies_every_cell_at_any_alignment(int offset, int length)
    {
        var source = Enumerable.Range(0, length).Select(i => i + 0.5).ToArray();
        var destination = new double[length + 16];
        ProjectionKernels.Stream(source, destination.AsSpan(offset, length));
        Assert.That(destination.AsSpan(offset, length).ToArray(), Is.EqualTo(source));
        Assert.That(destination.Take(offset).Concat(destination.Skip(offset + length)), Is.All.Zero);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void The_year_step_does_not_allocate(bool streamed)
    {
        var compiled = DemographicProjector.Compile(SyntheticDemography.Random(11, regionCount: 4, years: 3));
        var buffers = new ProjectionBuffers(compiled, streamed);
        DemographicProjector.RunInto(compiled, buffers); // JIT warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        DemographicProjector.RunInto(compiled, buffers);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
