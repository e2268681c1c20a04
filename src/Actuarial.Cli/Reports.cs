using System.Globalization;
using Actuarial.Charts;
using Actuarial.Charts.Reports;
using Actuarial.Funds;
using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>
/// The HTML reports of a run and of a comparison, built from the same numbers as the tables beside them. Units: money
/// in charts in trillion yuan (万亿元) of the year (current prices) unless the axis says 2024 prices; provinces in months
/// of their own spending; flows in % of GDP; people in millions; ratios as persons per person.
/// </summary>
internal static class Reports
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private const double Trillion = 1e12;

    /// <summary>Where a provincial heat map's colours stop: below −24 months all read "long gone", above 36 "ample".</summary>
    public const double HeatmapMonthsMin = -24, HeatmapMonthsMax = 36;

    /// <summary>The terms every report uses, defined once.</summary>
    public static List<(string, string)> Definitions(int firstYear) =>
    [
        ("Current balance (当期结余)", "The year's revenue (contributions, subsidies, transfers received from the national pool, draws on the strategic reserve) minus its spending on pensions and the transfers paid to the pool; investment returns are left out. A current deficit is a year in which it is negative: the fund starts to draw on its accumulated balance."),
        ("With subsidies / without subsidies", "With subsidies counts the government's budget subsidies (财政补贴) as revenue, as the published accounts do. Without subsidies counts contributions only: the year from which contributions no longer pay the pensions, and the state's money is needed."),
        ("Accumulated balance (累计结存)", "The fund's money at 31 December: last year's balance plus the current balance and the investment return."),
        ("Depleted", "The first year that ends with a negative accumulated balance. The model keeps paying pensions in full; past depletion the ledgers carry the shortfall as a negative balance at the funds' return, and the financing gap (the year's pensions not paid by contributions, subsidies and reserve draws) is what would have to be found."),
        ("A provincial fund running out, under national pooling", $"Since 2022 the provinces' current surpluses pay into a national pool that covers the current gaps of deficit provinces, as far as the surpluses reach. A province's fund runs out when, after what the pool covered, its own accumulated balance is spent: its pensions then depend on money that no current rule assigns (more central transfers or a provincial budget), although the pensioners there are still paid. The national fund is the sum of the 31 provincial funds (from {firstYear})."),
        ("Months of spending (可支付月数)", "The accumulated balance divided by one month of the year's pension spending; MOHRSS publishes it. It measures how long the fund could pay without any revenue, and compares provinces of any size."),
        ("% of GDP", "A money amount divided by the year's nominal GDP; it takes away both prices and the economy's growth."),
        ("2024 prices", "Current yuan divided by the consumer price level relative to 2024 (constant 2024 yuan)."),
        ("Pensioners per contributor", "The scheme's pensioners divided by its contributing workers (the system dependency ratio)."),
    ];

    /// <summary>The report of one run.</summary>
    public static ReportDocument Run(ScenarioFile file, PensionProjection p, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportLink> files)
    {
        var s = p.Summary();
        var rows = p.Funds.YearTable();
        var national = rows.Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList();
        int windowEnd = FundCharts.DecisionWindowEnd(rows);
        var doc = new ReportDocument($"{s.Scenario}: China's urban employee basic pension, {s.FirstYear}–{s.LastYear}",
            file.Description ?? "When does the urban employee pension fund run into deficit and run out under this scenario?")
        {
            Files = files.ToList(),
            Footer = $"Made by the actuarial command from {Path.GetFileName(file.Source)} on the China defaults (overrides: {Overrides(file)})",
        };
        doc.Sections.Add(Headline(p, s));
        doc.Sections.Add(new ReportSection("definitions", "What the terms mean") { Definitions = Definitions(s.FirstYear) });
        doc.Sections.Add(Assumptions(file, p));
        doc.Sections.Add(NationalFund(p, national, windowEnd));
        doc.Sections.Add(Provinces(p, rows, s));
        doc.Sections.Add(People(p));
        if (p.Scenario.Economy is not null) doc.Sections.Add(WholeSystem(p));
        doc.Sections.Add(PublicInstitutions(p));
        if (p.Scenario.Economy is not null) doc.Sections.Add(FundedPillars(p));
        var byName = tables.ToDictionary(t => t.Name);
        var tableSection = new ReportSection("tables", "Key tables")
        {
            Paragraphs = { "Every column name carries its unit. Money is in billion yuan (1 billion = 10 亿) rounded to a million yuan; persons are whole persons; ratios have 4 decimals, percentages 3. The CSV files and the workbook hold the same rounded numbers for every year and province." },
        };
        tableSection.Tables.Add(new ReportTable("summary", "Every measure the command prints",
            [new("Measure", "What is measured, with its unit"), new("Value", "Value as printed")],
            Summary.Lines(p, shortProvinces: false).Select(l => (IReadOnlyList<object?>)[l.Label, l.Value])));
        tableSection.Tables.Add(NationalEveryFiveYears(byName["funds_by_year"]));
        if (byName.TryGetValue("economy_by_year", out var economy)) tableSection.Tables.Add(EveryFiveYears(economy, "economy_five_yearly", "The national policy view every five years (all years in economy_by_year.csv)"));
        tableSection.Tables.Add(byName["key_measures"]);
        doc.Sections.Add(tableSection);
        return doc;
    }

    private static string Overrides(ScenarioFile file)
    {
        var keys = file.Keys.Where(k => k is not ("name" or "description")).ToList();
        return keys.Count == 0 ? "none, current law" : string.Join(", ", keys);
    }

    /// <summary>
    /// A y range for a balance that turns negative and falls fast: from minus its peak to a little above it, when the
    /// lowest value is below minus the peak; null (fit the data) otherwise.
    /// </summary>
    public static (double Min, double Max)? BalanceRange(IEnumerable<double> values)
    {
        var list = values.ToList();
        double max = list.Max(), min = list.Min();
        return max > 0 && min < -max ? (-max, 1.2 * max) : null;
    }

    private static string Year(int? year, int last) => year?.ToString(C) ?? $"not by {last.ToString(C)}";

    private static ReportSection Headline(PensionProjection p, PensionSummary s)
    {
        var section = new ReportSection("headline", "Headline");
        string deficit = s.FirstCurrentDeficitYear is { } d ? $"runs its first current deficit, counting subsidies, in {d}" : $"runs no current deficit, counting subsidies, by {s.LastYear}";
        string deficitNoSubsidy = s.FirstCurrentDeficitYearExcludingSubsidies is { } dn ? $"without subsidies, contributions stop covering pensions in {dn}" : $"contributions alone cover pensions every year to {s.LastYear}";
        string depletion = s.DepletionYear is { } y ? $"is depleted at the end of {y}" : $"is not depleted by {s.LastYear}";
        section.Paragraphs.Add($"The national fund (the 31 provincial funds together) {deficit}; {deficitNoSubsidy}. Its accumulated balance peaks at {(s.PeakBalanceYuan / Trillion).ToString("F2", C)} trillion yuan at the end of {s.PeakBalanceYear} and the fund {depletion}.");
        section.Paragraphs.Add(ProvinceSentence(p, s));
        var lines = Summary.Lines(p, shortProvinces: false);
        string[] key = ["first year of current deficit, with subsidies", "first year of current deficit, without subsidies", "national fund depleted",
            "peak national balance, trillion yuan", "peak national balance, trillion 2024 yuan", "actuarial balance, 75 years, % wage bill"];
        section.Tables.Add(new ReportTable("headline", "The headline (every measure the command prints is under Key tables)",
            [new("Measure", "What is measured, with its unit"), new("Value", "Value as printed")],
            lines.Where(l => key.Contains(l.Label)).Select(l => (IReadOnlyList<object?>)[l.Label, l.Value])));
        return section;
    }

    /// <summary>Which provincial funds run out and which never do.</summary>
    public static string ProvinceSentence(PensionProjection p, PensionSummary s)
    {
        var depleted = s.DepletedProvinces;
        var never = p.Funds.Provinces.Select(r => r.ToString()).Where(n => depleted.All(d => d.Region != n)).ToList();
        string first = depleted.Count == 0 ? "" : $"The first provincial fund to run out is {depleted[0].Region}'s, in {depleted[0].Year}. ";
        return never.Count switch
        {
            0 => $"{first}Every provincial fund runs out by {s.LastYear}, none lasts the whole horizon; the last to run out is {depleted[^1].Region}, in {depleted[^1].Year}.",
            1 => $"{first}{depleted.Count} of 31 provincial funds run out by {s.LastYear}; only {never[0]}'s never does.",
            _ => $"{first}{depleted.Count} of 31 provincial funds run out by {s.LastYear}; these never do: {string.Join(", ", never)}.",
        };
    }

    private static ReportSection Assumptions(ScenarioFile file, PensionProjection p)
    {
        var section = new ReportSection("assumptions", "Key assumptions")
        {
            Paragraphs =
            {
                $"Scenario file {Path.GetFileName(file.Source)}: the China defaults (current law, the medium demographic outlook) with these levers changed: {Overrides(file)}.",
                "Population: the 2020 census by province projected by single year of age, sex and education with fertility, mortality improving to the default life-expectancy path, international and inter-provincial migration. Scheme: the 2024 retirement-age reform, contribution rates and bases by province, the basic, account and transitional pension formulas, national pooling from 2022; calibrated to the 2024 yearbook by province. Every source is in data/README.md.",
            },
        };
        if (p.Scenario.Economy is not null)
        {
            var ps = p.PolicySummary(withImplicitDebt: false);
            string Pct(double x) => (100 * x).ToString("F2", C) + "%";
            section.Tables.Add(new ReportTable("assumptions", "Economic assumptions and rules",
                [new("Assumption", "What is assumed"), new("Value", "Value")],
                [
                    ["Price growth (CPI), long run, per year", Pct(ps.LongRunPriceGrowthPerYear)],
                    ["Real average-wage growth, 2030 / " + p.Scenario.EndYear.ToString(C), $"{Pct(ps.RealWageGrowth2030PerYear)} / {Pct(ps.RealWageGrowthLastYearPerYear)}"],
                    ["Pension increases after 2025", ps.IndexationRule],
                    ["Account crediting after 2024", ps.CreditingRule],
                    ["Subsidies", ps.SubsidyRule],
                    ["Pooling rule", "national pooling from 2022 (the model's default reading: surplus provinces pay in proportion to their surplus, gap provinces receive in proportion to their gap)"],
                ]));
        }
        return section;
    }

    /// <summary>The national balance in trillion yuan to the decision window, with peak and depletion marked.</summary>
    public static ReportChart NationalBalanceChart(IReadOnlyList<FundYearRow> national, int windowEnd, string id = "chart-national-balance", IReadOnlyDictionary<int, double>? real2024 = null)
    {
        var shown = national.Where(r => r.Year <= windowEnd).ToList();
        var years = shown.Select(r => r.Year).ToArray();
        var series = new List<ReportSeries> { ReportSeries.OfYears("Accumulated balance, trillion yuan (current prices)", years, shown.Select(r => r.ClosingBalance / Trillion).ToArray()) with { HoverFormat = ",.2f" } };
        if (real2024 is not null)
        {
            series.Add(ReportSeries.OfYears("Accumulated balance, trillion 2024 yuan", years, shown.Select(r => real2024[r.Year] / Trillion).ToArray(), SeriesStyle.DashedLine) with { HoverFormat = ",.2f" });
        }
        var marks = new List<ReportMark>();
        var peak = shown.MaxBy(r => r.ClosingBalance)!;
        if (peak.ClosingBalance > 0) marks.Add(new ReportMark(peak.Year, peak.ClosingBalance / Trillion, $"peak {(peak.ClosingBalance / Trillion).ToString("F2", C)} (end-{peak.Year})"));
        var depleted = shown.FirstOrDefault(r => r.ClosingBalance < 0);
        if (depleted is not null) marks.Add(new ReportMark(depleted.Year, null, $" depleted {depleted.Year}"));
        var range = BalanceRange(shown.Select(r => r.ClosingBalance / Trillion));
        return ReportChart.Lines(id, $"National accumulated balance at year end, to {windowEnd}", "Year", "Accumulated balance (trillion yuan)", series.ToArray()) with
        {
            Marks = marks,
            YRange = range,
            Caption = $"Cut at {windowEnd}, {FundCharts.YearsShownPastDepletion} years past depletion (or the last year): after depletion the ledgers carry the shortfall as a growing negative balance; the full horizon is in funds_by_year.csv and the financing gap in the % of GDP chart." +
                (range is null ? "" : $" The axis stops at minus the peak ({range.Value.Min.ToString("F1", C)} trillion) so the years before depletion stay readable; hover for every value, double-click to see the whole fall."),
        };
    }

    private static ReportSection NationalFund(PensionProjection p, List<FundYearRow> national, int windowEnd)
    {
        var section = new ReportSection("national", "The national fund");
        IReadOnlyDictionary<int, double>? real = null;
        List<Scenarios.EconomicYearRow>? economy = null;
        if (p.Scenario.Economy is not null)
        {
            economy = p.EconomicTable().OrderBy(r => r.Year).ToList();
            real = economy.ToDictionary(r => r.Year, r => r.ClosingBalanceYuan2024Prices);
        }
        section.Charts.Add(NationalBalanceChart(national, windowEnd, real2024: real));
        var shown = national.Where(r => r.Year <= windowEnd && r.MonthsOfPayment is not null).ToList();
        section.Charts.Add(ReportChart.Lines("chart-national-months", $"National balance in months of spending, to {windowEnd}", "Year", "Balance (months of spending)",
            ReportSeries.OfYears("Accumulated balance, months of the year's pension spending", shown.Select(r => r.Year).ToArray(), shown.Select(r => r.MonthsOfPayment!.Value).ToArray()) with { HoverFormat = ".1f" }) with
        {
            YRange = BalanceRange(shown.Select(r => r.MonthsOfPayment!.Value)),
            Caption = "The balance over one month of the year's spending: how long the fund could pay with no revenue at all.",
        });
        if (economy is not null)
        {
            int[] years = economy.Select(r => r.Year).ToArray();
            var balance = economy.Where(r => r.Year <= windowEnd).ToList();
            section.Charts.Add(ReportChart.Lines("chart-national-balance-gdp", $"National balance as % of GDP, to {windowEnd}", "Year", "Accumulated balance (% of GDP)",
                ReportSeries.OfYears("Accumulated balance, % of GDP", balance.Select(r => r.Year).ToArray(), balance.Select(r => r.ClosingBalancePercentGdp).ToArray()) with { HoverFormat = ".2f" }) with
            {
                YRange = BalanceRange(balance.Select(r => r.ClosingBalancePercentGdp)),
                Caption = "The year-end balance over the year's nominal GDP.",
            });
            section.Charts.Add(ReportChart.Lines("chart-national-gdp", "Pensions, contributions, subsidies and the financing gap, % of GDP", "Year", "% of GDP",
                ReportSeries.OfYears("Pensions paid", years, economy.Select(r => r.PensionsPercentGdp).ToArray()) with { HoverFormat = ".2f" },
                ReportSeries.OfYears("Contributions", years, economy.Select(r => r.ContributionsPercentGdp).ToArray()) with { HoverFormat = ".2f" },
                ReportSeries.OfYears("Subsidies", years, economy.Select(r => r.SubsidiesPercentGdp).ToArray()) with { HoverFormat = ".2f" },
                ReportSeries.OfYears("Financing gap after depletion", years, economy.Select(r => r.FinancingGapPercentGdp).ToArray(), SeriesStyle.DashedLine) with { HoverFormat = ".2f" }) with
            {
                Caption = "The financing gap is the year's pensions not paid by contributions, subsidies and reserve draws once the fund is depleted.",
            });
        }
        return section;
    }

    /// <summary>Provinces ordered by the year their fund runs out (never last), for the heat map's rows.</summary>
    public static List<(string Region, int? Depletion)> ProvincesByDepletion(IReadOnlyList<FundYearRow> rows)
    {
        return rows.Where(r => r.RegionCode != 0).GroupBy(r => r.Region)
            .Select(g => (Region: g.Key, Depletion: g.Where(r => r.ClosingBalance < 0).Select(r => (int?)r.Year).Min(), Code: g.First().RegionCode))
            .OrderBy(x => x.Depletion ?? int.MaxValue).ThenBy(x => x.Code).Select(x => (x.Region, x.Depletion)).ToList();
    }

    /// <summary>Year × province heat map of months of spending, provinces ordered by depletion year.</summary>
    public static ReportChart ProvinceHeatmap(IReadOnlyList<FundYearRow> rows, string id = "chart-province-months", string? title = null)
    {
        var order = ProvincesByDepletion(rows);
        // To ten years past the last provincial depletion, as the national chart: after that every row is only red.
        int lastYear = rows.Max(r => r.Year);
        int end = order.Any(o => o.Depletion is null) ? lastYear : Math.Min(lastYear, order.Max(o => o.Depletion!.Value) + FundCharts.YearsShownPastDepletion);
        var years = rows.Where(r => r.RegionCode == 0 && r.Year <= end).Select(r => r.Year).OrderBy(y => y).ToArray();
        var byKey = rows.Where(r => r.RegionCode != 0).ToDictionary(r => (r.Region, r.Year));
        var z = order.Select(o => (IReadOnlyList<double?>)years.Select(y => byKey[(o.Region, y)].MonthsOfPayment).ToArray()).ToArray();
        var labels = order.Select(o => $"{o.Region} ({(o.Depletion is { } d ? d.ToString(C) : "never")})").ToArray();
        return ReportChart.Heat(id, title ?? "Provincial funds in months of their own spending, ordered by the year each runs out",
            "Year", "Province (year its fund runs out)",
            new ReportHeatmap(years.Select(y => (double)y).ToArray(), labels, z, "months of spending", HeatmapMonthsMin, HeatmapMonthsMax)) with
        {
            Caption = $"Blue: months of spending in hand; white: empty; red: run out. Colours stop at {HeatmapMonthsMin.ToString(C)} and {HeatmapMonthsMax.ToString(C)} months; hover shows each value." +
                (end < lastYear ? $" Shown to {end}, ten years past the last province's depletion (all years in funds_by_year.csv)." : ""),
        };
    }

    private static ReportSection Provinces(PensionProjection p, IReadOnlyList<FundYearRow> rows, PensionSummary s)
    {
        var section = new ReportSection("provinces", "The 31 provincial funds") { Paragraphs = { ProvinceSentence(p, s) } };
        section.Charts.Add(ProvinceHeatmap(rows));
        var summary = p.Funds.Summary().Where(r => r.RegionCode != 0).ToDictionary(r => r.Region);
        var months2030 = rows.Where(r => r.RegionCode != 0 && r.Year == 2030).ToDictionary(r => r.Region, r => r.MonthsOfPayment);
        section.Tables.Add(new ReportTable("provinces_by_depletion", "Provincial funds ordered by the year they run out",
            [new("Province", "Province"), new("FirstCurrentDeficitYear", "First year of current deficit with subsidies"),
             new("DepletionYear", "First year ending with a negative balance (empty: not by the last year)"),
             new("PeakBalanceBillionYuan", "Highest year-end balance; billion yuan", 1), new("PeakBalanceYear", "Year of the peak"),
             new("ClosingBalance2030MonthsOfSpending", "Year-end 2030 balance in months of 2030 spending", 1)],
            ProvincesByDepletion(rows).Select(o => (IReadOnlyList<object?>)[o.Region, summary[o.Region].FirstCurrentDeficitYear, o.Depletion,
                summary[o.Region].PeakBalance / 1e9, summary[o.Region].PeakBalanceYear, months2030.GetValueOrDefault(o.Region)])));
        return section;
    }

    /// <summary>Pyramids in millions, males left (negative), on one x scale for every year shown.</summary>
    public static List<ReportChart> Pyramids(Demography.DemographicProjection demography, IReadOnlyList<int> years, string idPrefix = "chart-pyramid", string? suffix = null)
    {
        var groups = years.ToDictionary(y => y, y => PyramidGroups(demography, y));
        double limit = Math.Ceiling(groups.Values.Max(g => Math.Max(g.Males.Max(), g.Females.Max())) * 1.05 * 2) / 2;
        string[] labels = Enumerable.Range(0, 21).Select(g => g == 20 ? "100+" : $"{5 * g}–{5 * g + 4}").ToArray();
        return years.Select(y => ReportChart.HorizontalBars($"{idPrefix}-{y}", $"Population of China, {y}{suffix}", "Population (millions): males left, females right", "Age group (years)",
                new ReportSeries("Males", groups[y].Males.Select(v => -v).ToArray(), new double?[21]) { Categories = labels, HoverFormat = ".2f" },
                new ReportSeries("Females", groups[y].Females, new double?[21]) { Categories = labels, HoverFormat = ".2f" }) with
            {
                OverlayBars = true,
                XRange = (-limit, limit),
                HeightPixels = 460,
                Caption = $"Every pyramid on one scale (±{limit.ToString("F1", C)} million), so the years compare by eye; males are drawn left as negative numbers.",
            }).ToList();
    }

    /// <summary>Persons by 5-year age group (0–4 … 95–99, 100+) and sex, millions.</summary>
    public static (double[] Males, double[] Females) PyramidGroups(Demography.DemographicProjection demography, int year)
    {
        var males = new double[21];
        var females = new double[21];
        foreach (var row in demography.PopulationTable(year))
        {
            int g = Math.Min(row.Age / 5, 20);
            if (row.Sex == "male") males[g] += row.Persons / 1e6;
            else females[g] += row.Persons / 1e6;
        }
        return (males, females);
    }

    /// <summary>Both basic schemes together (issue 18): what they pay and what the budget pays, % of GDP; the gap between their pensions; who is covered.</summary>
    public static ReportSection WholeSystem(PensionProjection p)
    {
        var rows = p.SystemTable().OrderBy(r => r.Year).ToList();
        var years = rows.Select(r => r.Year).ToArray();
        var section = new ReportSection("system", "The whole basic pension system: the employee and the residents' schemes")
        {
            Paragraphs =
            {
                "The urban and rural residents' basic pension (城乡居民基本养老保险) covers adults outside the employee scheme: a foundation pension paid by the budget (the central minimum plus provincial top-ups) and a small individual-account pension. The budget's cost is the employee scheme's subsidies plus the residents' foundation pensions and matching subsidies.",
            },
        };
        section.Charts.Add(ReportChart.Lines("chart-system-gdp", "Public basic pensions and the budget's cost, % of GDP", "Year", "% of GDP",
            ReportSeries.OfYears("Both schemes' pensions", years, rows.Select(r => r.PublicPensionSpendingPercentGdp).ToArray()) with { HoverFormat = ".2f" },
            ReportSeries.OfYears("Budget's cost (both schemes)", years, rows.Select(r => r.BudgetCostPercentGdp).ToArray()) with { HoverFormat = ".2f" },
            ReportSeries.OfYears("of which employee-scheme subsidies", years, rows.Select(r => r.EmployeeSubsidiesPercentGdp).ToArray(), SeriesStyle.DashedLine) with { HoverFormat = ".2f" }));
        var gap = rows.Where(r => r.EmployeeToResidentsPensionRatio is not null).ToList();
        section.Charts.Add(ReportChart.Lines("chart-system-gap", "Average employee pension per average residents' pension", "Year", "Times (ratio of monthly pensions)",
            ReportSeries.OfYears("Employee / residents' average pension", gap.Select(r => r.Year).ToArray(), gap.Select(r => r.EmployeeToResidentsPensionRatio!.Value).ToArray()) with { HoverFormat = ".1f" }));
        return section;
    }

    /// <summary>
    /// Public-institution members inside the employee scheme (issue 18): the split of the ledgers in the first year and
    /// in 2050 (public_institution_by_year.csv), and each part's contributions less pensions by year, to the national
    /// fund's decision window.
    /// </summary>
    public static ReportSection PublicInstitutions(PensionProjection p)
    {
        var rows = p.PublicInstitutionTable().Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList();
        string Percent(double share) => (100 * share).ToString("F1", C) + "%";
        var section = new ReportSection("public-institutions", "Public-institution members inside the employee scheme (a documented split)")
        {
            Paragraphs =
            {
                "Since the 2014 reform (国发〔2015〕2号) public-institution staff (机关事业单位) pay into the employee scheme at the enterprise rates and with the same formula; "
                + $"their ten-year transition (新老办法对比, 保低限高) ended in {Actuarial.Scheme.PublicInstitutionSplit.TransitionLastDay.ToString("MMMM yyyy", C)}, so every new retiree of the projection has the common formula. "
                + $"No national figure of their own fund was found, so their part is a documented split of the ledgers, not a separate fund: the published shares of workers ({Percent(Actuarial.Scheme.PublicInstitutionSplit.WorkerShare)}) and retirees ({Percent(Actuarial.Scheme.PublicInstitutionSplit.RetireeShare)}) held, "
                + $"a retiree paid {Actuarial.Scheme.PublicInstitutionSplit.BenefitRatio.ToString("F2", C)} times an enterprise retiree (Fujian {Actuarial.Scheme.PublicInstitutionSplit.BenefitRatioYear}), so {Percent(Actuarial.Scheme.PublicInstitutionSplit.SpendingShare)} of the pensions, "
                + "and a worker paying as much as an enterprise worker (an assumption: their contribution base is not published); the enterprise part is the rest (data/README.md). Subsidies, transfers and balances stay the scheme's.",
            },
        };
        static string Millions(double persons) => (persons / 1e6).ToString("F1", C);
        static string Trillions(double yuan) => (yuan / Trillion).ToString("F2", C);
        foreach (var r in rows.Where(r => r.Year == rows[0].Year || r.Year == 2050))
        {
            section.Paragraphs.Add($"{r.Year}: {Millions(r.PublicInstitutionWorkers)} million public-institution workers and {Millions(r.PublicInstitutionRetirees)} million retirees "
                + $"(enterprise part {Millions(r.EnterpriseWorkers)} and {Millions(r.EnterpriseRetirees)} million); average pension {r.PublicInstitutionAveragePensionYuanPerMonth.ToString("N0", C)} yuan a month "
                + $"against {r.EnterpriseAveragePensionYuanPerMonth.ToString("N0", C)}; contributions less pensions {Trillions(r.PublicInstitutionContributionsLessSpendingYuan)} trillion yuan "
                + $"(enterprise part {Trillions(r.EnterpriseContributionsLessSpendingYuan)}).");
        }
        int windowEnd = FundCharts.DecisionWindowEnd(p.Funds.YearTable());
        var shown = rows.Where(r => r.Year <= windowEnd).ToList();
        var years = shown.Select(r => r.Year).ToArray();
        section.Charts.Add(ReportChart.Lines("chart-public-institutions", $"Contributions less pensions of each part of the employee scheme, before subsidies, to {windowEnd}", "Year", "Trillion yuan (current)",
            ReportSeries.OfYears("enterprise part", years, shown.Select(r => r.EnterpriseContributionsLessSpendingYuan / Trillion).ToArray()) with { HoverFormat = ",.2f" },
            ReportSeries.OfYears("public-institution part", years, shown.Select(r => r.PublicInstitutionContributionsLessSpendingYuan / Trillion).ToArray()) with { HoverFormat = ",.2f" }));
        return section;
    }

    /// <summary>The funded pillars (issue 18): each pillar's assets as % of GDP, and the typical worker's replacement rate by pillar.</summary>
    public static ReportSection FundedPillars(PensionProjection p)
    {
        var gdp = p.SystemTable().ToDictionary(r => r.Year, r => r.NominalGdpYuan);
        var section = new ReportSection("pillars", "The funded pillars: enterprise and occupational annuities, the personal pension")
        {
            Paragraphs =
            {
                "Outside the basic pension funds: enterprise annuities (企业年金, voluntary, employer + employee at most 12% of wages), occupational annuities (职业年金, public-institution members, 8% + 4%) and the personal pension (个人养老金, at most 12,000 yuan a year, deducted from taxable income, 3% tax at withdrawal), from their published end-2024 members and assets (docs/pillars.md).",
            },
        };
        var series = Actuarial.Pillars.SupplementaryPillars.All.Select(pillar =>
        {
            var rows = p.Pillars.YearTable().Where(r => r.Pillar == Actuarial.Pillars.SupplementaryPillars.Label(pillar) && gdp.ContainsKey(r.Year)).OrderBy(r => r.Year).ToList();
            return ReportSeries.OfYears(Actuarial.Pillars.SupplementaryPillars.Label(pillar).Replace('_', ' '), rows.Select(r => r.Year).ToArray(),
                rows.Select(r => 100 * r.ClosingAssetsYuan / gdp[r.Year]).ToArray()) with { HoverFormat = ".2f" };
        }).ToArray();
        section.Charts.Add(ReportChart.Lines("chart-pillars-assets", "Assets of the funded pillars at year-end, % of GDP", "Year", "% of GDP", series));
        var man = p.ReplacementRatesByPillar().Where(r => r.Profile == Actuarial.Scheme.TypicalWorker.Defaults[0].Name).OrderBy(r => r.BirthYear).ToList();
        if (man.Count > 0)
        {
            int[] retiring = man.Select(r => r.RetirementYear).ToArray();
            section.Charts.Add(ReportChart.Lines("chart-pillars-replacement", "Replacement of the own wage by pillar: a man at the average wage, 35 years, by year of retirement", "Year of retirement", "Share of the own wage",
                ReportSeries.OfYears("basic pension, pooled part", retiring, man.Select(r => r.BasicPartReplacementOfOwnWage).ToArray()) with { HoverFormat = ".3f" },
                ReportSeries.OfYears("basic pension, account part", retiring, man.Select(r => r.AccountPartReplacementOfOwnWage).ToArray()) with { HoverFormat = ".3f" },
                ReportSeries.OfYears("enterprise annuity (at 12%)", retiring, man.Select(r => r.EnterpriseAnnuityReplacementOfOwnWage).ToArray()) with { HoverFormat = ".3f" },
                ReportSeries.OfYears("occupational annuity", retiring, man.Select(r => r.OccupationalAnnuityReplacementOfOwnWage).ToArray()) with { HoverFormat = ".3f" },
                ReportSeries.OfYears("personal pension", retiring, man.Select(r => r.PersonalPensionReplacementOfOwnWage).ToArray()) with { HoverFormat = ".3f" }));
        }
        return section;
    }

    private static ReportSection People(PensionProjection p)
    {
        var section = new ReportSection("people", "People: pensioners, contributors, the population");
        var demography = p.Demography.Summary().Where(r => r.RegionCode == 0 && r.Year >= 2024).OrderBy(r => r.Year).ToList();
        var scheme = p.Scheme.Summary().Where(r => r.RegionCode == 0 && r.SystemDependencyRatio is not null).OrderBy(r => r.Year).ToList();
        section.Charts.Add(ReportChart.Lines("chart-dependency", "Dependency ratios, China", "Year", "Persons per person",
            ReportSeries.OfYears("Pensioners per contributor", scheme.Select(r => r.Year).ToArray(), scheme.Select(r => r.SystemDependencyRatio!.Value).ToArray()) with { HoverFormat = ".3f" },
            ReportSeries.OfYears("Aged 65+ per person aged 15–64", demography.Select(r => r.Year).ToArray(), demography.Select(r => r.OldAgeDependencyRatio).ToArray()) with { HoverFormat = ".3f" }));
        int last = p.Scenario.EndYear;
        var years = new[] { p.Demography.BaseYear, 2050, 2100 }.Where(y => y <= last).Distinct().ToArray();
        section.Charts.AddRange(Pyramids(p.Demography, years));
        return section;
    }

    private static ReportTable NationalEveryFiveYears(ReportTable funds)
    {
        int region = funds.ColumnIndex("RegionCode");
        int year = funds.ColumnIndex("Year");
        var keep = new[] { "Year", "ContributionsBillionYuan", "SubsidiesBillionYuan", "SpendingBillionYuan", "CurrentBalanceBillionYuan", "CurrentBalanceExcludingSubsidiesBillionYuan", "ClosingBalanceBillionYuan", "ClosingBalanceMonthsOfSpending", "PensionersPerContributor" };
        var idx = keep.Select(funds.ColumnIndex).ToArray();
        var rows = funds.Rows.Where(r => (int)r[region]! == 0 && ((int)r[year]! % 5 == 0 || (int)r[year]! == (int)funds.Rows[0][year]!));
        return new ReportTable("national_five_yearly", "The national fund every five years (all years and provinces in funds_by_year.csv)",
            idx.Select(i => funds.Columns[i]).ToArray(), rows.Select(r => (IReadOnlyList<object?>)idx.Select(i => r[i]).ToArray()));
    }

    private static ReportTable EveryFiveYears(ReportTable table, string name, string caption)
    {
        int year = table.ColumnIndex("Year");
        int first = (int)table.Rows[0][year]!;
        return new ReportTable(name, caption, table.Columns, table.Rows.Where(r => (int)r[year]! % 5 == 0 || (int)r[year]! == first).Select(r => (IReadOnlyList<object?>)r));
    }

    /// <summary>The report of a comparison: the headline side by side, the balances, months of spending, differences, provinces.</summary>
    public static ReportDocument Comparison(IReadOnlyList<ScenarioFile> files, IReadOnlyList<PensionProjection> ps, ReportTable keyMeasures, IReadOnlyList<ReportLink> links)
    {
        var names = ps.Select(p => p.Scenario.Name).ToList();
        var doc = new ReportDocument($"Comparison: {string.Join(" vs ", names)}",
            $"How do the scenarios differ from {names[0]}? " + string.Join(" ", files.Skip(1).Where(f => f.Description is not null).Select(f => $"{f.Name}: {f.Description}")))
        {
            Files = links.ToList(),
            Footer = "Made by the actuarial command's compare from " + string.Join(", ", files.Select(f => Path.GetFileName(f.Source))),
        };
        var columns = ps.Select(p => Summary.Lines(p, shortProvinces: true)).ToList();
        var headline = new ReportSection("headline", "Headline, side by side");
        foreach (var (p, f) in ps.Zip(files))
        {
            var s = p.Summary();
            headline.Paragraphs.Add($"{s.Scenario} (overrides: {Overrides(f)}): first current deficit with subsidies {Year(s.FirstCurrentDeficitYear, s.LastYear)}, without subsidies {Year(s.FirstCurrentDeficitYearExcludingSubsidies, s.LastYear)}; depleted {Year(s.DepletionYear, s.LastYear)}; peak {(s.PeakBalanceYuan / Trillion).ToString("F2", C)} trillion yuan (end-{s.PeakBalanceYear}). {ProvinceSentence(p, s)}");
        }
        headline.Tables.Add(new ReportTable("headline_side_by_side", "The headline measures of each scenario",
            [new("Measure", "What is measured, with its unit"), .. names.Select(n => new ReportColumn(n, $"Value under {n}"))],
            columns[0].Select((l, i) => (IReadOnlyList<object?>)[l.Label, .. columns.Select(c => (object?)c[i].Value)])));
        doc.Sections.Add(headline);
        doc.Sections.Add(new ReportSection("definitions", "What the terms mean") { Definitions = Definitions(ps[0].Funds.FirstYear) });

        var national = ps.Select(p => p.Funds.YearTable().Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList()).ToList();
        int windowEnd = ps.Max(p => FundCharts.DecisionWindowEnd(p.Funds.YearTable()));
        var fund = new ReportSection("national", "The national fund");
        var balance = ReportChart.Lines("chart-national-balances", $"National accumulated balance at year end, to {windowEnd}", "Year", "Accumulated balance (trillion yuan)",
            national.Select((n, i) => ReportSeries.OfYears(names[i], n.Where(r => r.Year <= windowEnd).Select(r => r.Year).ToArray(), n.Where(r => r.Year <= windowEnd).Select(r => r.ClosingBalance / Trillion).ToArray()) with { HoverFormat = ",.2f" }).ToArray());
        var marks = new List<ReportMark>();
        for (int i = 0; i < ps.Count; i++) if (ps[i].Summary().DepletionYear is { } d && d <= windowEnd) marks.Add(new ReportMark(d, null, $" {names[i]}: {d}"));
        fund.Charts.Add(balance with
        {
            Marks = marks,
            YRange = BalanceRange(balance.Series.SelectMany(x => x.Y.Select(v => v!.Value))),
            Caption = $"Cut at {windowEnd}, ten years past the latest depletion; dashed lines mark each scenario's depletion year; the axis stops at minus the highest peak (double-click to see all).",
        });
        fund.Charts.Add(ReportChart.Lines("chart-national-months", $"National balance in months of spending, to {windowEnd}", "Year", "Balance (months of spending)",
            national.Select((n, i) =>
            {
                var shown = n.Where(r => r.Year <= windowEnd && r.MonthsOfPayment is not null).ToList();
                return ReportSeries.OfYears(names[i], shown.Select(r => r.Year).ToArray(), shown.Select(r => r.MonthsOfPayment!.Value).ToArray()) with { HoverFormat = ".1f" };
            }).ToArray()));
        for (int i = 1; i < ps.Count; i++)
        {
            var baseByYear = national[0].ToDictionary(r => r.Year);
            var diff = national[i].Where(r => r.Year <= windowEnd && baseByYear.ContainsKey(r.Year)).ToList();
            fund.Charts.Add(ReportChart.Lines($"chart-difference-{i}", $"National balance, {names[i]} minus {names[0]}", "Year", "Difference in accumulated balance (trillion yuan)",
                ReportSeries.OfYears($"{names[i]} − {names[0]}", diff.Select(r => r.Year).ToArray(), diff.Select(r => (r.ClosingBalance - baseByYear[r.Year].ClosingBalance) / Trillion).ToArray()) with { HoverFormat = ",.2f" }));
        }
        if (ps.All(p => p.Scenario.Economy is not null))
        {
            var economies = ps.Select(p => p.EconomicTable().OrderBy(r => r.Year).ToList()).ToList();
            fund.Charts.Add(ReportChart.Lines("chart-gap-gdp", "Pensions and the financing gap after depletion, % of GDP", "Year", "% of GDP",
                [.. economies.Select((e, i) => ReportSeries.OfYears($"{names[i]}: pensions", e.Select(r => r.Year).ToArray(), e.Select(r => r.PensionsPercentGdp).ToArray()) with { HoverFormat = ".2f", Color = HtmlReport.Palette[i % HtmlReport.Palette.Count] }),
                 .. economies.Select((e, i) => ReportSeries.OfYears($"{names[i]}: financing gap", e.Select(r => r.Year).ToArray(), e.Select(r => r.FinancingGapPercentGdp).ToArray(), SeriesStyle.DashedLine) with { HoverFormat = ".2f", Color = HtmlReport.Palette[i % HtmlReport.Palette.Count] })]));
        }
        doc.Sections.Add(fund);

        var provinces = new ReportSection("provinces", "The 31 provincial funds");
        for (int i = 0; i < ps.Count; i++) provinces.Charts.Add(ProvinceHeatmap(ps[i].Funds.YearTable(), $"chart-province-months-{i}", $"Provincial funds in months of their own spending, {names[i]}"));
        doc.Sections.Add(provinces);

        var people = new ReportSection("people", "People");
        people.Charts.Add(ReportChart.Lines("chart-dependency", "Pensioners per contributor, China", "Year", "Persons per person",
            ps.Select((p, i) =>
            {
                var scheme = p.Scheme.Summary().Where(r => r.RegionCode == 0 && r.SystemDependencyRatio is not null).OrderBy(r => r.Year).ToList();
                return ReportSeries.OfYears(names[i], scheme.Select(r => r.Year).ToArray(), scheme.Select(r => r.SystemDependencyRatio!.Value).ToArray()) with { HoverFormat = ".3f" };
            }).ToArray()));
        doc.Sections.Add(people);
        doc.Sections.Add(new ReportSection("tables", "Key measures") { Tables = { keyMeasures } });
        return doc;
    }
}
