using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// The year step's inner loops, each fusing what would otherwise be several passes over a (region, sex) block of
/// [education][age] into one. Lanes of <see cref="Vector{T}"/> run over ages; for each group of ages the per-age
/// rates are loaded once and applied to all six education runs, which keeps loads, the bottleneck here, near one
/// per cell. Each kernel has a plain counterpart in the tests (ScalarReferenceProjector) that it must agree with.
/// </summary>
internal static class ProjectionKernels
{
    private const int A = Ages.Count;
    private const int Runs = EducationLevels.Count;
    // Survive and Migrate write the six education levels out: this stops the build if their number changes.
    private const int SixLevelsWrittenOut = 1 / (Runs == 6 ? 1 : 0);

    /// <summary>
    /// One (region, sex) block of <see cref="Survive"/>: its persons of the year (<see cref="From"/>, [education][age]),
    /// where the survivors go (<see cref="To"/>), the cohort sums and the sending rates (both empty without migration
    /// between provinces); <see cref="Survive"/> sets the deaths and births.
    /// </summary>
    public ref struct SurvivingBlock
    {
        /// <summary>The block's persons of the year, [education][age].</summary>
        public ReadOnlySpan<double> From;

        /// <summary>The block of the next year, where the survivors go.</summary>
        public Span<double> To;

        /// <summary>The survivors' sum over education levels by age (empty: not wanted).</summary>
        public Span<double> Cohort;

        /// <summary>The block's sending rates by age (empty: no migration between provinces).</summary>
        public ReadOnlySpan<double> SendingRates;

        /// <summary>Set by <see cref="Survive"/>: Σ from·(1 − S).</summary>
        public double Deaths;

        /// <summary>Set by <see cref="Survive"/>: Σ from·w.</summary>
        public double Births;
    }

    /// <summary>
    /// Ages a block by one year: to[a+1] = from[a]·S[a] (a ≤ 98), to[100] = (from[99] + from[100])·S[99], to[0] = 0;
    /// sets the deaths Σ from·(1 − S) and the births Σ from·w (w = birth weights, empty for males); adds the survivors'
    /// sum over education levels by age to <paramref name="national"/> and, when the block's cohort is not empty, writes
    /// it there (age 0 is left at 0 for the caller's births). With migration between provinces (sending rates not empty)
    /// it also subtracts what the survivors would send, sent[e][a] −= sending[a] · to[e][a], so that no other pass over
    /// the block is needed for it. With a <paramref name="second"/> block (of the same sex; empty: none) both are done in
    /// the same lanes, and <paramref name="national"/> and <paramref name="sent"/> are read and written once for the two
    /// (each block's terms added as two calls would add them, except at age 100, where the second block's lanes come before
    /// the first's open interval).
    /// </summary>
    public static void Survive(ref SurvivingBlock first, ref SurvivingBlock second, ReadOnlySpan<double> survival, ReadOnlySpan<double> deathShare,
        ReadOnlySpan<double> birthWeight, Span<double> national, Span<double> sent)
    {
        if (second.From.IsEmpty) SurviveBlocks<FlagOff>(ref first, ref first, survival, deathShare, birthWeight, national, sent);
        else SurviveBlocks<FlagOn>(ref first, ref second, survival, deathShare, birthWeight, national, sent);
    }

    /// <summary><see cref="Survive"/> on one block or, with <typeparamref name="TTwoBlocks"/> on, two (a loop compiled for each case).</summary>
    private static void SurviveBlocks<TTwoBlocks>(ref SurvivingBlock first, ref SurvivingBlock second, ReadOnlySpan<double> survival,
        ReadOnlySpan<double> deathShare, ReadOnlySpan<double> birthWeight, Span<double> national, Span<double> sent)
        where TTwoBlocks : struct, ILoopFlag
    {
        int width = Vector<double>.Count;
        Vector<double> deathSum = Vector<double>.Zero, birthSum = Vector<double>.Zero;
        Vector<double> deathSumB = Vector<double>.Zero, birthSumB = Vector<double>.Zero;
        bool withBirths = !birthWeight.IsEmpty;
        bool withCohort = !first.Cohort.IsEmpty;
        bool sending = !first.SendingRates.IsEmpty;
        ref double f0 = ref MemoryMarshal.GetReference(first.From);
        ref double t0 = ref MemoryMarshal.GetReference(first.To);
        ref double c0 = ref withCohort ? ref MemoryMarshal.GetReference(first.Cohort) : ref Unsafe.NullRef<double>();
        ref double r0 = ref sending ? ref MemoryMarshal.GetReference(first.SendingRates) : ref Unsafe.NullRef<double>();
        ref double f1 = ref MemoryMarshal.GetReference(second.From);
        ref double t1 = ref MemoryMarshal.GetReference(second.To);
        ref double c1 = ref withCohort ? ref MemoryMarshal.GetReference(second.Cohort) : ref Unsafe.NullRef<double>();
        ref double r1 = ref sending ? ref MemoryMarshal.GetReference(second.SendingRates) : ref Unsafe.NullRef<double>();
        ref double n0 = ref MemoryMarshal.GetReference(national);
        ref double s0 = ref MemoryMarshal.GetReference(survival);
        ref double d0 = ref MemoryMarshal.GetReference(deathShare);
        ref double w0 = ref withBirths ? ref MemoryMarshal.GetReference(birthWeight) : ref Unsafe.NullRef<double>();
        ref double e0 = ref sending ? ref MemoryMarshal.GetReference(sent) : ref Unsafe.NullRef<double>();
        int a = 0;
        for (; a + width <= A - 1; a += width)
        {
            var s = Vector.LoadUnsafe(ref s0, (nuint)a);
            var d = Vector.LoadUnsafe(ref d0, (nuint)a);
            var w = withBirths ? Vector.LoadUnsafe(ref w0, (nuint)a) : default;
            nuint at = (nuint)a;
            var sum = SurviveLanes(ref f0, ref t0, at, s, out var entering, out var y0, out var y1, out var y2, out var y3, out var y4, out var y5);
            deathSum += entering * d;
            if (withBirths) birthSum += entering * w;
            var national1 = Vector.LoadUnsafe(ref n0, at + 1) + sum;
            if (withCohort) sum.StoreUnsafe(ref c0, at + 1);
            if (TTwoBlocks.On)
            {
                var sumB = SurviveLanes(ref f1, ref t1, at, s, out var enteringB, out var z0, out var z1, out var z2, out var z3, out var z4, out var z5);
                deathSumB += enteringB * d;
                if (withBirths) birthSumB += enteringB * w;
                national1 += sumB;
                if (withCohort) sumB.StoreUnsafe(ref c1, at + 1);
                if (sending)
                {
                    var rate = Vector.LoadUnsafe(ref r0, at + 1);
                    var rateB = Vector.LoadUnsafe(ref r1, at + 1);
                    Send(ref e0, at + 1, rate, y0, rateB, z0);
                    Send(ref e0, at + 1 + A, rate, y1, rateB, z1);
                    Send(ref e0, at + 1 + 2 * A, rate, y2, rateB, z2);
                    Send(ref e0, at + 1 + 3 * A, rate, y3, rateB, z3);
                    Send(ref e0, at + 1 + 4 * A, rate, y4, rateB, z4);
                    Send(ref e0, at + 1 + 5 * A, rate, y5, rateB, z5);
                }
            }
            else if (sending)
            {
                var rate = Vector.LoadUnsafe(ref r0, at + 1);
                Send(ref e0, at + 1, rate, y0);
                Send(ref e0, at + 1 + A, rate, y1);
                Send(ref e0, at + 1 + 2 * A, rate, y2);
                Send(ref e0, at + 1 + 3 * A, rate, y3);
                Send(ref e0, at + 1 + 4 * A, rate, y4);
                Send(ref e0, at + 1 + 5 * A, rate, y5);
            }
            national1.StoreUnsafe(ref n0, at + 1);
        }
        first.Deaths = Vector.Sum(deathSum);
        first.Births = Vector.Sum(birthSum);
        SurviveTail(ref first, a, survival, deathShare, birthWeight, national, sent);
        if (TTwoBlocks.On)
        {
            second.Deaths = Vector.Sum(deathSumB);
            second.Births = Vector.Sum(birthSumB);
            SurviveTail(ref second, a, survival, deathShare, birthWeight, national, sent);
        }
    }

    /// <summary>The ages of <see cref="Survive"/> from <paramref name="from"/> up that the lanes left, the open interval 100+ and age 0, for one block.</summary>
    private static void SurviveTail(ref SurvivingBlock block, int from, ReadOnlySpan<double> survival, ReadOnlySpan<double> deathShare,
        ReadOnlySpan<double> birthWeight, Span<double> national, Span<double> sent)
    {
        bool withBirths = !birthWeight.IsEmpty;
        bool withCohort = !block.Cohort.IsEmpty;
        bool sending = !block.SendingRates.IsEmpty;
        double deathTail = 0, birthTail = 0;
        for (int b = from; b < A - 1; b++)
        {
            double s = survival[b], sum = 0;
            for (int run = 0; run < Runs * A; run += A)
            {
                double x = block.From[run + b];
                double y = x * s;
                block.To[run + b + 1] = y;
                if (sending) sent[run + b + 1] -= block.SendingRates[b + 1] * y;
                sum += y;
                deathTail += x * deathShare[b];
                if (withBirths) birthTail += x * birthWeight[b];
            }
            national[b + 1] += sum;
            if (withCohort) block.Cohort[b + 1] = sum;
        }
        double openSurvival = survival[A - 2];
        for (int run = 0; run < Runs * A; run += A)
        {
            double open = block.From[run + A - 1];
            double y = open * openSurvival;
            block.To[run + A - 1] += y;
            national[A - 1] += y;
            if (sending) sent[run + A - 1] -= block.SendingRates[A - 1] * y;
            if (withCohort) block.Cohort[A - 1] += y;
            deathTail += open * deathShare[A - 1];
            if (withBirths) birthTail += open * birthWeight[A - 1];
            block.To[run] = 0;
        }
        if (withCohort) block.Cohort[0] = 0;
        block.Deaths += deathTail;
        block.Births += birthTail;
    }

    /// <summary>The six education levels' lanes of one block in <see cref="Survive"/>: the survivors y = x·S, stored one age up; returns their sum over the levels (and the persons' sum, <paramref name="entering"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SurviveLanes(ref double from, ref double to, nuint at, Vector<double> survival, out Vector<double> entering,
        out Vector<double> y0, out Vector<double> y1, out Vector<double> y2, out Vector<double> y3, out Vector<double> y4, out Vector<double> y5)
    {
        // The six education levels written out (a loop of six costs as much again in its own bookkeeping).
        y0 = SurviveLane(ref from, ref to, at, survival, out var x0);
        y1 = SurviveLane(ref from, ref to, at + A, survival, out var x1);
        y2 = SurviveLane(ref from, ref to, at + 2 * A, survival, out var x2);
        y3 = SurviveLane(ref from, ref to, at + 3 * A, survival, out var x3);
        y4 = SurviveLane(ref from, ref to, at + 4 * A, survival, out var x4);
        y5 = SurviveLane(ref from, ref to, at + 5 * A, survival, out var x5);
        entering = (x0 + x1) + (x2 + x3) + (x4 + x5);
        return (y0 + y1) + (y2 + y3) + (y4 + y5); // over education levels, by age
    }

    /// <summary>One education level's lanes of <see cref="SurviveLanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SurviveLane(ref double from, ref double to, nuint at, Vector<double> survival, out Vector<double> x)
    {
        x = Vector.LoadUnsafe(ref from, at);
        var y = x * survival;
        y.StoreUnsafe(ref to, at + 1);
        return y;
    }

    /// <summary>What one block's survivors would send, subtracted from the senders' pool: sent −= rate · y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Send(ref double sent, nuint at, Vector<double> rate, Vector<double> y) =>
        (Vector.LoadUnsafe(ref sent, at) - rate * y).StoreUnsafe(ref sent, at);

    /// <summary>What two blocks' survivors would send, the first's subtracted first (as two calls would): sent −= rate · y, then −= rateB · z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Send(ref double sent, nuint at, Vector<double> rate, Vector<double> y, Vector<double> rateB, Vector<double> z) =>
        (Vector.LoadUnsafe(ref sent, at) - rate * y - rateB * z).StoreUnsafe(ref sent, at);

    /// <summary>Lanes of one education level in <see cref="Migrate"/>: flow = rate·x + sent·capacity, then x ← (x + flow)·f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> MigrateLanes(ref double block, ref double sentPerCapacity, nuint at, Vector<double> rate, Vector<double> capacity,
        Vector<double> factor, out Vector<double> flow)
    {
        var x = Vector.LoadUnsafe(ref block, at);
        flow = rate * x + Vector.LoadUnsafe(ref sentPerCapacity, at) * capacity;
        ((x + flow) * factor).StoreUnsafe(ref block, at);
        return x;
    }

    /// <summary>
    /// Finishes a block: flow = sending[a]·open[a]·P + sentPerCapacity·capacity[a] (between provinces), then
    /// P ← (P + flow)·f[a] (international migration). Returns the net international migrants Σ (f − 1)·P and the net
    /// inter-provincial migrants Σ f·flow. Without migration between provinces pass empty spans for the flow inputs.
    /// </summary>
    public static void Migrate(Span<double> block, ReadOnlySpan<double> factor, ReadOnlySpan<double> sendingRates, ReadOnlySpan<double> open,
        ReadOnlySpan<double> sentPerCapacity, ReadOnlySpan<double> capacity, out double international, out double interprovincial)
    {
        int width = Vector<double>.Count;
        bool flows = !sendingRates.IsEmpty;
        var intlSum = Vector<double>.Zero;
        var interSum = Vector<double>.Zero;
        double intlTail = 0, interTail = 0;
        ref double p0 = ref MemoryMarshal.GetReference(block);
        ref double f0 = ref MemoryMarshal.GetReference(factor);
        ref double o0 = ref flows ? ref MemoryMarshal.GetReference(open) : ref Unsafe.NullRef<double>();
        ref double c0 = ref flows ? ref MemoryMarshal.GetReference(capacity) : ref Unsafe.NullRef<double>();
        ref double r0 = ref flows ? ref MemoryMarshal.GetReference(sendingRates) : ref Unsafe.NullRef<double>();
        ref double s0 = ref flows ? ref MemoryMarshal.GetReference(sentPerCapacity) : ref Unsafe.NullRef<double>();
        int a = 0;
        for (; a + width <= A; a += width)
        {
            var fa = Vector.LoadUnsafe(ref f0, (nuint)a);
            var gain = fa - Vector<double>.One;
            if (flows)
            {
                var rate = Vector.LoadUnsafe(ref r0, (nuint)a) * Vector.LoadUnsafe(ref o0, (nuint)a);
                var cap = Vector.LoadUnsafe(ref c0, (nuint)a);
                nuint at = (nuint)a; // the six education levels written out, as in Survive
                var x0 = MigrateLanes(ref p0, ref s0, at, rate, cap, fa, out var flow0);
                var x1 = MigrateLanes(ref p0, ref s0, at + A, rate, cap, fa, out var flow1);
                var x2 = MigrateLanes(ref p0, ref s0, at + 2 * A, rate, cap, fa, out var flow2);
                var x3 = MigrateLanes(ref p0, ref s0, at + 3 * A, rate, cap, fa, out var flow3);
                var x4 = MigrateLanes(ref p0, ref s0, at + 4 * A, rate, cap, fa, out var flow4);
                var x5 = MigrateLanes(ref p0, ref s0, at + 5 * A, rate, cap, fa, out var flow5);
                var persons = (x0 + x1) + (x2 + x3) + (x4 + x5); // over education levels, by age
                var moved = (flow0 + flow1) + (flow2 + flow3) + (flow4 + flow5);
                intlSum += persons * gain;
                interSum += moved * fa;
            }
            else
            {
                var persons = Vector<double>.Zero;
                for (int run = 0; run < Runs * A; run += A)
                {
                    var x = Vector.LoadUnsafe(ref p0, (nuint)(run + a));
                    persons += x;
                    (x * fa).StoreUnsafe(ref p0, (nuint)(run + a));
                }
                intlSum += persons * gain;
            }
        }
        for (; a < A; a++)
        {
            double fa = Unsafe.Add(ref f0, a);
            double rate = flows ? Unsafe.Add(ref r0, a) * Unsafe.Add(ref o0, a) : 0;
            double cap = flows ? Unsafe.Add(ref c0, a) : 0;
            for (int run = 0; run < Runs * A; run += A)
            {
                double x = Unsafe.Add(ref p0, run + a);
                intlTail += x * (fa - 1);
                if (flows)
                {
                    double flow = rate * x + Unsafe.Add(ref s0, run + a) * cap;
                    interTail += flow * fa;
                    x += flow;
                }
                Unsafe.Add(ref p0, run + a) = x * fa;
            }
        }
        international = Vector.Sum(intlSum) + intlTail;
        interprovincial = Vector.Sum(interSum) + interTail;
    }

    /// <summary>Whether <see cref="Stream"/> writes with non-temporal stores (x86); elsewhere it is a plain copy.</summary>
    public static bool StreamsNonTemporally => Sse2.IsSupported;

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> with non-temporal stores: the cache lines go
    /// to memory without first being read from it (a normal store to cold memory reads the line in, for ownership,
    /// before overwriting it) and without evicting the working set from the caches. The destination is only 8-byte
    /// aligned (a managed array), so the cells before its first and after its last whole aligned vector are stored
    /// normally. The stores are weakly ordered: call <see cref="Sse.StoreFence"/> before another thread reads them.
    /// </summary>
    public static unsafe void Stream(ReadOnlySpan<double> source, Span<double> destination)
    {
        int n = source.Length;
        if (destination.Length < n) throw new ArgumentException("the destination is shorter than the source", nameof(destination));
        fixed (double* from = source)
        fixed (double* to = destination)
        {
            int i = 0;
            if (Avx512F.IsSupported)
            {
                for (; i < n && ((nuint)(to + i) & 63) != 0; i++) to[i] = from[i];
                for (; i + 8 <= n; i += 8) Avx512F.StoreAlignedNonTemporal(to + i, Avx512F.LoadVector512(from + i));
            }
            else if (Avx.IsSupported)
            {
                for (; i < n && ((nuint)(to + i) & 31) != 0; i++) to[i] = from[i];
                for (; i + 4 <= n; i += 4) Avx.StoreAlignedNonTemporal(to + i, Avx.LoadVector256(from + i));
            }
            else if (Sse2.IsSupported)
            {
                for (; i < n && ((nuint)(to + i) & 15) != 0; i++) to[i] = from[i];
                for (; i + 2 <= n; i += 2) Sse2.StoreAlignedNonTemporal(to + i, Sse2.LoadVector128(from + i));
            }
            for (; i < n; i++) to[i] = from[i];
        }
    }
}
