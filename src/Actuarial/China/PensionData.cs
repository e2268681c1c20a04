using System.Collections.ObjectModel;
using System.Globalization;

using Actuarial.IO;

namespace Actuarial.China;

/// <summary>
/// China's pension and labour-market input data as curated in the repository's <c>data/</c> folder (sources, trust
/// levels and caveats in <c>data/README.md</c>) and embedded in this assembly as resources named
/// <c>Actuarial.Data.&lt;file&gt;</c>. Each parameterless method returns one embedded file, parsed once and cached
/// (thread-safe). Each <c>Read…(string path)</c> overload reads a user's file in the same format with the same
/// strict checks. Every reader throws <see cref="InputDataException"/> naming the file, line, column, value and
/// valid range for a wrong header, an empty or unparsable cell, a negative count, an unknown region code or another
/// out-of-range value, and for a repeated key.
/// </summary>
internal static class PensionData
{
    private const double MaxTenThousands = 200_000.0; // 2 billion persons
    private const double MaxHundredMillionYuan = 10_000_000.0; // 10^15 yuan
    private const double MaxYuanPerYear = 10_000_000.0;
    private const double MaxYuanPerMonth = 1_000_000.0;
    private const long MaxPersons = 2_000_000_000L;

    private const string Count = "a number of persons in 10,000s";
    private const string Money = "an amount in 100 million yuan";
    private const string Balance = "a balance in 100 million yuan";
    private const string Wage = "a wage in yuan";

    private static readonly string[] TagLabels = ["S", "S2", "D", "U"];
    private static readonly string[] QualifierLabels = ["exact", "approx", "lower_bound"];
    private static readonly string[] ScopeLabels = ["all", "enterprise", "public_institution", "all_basic_pension_schemes"];
    private static readonly string[] MacroRegionLabels = ["east", "central", "west", "northeast"];
    private static readonly string[] UnitTypeLabels = ["nonprivate", "private"];
    private static readonly string[] IndicatorLabels =
    [
        "employment_to_population_ratio", "labour_force_participation_rate",
        "labour_force_participation_rate_national_estimate", "labour_force_participation_rate_census",
    ];
    private static readonly string[] CensusEducationLabels =
        ["all", "never_attended", "primary", "junior_secondary", "senior_secondary", "tertiary_junior_college", "tertiary_bachelor", "postgraduate"];

    private static readonly string[] NationalPersonItems = ["participants", "workers", "retirees"];
    private static readonly string[] NationalMoneyItems =
        ["revenue", "contributions", "fiscal_subsidy", "central_fiscal_subsidy", "expenditure", "balance"];
    private static readonly string[] NationalItems = [.. NationalPersonItems, .. NationalMoneyItems];

    private static readonly string[] PoolingItems =
    [
        "central_adjustment_ratio", "central_adjustment_fund_size", "central_adjustment_fund_size_budget",
        "central_adjustment_fund_size_execution", "central_adjustment_fund_raised_cass",
        "net_contribution_guangdong_and_beijing_cass", "net_interprovincial_transfer",
        "net_interprovincial_transfer_cumulative_2018_2021", "national_pooling_income_budget",
        "national_pooling_paying_provinces_budget", "national_pooling_payment_budget",
        "national_pooling_expenditure_budget", "national_pooling_receipt_budget",
        "national_pooling_interprovincial_adjustment",
    ];
    private static readonly string[] PoolingUnits = ["100m_cny", "percent", "provinces"];

    private static readonly string[] NssfItems =
    [
        "soe_equity_transfer_share", "central_soe_transferred_entities", "central_soe_transferred_capital",
        "central_transferred_capital_plus_cash_returns", "nssf_total_assets", "nssf_equity", "nssf_return",
        "nssf_return_annualised_since_2000", "nssf_cumulative_investment_income", "nssf_cumulative_fiscal_allocations",
        "nssf_fiscal_allocations", "entrusted_pension_fund_assets", "entrusted_pension_fund_equity",
        "entrusted_pension_fund_return", "entrusted_pension_fund_contracts", "entrusted_pension_fund_contracting_provinces",
        "entrusted_pension_fund_invested", "entrusted_pension_fund_investment_income",
        "entrusted_pension_fund_return_annualised_since_2016", "entrusted_pension_fund_guaranteed_floor_annualised",
    ];
    private static readonly string[] NssfUnits = ["100m_cny", "percent", "entities", "provinces"];

    // ---- table definitions (file name, exact header, key, row reader) ----

    internal static readonly ChinaData.Table<UrbanEmployeePensionProvinceRow> UrbanEmployeeProvinceTable = new(
        "urban_employee_pension_province_2024.csv",
        ["year", "region_code", "participants_10k", "workers_10k", "retirees_10k", "revenue_100m_cny",
            "expenditure_100m_cny", "accumulated_balance_100m_cny"],
        "year, region_code", r => (r.Year, r.RegionCode),
        r =>
        {
            int year = r.Int("year", ChinaData.MinYear, ChinaData.MaxYear);
            int region = r.RegionCode("region_code");
            double participants = r.Double("participants_10k", 0, MaxTenThousands, Count);
            double workers = r.Double("workers_10k", 0, MaxTenThousands, Count);
            double retirees = r.Double("retirees_10k", 0, MaxTenThousands, Count);
            // Participants (参保人数) are workers plus retirees; neither part can exceed the whole.
            if (workers > participants) throw r.Error("workers_10k", workers.ToString("R", CultureInfo.InvariantCulture), $"at most participants_10k ({participants.ToString("R", CultureInfo.InvariantCulture)})");
            if (retirees > participants) throw r.Error("retirees_10k", retirees.ToString("R", CultureInfo.InvariantCulture), $"at most participants_10k ({participants.ToString("R", CultureInfo.InvariantCulture)})");
            return new UrbanEmployeePensionProvinceRow(year, region, participants, workers, retirees,
                r.Double("revenue_100m_cny", 0, MaxHundredMillionYuan, Money),
                r.Double("expenditure_100m_cny", 0, MaxHundredMillionYuan, Money),
                r.Double("accumulated_balance_100m_cny", -MaxHundredMillionYuan, MaxHundredMillionYuan, Balance));
        },
        (source, rows) =>
        {
            foreach (var year in rows.GroupBy(r => r.Year)) ChinaData.RequireEveryRegion(source, year.Select(r => r.RegionCode), $"year {year.Key}");
        });

    internal static readonly ChinaData.Table<ResidentsPensionProvinceRow> ResidentsProvinceTable = new(
        "residents_pension_province_2024.csv",
        ["year", "region_code", "participants_10k", "beneficiaries_10k", "revenue_100m_cny", "expenditure_100m_cny",
            "accumulated_balance_100m_cny"],
        "year, region_code", r => (r.Year, r.RegionCode),
        r => new ResidentsPensionProvinceRow(
            r.Int("year", ChinaData.MinYear, ChinaData.MaxYear), r.RegionCode("region_code"),
            r.Double("participants_10k", 0, MaxTenThousands, Count),
            r.Double("beneficiaries_10k", 0, MaxTenThousands, Count),
            r.Double("revenue_100m_cny", 0, MaxHundredMillionYuan, Money),
            r.Double("expenditure_100m_cny", 0, MaxHundredMillionYuan, Money),
            r.Double("accumulated_balance_100m_cny", -MaxHundredMillionYuan, MaxHundredMillionYuan, Balance)),
        (source, rows) =>
        {
            foreach (var year in rows.GroupBy(r => r.Year)) ChinaData.RequireEveryRegion(source, year.Select(r => r.RegionCode), $"year {year.Key}");
        });

    internal static readonly ChinaData.Table<AverageWageNationalRow> AverageWageNationalTable = new(
        "average_wage_national.csv",
        ["year", "nonprivate_cny_per_year", "private_cny_per_year", "source_key", "trust"],
        "year", r => r.Year,
        r => new AverageWageNationalRow(
            r.Int("year", ChinaData.MinYear, ChinaData.MaxYear),
            r.Double("nonprivate_cny_per_year", 0, MaxYuanPerYear, Wage),
            OptionalDouble(r, "private_cny_per_year", 0, MaxYuanPerYear, Wage, "not published / not found"),
            RequiredText(r, "source_key"), r.Choice("trust", TrustLevels)));

    /// <summary>The trust levels of the national wage series (the wage-growth defaults read "high"), in lower case as written.</summary>
    internal static IReadOnlyList<string> TrustLevels => ["high", "medium-high", "medium", "medium-low", "low-medium", "low"];

    internal static readonly ChinaData.Table<FullCaliberWageProvinceRow> FullCaliberWageProvinceTable = new(
        "average_wage_full_caliber_province.csv",
        ["year", "region_code", "full_caliber_cny_per_year", "full_caliber_cny_per_month",
            "contribution_base_floor_cny_per_month", "contribution_base_cap_cny_per_month", "floor_cap_apply_to",
            "value_origin", "source_key", "trust"],
        "year, region_code", r => (r.Year, r.RegionCode),
        r => new FullCaliberWageProvinceRow(
            r.Int("year", ChinaData.MinYear, ChinaData.MaxYear), ProvinceCode(r, "region_code"),
            OptionalDouble(r, "full_caliber_cny_per_year", 0, MaxYuanPerYear, Wage, "only the monthly figure stated"),
            r.Double("full_caliber_cny_per_month", 0, MaxYuanPerMonth, Wage),
            OptionalDouble(r, "contribution_base_floor_cny_per_month", 0, MaxYuanPerMonth, Wage, "not stated"),
            OptionalDouble(r, "contribution_base_cap_cny_per_month", 0, MaxYuanPerMonth, Wage, "not stated"),
            OptionalText(r, "floor_cap_apply_to"), RequiredText(r, "value_origin"),
            RequiredText(r, "source_key"), RequiredText(r, "trust")));

    internal static readonly ChinaData.Table<NonPrivateWageProvinceRow> NonPrivateWageProvinceTable = new(
        "average_wage_nonprivate_province.csv",
        ["year", "region_code", "nonprivate_cny_per_year", "alt_value_cny_per_year", "source_key", "crosscheck", "trust"],
        "year, region_code", r => (r.Year, r.RegionCode),
        r => new NonPrivateWageProvinceRow(
            r.Int("year", ChinaData.MinYear, ChinaData.MaxYear), r.RegionCode("region_code"),
            r.Double("nonprivate_cny_per_year", 0, MaxYuanPerYear, Wage),
            OptionalDouble(r, "alt_value_cny_per_year", 0, MaxYuanPerYear, Wage, "no conflicting value"),
            RequiredText(r, "source_key"), OptionalText(r, "crosscheck"), RequiredText(r, "trust")));

    internal static readonly ChinaData.Table<MacroRegionWageRow> MacroRegionWageTable = new(
        "average_wage_macro_region.csv",
        ["year", "macro_region", "unit_type", "avg_wage_cny_per_year", "source_key", "trust"],
        "year, macro_region, unit_type", r => (r.Year, r.MacroRegion, r.UnitType),
        r => new MacroRegionWageRow(
            r.Int("year", ChinaData.MinYear, ChinaData.MaxYear),
            (MacroRegion)Array.IndexOf(MacroRegionLabels, r.Choice("macro_region", MacroRegionLabels)),
            (WageUnitType)Array.IndexOf(UnitTypeLabels, r.Choice("unit_type", UnitTypeLabels)),
            r.Double("avg_wage_cny_per_year", 0, MaxYuanPerYear, Wage),
            RequiredText(r, "source_key"), RequiredText(r, "trust")));

    internal static readonly ChinaData.Table<LabourForceRateRow> LabourForceRatesTable = new(
        "labour_force_rates_national.csv",
        ["year", "sex", "age_start", "age_end", "indicator", "value_percent", "source_key", "trust"],
        "year, sex, age_start, age_end, indicator", r => (r.Year, r.Sex, r.AgeStart, r.AgeEnd, r.Indicator),
        r =>
        {
            int year = r.Int("year", ChinaData.MinYear, ChinaData.MaxYear);
            var sex = r.SexOrBoth("sex");
            int start = r.Int("age_start", 0, 99);
            int? end = r.OptionalInt("age_end", start, 99, "an open group (age_start and over)");
            var indicator = (LabourForceIndicator)Array.IndexOf(IndicatorLabels, r.Choice("indicator", IndicatorLabels));
            return new LabourForceRateRow(year, sex, start, end, indicator,
                r.Double("value_percent", 0, 100, "a percentage"), RequiredText(r, "source_key"), RequiredText(r, "trust"));
        });

    internal static readonly ChinaData.Table<Census2010ActivityRow> Census2010ActivityTable = new(
        "census2010_activity_by_education_sex.csv",
        ["sex", "education", "pop_16plus_sample_persons", "economically_active_sample_persons", "employed_sample_persons",
            "employed_at_work_sample_persons", "employed_temporarily_absent_sample_persons", "unemployed_sample_persons",
            "not_economically_active_sample_persons", "derived"],
        "sex, education", r => (r.Sex, r.Education),
        r =>
        {
            var sex = r.SexOrBoth("sex");
            int index = Array.IndexOf(CensusEducationLabels, r.Choice("education", CensusEducationLabels));
            CensusEducation? education = index == 0 ? null : (CensusEducation)(index - 1);
            long population = r.Long("pop_16plus_sample_persons", 0, MaxPersons);
            long active = r.Long("economically_active_sample_persons", 0, MaxPersons);
            long employed = r.Long("employed_sample_persons", 0, MaxPersons);
            long atWork = r.Long("employed_at_work_sample_persons", 0, MaxPersons);
            long absent = r.Long("employed_temporarily_absent_sample_persons", 0, MaxPersons);
            long unemployed = r.Long("unemployed_sample_persons", 0, MaxPersons);
            long inactive = r.Long("not_economically_active_sample_persons", 0, MaxPersons);
            // The census identities: the active are the employed and the unemployed; the employed are at work or
            // temporarily absent; the population 16+ is the active and the inactive.
            if (employed + unemployed != active) throw r.Error("economically_active_sample_persons", active.ToString(CultureInfo.InvariantCulture), $"employed + unemployed = {employed + unemployed}");
            if (atWork + absent != employed) throw r.Error("employed_sample_persons", employed.ToString(CultureInfo.InvariantCulture), $"at work + temporarily absent = {atWork + absent}");
            if (active + inactive != population) throw r.Error("pop_16plus_sample_persons", population.ToString(CultureInfo.InvariantCulture), $"active + not active = {active + inactive}");
            return new Census2010ActivityRow(sex, education, population, active, employed, atWork, absent, unemployed, inactive,
                r.Choice("derived", ["yes", "no"]) == "yes");
        });

    internal static readonly ChinaData.Table<PensionNationalFigureRow> UrbanEmployeeNationalTable = new(
        "urban_employee_pension_national.csv",
        ["year", "scope", "item", "value", "unit", "qualifier", "tag", "source"],
        "year, scope, item", r => (r.Year, r.Scope, r.Item),
        r =>
        {
            int year = r.Int("year", ChinaData.MinYear, ChinaData.MaxYear);
            var scope = (PensionScope)Array.IndexOf(ScopeLabels, r.Choice("scope", ScopeLabels));
            var item = r.Choice("item", NationalItems);
            bool persons = Array.IndexOf(NationalPersonItems, item) >= 0;
            var unit = r.Choice("unit", [persons ? "10k_persons" : "100m_cny"]);
            double value = persons
                ? r.Double("value", 0, MaxTenThousands, Count)
                : r.Double("value", item == "balance" ? -MaxHundredMillionYuan : 0, MaxHundredMillionYuan, Money);
            return new PensionNationalFigureRow(year, scope, item, value, unit, Qualifier(r), Tag(r), RequiredText(r, "source"));
        });

    internal static readonly ChinaData.Table<ProvincePensionFigureRow> PublicInstitutionProvinceTable = new(
        "public_institution_pension_province.csv",
        ["year", "region_code", "scope", "item", "value", "unit", "qualifier", "tag", "source"],
        "year, region_code, scope, item", r => (r.Year, r.RegionCode, r.Scope, r.Item),
        r =>
        {
            int year = r.Int("year", ChinaData.MinYear, ChinaData.MaxYear);
            int region = ProvinceCode(r, "region_code");
            var scope = (PensionScope)Array.IndexOf(ScopeLabels, r.Choice("scope", ["enterprise", "public_institution"]));
            var item = r.Choice("item", ["workers", "retirees", "revenue", "expenditure", "balance"]);
            bool persons = item is "workers" or "retirees";
            var unit = r.Choice("unit", [persons ? "10k_persons" : "100m_cny"]);
            double value = persons
                ? r.Double("value", 0, MaxTenThousands, Count)
                : r.Double("value", item == "balance" ? -MaxHundredMillionYuan : 0, MaxHundredMillionYuan, Money);
            return new ProvincePensionFigureRow(year, region, scope, item, value, unit, Qualifier(r), Tag(r), RequiredText(r, "source"));
        });

    internal static readonly ChinaData.Table<PensionPoolingFigureRow> PoolingFiguresTable = new(
        "pension_pooling_figures.csv",
        ["year", "region_code", "item", "value", "unit", "qualifier", "tag", "source"],
        "year, region_code, item", r => (r.Year, r.RegionCode, r.Item),
        r =>
        {
            int year = r.Int("year", ChinaData.MinYear, ChinaData.MaxYear);
            int region = r.RegionCode("region_code");
            var item = r.Choice("item", PoolingItems);
            var unit = r.Choice("unit", PoolingUnits);
            return new PensionPoolingFigureRow(year, region, item, FigureValue(r, unit), unit, Qualifier(r), Tag(r),
                RequiredText(r, "source"));
        });

    internal static readonly ChinaData.Table<NssfReserveFigureRow> NssfReserveTable = new(
        "nssf_reserve.csv",
        ["year", "item", "value", "unit", "qualifier", "tag", "source"],
        "year, item", r => (r.Year, r.Item),
        r =>
        {
            int year = r.Int("year", ChinaData.MinYear, ChinaData.MaxYear);
            var item = r.Choice("item", NssfItems);
            var unit = r.Choice("unit", NssfUnits);
            return new NssfReserveFigureRow(year, item, FigureValue(r, unit), unit, Qualifier(r), Tag(r), RequiredText(r, "source"));
        });

    /// <summary>Every embedded pension and labour data file name (without the resource prefix).</summary>
    public static IReadOnlyList<string> EmbeddedFileNames { get; } = new ReadOnlyCollection<string>(
    [
        UrbanEmployeeProvinceTable.FileName, ResidentsProvinceTable.FileName, AverageWageNationalTable.FileName,
        FullCaliberWageProvinceTable.FileName, NonPrivateWageProvinceTable.FileName, MacroRegionWageTable.FileName,
        LabourForceRatesTable.FileName, Census2010ActivityTable.FileName, UrbanEmployeeNationalTable.FileName,
        PoolingFiguresTable.FileName, NssfReserveTable.FileName, PublicInstitutionProvinceTable.FileName,
        // The funded pillars' figures: held as constants in Actuarial.China.PillarFigures2024, which a test checks against this file.
        "supplementary_pensions_2024.csv",
    ]);

    // ---- pension schemes by province ----

    /// <summary>
    /// Urban employee basic pension by province (and national = code 0), 2024: participants, workers, retirees,
    /// revenue, expenditure and accumulated balance (NBS yearbook 2025 table 24-26; file
    /// <c>urban_employee_pension_province_2024.csv</c>). The national row also includes the yearbook's unallocated
    /// line, which is not in the file (see <c>data/README.md</c>).
    /// </summary>
    public static IReadOnlyList<UrbanEmployeePensionProvinceRow> UrbanEmployeePensionProvince2024() => UrbanEmployeeProvinceTable.Embedded;

    /// <summary>Reads a file in the format of <c>urban_employee_pension_province_2024.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<UrbanEmployeePensionProvinceRow> ReadUrbanEmployeePensionProvince(string path) => UrbanEmployeeProvinceTable.ReadFile(path);

    /// <summary>
    /// Urban and rural residents' basic pension by province (and national = code 0), 2024 (NBS yearbook 2025
    /// table 24-27; file <c>residents_pension_province_2024.csv</c>).
    /// </summary>
    public static IReadOnlyList<ResidentsPensionProvinceRow> ResidentsPensionProvince2024() => ResidentsProvinceTable.Embedded;

    /// <summary>Reads a file in the format of <c>residents_pension_province_2024.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<ResidentsPensionProvinceRow> ReadResidentsPensionProvince(string path) => ResidentsProvinceTable.ReadFile(path);

    // ---- wages ----

    /// <summary>
    /// NBS national average annual wage of urban non-private and private units, 2015-2025 (file
    /// <c>average_wage_national.csv</c>; 2025 is a low-trust secondary figure).
    /// </summary>
    public static IReadOnlyList<AverageWageNationalRow> AverageWageNational() => AverageWageNationalTable.Embedded;

    /// <summary>Reads a file in the format of <c>average_wage_national.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<AverageWageNationalRow> ReadAverageWageNational(string path) => AverageWageNationalTable.ReadFile(path);

    /// <summary>
    /// Full-caliber (全口径) average wage by province and year, the contribution-base series, with the stated
    /// contribution-base floor and cap where given; 12 provinces, uneven years (file
    /// <c>average_wage_full_caliber_province.csv</c>).
    /// </summary>
    public static IReadOnlyList<FullCaliberWageProvinceRow> AverageWageFullCaliberProvince() => FullCaliberWageProvinceTable.Embedded;

    /// <summary>Reads a file in the format of <c>average_wage_full_caliber_province.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<FullCaliberWageProvinceRow> ReadAverageWageFullCaliberProvince(string path) => FullCaliberWageProvinceTable.ReadFile(path);

    /// <summary>
    /// Urban non-private average wage by province: all 31 in 2023, 13 in 2024, a few earlier years (file
    /// <c>average_wage_nonprivate_province.csv</c>).
    /// </summary>
    public static IReadOnlyList<NonPrivateWageProvinceRow> AverageWageNonPrivateProvince() => NonPrivateWageProvinceTable.Embedded;

    /// <summary>Reads a file in the format of <c>average_wage_nonprivate_province.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<NonPrivateWageProvinceRow> ReadAverageWageNonPrivateProvince(string path) => NonPrivateWageProvinceTable.ReadFile(path);

    /// <summary>NBS average wage by macro-region (east, central, west, northeast) and unit type (file <c>average_wage_macro_region.csv</c>).</summary>
    public static IReadOnlyList<MacroRegionWageRow> AverageWageMacroRegion() => MacroRegionWageTable.Embedded;

    /// <summary>Reads a file in the format of <c>average_wage_macro_region.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<MacroRegionWageRow> ReadAverageWageMacroRegion(string path) => MacroRegionWageTable.ReadFile(path);

    // ---- labour market ----

    /// <summary>National labour-force rates (WDI / ILO modelled, ILO national estimates, census) (file <c>labour_force_rates_national.csv</c>).</summary>
    public static IReadOnlyList<LabourForceRateRow> LabourForceRatesNational() => LabourForceRatesTable.Embedded;

    /// <summary>Reads a file in the format of <c>labour_force_rates_national.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<LabourForceRateRow> ReadLabourForceRatesNational(string path) => LabourForceRatesTable.ReadFile(path);

    /// <summary>
    /// 2010 census long-form sample: population 16+ by activity status, sex and education (file
    /// <c>census2010_activity_by_education_sex.csv</c>).
    /// </summary>
    public static IReadOnlyList<Census2010ActivityRow> Census2010ActivityByEducationSex() => Census2010ActivityTable.Embedded;

    /// <summary>Reads a file in the format of <c>census2010_activity_by_education_sex.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<Census2010ActivityRow> ReadCensus2010ActivityByEducationSex(string path) => Census2010ActivityTable.ReadFile(path);

    // ---- national aggregates, pooling, reserve fund ----

    /// <summary>
    /// Urban employee basic pension national aggregates 2010-2024, one tagged figure per row (file
    /// <c>urban_employee_pension_national.csv</c>). Rows tagged <see cref="SourceTag.Unverified"/> are carried for
    /// reference only.
    /// </summary>
    public static IReadOnlyList<PensionNationalFigureRow> UrbanEmployeePensionNational() => UrbanEmployeeNationalTable.Embedded;

    /// <summary>Reads a file in the format of <c>urban_employee_pension_national.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PensionNationalFigureRow> ReadUrbanEmployeePensionNational(string path) => UrbanEmployeeNationalTable.ReadFile(path);

    /// <summary>
    /// The urban employee scheme's enterprise and public-institution (机关事业单位) parts in a province, one tagged figure
    /// per row (file <c>public_institution_pension_province.csv</c>: Fujian's yearbook, the only official split found;
    /// data/README.md). Evidence on the public-institution members' money; its 2021 figures are
    /// <see cref="Scheme.PublicInstitutionSplit.BenefitRatio"/>'s.
    /// </summary>
    internal static IReadOnlyList<ProvincePensionFigureRow> PublicInstitutionPensionProvince() => PublicInstitutionProvinceTable.Embedded;

    /// <summary>Central adjustment fund (2018-2021) and national pooling (2022+) figures (file <c>pension_pooling_figures.csv</c>).</summary>
    public static IReadOnlyList<PensionPoolingFigureRow> PensionPoolingFigures() => PoolingFiguresTable.Embedded;

    /// <summary>Reads a file in the format of <c>pension_pooling_figures.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<PensionPoolingFigureRow> ReadPensionPoolingFigures(string path) => PoolingFiguresTable.ReadFile(path);

    /// <summary>State-capital transfers, NSSF and entrusted pension fund figures (file <c>nssf_reserve.csv</c>).</summary>
    public static IReadOnlyList<NssfReserveFigureRow> NssfReserve() => NssfReserveTable.Embedded;

    /// <summary>Reads a file in the format of <c>nssf_reserve.csv</c>.</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="InputDataException">The file breaks the format.</exception>
    public static IReadOnlyList<NssfReserveFigureRow> ReadNssfReserve(string path) => NssfReserveTable.ReadFile(path);

    // ---- cell readers specific to these files ----

    private static double? OptionalDouble(TidyCsvReader r, string column, double min, double max, string what, string emptyMeaning)
    {
        var text = r.Text(column);
        if (text.Length == 0) return null;
        var range = string.Create(CultureInfo.InvariantCulture, $"{what} in [{min}, {max}], or empty for {emptyMeaning}");
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out double value) ||
            !double.IsFinite(value) || value < min || value > max)
        {
            throw r.Error(column, text, range);
        }
        return value;
    }

    private static string RequiredText(TidyCsvReader r, string column)
    {
        var text = r.Text(column);
        if (text.Length == 0) throw r.Error(column, null, "a non-empty text");
        return text;
    }

    private static string? OptionalText(TidyCsvReader r, string column)
    {
        var text = r.Text(column);
        return text.Length == 0 ? null : text;
    }

    private static int ProvinceCode(TidyCsvReader r, string column)
    {
        int code = r.RegionCode(column);
        if (code == 0) throw r.Error(column, "0", "a GB/T 2260 province code of the 31 provinces (11..65); this file has no national rows");
        return code;
    }

    private static SourceTag Tag(TidyCsvReader r) => (SourceTag)Array.IndexOf(TagLabels, r.Choice("tag", TagLabels));

    private static FigureQualifier Qualifier(TidyCsvReader r) =>
        (FigureQualifier)Array.IndexOf(QualifierLabels, r.Choice("qualifier", QualifierLabels));

    private static double FigureValue(TidyCsvReader r, string unit) => unit switch
    {
        "percent" => r.Double("value", -100, 1000, "a percentage"),
        "100m_cny" => r.Double("value", 0, MaxHundredMillionYuan, Money),
        _ => r.Double("value", 0, 10_000, "a non-negative count"),
    };
}
