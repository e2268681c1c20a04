using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// The year step's inner loops, each fusing what would otherwise be several passes over a (region, sex) block of
/// [education][age] into one, with <see cref="Vector{T}"/> lanes over ages and a scalar tail per run. Each kernel
/// has a plain counterpart in the tests (ScalarReferenceProjector) that it must agree with.
/// </summary>
internal static class ProjectionKernels
{
    private const int A = Ages.Count;
    private const int Runs = EducationLevels.Count;

    /// <summary>
    /// Ages a block by one year: to[a+1] = from[a]·S[a] (a ≤ 98), to[100] = (from[99] + from[100])·S[99], to[0] = 0;
    /// returns the deaths Σ from·(1 − S) and the births Σ from·w (w = birth weights, empty for males), and adds the
    /// survivors to the national block.
    /// </summary>
    public static void Survive(ReadOnlySpan<double> from, Span<double> to, ReadOnlySpan<double> survival, ReadOnlySpan<double> deathShare,
        ReadOnlySpan<double> birthWeight, Span<double> national, out double deaths, out double births)
    {
        int width = Vector<double>.Count;
        var deathSum = Vector<double>.Zero;
        var birthSum = Vector<double>.Zero;
        double deathTail = 0, birthTail = 0;
        bool withBirths = !birthWeight.IsEmpty;
        ref double s0 = ref MemoryMarshal.GetReference(survival);
        ref double d0 = ref MemoryMarshal.GetReference(deathShare);
        ref double w0 = ref withBirths ? ref MemoryMarshal.GetReference(birthWeight) : ref Unsafe.NullRef<double>();
        for (int run = 0; run < Runs * A; run += A)
        {
            ref double f = ref Unsafe.Add(ref MemoryMarshal.GetReference(from), run);
            ref double t = ref Unsafe.Add(ref MemoryMarshal.GetReference(to), run);
            int a = 0;
            for (; a + width <= A - 1; a += width)
            {
                var x = Vector.LoadUnsafe(ref f, (nuint)a);
                (x * Vector.LoadUnsafe(ref s0, (nuint)a)).StoreUnsafe(ref t, (nuint)(a + 1));
                deathSum += x * Vector.LoadUnsafe(ref d0, (nuint)a);
                if (withBirths) birthSum += x * Vector.LoadUnsafe(ref w0, (nuint)a);
            }
            for (; a < A - 1; a++)
            {
                double x = Unsafe.Add(ref f, a);
                Unsafe.Add(ref t, a + 1) = x * Unsafe.Add(ref s0, a);
                deathTail += x * Unsafe.Add(ref d0, a);
                if (withBirths) birthTail += x * Unsafe.Add(ref w0, a);
            }
            double open = Unsafe.Add(ref f, A - 1);
            Unsafe.Add(ref t, A - 1) += open * Unsafe.Add(ref s0, A - 2);
            deathTail += open * Unsafe.Add(ref d0, A - 1);
            if (withBirths) birthTail += open * Unsafe.Add(ref w0, A - 1);
            t = 0;
        }
        deaths = Vector.Sum(deathSum) + deathTail;
        births = Vector.Sum(birthSum) + birthTail;
        System.Numerics.Tensors.TensorPrimitives.Add(national, to, national);
    }

    /// <summary>sent[e][a] −= sending[a] · open[a] · block[e][a]: what a region's senders send, by education and age.</summary>
    public static void Send(ReadOnlySpan<double> block, ReadOnlySpan<double> sendingRates, ReadOnlySpan<double> open, Span<double> sent)
    {
        int width = Vector<double>.Count;
        ref double o = ref MemoryMarshal.GetReference(open);
        ref double r = ref MemoryMarshal.GetReference(sendingRates);
        for (int run = 0; run < Runs * A; run += A)
        {
            ref double p = ref Unsafe.Add(ref MemoryMarshal.GetReference(block), run);
            ref double s = ref Unsafe.Add(ref MemoryMarshal.GetReference(sent), run);
            int a = 0;
            for (; a + width <= A; a += width)
            {
                var v = Vector.LoadUnsafe(ref s, (nuint)a) - Vector.LoadUnsafe(ref r, (nuint)a) * Vector.LoadUnsafe(ref o, (nuint)a) * Vector.LoadUnsafe(ref p, (nuint)a);
                v.StoreUnsafe(ref s, (nuint)a);
            }
            for (; a < A; a++) Unsafe.Add(ref s, a) -= Unsafe.Add(ref r, a) * Unsafe.Add(ref o, a) * Unsafe.Add(ref p, a);
        }
    }

    /// <summary>
    /// Finishes a block: flow = sending[a]·open[a]·P + sentPerCapacity·capacity[a] (between provinces), then P ← (P + flow)·f
    /// (international migration). Returns the net international migrants Σ (f − 1)·P and the net inter-provincial
    /// migrants Σ f·flow. Without migration between provinces pass empty spans for the flow inputs.
    /// </summary>
    public static void Migrate(Span<double> block, ReadOnlySpan<double> factor, ReadOnlySpan<double> sendingRates, ReadOnlySpan<double> open,
        ReadOnlySpan<double> sentPerCapacity, ReadOnlySpan<double> capacity, out double international, out double interprovincial)
    {
        int width = Vector<double>.Count;
        bool flows = !sendingRates.IsEmpty;
        var intlSum = Vector<double>.Zero;
        var interSum = Vector<double>.Zero;
        double intlTail = 0, interTail = 0;
        ref double f = ref MemoryMarshal.GetReference(factor);
        ref double o = ref flows ? ref MemoryMarshal.GetReference(open) : ref Unsafe.NullRef<double>();
        ref double c = ref flows ? ref MemoryMarshal.GetReference(capacity) : ref Unsafe.NullRef<double>();
        ref double r = ref flows ? ref MemoryMarshal.GetReference(sendingRates) : ref Unsafe.NullRef<double>();
        for (int run = 0; run < Runs * A; run += A)
        {
            ref double p = ref Unsafe.Add(ref MemoryMarshal.GetReference(block), run);
            ref double s = ref flows ? ref Unsafe.Add(ref MemoryMarshal.GetReference(sentPerCapacity), run) : ref Unsafe.NullRef<double>();
            int a = 0;
            for (; a + width <= A; a += width)
            {
                var x = Vector.LoadUnsafe(ref p, (nuint)a);
                var fa = Vector.LoadUnsafe(ref f, (nuint)a);
                intlSum += x * (fa - Vector<double>.One);
                if (flows)
                {
                    var flow = Vector.LoadUnsafe(ref r, (nuint)a) * Vector.LoadUnsafe(ref o, (nuint)a) * x
                               + Vector.LoadUnsafe(ref s, (nuint)a) * Vector.LoadUnsafe(ref c, (nuint)a);
                    interSum += flow * fa;
                    x += flow;
                }
                (x * fa).StoreUnsafe(ref p, (nuint)a);
            }
            for (; a < A; a++)
            {
                double x = Unsafe.Add(ref p, a);
                double fa = Unsafe.Add(ref f, a);
                intlTail += x * (fa - 1);
                if (flows)
                {
                    double flow = Unsafe.Add(ref r, a) * Unsafe.Add(ref o, a) * x + Unsafe.Add(ref s, a) * Unsafe.Add(ref c, a);
                    interTail += flow * fa;
                    x += flow;
                }
                Unsafe.Add(ref p, a) = x * fa;
            }
        }
        international = Vector.Sum(intlSum) + intlTail;
        interprovincial = Vector.Sum(interSum) + interTail;
    }
}
