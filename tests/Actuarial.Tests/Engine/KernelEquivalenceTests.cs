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

    [FsProperty(MaxTest = 50)]
    public void Surviving_two_blocks_at_once_gives_what_two_calls_give(int seed)
    {
        // Two regions in the same lanes read and write the national sums and what is sent once for the two; each block's
        // cells, deaths, births and cohorts must be the same bits, and the shared sums the same but for the order of the
        // additions at age 100.
        const int A = Ages.Count, Block = PopulationShape.CellsPerSex;
        var random = new Random(seed);
        double[] Values(int n, double scale) => Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.05 ? 0 : scale * random.NextDouble()).ToArray();
        var fromA = Values(Block, 1000);
        var fromB = Values(Block, 1000);
        var survival = Values(A, 1);
        var deathShare = survival.Select(s => 1 - s).ToArray();
        var birthWeight = Values(A, 0.1);
        var ratesA = Values(A, 0.02);
        var ratesB = Values(A, 0.02);
        var startNational = Values(A, 10);
        var startSent = Values(Block, 1).Select(x => -x).ToArray();

        (double[] ToA, double[] ToB, double[] CohortA, double[] CohortB, double[] National, double[] Sent, double[] Accounts) Run(bool together)
        {
            var toA = new double[Block];
            var toB = new double[Block];
            var cohortA = new double[A];
            var cohortB = new double[A];
            var national = startNational.ToArray();
            var sent = startSent.ToArray();
            var a = new ProjectionKernels.SurvivingBlock { From = fromA, To = toA, Cohort = cohortA, SendingRates = ratesA };
            var b = new ProjectionKernels.SurvivingBlock { From = fromB, To = toB, Cohort = cohortB, SendingRates = ratesB };
            if (together)
            {
                ProjectionKernels.Survive(ref a, ref b, survival, deathShare, birthWeight, national, sent);
            }
            else
            {
                var none = default(ProjectionKernels.SurvivingBlock);
                ProjectionKernels.Survive(ref a, ref none, survival, deathShare, birthWeight, national, sent);
                ProjectionKernels.Survive(ref b, ref none, survival, deathShare, birthWeight, national, sent);
            }
            return (toA, toB, cohortA, cohortB, national, sent, [a.Deaths, a.Births, b.Deaths, b.Births]);
        }

        var separate = Run(together: false);
        var paired = Run(together: true);
        Assert.That(paired.ToA, Is.EqualTo(separate.ToA));
        Assert.That(paired.ToB, Is.EqualTo(separate.ToB));
        Assert.That(paired.CohortA, Is.EqualTo(separate.CohortA));
        Assert.That(paired.CohortB, Is.EqualTo(separate.CohortB));
        Assert.That(paired.Accounts, Is.EqualTo(separate.Accounts));
        Assert.That(paired.National.AsSpan(0, A - 1).ToArray(), Is.EqualTo(separate.National.AsSpan(0, A - 1).ToArray()));
        Assert.That(paired.National[A - 1], Is.EqualTo(separate.National[A - 1]).Within(1e-12 * Math.Abs(separate.National[A - 1])));
        for (int i = 0; i < Block; i++)
        {
            if (i % A == A - 1) Assert.That(paired.Sent[i], Is.EqualTo(separate.Sent[i]).Within(1e-12 * Math.Abs(separate.Sent[i]) + 1e-300), $"cell {i}");
            else Assert.That(paired.Sent[i], Is.EqualTo(separate.Sent[i]), $"cell {i}");
        }
        Assert.That(paired.Sent, Is.Not.EqualTo(startSent), "the senders send something");
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
