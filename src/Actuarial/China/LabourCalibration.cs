using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;

using Actuarial.Labour;

namespace Actuarial.China;

/// <summary>
/// Builds and calibrates China's labour assumptions from the embedded data (data/README.md):
/// <list type="number">
/// <item>Participation: the age shape is <see cref="ParticipationAgeShape"/> (an assumption; no age data). The
/// education gradient by sex is the 2010 census activity rate of the population 16+ by education
/// (<see cref="PensionData.Census2010ActivityByEducationSex"/>), reproduced on the Wittgenstein Centre's 2010
/// population 16+ by sex, age and education (<see cref="WittgensteinPopulation"/>); the level
/// of each sex is then scaled to WDI 2024: women's participation 15+ = 59.4 % (<c>SL.TLF.CACT.FE.ZS</c>) and the
/// employment-to-population ratio 15+ of both sexes = 61.9 % (<c>SL.EMP.TOTL.SP.ZS</c>), on the engine's 2024 population.</item>
/// <item>Unemployment: the 2010 census unemployment rate (unemployed / active) by sex × education, held (assumption: the
/// only rates by education found; the level matters little because coverage is calibrated after it).</item>
/// <item>Wages: the 2024 full-caliber (全口径) average wage where published (12 provinces); for the other 19, the
/// non-private average wage (2024, or 2023 grown by the national non-private growth 2023→2024) × the median ratio of
/// full-caliber to non-private wages over every province-year with both (2023–2024), an assumption named in
/// <see cref="LabourCalibrationResult.FullCaliberToNonPrivateRatio"/>. Growth: the national non-private series for
/// 2021–2025 (2025 = +4.3%, a figure of low trust, see <see cref="DefaultWageGrowth"/>); from 2026 its compound growth
/// 2019→2024, held (an assumption to override).</item>
/// <item>Coverage: solved province by province (bisection to 1e-12) so that the 2024 covered workers below their
/// statutory retirement age equal the yearbook's workers (职工) of 2024, <see cref="PensionData.UrbanEmployeePensionProvince2024"/>.</item>
/// </list>
/// </summary>
internal static class LabourCalibration
{
    /// <summary>Year of the calibration and of the base wages.</summary>
    public const int CalibrationYear = 2024;

    /// <summary>Year of the WDI participation and employment targets (labour_force_rates_national.csv).</summary>
    public const int WdiYear = 2024;

    /// <summary>Year of the census activity rates by education (2010), and of the Wittgenstein population that weights them.</summary>
    public const int GradientYear = 2010;

    /// <summary>
    /// Calibrates participation levels and takes unemployment from the 2010 census (see the class remarks).
    /// </summary>
    /// <param name="shape">The age shape.</param>
    /// <param name="census">2010 census activity by sex × education.</param>
    /// <param name="gradientPopulation">National persons by [sex, education, age] (1,212 cells) on which the census rates by education are reproduced (WIC 2010 in the defaults).</param>
    /// <param name="levelPopulation">National persons by [sex, education, age] of the year of the WDI targets (2024).</param>
    /// <param name="femaleParticipation15Plus">Target women's participation rate 15+, a fraction.</param>
    /// <param name="employmentRatio15Plus">Target employment-to-population ratio 15+ of both sexes, a fraction.</param>
    internal static (LabourForceProfile Profile, LabourForceFit Fit) CalibrateLabourForce(ParticipationAgeShape shape, IReadOnlyList<Census2010ActivityRow> census,
        ReadOnlySpan<double> gradientPopulation, ReadOnlySpan<double> levelPopulation, double femaleParticipation15Plus, double employmentRatio15Plus)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(census);
        const int cells = LabourForceProfile.Cells;
        if (gradientPopulation.Length != cells || levelPopulation.Length != cells)
        {
            throw new ArgumentException($"expected national populations of {cells} cells");
        }
        LabourForceProfile.CheckRate("CalibrateLabourForce", nameof(femaleParticipation15Plus), femaleParticipation15Plus);
        LabourForceProfile.CheckRate("CalibrateLabourForce", nameof(employmentRatio15Plus), employmentRatio15Plus);
        var rates = new double[Sexes.Count * EducationLevels.Count];
        var unemployment = new double[rates.Length];
        foreach (var sex in Sexes.All)
        {
            foreach (var level in EducationLevels.All)
            {
                var (active, population, unemployed) = CensusCounts(census, sex, level);
                rates[(int)sex * EducationLevels.Count + (int)level] = active / population;
                unemployment[(int)sex * EducationLevels.Count + (int)level] = unemployed / active;
            }
        }
        var shapeValues = new double[cells];
        var gradient = new double[rates.Length];
        foreach (var sex in Sexes.All)
        {
            foreach (var level in EducationLevels.All)
            {
                double weighted = 0, persons = 0;
                for (int a = 0; a < Ages.Count; a++)
                {
                    int i = LabourForceProfile.Index(sex, level, a);
                    shapeValues[i] = shape.Value(sex, level, a);
                    if (a < 16) continue; // the census universe is 16+
                    weighted += gradientPopulation[i] * shapeValues[i];
                    persons += gradientPopulation[i];
                }
                int k = (int)sex * EducationLevels.Count + (int)level;
                gradient[k] = weighted > 0 ? rates[k] / (weighted / persons) : 0;
            }
        }
        var pop = levelPopulation.ToArray();
        double female = Solve(k => Rate(pop, shapeValues, gradient, Sex.Female, k, null) - femaleParticipation15Plus, "women's participation 15+");
        double femaleEmployed = Employed(pop, shapeValues, gradient, unemployment, Sex.Female, female);
        double persons15 = Persons15(pop, Sex.Male) + Persons15(pop, Sex.Female);
        double male = Solve(k => (Employed(pop, shapeValues, gradient, unemployment, Sex.Male, k) + femaleEmployed) / persons15 - employmentRatio15Plus,
            "employment-to-population ratio 15+");
        var participation = new double[cells];
        for (int i = 0; i < cells; i++)
        {
            int k = i / Ages.Count;
            double level = k < EducationLevels.Count ? male : female;
            participation[i] = Math.Min(1, level * gradient[k] * shapeValues[i]);
        }
        var profile = new LabourForceProfile(participation, unemployment, "2010 census by education × WDI 2024 levels × double-logistic age shape");
        var fit = new LabourForceFit(male, female, Rate(pop, shapeValues, gradient, Sex.Male, male, null), Rate(pop, shapeValues, gradient, Sex.Female, female, null),
            (Employed(pop, shapeValues, gradient, unemployment, Sex.Male, male) + femaleEmployed) / persons15, rates, unemployment);
        return (profile, fit);
    }

    /// <summary>
    /// The average annual wage of every province in <paramref name="year"/>, yuan: full caliber where published, else
    /// non-private × <paramref name="ratio"/> (non-private of the year, or of the year before grown by the national non-private growth).
    /// </summary>
    /// <returns>The wages and, per province, how each was obtained.</returns>
    internal static (ProvinceValues Wages, IReadOnlyList<string> Origins) ProvinceAverageWages(int year, double ratio,
        IReadOnlyList<FullCaliberWageProvinceRow> fullCaliber, IReadOnlyList<NonPrivateWageProvinceRow> nonPrivate, IReadOnlyList<AverageWageNationalRow> national)
    {
        var values = new List<(int, double)>();
        var origins = new List<string>();
        double nationalGrowth = national.Single(r => r.Year == year).NonPrivateYuanPerYear / national.Single(r => r.Year == year - 1).NonPrivateYuanPerYear;
        foreach (var province in Regions.Provinces)
        {
            var fc = fullCaliber.Where(r => r.Year == year && r.RegionCode == province.Code).ToList();
            if (fc.Count == 1)
            {
                values.Add((province.Code, FullCaliberAnnual(fc[0])));
                origins.Add(fc[0].FullCaliberYuanPerYear is null ? $"full caliber {year} (monthly × 12)" : $"full caliber {year}");
                continue;
            }
            var np = nonPrivate.Where(r => r.Year == year && r.RegionCode == province.Code).ToList();
            if (np.Count == 1)
            {
                values.Add((province.Code, ratio * np[0].NonPrivateYuanPerYear));
                origins.Add($"non-private {year} × ratio");
                continue;
            }
            var before = nonPrivate.Single(r => r.Year == year - 1 && r.RegionCode == province.Code);
            values.Add((province.Code, ratio * before.NonPrivateYuanPerYear * nationalGrowth));
            origins.Add($"non-private {year - 1} × national non-private growth {year - 1}→{year} × ratio");
        }
        return (new ProvinceValues("average wage", values, 0, 10_000_000), origins);
    }

    /// <summary>The ratio of full-caliber to non-private average wages: the median over every province-year with both in [fromYear, toYear].</summary>
    internal static (double Ratio, IReadOnlyList<(int Year, int Code, double Ratio)> Pairs) FullCaliberToNonPrivateRatio(int fromYear, int toYear,
        IReadOnlyList<FullCaliberWageProvinceRow> fullCaliber, IReadOnlyList<NonPrivateWageProvinceRow> nonPrivate)
    {
        var pairs = (from fc in fullCaliber
                     join np in nonPrivate on (fc.Year, fc.RegionCode) equals (np.Year, np.RegionCode)
                     where fc.Year >= fromYear && fc.Year <= toYear
                     select (fc.Year, fc.RegionCode, FullCaliberAnnual(fc) / np.NonPrivateYuanPerYear)).OrderBy(p => p.Item3).ToList();
        if (pairs.Count == 0) throw new InputDataException("average_wage_full_caliber_province.csv", null, "year", null, $"a province-year in {fromYear}..{toYear} with both wages");
        int n = pairs.Count;
        double median = n % 2 == 1 ? pairs[n / 2].Item3 : (pairs[n / 2 - 1].Item3 + pairs[n / 2].Item3) / 2;
        return (median, pairs);
    }

    /// <summary>
    /// Default wage growth path over [firstYear + 1, lastYear]:
    /// <list type="number">
    /// <item>every year for which the national non-private average wage is published (and the year before it), its
    /// growth, whatever the row's trust: with the embedded data 2021–2024 from the NBS releases (trust high) and 2025 =
    /// 129,441 / 124,110 − 1 = +4.3% (trust <b>low</b>: quoted by secondary files only, not checked against the NBS
    /// release; data/README.md). The 2025 figure is used because it is the only observation of the first
    /// projected year, and it agrees with the slowdown of the high-trust series (+2.8% in 2024); the alternative, the
    /// long-run rate below, would put 2025 at +6.5%. It decides the 2025 contribution base and hence the 2025 fund
    /// balance the baseline is validated on (PensionBaselineValidationTests).</item>
    /// <item>after the last published year, the compound growth over the <paramref name="window"/> years ending at the
    /// last year of trust high (2019→2024: 6.52%), held (an assumption): a figure of low trust sets at most the growth
    /// of its own year, never the long-run rate.</item>
    /// </list>
    /// </summary>
    /// <param name="national">The national non-private series with its trust flags (average_wage_national.csv).</param>
    /// <param name="firstYear">The year before the first year of the path.</param>
    /// <param name="lastYear">The last year of the path.</param>
    /// <param name="window">Years of the compound average that sets the long-run growth.</param>
    /// <returns>The path and the long-run growth.</returns>
    /// <param name="source">The file the rows were read from, named in messages (the embedded table by default).</param>
    /// <exception cref="InputDataException">No rows, no row of trust "high", or none <paramref name="window"/> years before the last.</exception>
    internal static (AnnualPath Path, double LongRunGrowth) DefaultWageGrowth(IReadOnlyList<AverageWageNationalRow> national, int firstYear, int lastYear, int window = 5,
        string source = "average_wage_national.csv")
    {
        ArgumentNullException.ThrowIfNull(national);
        if (national.Count == 0) throw new InputDataException(source, null, "(rows)", null, "national average wages by year");
        var duplicate = national.GroupBy(r => r.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InputDataException(source, null, "year", duplicate.Key.ToString(CultureInfo.InvariantCulture), "each year once");
        var published = national.ToDictionary(r => r.Year, r => r.NonPrivateYuanPerYear);
        var high = national.Where(r => r.Trust == "high").ToDictionary(r => r.Year, r => r.NonPrivateYuanPerYear);
        if (high.Count == 0)
        {
            throw new InputDataException(source, null, "trust", string.Join(", ", national.Select(r => r.Trust).Distinct().Take(5)),
                "at least one row of trust \"high\" (lower case): the long-run growth is read from those");
        }
        int lastHigh = high.Keys.Max();
        if (!high.ContainsKey(lastHigh - window))
        {
            throw new InputDataException(source, null, "year", (lastHigh - window).ToString(CultureInfo.InvariantCulture),
                $"a row of trust high {window} years before the last one ({lastHigh}), for the long-run growth");
        }
        double longRun = Math.Pow(high[lastHigh] / high[lastHigh - window], 1.0 / window) - 1;
        int lastPublished = published.Keys.Max();
        var values = new List<(int, double)>();
        for (int y = firstYear + 1; y <= lastYear; y++)
        {
            bool observed = y <= lastPublished && published.ContainsKey(y) && published.ContainsKey(y - 1);
            values.Add((y, observed ? published[y] / published[y - 1] - 1 : longRun));
        }
        var (min, max) = LabourLever.WageGrowth.Range();
        return (AnnualPath.FromYears(LabourLever.WageGrowth.Label(), values, min, max), longRun);
    }

    /// <summary>
    /// The default coverage path (<see cref="CoveragePath.Estimate"/>) from the published national workers (职工)
    /// the projection's base year to 2024 (urban_employee_pension_national.csv) against the calibrated model's workers
    /// at the 2024 coverage on the engine's population of those years.
    /// </summary>
    public static CoveragePathEstimate EstimateCoveragePath(LabourAssumptions calibrated, DemographicProjection projection)
    {
        ArgumentNullException.ThrowIfNull(calibrated);
        ArgumentNullException.ThrowIfNull(projection);
        var published = PublishedNationalWorkers().Where(kv => kv.Key >= projection.BaseYear && kv.Key <= CalibrationYear).ToDictionary();
        var model = calibrated.Compile();
        var atAnchor = published.Keys.ToDictionary(y => y, y => model.CoveredWorkersBelowRetirementAge(y, projection.PersonsAt(y)).Sum());
        var everyone = calibrated.WithLever(LabourLever.UncoveredWorkersJoining,
            Enumerable.Range(calibrated.FirstYear, calibrated.LastYear - calibrated.FirstYear + 1).Select(y => (y, 1.0))).Compile();
        double uncovered = everyone.CoveredWorkersBelowRetirementAge(CalibrationYear, projection.PersonsAt(CalibrationYear)).Sum() - atAnchor[CalibrationYear];
        return CoveragePath.Estimate(published, atAnchor, uncovered, CalibrationYear);
    }

    /// <summary>The published national workers (职工) of the urban employee scheme by year, persons (urban_employee_pension_national.csv, scope all).</summary>
    public static IReadOnlyDictionary<int, double> PublishedNationalWorkers() =>
        PensionData.UrbanEmployeePensionNational().Where(r => r.Scope == PensionScope.All && r.Item == "workers").ToDictionary(r => r.Year, r => r.Value * 10_000);

    /// <summary>The yearbook's contributing-status workers (职工) of 2024 by province, persons (workers_10k × 10,000).</summary>
    public static ProvinceValues YearbookWorkers(int year = CalibrationYear) =>
        new("urban_employee_pension_province_2024.csv workers_10k × 10,000",
            PensionData.UrbanEmployeePensionProvince2024().Where(r => r.Year == year && r.RegionCode != 0).Select(r => (r.RegionCode, r.WorkersTenThousands * 10_000)),
            0, 2e9);

    /// <summary>
    /// National persons by [sex, education, age] (1,212 cells) in a Wittgenstein Centre (2018) year, five-year groups
    /// spread evenly over their single ages (used only to weight the census rates by education by age, in the census
    /// year 2010, so the gradient is reproduced on the population the census counted).
    /// </summary>
    public static double[] WittgensteinPopulation(int year)
    {
        var result = new double[LabourForceProfile.Cells];
        var rows = ChinaData.Wic2018Ssp2PopulationAgeSexEducation().Where(r => r.Year == year && r.Education is not null).ToList();
        if (rows.Count == 0) throw new InputDataException("wic2018_ssp2_population_age_sex_education.csv", null, "year", year.ToString(CultureInfo.InvariantCulture), "a year of the file (every fifth year 1950-2100)");
        foreach (var row in rows)
        {
            int start = row.AgeGroup.Start, end = row.AgeGroup.End ?? Ages.OpenInterval;
            double each = row.PopThousands * 1000 / (end - start + 1);
            for (int a = start; a <= end; a++) result[LabourForceProfile.Index(row.Sex, row.Education!.Value, a)] += each;
        }
        return result;
    }

    private static double FullCaliberAnnual(FullCaliberWageProvinceRow row) => row.FullCaliberYuanPerYear ?? row.FullCaliberYuanPerMonth * 12;

    internal static double[] NationalSum(ReadOnlySpan<double> persons)
    {
        var sum = new double[LabourForceProfile.Cells];
        for (int r = 0; r < persons.Length / LabourForceProfile.Cells; r++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sum, persons.Slice(r * LabourForceProfile.Cells, LabourForceProfile.Cells), sum);
        }
        return sum;
    }

    private static (double Active, double Population, double Unemployed) CensusCounts(IReadOnlyList<Census2010ActivityRow> census, Sex sex, EducationLevel level)
    {
        CensusEducation[] categories = level switch
        {
            EducationLevel.NoEducation => [CensusEducation.NeverAttended],
            EducationLevel.IncompletePrimary or EducationLevel.Primary => [CensusEducation.Primary],
            EducationLevel.LowerSecondary => [CensusEducation.JuniorSecondary],
            EducationLevel.UpperSecondary => [CensusEducation.SeniorSecondary],
            _ => [CensusEducation.TertiaryJuniorCollege, CensusEducation.TertiaryBachelor, CensusEducation.Postgraduate],
        };
        var want = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        var rows = census.Where(r => r.Sex == want && r.Education is { } e && categories.Contains(e)).ToList();
        if (rows.Count != categories.Length)
        {
            throw new InputDataException("census2010_activity_by_education_sex.csv", null, "education", level.Label(),
                $"one row for each of {string.Join(", ", categories)} ({sex.Label()})");
        }
        return (rows.Sum(r => (double)r.EconomicallyActiveSamplePersons), rows.Sum(r => (double)r.Pop16PlusSamplePersons), rows.Sum(r => (double)r.UnemployedSamplePersons));
    }

    private static double Persons15(double[] pop, Sex sex)
    {
        double sum = 0;
        foreach (var level in EducationLevels.All)
        {
            for (int a = 15; a < Ages.Count; a++) sum += pop[LabourForceProfile.Index(sex, level, a)];
        }
        return sum;
    }

    private static double Rate(double[] pop, double[] shape, double[] gradient, Sex sex, double level, double[]? unemployment)
    {
        double active = 0;
        foreach (var education in EducationLevels.All)
        {
            int k = (int)sex * EducationLevels.Count + (int)education;
            double keep = unemployment is null ? 1 : 1 - unemployment[k];
            for (int a = 15; a < Ages.Count; a++)
            {
                int i = LabourForceProfile.Index(sex, education, a);
                active += pop[i] * Math.Min(1, level * gradient[k] * shape[i]) * keep;
            }
        }
        return active / Persons15(pop, sex);
    }

    private static double Employed(double[] pop, double[] shape, double[] gradient, double[] unemployment, Sex sex, double level) =>
        Rate(pop, shape, gradient, sex, level, unemployment) * Persons15(pop, sex);

    private static double Solve(Func<double, double> f, string what)
    {
        double lo = 0, hi = 20;
        if (f(hi) < 0) throw new InputDataException("labour force calibration", null, what, null, "a target the age shape can reach");
        for (int it = 0; it < 200 && hi - lo > 1e-14; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (f(mid) < 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}

/// <summary>Result of the China calibration: the calibrated assumptions and what the calibration found.</summary>
/// <param name="Assumptions">The calibrated assumptions (<c>ChinaDefaults.Labour()</c>).</param>
/// <param name="Coverage">Per province: yearbook workers 2024, the model's covered workers below statutory age, coverage.</param>
/// <param name="LabourForce">The participation fit.</param>
/// <param name="FullCaliberToNonPrivateRatio">ASSUMPTION for the 19 provinces without a full-caliber wage: median full-caliber / non-private ratio over the province-years with both (2023–2024).</param>
/// <param name="RatioPairs">The province-year ratios the median is taken over.</param>
/// <param name="WageOrigins">How each province's 2024 wage was obtained, in grid order.</param>
/// <param name="LongRunWageGrowth">ASSUMPTION: nominal wage growth after the last published year (from 2026), the compound growth of the national non-private wage over the five years to the last year of trust high, 2019→2024.</param>
internal sealed record LabourCalibrationResult(
    LabourAssumptions Assumptions, IReadOnlyList<CoverageCalibrationRow> Coverage, LabourForceFit LabourForce, double FullCaliberToNonPrivateRatio,
    IReadOnlyList<(int Year, int Code, double Ratio)> RatioPairs, IReadOnlyList<string> WageOrigins, double LongRunWageGrowth)
{
    /// <summary>The default coverage path after 2024 and its fit to the published workers (null when built without one).</summary>
    internal CoveragePathEstimate? CoveragePath { get; init; }
}

/// <summary>The participation fit.</summary>
/// <param name="MaleLevel">Level factor of men (multiplies gradient × shape).</param>
/// <param name="FemaleLevel">Level factor of women.</param>
/// <param name="MaleParticipation15Plus">Model men's participation 15+ in the level year.</param>
/// <param name="FemaleParticipation15Plus">Model women's participation 15+ (= the WDI target).</param>
/// <param name="EmploymentRatio15Plus">Model employment-to-population ratio 15+ (= the WDI target).</param>
/// <param name="CensusParticipation">2010 census participation 16+ by [sex, education] mapped to the six levels.</param>
/// <param name="CensusUnemployment">2010 census unemployment by [sex, education] (the default unemployment).</param>
internal sealed record LabourForceFit(double MaleLevel, double FemaleLevel, double MaleParticipation15Plus, double FemaleParticipation15Plus,
    double EmploymentRatio15Plus, IReadOnlyList<double> CensusParticipation, IReadOnlyList<double> CensusUnemployment);
