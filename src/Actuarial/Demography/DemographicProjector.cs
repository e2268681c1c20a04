using System.Numerics.Tensors;
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
        int cells = inputs.Shape.CellCount;
        inputs.Assumptions.BasePopulation.Persons.CopyTo(buffers.Population.AsSpan(0, cells));
        for (int t = 0; t < inputs.StepCount; t++)
        {
            StepYear(inputs, t,
                buffers.Population.AsSpan(t * cells, cells),
                buffers.Population.AsSpan((t + 1) * cells, cells),
                buffers,
                buffers.AccountsFor(t));
        }
    }

    /// <summary>One projection step from <paramref name="current"/> (year t) to <paramref name="next"/> (t+1). Allocation-free.</summary>
    internal static void StepYear(CompiledDemography inputs, int t, ReadOnlySpan<double> current, Span<double> next,
        ProjectionBuffers scratch, YearAccounts accounts)
    {
        const int A = Ages.Count;
        const int E = EducationLevels.Count;
        int regionCount = inputs.Shape.RegionCount;
        var asfr = inputs.Asfr.AsSpan(t * A, A);
        double maleShare = inputs.MaleShareOfBirths[t];

        // 1. Survive and age, 2. births.
        for (int r = 0; r < regionCount; r++)
        {
            double births = 0;
            for (int s = 0; s < Sexes.Count; s++)
            {
                var survival = inputs.Survival.AsSpan((t * Sexes.Count + s) * A, A);
                double survivalOpen = survival[A - 2];
                double entering = 0, surviving = 0;
                for (int e = 0; e < E; e++)
                {
                    int start = PopulationShape.RunStart(r, (Sex)s, (EducationLevel)e);
                    var from = current.Slice(start, A);
                    var to = next.Slice(start, A);
                    TensorPrimitives.Multiply(from[..(A - 1)], survival[..(A - 1)], to[1..]);
                    to[A - 1] += from[A - 1] * survivalOpen;
                    to[0] = 0;
                    entering += TensorPrimitives.Sum(from);
                    surviving += TensorPrimitives.Sum(to);
                    if (s == (int)Sex.Female)
                    {
                        births += 0.5 * (TensorPrimitives.Dot(asfr, from) + TensorPrimitives.Dot(asfr, to));
                    }
                }
                accounts.Deaths[r * Sexes.Count + s] = entering - surviving;
            }
            accounts.Births[r] = births;
            for (int s = 0; s < Sexes.Count; s++)
            {
                double born = births * (s == (int)Sex.Male ? maleShare : 1 - maleShare);
                double alive = born * inputs.BirthSurvival[t * Sexes.Count + s];
                next[PopulationShape.Index(r, (Sex)s, EducationLevel.NoEducation, 0)] = alive;
                accounts.Deaths[r * Sexes.Count + s] += born - alive;
            }
        }

        // 3. International migration: national net migrants of each (sex, age) shared over regions and education
        // levels in proportion to population, i.e. every cell of that (sex, age) scaled by 1 + M / P.
        ApplyInternationalMigration(inputs, t, next, scratch.NationalBySexAge, scratch.MigrationFactor, accounts);

        // 4. Migration between provinces.
        if (inputs.InterprovincialRates is { } rates)
        {
            var flows = scratch.Flows.AsSpan(0, next.Length);
            InterprovincialMigration.ComputeNetFlowsUnchecked(next, rates, flows, regionCount, scratch.FlowScratch);
            for (int r = 0; r < regionCount; r++)
            {
                for (int s = 0; s < Sexes.Count; s++)
                {
                    int start = PopulationShape.RunStart(r, (Sex)s, EducationLevel.NoEducation);
                    var block = flows.Slice(start, PopulationShape.CellsPerSex);
                    accounts.NetInterprovincial[r * Sexes.Count + s] = TensorPrimitives.Sum(block);
                }
            }
            TensorPrimitives.Add(next, flows, next);
        }
        else
        {
            accounts.NetInterprovincial.Clear();
        }

        // 5. Education transitions of young cohorts.
        if (inputs.EducationTargets is { } targets)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                var target = targets.AsSpan((t * Sexes.Count + s) * CompiledDemography.EducationTargetLength, CompiledDemography.EducationTargetLength);
                for (int r = 0; r < regionCount; r++)
                {
                    EducationTransitions.Apply(next.Slice(PopulationShape.RunStart(r, (Sex)s, EducationLevel.NoEducation), PopulationShape.CellsPerSex), target);
                }
            }
        }
    }

    private static void ApplyInternationalMigration(CompiledDemography inputs, int t, Span<double> next,
        Span<double> nationalBySexAge, Span<double> factor, YearAccounts accounts)
    {
        const int A = Ages.Count;
        int regionCount = inputs.Shape.RegionCount;
        nationalBySexAge.Clear();
        for (int r = 0; r < regionCount; r++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                var national = nationalBySexAge.Slice(s * A, A);
                for (int e = 0; e < EducationLevels.Count; e++)
                {
                    TensorPrimitives.Add(national, next.Slice(PopulationShape.RunStart(r, (Sex)s, (EducationLevel)e), A), national);
                }
            }
        }
        for (int s = 0; s < Sexes.Count; s++)
        {
            var migrants = inputs.InternationalMigrants.AsSpan((t * Sexes.Count + s) * A, A);
            var national = nationalBySexAge.Slice(s * A, A);
            var sex = (Sex)s;
            var accountsOfSex = accounts.NetInternational;
            for (int r = 0; r < regionCount; r++) accountsOfSex[r * Sexes.Count + s] = -SumOfRegionSex(next, r, sex);
            for (int a = 0; a < A; a++)
            {
                double m = migrants[a];
                double p = national[a];
                factor[a] = 1;
                if (m == 0) continue;
                if (p > 0 && p + m >= 0)
                {
                    factor[a] = 1 + m / p;
                }
                else if (p == 0 && m > 0)
                {
                    // An empty cohort: immigrants join in the (region, education) mix of the nearest non-empty age of
                    // the same sex. Done before any cell is rescaled, so the mix is the pre-migration one.
                    int like = NearestNonEmptyAge(national, a);
                    if (like < 0) throw EmigrationError(inputs, t, sex, a, m, p);
                    for (int r = 0; r < regionCount; r++)
                    {
                        for (int e = 0; e < EducationLevels.Count; e++)
                        {
                            int run = PopulationShape.RunStart(r, sex, (EducationLevel)e);
                            next[run + a] += m * next[run + like] / national[like];
                        }
                    }
                }
                else
                {
                    throw EmigrationError(inputs, t, sex, a, m, p);
                }
            }
            for (int r = 0; r < regionCount; r++)
            {
                for (int e = 0; e < EducationLevels.Count; e++)
                {
                    var run = next.Slice(PopulationShape.RunStart(r, sex, (EducationLevel)e), A);
                    TensorPrimitives.Multiply(run, factor[..A], run);
                }
                accountsOfSex[r * Sexes.Count + s] += SumOfRegionSex(next, r, sex);
            }
        }
    }

    private static double SumOfRegionSex(ReadOnlySpan<double> persons, int region, Sex sex) =>
        TensorPrimitives.Sum(persons.Slice(PopulationShape.RunStart(region, sex, EducationLevel.NoEducation), PopulationShape.CellsPerSex));

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

/// <summary>Everything a run writes, allocated once before the year loop.</summary>
internal sealed class ProjectionBuffers
{
    public ProjectionBuffers(CompiledDemography inputs)
    {
        int cells = inputs.Shape.CellCount;
        int regions = inputs.Shape.RegionCount;
        Population = new double[(inputs.StepCount + 1) * cells];
        Births = new double[inputs.StepCount * regions];
        Deaths = new double[inputs.StepCount * regions * Sexes.Count];
        NetInternational = new double[inputs.StepCount * regions * Sexes.Count];
        NetInterprovincial = new double[inputs.StepCount * regions * Sexes.Count];
        Flows = new double[inputs.InterprovincialRates is null ? 0 : cells];
        FlowScratch = new double[inputs.InterprovincialRates is null ? 0 : InterprovincialMigration.FlowScratchLength(regions)];
        NationalBySexAge = new double[Sexes.Count * Ages.Count];
        MigrationFactor = new double[Ages.Count];
        RegionCount = regions;
    }

    public int RegionCount { get; }
    public double[] Population { get; }
    public double[] Births { get; }
    public double[] Deaths { get; }
    public double[] NetInternational { get; }
    public double[] NetInterprovincial { get; }
    public double[] Flows { get; }
    public double[] FlowScratch { get; }
    public double[] NationalBySexAge { get; }
    public double[] MigrationFactor { get; }

    public YearAccounts AccountsFor(int t)
    {
        int rs = RegionCount * Sexes.Count;
        return new YearAccounts(Births.AsSpan(t * RegionCount, RegionCount), Deaths.AsSpan(t * rs, rs),
            NetInternational.AsSpan(t * rs, rs), NetInterprovincial.AsSpan(t * rs, rs));
    }
}
