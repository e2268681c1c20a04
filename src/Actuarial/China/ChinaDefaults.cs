using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.China;

/// <summary>
/// China's defaults, built from the data embedded in the library (see data/README.md for every source):
/// <list type="bullet">
/// <item>Base population: the 2020 census (1 November) by province, sex and single year of age, split by education
/// (<see cref="ChinaBasePopulation.China2020"/>).</item>
/// <item>Mortality: the WPP 2024 path of life expectancy at birth by sex (estimates 2020–2023, medium 2024–2100),
/// met every year by solving for the level of a Lee-Carter pattern: a(x) = ln m(x) of WPP 2024's 2015–2020 period
/// graduated to single years (the jump-off rates), b(x) fitted by SVD to WPP 2024's 1990–2020 periods.</item>
/// <item>Fertility: WPP 2024 TFR (estimates to 2023, medium after), WPP 2024 annual age pattern graduated to single
/// years, WPP 2024 sex ratio at birth.</item>
/// <item>International migration: WPP 2024 medium net migrants by sex and single age from 2023; for 2020–2022, WPP
/// 2024's estimated totals (wpp2024_net_migration_total.csv) in the 2023 age-sex pattern (WPP 2024 gives no age detail
/// before 2023 in the embedded data: the pattern is an assumption, the totals are not).</item>
/// <item>The years already observed (<see cref="ObservedYearsBasis"/>, by default NBS's): 2021–2024 meet NBS's births
/// and deaths (one factor a year on WPP's death rates, one on its TFR), with NBS's accounts' net migration (nil); after
/// 2024 WPP's paths times the mean factors of 2021–2024 (<see cref="ObservedYearsCalibration"/>,
/// <see cref="NbsCalibrationFactors"/>).</item>
/// <item>Calendar basis: the grid's date is the census day, 1 November, every year
/// (<see cref="CensusDateYearFraction"/>); each step mixes the two calendar years' rates it spans, and flows are
/// reported by calendar year (<see cref="DemographicProjection.CalendarYearBirths"/>).</item>
/// <item>Migration between provinces: net rates by province, sex and age from the 2010 and 2020 censuses by the
/// census survival ratio method (<see cref="ChinaInterprovincialMigration.China2010To2020"/>), held constant.</item>
/// <item>Education: the Wittgenstein Centre SSP2 attainment path; mean years of schooling on NBS's scale
/// (<see cref="ChinaEducation.NbsScale2020"/>); WIC's own scale is <see cref="SchoolingYears.WittgensteinSsp2China"/>
/// (<c>Demography() with { SchoolingYears = SchoolingYears.WittgensteinSsp2China }</c>).</item>
/// </list>
/// Every piece is public so that a notebook can take the defaults and change one lever:
/// <c>ChinaDefaults.Demography() with { Fertility = … }</c>.
/// </summary>
public static partial class ChinaDefaults
{
    /// <summary>The base year (2020 census).</summary>
    public const int BaseYear = 2020;

    /// <summary>
    /// The 2020 census's reference moment, 00:00 on 1 November 2020, as the fraction of 2020 elapsed: 305 of 366 days.
    /// Every year's grid is on 1 November (<see cref="DemographicAssumptions.BaseDateYearFraction"/>).
    /// </summary>
    internal const double CensusDateYearFraction = 305.0 / 366.0;

    /// <summary>The default basis of the observed years (<see cref="ObservedYearsBasis.Nbs"/>).</summary>
    internal const ObservedYearsBasis DefaultObservedYears = ObservedYearsBasis.Nbs;

    /// <summary>The default horizon.</summary>
    public const int EndYear = 2100;

    /// <summary>First year of the WPP 2024 periods the mortality improvement pattern b(x) is fitted to.</summary>
    internal const int MortalityFitFirstPeriod = 1990;

    /// <summary>The WPP 2024 period whose rates are the jump-off pattern a(x).</summary>
    internal const int MortalityJumpOffPeriod = 2015;

    private static readonly Lazy<PopulationGrid> ProvincialBase = new(() =>
        new PopulationGrid(new PopulationShape(Regions.Provinces), ChinaBasePopulation.China2020(), "2020 census base population"));
    private static readonly Lazy<IMortalityModel> DefaultMortality = new(BuildMortality);
    private static readonly Lazy<FertilityAssumption> DefaultFertility = new(BuildFertility);
    private static readonly Lazy<InternationalMigrationAssumption> DefaultMigration = new(() => BuildInternationalMigration(ObservedYearsBasis.Wpp2024));
    private static readonly Lazy<ObservedYearsCalibration.Result> NbsCalibration = new(CalibrateToNbs);
    private static readonly Lazy<InterprovincialMigrationRates> DefaultInterprovincial = new(() => ChinaInterprovincialMigration.China2010To2020());
    private static readonly Lazy<AttainmentPath> DefaultEducation = new(ChinaEducation.WittgensteinSsp2);

    /// <summary>The 31 provinces with education and migration between provinces, 2020–2100, observed years on the default basis.</summary>
    public static DemographicAssumptions Demography() => Demography(DefaultObservedYears);

    /// <summary>The 31 provinces with education and migration between provinces, 2020–2100, observed years on the given basis.</summary>
    public static DemographicAssumptions Demography(ObservedYearsBasis observedYears) => observedYears switch
    {
        ObservedYearsBasis.Wpp2024 => Wpp2024Demography(),
        ObservedYearsBasis.Nbs => NbsCalibration.Value.Assumptions,
        _ => throw new ArgumentOutOfRangeException(nameof(observedYears), observedYears, "Nbs or Wpp2024"),
    };

    /// <summary>China as one region (the sum of the provincial base), with education, 2020–2100, observed years on the default basis.</summary>
    public static DemographicAssumptions NationalDemography() => NationalDemography(DefaultObservedYears);

    /// <summary>China as one region (the sum of the provincial base), with education, 2020–2100, observed years on the given basis.</summary>
    public static DemographicAssumptions NationalDemography(ObservedYearsBasis observedYears) => Demography(observedYears) with
    {
        BasePopulation = ProvincialBase.Value.ToNational(),
        InterprovincialMigration = null,
    };

    /// <summary>The factors by which the NBS basis scales WPP 2024's death rates and TFR (<see cref="ObservedYearsCalibration"/>).</summary>
    internal static (AnnualPath Mortality, AnnualPath Fertility) NbsCalibrationFactors() => (NbsCalibration.Value.MortalityFactor, NbsCalibration.Value.FertilityFactor);

    private static DemographicAssumptions Wpp2024Demography() => new()
    {
        BasePopulation = ProvincialBase.Value,
        BaseYear = BaseYear,
        BaseDateYearFraction = CensusDateYearFraction,
        EndYear = EndYear,
        Mortality = DefaultMortality.Value,
        Fertility = DefaultFertility.Value,
        InternationalMigration = DefaultMigration.Value,
        InterprovincialMigration = DefaultInterprovincial.Value,
        Education = DefaultEducation.Value,
        SchoolingYears = ChinaEducation.NbsScale2020,
    };

    /// <summary>
    /// NBS's years: births and deaths of 2021–2024 met (NBS communiqués, nbs_population_vital.csv) and NBS's accounts'
    /// net international migration, nil (NBS's year-end population changes by exactly births − deaths in each of those
    /// years), for 2020–2024.
    /// </summary>
    private static ObservedYearsCalibration.Result CalibrateToNbs()
    {
        var nbs = ChinaData.NbsPopulationVital().OrderBy(r => r.Year).ToArray();
        var observed = nbs.Select(r => new ObservedVitalYear(r.Year, r.BirthsTenThousands * 1e4, r.DeathsTenThousands * 1e4)).ToArray();
        var basis = Wpp2024Demography() with { InternationalMigration = BuildInternationalMigration(ObservedYearsBasis.Nbs) };
        return ObservedYearsCalibration.Calibrate(basis, observed);
    }

    /// <summary>
    /// The pension baseline: the demographic defaults, the calibrated labour market, current scheme rules (the 2025
    /// retirement reform, national pooling) and the provincial funds opening on 1 January 2025 with the end-2024
    /// balances. Fiscal subsidies are a share of spending equal to the 2024 subsidy-to-spending ratio implied by the
    /// scheme's calibration (<see cref="SubsidyShareOfSpending2024"/>). Wages, prices, fund returns, indexation and crediting
    /// follow one macro-economic path (<see cref="Economy"/>, linked by <see cref="Scenarios.PensionScenario.LinkedTo"/>).
    /// </summary>
    public static PensionScenario PensionScenario() => UnlinkedPensionScenario().LinkedTo(Economy());

    /// <summary>
    /// The baseline's layers before they are linked to the economy (<see cref="Scenarios.PensionScenario.LinkedTo"/>): the
    /// labour layer's nominal wage growth after 2025 held at the 2019–2024 average and constant nominal fund returns.
    /// </summary>
    public static PensionScenario UnlinkedPensionScenario() => new()
    {
        Name = "baseline",
        Demography = Demography(),
        Labour = Labour(),
        Scheme = Scheme(),
        Funds = ChinaFunds.China2024(EndYear, ChinaFundFigures.NonEntrustedFundReturn, subsidies: new Funds.SubsidyShareOfSpending(SubsidyShareOfSpending2024())),
        Residents = Residents(),
        EndYear = EndYear,
    };

    /// <summary>The default macro-economic path 2025–2100 (<see cref="ChinaEconomy.Defaults"/>).</summary>
    public static Actuarial.Economy.EconomicAssumptions Economy() => DefaultEconomy.Value;

    private static readonly Lazy<Actuarial.Economy.EconomicAssumptions> DefaultEconomy = new(() => ChinaEconomy.Defaults(EndYear));

    /// <summary>
    /// Subsidies per yuan of pensions paid in 2024: the national subsidy share of fund revenue the scheme's calibration
    /// uses (<see cref="ChinaSchemeTargets.NationalSubsidyShare"/>) × 2024 revenue ÷ 2024 expenditure (yearbook,
    /// national row), so that the 2024 subsidies are the same in the scheme's calibration and in the fund ledgers.
    /// </summary>
    internal static double SubsidyShareOfSpending2024()
    {
        var national = PensionData.UrbanEmployeePensionProvince2024().Single(r => r.RegionCode == 0);
        var source = ChinaSchemeTargets.NationalSubsidyShare();
        return source.SubsidyYuan / source.RevenueYuan * national.RevenueHundredMillionYuan / national.ExpenditureHundredMillionYuan;
    }

    /// <summary>The default mortality model: WPP 2024's e0 path met by a Lee-Carter pattern, on the default basis of the observed years.</summary>
    public static IMortalityModel Mortality() => Demography().Mortality;

    /// <summary>The default fertility: WPP 2024 medium, on the default basis of the observed years.</summary>
    public static FertilityAssumption Fertility() => Demography().Fertility;

    /// <summary>The default international migration: WPP 2024 by age, on the default basis of the observed years.</summary>
    internal static InternationalMigrationAssumption InternationalMigration() => Demography().InternationalMigration;

    /// <summary>The default net migration rates between provinces (2010–2020 censuses).</summary>
    internal static InterprovincialMigrationRates InterprovincialMigrationRates() => DefaultInterprovincial.Value;

    /// <summary>The default attainment path (Wittgenstein Centre SSP2).</summary>
    internal static AttainmentPath Education() => DefaultEducation.Value;

    /// <summary>WPP 2024 life expectancy at birth for a sex: estimates to 2023, medium from 2024.</summary>
    internal static AnnualPath LifeExpectancyPath(Sex sex)
    {
        var want = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        return AnnualPath.FromYears($"wpp2024_e0.csv {sex.Label()}",
            ChinaData.Wpp2024E0().Where(r => r.Sex == want && r.Year >= BaseYear && (r.Variant == "median" || r.Variant == "estimate"))
                .Select(r => (r.Year, r.E0Years)), 0, 120);
    }

    /// <summary>The Lee-Carter pattern the default mortality moves along, for a sex.</summary>
    internal static LifeExpectancyTarget MortalityPattern(Sex sex)
    {
        var want = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        var periods = ChinaData.Wpp2024MxAbridged().Where(r => r.Sex == want && r.PeriodStart >= MortalityFitFirstPeriod && r.PeriodStart <= MortalityJumpOffPeriod)
            .GroupBy(r => r.PeriodStart).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(r => r.AgeGroup.Start).Select(r => r.Mx).ToArray()).ToArray();
        var fit = LeeCarterModel.FitAbridged(periods, sex, MortalityFitFirstPeriod);
        var jumpOff = MortalityGraduation.AbridgedToSingleYear(periods[^1], sex, $"wpp2024_mx_abridged.csv {MortalityJumpOffPeriod}");
        var ax = jumpOff.Select(m => Math.Log(m)).ToArray();
        return new LifeExpectancyTarget(ax, fit.Bx, sex);
    }

    private static IMortalityModel BuildMortality()
    {
        var male = LifeExpectancyPath(Sex.Male);
        var female = LifeExpectancyPath(Sex.Female);
        var years = Enumerable.Range(BaseYear, EndYear - BaseYear + 1).ToArray();
        return new LifeExpectancyPathMortality(MortalityPattern(Sex.Male), MortalityPattern(Sex.Female), BaseYear,
            years.Select(y => male[y]).ToArray(), years.Select(y => female[y]).ToArray());
    }

    /// <summary>Highest TFR a path may hold, children per woman: above any national TFR on record (Niger, about 7.5, in the 1980s) by a wide margin.</summary>
    internal const double MaxTotalFertilityRate = 15;

    private static FertilityAssumption BuildFertility()
    {
        var tfr = AnnualPath.FromYears("wpp2024_tfr.csv",
            ChinaData.Wpp2024Tfr().Where(r => r.Year >= BaseYear && (r.Variant == "estimate" || r.Variant == "medium")).Select(r => (r.Year, r.Tfr)), Levers.MinTotalFertilityRate, MaxTotalFertilityRate);
        var pasfr = ChinaData.Wpp2024Pasfr();
        var schedules = new List<double[]>();
        for (int year = BaseYear; year <= EndYear; year++)
        {
            schedules.Add(DataConversions.ScheduleFromPasfr(pasfr.Where(r => r.Year == year).Select(r => (r.AgeGroup, r.PasfrPercent)).ToArray(),
                $"wpp2024_pasfr.csv {year}"));
        }
        var srb = AnnualPath.FromYears("wpp2024_srb.csv",
            ChinaData.Wpp2024Srb().Where(r => r.Year >= BaseYear).Select(r => (r.Year, r.SrbMalesPerFemale)), 0.5, 2);
        return new FertilityAssumption(tfr, new FertilityAgeSchedule("wpp2024_pasfr.csv", BaseYear, schedules), srb);
    }

    private static InternationalMigrationAssumption BuildInternationalMigration(ObservedYearsBasis basis)
    {
        var rows = ChinaData.Wpp2024NetMigrationByAge();
        int firstWithAges = rows.Min(r => r.Year);
        var pattern = DataConversions.MigrantsForYear(rows, firstWithAges);
        double patternTotal = pattern.Sum();
        var totals = ChinaData.Wpp2024NetMigrationTotal().Where(r => r.Variant == "estimate").ToDictionary(r => r.Year, r => r.NetMigrantsThousands * 1000);
        int lastNbs = ChinaData.NbsPopulationVital().Max(r => r.Year);
        var byYear = new List<double[]>();
        for (int year = BaseYear; year <= EndYear; year++)
        {
            if (basis == ObservedYearsBasis.Nbs && year <= lastNbs) byYear.Add(new double[pattern.Length]);
            else if (year < firstWithAges) byYear.Add(pattern.Select(m => totals[year] * m / patternTotal).ToArray());
            else byYear.Add(DataConversions.MigrantsForYear(rows, year));
        }
        return new InternationalMigrationAssumption(basis == ObservedYearsBasis.Nbs
            ? "nbs_population_vital.csv (nil to 2024) and wpp2024_net_migration_by_age.csv"
            : "wpp2024_net_migration_total.csv (2020–2022) and wpp2024_net_migration_by_age.csv", BaseYear, byYear);
    }
}

/// <summary>Whose figures the years already observed follow (2020 to the last published year).</summary>
public enum ObservedYearsBasis
{
    /// <summary>
    /// NBS's: births and deaths of 2021–2024 as NBS published them, NBS's accounts' net migration (nil), then WPP
    /// 2024's paths from the level reached (<see cref="ObservedYearsCalibration"/>). The default: these are the
    /// registered counts of the years, and NBS's year-end populations are on the census's base, as the projection is.
    /// </summary>
    Nbs,

    /// <summary>WPP 2024's estimates: its e0, TFR and net migration of 2020–2023 as published.</summary>
    Wpp2024,
}
