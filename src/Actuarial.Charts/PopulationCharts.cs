using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Actuarial.Charts;

/// <summary>How a population pyramid is drawn.</summary>
/// <param name="AgeGroupWidth">1 for single years of age, 5 for five-year groups (0–4 … 95–99, 100+).</param>
/// <param name="ByEducation">Stack each bar by education level (with a legend).</param>
/// <param name="RegionCode">One region's pyramid (GB/T 2260 code; 0 = a national run's China), or null for the sum over every region of the rows.</param>
/// <param name="MaxMillions">Half-width of the x axis, millions of persons; give pyramids of several years the same value
/// (<see cref="PopulationCharts.CommonScaleMillions"/>) so they compare by eye. Null fits the year's own data.</param>
public sealed record PyramidOptions(int AgeGroupWidth = 5, bool ByEducation = false, int? RegionCode = null, double? MaxMillions = null);

/// <summary>Charts of the demographic projection: population pyramids and dependency ratios.</summary>
public static class PopulationCharts
{
    private static readonly Color MaleColor = Color.FromHex("#3b75af");
    private static readonly Color FemaleColor = Color.FromHex("#d6604d");

    /// <summary>Writes the population pyramid of <paramref name="year"/> (males left, females right) to a PNG and returns its full path.</summary>
    public static string Pyramid(DemographicProjection projection, int year, string path, PyramidOptions? options = null,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildPyramid(projection, year, options), path, width, height);

    /// <summary>Writes the population pyramid of <paramref name="year"/> from tidy population rows (as <see cref="DemographicProjection.PopulationTable"/> gives them).</summary>
    public static string Pyramid(IEnumerable<PopulationRow> rows, int year, string path, PyramidOptions? options = null,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildPyramid(rows, year, options), path, width, height);

    /// <summary>The population pyramid of a projection's year, as a plot (not yet rendered).</summary>
    public static Plot BuildPyramid(DemographicProjection projection, int year, PyramidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return BuildPyramid(projection.PopulationTable(year), year, options);
    }

    /// <summary>The population pyramid of <paramref name="year"/> from tidy population rows, as a plot (not yet rendered).</summary>
    /// <exception cref="ArgumentException">No rows for that year (and region), or an age group width other than 1 or 5.</exception>
    public static Plot BuildPyramid(IEnumerable<PopulationRow> rows, int year, PyramidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new PyramidOptions();
        if (options.AgeGroupWidth is not (1 or 5)) throw new ArgumentException("the age group width must be 1 or 5", nameof(options));
        int width = options.AgeGroupWidth;
        int groups = width == 1 ? Ages.Count : (Ages.OpenInterval / 5) + 1;

        // persons[sex, education, group]
        var persons = new double[Sexes.Count, EducationLevels.Count, groups];
        string? regionName = null;
        int regions = 0;
        var seenRegions = new HashSet<int>();
        foreach (var row in rows)
        {
            if (row.Year != year) continue;
            if (options.RegionCode is { } code && row.RegionCode != code) continue;
            if (seenRegions.Add(row.RegionCode)) { regions++; regionName = row.Region; }
            int s = row.Sex == Sex.Male.Label() ? 0 : row.Sex == Sex.Female.Label() ? 1 : throw new ArgumentException($"unknown sex '{row.Sex}'");
            int e = EducationLevels.TryParse(row.Education, out var level) ? (int)level : throw new ArgumentException($"unknown education level '{row.Education}'");
            int g = width == 1 ? row.Age : Math.Min(row.Age / 5, groups - 1);
            persons[s, e, g] += row.Persons;
        }
        if (regions == 0) throw new ArgumentException($"no population rows for {year}" + (options.RegionCode is { } c ? $" and region {c}" : ""), nameof(rows));

        const double Million = 1e6;
        string where = regions == 1 ? regionName! : $"China ({regions} provinces together)";
        string grouping = width == 1 ? "single years of age" : "5-year age groups";
        var plot = Chart.NewPlot(
            $"Population pyramid, {where}, {year.ToString(CultureInfo.InvariantCulture)} ({grouping}{(options.ByEducation ? ", by education" : "")})",
            "Population (millions): males left, females right",
            width == 1 ? "Age (years)" : "Age group (years)");

        double barSize = width == 1 ? 0.9 : 0.85;
        int stacks = options.ByEducation ? EducationLevels.Count : 1;
        var colormap = new ScottPlot.Colormaps.Viridis();
        double maxTotal = 0;
        var cumulative = new double[Sexes.Count, groups];
        for (int k = 0; k < stacks; k++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                double sign = s == 0 ? -1 : 1;
                var bars = new List<Bar>(groups);
                Color color = options.ByEducation ? colormap.GetColor(0.05 + 0.9 * k / (EducationLevels.Count - 1)) : (s == 0 ? MaleColor : FemaleColor);
                for (int g = 0; g < groups; g++)
                {
                    double value = 0;
                    if (options.ByEducation) value = persons[s, k, g];
                    else for (int e = 0; e < EducationLevels.Count; e++) value += persons[s, e, g];
                    value /= Million;
                    double start = cumulative[s, g];
                    cumulative[s, g] += value;
                    maxTotal = Math.Max(maxTotal, cumulative[s, g]);
                    bars.Add(new Bar
                    {
                        Position = g,
                        ValueBase = sign * start,
                        Value = sign * cumulative[s, g],
                        Size = barSize,
                        FillColor = color,
                        LineWidth = 0,
                        Orientation = Orientation.Horizontal,
                    });
                }
                var barPlot = plot.Add.Bars(bars);
                barPlot.Horizontal = true;
                barPlot.Color = color;
                // One legend entry per education level (on the female side), or one per sex.
                if (options.ByEducation) { if (s == 1) barPlot.LegendText = EducationName((EducationLevel)k); }
                else barPlot.LegendText = s == 0 ? "Males" : "Females";
            }
        }

        double limit = options.MaxMillions ?? maxTotal * 1.08;
        plot.Axes.SetLimitsX(-limit, limit);
        plot.Axes.SetLimitsY(-1, groups);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = v => Chart.Plain(Math.Abs(v), "0.#") };
        plot.Axes.Left.TickGenerator = AgeTicks(width, groups);
        plot.Add.VerticalLine(0, 1, Colors.Black);
        var male = plot.Add.Text("Males", -limit * 0.97, groups - 2);
        male.LabelFontSize = 18; male.LabelFontName = Chart.FontName; male.LabelBold = true; male.LabelFontColor = MaleColor; male.LabelAlignment = Alignment.UpperLeft;
        var female = plot.Add.Text("Females", limit * 0.97, groups - 2);
        female.LabelFontSize = 18; female.LabelFontName = Chart.FontName; female.LabelBold = true; female.LabelFontColor = FemaleColor; female.LabelAlignment = Alignment.UpperRight;
        if (options.ByEducation) plot.ShowLegend(Edge.Right);
        else plot.HideLegend();
        return plot;
    }

    /// <summary>
    /// The half-width, millions of persons, that fits the largest bar of every given year's pyramid (5-year groups and a
    /// margin): pass it as <see cref="PyramidOptions.MaxMillions"/> to draw the years on one scale.
    /// </summary>
    public static double CommonScaleMillions(DemographicProjection projection, IEnumerable<int> years, int ageGroupWidth = 5)
    {
        ArgumentNullException.ThrowIfNull(projection);
        double largest = 0;
        foreach (int year in years)
        {
            var bars = new Dictionary<(string Sex, int Group), double>();
            foreach (var row in projection.PopulationTable(year))
            {
                var key = (row.Sex, ageGroupWidth == 1 ? row.Age : Math.Min(row.Age / 5, Ages.OpenInterval / 5));
                bars[key] = bars.GetValueOrDefault(key) + row.Persons / 1e6;
            }
            largest = Math.Max(largest, bars.Values.DefaultIfEmpty(0).Max());
        }
        return Math.Ceiling(largest * 1.08);
    }

    /// <summary>Writes the old-age dependency ratio over the years, one line per region of the rows, and returns the PNG's full path.</summary>
    public static string DependencyRatios(IEnumerable<DemographicSummaryRow> rows, string path, string? title = null,
        int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildDependencyRatios(rows, title), path, width, height);

    /// <summary>Writes the old-age dependency ratio of one region (0 = China) in several scenarios, one line each, and returns the PNG's full path.</summary>
    public static string DependencyRatios(IReadOnlyDictionary<string, IReadOnlyList<DemographicSummaryRow>> scenarios, int regionCode, string path,
        string? title = null, int width = Chart.DefaultWidth, int height = Chart.DefaultHeight) =>
        Chart.Save(BuildDependencyRatios(scenarios, regionCode, title), path, width, height);

    /// <summary>The old-age dependency ratio (65+ per 100 aged 15–64) by year, one line per region of the rows.</summary>
    public static Plot BuildDependencyRatios(IEnumerable<DemographicSummaryRow> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = rows.GroupBy(r => (r.RegionCode, r.Region))
            .Select(g => Series(g.Key.Region, g))
            .ToList();
        return BuildDependencyRatios(series, title ?? (series.Count == 1 ? $"Old-age dependency ratio, {series[0].Label}" : "Old-age dependency ratio by region"));
    }

    /// <summary>The old-age dependency ratio of one region (0 = China) by year, one line per scenario.</summary>
    public static Plot BuildDependencyRatios(IReadOnlyDictionary<string, IReadOnlyList<DemographicSummaryRow>> scenarios, int regionCode, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var series = scenarios.Select(kv => Series(kv.Key, kv.Value.Where(r => r.RegionCode == regionCode))).ToList();
        string region = scenarios.Values.SelectMany(v => v).FirstOrDefault(r => r.RegionCode == regionCode)?.Region ?? regionCode.ToString(CultureInfo.InvariantCulture);
        return BuildDependencyRatios(series, title ?? $"Old-age dependency ratio, {region}, by scenario");
    }

    private static Plot BuildDependencyRatios(List<YearSeries> series, string title)
    {
        if (series.Count == 0) throw new ArgumentException("no rows to draw");
        var plot = Chart.NewPlot(title, "Year", "Old-age dependency ratio (persons 65+ per 100 aged 15-64)");
        Chart.YearAxis(plot);
        Chart.PlainLeftAxis(plot, "0");
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i].Validated();
            var line = plot.Add.ScatterLine(Chart.Years(s.Years), s.Values.ToArray(), Chart.SeriesColor(i));
            line.LineWidth = series.Count > 8 ? 1.5f : 2.5f;
            line.LegendText = s.Label;
        }
        plot.Axes.SetLimitsY(0, series.Max(s => s.Values.Max()) * 1.08);
        plot.Axes.AutoScaleX();
        Chart.LegendIfSeveral(plot, Alignment.UpperLeft);
        return plot;
    }

    private static YearSeries Series(string label, IEnumerable<DemographicSummaryRow> rows)
    {
        var ordered = rows.OrderBy(r => r.Year).ToList();
        return new YearSeries(label, ordered.Select(r => r.Year).ToArray(), ordered.Select(r => 100 * r.OldAgeDependencyRatio).ToArray());
    }

    private static NumericManual AgeTicks(int width, int groups)
    {
        var ticks = new NumericManual();
        if (width == 1)
        {
            for (int a = 0; a <= Ages.OpenInterval; a += 10) ticks.AddMajor(a, Ages.Label(a));
        }
        else
        {
            for (int g = 0; g < groups; g++)
            {
                int from = g * 5;
                string label = from >= Ages.OpenInterval ? "100+" : $"{from}-{from + 4}";
                ticks.AddMajor(g, label);
            }
        }
        return ticks;
    }

    /// <summary>Display name of an education level.</summary>
    public static string EducationName(EducationLevel level) => level switch
    {
        EducationLevel.NoEducation => "No education",
        EducationLevel.IncompletePrimary => "Incomplete primary",
        EducationLevel.Primary => "Primary",
        EducationLevel.LowerSecondary => "Lower secondary",
        EducationLevel.UpperSecondary => "Upper secondary",
        EducationLevel.PostSecondary => "Post-secondary",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown education level"),
    };
}
