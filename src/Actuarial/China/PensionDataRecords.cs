using Actuarial.IO;

namespace Actuarial.China;

/// <summary>
/// How a published figure was obtained, as tagged in the project's pension reference notes
/// (CSV column <c>tag</c>).
/// </summary>
internal enum SourceTag
{
    /// <summary>Read in an official text or a page quoting it verbatim (CSV <c>S</c>).</summary>
    Official = 0,
    /// <summary>Read in a secondary source quoting an official figure, not checked against the primary document (CSV <c>S2</c>).</summary>
    Secondary = 1,
    /// <summary>Derived arithmetically from official or secondary figures; the derivation is in the <c>source</c> column (CSV <c>D</c>).</summary>
    Derived = 2,
    /// <summary>Unverified: recalled, no source read. Do not use as a default without checking (CSV <c>U</c>).</summary>
    Unverified = 3,
}

/// <summary>Whether a published figure is exact, approximate or only a bound (CSV column <c>qualifier</c>).</summary>
internal enum FigureQualifier
{
    /// <summary>The figure as published (CSV <c>exact</c>).</summary>
    Exact = 0,
    /// <summary>Published as "about" / "nearly" (CSV <c>approx</c>).</summary>
    Approximate = 1,
    /// <summary>Published as "more than" (CSV <c>lower_bound</c>).</summary>
    LowerBound = 2,
}

/// <summary>Which part of the urban employee scheme a national figure covers (CSV column <c>scope</c>).</summary>
internal enum PensionScope
{
    /// <summary>The whole urban employee scheme (城镇职工), enterprise and public-institution members (CSV <c>all</c>).</summary>
    All = 0,
    /// <summary>Enterprise employees only (企业职工) (CSV <c>enterprise</c>).</summary>
    Enterprise = 1,
    /// <summary>Government and public-institution staff only (机关事业单位) (CSV <c>public_institution</c>).</summary>
    PublicInstitution = 2,
    /// <summary>All basic pension schemes together, employees and residents (CSV <c>all_basic_pension_schemes</c>).</summary>
    AllBasicPensionSchemes = 3,
}

/// <summary>NBS's four macro-regions used in the average-wage releases (CSV column <c>macro_region</c>).</summary>
internal enum MacroRegion
{
    /// <summary>Eastern region 东部地区 (CSV <c>east</c>).</summary>
    East = 0,
    /// <summary>Central region 中部地区 (CSV <c>central</c>).</summary>
    Central = 1,
    /// <summary>Western region 西部地区 (CSV <c>west</c>).</summary>
    West = 2,
    /// <summary>Northeast region 东北地区 (CSV <c>northeast</c>).</summary>
    Northeast = 3,
}

/// <summary>Which NBS average-wage series: urban non-private units or urban private units (CSV column <c>unit_type</c>).</summary>
internal enum WageUnitType
{
    /// <summary>Urban non-private units 城镇非私营单位 (CSV <c>nonprivate</c>).</summary>
    NonPrivate = 0,
    /// <summary>Urban private units 城镇私营单位 (CSV <c>private</c>).</summary>
    Private = 1,
}

/// <summary>A labour-force indicator of <c>labour_force_rates_national.csv</c> (all in percent).</summary>
internal enum LabourForceIndicator
{
    /// <summary>Employed persons / population of the age group, ILO modelled (CSV <c>employment_to_population_ratio</c>).</summary>
    EmploymentToPopulationRatio = 0,
    /// <summary>Labour force / population of the age group, ILO modelled (CSV <c>labour_force_participation_rate</c>).</summary>
    LabourForceParticipationRate = 1,
    /// <summary>Labour-force participation, ILO "national estimate" (census based) (CSV <c>labour_force_participation_rate_national_estimate</c>).</summary>
    LabourForceParticipationRateNationalEstimate = 2,
    /// <summary>Labour-force participation computed by a third party from census tables (CSV <c>labour_force_participation_rate_census</c>).</summary>
    LabourForceParticipationRateCensus = 3,
}

/// <summary>
/// A row of <c>urban_employee_pension_province_2024.csv</c>: urban employee basic pension insurance
/// (城镇职工基本养老保险) by province, NBS <i>China Statistical Yearbook 2025</i> table 24-26.
/// </summary>
/// <param name="Year">Year (2024): year-end stocks, calendar-year flows.</param>
/// <param name="RegionCode">0 for China (includes the yearbook's unallocated line), else the GB/T 2260 province code.</param>
/// <param name="ParticipantsTenThousands">Participants 参保职工合计 (workers + retirees), 10,000 persons.</param>
/// <param name="WorkersTenThousands">Workers 职工 (contributing-status members), 10,000 persons.</param>
/// <param name="RetireesTenThousands">Retirees 离退休人员, 10,000 persons.</param>
/// <param name="RevenueHundredMillionYuan">Fund revenue 基金收入 (includes fiscal subsidies and transfers received), 100 million yuan.</param>
/// <param name="ExpenditureHundredMillionYuan">Fund expenditure 基金支出, 100 million yuan.</param>
/// <param name="AccumulatedBalanceHundredMillionYuan">Accumulated balance 累计结余 at year end, 100 million yuan.</param>
internal readonly record struct UrbanEmployeePensionProvinceRow(
    int Year, int RegionCode, double ParticipantsTenThousands, double WorkersTenThousands, double RetireesTenThousands,
    double RevenueHundredMillionYuan, double ExpenditureHundredMillionYuan, double AccumulatedBalanceHundredMillionYuan);

/// <summary>
/// A row of <c>residents_pension_province_2024.csv</c>: urban and rural residents' basic pension insurance
/// (城乡居民基本养老保险) by province, NBS <i>China Statistical Yearbook 2025</i> table 24-27.
/// </summary>
/// <param name="Year">Year (2024).</param>
/// <param name="RegionCode">0 for China, else the GB/T 2260 province code.</param>
/// <param name="ParticipantsTenThousands">Participants 参保人数 (including beneficiaries), 10,000 persons.</param>
/// <param name="BeneficiariesTenThousands">Persons actually paid benefits 实际领取待遇人数, 10,000 persons.</param>
/// <param name="RevenueHundredMillionYuan">Fund revenue, 100 million yuan.</param>
/// <param name="ExpenditureHundredMillionYuan">Fund expenditure, 100 million yuan.</param>
/// <param name="AccumulatedBalanceHundredMillionYuan">Accumulated balance at year end, 100 million yuan.</param>
internal readonly record struct ResidentsPensionProvinceRow(
    int Year, int RegionCode, double ParticipantsTenThousands, double BeneficiariesTenThousands,
    double RevenueHundredMillionYuan, double ExpenditureHundredMillionYuan, double AccumulatedBalanceHundredMillionYuan);

/// <summary>A row of <c>average_wage_national.csv</c>: NBS national average annual wages of urban units.</summary>
/// <param name="Year">Year the wage was earned.</param>
/// <param name="NonPrivateYuanPerYear">Average wage of employed persons in urban non-private units, yuan per year.</param>
/// <param name="PrivateYuanPerYear">Average wage in urban private units, yuan per year; null where not found (2025).</param>
/// <param name="SourceKey">Source key(s) from the shared SOURCES.md, separated by <c>;</c>.</param>
/// <param name="Trust">Trust label (high, low, …).</param>
internal readonly record struct AverageWageNationalRow(int Year, double NonPrivateYuanPerYear, double? PrivateYuanPerYear, string SourceKey, string Trust);

/// <summary>
/// A row of <c>average_wage_full_caliber_province.csv</c>: the full-caliber (全口径) average wage of urban employed
/// persons, the series that sets the pension contribution base (floor 60 %, cap 300 %) and the benefit base.
/// </summary>
/// <param name="Year">Statistical year of the wage (the year it was earned), not the year the base applies.</param>
/// <param name="RegionCode">GB/T 2260 province code.</param>
/// <param name="FullCaliberYuanPerYear">Annual wage, yuan per year; null where the source states only the monthly figure.</param>
/// <param name="FullCaliberYuanPerMonth">Monthly wage, yuan per month (stated or annual / 12, see <paramref name="ValueOrigin"/>).</param>
/// <param name="ContributionBaseFloorYuanPerMonth">Contribution-base floor, yuan per month, where stated; else null.</param>
/// <param name="ContributionBaseCapYuanPerMonth">Contribution-base cap, yuan per month, where stated; else null.</param>
/// <param name="FloorCapApplyTo">The contribution year (or date) the floor and cap apply to; null when none is given.</param>
/// <param name="ValueOrigin">Which figures are stated and which derived, in words.</param>
/// <param name="SourceKey">Source key from the shared SOURCES.md.</param>
/// <param name="Trust">Trust label.</param>
internal readonly record struct FullCaliberWageProvinceRow(
    int Year, int RegionCode, double? FullCaliberYuanPerYear, double FullCaliberYuanPerMonth,
    double? ContributionBaseFloorYuanPerMonth, double? ContributionBaseCapYuanPerMonth, string? FloorCapApplyTo,
    string ValueOrigin, string SourceKey, string Trust);

/// <summary>A row of <c>average_wage_nonprivate_province.csv</c>: urban non-private average wage by province (NBS series).</summary>
/// <param name="Year">Year the wage was earned.</param>
/// <param name="RegionCode">0 for China, else the GB/T 2260 province code.</param>
/// <param name="NonPrivateYuanPerYear">Average wage in urban non-private units, yuan per year.</param>
/// <param name="AltValueYuanPerYear">A conflicting value from another source, yuan per year; null when there is no conflict.</param>
/// <param name="SourceKey">Source key from the shared SOURCES.md.</param>
/// <param name="Crosscheck">The cross-check done on this value, in words; null when none.</param>
/// <param name="Trust">Trust label.</param>
internal readonly record struct NonPrivateWageProvinceRow(
    int Year, int RegionCode, double NonPrivateYuanPerYear, double? AltValueYuanPerYear, string SourceKey, string? Crosscheck, string Trust);

/// <summary>A row of <c>average_wage_macro_region.csv</c>: NBS average wage by macro-region and unit type.</summary>
/// <param name="Year">Year the wage was earned.</param>
/// <param name="MacroRegion">East, central, west or northeast.</param>
/// <param name="UnitType">Non-private or private units.</param>
/// <param name="AverageWageYuanPerYear">Average wage, yuan per year.</param>
/// <param name="SourceKey">Source key from the shared SOURCES.md.</param>
/// <param name="Trust">Trust label.</param>
internal readonly record struct MacroRegionWageRow(
    int Year, MacroRegion MacroRegion, WageUnitType UnitType, double AverageWageYuanPerYear, string SourceKey, string Trust);

/// <summary>A row of <c>labour_force_rates_national.csv</c>: a national labour-force rate (WDI / ILO / census).</summary>
/// <param name="Year">Year.</param>
/// <param name="Sex">Male, female or both.</param>
/// <param name="AgeStart">First age of the group (15 or 16).</param>
/// <param name="AgeEnd">Last age, inclusive; null for an open group such as 15+.</param>
/// <param name="Indicator">Which rate.</param>
/// <param name="ValuePercent">The rate, percent.</param>
/// <param name="SourceKey">Source key from the shared SOURCES.md.</param>
/// <param name="Trust">Trust label.</param>
internal readonly record struct LabourForceRateRow(
    int Year, SexOrBoth Sex, int AgeStart, int? AgeEnd, LabourForceIndicator Indicator, double ValuePercent, string SourceKey, string Trust);

/// <summary>
/// A row of <c>census2010_activity_by_education_sex.csv</c>: 2010 census long-form sample (≈10 %, unweighted
/// sample persons), population aged 16 and over by activity status, sex and education (census table 4-3).
/// </summary>
/// <param name="Sex">Male, female or both.</param>
/// <param name="Education">Attainment category; null for all levels together (CSV <c>all</c>).</param>
/// <param name="Pop16PlusSamplePersons">Population aged 16+, sample persons.</param>
/// <param name="EconomicallyActiveSamplePersons">Economically active (employed + unemployed), sample persons.</param>
/// <param name="EmployedSamplePersons">Employed (at work + temporarily absent), sample persons.</param>
/// <param name="EmployedAtWorkSamplePersons">Employed and at work, sample persons.</param>
/// <param name="EmployedTemporarilyAbsentSamplePersons">Employed but temporarily absent, sample persons.</param>
/// <param name="UnemployedSamplePersons">Unemployed, sample persons.</param>
/// <param name="NotEconomicallyActiveSamplePersons">Not economically active, sample persons.</param>
/// <param name="Derived">True where the row was derived as both-sexes minus male (the page copy was cut).</param>
internal readonly record struct Census2010ActivityRow(
    SexOrBoth Sex, CensusEducation? Education, long Pop16PlusSamplePersons, long EconomicallyActiveSamplePersons,
    long EmployedSamplePersons, long EmployedAtWorkSamplePersons, long EmployedTemporarilyAbsentSamplePersons,
    long UnemployedSamplePersons, long NotEconomicallyActiveSamplePersons, bool Derived)
{
    /// <summary>Economically active / population 16+ (a fraction); NaN when the population is 0.</summary>
    public double ParticipationRate => Pop16PlusSamplePersons > 0 ? (double)EconomicallyActiveSamplePersons / Pop16PlusSamplePersons : double.NaN;

    /// <summary>Unemployed / economically active (a fraction); NaN when nobody is active.</summary>
    public double UnemploymentRate => EconomicallyActiveSamplePersons > 0 ? (double)UnemployedSamplePersons / EconomicallyActiveSamplePersons : double.NaN;
}

/// <summary>
/// A row of <c>public_institution_pension_province.csv</c>: one part (enterprise or public institution) of a province's
/// urban employee scheme (long format: one figure per row, each with its own tag and source).
/// </summary>
/// <param name="Year">Year (stocks at year end, flows over the calendar year).</param>
/// <param name="RegionCode">GB/T 2260 province code.</param>
/// <param name="Scope"><see cref="PensionScope.Enterprise"/> or <see cref="PensionScope.PublicInstitution"/>.</param>
/// <param name="Item">workers, retirees, revenue, expenditure or balance.</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit"><c>10k_persons</c> (10,000 persons) or <c>100m_cny</c> (100 million yuan).</param>
/// <param name="Qualifier">Exact, approximate or lower bound.</param>
/// <param name="Tag">How the figure was obtained.</param>
/// <param name="Source">Where it was read.</param>
internal readonly record struct ProvincePensionFigureRow(
    int Year, int RegionCode, PensionScope Scope, string Item, double Value, string Unit, FigureQualifier Qualifier, SourceTag Tag, string Source);

/// <summary>
/// A row of <c>urban_employee_pension_national.csv</c>: a national aggregate of the urban employee basic pension
/// (long format: one figure per row, each with its own tag and source).
/// </summary>
/// <param name="Year">Year (stocks at year end, flows over the calendar year).</param>
/// <param name="Scope">The part of the scheme covered.</param>
/// <param name="Item">participants, workers, retirees, revenue, contributions, fiscal_subsidy, central_fiscal_subsidy, expenditure or balance.</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit"><c>10k_persons</c> (10,000 persons) or <c>100m_cny</c> (100 million yuan).</param>
/// <param name="Qualifier">Exact, approximate or lower bound.</param>
/// <param name="Tag">How the figure was obtained (filter out <see cref="SourceTag.Unverified"/> for defaults).</param>
/// <param name="Source">Where it was read, or the derivation.</param>
internal readonly record struct PensionNationalFigureRow(
    int Year, PensionScope Scope, string Item, double Value, string Unit, FigureQualifier Qualifier, SourceTag Tag, string Source);

/// <summary>
/// A row of <c>pension_pooling_figures.csv</c>: a figure of the central adjustment fund (2018-2021) or of national
/// pooling (2022+).
/// </summary>
/// <param name="Year">Year.</param>
/// <param name="RegionCode">0 for a national figure, else the GB/T 2260 code of the province concerned.</param>
/// <param name="Item">What the figure is (e.g. <c>central_adjustment_ratio</c>, <c>national_pooling_payment_budget</c>).</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit"><c>100m_cny</c>, <c>percent</c> or <c>provinces</c> (a count).</param>
/// <param name="Qualifier">Exact, approximate or lower bound.</param>
/// <param name="Tag">How the figure was obtained.</param>
/// <param name="Source">Where it was read, or the derivation.</param>
internal readonly record struct PensionPoolingFigureRow(
    int Year, int RegionCode, string Item, double Value, string Unit, FigureQualifier Qualifier, SourceTag Tag, string Source);

/// <summary>
/// A row of <c>nssf_reserve.csv</c>: state-capital transfers to social security, the National Social Security
/// Fund and the provinces' basic pension funds entrusted to the NSSF council.
/// </summary>
/// <param name="Year">Year (year end for stocks).</param>
/// <param name="Item">What the figure is (e.g. <c>nssf_total_assets</c>, <c>nssf_return</c>).</param>
/// <param name="Value">The figure, in <paramref name="Unit"/> (returns may be negative).</param>
/// <param name="Unit"><c>100m_cny</c>, <c>percent</c>, <c>entities</c> or <c>provinces</c> (counts).</param>
/// <param name="Qualifier">Exact, approximate or lower bound.</param>
/// <param name="Tag">How the figure was obtained.</param>
/// <param name="Source">Where it was read.</param>
internal readonly record struct NssfReserveFigureRow(
    int Year, string Item, double Value, string Unit, FigureQualifier Qualifier, SourceTag Tag, string Source);
