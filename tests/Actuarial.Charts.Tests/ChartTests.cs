using System.Buffers.Binary;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Scenarios;
using NUnit.Framework;
using ScottPlot;

namespace Actuarial.Charts.Tests;

[TestFixture]
public sealed class ChartTests
{
    private static readonly string OutputFolder = Path.Combine(Path.GetTempPath(), "actuarial-charts");
    private static readonly Lazy<DemographicProjection> National = new(() =>
        DemographicProjector.Run(ChinaDefaults.NationalDemography() with { EndYear = 2030 }));
    private static readonly Lazy<DemographicProjection> NationalLowFertility = new(() =>
        DemographicProjector.Run(ChinaDefaults.NationalDemography() with
        {
            EndYear = 2030,
            Fertility = ChinaDefaults.Fertility() with { TotalFertilityRate = ChinaDefaults.Fertility().TotalFertilityRate.Map((_, tfr) => tfr * 0.6) },
        }));

    private static string Out(string name) => Path.Combine(OutputFolder, name);

    /// <summary>The file is a PNG (signature) of the given pixel size (IHDR).</summary>
    private static void AssertPng(string path, int width, int height)
    {
        Assert.That(File.Exists(path), Is.True, path);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.That(bytes, Has.Length.GreaterThan(1000), "PNG suspiciously small");
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.That(bytes.Take(8), Is.EqualTo(signature), "PNG signature");
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 12, 4), Is.EqualTo("IHDR"));
        Assert.Multiple(() =>
        {
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), Is.EqualTo(width), "width");
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)), Is.EqualTo(height), "height");
        });
    }

    /// <summary>Renders in memory so the tick generators run, then returns the bottom axis's tick labels.</summary>
    private static string[] BottomTickLabels(Plot plot)
    {
        plot.RenderInMemory(Chart.DefaultWidth, Chart.DefaultHeight);
        return plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();
    }

    private static void AssertYearTicks(Plot plot)
    {
        var labels = BottomTickLabels(plot);
        Assert.That(labels, Is.Not.Empty);
        Assert.That(labels, Has.All.Matches<string>(l => l != null && l.Length == 4 && l.All(char.IsDigit)), string.Join(" | ", labels));
    }

    /// <summary>A legend is shown, inside the data area or in a panel beside it.</summary>
    private static bool HasLegend(Plot plot) =>
        plot.Legend.IsVisible || plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Any(p => p.IsVisible);

    private static int LegendEntries(Plot plot) =>
        plot.GetPlottables().Sum(p => p.LegendItems.Count(i => !string.IsNullOrEmpty(i.LabelText)));

    // ---- 1. population pyramid -------------------------------------------------------------------------------

    [Test]
    public void Pyramid_by_five_year_groups_writes_png_of_requested_size()
    {
        string path = PopulationCharts.Pyramid(National.Value, 2030, Out("pyramid-2030.png"));
        AssertPng(path, Chart.DefaultWidth, Chart.DefaultHeight);
    }

    [Test]
    public void Pyramid_by_single_age_and_education_writes_png()
    {
        string path = PopulationCharts.Pyramid(National.Value, 2030, Out("pyramid-2030-education-single-age.png"),
            new PyramidOptions(AgeGroupWidth: 1, ByEducation: true), width: 1000, height: 900);
        AssertPng(path, 1000, 900);
    }

    [Test]
    public void Pyramid_plot_has_title_labels_and_series()
    {
        var plot = PopulationCharts.BuildPyramid(National.Value, 2030, new PyramidOptions(ByEducation: true));
        Assert.Multiple(() =>
        {
            Assert.That(plot.Axes.Title.Label.Text, Does.Contain("Population pyramid").And.Contain("2030").And.Contain("education"));
            Assert.That(plot.Axes.Bottom.Label.Text, Does.Contain("millions"));
            Assert.That(plot.Axes.Left.Label.Text, Does.Contain("Age"));
            Assert.That(plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Count(), Is.EqualTo(12), "6 levels x 2 sexes");
            Assert.That(LegendEntries(plot), Is.EqualTo(6), "one legend entry per education level");
            Assert.That(HasLegend(plot), Is.True);
        });
        Assert.That(BottomTickLabels(plot), Has.None.StartsWith("-"), "males are drawn left but counted positive");
    }

    [Test]
    public void Pyramid_totals_match_the_projection()
    {
        var plot = PopulationCharts.BuildPyramid(National.Value, 2025);
        double drawn = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().SelectMany(b => b.Bars).Sum(b => Math.Abs(b.Value - b.ValueBase)) * 1e6;
        Assert.That(drawn, Is.EqualTo(National.Value.TotalPersons(2025)).Within(1e-6).Percent);
    }

    // ---- 2. dependency ratios ----------------------------------------------------------------------------------

    [Test]
    public void Dependency_ratio_of_two_scenarios_writes_png_with_legend_and_plain_years()
    {
        var scenarios = new Dictionary<string, IReadOnlyList<DemographicSummaryRow>>
        {
            ["Baseline"] = National.Value.Summary(),
            ["Fertility -40%"] = NationalLowFertility.Value.Summary(),
        };
        var plot = PopulationCharts.BuildDependencyRatios(scenarios, regionCode: 0);
        Assert.Multiple(() =>
        {
            Assert.That(plot.Axes.Title.Label.Text, Does.Contain("Old-age dependency ratio"));
            Assert.That(plot.Axes.Left.Label.Text, Does.Contain("65+ per 100 aged 15-64"));
            Assert.That(plot.Axes.Bottom.Label.Text, Is.EqualTo("Year"));
            Assert.That(LegendEntries(plot), Is.EqualTo(2));
            Assert.That(HasLegend(plot), Is.True);
        });
        AssertYearTicks(plot);
        string path = PopulationCharts.DependencyRatios(scenarios, 0, Out("dependency-ratio-scenarios.png"));
        AssertPng(path, Chart.DefaultWidth, Chart.DefaultHeight);
    }

    [Test]
    public void Dependency_ratio_of_one_region_has_no_legend()
    {
        var plot = PopulationCharts.BuildDependencyRatios(National.Value.Summary());
        Assert.That(HasLegend(plot), Is.False);
        AssertPng(Chart.Save(plot, Out("dependency-ratio.png")), Chart.DefaultWidth, Chart.DefaultHeight);
    }

    // ---- 3. national balance and fan -----------------------------------------------------------------------

    [Test]
    public void National_balance_with_fan_has_bands_median_and_labelled_unit()
    {
        var rows = SyntheticFunds.Rows();
        var plot = FundCharts.BuildNationalBalance(rows, MoneyUnit.TrillionYuan, SyntheticFunds.Fan(rows));
        Assert.Multiple(() =>
        {
            Assert.That(plot.Axes.Title.Label.Text, Does.Contain("accumulated balance"));
            Assert.That(plot.Axes.Left.Label.Text, Does.Contain("trillion yuan"));
            Assert.That(plot.GetPlottables<ScottPlot.Plottables.FillY>().Count(), Is.EqualTo(2), "5-95 and 25-75 bands");
            Assert.That(LegendEntries(plot), Is.EqualTo(4), "two bands, median, deterministic path");
        });
        AssertYearTicks(plot);
        AssertPng(FundCharts.NationalBalance(rows, Out("national-balance-fan.png"), fan: SyntheticFunds.Fan(rows)), Chart.DefaultWidth, Chart.DefaultHeight);
    }

    /// <summary>
    /// The balance chart answers its question from the table's own numbers: the peak is marked at the table's largest
    /// national balance, the depletion line at the first year ending negative, and the decision window ends ten years
    /// after it (or with the table when the fund never runs out).
    /// </summary>
    [Test]
    public void National_balance_marks_the_tables_peak_and_depletion_and_the_window_ends_a_decade_after()
    {
        // A national balance that rises to 2035 and is negative from 2046: 1e12 × (120 − (year − 2035)²).
        var rows = SyntheticFunds.Rows(2025, 2080)
            .Select(r => r.RegionCode == 0 ? r with { ClosingBalance = 1e12 * (120 - (r.Year - 2035) * (r.Year - 2035)) } : r).ToList();
        var national = rows.Where(r => r.RegionCode == 0).OrderBy(r => r.Year).ToList();
        var peakRow = national.MaxBy(r => r.ClosingBalance)!;
        int depletion = national.First(r => r.ClosingBalance < 0).Year;
        Assert.That((peakRow.Year, depletion), Is.EqualTo((2035, 2046)), "the synthetic path is what the test means");

        Assert.That(FundCharts.DecisionWindowEnd(rows), Is.EqualTo(depletion + FundCharts.YearsShownPastDepletion));
        var plot = FundCharts.BuildNationalBalance(rows.Where(r => r.Year <= FundCharts.DecisionWindowEnd(rows)));
        var marker = plot.GetPlottables<ScottPlot.Plottables.Marker>().Single();
        Assert.That((marker.Location.X, marker.Location.Y), Is.EqualTo(((double)peakRow.Year, peakRow.ClosingBalance / 1e12)), "peak, trillion yuan");
        Assert.That(plot.GetPlottables<ScottPlot.Plottables.VerticalLine>().Single().X, Is.EqualTo(depletion));
        var labels = plot.GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToList();
        // Past depletion the synthetic balance falls to -321 by 2056: the axis stops near minus the peak, and says so.
        Assert.That(labels, Is.EquivalentTo(new[] { "peak 120 (2035)", "depleted 2046", "axis cut at -120: the balance falls to -321 by 2056" }));
        var limits = plot.Axes.GetLimits();
        Assert.That((limits.Bottom, limits.Top), Is.EqualTo((-120 * 1.05, 120 * 1.25)).Within(1e-9));
        Assert.That(HasLegend(plot), Is.False, "the marks stay out of the legend");

        var neverDepleted = rows.Select(r => r.RegionCode == 0 ? r with { ClosingBalance = 1e12 } : r).ToList();
        Assert.That(FundCharts.DecisionWindowEnd(neverDepleted), Is.EqualTo(2080));
        Assert.That(FundCharts.BuildNationalBalance(neverDepleted).GetPlottables<ScottPlot.Plottables.VerticalLine>(), Is.Empty);
        AssertPng(Chart.Save(plot, Out("national-balance-window.png")), Chart.DefaultWidth, Chart.DefaultHeight);
    }

    /// <summary>Provinces in months of spending: rows ordered by the year each fund runs out, labelled with it; values clamped to the colour range.</summary>
    [Test]
    public void Province_months_heat_map_orders_the_provinces_by_depletion()
    {
        // Province k runs out in 2030 + (30 − k) (the last listed first), or never for the first three.
        var provinces = SyntheticFunds.Rows(2025, 2060).Where(r => r.RegionCode != 0).Select(r => r.Region).Distinct().ToList();
        int? Depletion(string region) => provinces.IndexOf(region) is int k && k < 3 ? null : 2030 + (30 - provinces.IndexOf(region));
        var rows = SyntheticFunds.Rows(2025, 2060).Select(r => r.RegionCode == 0 ? r : r with
        {
            ClosingBalance = Depletion(r.Region) is { } d && r.Year >= d ? -1e9 : 1e9,
            MonthsOfPayment = Depletion(r.Region) is { } d2 && r.Year >= d2 ? -100 : 100,
        }).ToList();
        var plot = FundCharts.BuildProvinceMonthsHeatmap(rows);
        AssertPng(Chart.Save(plot, Out("province-months.png"), Chart.DefaultWidth, 900), Chart.DefaultWidth, 900); // rendering generates the ticks
        var ticks = ((ScottPlot.TickGenerators.NumericManual)plot.Axes.Left.TickGenerator).Ticks.OrderByDescending(t => t.Position).Select(t => t.Label).ToList();
        var expected = provinces.OrderBy(p => Depletion(p) ?? int.MaxValue).ThenBy(p => provinces.IndexOf(p))
            .Select(p => $"{p} ({(Depletion(p) is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "never")})").ToList();
        Assert.That(ticks, Is.EqualTo(expected), "top row first: the earliest to run out");
        var heatmap = plot.GetPlottables<ScottPlot.Plottables.Heatmap>().Single();
        Assert.That(heatmap.Intensities.Cast<double>().Min(), Is.EqualTo(-24));
        Assert.That(heatmap.Intensities.Cast<double>().Max(), Is.EqualTo(36));
    }

    [Test]
    public void National_balance_in_hundred_million_yuan_and_fan_alone()
    {
        var rows = SyntheticFunds.Rows();
        var plot = FundCharts.BuildNationalBalance(rows, MoneyUnit.HundredMillionYuan);
        Assert.That(plot.Axes.Left.Label.Text, Does.Contain("100 million yuan"));
        Assert.That(HasLegend(plot), Is.False, "one series, no legend");
        AssertPng(Chart.Save(plot, Out("national-balance.png")), Chart.DefaultWidth, Chart.DefaultHeight);
        AssertPng(FundCharts.BalanceFan(SyntheticFunds.Fan(rows), Out("balance-fan.png")), Chart.DefaultWidth, Chart.DefaultHeight);
    }

    [Test]
    public void Quantile_fan_from_draws_orders_its_bands()
    {
        var fan = QuantileFan.FromDraws([2030], [Enumerable.Range(0, 101).Select(i => (double)i).ToArray()]);
        Assert.Multiple(() =>
        {
            Assert.That(fan.P5[0], Is.EqualTo(5).Within(1e-12));
            Assert.That(fan.P25[0], Is.EqualTo(25).Within(1e-12));
            Assert.That(fan.P50[0], Is.EqualTo(50).Within(1e-12));
            Assert.That(fan.P95[0], Is.EqualTo(95).Within(1e-12));
        });
    }

    // ---- 4. provinces and transfers ------------------------------------------------------------------------

    [Test]
    public void Province_balance_lines_one_per_province()
    {
        var rows = SyntheticFunds.Rows();
        var plot = FundCharts.BuildProvinceBalances(rows);
        Assert.Multiple(() =>
        {
            Assert.That(plot.GetPlottables<ScottPlot.Plottables.Scatter>().Count(), Is.EqualTo(31));
            Assert.That(plot.Axes.Left.Label.Text, Does.Contain("100 million yuan"));
            Assert.That(HasLegend(plot), Is.True);
        });
        AssertYearTicks(plot);
        AssertPng(Chart.Save(plot, Out("province-balances.png")), Chart.DefaultWidth, Chart.DefaultHeight);
    }

    [Test]
    public void Province_balance_heatmap_writes_png()
    {
        var rows = SyntheticFunds.Rows();
        var plot = FundCharts.BuildProvinceBalanceHeatmap(rows);
        Assert.That(plot.GetPlottables<ScottPlot.Plottables.Heatmap>().Count(), Is.EqualTo(1));
        AssertYearTicks(plot);
        AssertPng(FundCharts.ProvinceBalanceHeatmap(rows, Out("province-balance-heatmap.png"), height: 900), Chart.DefaultWidth, 900);
    }

    [Test]
    public void Net_transfers_split_payers_and_receivers()
    {
        var rows = SyntheticFunds.Rows();
        var plot = FundCharts.BuildNetTransfers(rows, 2030);
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(plot.Axes.Title.Label.Text, Does.Contain("2030").And.Not.Contain("2,030"));
            Assert.That(plot.Axes.Bottom.Label.Text, Does.Contain("Net transfer").And.Contain("100 million yuan"));
            Assert.That(bars, Has.Count.EqualTo(2));
            Assert.That(bars.Sum(b => b.Bars.Count), Is.EqualTo(31));
            Assert.That(LegendEntries(plot), Is.EqualTo(2));
        });
        AssertPng(FundCharts.NetTransfers(rows, 2030, Out("net-transfers-2030.png"), height: 900), Chart.DefaultWidth, 900);
    }

    // ---- 5. scenario comparison ----------------------------------------------------------------------------

    [Test]
    public void Two_scenarios_side_by_side_in_one_png()
    {
        var left = PopulationCharts.BuildPyramid(National.Value, 2030);
        left.Title("Baseline: population pyramid, China, 2030");
        var right = PopulationCharts.BuildPyramid(NationalLowFertility.Value, 2030);
        right.Title("Fertility -40%: population pyramid, China, 2030");
        Assert.That(ComparisonCharts.BuildSideBySide(left, right).GetPlots(), Has.Length.EqualTo(2), "two panels, no empty third");
        string path = ComparisonCharts.SideBySide(left, right, Out("pyramids-side-by-side.png"), width: 2000, height: 800);
        AssertPng(path, 2000, 800);
    }

    [Test]
    public void Two_scenarios_as_two_series_and_their_difference()
    {
        var a = SyntheticFunds.Rows();
        var b = SyntheticFunds.Rows(scale: 1.3);
        var both = ComparisonCharts.BuildNationalBalances(a, "Baseline", b, "Higher contributions");
        Assert.Multiple(() =>
        {
            Assert.That(LegendEntries(both), Is.EqualTo(2));
            Assert.That(HasLegend(both), Is.True);
        });
        AssertYearTicks(both);
        AssertPng(Chart.Save(both, Out("national-balance-two-scenarios.png")), Chart.DefaultWidth, Chart.DefaultHeight);

        var diff = ComparisonCharts.BuildNationalBalanceDifference(a, "Baseline", b, "Higher contributions");
        Assert.Multiple(() =>
        {
            Assert.That(diff.Axes.Title.Label.Text, Does.Contain("Higher contributions minus Baseline"));
            Assert.That(diff.Axes.Left.Label.Text, Does.Contain("trillion yuan"));
        });
        AssertYearTicks(diff);
        AssertPng(ComparisonCharts.NationalBalanceDifference(a, "Baseline", b, "Higher contributions", Out("national-balance-difference.png")),
            Chart.DefaultWidth, Chart.DefaultHeight);
    }

    [Test]
    public void Difference_of_series_is_b_minus_a_over_common_years()
    {
        var a = new YearSeries("A", [2030, 2031, 2032], [1.0, 2.0, 3.0]);
        var b = new YearSeries("B", [2031, 2032, 2033], [5.0, 1.0, 0.0]);
        var d = b.Minus(a);
        Assert.Multiple(() =>
        {
            Assert.That(d.Years, Is.EqualTo(new[] { 2031, 2032 }));
            Assert.That(d.Values, Is.EqualTo(new[] { 3.0, -2.0 }));
        });
    }

    // ---- 6. probability of depletion ----------------------------------------------------------------------

    [Test]
    public void Depletion_probability_is_drawn_in_percent()
    {
        int?[] runs = [2040, 2045, null, 2050, 2041, null, 2060, 2035, 2048, null];
        var baseline = FundCharts.CumulativeDepletionProbability(runs, 2030, 2070, "Baseline");
        var reform = FundCharts.CumulativeDepletionProbability(runs.Select(y => y + 8).ToArray(), 2030, 2070, "Reform");
        Assert.Multiple(() =>
        {
            Assert.That(baseline.Values[0], Is.Zero);
            Assert.That(baseline.Values[^1], Is.EqualTo(0.7).Within(1e-12));
        });
        var plot = FundCharts.BuildDepletionProbability([baseline, reform]);
        Assert.Multiple(() =>
        {
            Assert.That(plot.Axes.Left.Label.Text, Does.Contain("%"));
            Assert.That(LegendEntries(plot), Is.EqualTo(2));
            Assert.That(plot.Axes.GetLimits().Top, Is.LessThanOrEqualTo(102));
        });
        AssertYearTicks(plot);
        AssertPng(FundCharts.DepletionProbability([baseline, reform], Out("depletion-probability.png")), Chart.DefaultWidth, Chart.DefaultHeight);
    }

    [Test]
    public void Year_label_is_a_plain_integer()
    {
        Assert.That(Chart.YearLabel(2030), Is.EqualTo("2030"));
    }
}
