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
    /// Ages a block by one year: to[a+1] = from[a]·S[a] (a ≤ 98), to[100] = (from[99] + from[100])·S[99], to[0] = 0;
    /// returns the deaths Σ from·(1 − S) and the births Σ from·w (w = birth weights, empty for males); adds the
    /// survivors' sum over education levels by age to <paramref name="national"/> and, when <paramref name="cohort"/> is
    /// not empty, writes it there (age 0 is left at 0 for the caller's births). With migration between provinces
    /// (<paramref name="sendingRates"/> not empty) it also subtracts what the survivors would send,
    /// sent[e][a] −= sending[a] · to[e][a], so that no other pass over the block is needed for it.
    /// </summary>
    public static void Survive(ReadOnlySpan<double> from, Span<double> to, ReadOnlySpan<double> survival, ReadOnlySpan<double> deathShare,
        ReadOnlySpan<double> birthWeight, Span<double> national, Span<double> cohort, ReadOnlySpan<double> sendingRates, Span<double> sent,
        out double deaths, out double births)
    {
        int width = Vector<double>.Count;
        var deathSum = Vector<double>.Zero;
        var birthSum = Vector<double>.Zero;
        double deathTail = 0, birthTail = 0;
        bool withBirths = !birthWeight.IsEmpty;
        bool withCohort = !cohort.IsEmpty;
        ref double f0 = ref MemoryMarshal.GetReference(from);
        ref double t0 = ref MemoryMarshal.GetReference(to);
        ref double n0 = ref MemoryMarshal.GetReference(national);
        ref double c0 = ref withCohort ? ref MemoryMarshal.GetReference(cohort) : ref Unsafe.NullRef<double>();
        ref double s0 = ref MemoryMarshal.GetReference(survival);
        ref double d0 = ref MemoryMarshal.GetReference(deathShare);
        ref double w0 = ref withBirths ? ref MemoryMarshal.GetReference(birthWeight) : ref Unsafe.NullRef<double>();
        bool sending = !sendingRates.IsEmpty;
        ref double r0 = ref sending ? ref MemoryMarshal.GetReference(sendingRates) : ref Unsafe.NullRef<double>();
        ref double e0 = ref sending ? ref MemoryMarshal.GetReference(sent) : ref Unsafe.NullRef<double>();
        int a = 0;
        for (; a + width <= A - 1; a += width)
        {
            var s = Vector.LoadUnsafe(ref s0, (nuint)a);
            var d = Vector.LoadUnsafe(ref d0, (nuint)a);
            var w = withBirths ? Vector.LoadUnsafe(ref w0, (nuint)a) : default;
            var rate = sending ? Vector.LoadUnsafe(ref r0, (nuint)(a + 1)) : Vector<double>.Zero;
            // The six education levels written out (a loop of six costs as much again in its own bookkeeping).
            nuint at = (nuint)a;
            var y0 = SurviveLanes(ref f0, ref t0, ref e0, at, s, rate, sending, out var x0);
            var y1 = SurviveLanes(ref f0, ref t0, ref e0, at + A, s, rate, sending, out var x1);
            var y2 = SurviveLanes(ref f0, ref t0, ref e0, at + 2 * A, s, rate, sending, out var x2);
            var y3 = SurviveLanes(ref f0, ref t0, ref e0, at + 3 * A, s, rate, sending, out var x3);
            var y4 = SurviveLanes(ref f0, ref t0, ref e0, at + 4 * A, s, rate, sending, out var x4);
            var y5 = SurviveLanes(ref f0, ref t0, ref e0, at + 5 * A, s, rate, sending, out var x5);
            var sum = (y0 + y1) + (y2 + y3) + (y4 + y5); // over education levels, by age
            var entering = (x0 + x1) + (x2 + x3) + (x4 + x5);
            deathSum += entering * d;
            if (withBirths) birthSum += entering * w;
            (Vector.LoadUnsafe(ref n0, (nuint)(a + 1)) + sum).StoreUnsafe(ref n0, (nuint)(a + 1));
            if (withCohort) sum.StoreUnsafe(ref c0, (nuint)(a + 1));
        }
        for (int b = a; b < A - 1; b++)
        {
            double s = Unsafe.Add(ref s0, b), sum = 0;
            for (int run = 0; run < Runs * A; run += A)
            {
                double x = Unsafe.Add(ref f0, run + b);
                double y = x * s;
                Unsafe.Add(ref t0, run + b + 1) = y;
                if (sending) Unsafe.Add(ref e0, run + b + 1) -= Unsafe.Add(ref r0, b + 1) * y;
                sum += y;
                deathTail += x * Unsafe.Add(ref d0, b);
                if (withBirths) birthTail += x * Unsafe.Add(ref w0, b);
            }
            Unsafe.Add(ref n0, b + 1) += sum;
            if (withCohort) Unsafe.Add(ref c0, b + 1) = sum;
        }
        double openSurvival = Unsafe.Add(ref s0, A - 2);
        for (int run = 0; run < Runs * A; run += A)
        {
            double open = Unsafe.Add(ref f0, run + A - 1);
            double y = open * openSurvival;
            Unsafe.Add(ref t0, run + A - 1) += y;
            Unsafe.Add(ref n0, A - 1) += y;
            if (sending) Unsafe.Add(ref e0, run + A - 1) -= Unsafe.Add(ref r0, A - 1) * y;
            if (withCohort) Unsafe.Add(ref c0, A - 1) += y;
            deathTail += open * Unsafe.Add(ref d0, A - 1);
            if (withBirths) birthTail += open * Unsafe.Add(ref w0, A - 1);
            Unsafe.Add(ref t0, run) = 0;
        }
        if (withCohort) c0 = 0;
        deaths = Vector.Sum(deathSum) + deathTail;
        births = Vector.Sum(birthSum) + birthTail;
    }

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

    /// <summary>Lanes of one education level in <see cref="Survive"/>: the survivors y = x·S, stored one age up, and what they would send.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SurviveLanes(ref double from, ref double to, ref double sent, nuint at, Vector<double> survival, Vector<double> rate,
        bool sending, out Vector<double> x)
    {
        x = Vector.LoadUnsafe(ref from, at);
        var y = x * survival;
        y.StoreUnsafe(ref to, at + 1);
        if (sending) (Vector.LoadUnsafe(ref sent, at + 1) - rate * y).StoreUnsafe(ref sent, at + 1);
        return y;
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
