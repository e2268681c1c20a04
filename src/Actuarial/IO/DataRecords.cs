using Actuarial.Dimensions;

namespace Actuarial.IO;

/// <summary>Sex of a published figure that may also be given for both sexes together.</summary>
internal enum SexOrBoth
{
    /// <summary>Males (<c>male</c>).</summary>
    Male = 0,
    /// <summary>Females (<c>female</c>).</summary>
    Female = 1,
    /// <summary>Both sexes together (<c>both</c>).</summary>
    Both = 2,
}

/// <summary>
/// An age group as written in the data files: <c>age_start</c> and the inclusive <c>age_end</c>, where an empty
/// end marks the open interval 100+.
/// </summary>
/// <param name="Start">First age in the group (0..100).</param>
/// <param name="End">Last age in the group, inclusive; null for the open interval (100+).</param>
internal readonly record struct AgeGroup(int Start, int? End)
{
    /// <summary>True for the open interval (100 and over).</summary>
    public bool IsOpen => End is null;

    /// <summary>Label such as <c>0</c>, <c>1-4</c>, <c>95-99</c> or <c>100+</c>.</summary>
    public override string ToString() => End switch
    {
        null => $"{Start}+",
        { } e when e == Start => $"{Start}",
        { } e => $"{Start}-{e}",
    };
}

/// <summary>Educational attainment categories of China's 2020 census tables (population aged 3 and over).</summary>
internal enum CensusEducation
{
    /// <summary>Never attended school (未上过学; the source merged pre-school into it). CSV: <c>never_attended</c>.</summary>
    NeverAttended = 0,
    /// <summary>Primary school (小学). CSV: <c>primary</c>.</summary>
    Primary = 1,
    /// <summary>Junior secondary (初中). CSV: <c>junior_secondary</c>.</summary>
    JuniorSecondary = 2,
    /// <summary>Senior secondary (高中, incl. secondary technical). CSV: <c>senior_secondary</c>.</summary>
    SeniorSecondary = 3,
    /// <summary>Tertiary junior college (大学专科). CSV: <c>tertiary_junior_college</c>.</summary>
    TertiaryJuniorCollege = 4,
    /// <summary>Tertiary bachelor (大学本科). CSV: <c>tertiary_bachelor</c>.</summary>
    TertiaryBachelor = 5,
    /// <summary>Postgraduate: master and doctor (研究生). CSV: <c>postgraduate</c>.</summary>
    Postgraduate = 6,
}

/// <summary>A row of <c>census_population_province_age5.csv</c>: census-day (1 November) population.</summary>
/// <param name="CensusYear">Census year (2010 or 2020 in the embedded file).</param>
/// <param name="RegionCode">0 for China (sum of the 31 provinces), else the GB/T 2260 province code.</param>
/// <param name="Sex">Sex.</param>
/// <param name="AgeGroup">Age group: 0, 1-4, 5-9, …, 95-99, 100+.</param>
/// <param name="PopulationPersons">Population, persons.</param>
internal readonly record struct CensusPopulationRow(int CensusYear, int RegionCode, Sex Sex, AgeGroup AgeGroup, long PopulationPersons);

/// <summary>A row of <c>census_national_single_age.csv</c>: national average population and deaths in the census year.</summary>
/// <param name="CensusYear">Census year (2000, 2010, 2020); the year runs from 1 November before to 31 October.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Age">Single age 0..99, or 100 meaning 100 and over.</param>
/// <param name="AveragePopulationPersons">Average population over the census year, persons (2000 has half persons).</param>
/// <param name="DeathsPersons">Deaths in the census year, persons (under-reported).</param>
internal readonly record struct CensusSingleAgeRow(int CensusYear, Sex Sex, int Age, double AveragePopulationPersons, long DeathsPersons)
{
    /// <summary>Crude central death rate deaths / average population (per person-year); NaN when the population is 0.</summary>
    public double Mx => AveragePopulationPersons > 0 ? DeathsPersons / AveragePopulationPersons : double.NaN;
}

/// <summary>A row of <c>census2020_education_province_sex.csv</c>: 2020 census population aged 3+ by attainment.</summary>
/// <param name="RegionCode">0 for China, else the GB/T 2260 province code.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Education">Census attainment category.</param>
/// <param name="PopulationPersons">Population aged 3 and over, persons.</param>
internal readonly record struct CensusEducationRow(int RegionCode, Sex Sex, CensusEducation Education, long PopulationPersons);

/// <summary>Total fertility rate for a calendar year (WPP 2024).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Variant">WPP variant label (estimate, medium, low, high, pi80_lower, …).</param>
/// <param name="Tfr">Children per woman.</param>
internal readonly record struct YearTfrRow(int Year, string Variant, double Tfr);

/// <summary>Percentage age distribution of fertility for a calendar year (WPP 2024).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="AgeGroup">Mother's five-year age group (10-14 … 50-54).</param>
/// <param name="PasfrPercent">Share of the TFR in the group, percent (sums to 100 over groups).</param>
internal readonly record struct YearPasfrRow(int Year, AgeGroup AgeGroup, double PasfrPercent);

/// <summary>Sex ratio at birth for a calendar year (WPP 2024).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="SrbMalesPerFemale">Male births per female birth.</param>
internal readonly record struct YearSrbRow(int Year, double SrbMalesPerFemale);

/// <summary>Life expectancy at birth for a calendar year (WPP 2024).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Sex">Male, female or both.</param>
/// <param name="Variant">WPP variant label (estimate, median, pi80_lower, …).</param>
/// <param name="E0Years">Life expectancy at birth, years.</param>
internal readonly record struct YearE0Row(int Year, SexOrBoth Sex, string Variant, double E0Years);

/// <summary>Abridged central death rate for a five-year period (WPP 2024 or 2019).</summary>
/// <param name="PeriodStart">First year of the period (e.g. 1950 for 1950-1955).</param>
/// <param name="PeriodEnd">Year the period ends (e.g. 1955 for 1950-1955; WPP periods run 1 July to 30 June).</param>
/// <param name="Sex">Male, female or both.</param>
/// <param name="AgeGroup">0, 1-4, 5-9, …, 95-99, 100+.</param>
/// <param name="Mx">Central death rate, deaths per person-year.</param>
internal readonly record struct MxAbridgedRow(int PeriodStart, int PeriodEnd, SexOrBoth Sex, AgeGroup AgeGroup, double Mx);

/// <summary>Net international migration by single age for a calendar year (WPP 2024, medium).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Age">Single age 0..99, or 100 meaning 100 and over.</param>
/// <param name="NetMigrantsThousands">Net migrants in the year, thousands (negative = net emigration).</param>
internal readonly record struct YearNetMigrationByAgeRow(int Year, Sex Sex, int Age, double NetMigrantsThousands);

/// <summary>Total population on 1 July (WPP 2024, median projection).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="PopMaleThousands">Males, thousands.</param>
/// <param name="PopFemaleThousands">Females, thousands.</param>
/// <param name="PopTotalThousands">Both sexes, thousands.</param>
internal readonly record struct YearPopulationTotalRow(int Year, double PopMaleThousands, double PopFemaleThousands, double PopTotalThousands);

/// <summary>Births and deaths in a calendar year (WPP 2024).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Variant">estimate (to 2023) or median (projection).</param>
/// <param name="BirthsThousands">Live births, thousands.</param>
/// <param name="DeathsThousands">Deaths, thousands.</param>
internal readonly record struct YearVitalTotalsRow(int Year, string Variant, double BirthsThousands, double DeathsThousands);

/// <summary>Total net international migrants in a calendar year (WPP 2024).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Variant">estimate (to 2023) or median (projection).</param>
/// <param name="NetMigrantsThousands">Net migrants, thousands (negative = net emigration).</param>
internal readonly record struct YearNetMigrationTotalRow(int Year, string Variant, double NetMigrantsThousands);

/// <summary>
/// NBS's published year-end population (31 December, including active servicemen), the year's births and deaths, the
/// year-end population aged 60+ and 65+, and the National Health Commission's life expectancy at birth (both sexes).
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="YearEndPopulationTenThousands">Year-end population, 万 (10,000 persons).</param>
/// <param name="BirthsTenThousands">Births in the year, 万.</param>
/// <param name="DeathsTenThousands">Deaths in the year, 万.</param>
/// <param name="Aged60PlusTenThousands">Year-end population aged 60 and over, 万.</param>
/// <param name="Aged65PlusTenThousands">Year-end population aged 65 and over, 万.</param>
/// <param name="LifeExpectancyYears">Life expectancy at birth, both sexes, years; null where not published.</param>
/// <param name="SourceUrl">The page the figures were read from.</param>
internal readonly record struct NbsYearRow(int Year, double YearEndPopulationTenThousands, double BirthsTenThousands, double DeathsTenThousands,
    double Aged60PlusTenThousands, double Aged65PlusTenThousands, double? LifeExpectancyYears, string SourceUrl);

/// <summary>Population on 1 July by five-year age group (WPP 2019).</summary>
/// <param name="Year">Calendar year (every fifth year).</param>
/// <param name="Variant">estimate or medium.</param>
/// <param name="Sex">Sex.</param>
/// <param name="AgeGroup">0-4 … 95-99, 100+.</param>
/// <param name="PopThousands">Population, thousands.</param>
internal readonly record struct PopulationAge5Row(int Year, string Variant, Sex Sex, AgeGroup AgeGroup, double PopThousands);

/// <summary>Total fertility rate for a five-year period (WPP 2019).</summary>
/// <param name="PeriodStart">First year of the period.</param>
/// <param name="PeriodEnd">Year the period ends.</param>
/// <param name="Variant">estimate or medium.</param>
/// <param name="Tfr">Children per woman.</param>
internal readonly record struct PeriodTfrRow(int PeriodStart, int PeriodEnd, string Variant, double Tfr);

/// <summary>Percentage age distribution of fertility for a five-year period (WPP 2019; estimate then medium).</summary>
/// <param name="PeriodStart">First year of the period.</param>
/// <param name="PeriodEnd">Year the period ends.</param>
/// <param name="AgeGroup">Mother's age group (15-19 … 45-49).</param>
/// <param name="PasfrPercent">Share of the TFR in the group, percent.</param>
internal readonly record struct PeriodPasfrRow(int PeriodStart, int PeriodEnd, AgeGroup AgeGroup, double PasfrPercent);

/// <summary>Sex ratio at birth for a five-year period (WPP 2019; estimate then medium).</summary>
/// <param name="PeriodStart">First year of the period.</param>
/// <param name="PeriodEnd">Year the period ends.</param>
/// <param name="SrbMalesPerFemale">Male births per female birth.</param>
internal readonly record struct PeriodSrbRow(int PeriodStart, int PeriodEnd, double SrbMalesPerFemale);

/// <summary>Net international migration over a five-year period (WPP 2019; estimate then medium).</summary>
/// <param name="PeriodStart">First year of the period.</param>
/// <param name="PeriodEnd">Year the period ends.</param>
/// <param name="NetMigrantsThousandsPerPeriod">Net migrants over the whole five-year period, thousands.</param>
internal readonly record struct PeriodNetMigrationRow(int PeriodStart, int PeriodEnd, double NetMigrantsThousandsPerPeriod);

/// <summary>Life expectancy at birth for a five-year period (WPP 2019).</summary>
/// <param name="PeriodStart">First year of the period.</param>
/// <param name="PeriodEnd">Year the period ends.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Variant">estimate, or median for projections (the median of the probabilistic projection).</param>
/// <param name="E0Years">Life expectancy at birth, years.</param>
internal readonly record struct PeriodE0Row(int PeriodStart, int PeriodEnd, Sex Sex, string Variant, double E0Years);

/// <summary>Population by age, sex and educational attainment (Wittgenstein Centre 2018, SSP2).</summary>
/// <param name="Year">Year (1950..2100, every fifth; 2015 is the projection base).</param>
/// <param name="AgeGroup">0-4 … 95-99, 100+.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Education">Attainment level; null for WIC's "Under 15" category (CSV <c>under_15</c>).</param>
/// <param name="PopThousands">Population, thousands.</param>
internal readonly record struct WicPopulationEducationRow(int Year, AgeGroup AgeGroup, Sex Sex, EducationLevel? Education, double PopThousands)
{
    /// <summary>True for WIC's "Under 15" rows, which carry no attainment level.</summary>
    public bool IsUnder15 => Education is null;
}

/// <summary>Mean years of schooling by age and sex (Wittgenstein Centre 2018, SSP2).</summary>
/// <param name="Year">Year (every fifth).</param>
/// <param name="AgeGroup">Five-year age group.</param>
/// <param name="Sex">Male, female or both.</param>
/// <param name="MeanYearsSchooling">Mean years of schooling, years.</param>
internal readonly record struct WicMeanYearsSchoolingRow(int Year, AgeGroup AgeGroup, SexOrBoth Sex, double MeanYearsSchooling);

/// <summary>Population by age and sex (Wittgenstein Centre 2018, SSP2).</summary>
/// <param name="Year">Year (every fifth).</param>
/// <param name="AgeGroup">0-4 … 95-99, 100+.</param>
/// <param name="Sex">Sex.</param>
/// <param name="PopThousands">Population, thousands.</param>
internal readonly record struct WicPopulationRow(int Year, AgeGroup AgeGroup, Sex Sex, double PopThousands);
