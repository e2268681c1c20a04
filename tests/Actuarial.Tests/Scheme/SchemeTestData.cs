using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using Actuarial.Tests.Engine;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// A test double of the labour layer: coverage = province scale × a smooth age profile (ages 18–64) × an education
/// factor, at most the population; wage = the province's average × an education premium × an age profile, growing at a
/// fixed rate. Allocation-free.
/// </summary>
internal sealed class FakeWorkforce : ICoveredWorkforce
{
    private static readonly double[] EducationCoverage = [0.25, 0.3, 0.45, 0.6, 0.8, 0.95];
    private static readonly double[] EducationPremium = [0.6, 0.65, 0.75, 0.85, 1.0, 1.6];
    private readonly double[] _scale;
    private readonly double[] _wage2024;
    private readonly double _growth;

    private readonly double[]? _noise;

    public FakeWorkforce(IReadOnlyList<double> scaleByRegion, IReadOnlyList<double> wage2024ByRegion, double wageGrowth = 0.05, double coverageFactor = 1,
        double[]? noise = null)
    {
        _noise = noise;
        _scale = scaleByRegion.Select(s => s * coverageFactor).ToArray();
        _wage2024 = wage2024ByRegion.ToArray();
        _growth = wageGrowth;
    }

    public static double AgeProfile(int age) => age < 18 || age > 70 ? 0 : age < 25 ? (age - 17) / 8.0 : age < 50 ? 1 : 1 - (age - 50) / 22.0;

    public static double Coverage(EducationLevel e, int age) => EducationCoverage[(int)e] * AgeProfile(age);

    public void FillCoveredWorkers(int year, ReadOnlySpan<double> population, Span<double> coveredWorkers, Span<double> annualWageYuan)
    {
        double growth = Math.Pow(1 + _growth, year - 2024);
        for (int r = 0; r < _scale.Length; r++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int e = 0; e < EducationLevels.Count; e++)
                {
                    int start = PopulationShape.RunStart(r, (Sex)s, (EducationLevel)e);
                    for (int a = 0; a < Ages.Count; a++)
                    {
                        int i = start + a;
                        double noise = _noise is null ? 1 : _noise[i % PopulationShape.CellsPerRegion];
                        coveredWorkers[i] = Math.Min(population[i], _scale[r] * noise * Coverage((EducationLevel)e, a) * population[i]);
                        double ageWage = a < 18 ? 0.5 : 0.7 + 0.3 * Math.Min(1, (a - 18) / 25.0);
                        annualWageYuan[i] = _wage2024[r] * growth * EducationPremium[e] * ageWage * (s == 0 ? 1.05 : 0.95);
                    }
                }
            }
        }
    }

    /// <summary>Province scales that put the 2024 covered workers aged under 60 near the targets.</summary>
    public static double[] Scales(PopulationShape shape, ReadOnlySpan<double> population, IReadOnlyDictionary<int, SchemeBaseYearTarget> targets)
    {
        var scales = new double[shape.RegionCount];
        for (int r = 0; r < shape.RegionCount; r++)
        {
            double covered = 0;
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int e = 0; e < EducationLevels.Count; e++)
                {
                    for (int a = 0; a < 60; a++) covered += Coverage((EducationLevel)e, a) * population[PopulationShape.Index(r, (Sex)s, (EducationLevel)e, a)];
                }
            }
            scales[r] = Math.Min(1, targets[shape.Regions[r].Code].Workers / covered);
        }
        return scales;
    }
}

/// <summary>Shared set-ups: China on its default demography, and small synthetic provinces.</summary>
internal static class SchemeTestData
{
    public const int ChinaEndYear = 2060;

    private static readonly Lazy<DemographicProjection> ChinaDemographyValue =
        new(() => DemographicProjector.Run(ChinaDefaults.Demography() with { EndYear = ChinaEndYear }));

    public static DemographicProjection ChinaDemography => ChinaDemographyValue.Value;

    /// <summary>Provincial 2024 wages for the fake: the 2023 non-private average wage × 0.8 (the full-caliber average is lower) × 1.03.</summary>
    public static double[] ChinaWages2024()
    {
        var byCode = PensionData.AverageWageNonPrivateProvince().Where(r => r.Year == 2023 && r.RegionCode != 0).ToDictionary(r => r.RegionCode, r => r.NonPrivateYuanPerYear);
        return Regions.Provinces.Select(p => byCode[p.Code] * 0.8 * 1.03).ToArray();
    }

    public static SchemeAssumptions China(double coverageFactor = 1, int endYear = ChinaEndYear)
    {
        var demography = ChinaDemography;
        var targets = ChinaSchemeTargets.Yearbook2024Targets();
        var scales = FakeWorkforce.Scales(demography.Shape, demography.PersonsAt(2024), targets);
        return ChinaDefaults.Scheme() with
        {
            Demography = demography,
            Workforce = new FakeWorkforce(scales, ChinaWages2024(), coverageFactor: coverageFactor),
            EndYear = endYear,
            BaseYearFundReturn = ChinaFunds.DefaultBaseYearFundReturn,
        };
    }

    /// <summary>
    /// Bytes the yearly step allocates: a new engine on <paramref name="assumptions"/>, initialised and warmed up on 2024
    /// and 2025 (first-use buffers), then stepped 2026 … <paramref name="lastYear"/> while the thread's allocations are counted.
    /// </summary>
    public static (long Bytes, SchemeEngine Engine) AllocatedByYearlySteps(SchemeAssumptions assumptions, int lastYear)
    {
        var engine = new SchemeEngine(assumptions, SchemeCalibration.Calibrate(assumptions));
        engine.Initialize();
        engine.Step(2024);
        engine.Step(2025);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int year = 2026; year <= lastYear; year++) engine.Step(year);
        return (GC.GetAllocatedBytesForCurrentThread() - before, engine);
    }

    /// <summary>Random small provinces (synthetic demography 2020–2024+horizon) with targets made to fit them.</summary>
    public static SchemeAssumptions Synthetic(int seed, int regions = 2, int horizon = 12, double coverageFactor = 1)
    {
        var demography = DemographicProjector.Run(SyntheticDemography.Random(seed, regions, years: 2024 - SyntheticDemography.BaseYear + horizon));
        var random = new Random(seed);
        var pop = demography.PersonsAt(2024);
        var targets = new Dictionary<int, SchemeBaseYearTarget>();
        var wages = new double[regions];
        for (int r = 0; r < regions; r++)
        {
            double working = 0, old = 0;
            for (int s = 0; s < Sexes.Count; s++)
            {
                working += demography.PersonsAged(2024, r, (Sex)s, 20, 49);
                old += demography.PersonsAged(2024, r, (Sex)s, 65, 100);
            }
            wages[r] = 50_000 + 100_000 * random.NextDouble();
            double workers = working * (0.2 + 0.3 * random.NextDouble());
            double retirees = old * (0.2 + 0.8 * random.NextDouble());
            targets[demography.Shape.Regions[r].Code] = new SchemeBaseYearTarget(workers, retirees,
                workers * wages[r] * (0.1 + 0.1 * random.NextDouble()), retirees * wages[r] * (0.3 + 0.3 * random.NextDouble()));
        }
        var scales = FakeWorkforce.Scales(demography.Shape, pop, targets);
        // Coverage that does not fall smoothly with age: a random factor per (sex, education, age) in [0.3, 1.7], and in
        // [0, 4] from age 55, so that coverage can rise again near the retirement ages.
        var noise = new double[PopulationShape.CellsPerRegion];
        for (int i = 0; i < noise.Length; i++) noise[i] = i % Ages.Count >= 55 ? 12 * random.NextDouble() : 0.3 + 1.4 * random.NextDouble();
        return new SchemeAssumptions
        {
            BaseYear = 2024,
            Rules = ChinaDefaults.SchemeRules(),
            Demography = demography,
            Workforce = new FakeWorkforce(scales, wages, coverageFactor: coverageFactor, noise: noise),
            EndYear = 2024 + horizon,
            Targets = targets,
            SubsidyShare = 0.15,
        };
    }
}
