using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// Net interprovincial migration: estimation of annual net rates by province, sex and single age from two
/// censuses ten years apart, and their application to a population with flows that sum to zero over regions.
/// </summary>
/// <remarks>
/// <para>
/// <b>Estimation: census survival ratio method</b> (United Nations (1970), <i>Manual VI: Methods of Measuring
/// Internal Migration</i>, Population Studies No. 47, ch. III, "national census survival ratio" method). The
/// censuses of 1 November 2010 and 1 November 2020 are exactly ten years apart, so the cohort aged x..x+4 in 2010
/// is aged x+10..x+14 in 2020. For province p, sex s and 2010 group x (0–4 … 85–89, and 90+ as one closing group
/// that becomes 100+ in 2020) the expected survivors are
/// E = P2010_p(x) · P2020_N(x+10) / P2010_N(x), with N the sum over the provinces, and the net migrants are
/// M = P2020_p(x+10) − E. Because the national ratio absorbs mortality, international migration and any change in
/// census coverage, Σ_p M = 0 by construction for every cohort and sex. The method's known limitation: a
/// province's mortality (and coverage) differential from the nation is counted as migration, so at old ages the
/// rates partly reflect mortality differences (e.g. Shanghai's and Zhejiang's low old-age mortality reads as
/// in-migration).
/// </para>
/// <para>
/// <b>Annual rate</b>: r = (M / 10) / ((E + P2020_p(x+10)) / 2), the ten-year net count spread evenly over the
/// decade and divided by the cohort's mean size. It is attributed to the single ages the cohort passed through at
/// mid-period, x+5..x+9 (ages 95..100 for the 90+ group). The schedule is a step function (constant within each
/// five-year band, no smoothing), so a cohort's rate is exactly what the censuses imply. The rate lies in
/// [−0.2, 0.2] because the observed count is non-negative.
/// </para>
/// <para>
/// <b>Children born 2010–2020</b> (aged 0–9 in 2020, mid-period ages 0–4) have no 2010 cohort. Assumption: they
/// migrate with their parents, so ages 0–4 carry the province's both-sex rate of the cohorts at mid-period ages
/// 25–39 (2010 ages 20–34), times <c>childRateFactor</c> (default 1). China's "left-behind children" (留守儿童)
/// suggest children move less than parents; a factor below 1 expresses that.
/// </para>
/// <para>
/// <b>Application</b> (<see cref="ComputeNetFlows"/>): at each (sex, age) the regions with a negative rate send
/// rate_p × P_p(e) of each education level e (bounded by the people at risk, since rate &gt; −1), and the regions
/// with a positive rate receive the senders' total O(e) in proportion to their capacity rate_p × P_p, P_p being
/// the region's population of that sex and age over all education levels. Movers carry their education with them,
/// so a receiving region need not already have people of that level; flows sum to zero over regions at every
/// (sex, education, age), and the total received at a (sex, age) equals what the senders send. When no region
/// has a positive rate (or none a negative one) at a (sex, age), nobody can be matched and nobody moves. No
/// population turns negative.
/// </para>
/// </remarks>
internal static partial class InterprovincialMigration
{
    /// <summary>Number of five-year census groups in the inputs: 0–4, 5–9, …, 95–99 and 100+.</summary>
    public const int CensusGroupCount = 21;

    /// <summary>Number of 2010 cohorts followed: 0–4 … 85–89 and the closing group 90+.</summary>
    public const int CohortCount = 19;

    /// <summary>Mid-period ages whose both-sex rate children born between the censuses take: 25..39.</summary>
    public const int ChildReferenceAgeStart = 25, ChildReferenceAgeEnd = 39;

    /// <summary>
    /// Net migrants over the decade by cohort: [region][sex][cohort 0..18], cohort c = 2010 ages 5c..5c+4
    /// (c = 18: 90+). Each cohort's values sum to zero over the regions.
    /// </summary>
    /// <param name="census2010">Census counts [region][sex][group 0..20] (0–4 … 95–99, 100+) in 2010.</param>
    /// <param name="census2020">The same for 2020.</param>
    /// <param name="regionCount">Number of regions (e.g. 31 provinces).</param>
    /// <returns>Net migrants, length regionCount × 2 × <see cref="CohortCount"/>.</returns>
    /// <exception cref="InputDataException">Wrong lengths, negative or non-finite counts, or a national cohort
    /// that is empty in 2010 but not in 2020.</exception>
    public static double[] CohortNetMigrants(ReadOnlySpan<double> census2010, ReadOnlySpan<double> census2020, int regionCount)
    {
        var expected = new double[regionCount * Sexes.Count * CohortCount];
        var observed = new double[expected.Length];
        ExpectedAndObserved(census2010, census2020, regionCount, expected, observed);
        for (int i = 0; i < expected.Length; i++) observed[i] -= expected[i];
        return observed;
    }

    /// <summary>
    /// Estimates annual net interprovincial migration rates by the census survival ratio method (see the remarks
    /// on <see cref="InterprovincialMigration"/>).
    /// </summary>
    /// <param name="census2010">Census counts [region][sex][group 0..20] (0–4 … 95–99, 100+) on 1 Nov 2010.</param>
    /// <param name="census2020">The same on 1 Nov 2020.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <param name="childRateFactor">Multiplier on the parents' (ages 25–39) rate for ages 0–4; non-negative.</param>
    /// <returns>The rates [region][sex][age 0..100].</returns>
    /// <exception cref="InputDataException">Bad census input.</exception>
    public static InterprovincialMigrationRates Estimate(ReadOnlySpan<double> census2010, ReadOnlySpan<double> census2020,
        int regionCount, double childRateFactor = 1.0)
    {
        if (!(childRateFactor >= 0.0) || !double.IsFinite(childRateFactor))
        {
            throw new InputDataException("interprovincial migration", null, "childRateFactor",
                childRateFactor.ToString("R", CultureInfo.InvariantCulture), "a finite non-negative multiplier");
        }
        int cells = regionCount * Sexes.Count * CohortCount;
        var expected = new double[cells];
        var observed = new double[cells];
        ExpectedAndObserved(census2010, census2020, regionCount, expected, observed);

        var rates = new double[regionCount * InterprovincialMigrationRates.CellsPerRegion];
        for (int p = 0; p < regionCount; p++)
        {
            double childNet = 0.0, childExposure = 0.0;
            for (int s = 0; s < Sexes.Count; s++)
            {
                var run = rates.AsSpan(InterprovincialMigrationRates.Index(p, (Sex)s, 0), Ages.Count);
                for (int c = 0; c < CohortCount; c++)
                {
                    int k = (p * Sexes.Count + s) * CohortCount + c;
                    double net = observed[k] - expected[k];
                    double exposure = 0.5 * (observed[k] + expected[k]);
                    double rate = exposure > 0.0 ? net / 10.0 / exposure : 0.0;
                    int from = 5 * c + 5, to = c == CohortCount - 1 ? Ages.OpenInterval : 5 * c + 9;
                    for (int a = from; a <= to; a++) run[a] = rate;
                    if (from >= ChildReferenceAgeStart && to <= ChildReferenceAgeEnd)
                    {
                        childNet += net;
                        childExposure += exposure;
                    }
                }
            }
            double childRate = childExposure > 0.0 ? childRateFactor * childNet / 10.0 / childExposure : 0.0;
            for (int s = 0; s < Sexes.Count; s++)
            {
                rates.AsSpan(InterprovincialMigrationRates.Index(p, (Sex)s, 0), 5).Fill(childRate);
            }
        }
        return new InterprovincialMigrationRates(rates, regionCount, "census survival ratio estimate");
    }

    /// <summary>
    /// Computes one year's net interprovincial flows for a population on the grid
    /// (<see cref="PopulationShape"/>: [region][sex][education][age]), by the rule in the type's remarks. Checks its
    /// inputs; a plain loop for use outside the projection (whose year loop fuses the same rule into its vectorised
    /// pass, see <see cref="DemographicProjector"/>).
    /// </summary>
    /// <param name="population">Population by cell, non-negative, length regionCount × <see cref="PopulationShape.CellsPerRegion"/>.</param>
    /// <param name="rates">Annual net rates [region][sex][age], each above −1.</param>
    /// <param name="flowsOut">Receives the net flow of every cell (same layout as the population). At every
    /// (sex, education, age) the flows sum to zero over regions, and population + flow ≥ 0.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <exception cref="InputDataException">A rate not above −1 or a negative or non-finite population.</exception>
    public static void ComputeNetFlows(ReadOnlySpan<double> population, ReadOnlySpan<double> rates, Span<double> flowsOut, int regionCount)
    {
        CheckLengths(population, rates, flowsOut, regionCount);
        InterprovincialMigrationRates.Validate(rates, "interprovincial migration rates");
        CheckPopulation(population);
        flowsOut.Clear();
        Span<double> capacity = regionCount <= 64 ? stackalloc double[regionCount] : new double[regionCount];
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int a = 0; a < Ages.Count; a++)
            {
                double capacityTotal = 0.0;
                for (int p = 0; p < regionCount; p++)
                {
                    double rate = rates[InterprovincialMigrationRates.Index(p, (Sex)s, a)];
                    double cohort = 0.0;
                    if (rate > 0.0)
                    {
                        for (int e = 0; e < EducationLevels.Count; e++) cohort += population[PopulationShape.Index(p, (Sex)s, (EducationLevel)e, a)];
                    }
                    capacity[p] = rate > 0.0 ? rate * cohort : 0.0;
                    capacityTotal += capacity[p];
                }
                if (capacityTotal <= 0.0) continue;
                for (int e = 0; e < EducationLevels.Count; e++)
                {
                    double sent = 0.0;
                    for (int p = 0; p < regionCount; p++)
                    {
                        double rate = rates[InterprovincialMigrationRates.Index(p, (Sex)s, a)];
                        if (rate >= 0.0) continue;
                        int i = PopulationShape.Index(p, (Sex)s, (EducationLevel)e, a);
                        flowsOut[i] = rate * population[i];
                        sent -= flowsOut[i];
                    }
                    for (int p = 0; p < regionCount; p++)
                    {
                        if (capacity[p] > 0.0) flowsOut[PopulationShape.Index(p, (Sex)s, (EducationLevel)e, a)] = sent * capacity[p] / capacityTotal;
                    }
                }
            }
        }
    }

    /// <summary>The rates split for the yearly kernel: [region][sex][age] of the negative part (senders) and of the positive part (receivers).</summary>
    internal static (double[] SendingRates, double[] ReceivingRates) PrepareRates(ReadOnlySpan<double> rates, int regionCount)
    {
        var sending = new double[rates.Length];
        var receiving = new double[rates.Length];
        System.Numerics.Tensors.TensorPrimitives.Min(rates, 0.0, sending);
        System.Numerics.Tensors.TensorPrimitives.Max(rates, 0.0, receiving);
        return (sending, receiving);
    }

    /// <summary>
    /// Adds one year's net interprovincial flows to a population in place (see <see cref="ComputeNetFlows"/>).
    /// Allocation-free.
    /// </summary>
    /// <param name="population">Population on the grid; updated.</param>
    /// <param name="rates">Annual net rates [region][sex][age].</param>
    /// <param name="scratch">Caller's scratch of the population's length; receives the flows.</param>
    /// <param name="regionCount">Number of regions.</param>
    /// <exception cref="InputDataException">See <see cref="ComputeNetFlows"/>.</exception>
    public static void ApplyNetFlows(Span<double> population, ReadOnlySpan<double> rates, Span<double> scratch, int regionCount)
    {
        ComputeNetFlows(population, rates, scratch, regionCount);
        for (int i = 0; i < population.Length; i++)
        {
            double v = population[i] + scratch[i];
            population[i] = v > 0.0 ? v : 0.0; // v ≥ 0 mathematically; this only removes a −0 or round-off
        }
    }

    private static void ExpectedAndObserved(ReadOnlySpan<double> census2010, ReadOnlySpan<double> census2020, int regionCount,
        Span<double> expected, Span<double> observed)
    {
        if (regionCount <= 0) throw new ArgumentOutOfRangeException(nameof(regionCount), regionCount, "at least one region");
        int length = regionCount * Sexes.Count * CensusGroupCount;
        CheckCensus(census2010, length, regionCount, "census2010");
        CheckCensus(census2020, length, regionCount, "census2020");

        Span<double> national2010 = stackalloc double[Sexes.Count * CohortCount];
        Span<double> national2020 = stackalloc double[Sexes.Count * CohortCount];
        national2010.Clear();
        national2020.Clear();
        for (int p = 0; p < regionCount; p++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                int baseIndex = (p * Sexes.Count + s) * CensusGroupCount;
                for (int c = 0; c < CohortCount; c++)
                {
                    double before = Cohort2010(census2010, baseIndex, c);
                    double after = census2020[baseIndex + c + 2];
                    int k = (p * Sexes.Count + s) * CohortCount + c;
                    observed[k] = after;
                    expected[k] = before;
                    national2010[s * CohortCount + c] += before;
                    national2020[s * CohortCount + c] += after;
                }
            }
        }
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int c = 0; c < CohortCount; c++)
            {
                double n10 = national2010[s * CohortCount + c], n20 = national2020[s * CohortCount + c];
                if (n10 == 0.0 && n20 > 0.0)
                {
                    throw new InputDataException("census2010", null, $"{((Sex)s).Label()} cohort {CohortLabel(c)}", "0",
                        "a positive national count, since the cohort is present in 2020");
                }
                double ratio = n10 > 0.0 ? n20 / n10 : 0.0;
                for (int p = 0; p < regionCount; p++)
                {
                    expected[(p * Sexes.Count + s) * CohortCount + c] *= ratio;
                }
            }
        }
    }

    private static double Cohort2010(ReadOnlySpan<double> census2010, int baseIndex, int cohort) =>
        cohort < CohortCount - 1
            ? census2010[baseIndex + cohort]
            : census2010[baseIndex + 18] + census2010[baseIndex + 19] + census2010[baseIndex + 20];

    private static string CohortLabel(int c) => c == CohortCount - 1
        ? "90+"
        : string.Create(CultureInfo.InvariantCulture, $"{5 * c}-{5 * c + 4}");

    private static void CheckCensus(ReadOnlySpan<double> census, int length, int regionCount, string name)
    {
        if (census.Length != length)
        {
            throw new InputDataException(name, null, "counts", $"{census.Length} values",
                $"{length} values laid out [region {regionCount}][sex 2][group {CensusGroupCount}: 0-4 … 95-99, 100+]");
        }
        for (int i = 0; i < census.Length; i++)
        {
            if (!double.IsFinite(census[i]) || census[i] < 0.0)
            {
                throw new InputDataException(name, null, $"counts[{i}]", census[i].ToString("R", CultureInfo.InvariantCulture),
                    "a finite non-negative count");
            }
        }
    }

    private static void CheckLengths(ReadOnlySpan<double> population, ReadOnlySpan<double> rates, Span<double> flows, int regionCount)
    {
        if (regionCount <= 0) throw new ArgumentOutOfRangeException(nameof(regionCount), regionCount, "at least one region");
        int cells = regionCount * PopulationShape.CellsPerRegion;
        if (population.Length != cells) throw new ArgumentException($"the population must have {cells} cells", nameof(population));
        if (flows.Length != cells) throw new ArgumentException($"the flows must have {cells} cells", nameof(flows));
        int rateCells = regionCount * InterprovincialMigrationRates.CellsPerRegion;
        if (rates.Length != rateCells) throw new ArgumentException($"the rates must have {rateCells} cells", nameof(rates));
    }

    private static void CheckPopulation(ReadOnlySpan<double> population)
    {
        for (int i = 0; i < population.Length; i++)
        {
            double v = population[i];
            if (!(v >= 0.0) || double.IsPositiveInfinity(v))
            {
                throw new InputDataException("population", null, $"cell[{i.ToString(CultureInfo.InvariantCulture)}]",
                    v.ToString("R", CultureInfo.InvariantCulture), "a finite non-negative count");
            }
        }
    }
}
