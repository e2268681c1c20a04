using Actuarial.Demography;
using Actuarial.Dimensions;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public class EducationTransitionsTests
{
    private const int L = EducationLevels.Count;
    private const int A = Ages.Count;

    internal static double[] UniformTargets(params double[] atOrAboveLevels1To5)
    {
        var t = new double[EducationTransitions.TargetLength];
        for (int a = 0; a < A; a++)
        {
            t[a * L] = 1;
            if (a < EducationTransitions.FirstAge || a > EducationTransitions.LastAge) continue;
            for (int k = 1; k < L; k++) t[a * L + k] = atOrAboveLevels1To5[k - 1];
        }
        return t;
    }

    private static double AtOrAbove(double[] block, int age, int level)
    {
        double total = 0, above = 0;
        for (int e = 0; e < L; e++)
        {
            total += block[e * A + age];
            if (e >= level) above += block[e * A + age];
        }
        return above / total;
    }

    [Test]
    public void Lifts_everyone_at_no_education_to_the_target_distribution()
    {
        var block = new double[PopulationShape.CellsPerSex];
        block[0 * A + 20] = 1000; // all 1000 people aged 20 at no education
        var t = UniformTargets(0.9, 0.8, 0.6, 0.3, 0.1);

        EducationTransitions.Apply(block, t);

        Assert.Multiple(() =>
        {
            Assert.That(block[0 * A + 20], Is.EqualTo(100).Within(1e-9));
            Assert.That(block[1 * A + 20], Is.EqualTo(100).Within(1e-9));
            Assert.That(block[2 * A + 20], Is.EqualTo(200).Within(1e-9));
            Assert.That(block[3 * A + 20], Is.EqualTo(300).Within(1e-9));
            Assert.That(block[4 * A + 20], Is.EqualTo(200).Within(1e-9));
            Assert.That(block[5 * A + 20], Is.EqualTo(100).Within(1e-9));
        });
    }

    [Test]
    public void Keeps_levels_already_above_target_and_takes_max_per_level()
    {
        // Age 25: 50% post-secondary already, but only 60% at or above lower secondary; target 20% post, 90% ≥ lower sec.
        var block = new double[PopulationShape.CellsPerSex];
        block[0 * A + 25] = 400; block[5 * A + 25] = 500; block[3 * A + 25] = 100;
        var t = UniformTargets(0.95, 0.95, 0.9, 0.5, 0.2);

        EducationTransitions.Apply(block, t);

        // C' = (1, .95, .95, .9, .5, .5) → shares (.05, 0, .05, .4, 0, .5)
        Assert.Multiple(() =>
        {
            Assert.That(block[0 * A + 25], Is.EqualTo(50).Within(1e-9));
            Assert.That(block[1 * A + 25], Is.EqualTo(0).Within(1e-9));
            Assert.That(block[2 * A + 25], Is.EqualTo(50).Within(1e-9));
            Assert.That(block[3 * A + 25], Is.EqualTo(400).Within(1e-9));
            Assert.That(block[4 * A + 25], Is.EqualTo(0).Within(1e-9));
            Assert.That(block[5 * A + 25], Is.EqualTo(500).Within(1e-9));
        });
    }

    [Test]
    public void Leaves_ages_14_and_35_alone()
    {
        var block = new double[PopulationShape.CellsPerSex];
        block[14] = 10; block[35] = 10;
        EducationTransitions.Apply(block, UniformTargets(1, 1, 1, 1, 1));
        Assert.That(block[14], Is.EqualTo(10));
        Assert.That(block[35], Is.EqualTo(10));
        Assert.That(block[5 * A + 14] + block[5 * A + 35], Is.Zero);
    }

    [Test]
    public void Rejects_wrong_span_lengths()
    {
        Assert.Throws<ArgumentException>(() => EducationTransitions.Apply(new double[605], UniformTargets(0, 0, 0, 0, 0)));
        Assert.Throws<ArgumentException>(() => EducationTransitions.Apply(new double[606], new double[600]));
    }

    [Test]
    public void Allocates_nothing()
    {
        var block = new double[PopulationShape.CellsPerSex];
        for (int i = 0; i < block.Length; i++) block[i] = 1 + i % 7;
        var t = UniformTargets(0.9, 0.8, 0.6, 0.3, 0.1);
        EducationTransitions.Apply(block, t); // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) EducationTransitions.Apply(block, t);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    // ---------------------------------------------------------------- properties

    internal sealed record Case(double[] Block, double[] Target);

    private static readonly Gen<double> Count =
        Gen.Frequency((1, Gen.Constant(0.0)), (6, Gen.Choose(0, 10_000_000).Select(i => i / 100.0)));

    private static readonly Gen<double[]> Blocks = Gen.ArrayOf(Count, PopulationShape.CellsPerSex);

    // Per age: five draws in [0, 1] sorted descending (non-increasing at-or-above shares), level 0 = 1.
    private static readonly Gen<double[]> Targets =
        Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (1, Gen.Constant(1.0)), (6, Gen.Choose(0, 1000).Select(i => i / 1000.0))),
                EducationTransitions.TargetLength)
            .Select(raw =>
            {
                var t = new double[raw.Length];
                for (int a = 0; a < A; a++)
                {
                    var levels = raw.AsSpan(a * L + 1, L - 1).ToArray();
                    Array.Sort(levels);
                    Array.Reverse(levels);
                    t[a * L] = 1;
                    for (int k = 1; k < L; k++) t[a * L + k] = levels[k - 1];
                }
                return t;
            });

    private static readonly Arbitrary<Case> Cases = Gen.Zip(Blocks, Targets, (b, t) => new Case(b, t)).ToArbitrary();

    private static Property ForAllCases(Func<Case, bool> check) => Prop.ForAll(Cases, check);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Conserves_population_per_age() => ForAllCases(c =>
    {
        var after = (double[])c.Block.Clone();
        EducationTransitions.Apply(after, c.Target);
        for (int a = 0; a < A; a++)
        {
            double before = 0, now = 0;
            for (int e = 0; e < L; e++) { before += c.Block[e * A + a]; now += after[e * A + a]; }
            if (Math.Abs(now - before) > 1e-12 * Math.Max(1, before)) return false;
        }
        return true;
    });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Never_moves_anyone_down_and_never_makes_a_cell_negative() => ForAllCases(c =>
    {
        var after = (double[])c.Block.Clone();
        EducationTransitions.Apply(after, c.Target);
        if (after.Any(v => v < 0)) return false;
        for (int a = EducationTransitions.FirstAge; a <= EducationTransitions.LastAge; a++)
        {
            double total = 0;
            for (int e = 0; e < L; e++) total += c.Block[e * A + a];
            if (total == 0) continue;
            for (int k = 1; k < L; k++)
            {
                double was = AtOrAbove(c.Block, a, k), now = AtOrAbove(after, a, k);
                if (now < was - 1e-12) return false;
                // and it reached the target (within the kernel's 1e-12 slack)
                if (now < c.Target[a * L + k] - 1e-11) return false;
            }
        }
        return true;
    });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Leaves_ages_outside_15_to_34_untouched() => ForAllCases(c =>
    {
        var after = (double[])c.Block.Clone();
        EducationTransitions.Apply(after, c.Target);
        for (int e = 0; e < L; e++)
        {
            for (int a = 0; a < A; a++)
            {
                if (a >= EducationTransitions.FirstAge && a <= EducationTransitions.LastAge) continue;
                if (after[e * A + a] != c.Block[e * A + a]) return false;
            }
        }
        return true;
    });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Is_an_exact_no_op_when_already_at_or_above_target() => ForAllCases(c =>
    {
        // Scale the target down so that it sits at or below the block's own cumulative shares.
        var t = (double[])c.Target.Clone();
        for (int a = EducationTransitions.FirstAge; a <= EducationTransitions.LastAge; a++)
        {
            double total = 0;
            for (int e = 0; e < L; e++) total += c.Block[e * A + a];
            for (int k = 1; k < L; k++) t[a * L + k] = total > 0 ? Math.Min(t[a * L + k], AtOrAbove(c.Block, a, k)) : t[a * L + k];
        }
        var after = (double[])c.Block.Clone();
        EducationTransitions.Apply(after, t);
        var twice = (double[])after.Clone();
        EducationTransitions.Apply(twice, c.Target);
        var once = (double[])twice.Clone();
        EducationTransitions.Apply(twice, c.Target);
        return after.SequenceEqual(c.Block) && twice.SequenceEqual(once);
    });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Matches_the_literal_rule() => ForAllCases(c =>
    {
        var fast = (double[])c.Block.Clone();
        var reference = (double[])c.Block.Clone();
        EducationTransitions.Apply(fast, c.Target);
        EducationTransitions.ApplyReference(reference, c.Target);
        for (int i = 0; i < fast.Length; i++)
        {
            int age = i % A;
            double total = 0;
            for (int e = 0; e < L; e++) total += c.Block[e * A + age];
            if (Math.Abs(fast[i] - reference[i]) > 1e-9 * Math.Max(1, total)) return false;
        }
        return true;
    });
}
