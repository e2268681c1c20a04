using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// The multi-state cohort-component projection: each year, every (region, sex, education) cohort survives and ages
/// one year, women give birth, international and inter-provincial migrants arrive or leave, and young cohorts move
/// up through the education levels. Conventions (Preston, Heuveline &amp; Guillot 2001, ch. 6; UN ccmppWPP):
/// <list type="number">
/// <item>Survival: P(a+1, t+1) = P(a, t) · L(a+1)/L(a); the open interval gets (P(99, t) + P(100+, t)) · T(100)/T(99).</item>
/// <item>Births: B = Σ_a ASFR(a) · ½ (W(a, t) + W(a, t+1)), the mean exposure of women over the year; births
/// survive to the year's end at L0/l0 and enter age 0 with no education.</item>
/// <item>International migrants arrive at the year's end (their mortality within the year is not modelled; for China
/// net flows are under 0.03% of the population a year, so the omission is far below the validation tolerances).</item>
/// <item>Migration between provinces: annual net rates applied at the year's end, with inflows scaled so flows sum
/// to zero over provinces at every (sex, education, age).</item>
/// <item>Education transitions at ages 15–34 towards the attainment path.</item>
/// </list>
/// Each step runs from one grid date to the next (1 January by default; the census day, 1 November, for China's
/// defaults) with the rates of the calendar years it spans mixed by time (<see cref="CompiledDemography"/>); the
/// projection reports flows by calendar year as well (<see cref="DemographicProjection.CalendarYearBirths"/>).
/// Deaths are counted as the people who enter survival and do not leave it, so each region's accounts close:
/// P(t+1) = P(t) + births − deaths + net international + net inter-provincial migrants.
/// </summary>
public static class DemographicProjector
{
    /// <summary>Validates and compiles the assumptions into the arrays the yearly loop reads.</summary>
    public static CompiledDemography Compile(DemographicAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        return new CompiledDemography(assumptions);
    }

    /// <summary>Compiles and runs in one call.</summary>
    public static DemographicProjection Run(DemographicAssumptions assumptions) => Compile(assumptions).Run();

    /// <summary>Runs every step into preallocated buffers; allocation-free.</summary>
    internal static void RunInto(CompiledDemography inputs, ProjectionBuffers buffers)
    {
        var none = default(NoYearConsumer);
        RunInto(inputs, buffers, ref none);
    }

    /// <summary>
    /// Runs every step into preallocated buffers, handing each year's population to <paramref name="consumer"/> as soon
    /// as it is computed (while it is still in the cache); allocation-free.
    /// </summary>
    /// <remarks>
    /// A large run (the 31 provinces: 81 grids of 300 KB) steps between two working grids that stay in the
    /// second-level cache and streams each year's finished blocks into <see cref="ProjectionBuffers.Population"/> with
    /// non-temporal stores: written the ordinary way, every line of those 24 MB of cold memory would first be read
    /// from memory for ownership, which cost as much as a third of the run. A small run writes in place. Either way the
    /// consumer reads the grid the step wrote, not the stored copy (which streaming sends past the caches).
    /// </remarks>
    internal static void RunInto<TConsumer>(CompiledDemography inputs, ProjectionBuffers buffers, ref TConsumer consumer)
        where TConsumer : struct, IPopulationYearConsumer
    {
        int cells = inputs.Shape.CellCount;
        var population = buffers.Population;
        var basePopulation = inputs.Assumptions.BasePopulation.Persons;
        var working = buffers.WorkingGrids;
        bool keep = buffers.KeepsYears;
        ReadOnlySpan<double> current;
        if (working is null)
        {
            basePopulation.CopyTo(population.AsSpan(0, cells));
            current = population.AsSpan(0, cells);
        }
        else
        {
            if (keep) ProjectionKernels.Stream(basePopulation, population.AsSpan(0, cells));
            current = basePopulation;
        }
        consumer.BaseYear(inputs.BaseYear, current);
        for (int t = 0; t < inputs.StepCount; t++)
        {
            var stored = keep ? population.AsSpan((t + 1) * cells, cells) : default;
            Span<double> next = working is null ? stored : working[t & 1];
            StepYear(inputs, t, current, next, working is null ? default : stored, buffers, buffers.AccountsFor(t));
            consumer.Stepped(inputs.BaseYear + t + 1, current, next);
            current = next;
        }
    }

    /// <summary>Takes nothing: the plain <see cref="RunInto(CompiledDemography, ProjectionBuffers)"/>.</summary>
    private struct NoYearConsumer : IPopulationYearConsumer
    {
        public readonly void BaseYear(int year, ReadOnlySpan<double> population) { }
        public readonly void Stepped(int year, ReadOnlySpan<double> previous, ReadOnlySpan<double> population) { }
    }

    /// <summary>
    /// One projection step from <paramref name="current"/> (year t) to <paramref name="next"/> (t+1); when
    /// <paramref name="stored"/> is not empty, the finished year is also streamed into it (see <see cref="RunInto"/>).
    /// Allocation-free.
    /// </summary>
    /// <remarks>
    /// The step makes two passes over the (region, sex) blocks of [education][age] (606 contiguous cells), so each
    /// block is worked on while it sits in the first-level cache:
    /// (1) survive, age and count deaths and births, and gather the national and per-region cohort sums and, with
    /// migration between provinces, what the senders send (sending rate × persons, before the receiving capacity, which
    /// needs every region's cohorts, scales it);
    /// (2) add the received migrants, scale by the international-migration factor, move young cohorts up the
    /// education levels and, when storing, stream the finished block out while it is still in the first-level cache.
    /// Migration between provinces is computed on the population after international migration
    /// (as the class remarks say); since international migration scales every cell of a (sex, age) by the same
    /// factor f, the flows on the scaled population are f times the flows on the unscaled one (the receivers' shares
    /// do not depend on f), which is what lets the two steps share one pass.
    /// </remarks>
    internal static void StepYear(CompiledDemography inputs, int t, ReadOnlySpan<double> current, Span<double> next, Span<double> stored,
        ProjectionBuffers scratch, YearAccounts accounts)
    {
        const int A = Ages.Count;
        const int Block = PopulationShape.CellsPerSex;
        int regionCount = inputs.Shape.RegionCount;
        bool interprovincial = inputs.InterprovincialSendingRates is not null;
        double maleShare = inputs.MaleShareOfBirths[t];
        var national = scratch.NationalByAge.AsSpan(); // [sex][age]
        national.Clear();
        var sending = inputs.InterprovincialSendingRates;
        var sentBySex = scratch.Sent.AsSpan(); // [sex][education][age]: −Σ over senders of sending rate × persons, gathered in pass 1
        if (interprovincial) sentBySex.Clear();

        // Pass 1: survive and age; deaths and births; national and cohort sums; what the senders would send. Regions go
        // two at a time, so that the national sums and what is sent are read and written once for the two.
        for (int r = 0; r < regionCount; r += 2)
        {
            int pair = Math.Min(2, regionCount - r);
            for (int s = 0; s < Sexes.Count; s++)
            {
                int ts = t * Sexes.Count + s;
                var first = SurvivingBlock(inputs, r, (Sex)s, current, next, scratch);
                var second = pair == 2 ? SurvivingBlock(inputs, r + 1, (Sex)s, current, next, scratch) : default;
                ProjectionKernels.Survive(ref first, ref second, inputs.Survival.AsSpan(ts * A, A), inputs.DeathShare.AsSpan(ts * A, A),
                    s == (int)Sex.Female ? inputs.BirthWeight.AsSpan(t * A, A) : default, national.Slice(s * A, A),
                    interprovincial ? sentBySex.Slice(s * Block, Block) : default);
                accounts.Deaths[r * Sexes.Count + s] = first.Deaths;
                if (pair == 2) accounts.Deaths[(r + 1) * Sexes.Count + s] = second.Deaths;
                if (s == (int)Sex.Female)
                {
                    accounts.Births[r] = first.Births;
                    if (pair == 2) accounts.Births[r + 1] = second.Births;
                }
            }
            for (int q = r; q < r + pair; q++)
            {
                for (int s = 0; s < Sexes.Count; s++)
                {
                    double born = accounts.Births[q] * (s == (int)Sex.Male ? maleShare : 1 - maleShare);
                    double alive = born * inputs.BirthSurvival[t * Sexes.Count + s];
                    next[PopulationShape.Index(q, (Sex)s, EducationLevel.NoEducation, 0)] = alive;
                    national[s * A] += alive;
                    if (interprovincial)
                    {
                        scratch.Cohorts[(q * Sexes.Count + s) * A] += alive;
                        sentBySex[s * Block] -= sending![InterprovincialMigrationRates.Index(q, (Sex)s, 0)] * alive;
                    }
                    accounts.Deaths[q * Sexes.Count + s] += born - alive;
                }
            }
        }

        for (int s = 0; s < Sexes.Count; s++)
        {
            var sex = (Sex)s;
            var nationalByAge = national.Slice(s * A, A);
            var factor = scratch.Factor.AsSpan(0, A);
            var added = scratch.AddedImmigrants.AsSpan(0, regionCount);
            added.Clear();
            var sent = sentBySex.Slice(s * Block, Block);
            MigrationFactors(inputs, t, sex, next, nationalByAge, factor, added, scratch.Cohorts, interprovincial ? sent : default);

            // What the senders send (before the international factor, which multiplies everything alike) per unit of
            // receiving capacity. Senders send only at ages where anyone receives (open = 1), those with an inverse capacity > 0.
            var open = scratch.Open.AsSpan(0, A);
            var inverseCapacity = scratch.InverseCapacity.AsSpan(0, A);
            if (sending is not null)
            {
                ReceivingCapacity(inputs, sex, scratch.Cohorts, regionCount, open, inverseCapacity);
                for (int e = 0; e < EducationLevels.Count; e++) TensorPrimitives.Multiply(sent.Slice(e * A, A), inverseCapacity, sent.Slice(e * A, A));
            }

            // Pass 2: received migrants, the international factor, education.
            var targets = inputs.EducationTargets is { } allTargets
                ? allTargets.AsSpan((t * Sexes.Count + s) * EducationTransitions.LevelMajorTargetLength, EducationTransitions.LevelMajorTargetLength)
                : default;
            for (int r = 0; r < regionCount; r++)
            {
                int rs = r * Sexes.Count + s;
                int start = PopulationShape.RunStart(r, sex, EducationLevel.NoEducation);
                var block = next.Slice(start, Block);
                if (sending is not null)
                {
                    ProjectionKernels.Migrate(block, factor, sending.AsSpan(InterprovincialMigrationRates.Index(r, sex, 0), A), open, sent, scratch.Cohorts.AsSpan(rs * A, A),
                        out double international, out accounts.NetInterprovincial[rs]);
                    accounts.NetInternational[rs] = added[r] + international;
                }
                else
                {
                    ProjectionKernels.Migrate(block, factor, default, default, default, default, out double international, out _);
                    accounts.NetInternational[rs] = added[r] + international;
                    accounts.NetInterprovincial[rs] = 0;
                }
                if (!targets.IsEmpty) EducationTransitions.ApplyLevelMajor(block, targets);
                if (!stored.IsEmpty) ProjectionKernels.Stream(block, stored.Slice(start, Block));
            }
        }
        if (!stored.IsEmpty && Sse.IsSupported) Sse.StoreFence();
    }

    /// <summary>The (region, sex) block of <see cref="ProjectionKernels.Survive"/>: the year's persons, the next year's, and with migration between provinces the cohort sums and sending rates.</summary>
    private static ProjectionKernels.SurvivingBlock SurvivingBlock(CompiledDemography inputs, int r, Sex sex, ReadOnlySpan<double> current, Span<double> next,
        ProjectionBuffers scratch)
    {
        const int A = Ages.Count;
        int start = PopulationShape.RunStart(r, sex, EducationLevel.NoEducation);
        var sending = inputs.InterprovincialSendingRates;
        return new ProjectionKernels.SurvivingBlock
        {
            From = current.Slice(start, PopulationShape.CellsPerSex),
            To = next.Slice(start, PopulationShape.CellsPerSex),
            Cohort = sending is not null ? scratch.Cohorts.AsSpan((r * Sexes.Count + (int)sex) * A, A) : default,
            SendingRates = sending is not null ? sending.AsSpan(InterprovincialMigrationRates.Index(r, sex, 0), A) : default,
        };
    }

    /// <summary>
    /// Per age, the factor 1 + M/P that shares the national net international migrants M of a (sex, age) over every
    /// region and education level in proportion to the population P. An empty cohort (P = 0) receiving immigrants
    /// takes them in the (region, education) mix of the nearest non-empty age of the same sex; they are added here
    /// (a rare path) and the factor for that age stays 1.
    /// </summary>
    private static void MigrationFactors(CompiledDemography inputs, int t, Sex sex, Span<double> next, Span<double> nationalByAge,
        Span<double> factor, Span<double> added, double[] cohorts, Span<double> sent)
    {
        const int A = Ages.Count;
        var migrants = inputs.InternationalMigrants.AsSpan((t * Sexes.Count + (int)sex) * A, A);
        int regionCount = inputs.Shape.RegionCount;
        for (int a = 0; a < A; a++)
        {
            double m = migrants[a];
            double p = nationalByAge[a];
            factor[a] = 1;
            if (m == 0) continue;
            if (p > 0 && p + m >= 0)
            {
                factor[a] = 1 + m / p;
            }
            else if (p == 0 && m > 0)
            {
                int like = NearestNonEmptyAge(nationalByAge, a);
                if (like < 0) throw EmigrationError(inputs, t, sex, a, m, p);
                for (int r = 0; r < regionCount; r++)
                {
                    for (int e = 0; e < EducationLevels.Count; e++)
                    {
                        int run = PopulationShape.RunStart(r, sex, (EducationLevel)e);
                        double arrivals = m * next[run + like] / nationalByAge[like];
                        next[run + a] += arrivals;
                        added[r] += arrivals;
                        if (!sent.IsEmpty)
                        {
                            cohorts[(r * Sexes.Count + (int)sex) * A + a] += arrivals;
                            sent[e * A + a] -= inputs.InterprovincialSendingRates![InterprovincialMigrationRates.Index(r, sex, a)] * arrivals;
                        }
                    }
                }
            }
            else
            {
                throw EmigrationError(inputs, t, sex, a, m, p);
            }
        }
    }

    /// <summary>
    /// Receivers' capacity (positive rate × cohort) per region and age, written over the cohort sums; the reciprocal of
    /// its national total; and 1 where anyone can receive (else 0: where nobody can receive, nobody is sent).
    /// </summary>
    private static void ReceivingCapacity(CompiledDemography inputs, Sex sex, double[] cohorts, int regionCount,
        Span<double> open, Span<double> inverseCapacity)
    {
        const int A = Ages.Count;
        inverseCapacity.Clear();
        ref double total = ref MemoryMarshal.GetReference(inverseCapacity);
        for (int r = 0; r < regionCount; r++)
        {
            ref double capacity = ref cohorts[(r * Sexes.Count + (int)sex) * A];
            ref double rate = ref inputs.InterprovincialReceivingRates![InterprovincialMigrationRates.Index(r, sex, 0)];
            int a = 0;
            for (; a + Vector<double>.Count <= A; a += Vector<double>.Count)
            {
                var c = Vector.LoadUnsafe(ref capacity, (nuint)a) * Vector.LoadUnsafe(ref rate, (nuint)a);
                c.StoreUnsafe(ref capacity, (nuint)a);
                (Vector.LoadUnsafe(ref total, (nuint)a) + c).StoreUnsafe(ref total, (nuint)a);
            }
            for (; a < A; a++)
            {
                double c = Unsafe.Add(ref capacity, a) * Unsafe.Add(ref rate, a);
                Unsafe.Add(ref capacity, a) = c;
                Unsafe.Add(ref total, a) += c;
            }
        }
        for (int a = 0; a < A; a++)
        {
            bool receivers = inverseCapacity[a] > 0;
            open[a] = receivers ? 1 : 0;
            inverseCapacity[a] = receivers ? 1 / inverseCapacity[a] : 0;
        }
    }

    private static int NearestNonEmptyAge(ReadOnlySpan<double> national, int age)
    {
        for (int d = 1; d < national.Length; d++)
        {
            if (age - d >= 0 && national[age - d] > 0) return age - d;
            if (age + d < national.Length && national[age + d] > 0) return age + d;
        }
        return -1;
    }

    private static InvalidOperationException EmigrationError(CompiledDemography inputs, int t, Sex sex, int age, double migrants, double population) =>
        new($"{inputs.Assumptions.InternationalMigration.Source}: net migration of {migrants:R} {sex.Label()}s aged {Ages.Label(age)} in {inputs.BaseYear + t} " +
            $"meets a population of {population:R}; net emigration cannot exceed the population of that sex and age");
}

/// <summary>Per-step flow accounts, spans over the run's buffers: [region] births; [region][sex] deaths and migrants.</summary>
internal readonly ref struct YearAccounts
{
    public YearAccounts(Span<double> births, Span<double> deaths, Span<double> netInternational, Span<double> netInterprovincial)
    {
        Births = births;
        Deaths = deaths;
        NetInternational = netInternational;
        NetInterprovincial = netInterprovincial;
    }

    public Span<double> Births { get; }
    public Span<double> Deaths { get; }
    public Span<double> NetInternational { get; }
    public Span<double> NetInterprovincial { get; }
}

/// <summary>
/// What runs alongside the population projection, year by year (see
/// <see cref="DemographicProjector.RunInto{TConsumer}(CompiledDemography, ProjectionBuffers, ref TConsumer)"/>); a
/// struct, so that the calls are direct and inlined.
/// </summary>
internal interface IPopulationYearConsumer
{
    /// <summary>The base year's population (before any step).</summary>
    void BaseYear(int year, ReadOnlySpan<double> population);

    /// <summary>A step has computed <paramref name="population"/> of <paramref name="year"/> from <paramref name="previous"/>, of the year before.</summary>
    void Stepped(int year, ReadOnlySpan<double> previous, ReadOnlySpan<double> population);
}

/// <summary>Everything a run writes, allocated once before the year loop.</summary>
internal sealed class ProjectionBuffers
{
    /// <summary>Population buffers above this size (twice a 1 MB second-level cache) are written by streaming.</summary>
    internal const long StreamingThresholdBytes = 2 << 20;

    /// <param name="inputs">The run the buffers are for.</param>
    /// <param name="streamed">Whether to step in two working grids and stream the years into <see cref="Population"/>;
    /// by default, when the buffer is over <see cref="StreamingThresholdBytes"/> and the processor has non-temporal stores.</param>
    /// <param name="keepYears">Whether to keep every year's grid in <see cref="Population"/>; without, the run steps in
    /// two working grids and keeps only its accounts (a Monte Carlo path, whose scheme runs alongside the population).</param>
    public ProjectionBuffers(CompiledDemography inputs, bool? streamed = null, bool keepYears = true)
    {
        int cells = inputs.Shape.CellCount;
        int regions = inputs.Shape.RegionCount;
        KeepsYears = keepYears;
        long bytes = (long)(inputs.StepCount + 1) * cells * sizeof(double);
        Population = keepYears ? new double[(inputs.StepCount + 1) * cells] : [];
        if (!keepYears || (streamed ?? (ProjectionKernels.StreamsNonTemporally && bytes > StreamingThresholdBytes)))
        {
            WorkingGrids = [new double[cells], new double[cells]];
        }
        Births = new double[inputs.StepCount * regions];
        Deaths = new double[inputs.StepCount * regions * Sexes.Count];
        NetInternational = new double[inputs.StepCount * regions * Sexes.Count];
        NetInterprovincial = new double[inputs.StepCount * regions * Sexes.Count];
        NationalByAge = new double[Sexes.Count * Ages.Count];
        Cohorts = new double[regions * Sexes.Count * Ages.Count];
        Factor = new double[Ages.Count];
        AddedImmigrants = new double[regions];
        Sent = new double[Sexes.Count * PopulationShape.CellsPerSex];
        Open = new double[Ages.Count];
        InverseCapacity = new double[Ages.Count];
        RegionCount = regions;
    }

    public int RegionCount { get; }

    /// <summary>[step + 1][cells]: every year's grid, the base year first (empty unless <see cref="KeepsYears"/>).</summary>
    public double[] Population { get; }

    /// <summary>Whether the run keeps every year's grid in <see cref="Population"/>.</summary>
    public bool KeepsYears { get; }

    /// <summary>Two grids the years alternate between when the run streams into <see cref="Population"/>, else null.</summary>
    public double[][]? WorkingGrids { get; }

    public double[] Births { get; }
    public double[] Deaths { get; }
    public double[] NetInternational { get; }
    public double[] NetInterprovincial { get; }
    public double[] NationalByAge { get; }
    public double[] Cohorts { get; }
    public double[] Factor { get; }
    public double[] AddedImmigrants { get; }
    public double[] Sent { get; }
    public double[] Open { get; }
    public double[] InverseCapacity { get; }

    public YearAccounts AccountsFor(int t)
    {
        int rs = RegionCount * Sexes.Count;
        return new YearAccounts(Births.AsSpan(t * RegionCount, RegionCount), Deaths.AsSpan(t * rs, rs),
            NetInternational.AsSpan(t * rs, rs), NetInterprovincial.AsSpan(t * rs, rs));
    }
}
