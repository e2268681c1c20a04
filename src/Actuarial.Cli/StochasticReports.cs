using System.Globalization;
using Actuarial.Charts.Reports;
using Actuarial.Scenarios;
using Actuarial.Stochastic;

namespace Actuarial.Cli;

/// <summary>
/// The report pages of <c>actuarial montecarlo … --report</c> and <c>actuarial sweep … --report</c>: the same charts as
/// the PNGs, drawn from the command's typed result (<see cref="MonteCarloRunResult"/>, <see cref="SweepResult"/>), with
/// the tables they come from.
/// </summary>
internal static class StochasticReports
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private const double Trillion = 1e12;
    private const string OuterBand = "#E69F00", InnerBand = "#CC79A7";

    /// <summary>The Monte Carlo page: the fan of the national balance, the probability of depletion by year, the provinces.</summary>
    public static ReportDocument MonteCarlo(MonteCarloRunResult r, IReadOnlyList<ReportLink> files)
    {
        int last = Math.Min(r.LastYear, (r.MedianDepletionYear ?? r.LastYear) + 10);
        var fan = r.NationalFan.Where(f => f.Year <= last).OrderBy(f => f.Year).ToList();
        var years = fan.Select(f => f.Year).ToArray();
        double[] T(Func<FanRow, double> pick) => fan.Select(f => pick(f) / Trillion).ToArray();
        var fanChart = ReportChart.Lines("chart-mc-fan", $"National accumulated balance across {r.Paths.ToString("N0", C)} paths, to {last}",
            "Year", "Accumulated balance at year end (trillion yuan)",
            // Each band is its lower edge then its upper edge filled down to it, both in the band's colour.
            ReportSeries.OfYears("5th percentile", years, T(f => f.P5)) with { ShowInLegend = false, Color = OuterBand },
            ReportSeries.OfYears("5–95% of paths", years, T(f => f.P95)) with { Style = SeriesStyle.BandToPrevious, Color = OuterBand },
            ReportSeries.OfYears("25th percentile", years, T(f => f.P25)) with { ShowInLegend = false, Color = InnerBand },
            ReportSeries.OfYears("25–75% of paths", years, T(f => f.P75)) with { Style = SeriesStyle.BandToPrevious, Color = InnerBand },
            ReportSeries.OfYears("median path value", years, T(f => f.P50)));
        // As the run's balance chart: past depletion the axis stops at minus the highest P95, so the years before stay readable.
        var range = Reports.BalanceRange(T(f => f.P95).Concat(T(f => f.P5)));
        fanChart = fanChart with
        {
            YRange = range,
            Caption = $"Bands: the middle half and the middle 90% of the paths' year-end balances; cut at {last}, ten years past the median path's depletion (or the horizon); every year is in national_balance_fan.csv." +
                (range is null ? "" : $" The axis stops at {range.Value.Min.ToString("F1", C)} trillion; hover for every value, double-click to see the whole fall."),
        };
        var national = r.NationalDepletion.OrderBy(d => d.Year).ToList();
        var any = r.AnyProvinceDepletion.OrderBy(d => d.Year).ToList();
        var probability = ReportChart.Lines("chart-mc-depletion", "Probability that the fund is depleted by the end of the year",
            "Year", "Share of paths depleted by year end",
            ReportSeries.OfYears("national fund", national.Select(d => d.Year).ToArray(), national.Select(d => d.ProbabilityDepletedBy).ToArray()),
            ReportSeries.OfYears("any provincial fund", any.Select(d => d.Year).ToArray(), any.Select(d => d.ProbabilityDepletedBy).ToArray()));
        string median = r.MedianDepletionYear?.ToString(C) ?? $"not by {r.LastYear.ToString(C)}";
        string central = r.CentralDepletionYear?.ToString(C) ?? $"not by {r.LastYear.ToString(C)}";
        var doc = new ReportDocument($"{r.Scenario}: Monte Carlo of China's urban employee basic pension, {r.Paths.ToString("N0", C)} paths",
            "How likely is the national fund to run out, and when, when mortality, fertility, wages, prices, returns and indexation vary as they have?")
        {
            Files = files.ToList(),
            Footer = $"Made by actuarial montecarlo ({r.Paths.ToString(C)} paths, seed {r.Seed.ToString(C)}); the result is the same for the seed whatever the threads or the cluster",
        };
        doc.Sections.Add(new ReportSection("headline", "The answer")
        {
            Paragraphs =
            {
                $"Half the paths have depleted the national fund by {median}; the central path (no shocks) depletes it in {central}.",
                "A path is depleted in the first year its national balance (the 31 provincial funds together) is below zero at year end.",
            },
            Charts = { fanChart, probability },
        });
        var provinces = new ReportTable("province_depletion", "Each province: probability its own fund is depleted, and the median year",
            [new("Province", "Province"), new("ProbabilityDepletedBy2035", "Share of paths depleted by 2035", 3), new("ProbabilityDepletedBy2050", "Share of paths depleted by 2050", 3),
             new("ProbabilityDepletedByEnd", "Share of paths depleted by the horizon", 3), new("MedianDepletionYear", "Median depletion year (empty: not by the horizon in half the paths)")],
            r.Provinces.Select(p => (IReadOnlyList<object?>)[p.Province, p.ProbabilityDepletedBy2035, p.ProbabilityDepletedBy2050, p.ProbabilityDepletedByEnd, p.MedianDepletionYear]));
        var fanTable = new ReportTable("national_balance_fan", "The national balance across the paths, trillion yuan",
            [new("Year", "Year"), new("P5TrillionYuan", "5th percentile", 2), new("P25TrillionYuan", "25th percentile", 2), new("P50TrillionYuan", "Median", 2),
             new("P75TrillionYuan", "75th percentile", 2), new("P95TrillionYuan", "95th percentile", 2)],
            fan.Select(f => (IReadOnlyList<object?>)[f.Year, f.P5 / Trillion, f.P25 / Trillion, f.P50 / Trillion, f.P75 / Trillion, f.P95 / Trillion]));
        doc.Sections.Add(new ReportSection("tables", "Tables") { Tables = { provinces, fanTable } });
        return doc;
    }

    /// <summary>The sweep page: for a tornado, one chart per measure (bars from the base to the low-cost and the high-cost value); always the runs' table.</summary>
    public static ReportDocument Sweep(SweepResult r, IReadOnlyList<ReportLink> files)
    {
        var doc = new ReportDocument($"{r.Scenario}: one lever at a time",
            "How much does each assumption move the first deficit, the depletion year and the 75-year actuarial balance?")
        {
            Files = files.ToList(),
            Footer = "Made by actuarial sweep; each run is a separate projection of the scenario with one lever moved (docs/sweep.md)",
        };
        var section = new ReportSection("sensitivity", "One lever at a time")
        {
            Paragraphs = { "Each bar starts at the base scenario's value and ends at the value with one lever at its low-cost or high-cost setting, the others at the base. A year not reached within the horizon is drawn at the year after it." },
        };
        if (r.Tornado.Count > 0)
        {
            foreach (var (id, title, unit, pick) in TornadoMeasures())
            {
                var labels = r.Tornado.Select(t => t.Label).ToArray();
                double basis = pick(r.Base.Measures);
                var bases = labels.Select(_ => basis).ToArray();
                section.Charts.Add(ReportChart.HorizontalBars(id, title, unit, "Lever",
                    new ReportSeries("low-cost value", r.Tornado.Select(t => pick(t.Low.Measures) - basis).ToArray(), new double?[labels.Length]) { Categories = labels, Base = bases },
                    new ReportSeries("high-cost value", r.Tornado.Select(t => pick(t.High.Measures) - basis).ToArray(), new double?[labels.Length]) { Categories = labels, Base = bases }));
            }
        }
        section.Tables.Add(new ReportTable("sweep", "Every run: the lever, its value and the three measures",
            [new("Lever", "Scenario-file key (base: the scenario as given)"), new("Value", "Lever value"), new("FirstCurrentDeficitYear", "First year of current deficit, with subsidies"),
             new("DepletionYear", "Year the national fund is depleted"), new("ActuarialBalancePercentWageBill", "75-year actuarial balance, % of the covered wage bill", 2)],
            new[] { r.Base }.Concat(r.Rows).Select(row => (IReadOnlyList<object?>)[row.Key, row.Value, row.Measures.FirstCurrentDeficitYear, row.Measures.DepletionYear,
                row.Measures.ActuarialBalanceShareOfWageBill * 100])));
        doc.Sections.Add(section);
        return doc;
    }

    /// <summary>The tornado measures: chart id, title, axis title and the value drawn (a year not reached counts as the year after the horizon).</summary>
    private static IEnumerable<(string Id, string Title, string Unit, Func<SweepMeasures, double> Pick)> TornadoMeasures()
    {
        yield return ("chart-tornado-depletion", "Depletion year of the national fund", "Year (bar from the base year)", m => m.DepletionYear ?? m.LastYear + 1);
        yield return ("chart-tornado-first-deficit", "First year of current deficit, with subsidies", "Year (bar from the base year)", m => m.FirstCurrentDeficitYear ?? m.LastYear + 1);
        yield return ("chart-tornado-balance", "75-year actuarial balance", "% of the covered wage bill (bar from the base value)", m => (m.ActuarialBalanceShareOfWageBill ?? double.NaN) * 100);
    }
}
