using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actuarial.Charts.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as one self-contained HTML5 page: the charts are drawn by plotly.js, whose
/// code (and licence) is inlined in the page, so it opens from disk with no server and no network. Each chart's data is
/// in the page as JSON (<c>&lt;script type="application/json" id="{chart id}-spec"&gt;</c>) and on the drawn element
/// (<c>document.getElementById(id).data</c>); printed, the charts keep their size and the tables repeat their headers.
/// </summary>
public static class HtmlReport
{
    /// <summary>The plotly.js bundle inlined in every report.</summary>
    public const string PlotlyVersion = "plotly.js-cartesian-dist-min 4.1.1";

    private static readonly Lazy<string> PlotlyScript = new(() => Resource("plotly-cartesian.min.js"));
    private static readonly Lazy<string> PlotlyLicence = new(() => Resource("plotly.js-LICENSE.txt"));

    /// <summary>The palette of series (colour-blind safe, Okabe–Ito), in order.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>Writes the page to a file (UTF-8, no BOM); returns its full path.</summary>
    public static string Write(ReportDocument document, string path)
    {
        File.WriteAllText(path, Render(document), new UTF8Encoding(false));
        return Path.GetFullPath(path);
    }

    /// <summary>The page as a string.</summary>
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        CheckIds(document);
        var h = new StringBuilder(PlotlyScript.Value.Length + 200_000);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E(document.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        h.Append("<h1>").Append(E(document.Title)).Append("</h1>\n");
        h.Append("<p class=\"question\">").Append(E(document.Question)).Append("</p>\n");
        h.Append("<nav><ul>\n");
        foreach (var s in document.Sections) h.Append("<li><a href=\"#").Append(E(s.Id)).Append("\">").Append(E(s.Heading)).Append("</a></li>\n");
        if (document.Files.Count > 0) h.Append("<li><a href=\"#files\">Files</a></li>\n");
        h.Append("</ul></nav>\n");
        foreach (var s in document.Sections) Section(h, s);
        if (document.Files.Count > 0)
        {
            h.Append("<section id=\"files\">\n<h2>Files</h2>\n<p>Written beside this page; open the CSV tables in any spreadsheet or program.</p>\n<ul class=\"files\">\n");
            foreach (var f in document.Files)
            {
                h.Append("<li><a href=\"").Append(E(Uri.EscapeDataString(f.RelativePath).Replace("%2F", "/", StringComparison.Ordinal))).Append("\">")
                 .Append(E(f.RelativePath)).Append("</a>: ").Append(E(f.Description)).Append("</li>\n");
            }
            h.Append("</ul>\n</section>\n");
        }
        h.Append("<footer><p>").Append(E(document.Footer ?? "Actuarial")).Append(". Charts drawn with ").Append(E(PlotlyVersion))
         .Append(" (MIT licence, inlined below); hover over a chart for its values.</p></footer>\n</main>\n");
        h.Append("<!-- plotly.js licence:\n").Append(PlotlyLicence.Value.Replace("--", "- -", StringComparison.Ordinal)).Append("\n-->\n");
        h.Append("<script>\n").Append(PlotlyScript.Value).Append("\n</script>\n");
        h.Append("<script>\n").Append(Boot).Append("</script>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Section(StringBuilder h, ReportSection s)
    {
        h.Append("<section id=\"").Append(E(s.Id)).Append("\">\n<h2>").Append(E(s.Heading)).Append("</h2>\n");
        foreach (var p in s.Paragraphs) h.Append("<p>").Append(E(p)).Append("</p>\n");
        if (s.Definitions.Count > 0)
        {
            h.Append("<dl class=\"definitions\">\n");
            foreach (var (term, meaning) in s.Definitions) h.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(meaning)).Append("</dd>\n");
            h.Append("</dl>\n");
        }
        foreach (var c in s.Charts)
        {
            h.Append("<figure class=\"chart\">\n<div id=\"").Append(E(c.Id)).Append("\" class=\"plot\" style=\"height:")
             .Append(c.HeightPixels.ToString(CultureInfo.InvariantCulture)).Append("px\" role=\"img\" aria-label=\"").Append(E(c.Title)).Append("\"></div>\n");
            h.Append("<script type=\"application/json\" id=\"").Append(E(c.Id)).Append("-spec\">").Append(Spec(c)).Append("</script>\n");
            if (c.Caption is { } caption) h.Append("<figcaption>").Append(E(caption)).Append("</figcaption>\n");
            h.Append("</figure>\n");
        }
        foreach (var t in s.Tables) Table(h, t);
        h.Append("</section>\n");
    }

    private static void Table(StringBuilder h, ReportTable t)
    {
        int shown = Math.Min(t.RowsShown ?? t.Rows.Count, t.Rows.Count);
        h.Append("<div class=\"table\">\n<table id=\"table-").Append(E(t.Name)).Append("\">\n<caption>").Append(E(t.Caption));
        if (shown < t.Rows.Count) h.Append(E($" (first {shown} of {t.Rows.Count} rows; all in {t.Name}.csv)"));
        h.Append("</caption>\n<thead><tr>");
        foreach (var c in t.Columns) h.Append("<th title=\"").Append(E(c.Description)).Append("\">").Append(E(c.Name)).Append("</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < shown; r++)
        {
            h.Append("<tr>");
            for (int c = 0; c < t.Columns.Count; c++)
            {
                bool number = t.Rows[r][c] is double or int or long;
                h.Append(number ? "<td class=\"n\">" : "<td>").Append(E(t.Text(r, c))).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n</div>\n");
    }

    /// <summary>The plotly figure (data and layout) of a chart, as JSON safe inside a script element.</summary>
    public static string Spec(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var data = new JsonArray();
        int colour = 0;
        foreach (var s in chart.Series) data.Add(Trace(s, s.Color ?? Palette[colour++ % Palette.Count]));
        if (chart.Heatmap is { } map) data.Add(Heat(map));
        var shapes = new JsonArray();
        var annotations = new JsonArray();
        foreach (var m in chart.Marks)
        {
            if (m.Y is null)
            {
                shapes.Add(new JsonObject { ["type"] = "line", ["xref"] = "x", ["yref"] = "paper", ["x0"] = m.X, ["x1"] = m.X, ["y0"] = 0, ["y1"] = 1,
                    ["line"] = new JsonObject { ["color"] = "#B00020", ["dash"] = "dash", ["width"] = 1.5 } });
                annotations.Add(new JsonObject { ["x"] = m.X, ["y"] = 1, ["xref"] = "x", ["yref"] = "paper", ["text"] = m.Label, ["showarrow"] = false,
                    ["xanchor"] = "left", ["yanchor"] = "top", ["font"] = new JsonObject { ["color"] = "#B00020" } });
            }
            else
            {
                annotations.Add(new JsonObject { ["x"] = m.X, ["y"] = m.Y, ["text"] = m.Label, ["showarrow"] = true, ["arrowhead"] = 2, ["ax"] = 0, ["ay"] = -30 });
            }
        }
        bool horizontal = chart.Series.Any(s => s.Style == SeriesStyle.HorizontalBars);
        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = chart.Title, ["x"] = 0, ["xanchor"] = "left", ["font"] = new JsonObject { ["size"] = 16 } },
            ["xaxis"] = Axis(chart.XTitle, chart.XRange),
            ["yaxis"] = Axis(chart.YTitle, chart.YRange),
            ["hovermode"] = chart.Heatmap is null && !horizontal ? "x unified" : "closest",
            ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.18 },
            ["margin"] = new JsonObject { ["l"] = chart.Heatmap is null ? 70 : 120, ["r"] = 20, ["t"] = 50, ["b"] = 80 },
            ["shapes"] = shapes,
            ["annotations"] = annotations,
            ["font"] = new JsonObject { ["family"] = "system-ui, sans-serif", ["size"] = 12 },
        };
        if (chart.OverlayBars)
        {
            layout["barmode"] = "overlay";
            layout["bargap"] = 0.05;
            // A pyramid draws one side as negative numbers: label the ticks, and hover, with their sizes.
            if (chart.XRange is { } r)
            {
                double step = NiceStep(Math.Max(Math.Abs(r.Min), Math.Abs(r.Max)) / 3);
                var ticks = new List<double>();
                for (double v = -Math.Floor(Math.Abs(r.Min) / step) * step; v <= r.Max + 1e-9; v += step) ticks.Add(Math.Round(v, 9));
                var x = (JsonObject)layout["xaxis"]!;
                x["tickvals"] = new JsonArray(ticks.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                x["ticktext"] = new JsonArray(ticks.Select(v => (JsonNode?)JsonValue.Create(Math.Abs(v).ToString("0.##", CultureInfo.InvariantCulture))).ToArray());
            }
            foreach (var t in data.OfType<JsonObject>().Where(t => (string?)t["orientation"] == "h"))
            {
                t["customdata"] = new JsonArray(((JsonArray)t["x"]!).Select(v => v is null ? null : (JsonNode?)JsonValue.Create(Math.Abs(v.GetValue<double>()))).ToArray());
                t["hovertemplate"] = $"%{{y}}: %{{customdata:.2f}}<extra>{t["name"]!.GetValue<string>()}</extra>";
            }
        }
        if (chart.Heatmap is not null) ((JsonObject)layout["yaxis"]!)["autorange"] = "reversed";
        if (horizontal && chart.Series.Any(s => s.Categories is not null)) ((JsonObject)layout["yaxis"]!)["type"] = "category";
        var spec = new JsonObject { ["data"] = data, ["layout"] = layout };
        // "</" cannot appear inside a script element; JSON allows the escaped solidus.
        return spec.ToJsonString(JsonOptions).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static JsonObject Axis(string title, (double Min, double Max)? range)
    {
        var axis = new JsonObject { ["title"] = new JsonObject { ["text"] = title }, ["zeroline"] = true, ["zerolinecolor"] = "#888", ["automargin"] = true };
        if (range is { } r) axis["range"] = new JsonArray(r.Min, r.Max);
        return axis;
    }

    private static JsonObject Trace(ReportSeries s, string colour)
    {
        var t = new JsonObject { ["name"] = s.Name, ["showlegend"] = s.ShowInLegend };
        JsonArray Numbers(IEnumerable<double?> values) => new(values.Select(v => v is { } d && double.IsFinite(d) ? JsonValue.Create(d) : null).ToArray<JsonNode?>());
        JsonArray Texts(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        switch (s.Style)
        {
            case SeriesStyle.HorizontalBars:
                t["type"] = "bar";
                t["orientation"] = "h";
                t["x"] = Numbers(s.X.Select(v => (double?)v));
                t["y"] = s.Categories is { } cy ? Texts(cy) : Numbers(s.Y);
                if (s.Base is { } b) t["base"] = Numbers(b.Select(v => (double?)v));
                t["marker"] = new JsonObject { ["color"] = colour };
                break;
            case SeriesStyle.Bars:
                t["type"] = "bar";
                t["x"] = s.Categories is { } cx ? Texts(cx) : Numbers(s.X.Select(v => (double?)v));
                t["y"] = Numbers(s.Y);
                t["marker"] = new JsonObject { ["color"] = colour };
                break;
            default:
                t["type"] = "scatter";
                t["mode"] = s.Style == SeriesStyle.Markers ? "markers" : "lines";
                t["x"] = Numbers(s.X.Select(v => (double?)v));
                t["y"] = Numbers(s.Y);
                t["line"] = new JsonObject { ["color"] = colour, ["width"] = 2, ["dash"] = s.Style == SeriesStyle.DashedLine ? "dash" : "solid" };
                if (s.Style == SeriesStyle.BandToPrevious) { t["fill"] = "tonexty"; t["line"] = new JsonObject { ["color"] = colour, ["width"] = 0.5 }; }
                break;
        }
        if (s.HoverFormat is { } f) t["hovertemplate"] = s.Style == SeriesStyle.HorizontalBars ? $"%{{y}}: %{{x:{f}}}<extra>{s.Name}</extra>" : $"%{{y:{f}}}";
        return t;
    }

    private static JsonObject Heat(ReportHeatmap map)
    {
        var scale = map.ColourScale ?? [(0, "#B2182B"), (Zero(map), "#F7F7F7"), (1, "#2166AC")];
        return new JsonObject
        {
            ["type"] = "heatmap",
            ["x"] = new JsonArray(map.X.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["y"] = new JsonArray(map.Rows.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["z"] = new JsonArray(map.Z.Select(row => (JsonNode?)new JsonArray(row.Select(v => v is { } d && double.IsFinite(d) ? JsonValue.Create(d) : null).ToArray<JsonNode?>())).ToArray()),
            ["zmin"] = map.ColourMin,
            ["zmax"] = map.ColourMax,
            ["colorscale"] = new JsonArray(scale.Select(s => (JsonNode?)new JsonArray(s.Position, s.Colour)).ToArray()),
            ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = map.ColourTitle, ["side"] = "right" } },
            ["hovertemplate"] = "%{y}, %{x}: %{z:.1f}<extra></extra>",
            ["xgap"] = 0,
            ["ygap"] = 1,
        };
    }

    private static double NiceStep(double rough)
    {
        if (rough <= 0) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double f = rough / magnitude;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * magnitude;
    }

    private static double Zero(ReportHeatmap map) => map.ColourMax <= map.ColourMin ? 0.5 : Math.Clamp((0 - map.ColourMin) / (map.ColourMax - map.ColourMin), 0.001, 0.999);

    private static void CheckIds(ReportDocument d)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { "files" };
        foreach (string id in d.Sections.Select(s => s.Id).Concat(d.Charts.SelectMany(c => new[] { c.Id, c.Id + "-spec" })).Concat(d.Tables.Select(t => "table-" + t.Name)))
        {
            if (id.Length == 0 || !id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')) throw new ArgumentException($"report id '{id}' must be letters, digits, '-' or '_'");
            if (!ids.Add(id)) throw new ArgumentException($"report id '{id}' is used twice");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        var assembly = typeof(HtmlReport).Assembly;
        string full = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(full)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin-bottom: .3rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
        .question { font-size: 1.1rem; font-style: italic; margin-top: 0; }
        nav ul { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; font-size: .9rem; }
        .headline { font-size: 1.05rem; }
        dl.definitions { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .3rem 1rem; font-size: .92rem; }
        dl.definitions dt { font-weight: 600; }
        dl.definitions dd { margin: 0; }
        figure.chart { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart .plot { width: 100%; }
        figcaption { font-size: .88rem; color: #444; margin-top: .2rem; }
        .table { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .85rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .2rem .5rem; vertical-align: top; }
        th { text-align: left; background: #f3f3f3; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        footer { margin-top: 2rem; font-size: .8rem; color: #555; }
        @media print {
          main { max-width: none; padding: 0; }
          nav, .modebar-container { display: none; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          section { break-before: auto; }
          a[href$=".csv"]::after, a[href$=".xlsx"]::after { content: ""; }
        }

        """;

    // Draws every chart from its JSON; on printing, fixes each chart to the page's width so nothing is cut.
    private const string Boot = """
        (function () {
          'use strict';
          var plots = document.querySelectorAll('div.plot');
          for (var i = 0; i < plots.length; i++) {
            var div = plots[i];
            var spec = JSON.parse(document.getElementById(div.id + '-spec').textContent);
            Plotly.newPlot(div, spec.data, spec.layout, { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'] });
          }
          function resizeAll() { for (var j = 0; j < plots.length; j++) Plotly.Plots.resize(plots[j]); }
          window.addEventListener('beforeprint', resizeAll);
          window.addEventListener('afterprint', resizeAll);
          document.documentElement.setAttribute('data-charts-drawn', String(plots.length));
        })();

        """;
}
