using System.Diagnostics;
using Actuarial.Charts;
using Actuarial.Charts.Reports;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>The commands. Output files go only to the folder the user named.</summary>
internal sealed partial class Commands(TextWriter stdout, TextWriter stderr, AtomicFile? files = null)
{
    private readonly AtomicFile _files = files ?? AtomicFile.Default;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private void Progress(string line) => stderr.WriteLine($"[{_clock.Elapsed.TotalSeconds,5:F1} s] {line}");

    private ScenarioFileRunner Runner() => new(Progress);

    public int RunScenario(string path, string? outFolder, bool force = false, bool report = false)
    {
        var file = ScenarioFile.Load(path);
        using var output = outFolder is null ? null : OutputFolder.Prepare(outFolder, force, _files);
        var projection = Runner().Run(file);
        ProjectionChecks.RequireFinite(projection, file.Source);
        stdout.Write(Summary.Format(file, projection));
        if (output is null) return ExitCode.Ok;
        Progress($"writing tables and charts to {outFolder}");
        var written = output.Commit(AuditCommands.WithManifest(file, "run", Output.WriteRun(file, projection, output, report), output));
        stdout.WriteLine();
        stdout.WriteLine($"wrote {written.Count} files to {output.Target}:");
        foreach (var f in written) stdout.WriteLine($"  {Path.GetFileName(f)}");
        return ExitCode.Ok;
    }

    public int Compare(IReadOnlyList<string> paths, string? outFolder, bool force = false, bool report = false)
    {
        var files = paths.Select(ScenarioFile.Load).ToList();
        using var output = outFolder is null ? null : OutputFolder.Prepare(outFolder, force, _files);
        var runner = Runner();
        var projections = new List<PensionProjection>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var scenario = file.ToScenario();
            string name = scenario.Name;
            for (int k = 2; !names.Add(name); k++) name = $"{scenario.Name}-{k}";
            projections.Add(runner.Run(scenario with { Name = name }));
            ProjectionChecks.RequireFinite(projections[^1], file.Source);
        }
        stdout.Write(Summary.SideBySide(projections));
        if (output is null) return ExitCode.Ok;
        Progress($"writing comparison charts and tables to {outFolder}");
        var written = output.Commit(Output.WriteComparison(files, projections, output, report));
        stdout.WriteLine();
        stdout.WriteLine($"wrote {written.Count} files to {output.Target}:");
        foreach (var f in written) stdout.WriteLine($"  {Path.GetFileName(f)}");
        return ExitCode.Ok;
    }

    public int Verify(string path, string golden, bool update, bool all)
    {
        var file = ScenarioFile.Load(path);
        IReadOnlyList<GoldenRow>? previous = null;
        if (File.Exists(golden) || Directory.Exists(golden)) previous = Verification.ReadGolden(golden);
        else if (!update) throw new InputDataException(golden, null, "(file)", null, "an existing golden table; create it on purpose with --update");
        if (update) ProbeWritable(golden);
        var projection = Runner().Run(file);
        ProjectionChecks.RequireFinite(projection, file.Source);
        var actual = Verification.KeyMeasures(projection, file.Name);
        if (update)
        {
            if (previous is not null) stdout.Write(Verification.Compare(previous, actual).ToTable(all));
            Verification.WriteGolden(Verification.Updated(previous, actual), golden, _files);
            stdout.WriteLine($"{(previous is null ? "created" : "updated")} the golden table {golden} ({actual.Count} measures) on purpose; commit it with a note on why the measures moved.");
            return ExitCode.Ok;
        }
        var result = Verification.Compare(previous!, actual);
        stdout.Write(result.ToTable(all));
        return result.Passed ? ExitCode.Ok : ExitCode.VerificationFailed;
    }

    /// <summary>Checks, before the projection, that a file can be created beside the golden table (where the new one is written first).</summary>
    private static void ProbeWritable(string golden)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(golden))!;
        Directory.CreateDirectory(folder);
        string probe = Path.Combine(folder, $".{Path.GetFileName(golden)}.{Guid.NewGuid():N}.probe");
        File.WriteAllText(probe, "");
        File.Delete(probe);
    }

    public int Docs(string outFolder)
    {
        foreach (var f in ScenarioFileDocs.Write(outFolder)) stdout.WriteLine($"wrote {f}");
        return ExitCode.Ok;
    }
}

/// <summary>The printed summaries.</summary>
internal static class Summary
{
    private static readonly int[] DependencyYears = [2030, 2050, 2100];

    /// <summary>(label, value) lines of one projection.</summary>
    public static List<(string Label, string Value)> Lines(PensionProjection p, bool shortProvinces)
    {
        var s = p.Summary();
        var c = Text.C;
        var lines = new List<(string, string)>
        {
            ("first year of current deficit, with subsidies", Text.Year(s.FirstCurrentDeficitYear, s.LastYear)),
            ("first year of current deficit, without subsidies", Text.Year(s.FirstCurrentDeficitYearExcludingSubsidies, s.LastYear)),
            ("national fund depleted", Text.Year(s.DepletionYear, s.LastYear)),
            ("peak national balance, trillion yuan", $"{(s.PeakBalanceYuan / 1e12).ToString("F2", c)} (end-{s.PeakBalanceYear.ToString(c)})"),
        };
        var demography = p.Demography.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        foreach (int year in DependencyYears.Where(y => y <= s.LastYear))
        {
            var system = s.SystemDependencyRatios.FirstOrDefault(d => d.Year == year);
            lines.Add(($"pensioners per contributor, {year.ToString(c)}", system.Year == year ? system.PensionersPerContributor?.ToString("F3", c) ?? "none (no contributors)" : "n/a"));
        }
        foreach (int year in DependencyYears.Where(y => y <= s.LastYear))
        {
            lines.Add(($"aged 65+ per person aged 15-64, {year.ToString(c)}", demography[year].OldAgeDependencyRatio.ToString("F3", c)));
        }
        foreach (int year in new[] { 2030, 2050 }.Where(y => y <= s.LastYear))
        {
            int deficits = p.Funds.YearTable().Count(r => r.Year == year && r.RegionCode != 0 && r.CurrentBalance < 0);
            lines.Add(($"provinces in current deficit (with subsidies), {year.ToString(c)}", $"{deficits} of 31"));
        }
        if (p.Scenario.Economy is not null)
        {
            string Pct(double share) => (100 * share).ToString("F2", c) + "%";
            var e = p.EconomicTable().ToDictionary(r => r.Year);
            var ps = p.PolicySummary(withImplicitDebt: !shortProvinces);
            lines.Add(("peak national balance, trillion 2024 yuan", (ps.PeakBalanceYuan2024Prices / 1e12).ToString("F2", c)));
            lines.Add(("assumed: price growth (long run), per year", Pct(ps.LongRunPriceGrowthPerYear)));
            lines.Add(("assumed: real wage growth 2030 / " + s.LastYear.ToString(c), $"{Pct(ps.RealWageGrowth2030PerYear)} / {Pct(ps.RealWageGrowthLastYearPerYear)}"));
            lines.Add(("pension increases after 2025", ps.IndexationRule));
            lines.Add(("account crediting after 2024", ps.CreditingRule));
            lines.Add(("subsidies", ps.SubsidyRule));
            foreach (int year in new[] { p.Funds.FirstYear, 2030, 2050, 2070, 2100 }.Where(e.ContainsKey))
            {
                var r = e[year];
                lines.Add(($"{year.ToString(c)}: benefit ratio; cost / contribution rate, % wage bill", $"{r.BenefitRatio.ToString("F3", c)}; {(100 * r.CostRateShareOfWageBill).ToString("F1", c)} / {(100 * r.ContributionRateShareOfWageBill).ToString("F1", c)}"));
                lines.Add(($"{year.ToString(c)}: pensions / subsidies / financing gap, % GDP", $"{r.PensionsPercentGdp.ToString("F2", c)} / {r.SubsidiesPercentGdp.ToString("F2", c)} / {r.FinancingGapPercentGdp.ToString("F2", c)}"));
                lines.Add(($"{year.ToString(c)}: subsidies, % of budget revenue", r.SubsidiesPercentBudgetRevenue.ToString("F1", c)));
            }
            // The whole system: both basic schemes (the residents' scheme beside the employee scheme).
            var system = p.SystemTable().ToDictionary(r => r.Year);
            foreach (int year in new[] { p.Funds.FirstYear, 2050, 2100 }.Where(system.ContainsKey))
            {
                var r = system[year];
                lines.Add(($"{year.ToString(c)}: both basic schemes' pensions / budget cost, % GDP", $"{r.PublicPensionSpendingPercentGdp.ToString("F2", c)} / {r.BudgetCostPercentGdp.ToString("F2", c)}"));
                lines.Add(($"{year.ToString(c)}: residents' pension, yuan a month; employee pension / it", $"{r.ResidentsAveragePensionYuanPerMonth.ToString("F0", c)}; {r.EmployeeToResidentsPensionRatio?.ToString("F1", c) ?? "n/a"}"));
            }
            // The funded pillars, outside the basic funds.
            foreach (int year in new[] { p.Funds.FirstYear, 2050, 2100 }.Where(y => system.ContainsKey(y) && y > p.Pillars.BaseYear && y <= p.Pillars.LastYear))
            {
                double gdp = system[year].NominalGdpYuan;
                double Assets(Actuarial.Pillars.SupplementaryPillar pillar) => 100 * p.Pillars.Row(pillar, year).ClosingAssetsYuan / gdp;
                var personal = p.Pillars.Row(Actuarial.Pillars.SupplementaryPillar.PersonalPension, year);
                lines.Add(($"{year.ToString(c)}: enterprise / occupational annuity assets, % GDP",
                    $"{Assets(Actuarial.Pillars.SupplementaryPillar.EnterpriseAnnuity).ToString("F2", c)} / {Assets(Actuarial.Pillars.SupplementaryPillar.OccupationalAnnuity).ToString("F2", c)}"));
                lines.Add(($"{year.ToString(c)}: personal pension contributors, M; assets / tax relief, % GDP",
                    $"{(personal.Members / 1e6).ToString("F1", c)}; {Assets(Actuarial.Pillars.SupplementaryPillar.PersonalPension).ToString("F2", c)} / {(100 * personal.TaxDeductionCostYuan / gdp).ToString("F3", c)}"));
            }
            var replacementRates = p.NewRetireeReplacementRates([1970, 1990, 2010]);
            if (replacementRates.Count == 0) lines.Add(("replacement rate, man at the average wage, 35 years", "none (a year with no covered wage)"));
            foreach (var r in replacementRates.Where(r => r.Profile == Actuarial.Scheme.TypicalWorker.Defaults[0].Name))
            {
                lines.Add(($"replacement rate, man at the average wage, 35 years, retiring {r.RetirementYear.ToString(c)}", r.ReplacementOfAverageWage.ToString("F3", c)));
            }
            lines.Add(($"general average premium, {ps.ValuationYears} years, % wage bill", ps.GeneralAveragePremium is { } premium ? (100 * premium).ToString("F1", c) : "none (no covered wage bill)"));
            lines.Add(($"actuarial balance, {ps.ValuationYears} years, % wage bill", ps.ActuarialBalance is { } actuarialBalance ? (100 * actuarialBalance).ToString("F1", c) : "none (no covered wage bill)"));
            if (ps.NetImplicitDebtPercentGdp2024 is { } debt)
            {
                lines.Add(($"net implicit pension debt, end-2024, % of 2024 GDP (at {Pct(ps.ImplicitDebtDiscountRate)})", debt.ToString("F0", c)));
            }
        }
        var depleted = s.DepletedProvinces;
        string list = depleted.Count == 0 ? "none" : $"{depleted.Count} of 31: " +
            string.Join(", ", depleted.Take(shortProvinces ? 3 : depleted.Count).Select(d => $"{d.Region} {d.Year.ToString(c)}")) +
            (shortProvinces && depleted.Count > 3 ? ", …" : "");
        lines.Add(($"provincial funds depleted by {s.LastYear.ToString(c)}", list));
        return lines;
    }

    public static string Format(ScenarioFile file, PensionProjection p)
    {
        var sb = new System.Text.StringBuilder();
        var s = p.Summary();
        sb.Append($"{s.Scenario}: China's urban employee basic pension, 31 provincial funds, {s.FirstYear}–{s.LastYear}\n");
        if (file.Description is { } d) sb.Append($"  {d}\n");
        var overrides = file.Keys.Where(k => k is not ("name" or "description")).ToList();
        sb.Append(overrides.Count > 0 ? $"  overrides: {string.Join(", ", overrides)}\n" : "  overrides: none (the China defaults, current law)\n");
        sb.Append('\n');
        var lines = Lines(p, shortProvinces: false);
        int width = lines.Max(l => l.Label.Length);
        foreach (var (label, value) in lines) sb.Append($"  {label.PadRight(width)}  {value}\n");
        return sb.ToString();
    }

    public static string SideBySide(IReadOnlyList<PensionProjection> projections)
    {
        var columns = projections.Select(p => Lines(p, shortProvinces: true)).ToList();
        var labels = columns[0].Select(l => l.Label).ToList();
        int labelWidth = labels.Max(l => l.Length);
        var widths = projections.Select((p, i) => Math.Max(p.Scenario.Name.Length, columns[i].Where(l => !l.Label.StartsWith("provincial funds depleted", StringComparison.Ordinal)).Max(l => l.Value.Length))).ToList();
        var sb = new System.Text.StringBuilder();
        sb.Append($"  {"".PadRight(labelWidth)}  {string.Join("  ", projections.Select((p, i) => p.Scenario.Name.PadLeft(widths[i])))}\n");
        for (int row = 0; row < labels.Count; row++)
        {
            if (labels[row].StartsWith("provincial funds depleted", StringComparison.Ordinal)) continue;
            sb.Append($"  {labels[row].PadRight(labelWidth)}  {string.Join("  ", columns.Select((col, i) => col[row].Value.PadLeft(widths[i])))}\n");
        }
        sb.Append('\n');
        for (int i = 0; i < projections.Count; i++)
        {
            var last = columns[i][^1];
            sb.Append($"  {projections[i].Scenario.Name}: {last.Label}: {last.Value}\n");
        }
        return sb.ToString();
    }
}

/// <summary>Tables and charts; every path is inside the folder given.</summary>
internal static class Output
{
    /// <summary>The workbook of the result tables.</summary>
    public const string WorkbookName = "results.xlsx";

    /// <summary>The HTML report.</summary>
    public const string ReportName = "report.html";

    /// <summary>Every table and chart of a run (and with <paramref name="report"/> its page), into the output's temporary folder; reports each file as it is complete.</summary>
    public static List<string> WriteRun(ScenarioFile file, PensionProjection p, OutputFolder folder, bool report = false)
    {
        var written = new Written(folder);
        string F(string name) => folder.PathOf(name);
        var links = new List<ReportLink>();
        // Tables for people and spreadsheets: units in every column name, rounded (ResultTables); the same tables in the workbook.
        var tables = ResultTables.Run(p);
        foreach (var table in tables)
        {
            TableWriters.WriteCsv(table, F(table.Name + ".csv"));
            written.Add(F(table.Name + ".csv"));
            links.Add(new ReportLink(table.Name + ".csv", table.Caption));
        }
        written.Add(TableWriters.WriteWorkbook(tables, F(WorkbookName)));
        links.Add(new ReportLink(WorkbookName, "Every table above in one Excel workbook, a sheet per table, with an About sheet describing each column"));
        var fundRows = p.Funds.YearTable();
        int last = p.Scenario.EndYear;
        string name = p.Scenario.Name;
        // The decision window: to ten years past depletion (the full horizon is in funds_by_year.csv and, as % of GDP, the
        // financing gap in economy_by_year.csv).
        int windowEnd = FundCharts.DecisionWindowEnd(fundRows);
        written.Add(FundCharts.NationalBalance(fundRows.Where(r => r.Year <= windowEnd), F("national_balance.png"),
            title: $"National accumulated balance of the urban employee pension, {name}, to {windowEnd}"));
        // Provinces compared in months of their own spending, ordered by depletion (31 lines of 亿 yuan could not be told apart).
        written.Add(FundCharts.ProvinceMonthsHeatmap(fundRows, F("province_months.png"), title: $"Provincial funds in months of their own spending, ordered by the year each runs out, {name}"));
        foreach (int year in new[] { 2030, 2050 }.Where(y => y <= last))
        {
            written.Add(FundCharts.NetTransfers(fundRows, year, F($"net_transfers_{year}.png"), MoneyUnit.TrillionYuan,
                title: $"Net transfers between provincial funds in {year} (received − paid), {name}"));
        }
        var pyramidYears = new[] { p.Demography.BaseYear, 2050, 2100 }.Where(y => y <= last).Distinct().ToArray();
        var oneScale = new PyramidOptions(MaxMillions: PopulationCharts.CommonScaleMillions(p.Demography, pyramidYears));
        foreach (int year in pyramidYears)
        {
            written.Add(PopulationCharts.Pyramid(p.Demography, year, F($"pyramid_{year}.png"), oneScale));
        }
        written.Add(ComparisonCharts.Series(DependencySeries(p), $"Dependency ratios, China, {name}", "persons per person", F("dependency_ratios.png")));
        if (report)
        {
            links.AddRange(written.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).Select(f => new ReportLink(Path.GetFileName(f), "PNG chart for notebooks and papers")));
            written.Add(HtmlReport.Write(Reports.Run(file, p, tables, links), F(ReportName)));
        }
        return written.Files;
    }

    /// <summary>The files written so far; each addition passes the fault seam.</summary>
    private sealed class Written(OutputFolder folder)
    {
        public List<string> Files { get; } = [];

        public void Add(string path)
        {
            Files.Add(path);
            folder.Written(path);
        }
    }

    /// <summary>The old-age (65+ per 15–64) and system (pensioners per contributor) dependency ratios of China.</summary>
    private static List<YearSeries> DependencySeries(PensionProjection p, string? prefix = null)
    {
        var demography = p.Demography.Summary().Where(r => r.RegionCode == 0 && r.Year >= 2024).OrderBy(r => r.Year).ToList();
        var scheme = p.Scheme.Summary().Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList();
        return
        [
            new YearSeries($"{prefix}aged 65+ per person aged 15-64", demography.Select(r => r.Year).ToArray(), demography.Select(r => r.OldAgeDependencyRatio).ToArray()),
            new YearSeries($"{prefix}pensioners per contributor", scheme.Where(r => r.SystemDependencyRatio is not null).Select(r => r.Year).ToArray(),
                scheme.Where(r => r.SystemDependencyRatio is not null).Select(r => r.SystemDependencyRatio!.Value).ToArray()),
        ];
    }

    public static List<string> WriteComparison(IReadOnlyList<ScenarioFile> files, IReadOnlyList<PensionProjection> ps, OutputFolder folder, bool report = false)
    {
        var written = new Written(folder);
        string F(string name) => folder.PathOf(name);
        var rows = ps.Select(p => p.Funds.YearTable()).ToList();
        var names = ps.Select(p => p.Scenario.Name).ToList();

        var measures = ResultTables.KeyMeasures(ps);
        written.Add(TableWriters.WriteCsv(measures, F("key_measures.csv")));
        written.Add(TableWriters.WriteWorkbook([measures], F(WorkbookName)));

        string scenarios = string.Join(" vs ", names);
        if (ps.Count == 2)
        {
            written.Add(ComparisonCharts.NationalBalances(rows[0], names[0], rows[1], names[1], F("national_balances.png"),
                title: $"National accumulated balance: {scenarios}"));
        }
        else
        {
            written.Add(ComparisonCharts.Series(rows.Select((r, i) => Scale(FundCharts.NationalClosing(r, names[i]))).ToList(),
                $"National accumulated balance: {scenarios}", "trillion yuan", F("national_balances.png")));
        }
        for (int i = 1; i < ps.Count; i++)
        {
            written.Add(ComparisonCharts.NationalBalanceDifference(rows[0], names[0], rows[i], names[i],
                F($"balance_difference_{Text.FileName(names[i])}_minus_{Text.FileName(names[0])}.png"),
                title: $"National accumulated balance, {names[i]} minus {names[0]}"));
        }
        var demography = ps.ToDictionary(p => p.Scenario.Name, p => (IReadOnlyList<Demography.DemographicSummaryRow>)p.Demography.Summary().Where(r => r.RegionCode == 0).ToList());
        written.Add(PopulationCharts.DependencyRatios(demography, 0, F("old_age_dependency_ratios.png"), title: $"Aged 65+ per person aged 15-64, China: {scenarios}"));
        written.Add(ComparisonCharts.Series(ps.Select(p => DependencySeries(p, p.Scenario.Name + ": ")[1]).ToList(),
            $"Pensioners per contributor, China: {scenarios}", "pensioners per contributor", F("system_dependency_ratios.png")));
        if (ps.Count == 2)
        {
            int year = Math.Min(2050, ps.Min(p => p.Scenario.EndYear));
            var left = PopulationCharts.BuildPyramid(ps[0].Demography, year);
            var right = PopulationCharts.BuildPyramid(ps[1].Demography, year);
            // SideBySide puts both on one scale.
            left.Title($"Population of China in {year}, {names[0]} (5-year age groups)");
            right.Title($"Population of China in {year}, {names[1]} (5-year age groups)");
            written.Add(ComparisonCharts.SideBySide(left, right, F($"pyramids_{year}.png")));
            written.Add(ComparisonCharts.SideBySide(FundCharts.BuildProvinceMonthsHeatmap(rows[0], title: $"Provinces in months of spending, {names[0]}"),
                FundCharts.BuildProvinceMonthsHeatmap(rows[1], title: $"Provinces in months of spending, {names[1]}"), F("province_months.png"), sameScale: false, width: 2400, height: 900));
        }
        if (report)
        {
            var links = written.Files.Select(f => new ReportLink(Path.GetFileName(f), Path.GetExtension(f) switch
            {
                ".csv" => "The key measures of every scenario",
                ".xlsx" => "The key measures in an Excel workbook",
                _ => "PNG chart for notebooks and papers",
            })).ToList();
            written.Add(HtmlReport.Write(Reports.Comparison(files, ps, measures, links), F(ReportName)));
        }
        return written.Files;
    }

    private static YearSeries Scale(YearSeries yuan) => yuan with { Values = yuan.Values.Select(v => v / 1e12).ToArray() };
}
