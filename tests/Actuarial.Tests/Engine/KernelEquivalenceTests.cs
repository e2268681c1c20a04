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

    [Test]
    public void The_year_step_does_not_allocate()
    {
        var compiled = DemographicProjector.Compile(SyntheticDemography.Random(11, regionCount: 4, years: 3));
        var buffers = new ProjectionBuffers(compiled);
        DemographicProjector.RunInto(compiled, buffers); // JIT warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        DemographicProjector.RunInto(compiled, buffers);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
