using Actuarial.China;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Actuarial.Scenarios;

namespace Actuarial.Cli;

/// <summary>
/// The documentation of scenario files (<c>docs/scenario-file.md</c>) and their JSON Schema
/// (<c>docs/scenario-file.schema.json</c>), generated from the lever catalogue (<see cref="Levers.All"/>) so they cannot
/// drift from what the parser accepts. Regenerate with <c>actuarial docs --out docs</c>; a test checks the committed
/// files equal the generated text.
/// </summary>
internal static class ScenarioFileDocs
{
    /// <summary>File name of the Markdown documentation.</summary>
    internal const string MarkdownFile = "scenario-file.md";

    /// <summary>File name of the JSON Schema.</summary>
    internal const string SchemaFile = "scenario-file.schema.json";

    /// <summary>The Markdown documentation (LF line ends).</summary>
    internal static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("""
            # Scenario files

            <!-- Generated from the lever catalogue (src/Actuarial/Scenarios/Levers.cs) by `actuarial docs --out docs`. Do not edit: a test compares this file with the generated text. -->

            A scenario is the China defaults — current law: the 2025 retirement reform, national pooling, the published
            parameters, WPP 2024 medium demography, the calibrated labour market — plus the overrides a scenario file gives.
            A file sets only what it changes; every key below is optional.

            ```jsonc
            {
              // What if pensions rose by 60% of wage growth instead of a fixed 2%?
              "description": "What if pensions were indexed at 60% of nominal wage growth?",
              "scheme": {
                "indexation": { "rule": "wage_share", "share": 0.6 },
              },
              "labour": {
                "uncovered_workers_joining": { "2025-2029": 0.1, "2030": 0.3 },  // a path over years
              },
            }
            ```

            Run it with `actuarial run my-scenario.json --out results` (see the command's `--help`).

            ## Format

            JSON, read with System.Text.Json. JSON rather than TOML because every editor, language and CI tool reads and
            checks it (and the schema below gives editors completion and checks as you type), the library needs no extra
            package for it, and the two things people miss in JSON are allowed: `//` and `/* */` comments, and trailing
            commas. Duplicate keys are an error. Editors that read JSON Schema check a file as you type when it starts with
            `"$schema": "../../docs/scenario-file.schema.json"` (the path to `docs/scenario-file.schema.json`, generated from
            the same catalogue); actuarial ignores that key.

            - **Numbers** are plain decimals: shares and rates as fractions (`0.16`, not `16%`).
            """);
        sb.Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"""
            - **Paths over years.** A key of type *path* takes a single number — applied from {Levers.FirstLeverYear}, the
              first year of the fund ledgers, to the horizon — or an object whose keys are years (`"2030"`) or ranges of
              years (`"2030-2039"`) and whose values are numbers. The years must follow each other without gaps (a gap is an
              error naming the missing years); years before the first keep the default (the published data and estimates);
              the last value holds to the horizon. Years run from {Levers.FirstLeverYear} to the horizon.
            - **Errors.** An unknown key, a value out of range, a path with a gap, two keys that exclude each other, or a
              lever the rules in force do not use (an indexation share when the rule is fixed, a central adjustment ratio in
              a period of national pooling, a retirement target without the reform, a reserve parameter without the
              reserve) is an error naming the file, the JSON path, the value and what would be valid; a misspelt key gets a
              suggestion (the known key within two edits). Every error in the file is reported at once.
            """);
        sb.Append("""


            ## In code

            Every key the table below names under *in code* is a typed lever (`Levers.Typed`): the same definition moves a
            scenario from a file and from code, so `ChinaDefaults.PensionScenario().With(Levers.EmployerRate, 0.14)` is the
            scenario of a file holding `"scheme": { "contributions": { "employer_rate": 0.14 } }` (every province's rate,
            provincial schedules included), and `With(lever, new LeverPath(2030, [0.18, 0.20]))` is a path. A value out of
            range, or a lever the rules in force do not use, is refused on both routes. Goal-seeking takes any of them:
            `new PensionGoalSeeker(scenario).Solve(Levers.EmployerRate, new SolvencyTarget(2070), 0.10, 0.40, 1e-4)`, and the
            Monte Carlo shocks name the levers they move (`PensionMonteCarlo.ShockedLevers`).
            """);
        sb.Append("\n\n## Keys\n\n");
        foreach (var group in Levers.All.GroupBy(s => s.Key.Contains('.', StringComparison.Ordinal) ? s.Key.Split('.')[0] : ""))
        {
            sb.Append(group.Key.Length == 0 ? "### Top level\n\n" : $"### `{group.Key}`\n\n");
            sb.Append("| key | type | unit | valid | default | used when | in code | description |\n|---|---|---|---|---|---|---|---|\n");
            foreach (var s in group)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"| `{s.Key}` | {Type(s)} | {s.Unit} | {Valid(s)} | {Escape(s.Default)} | {Escape(s.UsedWhen)} | {(Levers.CodeName(s.Key) is { } code ? $"`{code}`" : "")} | {Escape(s.Description)} |\n");
            }
            sb.Append('\n');
        }
        sb.Append("""
            ## Pooling periods

            `funds.pooling` replaces the pooling rule from 2025 on (the history — provincial pooling to 2017, the central
            adjustment 2018–2021, national pooling from 2022 — is kept before 2025):

            ```json
            "pooling": [
              { "from": 2025, "to": 2029, "rule": "central_adjustment", "ratio": 0.045 },
              { "from": 2030, "rule": "national", "pool_share_of_gaps": 0.8 }
            ]
            ```

            ## The `actuarial` command

            ```
            actuarial run <scenario.json> [--out DIR]
            actuarial compare <a.json> <b.json> [more.json ...] [--out DIR]
            actuarial verify <scenario.json> --golden <table.csv> [--update] [--all]
            actuarial docs --out DIR
            ```

            From the repository: `dotnet run --project src/Actuarial.Cli -c Release -- run samples/scenarios/baseline.json`
            (the build also leaves an `actuarial` executable next to `Actuarial.Cli.dll`). `run` prints the summary (first
            deficit year with and without subsidies, depletion year, peak balance and its year, dependency ratios in 2030,
            2050 and 2100, the provinces in deficit and those whose funds run out); with `--out DIR` it writes tidy CSV tables
            (funds by year and province, fund summary, scheme by year, demographic summary, key measures, the reserve) and PNG
            charts (national balance, provincial balances, net transfers between provinces in 2030 and 2050, population
            pyramids for 2020, 2050 and 2100, dependency ratios) into DIR and nowhere else. `compare` prints the summaries
            side by side and writes the comparison and difference charts. Progress goes to standard error, one line per
            stage. Exit codes: 0 success, 1 a verified measure moved beyond its tolerance, 2 a bad command line, 3 a bad
            scenario file or golden table, 4 an output folder that cannot be written.

            The samples in `samples/scenarios/` each answer one question (their `description`); their golden tables are in
            `samples/golden/`.

            ## Golden tables and `actuarial verify`

            `actuarial verify scenario.json --golden table.csv` reruns the scenario and compares its key measures (first
            deficit years, depletion year, peak balance and its year, national balances and dependency ratios at 2030, 2040,
            2050, 2070 and 2100, each province's depletion year and net transfers received) with the golden table, a tidy CSV
            with the columns `Scenario,Measure,Region,Year,Value,Tolerance`. Each measure passes when |current − golden| ≤ its
            tolerance (defaults: 0 for years, 0.01% of the value for yuan, 0.0001 for ratios; edit the column to widen or
            tighten one). The command prints a table of what moved and by how much and exits with 1 when a measure moved
            beyond its tolerance, appeared or disappeared.

            To accept a change on purpose, rerun with `--update`: the golden table is rewritten with the current values,
            keeping the tolerances already in it; commit it with a note on why the measures moved.

            """);
        return sb.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>A JSON Schema (draft 2020-12) of scenario files, for editors.</summary>
    internal static string JsonSchema()
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Actuarial scenario file",
            ["description"] = "The China defaults (current law) plus overrides; generated from the lever catalogue. Comments and trailing commas are accepted by actuarial but not by every validator.",
            ["type"] = "object",
            ["additionalProperties"] = false,
        };
        var rootProperties = new JsonObject { ["$schema"] = new JsonObject { ["type"] = "string", ["description"] = "Path or URL of this schema, for editors; ignored by actuarial." } };
        root["properties"] = rootProperties;
        foreach (var spec in Levers.All.Where(s => !s.Key.Contains("[]", StringComparison.Ordinal)))
        {
            var parts = spec.Key.Split('.');
            var properties = rootProperties;
            for (int i = 0; i < parts.Length - 1; i++)
            {
                if (properties[parts[i]] is not JsonObject section)
                {
                    section = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = new JsonObject() };
                    properties[parts[i]] = section;
                }
                properties = (JsonObject)section["properties"]!;
            }
            properties[parts[^1]] = Schema(spec);
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Schema(LeverSpec spec)
    {
        var description = $"{spec.Description} Unit: {(spec.Unit.Length > 0 ? spec.Unit : "none")}. Default: {spec.Default}."
            + (spec.UsedWhen.Length > 0 ? $" Used when {spec.UsedWhen}." : "");
        JsonObject Range(string type) => new() { ["type"] = type, ["minimum"] = spec.Minimum, ["maximum"] = spec.Maximum };
        var node = spec.Kind switch
        {
            LeverKind.Number => Range("number"),
            LeverKind.Integer => Range("integer"),
            LeverKind.Boolean => new JsonObject { ["type"] = "boolean" },
            LeverKind.Text => new JsonObject { ["type"] = "string" },
            LeverKind.Choice => new JsonObject { ["enum"] = new JsonArray((spec.Choices ?? []).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()) },
            LeverKind.Path => new JsonObject
            {
                ["oneOf"] = new JsonArray(Range("number"), new JsonObject
                {
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["pattern"] = "^[0-9]{4}(-[0-9]{4})?$" },
                    ["additionalProperties"] = Range("number"),
                    ["minProperties"] = 1,
                }),
            },
            _ => PoolingSchema(),
        };
        node["description"] = description;
        return node;
    }

    private static JsonObject PoolingSchema()
    {
        var properties = new JsonObject();
        foreach (var spec in Levers.All.Where(s => s.Key.StartsWith("funds.pooling[].", StringComparison.Ordinal))) properties[spec.Name] = Schema(spec);
        return new JsonObject
        {
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("from", "rule"), ["additionalProperties"] = false, ["properties"] = properties },
        };
    }

    private static string Type(LeverSpec s) => s.Kind switch
    {
        LeverKind.Path => "number or path",
        LeverKind.List => "list of periods",
        _ => s.Kind.ToString().ToLowerInvariant(),
    };

    private static string Valid(LeverSpec s) => s.Kind switch
    {
        LeverKind.Number or LeverKind.Integer or LeverKind.Path => $"{LeverSpec.Show(s.Minimum)} … {LeverSpec.Show(s.Maximum)}",
        LeverKind.Choice => string.Join(", ", (s.Choices ?? []).Select(c => $"`{c}`")),
        LeverKind.Boolean => "`true`, `false`",
        _ => "",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Writes both files to a folder (created if needed), each whole or not at all, and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var markdown = Path.Combine(folder, MarkdownFile);
        var schema = Path.Combine(folder, SchemaFile);
        // Each file whole or not at all: an interrupted write leaves the previous docs, never a truncated file.
        string markdownText = Markdown(), schemaText = JsonSchema();
        IO.AtomicFile.Default.Replace(markdown, temp => File.WriteAllText(temp, markdownText, new UTF8Encoding(false)));
        IO.AtomicFile.Default.Replace(schema, temp => File.WriteAllText(temp, schemaText, new UTF8Encoding(false)));
        return [markdown, schema];
    }
}
