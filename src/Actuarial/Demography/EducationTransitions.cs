using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// The yearly education kernel: lifts the cohorts aged 15..34 up through the six levels so their attainment
/// reaches the target path (<see cref="AttainmentPath"/>). Applied after ageing in the projection year, so the
/// block passed in holds the population at t+1.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rule.</b> For each age a in 15..34 of one (region, sex) block, with total N = Σₑ P[e][a], the current cumulative
/// share at or above level k is Cₖ = Σ_{e≥k} P[e][a] / N and the target is Tₖ. The new cumulative share is
/// C′ₖ = max(Cₖ, Tₖ), and P′[e][a] = N × (C′ₑ − C′ₑ₊₁) (C′₆ = 0). An age with no one in it is left alone.
/// </para>
/// <para>
/// <b>Why.</b> The maximum of two non-increasing sequences is non-increasing, so every P′ is ≥ 0; the cumulative
/// shares only rise, so no one loses attainment; the total of each age is conserved (the lowest level takes the
/// remainder, so the sum is exact up to one rounding). Ages under 15 stay at no education and ages 35+ keep what
/// they have, so the path is reached at young ages and carried forward by cohort succession, as the Wittgenstein
/// Centre's own model does through education-specific transitions at young adult ages. A cohort
/// already above the target (because it was lifted to a higher target at a younger age) keeps its attainment.
/// </para>
/// <para>
/// <b>Cost.</b> 20 ages × 6 levels of scalar work, no allocation. Differences of less than 1e-12 of an age's total
/// are not acted on, which makes a second application an exact no-op.
/// </para>
/// </remarks>
internal static class EducationTransitions
{
    /// <summary>First age the transitions apply to.</summary>
    public const int FirstAge = AttainmentPath.FirstAge;

    /// <summary>Last age the transitions apply to.</summary>
    public const int LastAge = AttainmentPath.LastAge;

    /// <summary>Length of the target span: [age 0..100][level 0..5].</summary>
    public const int TargetLength = AttainmentPath.TargetLength;

    private const int Levels = EducationLevels.Count;
    private const int AgeCount = Ages.Count;

    // Relative threshold below which a target above the current share is treated as already met.
    private const double RelativeSlack = 1e-12;

    /// <summary>
    /// Applies the rule (see the type's remarks) to one (region, sex) block in place.
    /// </summary>
    /// <param name="regionSexBlock">Population at t+1 of one (region, sex), [education 6][age 101] (length <see cref="PopulationShape.CellsPerSex"/>).</param>
    /// <param name="targetAtOrAbove">Targets [age 101][level 6] as written by <see cref="AttainmentPath.FillTargets"/>; only ages 15..34 are read.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public static void Apply(Span<double> regionSexBlock, ReadOnlySpan<double> targetAtOrAbove)
    {
        if (regionSexBlock.Length != PopulationShape.CellsPerSex)
        {
            throw new ArgumentException($"a (region, sex) block holds {PopulationShape.CellsPerSex} cells, not {regionSexBlock.Length}", nameof(regionSexBlock));
        }
        if (targetAtOrAbove.Length != TargetLength)
        {
            throw new ArgumentException($"the target span holds {TargetLength} values, not {targetAtOrAbove.Length}", nameof(targetAtOrAbove));
        }

        Span<double> cum = stackalloc double[Levels + 1];
        for (int a = FirstAge; a <= LastAge; a++)
        {
            // Cumulative counts from the top: cum[k] = Σ_{e≥k} P[e]; cum[0] is the total, ≥ cum[1] by construction.
            cum[Levels] = 0;
            for (int e = Levels - 1; e >= 0; e--) cum[e] = cum[e + 1] + regionSexBlock[e * AgeCount + a];
            double total = cum[0];
            if (!(total > 0)) continue;

            var target = targetAtOrAbove.Slice(a * Levels, Levels);
            double slack = RelativeSlack * total;
            bool raised = false;
            // New cumulative counts, from the top; the running max keeps them non-increasing in k.
            for (int k = Levels - 1; k >= 1; k--)
            {
                double wanted = total * target[k];
                double next = wanted > cum[k] + slack ? wanted : cum[k];
                if (next != cum[k]) raised = true;
                cum[k] = Math.Max(next, cum[k + 1]);
            }
            if (!raised) continue;
            for (int e = 1; e < Levels; e++) regionSexBlock[e * AgeCount + a] = cum[e] - cum[e + 1];
            regionSexBlock[a] = total - cum[1];
        }
    }

    /// <summary>
    /// The rule written literally in shares (C′ₖ = max(Cₖ, Tₖ), P′ₑ = N(C′ₑ − C′ₑ₊₁)), with no slack: the reference
    /// <see cref="Apply"/> is tested against.
    /// </summary>
    internal static void ApplyReference(Span<double> block, ReadOnlySpan<double> target)
    {
        for (int a = FirstAge; a <= LastAge; a++)
        {
            double total = 0;
            for (int e = 0; e < Levels; e++) total += block[e * AgeCount + a];
            if (total <= 0) continue;
            var c = new double[Levels + 1];
            for (int k = 0; k < Levels; k++)
            {
                double s = 0;
                for (int e = k; e < Levels; e++) s += block[e * AgeCount + a];
                c[k] = Math.Max(s / total, k == 0 ? 1.0 : target[a * Levels + k]);
            }
            c[0] = 1.0;
            for (int e = 0; e < Levels; e++) block[e * AgeCount + a] = total * (c[e] - c[e + 1]);
        }
    }

    /// <summary>Length of a target span in the level-major layout <see cref="ApplyLevelMajor"/> reads: [level 0..5][age 15..34].</summary>
    internal const int LevelMajorTargetLength = Levels * (LastAge - FirstAge + 1);

    /// <summary>Rewrites targets from [age 0..100][level] to the level-major layout [level][age 15..34].</summary>
    internal static void ToLevelMajor(ReadOnlySpan<double> targetAtOrAbove, Span<double> levelMajor)
    {
        const int ages = LastAge - FirstAge + 1;
        for (int k = 0; k < Levels; k++)
        {
            for (int a = FirstAge; a <= LastAge; a++) levelMajor[k * ages + a - FirstAge] = targetAtOrAbove[a * Levels + k];
        }
    }

    /// <summary>
    /// <see cref="Apply"/> with <see cref="Vector{T}"/> lanes over ages: the same operations in the
    /// same order per age, so the results are identical; the year loop calls this one.
    /// </summary>
    /// <param name="block">One (region, sex) block, [education 6][age 101].</param>
    /// <param name="levelMajor">Targets in the layout of <see cref="ToLevelMajor"/>.</param>
    internal static void ApplyLevelMajor(Span<double> block, ReadOnlySpan<double> levelMajor)
    {
        if (block.Length != PopulationShape.CellsPerSex || levelMajor.Length != LevelMajorTargetLength)
        {
            throw new ArgumentException("a (region, sex) block and level-major targets expected");
        }
        // The six levels are unrolled into locals (cₖ is cum[k] of Apply, c₆ = 0) so they stay in registers.
        int width = Vector<double>.Count;
        ref double p = ref MemoryMarshal.GetReference(block);
        ref double target = ref MemoryMarshal.GetReference(levelMajor);
        int a = FirstAge;
        for (; a + width <= LastAge + 1; a += width)
        {
            var c5 = Vector<double>.Zero + Load(ref p, 5, a);
            var c4 = c5 + Load(ref p, 4, a);
            var c3 = c4 + Load(ref p, 3, a);
            var c2 = c3 + Load(ref p, 2, a);
            var c1 = c2 + Load(ref p, 1, a);
            var total = c1 + Load(ref p, 0, a);
            var slack = total * RelativeSlack;
            var raised = Vector<long>.Zero;
            c5 = Lift(c5, Vector<double>.Zero, total, slack, Target(ref target, 5, a), ref raised);
            c4 = Lift(c4, c5, total, slack, Target(ref target, 4, a), ref raised);
            c3 = Lift(c3, c4, total, slack, Target(ref target, 3, a), ref raised);
            c2 = Lift(c2, c3, total, slack, Target(ref target, 2, a), ref raised);
            c1 = Lift(c1, c2, total, slack, Target(ref target, 1, a), ref raised);
            if (raised == Vector<long>.Zero) continue;
            var keep = Vector.AsVectorDouble(raised);
            Store(ref p, 1, a, keep, c1 - c2);
            Store(ref p, 2, a, keep, c2 - c3);
            Store(ref p, 3, a, keep, c3 - c4);
            Store(ref p, 4, a, keep, c4 - c5);
            Store(ref p, 5, a, keep, c5 - Vector<double>.Zero);
            Store(ref p, 0, a, keep, total - c1);
        }
        for (; a <= LastAge; a++) ApplyOneAge(block, levelMajor, a);
    }

    private static Vector<double> Load(ref double block, int level, int age) => Vector.LoadUnsafe(ref block, (nuint)(level * AgeCount + age));

    private static Vector<double> Target(ref double levelMajor, int level, int age) =>
        Vector.LoadUnsafe(ref levelMajor, (nuint)(level * (LastAge - FirstAge + 1) + age - FirstAge));

    /// <summary>One level k of the rule: max(cₖ, or the target count when it is above cₖ by more than the slack; cₖ₊₁).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Lift(Vector<double> cum, Vector<double> above, Vector<double> total, Vector<double> slack, Vector<double> target,
        ref Vector<long> raised)
    {
        var wanted = total * target;
        var next = Vector.ConditionalSelect(Vector.GreaterThan(wanted, cum + slack), wanted, cum);
        raised |= ~Vector.Equals(next, cum);
        return Vector.MaxNative(next, above); // as Math.Max for the counts here (no NaN, no −0), in one instruction
    }

    private static void Store(ref double block, int level, int age, Vector<double> keep, Vector<double> value)
    {
        ref double at = ref Unsafe.Add(ref block, level * AgeCount + age);
        Vector.ConditionalSelect(keep, value, Vector.LoadUnsafe(ref at)).StoreUnsafe(ref at);
    }

    private static void ApplyOneAge(Span<double> block, ReadOnlySpan<double> levelMajor, int a)
    {
        const int ages = LastAge - FirstAge + 1;
        Span<double> cum = stackalloc double[Levels + 1];
        cum[Levels] = 0;
        for (int e = Levels - 1; e >= 0; e--) cum[e] = cum[e + 1] + block[e * AgeCount + a];
        double total = cum[0];
        if (!(total > 0)) return;
        double slack = RelativeSlack * total;
        bool raised = false;
        for (int k = Levels - 1; k >= 1; k--)
        {
            double wanted = total * levelMajor[k * ages + a - FirstAge];
            double next = wanted > cum[k] + slack ? wanted : cum[k];
            if (next != cum[k]) raised = true;
            cum[k] = Math.Max(next, cum[k + 1]);
        }
        if (!raised) return;
        for (int e = 1; e < Levels; e++) block[e * AgeCount + a] = cum[e] - cum[e + 1];
        block[a] = total - cum[1];
    }
}
