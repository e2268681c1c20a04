using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// The assumptions turned into flat arrays indexed by projection step, so the yearly loop reads spans and does no
/// model evaluation, lookup or allocation. Step <c>t</c> moves the population from year <c>BaseYear + t</c> to
/// <c>BaseYear + t + 1</c> with the rates of year <c>BaseYear + t</c> or, when the grid's date is f into the year
/// (<see cref="DemographicAssumptions.BaseDateYearFraction"/>), with (1 − f) × that year's rates + f × the next year's:
/// the 2020 census's grid is dated 1 November, so a step lives 2 months in its start year and 10 in the next. Build one with
/// <see cref="DemographicProjector.Compile"/> and run it as often as you like (it is immutable and thread-safe).
/// </summary>
public sealed class CompiledDemography
{
    internal CompiledDemography(DemographicAssumptions assumptions)
    {
        var a = assumptions;
        if (a.EndYear <= a.BaseYear)
        {
            throw new InputDataException("assumptions", null, nameof(a.EndYear), a.EndYear.ToString(CultureInfo.InvariantCulture), $"a year after the base year {a.BaseYear}");
        }
        Assumptions = a;
        Shape = a.BasePopulation.Shape;
        BaseYear = a.BaseYear;
        StepCount = a.EndYear - a.BaseYear;
        if (a.InterprovincialMigration is { } rates)
        {
            if (Shape.RegionCount < 2)
            {
                throw new InputDataException("assumptions", null, nameof(a.InterprovincialMigration), "set",
                    "null for a single-region population (migration between provinces needs a provincial base population)");
            }
            if (rates.RegionCount != Shape.RegionCount)
            {
                throw new InputDataException("assumptions", null, nameof(a.InterprovincialMigration), $"{rates.RegionCount} regions",
                    $"rates for the base population's {Shape.RegionCount} regions");
            }
            InterprovincialRates = rates.AsSpan().ToArray();
            (InterprovincialSendingRates, InterprovincialReceivingRates) = InterprovincialMigration.PrepareRates(InterprovincialRates, Shape.RegionCount);
        }

        const int A = Ages.Count;
        Survival = new double[StepCount * Sexes.Count * A];
        BirthSurvival = new double[StepCount * Sexes.Count];
        LifeExpectancyAtBirth = new double[StepCount * Sexes.Count];
        LifeExpectancyAt65 = new double[StepCount * Sexes.Count];
        Asfr = new double[StepCount * A];
        DeathShare = new double[StepCount * Sexes.Count * A];
        BirthWeight = new double[StepCount * A];
        TotalFertilityRate = new double[StepCount];
        MaleShareOfBirths = new double[StepCount];
        InternationalMigrants = new double[StepCount * Sexes.Count * A];
        EducationTargets = a.Education is null ? null : new double[StepCount * Sexes.Count * EducationTransitions.LevelMajorTargetLength];
        var targets = new double[EducationTargetLength];

        double w = a.BaseDateYearFraction;
        if (!(w >= 0 && w < 1))
        {
            throw new InputDataException("assumptions", null, nameof(a.BaseDateYearFraction), w.ToString("R", CultureInfo.InvariantCulture),
                "a fraction of the base year in [0, 1) (0 = 1 January)");
        }
        BaseDateYearFraction = w;
        CalendarTotalFertilityRate = new double[StepCount];
        StepAgeSchedule = new double[StepCount * A];

        Span<double> mx = stackalloc double[A];
        Span<double> next = stackalloc double[A];
        for (int t = 0; t < StepCount; t++)
        {
            int year = BaseYear + t;
            for (int s = 0; s < Sexes.Count; s++)
            {
                var sex = (Sex)s;
                int ts = t * Sexes.Count + s;
                a.Mortality.FillDeathRates(year, sex, mx);
                // e0 and e65 are the calendar year's own; the step's rates mix the two years it spans.
                LifeExpectancyAtBirth[ts] = LifeTable.LifeExpectancyAt(mx, sex, 0, MortalitySource);
                LifeExpectancyAt65[ts] = LifeTable.LifeExpectancyAt(mx, sex, 65, MortalitySource);
                if (w > 0)
                {
                    a.Mortality.FillDeathRates(year + 1, sex, next);
                    for (int age = 0; age < A; age++) mx[age] = (1 - w) * mx[age] + w * next[age];
                }
                SetStepMortality(t, sex, mx, MortalitySource);
                var migrants = InternationalMigrants.AsSpan(ts * A, A);
                a.InternationalMigration.PersonsFor(year, sex).CopyTo(migrants);
                if (w > 0)
                {
                    var following = a.InternationalMigration.PersonsFor(year + 1, sex);
                    for (int age = 0; age < A; age++) migrants[age] = (1 - w) * migrants[age] + w * following[age];
                }
                if (a.Education is { } path)
                {
                    path.FillTargets(year, sex, targets);
                    EducationTransitions.ToLevelMajor(targets, EducationTargets!.AsSpan(ts * EducationTransitions.LevelMajorTargetLength, EducationTransitions.LevelMajorTargetLength));
                }
            }
            double tfr = a.Fertility.TotalFertilityRate[year];
            CalendarTotalFertilityRate[t] = tfr;
            var schedule = StepAgeSchedule.AsSpan(t * A, A);
            a.Fertility.AgeSchedule.SharesFor(year).CopyTo(schedule);
            double srb = SexRatioAtBirth(a, year);
            if (w > 0)
            {
                // The step's age-specific rates are the two years' rates weighted by time; its TFR is their sum and its
                // schedule their shares, so that SetStepFertility (which Monte Carlo paths call with a shocked TFR) keeps the mix.
                double tfrNext = a.Fertility.TotalFertilityRate[year + 1];
                var scheduleNext = a.Fertility.AgeSchedule.SharesFor(year + 1);
                double stepTfr = (1 - w) * tfr + w * tfrNext;
                for (int age = 0; age < A; age++)
                {
                    double rate = (1 - w) * tfr * schedule[age] + w * tfrNext * scheduleNext[age];
                    schedule[age] = stepTfr > 0 ? rate / stepTfr : (1 - w) * schedule[age] + w * scheduleNext[age];
                }
                tfr = stepTfr;
                srb = (1 - w) * srb + w * SexRatioAtBirth(a, year + 1);
            }
            SetStepFertility(t, tfr);
            MaleShareOfBirths[t] = srb / (1 + srb);
        }
    }

    private static double SexRatioAtBirth(DemographicAssumptions a, int year)
    {
        double srb = a.Fertility.SexRatioAtBirth[year];
        if (!(srb > 0))
        {
            throw new InputDataException(a.Fertility.SexRatioAtBirth.Name, null, $"srb[{year}]", srb.ToString(CultureInfo.InvariantCulture), "a ratio of male to female births > 0");
        }
        return srb;
    }

    /// <summary>
    /// Fills the death rates a step applies: those of its start year, or with a base date after 1 January
    /// (<see cref="BaseDateYearFraction"/> f &gt; 0) (1 − f) × those of its start year + f × those of the next.
    /// Monte Carlo paths start from these before their shocks.
    /// </summary>
    internal void FillStepDeathRates(int t, Sex sex, Span<double> mx)
    {
        int year = BaseYear + t;
        Assumptions.Mortality.FillDeathRates(year, sex, mx);
        double w = BaseDateYearFraction;
        if (w == 0) return;
        Span<double> next = stackalloc double[Ages.Count];
        Assumptions.Mortality.FillDeathRates(year + 1, sex, next);
        for (int age = 0; age < Ages.Count; age++) mx[age] = (1 - w) * mx[age] + w * next[age];
    }

    private const string MortalitySource = "mortality model";

    /// <summary>
    /// Sets a step's rates for one sex from its death rates: survival ratios, births' survival and the share of each cell
    /// that dies (the open interval survives at T100/T99 like age 99). Used when compiling and by Monte Carlo workers
    /// that move mortality path by path in their own copy. Call <see cref="SetStepFertility"/> for the step afterwards
    /// when the female rates changed, since the birth weights use the female survival ratios.
    /// </summary>
    internal void SetStepMortality(int t, Sex sex, ReadOnlySpan<double> mx, string source)
    {
        const int A = Ages.Count;
        int ts = t * Sexes.Count + (int)sex;
        var survival = Survival.AsSpan(ts * A, A);
        LifeTable.SurvivalRatios(mx, sex, survival, out BirthSurvival[ts], source);
        var deaths = DeathShare.AsSpan(ts * A, A);
        for (int age = 0; age < A - 1; age++) deaths[age] = 1 - survival[age];
        deaths[A - 1] = 1 - survival[A - 2];
    }

    /// <summary>
    /// Sets a step's TFR, its age-specific rates (TFR × the year's schedule) and the birth weights: births =
    /// Σ ASFR(a) · ½(W(a, t) + W(a, t+1)) with W(a+1, t+1) = W(a, t) · S(a), one weight per woman's age at t.
    /// </summary>
    internal void SetStepFertility(int t, double totalFertilityRate)
    {
        const int A = Ages.Count;
        TotalFertilityRate[t] = totalFertilityRate;
        var schedule = StepAgeSchedule.AsSpan(t * A, A);
        var asfr = Asfr.AsSpan(t * A, A);
        for (int age = 0; age < A; age++) asfr[age] = totalFertilityRate * schedule[age];
        var femaleSurvival = Survival.AsSpan((t * Sexes.Count + (int)Sex.Female) * A, A);
        var weight = BirthWeight.AsSpan(t * A, A);
        for (int age = 0; age < A - 1; age++) weight[age] = 0.5 * (asfr[age] + asfr[age + 1] * femaleSurvival[age]);
        weight[A - 1] = 0.5 * (asfr[A - 1] + asfr[A - 1] * femaleSurvival[A - 2]);
    }

    /// <summary>Length of one (step, sex) block of education targets: [age 0..100][level 0..5].</summary>
    internal const int EducationTargetLength = Ages.Count * EducationLevels.Count;

    /// <summary>The assumptions this was compiled from.</summary>
    internal DemographicAssumptions Assumptions { get; }

    /// <summary>Shape of the population grid.</summary>
    internal PopulationShape Shape { get; }

    /// <summary>Year of the base population.</summary>
    internal int BaseYear { get; }

    /// <summary>Fraction of the base year elapsed at the grid's reference date (<see cref="DemographicAssumptions.BaseDateYearFraction"/>).</summary>
    internal double BaseDateYearFraction { get; }

    /// <summary>Number of one-year steps (EndYear − BaseYear).</summary>
    internal int StepCount { get; }

    /// <summary>[step][sex][age]: survival ratio from age a at the step's start to a+1 at its end; [99] is the 99+ → 100+ ratio.</summary>
    internal double[] Survival { get; }

    /// <summary>[step][sex][age]: 1 − survival ratio, the share of each cell at t that dies during the step.</summary>
    internal double[] DeathShare { get; }

    /// <summary>[step][age]: each woman's weight in the step's births (half her exposure now, half after surviving the year).</summary>
    internal double[] BirthWeight { get; }

    /// <summary>[step][sex]: share of the step's births alive at its end (L0 / l0).</summary>
    internal double[] BirthSurvival { get; }

    /// <summary>[step][sex]: e0 of the life table of the step's start year.</summary>
    internal double[] LifeExpectancyAtBirth { get; }

    /// <summary>[step][sex]: e65 of the life table of the step's start year.</summary>
    internal double[] LifeExpectancyAt65 { get; }

    /// <summary>[step][age]: births per woman-year of exposure.</summary>
    internal double[] Asfr { get; }

    /// <summary>[step]: the TFR the step applies (with a base date after 1 January, the two calendar years' mix).</summary>
    internal double[] TotalFertilityRate { get; }

    /// <summary>[step]: the TFR of the step's start year, as the assumption gives it (what the projection reports).</summary>
    internal double[] CalendarTotalFertilityRate { get; }

    /// <summary>[step][age]: the age schedule (shares summing to one) the step applies.</summary>
    internal double[] StepAgeSchedule { get; }

    /// <summary>[step]: SRB / (1 + SRB).</summary>
    internal double[] MaleShareOfBirths { get; }

    /// <summary>[step][sex][age]: national net international migrants (persons).</summary>
    internal double[] InternationalMigrants { get; }

    /// <summary>[region][sex][age] annual net rates between provinces, or null.</summary>
    internal double[]? InterprovincialRates { get; }

    /// <summary>[region][sex][age]: the negative part of the rates (senders).</summary>
    internal double[]? InterprovincialSendingRates { get; }

    /// <summary>[region][sex][age]: the positive part of the rates.</summary>
    internal double[]? InterprovincialReceivingRates { get; }

    /// <summary>[step][sex][level][age 15..34]: target share at or above each level, or null.</summary>
    internal double[]? EducationTargets { get; }

    /// <summary>Runs the projection.</summary>
    public DemographicProjection Run()
    {
        var buffers = new ProjectionBuffers(this);
        DemographicProjector.RunInto(this, buffers);
        return new DemographicProjection(this, buffers);
    }
}
