using System.Collections.ObjectModel;
using System.Text;
using Actuarial.Dimensions;

using Actuarial.IO;

namespace Actuarial.China;

/// <summary>
/// China's demographic input data as curated in the repository's <c>data/</c> folder (sources, licences and caveats
/// in <c>data/README.md</c>) and embedded in this assembly as resources named <c>Actuarial.Data.&lt;file&gt;</c>.
/// Each parameterless method returns one embedded file, parsed once and cached (thread-safe). Each
/// <c>Read…(string path)</c> overload reads a user's file in the same format with the same strict checks.
/// Every reader throws <see cref="InputDataException"/> naming the file, line, column, value and valid range
/// for a wrong header, an empty or unparsable cell, or an out-of-range value.
/// </summary>
internal static class ChinaData
{
    /// <summary>Earliest year accepted in any year or period column.</summary>
    public const int MinYear = TidyCsvReader.MinYear;

    /// <summary>Latest year accepted in any year or period column.</summary>
    public const int MaxYear = TidyCsvReader.MaxYear;

    /// <summary>Prefix of the embedded resource names; the file name follows.</summary>
    public const string ResourcePrefix = "Actuarial.Data.";

    private const long MaxPersons = 2_000_000_000L;
    private const double MaxThousands = 2_000_000.0;
    private const double MaxMigrantsThousands = 100_000.0;
    private const double MaxMx = 10.0;

    // ---- table definitions (file name, exact header, row reader) ----

    internal static readonly Table<CensusPopulationRow> CensusPopulationTable = new(
        "census_population_province_age5.csv",
        ["census_year", "region_code", "sex", "age_start", "age_end", "population"],
        "census_year, region_code, sex, age_start", r => (r.CensusYear, r.RegionCode, r.Sex, r.AgeGroup.Start),
        r => new CensusPopulationRow(
            r.Int("census_year", MinYear, MaxYear), r.RegionCode("region_code"), r.Sex("sex"), r.AgeGroup(),
            r.Long("population", 0, MaxPersons)),
        (source, rows) =>
        {
            foreach (var year in rows.GroupBy(r => r.CensusYear))
            {
                RequireEveryRegion(source, year.Select(r => r.RegionCode), $"census year {year.Key}");
                foreach (var cell in year.GroupBy(r => (r.RegionCode, r.Sex)))
                {
                    RequireAgeGroupsTile(source, cell.Select(r => r.AgeGroup), $"census year {year.Key}, region {cell.Key.RegionCode}, {cell.Key.Sex}");
                }
                var sexes = year.Select(r => r.Sex).Distinct().Count();
                if (sexes != 2) throw new InputDataException(source, null, "sex", $"census year {year.Key}: {sexes} sex(es)", "rows for both male and female");
            }
        });

    /// <summary>
    /// Checks that the regions of a table are China (code 0) and all 31 provinces: a file with national rows only,
    /// or with a province missing, is refused rather than projected as if the missing provinces had no one.
    /// </summary>
    internal static void RequireEveryRegion(string source, IEnumerable<int> codes, string where)
    {
        var present = codes.ToHashSet();
        var missing = Regions.Provinces.Where(p => !present.Contains(p.Code)).Select(p => $"{p.Code} {p.EnglishName}").ToList();
        if (missing.Count > 0)
        {
            throw new InputDataException(source, null, "region_code", $"{where}: {missing.Count} province(s) missing: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")}",
                "rows for all 31 provinces");
        }
    }

    /// <summary>Checks that age groups cover 0 to the open interval 100+ once each: no gap, no overlap.</summary>
    internal static void RequireAgeGroupsTile(string source, IEnumerable<AgeGroup> groups, string where)
    {
        int next = 0;
        foreach (var g in groups.OrderBy(g => g.Start))
        {
            if (g.Start != next)
            {
                throw new InputDataException(source, null, "age_start", $"{where}: group {g} after ages up to {next - 1}",
                    g.Start < next ? "age groups that do not overlap" : $"age groups without a gap (a group starting at {next} is missing)");
            }
            if (g.End is null)
            {
                next = Ages.OpenInterval + 1;
                continue;
            }
            next = g.End.Value + 1;
        }
        if (next != Ages.OpenInterval + 1) throw new InputDataException(source, null, "age_start", $"{where}: ages covered up to {next - 1}", "age groups from 0 to the open interval 100+");
    }

    internal static readonly Table<CensusSingleAgeRow> CensusSingleAgeTable = new(
        "census_national_single_age.csv",
        ["census_year", "sex", "age", "average_population", "deaths"],
        "census_year, sex, age", r => (r.CensusYear, r.Sex, r.Age),
        r => new CensusSingleAgeRow(
            r.Int("census_year", MinYear, MaxYear), r.Sex("sex"), r.Age("age"),
            r.Double("average_population", 0, MaxPersons, "a population count"), r.Long("deaths", 0, MaxPersons)));

    private static readonly string[] CensusEducationLabels =
        ["never_attended", "primary", "junior_secondary", "senior_secondary", "tertiary_junior_college", "tertiary_bachelor", "postgraduate"];

    internal static readonly Table<CensusEducationRow> CensusEducationTable = new(
        "census2020_education_province_sex.csv",
        ["region_code", "sex", "education", "population"],
        "region_code, sex, education", r => (r.RegionCode, r.Sex, r.Education),
        r => new CensusEducationRow(
            r.RegionCode("region_code"), r.Sex("sex"),
            (CensusEducation)Array.IndexOf(CensusEducationLabels, r.Choice("education", CensusEducationLabels)),
            r.Long("population", 0, MaxPersons)),
        (source, rows) =>
        {
            RequireEveryRegion(source, rows.Select(r => r.RegionCode), "census 2020");
            foreach (var cell in rows.GroupBy(r => (r.RegionCode, r.Sex)))
            {
                int levels = cell.Select(r => r.Education).Distinct().Count();
                if (levels != CensusEducationLabels.Length)
                {
                    throw new InputDataException(source, null, "education", $"region {cell.Key.RegionCode}, {cell.Key.Sex}: {levels} level(s)",
                        $"a row for each of the {CensusEducationLabels.Length} levels: {string.Join(", ", CensusEducationLabels)}");
                }
            }
            if (rows.Select(r => r.Sex).Distinct().Count() != 2) throw new InputDataException(source, null, "sex", null, "rows for both male and female");
        });

    private static readonly string[] Wpp2024TfrVariants =
        ["estimate", "medium", "low", "high", "pi80_lower", "pi80_upper", "pi95_lower", "pi95_upper"];

    internal static readonly Table<YearTfrRow> Wpp2024TfrTable = new(
        "wpp2024_tfr.csv",
        ["year", "variant", "tfr"],
        "year, variant", r => (r.Year, r.Variant),
        r => new YearTfrRow(r.Int("year", MinYear, MaxYear), r.Choice("variant", Wpp2024TfrVariants),
            r.Double("tfr", 0, 10, "a total fertility rate")));

    internal static readonly Table<YearPasfrRow> Wpp2024PasfrTable = new(
        "wpp2024_pasfr.csv",
        ["year", "age_start", "age_end", "pasfr_percent"],
        "year, age_start", r => (r.Year, r.AgeGroup.Start),
        r => new YearPasfrRow(r.Int("year", MinYear, MaxYear), r.AgeGroup(),
            r.Double("pasfr_percent", 0, 100, "a percentage")));

    internal static readonly Table<YearSrbRow> Wpp2024SrbTable = new(
        "wpp2024_srb.csv",
        ["year", "srb_males_per_female"],
        "year", r => r.Year,
        r => new YearSrbRow(r.Int("year", MinYear, MaxYear),
            r.Double("srb_males_per_female", 0.5, 2, "a sex ratio at birth")));

    private static readonly string[] Wpp2024E0Variants =
        ["estimate", "median", "pi80_lower", "pi80_upper", "pi95_lower", "pi95_upper"];

    internal static readonly Table<YearE0Row> Wpp2024E0Table = new(
        "wpp2024_e0.csv",
        ["year", "sex", "variant", "e0_years"],
        "year, sex, variant", r => (r.Year, r.Sex, r.Variant),
        r => new YearE0Row(r.Int("year", MinYear, MaxYear), r.SexOrBoth("sex"), r.Choice("variant", Wpp2024E0Variants),
            r.Double("e0_years", 0, 130, "a life expectancy in years")));

    internal static readonly Table<MxAbridgedRow> Wpp2024MxTable = MxTable("wpp2024_mx_abridged.csv");

    internal static readonly Table<YearNetMigrationByAgeRow> Wpp2024NetMigrationByAgeTable = new(
        "wpp2024_net_migration_by_age.csv",
        ["year", "sex", "age", "net_migrants_thousands"],
        "year, sex, age", r => (r.Year, r.Sex, r.Age),
        r => new YearNetMigrationByAgeRow(r.Int("year", MinYear, MaxYear), r.Sex("sex"), r.Age("age"),
            r.Double("net_migrants_thousands", -MaxMigrantsThousands, MaxMigrantsThousands, "a number of migrants in thousands")));

    internal static readonly Table<YearPopulationTotalRow> Wpp2024PopulationTotalTable = new(
        "wpp2024_population_total.csv",
        ["year", "pop_male_thousands", "pop_female_thousands", "pop_total_thousands"],
        "year", r => r.Year,
        r => new YearPopulationTotalRow(r.Int("year", MinYear, MaxYear),
            r.Double("pop_male_thousands", 0, MaxThousands, "a population in thousands"),
            r.Double("pop_female_thousands", 0, MaxThousands, "a population in thousands"),
            r.Double("pop_total_thousands", 0, MaxThousands, "a population in thousands")));

    internal static readonly Table<YearVitalTotalsRow> Wpp2024VitalTotalsTable = new(
        "wpp2024_vital_totals.csv",
        ["year", "variant", "births_thousands", "deaths_thousands"],
        "year", r => r.Year,
        r => new YearVitalTotalsRow(r.Int("year", MinYear, MaxYear), r.Choice("variant", ["estimate", "median"]),
            r.Double("births_thousands", 0, MaxThousands, "a number of births in thousands"),
            r.Double("deaths_thousands", 0, MaxThousands, "a number of deaths in thousands")));

    internal static readonly Table<YearNetMigrationTotalRow> Wpp2024NetMigrationTotalTable = new(
        "wpp2024_net_migration_total.csv",
        ["year", "variant", "net_migrants_thousands"],
        "year", r => r.Year,
        r => new YearNetMigrationTotalRow(r.Int("year", MinYear, MaxYear), r.Choice("variant", ["estimate", "median"]),
            r.Double("net_migrants_thousands", -MaxMigrantsThousands, MaxMigrantsThousands, "a number of migrants in thousands")));

    internal static readonly Table<NbsYearRow> NbsPopulationVitalTable = new(
        "nbs_population_vital.csv",
        ["year", "year_end_population_10k", "births_10k", "deaths_10k", "aged_60_plus_10k", "aged_65_plus_10k", "life_expectancy_years", "source_url"],
        "year", r => r.Year,
        r =>
        {
            const double MaxTenThousands = 200_000;
            var e0Text = r.Text("life_expectancy_years");
            double? e0 = null;
            if (e0Text.Length > 0)
            {
                if (!double.TryParse(e0Text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double value) ||
                    !(value > 0 && value < 120))
                {
                    throw r.Error("life_expectancy_years", e0Text, "a life expectancy in years in (0, 120), or empty where not published");
                }
                e0 = value;
            }
            var source = r.Text("source_url");
            if (source.Length == 0) throw r.Error("source_url", null, "the page the figures were read from");
            return new NbsYearRow(r.Int("year", MinYear, MaxYear),
                r.Double("year_end_population_10k", 0, MaxTenThousands, "a population in 10,000 persons"),
                r.Double("births_10k", 0, MaxTenThousands, "births in 10,000 persons"),
                r.Double("deaths_10k", 0, MaxTenThousands, "deaths in 10,000 persons"),
                r.Double("aged_60_plus_10k", 0, MaxTenThousands, "a population in 10,000 persons"),
                r.Double("aged_65_plus_10k", 0, MaxTenThousands, "a population in 10,000 persons"),
                e0, source);
        });

    internal static readonly Table<PopulationAge5Row> Wpp2019PopulationAge5Table = new(
        "wpp2019_population_age5.csv",
        ["year", "variant", "sex", "age_start", "age_end", "pop_thousands"],
        "year, variant, sex, age_start", r => (r.Year, r.Variant, r.Sex, r.AgeGroup.Start),
        r => new PopulationAge5Row(r.Int("year", MinYear, MaxYear), r.Choice("variant", ["estimate", "medium"]), r.Sex("sex"),
            r.AgeGroup(), r.Double("pop_thousands", 0, MaxThousands, "a population in thousands")),
        (source, rows) =>
        {
            foreach (var cell in rows.GroupBy(r => (r.Year, r.Variant, r.Sex)))
            {
                RequireAgeGroupsTile(source, cell.Select(r => r.AgeGroup), $"year {cell.Key.Year}, {cell.Key.Variant}, {cell.Key.Sex}");
            }
        });

    internal static readonly Table<MxAbridgedRow> Wpp2019MxTable = MxTable("wpp2019_mx_abridged.csv");

    internal static readonly Table<PeriodTfrRow> Wpp2019TfrTable = new(
        "wpp2019_tfr.csv",
        ["period_start", "period_end", "variant", "tfr"],
        "period_start, variant", r => (r.PeriodStart, r.Variant),
        r =>
        {
            var (start, end) = r.Period();
            return new PeriodTfrRow(start, end, r.Choice("variant", ["estimate", "medium"]),
                r.Double("tfr", 0, 10, "a total fertility rate"));
        });

    internal static readonly Table<PeriodPasfrRow> Wpp2019PasfrTable = new(
        "wpp2019_pasfr.csv",
        ["period_start", "period_end", "age_start", "age_end", "pasfr_percent"],
        "period_start, age_start", r => (r.PeriodStart, r.AgeGroup.Start),
        r =>
        {
            var (start, end) = r.Period();
            return new PeriodPasfrRow(start, end, r.AgeGroup(), r.Double("pasfr_percent", 0, 100, "a percentage"));
        });

    internal static readonly Table<PeriodSrbRow> Wpp2019SrbTable = new(
        "wpp2019_srb.csv",
        ["period_start", "period_end", "srb"],
        "period_start", r => r.PeriodStart,
        r =>
        {
            var (start, end) = r.Period();
            return new PeriodSrbRow(start, end, r.Double("srb", 0.5, 2, "a sex ratio at birth"));
        });

    internal static readonly Table<PeriodNetMigrationRow> Wpp2019NetMigrationTable = new(
        "wpp2019_net_migration.csv",
        ["period_start", "period_end", "net_migrants_thousands_per_period"],
        "period_start", r => r.PeriodStart,
        r =>
        {
            var (start, end) = r.Period();
            return new PeriodNetMigrationRow(start, end, r.Double("net_migrants_thousands_per_period",
                -MaxMigrantsThousands, MaxMigrantsThousands, "a number of migrants in thousands"));
        });

    internal static readonly Table<PeriodE0Row> Wpp2019E0Table = new(
        "wpp2019_e0.csv",
        ["period_start", "period_end", "sex", "variant", "e0_years"],
        "period_start, sex, variant", r => (r.PeriodStart, r.Sex, r.Variant),
        r =>
        {
            var (start, end) = r.Period();
            return new PeriodE0Row(start, end, r.Sex("sex"), r.Choice("variant", ["estimate", "median"]),
                r.Double("e0_years", 0, 130, "a life expectancy in years"));
        });

    private static readonly string[] WicEducationLabels =
        ["under_15", "no_education", "incomplete_primary", "primary", "lower_secondary", "upper_secondary", "post_secondary"];

    internal static readonly Table<WicPopulationEducationRow> Wic2018PopulationEducationTable = new(
        "wic2018_ssp2_population_age_sex_education.csv",
        ["year", "age_start", "age_end", "sex", "education", "pop_thousands"],
        "year, age_start, sex, education", r => (r.Year, r.AgeGroup.Start, r.Sex, r.Education),
        r =>
        {
            int year = r.Int("year", MinYear, MaxYear);
            var age = r.AgeGroup();
            var sex = r.Sex("sex");
            var label = r.Choice("education", WicEducationLabels);
            EducationLevel? education = EducationLevels.TryParse(label, out var level) ? level : null;
            return new WicPopulationEducationRow(year, age, sex, education,
                r.Double("pop_thousands", 0, MaxThousands, "a population in thousands"));
        });

    internal static readonly Table<WicMeanYearsSchoolingRow> Wic2018MeanYearsSchoolingTable = new(
        "wic2018_ssp2_mean_years_schooling.csv",
        ["year", "age_start", "age_end", "sex", "mean_years_schooling"],
        "year, age_start, sex", r => (r.Year, r.AgeGroup.Start, r.Sex),
        r => new WicMeanYearsSchoolingRow(r.Int("year", MinYear, MaxYear), r.AgeGroup(), r.SexOrBoth("sex"),
            r.Double("mean_years_schooling", 0, 30, "a number of years")));

    internal static readonly Table<WicPopulationRow> Wic2018PopulationTable = new(
        "wic2018_ssp2_population_age_sex.csv",
        ["year", "age_start", "age_end", "sex", "pop_thousands"],
        "year, age_start, sex", r => (r.Year, r.AgeGroup.Start, r.Sex),
        r => new WicPopulationRow(r.Int("year", MinYear, MaxYear), r.AgeGroup(), r.Sex("sex"),
            r.Double("pop_thousands", 0, MaxThousands, "a population in thousands")));

    private static Table<MxAbridgedRow> MxTable(string fileName) => new(
        fileName,
        ["period_start", "period_end", "sex", "age_start", "age_end", "mx"],
        "period_start, sex, age_start", r => (r.PeriodStart, r.Sex, r.AgeGroup.Start),
        r =>
        {
            var (start, end) = r.Period();
            return new MxAbridgedRow(start, end, r.SexOrBoth("sex"), r.AgeGroup(),
                r.Double("mx", 0, MaxMx, "a central death rate"));
        },
        (source, rows) =>
        {
            // A life table needs every age: a period and sex with a missing or overlapping group is refused here, not
            // graduated as if the missing ages had no deaths.
            foreach (var cell in rows.GroupBy(r => (r.PeriodStart, r.Sex)))
            {
                RequireAgeGroupsTile(source, cell.Select(r => r.AgeGroup), $"period {cell.Key.PeriodStart}, {cell.Key.Sex}");
            }
        });

    /// <summary>Every embedded data file name (without the resource prefix).</summary>
    public static IReadOnlyList<string> EmbeddedFileNames { get; } = new ReadOnlyCollection<string>(
    [
        CensusPopulationTable.FileName, CensusSingleAgeTable.FileName, CensusEducationTable.FileName,
        Wpp2024TfrTable.FileName, Wpp2024PasfrTable.FileName, Wpp2024SrbTable.FileName, Wpp2024E0Table.FileName,
        Wpp2024MxTable.FileName, Wpp2024NetMigrationByAgeTable.FileName, Wpp2024PopulationTotalTable.FileName,
        Wpp2024VitalTotalsTable.FileName, Wpp2024NetMigrationTotalTable.FileName, NbsPopulationVitalTable.FileName, Wpp2019PopulationAge5Table.FileName, Wpp2019MxTable.FileName,
        Wpp2019TfrTable.FileName, Wpp2019PasfrTable.FileName, Wpp2019SrbTable.FileName,
        Wpp2019NetMigrationTable.FileName, Wpp2019E0Table.FileName, Wic2018PopulationEducationTable.FileName,
        Wic2018MeanYearsSchoolingTable.FileName, Wic2018PopulationTable.FileName,
    ]);

    // ---- census ----

    /// <summary>
    /// Census-day (1 Nov) population by province (and national = code 0), sex and age group 0, 1-4, 5-9 … 95-99,
    /// 100+, for the 2010 and 2020 censuses (NBS; file <c>census_population_province_age5.csv</c>).
    /// </summary>
    public static IReadOnlyList<CensusPopulationRow> CensusPopulationProvinceAge5() => CensusPopulationTable.Embedded;

    /// <summary>Reads a file in the format of <c>census_population_province_age5.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<CensusPopulationRow> ReadCensusPopulationProvinceAge5(string path) => CensusPopulationTable.ReadFile(path);

    /// <summary>
    /// National average population and deaths by single age (0..99, 100 = 100+) and sex in the census years
    /// 2000, 2010 and 2020 (NBS census table 6-4; file <c>census_national_single_age.csv</c>). Deaths are under-reported.
    /// </summary>
    public static IReadOnlyList<CensusSingleAgeRow> CensusNationalSingleAge() => CensusSingleAgeTable.Embedded;

    /// <summary>Reads a file in the format of <c>census_national_single_age.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<CensusSingleAgeRow> ReadCensusNationalSingleAge(string path) => CensusSingleAgeTable.ReadFile(path);

    /// <summary>
    /// 2020 census population aged 3+ by province (and national = code 0), sex and educational attainment
    /// (file <c>census2020_education_province_sex.csv</c>).
    /// </summary>
    public static IReadOnlyList<CensusEducationRow> Census2020EducationProvinceSex() => CensusEducationTable.Embedded;

    /// <summary>Reads a file in the format of <c>census2020_education_province_sex.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<CensusEducationRow> ReadCensus2020EducationProvinceSex(string path) => CensusEducationTable.ReadFile(path);

    // ---- WPP 2024 ----

    /// <summary>WPP 2024 total fertility rate by calendar year and variant (file <c>wpp2024_tfr.csv</c>).</summary>
    public static IReadOnlyList<YearTfrRow> Wpp2024Tfr() => Wpp2024TfrTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_tfr.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearTfrRow> ReadWpp2024Tfr(string path) => Wpp2024TfrTable.ReadFile(path);

    /// <summary>WPP 2024 percentage age distribution of fertility by year (file <c>wpp2024_pasfr.csv</c>).</summary>
    public static IReadOnlyList<YearPasfrRow> Wpp2024Pasfr() => Wpp2024PasfrTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_pasfr.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearPasfrRow> ReadWpp2024Pasfr(string path) => Wpp2024PasfrTable.ReadFile(path);

    /// <summary>WPP 2024 sex ratio at birth by year (file <c>wpp2024_srb.csv</c>).</summary>
    public static IReadOnlyList<YearSrbRow> Wpp2024Srb() => Wpp2024SrbTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_srb.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearSrbRow> ReadWpp2024Srb(string path) => Wpp2024SrbTable.ReadFile(path);

    /// <summary>WPP 2024 life expectancy at birth by year, sex and variant (file <c>wpp2024_e0.csv</c>).</summary>
    public static IReadOnlyList<YearE0Row> Wpp2024E0() => Wpp2024E0Table.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_e0.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearE0Row> ReadWpp2024E0(string path) => Wpp2024E0Table.ReadFile(path);

    /// <summary>WPP 2024 abridged central death rates by five-year period (file <c>wpp2024_mx_abridged.csv</c>).</summary>
    public static IReadOnlyList<MxAbridgedRow> Wpp2024MxAbridged() => Wpp2024MxTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_mx_abridged.csv</c> (also that of <c>wpp2019_mx_abridged.csv</c>).</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<MxAbridgedRow> ReadMxAbridged(string path) => Wpp2024MxTable.ReadFile(path);

    /// <summary>WPP 2024 net migration by single age and sex, 2023-2100 (file <c>wpp2024_net_migration_by_age.csv</c>).</summary>
    public static IReadOnlyList<YearNetMigrationByAgeRow> Wpp2024NetMigrationByAge() => Wpp2024NetMigrationByAgeTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_net_migration_by_age.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearNetMigrationByAgeRow> ReadWpp2024NetMigrationByAge(string path) => Wpp2024NetMigrationByAgeTable.ReadFile(path);

    /// <summary>WPP 2024 total population on 1 July, median projection 2024-2100 (file <c>wpp2024_population_total.csv</c>).</summary>
    public static IReadOnlyList<YearPopulationTotalRow> Wpp2024PopulationTotal() => Wpp2024PopulationTotalTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_population_total.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearPopulationTotalRow> ReadWpp2024PopulationTotal(string path) => Wpp2024PopulationTotalTable.ReadFile(path);

    /// <summary>WPP 2024 births and deaths by calendar year (file <c>wpp2024_vital_totals.csv</c>).</summary>
    public static IReadOnlyList<YearVitalTotalsRow> Wpp2024VitalTotals() => Wpp2024VitalTotalsTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_vital_totals.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<YearVitalTotalsRow> ReadWpp2024VitalTotals(string path) => Wpp2024VitalTotalsTable.ReadFile(path);

    /// <summary>WPP 2024 total net international migrants per calendar year (estimates to 2023, median after).</summary>
    public static IReadOnlyList<YearNetMigrationTotalRow> Wpp2024NetMigrationTotal() => Wpp2024NetMigrationTotalTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2024_net_migration_total.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    public static IReadOnlyList<YearNetMigrationTotalRow> ReadWpp2024NetMigrationTotal(string path) => Wpp2024NetMigrationTotalTable.ReadFile(path);

    /// <summary>NBS year-end population, births, deaths and population aged 60+ and 65+, with NHC life expectancy, 2021–2024.</summary>
    public static IReadOnlyList<NbsYearRow> NbsPopulationVital() => NbsPopulationVitalTable.Embedded;

    /// <summary>Reads a file in the format of <c>nbs_population_vital.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    public static IReadOnlyList<NbsYearRow> ReadNbsPopulationVital(string path) => NbsPopulationVitalTable.ReadFile(path);

    // ---- WPP 2019 (validation set) ----

    /// <summary>WPP 2019 population by five-year age group, estimate and medium (file <c>wpp2019_population_age5.csv</c>).</summary>
    public static IReadOnlyList<PopulationAge5Row> Wpp2019PopulationAge5() => Wpp2019PopulationAge5Table.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2019_population_age5.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PopulationAge5Row> ReadWpp2019PopulationAge5(string path) => Wpp2019PopulationAge5Table.ReadFile(path);

    /// <summary>WPP 2019 abridged central death rates by five-year period (file <c>wpp2019_mx_abridged.csv</c>).</summary>
    public static IReadOnlyList<MxAbridgedRow> Wpp2019MxAbridged() => Wpp2019MxTable.Embedded;

    /// <summary>WPP 2019 total fertility rate by five-year period (file <c>wpp2019_tfr.csv</c>).</summary>
    public static IReadOnlyList<PeriodTfrRow> Wpp2019Tfr() => Wpp2019TfrTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2019_tfr.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PeriodTfrRow> ReadWpp2019Tfr(string path) => Wpp2019TfrTable.ReadFile(path);

    /// <summary>WPP 2019 percentage age distribution of fertility by period (file <c>wpp2019_pasfr.csv</c>).</summary>
    public static IReadOnlyList<PeriodPasfrRow> Wpp2019Pasfr() => Wpp2019PasfrTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2019_pasfr.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PeriodPasfrRow> ReadWpp2019Pasfr(string path) => Wpp2019PasfrTable.ReadFile(path);

    /// <summary>WPP 2019 sex ratio at birth by period (file <c>wpp2019_srb.csv</c>).</summary>
    public static IReadOnlyList<PeriodSrbRow> Wpp2019Srb() => Wpp2019SrbTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2019_srb.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PeriodSrbRow> ReadWpp2019Srb(string path) => Wpp2019SrbTable.ReadFile(path);

    /// <summary>WPP 2019 net migration per five-year period (file <c>wpp2019_net_migration.csv</c>).</summary>
    public static IReadOnlyList<PeriodNetMigrationRow> Wpp2019NetMigration() => Wpp2019NetMigrationTable.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2019_net_migration.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PeriodNetMigrationRow> ReadWpp2019NetMigration(string path) => Wpp2019NetMigrationTable.ReadFile(path);

    /// <summary>WPP 2019 life expectancy at birth by period and sex (file <c>wpp2019_e0.csv</c>).</summary>
    public static IReadOnlyList<PeriodE0Row> Wpp2019E0() => Wpp2019E0Table.Embedded;

    /// <summary>Reads a file in the format of <c>wpp2019_e0.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PeriodE0Row> ReadWpp2019E0(string path) => Wpp2019E0Table.ReadFile(path);

    // ---- Wittgenstein Centre 2018, SSP2 ----

    /// <summary>
    /// WIC 2018 SSP2 population by age, sex and six-level attainment, plus "Under 15" rows (education null)
    /// (file <c>wic2018_ssp2_population_age_sex_education.csv</c>).
    /// </summary>
    public static IReadOnlyList<WicPopulationEducationRow> Wic2018Ssp2PopulationAgeSexEducation() => Wic2018PopulationEducationTable.Embedded;

    /// <summary>Reads a file in the format of <c>wic2018_ssp2_population_age_sex_education.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<WicPopulationEducationRow> ReadWic2018PopulationAgeSexEducation(string path) => Wic2018PopulationEducationTable.ReadFile(path);

    /// <summary>WIC 2018 SSP2 mean years of schooling by age and sex (file <c>wic2018_ssp2_mean_years_schooling.csv</c>).</summary>
    public static IReadOnlyList<WicMeanYearsSchoolingRow> Wic2018Ssp2MeanYearsSchooling() => Wic2018MeanYearsSchoolingTable.Embedded;

    /// <summary>Reads a file in the format of <c>wic2018_ssp2_mean_years_schooling.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<WicMeanYearsSchoolingRow> ReadWic2018MeanYearsSchooling(string path) => Wic2018MeanYearsSchoolingTable.ReadFile(path);

    /// <summary>WIC 2018 SSP2 population by age and sex (file <c>wic2018_ssp2_population_age_sex.csv</c>).</summary>
    public static IReadOnlyList<WicPopulationRow> Wic2018Ssp2PopulationAgeSex() => Wic2018PopulationTable.Embedded;

    /// <summary>Reads a file in the format of <c>wic2018_ssp2_population_age_sex.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<WicPopulationRow> ReadWic2018PopulationAgeSex(string path) => Wic2018PopulationTable.ReadFile(path);

    /// <summary>The embedded data files opened in this process so far (file names), for a run's manifest.</summary>
    internal static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> OpenedEmbedded = new(StringComparer.Ordinal);

    /// <summary>The SHA-256 of an embedded data file's bytes, lower-case hex.</summary>
    internal static string EmbeddedSha256(string fileName)
    {
        using var stream = typeof(ChinaData).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new FileNotFoundException($"no embedded data resource '{ResourcePrefix}{fileName}'", fileName);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Opens an embedded data file as text.</summary>
    /// <param name="fileName">File name, e.g. <c>wpp2024_tfr.csv</c>.</param>
    /// <exception cref="FileNotFoundException">No resource of that name is embedded.</exception>
    public static TextReader OpenEmbedded(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stream = typeof(ChinaData).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new FileNotFoundException($"no embedded data resource '{ResourcePrefix}{fileName}'", fileName);
        OpenedEmbedded.TryAdd(fileName, 0); // for the run manifest (Scenarios/RunManifest.cs)
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>One tidy CSV format: file name, exact header and the typed row reader.</summary>
    internal sealed class Table<T>
    {
        private readonly Func<TidyCsvReader, T> _row;
        private readonly Lazy<IReadOnlyList<T>> _embedded;

        private readonly Func<T, object> _key;
        private readonly string _keyColumns;
        private readonly Action<string, IReadOnlyList<T>>? _validate;

        /// <param name="fileName">Embedded file name.</param>
        /// <param name="columns">The exact header.</param>
        /// <param name="keyColumns">The columns that identify a row (each combination may appear once).</param>
        /// <param name="key">The key of a parsed row, compared with <see cref="object.Equals(object)"/>.</param>
        /// <param name="row">Reads one record.</param>
        /// <param name="validate">Checks the whole table (complete groups, every province), given the source named in messages; null for none.</param>
        public Table(string fileName, string[] columns, string keyColumns, Func<T, object> key, Func<TidyCsvReader, T> row,
            Action<string, IReadOnlyList<T>>? validate = null)
        {
            _validate = validate;
            FileName = fileName;
            Columns = columns;
            _keyColumns = keyColumns;
            _key = key;
            _row = row;
            _embedded = new Lazy<IReadOnlyList<T>>(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public string FileName { get; }

        public IReadOnlyList<string> Columns { get; }

        public IReadOnlyList<T> Embedded => _embedded.Value;

        public IReadOnlyList<T> Parse(string source, TextReader reader)
        {
            using var csv = new TidyCsvReader(source, reader, Columns);
            var rows = new List<T>();
            var seen = new Dictionary<object, int>();
            while (csv.Read())
            {
                var row = _row(csv);
                var key = _key(row);
                if (!seen.TryAdd(key, csv.Line))
                {
                    throw csv.Error($"({_keyColumns})", key.ToString(),
                        $"each ({_keyColumns}) once; this one is already on line {seen[key]}");
                }
                rows.Add(row);
            }
            if (rows.Count == 0) throw new InputDataException(source, null, "(rows)", null, "at least one data row below the header");
            _validate?.Invoke(source, rows);
            return rows.AsReadOnly();
        }

        public IReadOnlyList<T> ReadFile(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            using var reader = InputFiles.OpenText(path, InputFiles.MaxDataBytes, $"a data table ({FileName} format)");
            return Parse(path, reader);
        }

        private IReadOnlyList<T> LoadEmbedded()
        {
            using var reader = OpenEmbedded(FileName);
            return Parse(FileName, reader);
        }
    }
}
