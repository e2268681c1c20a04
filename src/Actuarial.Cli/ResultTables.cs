using System.Reflection;
using System.Xml.Linq;
using Actuarial.Charts.Reports;
using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>
/// The result tables the command writes (CSV, workbook, report), for people and spreadsheets: every column's name
/// carries its unit, money is in billion yuan (十亿元; 1 billion = 10 亿) rounded to 0.001 (a million yuan), persons to
/// whole persons, ratios and shares to 4 decimals, growth rates to 5, percentages to 3, months and years to 1 or 2
/// (docs/tables.md). The library's own rows keep full precision (<see cref="Actuarial.IO.TidyCsvWriter"/>); no internal
/// column (such as a golden table's tolerance) is written.
/// </summary>
internal static class ResultTables
{
    /// <summary>How one library column becomes a table column.</summary>
    private sealed record Rule(string Name, double Divisor, int? Decimals);

    private const double Billion = 1e9;

    // Library columns in yuan whose names carry no unit.
    private static readonly HashSet<string> MoneyWithoutUnit =
    [
        "OpeningBalance", "InvestmentReturn", "Contributions", "Subsidies", "SubsidiesToFloor", "RevenueExcludingSubsidies", "Revenue",
        "Spending", "TransfersIn", "TransfersOut", "FromReserve", "CurrentBalance", "CurrentBalanceExcludingSubsidies", "ClosingBalance",
        "CoveredWageBill", "PeakBalance", "TotalSubsidies", "TotalSubsidiesToFloor", "TotalTransfersIn", "TotalTransfersOut", "TotalFromReserve",
        "EmployerContributions", "Pensions", "Inflows", "Drawn",
        "DeferredContributions", "RepaidContributions", "CentralTransfers", "BridgeBorrowedNet", "BridgeDebt",
        "PooledOut", "PooledIn", "AccountOut", "AccountIn", "NetReceived", "ClosingBalanceWithTransfers", "ClosingBalanceWithoutTransfers",
    ];

    private static readonly HashSet<string> Persons =
    [
        "ContributingWorkers", "Retirees", "Contributors", "Pensioners", "NewPensioners", "Population", "Males", "Females",
        "Aged0To14", "Aged15To64", "Aged65Plus", "Births", "Deaths", "NetInternationalMigrants", "NetInterprovincialMigrants",
        "Participants", "ContributorStatusMembers", "Beneficiaries", "Population16Plus", "EmployeeContributors", "EmployeeBeneficiaries",
        "ResidentsContributors", "ResidentsBeneficiaries", "InSchool", "Uncovered", "PublicInstitutionWorkers", "PublicInstitutionRetirees",
        "EnterpriseWorkers", "EnterpriseRetirees",
        "WorkersOut", "WorkersIn", "Members", "NewAnnuitants", "Annuitants", "AnnuitantDeaths", "ExhaustedAnnuitants",
    ];

    private static readonly Dictionary<string, Rule> Renamed = new(StringComparer.Ordinal)
    {
        ["MonthsOfPayment"] = new("ClosingBalanceMonthsOfSpending", 1, 1),
        ["SystemDependencyRatio"] = new("PensionersPerContributor", 1, 4),
        ["OldAgeDependencyRatio"] = new("Aged65PlusPerPersonAged15To64", 1, 4),
        ["CostRate"] = new("CostRateShareOfWageBill", 1, 4),
        ["BenefitRatio"] = new("BenefitRatioAveragePensionPerAverageWage", 1, 4),
        ["TotalFertilityRate"] = new("TotalFertilityRateChildrenPerWoman", 1, 3),
        ["MeanYearsOfSchooling25Plus"] = new("MeanSchoolingYearsAged25Plus", 1, 2),
        ["PriceLevel2024Is1"] = new("PriceLevel2024Is1", 1, 5),
        ["WageLevel"] = new("WageLevelTimesAverageWage", 1, 2),
        ["ReplacementOfOwnWage"] = new("ReplacementOfOwnWageRatio", 1, 4),
        ["ReplacementOfAverageWage"] = new("ReplacementOfAverageWageRatio", 1, 4),
        ["AveragePensionYuanPerMonth"] = new("AveragePensionYuanPerMonth", 1, 1),
        ["AverageWageYuan"] = new("AverageWageYuanPerYear", 1, 0),
        ["NominalGdpYuan"] = new("NominalGdpBillionYuan", Billion, 3),
        ["CoveredShare"] = new("CoveredShareOfPopulation16Plus", 1, 4),
        ["CoveredShareOfPopulation16Plus"] = new("CoveredShareOfPopulation16Plus", 1, 4),
        ["EmployeeToResidentsPensionRatio"] = new("EmployeeToResidentsPensionRatio", 1, 2),
        ["ReturnRate"] = new("NominalReturnPerYear", 1, 5),
    };

    /// <summary>The rule of one column.</summary>
    private static Rule RuleOf(string name, Type type)
    {
        if (Renamed.TryGetValue(name, out var rule)) return rule;
        if (type == typeof(string) || type == typeof(int) || type == typeof(bool) || type == typeof(long)) return new(name, 1, null);
        if (MoneyWithoutUnit.Contains(name)) return new(name + "BillionYuan", Billion, 3);
        if (Persons.Contains(name)) return new(name + "Persons", 1, 0);
        if (name.EndsWith("Yuan2024Prices", StringComparison.Ordinal)) return new(name.Replace("Yuan2024Prices", "BillionYuan2024Prices", StringComparison.Ordinal), Billion, 3);
        if (name.EndsWith("YuanPerYear", StringComparison.Ordinal)) return new(name, 1, 0);
        if (name.EndsWith("YuanPerMonth", StringComparison.Ordinal)) return new(name, 1, 1);
        if (name.EndsWith("Yuan", StringComparison.Ordinal)) return new(name[..^4] + "BillionYuan", Billion, 3);
        if (name.Contains("Percent", StringComparison.Ordinal)) return new(name, 1, 3);
        if (name.EndsWith("GrowthPerYear", StringComparison.Ordinal)) return new(name, 1, 5);
        if (name.EndsWith("ShareOfWageBill", StringComparison.Ordinal)) return new(name, 1, 4);
        if (name.EndsWith("Years", StringComparison.Ordinal)) return new(name, 1, 2);
        if (name.EndsWith("ReplacementOfOwnWage", StringComparison.Ordinal)) return new(name + "Ratio", 1, 4);
        throw new InvalidOperationException($"no unit rule for the result column {name} ({type.Name}); add one to ResultTables");
    }

    /// <summary>A table of library rows, each column renamed with its unit, scaled and rounded by its rule.</summary>
    public static ReportTable Of<T>(IEnumerable<T> rows, string name, string caption)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();
        // Record positional parameters come first, in declaration order.
        var order = typeof(T).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters().Select(p => p.Name!).ToList();
        properties = properties.Where(p => order.Contains(p.Name)).OrderBy(p => order.IndexOf(p.Name)).ToArray();
        var rules = properties.Select(p => RuleOf(p.Name, Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)).ToArray();
        var columns = properties.Select((p, i) => new ReportColumn(rules[i].Name, Describe(typeof(T), p.Name, rules[i]), rules[i].Decimals)).ToArray();
        var values = rows.Select(row => (IReadOnlyList<object?>)properties.Select((p, i) => Scale(p.GetValue(row), rules[i].Divisor)).ToArray());
        return new ReportTable(name, caption, columns, values);
    }

    private static object? Scale(object? value, double divisor) => value switch
    {
        double d when divisor != 1 => d / divisor,
        _ => value,
    };

    /// <summary>The library's documentation of the column (its record parameter), with the table's unit.</summary>
    private static string Describe(Type type, string property, Rule rule)
    {
        string? doc = Documentation.Value?.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == "T:" + type.FullName)?
            .Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == property)?.Value;
        doc = doc is null ? property : string.Join(' ', doc.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (rule.Divisor == Billion) doc = doc.Replace(", yuan", "", StringComparison.Ordinal).Replace(" yuan", "", StringComparison.Ordinal).TrimEnd('.') + "; billion yuan";
        return rule.Decimals is { } k ? $"{doc} (rounded to {k} decimals)" : doc;
    }

    private static readonly Lazy<XDocument?> Documentation = new(() =>
    {
        string path = Path.ChangeExtension(typeof(PensionProjection).Assembly.Location, ".xml");
        return File.Exists(path) ? XDocument.Load(path) : null;
    });

    /// <summary>Key measures of a projection, without the golden table's tolerance (which belongs to verification, not to results).</summary>
    public static ReportTable KeyMeasures(IEnumerable<PensionProjection> projections) => new("key_measures",
        "Key measures (the golden tables' measures; the unit is in each measure's name; values unrounded, as verify compares them)",
        [new("Scenario", "Scenario name"), new("Measure", "Measure, with its unit in the name"), new("Region", "China or a province"),
         new("Year", "Year the measure refers to, if any"), new("Value", "Value, in the unit of the measure's name (full precision)")],
        projections.SelectMany(p => Verification.KeyMeasures(p)).Select(r => (IReadOnlyList<object?>)[r.Scenario, r.Measure, r.Region, r.Year, r.Value]));

    /// <summary>Every table of a run, in the order written.</summary>
    public static List<ReportTable> Run(PensionProjection p)
    {
        var tables = new List<ReportTable>
        {
            Of(p.Funds.YearTable(), "funds_by_year", "Provincial funds and the nation (region code 0) by year, current yuan"),
            Of(p.Funds.Summary(), "funds_summary", "Per-run measures of each provincial fund and the nation"),
            Of(p.Scheme.Summary(), "scheme_by_year", "Contributors, pensioners, wages and pensions by year"),
            Of(p.Demography.Summary(), "demographic_summary", "Population by region and year"),
        };
        if (p.Scenario.Economy is not null) tables.Add(Of(p.EconomicTable(), "economy_by_year", "The national policy view: current and 2024 prices, % of GDP"));
        tables.Add(Of(p.NewRetireeReplacementRates(), "replacement_rates_by_cohort", "First pensions of typical workers by cohort"));
        tables.Add(Of(p.Residents.YearTable(), "residents_by_year", "The residents' scheme by province and year: participants, beneficiaries, money"));
        tables.Add(Of(p.Residents.CoverageTable(), "coverage_by_year", "Everyone aged 16+ by coverage state, province and year"));
        if (p.Scenario.Economy is not null) tables.Add(Of(p.SystemTable(), "system_by_year", "The whole system: both schemes' pensions and the budget's cost, % of GDP"));
        tables.Add(Of(p.PublicInstitutionTable(), "public_institution_by_year", "The employee scheme split into its enterprise and public-institution (机关事业单位) parts by province and year: a documented split of the ledgers, not a separate fund"));
        tables.Add(Of(p.Pillars.YearTable(), "pillars_by_year", "The funded pillars (enterprise and occupational annuities, personal pension) by year: members, money, annuities, annuitants' deaths and what their heirs are paid, tax"));
        tables.Add(Of(p.ReplacementRatesByPillar(), "replacement_rates_by_pillar", "First pensions of typical workers by cohort and pillar, over the own wage"));
        tables.Add(KeyMeasures([p]));
        if (p.Funds.Assumptions.Reserve is not null) tables.Add(Of(p.Funds.ReserveTable(), "reserve_by_year", "The strategic reserve by year"));
        if (p.Scheme.RightsTransfers is not null) tables.Add(Of(p.RightsTransferTable(), "rights_transfers_by_year", "Transfers of insurance rights between provinces: workers and money in and out, each fund with and without them"));
        if (p.Funds.Assumptions.Stress is not null) tables.Add(Of(p.Funds.StressTable(), "stress_by_year", "Shocks and responses by year: deferred and repaid contributions, central transfers, bridge loans"));
        return tables;
    }
}
