using System.Globalization;
using System.Text;
using Actuarial.IO;

namespace Actuarial.Scenarios;

/// <summary>One key measure of a scenario in a golden table (tidy: one measure per row).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Measure">Measure name, e.g. <c>depletion_year</c> (see <see cref="Verification.KeyMeasures"/>).</param>
/// <param name="Region">China or a province's English name.</param>
/// <param name="Year">The year the measure is read at, or empty for a measure of the whole run.</param>
/// <param name="Value">The value (a year for the *_year measures, yuan for balances and transfers, a ratio); empty when there is none (e.g. never depleted).</param>
/// <param name="Tolerance">Largest absolute difference accepted, in the value's unit (0 for years: they must not move).</param>
[CsvHelper.CsvRecord]
internal sealed partial record GoldenRow(string Scenario, string Measure, string Region, int? Year, double? Value, double Tolerance);

/// <summary>How a measure compares with its golden value.</summary>
internal enum MeasureStatus
{
    /// <summary>Within the tolerance.</summary>
    Ok,
    /// <summary>Moved beyond the tolerance (or appeared / disappeared, e.g. a depletion year that is now none).</summary>
    Moved,
    /// <summary>In the golden table, not produced by the run.</summary>
    Missing,
    /// <summary>Produced by the run, not in the golden table.</summary>
    New,
}

/// <summary>One row of a verification: a measure's golden and current value.</summary>
/// <param name="Measure">Measure name.</param>
/// <param name="Region">Region.</param>
/// <param name="Year">Year, if any.</param>
/// <param name="Golden">Golden value.</param>
/// <param name="Actual">Current value.</param>
/// <param name="Tolerance">Tolerance.</param>
/// <param name="Status">The verdict.</param>
internal sealed record MeasureDifference(string Measure, string Region, int? Year, double? Golden, double? Actual, double Tolerance, MeasureStatus Status)
{
    /// <summary>Actual − golden, when both exist.</summary>
    public double? Difference => Golden is { } g && Actual is { } a ? a - g : null;
}

/// <summary>The result of <see cref="Verification.Compare"/>.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Rows">Every measure, golden order then new ones.</param>
internal sealed record VerificationResult(string Scenario, IReadOnlyList<MeasureDifference> Rows)
{
    /// <summary>True when no measure moved beyond its tolerance, none is missing and none is new.</summary>
    public bool Passed => Rows.All(r => r.Status == MeasureStatus.Ok);

    /// <summary>The rows that failed.</summary>
    internal IReadOnlyList<MeasureDifference> Failures => Rows.Where(r => r.Status != MeasureStatus.Ok).ToArray();

    /// <summary>
    /// A readable table: measure, region, year, golden, current, difference (and in percent), tolerance, status; only
    /// the rows that moved at all unless <paramref name="all"/>; ends with a one-line verdict.
    /// </summary>
    public string ToTable(bool all = false)
    {
        var shown = Rows.Where(r => all || r.Status != MeasureStatus.Ok || (r.Difference ?? 0) != 0).ToList();
        var sb = new StringBuilder();
        if (shown.Count > 0)
        {
            var cells = new List<string[]> { new[] { "measure", "region", "year", "golden", "current", "difference", "%", "tolerance", "status" } };
            foreach (var r in shown)
            {
                cells.Add([r.Measure, r.Region, r.Year?.ToString(CultureInfo.InvariantCulture) ?? "", Format(r.Golden), Format(r.Actual), Format(r.Difference),
                    r.Difference is { } d && r.Golden is { } g && g != 0 ? (100 * d / Math.Abs(g)).ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture) : "",
                    Format(r.Tolerance), r.Status switch { MeasureStatus.Ok => "ok", MeasureStatus.Moved => "MOVED", MeasureStatus.Missing => "MISSING", _ => "NEW" }]);
            }
            var widths = Enumerable.Range(0, cells[0].Length).Select(c => cells.Max(row => row[c].Length)).ToArray();
            foreach (var row in cells)
            {
                sb.Append("  ").AppendJoin("  ", row.Select((cell, c) => c <= 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c])).ToArray()).Append('\n');
            }
        }
        int failed = Failures.Count;
        sb.Append(failed == 0
            ? $"{Scenario}: all {Rows.Count} measures within tolerance ({shown.Count} moved within it).\n"
            : $"{Scenario}: {failed} of {Rows.Count} measures beyond tolerance.\n");
        return sb.ToString();
    }

    private static string Format(double? v) => v switch
    {
        null => "none",
        { } x when x == Math.Round(x) && Math.Abs(x) < 1e5 => x.ToString("0", CultureInfo.InvariantCulture),
        { } x when Math.Abs(x) >= 1e5 => x.ToString("0.####e+0", CultureInfo.InvariantCulture),
        { } x => x.ToString("0.######", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Sustainability regression tests: the key measures of a projection, golden tables of them (tidy CSV: Scenario,
/// Measure, Region, Year, Value, Tolerance) and their comparison, with a tolerance per measure. Used by the
/// <c>actuarial verify</c> command and by CI.
/// </summary>
internal static class Verification
{
    /// <summary>The columns of a golden table, in order.</summary>
    internal static IReadOnlyList<string> Columns { get; } = ["Scenario", "Measure", "Region", "Year", "Value", "Tolerance"];

    /// <summary>Years at which balances and dependency ratios are kept (those within the horizon).</summary>
    internal static IReadOnlyList<int> Years { get; } = [2030, 2040, 2050, 2070, 2100];

    /// <summary>Default relative tolerance of money measures (balances, transfers): 0.01%.</summary>
    public const double MoneyRelativeTolerance = 1e-4;

    /// <summary>Default absolute tolerance of ratios.</summary>
    public const double RatioTolerance = 1e-4;

    /// <summary>
    /// The key measures of a projection with their default tolerances: national first deficit years (with and without
    /// subsidies), depletion year, peak balance and its year; the national balance and the system and old-age
    /// dependency ratios at <see cref="Years"/>; the residents' scheme's beneficiaries (persons, with the money tolerance),
    /// spending and balance, and the whole system's pensions and budget cost (% of GDP) and the ratio of the two schemes'
    /// average pensions at those years; each province's depletion year and net transfers received over the run;
    /// with transfers of insurance rights, the workers and money moved nationally at <see cref="Years"/> and each province's
    /// net rights transfers received over the run.
    /// Years have tolerance 0, money <see cref="MoneyRelativeTolerance"/> of the value (at least 1 million yuan), ratios
    /// <see cref="RatioTolerance"/>.
    /// </summary>
    public static IReadOnlyList<GoldenRow> KeyMeasures(PensionProjection projection, string? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        string name = scenario ?? projection.Scenario.Name;
        var rows = new List<GoldenRow>();
        var summaries = projection.Funds.Summary();
        var national = summaries.Single(r => r.RegionCode == 0);
        void Year(string measure, string region, int? value) => rows.Add(new(name, measure, region, null, value, 0));
        void Money(string measure, string region, int? year, double value) =>
            rows.Add(new(name, measure, region, year, value, Math.Max(1e6, Math.Abs(value) * MoneyRelativeTolerance)));
        void Ratio(string measure, int year, double? value) => rows.Add(new(name, measure, national.Region, year, value, RatioTolerance));

        Year("first_deficit_year", national.Region, national.FirstCurrentDeficitYear);
        Year("first_deficit_year_excluding_subsidies", national.Region, national.FirstCurrentDeficitYearExcludingSubsidies);
        Year("depletion_year", national.Region, national.DepletionYear);
        Money("peak_balance_yuan", national.Region, null, national.PeakBalance);
        Year("peak_balance_year", national.Region, national.PeakBalanceYear);
        var years = Years.Where(y => y <= projection.Scenario.EndYear).ToArray();
        foreach (int year in years) Money("closing_balance_yuan", national.Region, year, projection.Funds.Value(Funds.FundLine.ClosingBalance, year));
        var scheme = projection.Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        foreach (int year in years) Ratio("system_dependency_ratio", year, scheme[year].SystemDependencyRatio);
        var demography = projection.Demography.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        foreach (int year in years) Ratio("old_age_dependency_ratio", year, demography[year].OldAgeDependencyRatio);
        if (projection.Scenario.Economy is not null)
        {
            var economy = projection.EconomicTable().ToDictionary(r => r.Year);
            foreach (int year in years) Ratio("benefit_ratio", year, economy[year].BenefitRatio);
            foreach (int year in years) Ratio("cost_rate_share_of_wage_bill", year, economy[year].CostRateShareOfWageBill);
            foreach (int year in years) Ratio("subsidies_percent_gdp", year, economy[year].SubsidiesPercentGdp);
            foreach (int year in years) Ratio("financing_gap_percent_gdp", year, economy[year].FinancingGapPercentGdp);
        }
        // The residents' scheme and the whole system (after the employee scheme's measures, so those keep their order).
        var residents = projection.Residents.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        foreach (int year in years) Money("residents_beneficiaries", national.Region, year, residents[year].Beneficiaries);
        foreach (int year in years) Money("residents_spending_yuan", national.Region, year, residents[year].SpendingYuan);
        foreach (int year in years) Money("residents_closing_balance_yuan", national.Region, year, residents[year].BalanceYuan);
        if (projection.Scenario.Economy is not null)
        {
            var system = projection.SystemTable().ToDictionary(r => r.Year);
            foreach (int year in years) Ratio("public_pension_spending_percent_gdp", year, system[year].PublicPensionSpendingPercentGdp);
            foreach (int year in years) Ratio("budget_cost_percent_gdp", year, system[year].BudgetCostPercentGdp);
            foreach (int year in years) Ratio("employee_to_residents_pension_ratio", year, system[year].EmployeeToResidentsPensionRatio);
        }
        // The funded pillars (outside the basic funds: their measures come after the basic schemes', which keep their order).
        var pillars = projection.Pillars;
        foreach (int year in years.Where(y => y > pillars.BaseYear && y <= pillars.LastYear))
        {
            foreach (var pillar in Actuarial.Pillars.SupplementaryPillars.All)
            {
                Money($"{Actuarial.Pillars.SupplementaryPillars.Label(pillar)}_closing_assets_yuan", national.Region, year, pillars.Row(pillar, year).ClosingAssetsYuan);
            }
            var personal = pillars.Row(Actuarial.Pillars.SupplementaryPillar.PersonalPension, year);
            Money("personal_pension_members", national.Region, year, personal.Members);
            Money("personal_pension_tax_deduction_cost_yuan", national.Region, year, personal.TaxDeductionCostYuan);
        }
        foreach (var p in summaries.Where(r => r.RegionCode != 0).OrderBy(r => r.RegionCode))
        {
            Year("depletion_year", p.Region, p.DepletionYear);
            Money("net_transfers_received_yuan", p.Region, null, p.TotalTransfersIn - p.TotalTransfersOut);
        }
        // Transfers of insurance rights between provinces, when the scenario models them (docs/transfers.md).
        if (projection.RightsTransferTable() is { Count: > 0 } rights)
        {
            foreach (int year in years.Where(y => y < projection.Scenario.EndYear))
            {
                var row = rights.Single(r => r.RegionCode == 0 && r.Year == year);
                rows.Add(new(name, "rights_transfer_workers", national.Region, year, row.WorkersOut, Math.Max(1, row.WorkersOut * MoneyRelativeTolerance)));
                Money("rights_transfer_money_yuan", national.Region, year, row.PooledOut + row.AccountOut);
            }
            foreach (var p in rights.Where(r => r.RegionCode != 0).GroupBy(r => (r.RegionCode, r.Region)).OrderBy(g => g.Key.RegionCode))
            {
                Money("rights_transfers_net_received_yuan", p.Key.Region, null, p.Sum(r => r.NetReceived));
            }
        }
        return rows;
    }

    /// <summary>
    /// Compares current measures with golden ones, each within the golden row's tolerance. Rows are matched on
    /// (measure, region, year); the scenario name is not compared. A value that exists on one side only (a depletion
    /// year that appears or disappears) has moved.
    /// </summary>
    public static VerificationResult Compare(IReadOnlyList<GoldenRow> golden, IReadOnlyList<GoldenRow> actual)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(actual);
        var current = actual.ToDictionary(r => (r.Measure, r.Region, r.Year));
        var seen = new HashSet<(string, string, int?)>();
        var rows = new List<MeasureDifference>();
        foreach (var g in golden)
        {
            var key = (g.Measure, g.Region, g.Year);
            seen.Add(key);
            if (!current.TryGetValue(key, out var a))
            {
                rows.Add(new(g.Measure, g.Region, g.Year, g.Value, null, g.Tolerance, MeasureStatus.Missing));
                continue;
            }
            bool ok = (g.Value, a.Value) switch
            {
                (null, null) => true,
                ({ } x, { } y) => Math.Abs(y - x) <= g.Tolerance,
                _ => false,
            };
            rows.Add(new(g.Measure, g.Region, g.Year, g.Value, a.Value, g.Tolerance, ok ? MeasureStatus.Ok : MeasureStatus.Moved));
        }
        foreach (var a in actual.Where(a => !seen.Contains((a.Measure, a.Region, a.Year))))
        {
            rows.Add(new(a.Measure, a.Region, a.Year, null, a.Value, a.Tolerance, MeasureStatus.New));
        }
        string scenario = golden.Count > 0 ? golden[0].Scenario : actual.Count > 0 ? actual[0].Scenario : "scenario";
        return new VerificationResult(scenario, rows);
    }

    /// <summary>
    /// The golden table to write on purpose (<c>verify --update</c>): the current values, keeping the tolerance of each
    /// measure already in <paramref name="previous"/> (a tolerance widened or tightened by hand survives an update).
    /// </summary>
    public static IReadOnlyList<GoldenRow> Updated(IReadOnlyList<GoldenRow>? previous, IReadOnlyList<GoldenRow> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var tolerances = (previous ?? []).ToDictionary(r => (r.Measure, r.Region, r.Year), r => r.Tolerance);
        return actual.Select(a => tolerances.TryGetValue((a.Measure, a.Region, a.Year), out var t) ? a with { Tolerance = t } : a).ToArray();
    }

    /// <summary>Reads a golden table.</summary>
    /// <exception cref="InputDataException">A missing file, a wrong header or a bad cell (naming file, line, column and valid range).</exception>
    public static IReadOnlyList<GoldenRow> ReadGolden(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputDataException(path, null, "(file)", null, "an existing golden table (write one with verify --update)");
        using var text = InputFiles.OpenText(path, InputFiles.MaxGoldenBytes, "a golden table");
        using var reader = new TidyCsvReader(path, text, [.. Columns]);
        var rows = new List<GoldenRow>();
        var seen = new Dictionary<(string, string, int?), int>();
        while (reader.Read())
        {
            string value = reader.Text("Value");
            double? parsed = null;
            if (value.Length > 0)
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    throw reader.Error("Value", value, "a finite number, or empty for none");
                }
                parsed = v;
            }
            string measure = reader.Text("Measure");
            if (measure.Length == 0) throw reader.Error("Measure", null, "a measure name");
            var row = new GoldenRow(reader.Text("Scenario"), measure, reader.Text("Region"), reader.OptionalInt("Year", 1900, 2300, "a measure of the whole run"),
                parsed, reader.Double("Tolerance", 0, double.MaxValue, "a tolerance ≥ 0"));
            var key = (row.Measure, row.Region, row.Year);
            if (!seen.TryAdd(key, reader.Line))
            {
                throw reader.Error("(Measure, Region, Year)", $"{row.Measure}, {row.Region}, {row.Year?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}",
                    $"each (Measure, Region, Year) once; this one is already on line {seen[key]}");
            }
            rows.Add(row);
        }
        if (rows.Count == 0) throw new InputDataException(path, null, "(rows)", null, "at least one measure below the header");
        return rows;
    }

    /// <summary>
    /// Writes a golden table (creating its folder) whole or not at all: into a temporary file beside it, flushed to
    /// disk, then renamed over the old table, so an interrupted or failed write leaves the old table as it was.
    /// Refuses values that are not finite (the table could not be read back).
    /// </summary>
    /// <exception cref="InputDataException">A row holds a non-finite value or tolerance, or two rows the same (measure, region, year).</exception>
    public static void WriteGolden(IEnumerable<GoldenRow> rows, string path) => WriteGolden(rows, path, AtomicFile.Default);

    /// <summary>As <see cref="WriteGolden(IEnumerable{GoldenRow}, string)"/>, through an injectable file system (fault tests).</summary>
    public static void WriteGolden(IEnumerable<GoldenRow> rows, string path, AtomicFile files)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(files);
        var list = rows.ToList();
        var seen = new HashSet<(string, string, int?)>();
        foreach (var r in list)
        {
            if (r.Value is { } v && !double.IsFinite(v) || !double.IsFinite(r.Tolerance))
            {
                throw new InputDataException(path, null, "Value", $"{r.Measure} {r.Region} {r.Year}: {r.Value} ± {r.Tolerance}", "finite values (the projection produced a value that is not a number; the golden table is left as it was)");
            }
            if (!seen.Add((r.Measure, r.Region, r.Year))) throw new InputDataException(path, null, "(Measure, Region, Year)", $"{r.Measure}, {r.Region}, {r.Year}", "each measure once");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        files.Replace(path, temp => TidyCsvWriter.Write(list, temp));
    }
}
