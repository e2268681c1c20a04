using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actuarial.Scenarios;

/// <summary>One value of one lever in a sweep: the scenario-file key and its value (a single number, or a path of yearly
/// values for a lever that takes a path; the last value holds to the horizon).</summary>
/// <param name="Key">Scenario-file key, e.g. <c>scheme.contributions.employer_rate</c> (docs/scenario-file.md).</param>
/// <param name="Value">The value from <see cref="LeverPath.FirstYear"/> on.</param>
public sealed record SweepPoint(string Key, LeverPath Value)
{
    /// <summary>A single number from <see cref="Levers.FirstLeverYear"/> on.</summary>
    public SweepPoint(string key, double value) : this(key, new LeverPath(Levers.FirstLeverYear, [value])) { }

    /// <summary>The value as text: the number, or "2026: 0.05, 2036: 0.04, …" for a path (each year its value changes).</summary>
    internal string ValueText
    {
        get
        {
            if (Value.Values.Count == 1) return Value.Values[0].ToString("R", CultureInfo.InvariantCulture);
            var parts = new List<string>();
            for (int i = 0; i < Value.Values.Count; i++)
            {
                if (i == 0 || Value.Values[i] != Value.Values[i - 1])
                {
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Value.FirstYear + i}: {Value.Values[i]:R}"));
                }
            }
            return string.Join(", ", parts);
        }
    }
}

/// <summary>The measures a sweep reads from each run: the national fund's first year of current deficit (with subsidies),
/// its depletion year and the actuarial balance over the valuation period (75 years, or the horizon if shorter).</summary>
/// <param name="FirstCurrentDeficitYear">First year spending exceeds revenue including subsidies, or null within the horizon.</param>
/// <param name="DepletionYear">First year the national closing balance is negative, or null within the horizon.</param>
/// <param name="ActuarialBalanceShareOfWageBill">Actuarial balance without subsidies, share of the covered wage bill
/// (<see cref="Funds.FundProjection.ActuarialBalance(Dimensions.Region, int, bool)"/>); null when nobody is covered.</param>
/// <param name="ValuationYears">Years of the valuation period.</param>
/// <param name="LastYear">Last projected year (a null year above means "none by this year").</param>
internal sealed record SweepMeasures(int? FirstCurrentDeficitYear, int? DepletionYear, double? ActuarialBalanceShareOfWageBill, int ValuationYears, int LastYear)
{
    /// <summary>The measures of a projection.</summary>
    internal static SweepMeasures Of(PensionProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var s = projection.Summary();
        var funds = projection.Funds;
        int years = Math.Min(75, funds.LastYear - funds.FirstYear);
        bool anyWageBill = funds.YearTable().Any(r => r.RegionCode == 0 && r.Year < funds.FirstYear + years && r.CoveredWageBill > 0);
        double? balance = anyWageBill ? funds.ActuarialBalance(0, years).ActuarialBalance : null;
        return new SweepMeasures(s.FirstCurrentDeficitYear, s.DepletionYear, balance, years, s.LastYear);
    }
}

/// <summary>One run of a sweep: the lever, its value, how it was applied and the measures.</summary>
/// <param name="Key">Scenario-file key; empty for the base scenario.</param>
/// <param name="Value">The value as text (<see cref="SweepPoint.ValueText"/>); empty for the base scenario.</param>
/// <param name="Route">"typed lever" (<see cref="PensionScenario.With(Lever, LeverPath)"/>), "scenario file" (the key set in the file) or "base".</param>
/// <param name="Measures">The run's measures.</param>
internal sealed record SweepRow(string Key, string Value, string Route, SweepMeasures Measures);

/// <summary>One lever of a tornado: the base, low-cost and high-cost runs.</summary>
/// <param name="Key">Scenario-file key.</param>
/// <param name="Label">What the lever is, for a chart.</param>
/// <param name="Low">The low-cost run (its value in <see cref="SweepRow.Value"/>).</param>
/// <param name="High">The high-cost run.</param>
/// <param name="Source">Where the low and high values come from.</param>
internal sealed record TornadoRow(string Key, string Label, SweepRow Low, SweepRow High, string Source);

/// <summary>A lever of the standard tornado with its low-cost and high-cost values and their source.</summary>
/// <param name="Key">Scenario-file key.</param>
/// <param name="Label">Short description for a chart.</param>
/// <param name="LowCost">The favourable value.</param>
/// <param name="HighCost">The unfavourable value.</param>
/// <param name="Source">Where the two values come from.</param>
internal sealed record SweepLever(string Key, string Label, LeverPath LowCost, LeverPath HighCost, string Source);

/// <summary>
/// The result of a sweep: the base run and one run per (lever, value), in the order asked, and the tornado of the
/// levers that have both a low-cost and a high-cost run. Immutable; read as tidy tables (<see cref="Table"/>,
/// <see cref="TornadoTable"/>).
/// </summary>
public sealed record SweepResult
{
    /// <summary>A result from its runs.</summary>
    /// <param name="scenario">Base scenario name.</param>
    /// <param name="baseRun">The base run.</param>
    /// <param name="rows">The runs, in the order of the sweep's points.</param>
    /// <param name="tornado">The tornado (empty unless the sweep is a tornado).</param>
    internal SweepResult(string scenario, SweepRow baseRun, IReadOnlyList<SweepRow> rows, IReadOnlyList<TornadoRow> tornado)
    {
        Scenario = scenario;
        Base = baseRun;
        Rows = rows;
        Tornado = tornado;
    }

    /// <summary>Base scenario name.</summary>
    public string Scenario { get; }

    /// <summary>The base run.</summary>
    internal SweepRow Base { get; }

    /// <summary>The runs, in the order of the sweep's points.</summary>
    internal IReadOnlyList<SweepRow> Rows { get; }

    /// <summary>The tornado (empty unless the sweep is a tornado, <see cref="ScenarioSweep.Tornado(Action{int, int}?)"/>).</summary>
    internal IReadOnlyList<TornadoRow> Tornado { get; init; }

    /// <summary>The runs as a flat table (the base first), for CSV.</summary>
    public IReadOnlyList<SweepTableRow> Table() => new[] { Base }.Concat(Rows).Select(r => new SweepTableRow(Scenario, r.Key, r.Value, r.Route,
        r.Measures.FirstCurrentDeficitYear, r.Measures.DepletionYear, r.Measures.ActuarialBalanceShareOfWageBill * 100, r.Measures.ValuationYears, r.Measures.LastYear)).ToArray();

    /// <summary>The tornado as a flat table, for CSV: per lever, the base, low-cost and high-cost measures.</summary>
    public IReadOnlyList<TornadoTableRow> TornadoTable() => Tornado.Select(t => new TornadoTableRow(t.Key, t.Label, t.Low.Value, t.High.Value,
        Base.Measures.FirstCurrentDeficitYear, t.Low.Measures.FirstCurrentDeficitYear, t.High.Measures.FirstCurrentDeficitYear,
        Base.Measures.DepletionYear, t.Low.Measures.DepletionYear, t.High.Measures.DepletionYear,
        Base.Measures.ActuarialBalanceShareOfWageBill * 100, t.Low.Measures.ActuarialBalanceShareOfWageBill * 100, t.High.Measures.ActuarialBalanceShareOfWageBill * 100,
        Base.Measures.LastYear, t.Source)).ToArray();
}

/// <summary>One run of a sweep, flat (a missing year: none within the horizon, <see cref="LastYear"/>).</summary>
/// <param name="Scenario">Base scenario.</param>
/// <param name="Lever">Scenario-file key (empty for the base).</param>
/// <param name="Value">Its value.</param>
/// <param name="Route">How the value was applied.</param>
/// <param name="FirstCurrentDeficitYear">First year of national current deficit with subsidies.</param>
/// <param name="DepletionYear">National depletion year.</param>
/// <param name="ActuarialBalancePercentOfWageBill">Actuarial balance, % of the covered wage bill.</param>
/// <param name="ValuationYears">Valuation period of the balance, years.</param>
/// <param name="LastYear">Last projected year.</param>
[CsvHelper.CsvRecord]
public sealed partial record SweepTableRow(string Scenario, string Lever, string Value, string Route, int? FirstCurrentDeficitYear, int? DepletionYear,
    double? ActuarialBalancePercentOfWageBill, int ValuationYears, int LastYear);

/// <summary>One lever of a tornado, flat.</summary>
/// <param name="Lever">Scenario-file key.</param>
/// <param name="Label">What it is.</param>
/// <param name="LowCostValue">Favourable value.</param>
/// <param name="HighCostValue">Unfavourable value.</param>
/// <param name="BaseFirstDeficitYear">First year of current deficit, base.</param>
/// <param name="LowCostFirstDeficitYear">… at the low-cost value.</param>
/// <param name="HighCostFirstDeficitYear">… at the high-cost value.</param>
/// <param name="BaseDepletionYear">Depletion year, base.</param>
/// <param name="LowCostDepletionYear">… low cost.</param>
/// <param name="HighCostDepletionYear">… high cost.</param>
/// <param name="BaseActuarialBalancePercent">Actuarial balance, % of the covered wage bill, base.</param>
/// <param name="LowCostActuarialBalancePercent">… low cost.</param>
/// <param name="HighCostActuarialBalancePercent">… high cost.</param>
/// <param name="LastYear">Last projected year (an empty year: none by then).</param>
/// <param name="Source">Where the values come from.</param>
[CsvHelper.CsvRecord]
public sealed partial record TornadoTableRow(string Lever, string Label, string LowCostValue, string HighCostValue,
    int? BaseFirstDeficitYear, int? LowCostFirstDeficitYear, int? HighCostFirstDeficitYear,
    int? BaseDepletionYear, int? LowCostDepletionYear, int? HighCostDepletionYear,
    double? BaseActuarialBalancePercent, double? LowCostActuarialBalancePercent, double? HighCostActuarialBalancePercent, int LastYear, string Source);

/// <summary>
/// One lever at a time (the sensitivity tables of the SSA Trustees' report): the base scenario file with one lever moved
/// to each value, each run separately. A lever of the typed catalogue (<see cref="Levers.FindTyped"/>) is applied with
/// <see cref="PensionScenario.With(Lever, LeverPath)"/> on the file's scenario; any other key (the rule choices and
/// switches, the pooling periods) by setting the key in the file's JSON and reading the file
/// again, so it is checked as a scenario file is. Runs share a demographic projection when their demography is equal.
/// </summary>
public sealed class ScenarioSweep
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly string _json;

    /// <summary>A sweep around the scenario file with text <paramref name="json"/>.</summary>
    /// <param name="json">The base scenario file's text.</param>
    /// <param name="source">Its name in messages (the path).</param>
    /// <exception cref="ScenarioFileException">The base file is not valid.</exception>
    internal ScenarioSweep(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        _json = json;
        Source = source;
        File = ScenarioFile.Parse(json, source, Path.GetFileNameWithoutExtension(source));
        Scenario = File.ToScenario();
    }

    /// <summary>A sweep around a scenario file on disk.</summary>
    public static ScenarioSweep Load(string path)
    {
        ScenarioFile.Load(path); // the file's own errors first, with the reader's messages
        return new ScenarioSweep(System.IO.File.ReadAllText(path), path);
    }

    /// <summary>The base file's name in messages.</summary>
    internal string Source { get; }

    /// <summary>The base file.</summary>
    internal ScenarioFile File { get; }

    /// <summary>The base scenario.</summary>
    internal PensionScenario Scenario { get; }

    /// <summary>The base file's text (what a cluster node needs to rebuild the sweep).</summary>
    internal string Json => _json;

    /// <summary>
    /// The standard tornado: each lever with a low-cost and a high-cost value taken from the alternative scenarios
    /// (samples/scenarios/alternative-low-cost.json and alternative-high-cost.json) where they set the lever, or named
    /// as assumptions. Their keys are those of docs/scenario-file.md.
    /// </summary>
    internal static IReadOnlyList<SweepLever> StandardLevers { get; } =
    [
        new("demography.fertility.tfr_offset", "Total fertility rate, children per woman (offset)", Number(0.3), Number(-0.2),
            "alternative-low-cost / alternative-high-cost samples (+0.3 / −0.2)"),
        new("demography.mortality.e0_gain_scale", "Life expectancy gains after 2024, times WPP 2024 medium", Number(0.5), Number(1.5),
            "alternative-low-cost / alternative-high-cost samples (0.5 / 1.5)"),
        new("economy.real_wage_growth", "Real wage growth path", Steps((2026, 0.05), (2036, 0.04), (2051, 0.03), (2071, 0.02)),
            Steps((2026, 0.04), (2036, 0.025), (2051, 0.015), (2071, 0.01)),
            "alternative-low-cost / alternative-high-cost samples (2026–2035, 2036–2050, 2051–2070, 2071 on)"),
        new("economy.real_return_entrusted", "Real return on entrusted funds", Number(0.04), Number(0.02),
            "alternative-low-cost / alternative-high-cost samples (4% / 2%)"),
        new("labour.coverage_pace", "Uncovered workers joining, share per year", Number(0.185), Number(0),
            "alternative-low-cost (the 2021–2024 trend fit) / alternative-high-cost (no more join)"),
        new("scheme.indexation.share", "Pension increases, share of real wage growth", Number(0.36), Number(0.60),
            "assumption: ±1 σ of the Monte Carlo's indexation share (0.36–0.60; PensionMonteCarlo.IndexationShareShock, from the 2016–2023 increases)"),
        new("scheme.contributions.employer_rate", "Employer contribution rate", Number(0.20), Number(0.14),
            "assumption: 20% is the rate before the 2019 cut (contribution-cut-undone sample); 14% is the same 2-point step below the current 16%"),
    ];

    private static LeverPath Number(double value) => new(Levers.FirstLeverYear, [value]);

    private static LeverPath Steps(params (int From, double Value)[] steps)
    {
        var values = new List<double>();
        for (int year = steps[0].From, i = 0; year <= steps[^1].From; year++)
        {
            if (i + 1 < steps.Length && year >= steps[i + 1].From) i++;
            values.Add(steps[i].Value);
        }
        return new LeverPath(steps[0].From, values);
    }

    /// <summary>The points of a tornado over <paramref name="levers"/>: each lever's low-cost value, then its high-cost value.</summary>
    internal static IReadOnlyList<SweepPoint> TornadoPoints(IReadOnlyList<SweepLever> levers) =>
        levers.SelectMany(l => new[] { new SweepPoint(l.Key, l.LowCost), new SweepPoint(l.Key, l.HighCost) }).ToArray();

    /// <summary>The scenario with the lever of <paramref name="point"/> moved, and the route it took.</summary>
    /// <exception cref="ScenarioFileException">The key is not a lever of the scenario file, the value is out of range, or the rules in force do not use the lever.</exception>
    internal (PensionScenario Scenario, string Route) Apply(SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        string name = $"{File.Name} {point.Key}={point.ValueText}";
        if (Levers.FindTyped(point.Key) is { } lever)
        {
            try
            {
                return (Scenario.With(lever, point.Value) with { Name = name }, "typed lever");
            }
            catch (ArgumentException e)
            {
                throw new ScenarioFileException([new ScenarioFileError(Source, "$." + point.Key, point.Key, point.ValueText, e.Message)]);
            }
        }
        if (Levers.All.All(s => s.Key != point.Key))
        {
            string? suggestion = ScenarioFile.Suggest(point.Key, Levers.All.Select(s => s.Key));
            throw new ScenarioFileException([new ScenarioFileError(Source, "$." + point.Key, point.Key, point.ValueText,
                "a lever of the scenario file (docs/scenario-file.md)" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"))]);
        }
        if (point.Value.Values.Count != 1)
        {
            throw new ScenarioFileException([new ScenarioFileError(Source, "$." + point.Key, point.Key, point.ValueText, "a single number (this lever is set through the scenario file)")]);
        }
        var root = JsonNode.Parse(_json, documentOptions: ReadOptions)!.AsObject();
        var parts = point.Key.Split('.');
        var node = root;
        foreach (string part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }
            node = child;
        }
        node[parts[^1]] = point.Value.Values[0];
        var file = ScenarioFile.Parse(root.ToJsonString(), Source, File.Name);
        return (file.ToScenario() with { Name = name }, "scenario file");
    }

    /// <summary>Runs one point.</summary>
    internal SweepRow Evaluate(SweepPoint point, ScenarioFileRunner? runner = null)
    {
        var (scenario, route) = Apply(point);
        var projection = (runner ?? new ScenarioFileRunner()).Run(scenario);
        ProjectionChecks.RequireFinite(projection, Source);
        return new SweepRow(point.Key, point.ValueText, route, SweepMeasures.Of(projection));
    }

    /// <summary>The base run.</summary>
    internal SweepRow EvaluateBase(ScenarioFileRunner? runner = null)
    {
        var projection = (runner ?? new ScenarioFileRunner()).Run(Scenario);
        ProjectionChecks.RequireFinite(projection, Source);
        return new SweepRow("", "", "base", SweepMeasures.Of(projection));
    }

    /// <summary>Checks every point before anything runs, so that a bad value fails in a second, not after an hour.</summary>
    internal void Check(IReadOnlyList<SweepPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var errors = new List<ScenarioFileError>();
        foreach (var p in points)
        {
            try
            {
                Apply(p);
            }
            catch (ScenarioFileException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new ScenarioFileException(errors);
    }

    /// <summary>Runs the base and every point in order; <paramref name="progress"/> hears after each run (runs done, runs in all).</summary>
    public SweepResult Run(IReadOnlyList<SweepPoint> points, Action<int, int>? progress = null) => Run(points, progress, null);

    /// <summary>As <see cref="Run(IReadOnlyList{SweepPoint}, Action{int, int}?)"/>, sharing the demographic projections of <paramref name="runner"/>.</summary>
    internal SweepResult Run(IReadOnlyList<SweepPoint> points, Action<int, int>? progress, ScenarioFileRunner? runner)
    {
        Check(points);
        runner ??= new ScenarioFileRunner();
        var baseRow = EvaluateBase(runner);
        progress?.Invoke(1, points.Count + 1);
        var rows = new List<SweepRow>();
        foreach (var p in points)
        {
            rows.Add(Evaluate(p, runner));
            progress?.Invoke(rows.Count + 1, points.Count + 1);
        }
        return new SweepResult(File.Name, baseRow, rows, []);
    }

    /// <summary>The tornado of the standard levers (each one's low-cost and high-cost values from the alternative
    /// scenarios, or named as assumptions; docs/sweep.md): the base run, a run at each value, and for each lever its
    /// low-cost and high-cost rows (<see cref="SweepResult.TornadoTable"/>). Levers the base file's rules do not use are
    /// refused (as a sweep refuses them).</summary>
    public SweepResult Tornado(Action<int, int>? progress = null) => Tornado(StandardLevers, progress);

    /// <summary>The tornado of <paramref name="levers"/> (see <see cref="Tornado(Action{int, int}?)"/>).</summary>
    internal SweepResult Tornado(IReadOnlyList<SweepLever>? levers, Action<int, int>? progress = null, ScenarioFileRunner? runner = null)
    {
        levers ??= StandardLevers;
        var result = Run(TornadoPoints(levers), progress, runner);
        return WithTornado(result, levers);
    }

    /// <summary>Adds the tornado rows to a result whose rows are <see cref="TornadoPoints"/> of <paramref name="levers"/> in order.</summary>
    internal static SweepResult WithTornado(SweepResult result, IReadOnlyList<SweepLever> levers)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(levers);
        if (result.Rows.Count != 2 * levers.Count) throw new ArgumentException("the rows are not the tornado points of these levers", nameof(result));
        var tornado = levers.Select((l, i) => new TornadoRow(l.Key, l.Label, result.Rows[2 * i], result.Rows[2 * i + 1], l.Source)).ToArray();
        return result with { Tornado = tornado };
    }
}
