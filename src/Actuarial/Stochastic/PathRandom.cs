using System.Runtime.CompilerServices;

namespace Actuarial.Stochastic;

/// <summary>
/// The random stream of one Monte Carlo path: xoshiro256** (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom
/// number generators") whose 256-bit state is filled by SplitMix64 (Steele, Lea &amp; Flood 2014) from a hash of
/// (seed, path index). Every path owns its stream, derived from nothing but those two numbers, so a run gives the
/// same results bit for bit whatever the number of threads, the order paths run in, or how the paths are split into
/// shards.
/// </summary>
/// <remarks>
/// <para>Derivation: h = mix(seed ⊕ mix(pathIndex + γ)), with mix the SplitMix64 finaliser (Stafford's variant 13) and
/// γ = 0x9E3779B97F4A7C15; the state words are four successive SplitMix64 outputs from h. Distinct paths get
/// statistically independent streams (the chance that two 2^256-period streams overlap within the few thousand draws
/// a path uses is negligible).</para>
/// <para>Standard normals: Box–Muller (Box &amp; Muller 1958) in its trigonometric form: from u₁ ∈ (0, 1] and
/// u₂ ∈ [0, 1), both with 53 random bits, z₁ = √(−2 ln u₁) cos 2πu₂ and z₂ = √(−2 ln u₁) sin 2πu₂. Pairs are used
/// in order; for an odd count the last sine is dropped, so the number of uniforms a fill consumes depends only on the
/// count asked for. Exact (no rejection, no tables), and the transcendental calls are deterministic on a given
/// runtime and machine.</para>
/// <para>A mutable struct: pass it by <c>ref</c>; copying it copies the stream's position.</para>
/// </remarks>
internal struct PathRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream of path <paramref name="pathIndex"/> of a run with seed <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="pathIndex">Index of the path (≥ 0); shards use their global path indices.</param>
    public static PathRandom ForPath(ulong seed, long pathIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pathIndex);
        ulong x = Mix(seed ^ Mix(unchecked((ulong)pathIndex + Gamma)));
        var r = new PathRandom
        {
            _s0 = SplitMix(ref x),
            _s1 = SplitMix(ref x),
            _s2 = SplitMix(ref x),
            _s3 = SplitMix(ref x),
        };
        if ((r._s0 | r._s1 | r._s2 | r._s3) == 0) r._s0 = Gamma; // the all-zero state is the one xoshiro cannot leave
        return r;
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>One standard normal draw (Box–Muller; uses two uniforms and drops the sine).</summary>
    public double NextStandardNormal()
    {
        double u1 = ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));
        double u2 = (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Fills <paramref name="destination"/> with independent standard normal draws (Box–Muller pairs); allocation-free.</summary>
    /// <param name="destination">The caller's buffer.</param>
    public void FillStandardNormals(Span<double> destination)
    {
        int i = 0;
        for (; i + 1 < destination.Length; i += 2)
        {
            double u1 = ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));
            double u2 = (NextUInt64() >> 11) * (1.0 / (1UL << 53));
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            (double sin, double cos) = Math.SinCos(2 * Math.PI * u2);
            destination[i] = r * cos;
            destination[i + 1] = r * sin;
        }
        if (i < destination.Length) destination[i] = NextStandardNormal();
    }

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + Gamma);
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
