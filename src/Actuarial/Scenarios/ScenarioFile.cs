using Actuarial.China;
using System.Globalization;
using System.Text.Json;

namespace Actuarial.Scenarios;

/// <summary>
/// A lever's path over years as a scenario file gives it: a value for each year from <see cref="FirstYear"/> to
/// <see cref="LastYear"/> (no gaps); the last value holds to the horizon. A single number in the file is the path
/// starting in <see cref="Levers.FirstLeverYear"/>.
/// </summary>
/// <param name="FirstYear">First year given.</param>
/// <param name="Values">One value per year from <paramref name="FirstYear"/>.</param>
public sealed record LeverPath(int FirstYear, IReadOnlyList<double> Values)
{
    /// <summary>Last year given.</summary>
    public int LastYear => FirstYear + Values.Count - 1;

    /// <summary>The value of a year at or after <see cref="FirstYear"/> (after <see cref="LastYear"/>: the last value).</summary>
    public double At(int year)
    {
        if (year < FirstYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"the path starts in {FirstYear}");
        return Values[Math.Min(year, LastYear) - FirstYear];
    }

    /// <summary>True when the path sets <paramref name="year"/> (it starts by then).</summary>
    public bool Sets(int year) => year >= FirstYear;
}

/// <summary>One pooling period of a scenario file.</summary>
/// <param name="FirstYear">First year.</param>
/// <param name="LastYear">Last year.</param>
/// <param name="Rule">provincial, central_adjustment or national.</param>
/// <param name="Ratio">Central adjustment ratio, if given.</param>
/// <param name="WageBaseShare">Central adjustment wage base share, if given.</param>
/// <param name="PoolShareOfGaps">National pooling share of gaps, if given.</param>
/// <param name="MaxLevyOnSurplus">National pooling levy cap, if given.</param>
/// <param name="CountSubsidies">National pooling: count subsidies, if given.</param>
internal sealed record PoolingPeriodSpec(int FirstYear, int LastYear, string Rule, double? Ratio = null, double? WageBaseShare = null,
    double? PoolShareOfGaps = null, double? MaxLevyOnSurplus = null, bool? CountSubsidies = null);

/// <summary>
/// A scenario file: JSON (comments and trailing commas allowed) holding the overrides of the China defaults, each key
/// one of the lever catalogue (<see cref="Levers.All"/>). <see cref="Load"/> or <see cref="Parse"/> read and validate
/// it, reporting every problem at once in a <see cref="ScenarioFileException"/>; <see cref="ToScenario"/> maps it
/// onto a <see cref="PensionScenario"/>.
/// </summary>
public sealed partial class ScenarioFile
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    private readonly Dictionary<string, object> _values;

    /// <summary>Longest scenario name accepted (it titles charts and names files).</summary>
    internal const int MaxNameLength = 100;

    /// <summary>Longest description accepted.</summary>
    internal const int MaxTextLength = 1000;

    private ScenarioFile(string source, string name, string? description, int horizon, Dictionary<string, object> values, IReadOnlyList<PoolingPeriodSpec>? pooling)
    {
        Source = source;
        Name = name;
        Description = description;
        Horizon = horizon;
        _values = values;
        Pooling = pooling;
    }

    /// <summary>The JSON text the file was parsed from (kept for the run manifest, which must be able to rerun it).</summary>
    internal string Json { get; private init; } = "";

    /// <summary>The name given to <see cref="Parse"/> for a file without one.</summary>
    internal string? GivenDefaultName { get; private init; }

    /// <summary>The file as the user named it (used in messages).</summary>
    public string Source { get; }

    /// <summary>The scenario's name.</summary>
    public string Name { get; }

    /// <summary>The sentence on the question the scenario answers, if given.</summary>
    public string? Description { get; }

    /// <summary>Last projected year.</summary>
    internal int Horizon { get; }

    /// <summary>The pooling periods given, or null for the default (national pooling).</summary>
    internal IReadOnlyList<PoolingPeriodSpec>? Pooling { get; }

    /// <summary>The keys the file sets (catalogue keys), in catalogue order.</summary>
    public IReadOnlyList<string> Keys => Levers.All.Where(s => _values.ContainsKey(s.Key)).Select(s => s.Key).ToArray();

    /// <summary>Reads and validates a scenario file.</summary>
    /// <exception cref="ScenarioFileException">The file is missing, not JSON, or has unknown keys, values out of range, gaps or levers the active rules do not use.</exception>
    public static ScenarioFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = IO.InputFiles.ReadAllText(path, IO.InputFiles.MaxScenarioBytes, "a scenario file");
        }
        catch (InputDataException e)
        {
            throw new ScenarioFileException([new ScenarioFileError(path, "$", null, null, e.ValidRange)]);
        }
        return Parse(text, path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses and validates the text of a scenario file.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Name used in messages (the file path).</param>
    /// <param name="defaultName">Name of the scenario when the file gives none.</param>
    /// <exception cref="ScenarioFileException">See <see cref="Load"/>.</exception>
    public static ScenarioFile Parse(string json, string source, string? defaultName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {l + 1}, position {e.BytePositionInLine + 1}" : "$";
            throw new ScenarioFileException([new ScenarioFileError(source, line, null, null, "valid JSON (" + FirstSentence(e.Message) + ")")]);
        }
        using (document)
        {
            var reader = new Reader(source);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reader.Error("$", null, Show(root), "a JSON object { … } at the top of the file");
                throw new ScenarioFileException(reader.Errors);
            }
            reader.Horizon = PeekHorizon(root);
            reader.ReadObject(root, "", "$");
            reader.CheckRules();
            if (reader.Errors.Count > 0) throw new ScenarioFileException(reader.Errors);
            var values = reader.Values;
            string name = values.TryGetValue("name", out var n) ? (string)n : DefaultName(defaultName);
            string? description = values.TryGetValue("description", out var d) ? (string)d : null;
            return new ScenarioFile(source, name, description, reader.Horizon, values, reader.Pooling) { Json = json, GivenDefaultName = defaultName };
        }
    }

    /// <summary>True when the file sets the key.</summary>
    internal bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The number a key holds, if set.</summary>
    internal double? Number(string key) => _values.TryGetValue(key, out var v) ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    /// <summary>The whole number a key holds, if set.</summary>
    internal int? Integer(string key) => _values.TryGetValue(key, out var v) ? (int)v : null;

    /// <summary>The path a key holds, if set (a single number is a path from <see cref="Levers.FirstLeverYear"/>).</summary>
    internal LeverPath? PathOf(string key) => _values.TryGetValue(key, out var v) ? (LeverPath)v : null;

    /// <summary>The true/false a key holds, if set.</summary>
    internal bool? Boolean(string key) => _values.TryGetValue(key, out var v) ? (bool)v : null;

    /// <summary>The word or text a key holds, if set.</summary>
    internal string? Text(string key) => _values.TryGetValue(key, out var v) ? (string)v : null;

    /// <summary>The name a file without "name" gets: its file name, control characters shown as \uXXXX, at most <see cref="MaxNameLength"/> characters.</summary>
    private static string DefaultName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return "scenario";
        string shown = SafeText.Show(fileName);
        return shown.Length > MaxNameLength ? shown[..MaxNameLength] : shown;
    }

    private static int PeekHorizon(JsonElement root)
    {
        if (root.TryGetProperty("horizon", out var h) && h.ValueKind == JsonValueKind.Number && h.TryGetInt32(out int year)
            && year >= Levers.MinimumHorizon && year <= ChinaDefaults.EndYear)
        {
            return year;
        }
        return ChinaDefaults.EndYear;
    }

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }

    internal static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => "[…]",
        _ => e.GetRawText(),
    };

    /// <summary>Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and transpositions of adjacent characters.</summary>
    internal static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>The candidate closest to <paramref name="word"/> within an edit distance of 2 (case-insensitive), or null.</summary>
    internal static string? Suggest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        string lower = word.ToLowerInvariant();
        return candidates.Distinct().Select(c => (c, d: EditDistance(lower, c.ToLowerInvariant()))).Where(p => p.d <= 2)
            .OrderBy(p => p.d).ThenBy(p => p.c, StringComparer.Ordinal).Select(p => p.c).FirstOrDefault();
    }

    /// <summary>Walks the JSON, checks each value against the catalogue and collects the errors.</summary>
    private sealed class Reader(string source)
    {
        public List<ScenarioFileError> Errors { get; } = [];
        public Dictionary<string, object> Values { get; } = [];
        public Dictionary<string, string> JsonPaths { get; } = [];
        public List<PoolingPeriodSpec>? Pooling { get; private set; }
        public int Horizon { get; set; } = ChinaDefaults.EndYear;

        public void Error(string jsonPath, string? key, string? value, string expected, string? suggestion = null) =>
            Errors.Add(new ScenarioFileError(source, jsonPath, key, value, expected, suggestion));

        public void ReadObject(JsonElement obj, string section, string jsonPath)
        {
            var childNames = Levers.All.Where(s => !s.Key.Contains("[]", StringComparison.Ordinal))
                .Select(s => ChildOf(s.Key, section)).OfType<string>().Distinct().ToArray();
            foreach (var property in obj.EnumerateObject())
            {
                if (section.Length == 0 && property.Name == "$schema") continue; // for editors
                string key = section.Length == 0 ? property.Name : section + "." + property.Name;
                string at = jsonPath + "." + property.Name;
                var spec = Levers.Find(key);
                if (spec is not null)
                {
                    ReadValue(spec, property.Value, at);
                }
                else if (childNames.Contains(property.Name, StringComparer.Ordinal))
                {
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        Error(at, null, Show(property.Value), $"an object {{ … }} holding the keys of the section '{key}'");
                    }
                    else
                    {
                        ReadObject(property.Value, key, at);
                    }
                }
                else
                {
                    UnknownKey(property.Name, section, at, childNames);
                }
            }
        }

        private void UnknownKey(string name, string section, string at, IReadOnlyList<string> siblings)
        {
            string? suggestion = Suggest(name, siblings);
            if (suggestion is null)
            {
                // Perhaps the right key in the wrong section: compare with every key's last segment.
                var elsewhere = Levers.All.Where(s => !s.Key.Contains("[]", StringComparison.Ordinal) && s.Section != section)
                    .Select(s => (s.Key, d: EditDistance(name.ToLowerInvariant(), s.Name))).Where(p => p.d <= 2).OrderBy(p => p.d).FirstOrDefault();
                if (elsewhere.Key is not null) suggestion = elsewhere.Key;
            }
            string where = section.Length == 0 ? "the top level" : $"section '{section}'";
            Error(at, null, name, $"a known key of {where}: {string.Join(", ", siblings)}", suggestion);
        }

        private static string? ChildOf(string key, string section)
        {
            if (section.Length > 0)
            {
                if (!key.StartsWith(section + ".", StringComparison.Ordinal)) return null;
                key = key[(section.Length + 1)..];
            }
            int dot = key.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? key : key[..dot];
        }

        private void ReadValue(LeverSpec spec, JsonElement value, string at)
        {
            JsonPaths[spec.Key] = at;
            object? parsed = spec.Kind switch
            {
                LeverKind.Number => ReadNumber(spec, value, at),
                LeverKind.Integer => ReadInteger(spec, value, at),
                LeverKind.Path => ReadPath(spec, value, at),
                LeverKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : Bad(spec, value, at),
                LeverKind.Choice => ReadChoice(spec, value, at),
                LeverKind.Text => value.ValueKind == JsonValueKind.String ? ReadText(spec, value.GetString()!, at) : Bad(spec, value, at),
                LeverKind.List => ReadPooling(value, at),
                _ => null,
            };
            if (parsed is not null) Values[spec.Key] = parsed;
        }

        /// <summary>A name or description: no control characters (they would act on the terminal that prints the
        /// summary), not blank, at most <see cref="MaxTextLength"/> characters (a name: <see cref="MaxNameLength"/>).</summary>
        private object? ReadText(LeverSpec spec, string text, string at)
        {
            int max = spec.Key == "name" ? MaxNameLength : MaxTextLength;
            int bad = SafeText.FirstUnsafe(text);
            if (bad >= 0)
            {
                Error(at, spec.Key, text, string.Create(CultureInfo.InvariantCulture, $"text without control characters (line breaks, escapes, tabs, bidirectional marks); character {bad + 1} is U+{(int)text[bad]:X4}"));
                return null;
            }
            if (text.Trim().Length == 0 && spec.Key == "name")
            {
                Error(at, spec.Key, text, "a name that is not blank");
                return null;
            }
            if (text.Length > max)
            {
                Error(at, spec.Key, text, string.Create(CultureInfo.InvariantCulture, $"at most {max} characters (this is {text.Length})"));
                return null;
            }
            return text;
        }

        private object? Bad(LeverSpec spec, JsonElement value, string at)
        {
            Error(at, spec.Key, Show(value), spec.RangeText + Unit(spec));
            return null;
        }

        private static string Unit(LeverSpec spec) => spec.Unit.Length > 0 ? $" ({spec.Unit})" : "";

        private object? ReadNumber(LeverSpec spec, JsonElement value, string at)
        {
            if (value.ValueKind != JsonValueKind.Number) return Bad(spec, value, at);
            double v = value.GetDouble();
            if (!double.IsFinite(v) || v < spec.Minimum || v > spec.Maximum) return Bad(spec, value, at);
            return v;
        }

        private object? ReadInteger(LeverSpec spec, JsonElement value, string at)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int v) || v < spec.Minimum || v > spec.Maximum) return Bad(spec, value, at);
            if (spec.Unit == "year" && spec.Key != "horizon" && v > Horizon)
            {
                Error(at, spec.Key, Show(value), $"a year in [{LeverSpec.Show(spec.Minimum)}, {Horizon}] (the horizon)");
                return null;
            }
            return v;
        }

        private object? ReadChoice(LeverSpec spec, JsonElement value, string at)
        {
            var choices = spec.Choices ?? [];
            if (value.ValueKind == JsonValueKind.String && choices.Contains(value.GetString()!, StringComparer.Ordinal)) return value.GetString();
            string shown = Show(value);
            Error(at, spec.Key, shown, spec.RangeText, value.ValueKind == JsonValueKind.String ? Suggest(shown, choices) : null);
            return null;
        }

        private object? ReadPath(LeverSpec spec, JsonElement value, string at)
        {
            string range = $"a number in [{LeverSpec.Show(spec.Minimum)}, {LeverSpec.Show(spec.Maximum)}]{Unit(spec)}";
            if (value.ValueKind == JsonValueKind.Number)
            {
                double v = value.GetDouble();
                if (!(v >= spec.Minimum && v <= spec.Maximum)) return Bad(spec, value, at);
                return new LeverPath(Levers.FirstLeverYear, [v]);
            }
            if (value.ValueKind != JsonValueKind.Object) return Bad(spec, value, at);
            var points = new SortedDictionary<int, (double Value, string Label)>();
            bool ok = true;
            foreach (var entry in value.EnumerateObject())
            {
                string entryAt = $"{at}[\"{entry.Name}\"]";
                if (!TryYears(entry.Name, out int from, out int to) || from < Levers.FirstLeverYear || to > Horizon || to < from)
                {
                    Error(entryAt, spec.Key, entry.Name, $"a year or a range of years \"from-to\" within {Levers.FirstLeverYear}–{Horizon} (the horizon)");
                    ok = false;
                    continue;
                }
                if (entry.Value.ValueKind != JsonValueKind.Number || !(entry.Value.GetDouble() is var v && v >= spec.Minimum && v <= spec.Maximum))
                {
                    Error(entryAt, spec.Key, Show(entry.Value), range);
                    ok = false;
                    continue;
                }
                for (int year = from; year <= to; year++)
                {
                    if (points.TryGetValue(year, out var earlier))
                    {
                        Error(entryAt, spec.Key, entry.Name, $"years given once (the year {year} is also in \"{earlier.Label}\")");
                        ok = false;
                        break;
                    }
                    points[year] = (v, entry.Name);
                }
            }
            if (!ok) return null;
            if (points.Count == 0)
            {
                Error(at, spec.Key, "{}", "a path with at least one year");
                return null;
            }
            int previous = int.MinValue;
            string previousLabel = "";
            foreach (var (year, point) in points)
            {
                if (previous != int.MinValue && year != previous + 1)
                {
                    Error(at, spec.Key, $"\"{previousLabel}\" then \"{point.Label}\"",
                        $"a path without gaps: no value is given for {(year - 1 == previous + 1 ? (previous + 1).ToString(CultureInfo.InvariantCulture) : $"{previous + 1}–{year - 1}")}");
                    return null;
                }
                previous = year;
                previousLabel = point.Label;
            }
            return new LeverPath(points.Keys.First(), points.Values.Select(p => p.Value).ToArray());
        }

        private static bool TryYears(string text, out int from, out int to)
        {
            to = 0;
            var parts = text.Split('-');
            if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out from))
            {
                to = from;
                return true;
            }
            from = 0;
            return parts.Length == 2 && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out from)
                && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out to);
        }

        private object? ReadPooling(JsonElement value, string at)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(at, "funds.pooling", Show(value), "a list [ {\"from\": 2025, \"rule\": \"national\"}, … ] of pooling periods");
                return null;
            }
            var itemSpecs = Levers.All.Where(s => s.Key.StartsWith("funds.pooling[].", StringComparison.Ordinal)).ToArray();
            var names = itemSpecs.Select(s => s.Name).ToArray();
            var periods = new List<(int? From, int? To, string? Rule, Dictionary<string, object> Fields, string At)>();
            int index = 0;
            foreach (var item in value.EnumerateArray())
            {
                string itemAt = $"{at}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(itemAt, "funds.pooling", Show(item), "a pooling period {\"from\": …, \"to\": …, \"rule\": …}");
                    continue;
                }
                var fields = new Dictionary<string, object>();
                foreach (var property in item.EnumerateObject())
                {
                    string fieldAt = itemAt + "." + property.Name;
                    var spec = itemSpecs.FirstOrDefault(s => s.Name == property.Name);
                    if (spec is null)
                    {
                        Error(fieldAt, null, property.Name, "a field of a pooling period: " + string.Join(", ", names), Suggest(property.Name, names));
                        continue;
                    }
                    object? parsed = spec.Kind switch
                    {
                        LeverKind.Number => ReadNumber(spec, property.Value, fieldAt),
                        LeverKind.Integer => ReadInteger(spec, property.Value, fieldAt),
                        LeverKind.Choice => ReadChoice(spec, property.Value, fieldAt),
                        LeverKind.Boolean => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? property.Value.GetBoolean() : Bad(spec, property.Value, fieldAt),
                        _ => null,
                    };
                    if (parsed is not null) fields[property.Name] = parsed;
                }
                periods.Add((fields.TryGetValue("from", out var f) ? (int)f : null, fields.TryGetValue("to", out var t) ? (int)t : null,
                    fields.TryGetValue("rule", out var r) ? (string)r : null, fields, itemAt));
            }
            if (periods.Count == 0)
            {
                Error(at, "funds.pooling", "[]", "at least one pooling period");
                return null;
            }
            var result = new List<PoolingPeriodSpec>();
            int expectedFrom = Levers.FirstLeverYear;
            for (int i = 0; i < periods.Count; i++)
            {
                var (from, to, rule, fields, itemAt) = periods[i];
                bool last = i == periods.Count - 1;
                if (from is null) { Error(itemAt + ".from", "funds.pooling[].from", null, "the period's first year"); return null; }
                if (rule is null && Errors.Any(e => e.JsonPath == itemAt + ".rule")) return null;
                if (rule is null) { Error(itemAt + ".rule", "funds.pooling[].rule", null, "the period's rule: " + string.Join(", ", Levers.PoolingRules)); return null; }
                if (to is null && !last) { Error(itemAt + ".to", "funds.pooling[].to", null, "the period's last year (only the last period may omit it)"); return null; }
                int lastYear = to ?? Horizon;
                if (from != expectedFrom)
                {
                    Error(itemAt + ".from", "funds.pooling[].from", from.Value.ToString(CultureInfo.InvariantCulture), i == 0
                        ? $"{Levers.FirstLeverYear}: the periods start in the first ledger year"
                        : $"{expectedFrom}, the year after the previous period (periods follow each other without gaps or overlaps)");
                    return null;
                }
                if (lastYear < from) { Error(itemAt + ".to", "funds.pooling[].to", lastYear.ToString(CultureInfo.InvariantCulture), $"a year ≥ the period's first year {from}"); return null; }
                if (last && lastYear != Horizon)
                {
                    Error(itemAt + ".to", "funds.pooling[].to", lastYear.ToString(CultureInfo.InvariantCulture), $"the horizon {Horizon} (the periods cover every year to the horizon), or no \"to\"");
                    return null;
                }
                foreach (var name in fields.Keys.Where(n => n is not ("from" or "to" or "rule")))
                {
                    var spec = itemSpecs.Single(s => s.Name == name);
                    bool used = rule switch
                    {
                        "central_adjustment" => name is "ratio" or "wage_base_share",
                        "national" => name is "pool_share_of_gaps" or "max_levy_on_surplus" or "count_subsidies",
                        _ => false,
                    };
                    if (!used)
                    {
                        Error(itemAt + "." + name, spec.Key, Convert.ToString(fields[name], CultureInfo.InvariantCulture)!.ToLowerInvariant(),
                            $"no '{name}' in {from}–{lastYear}: the rule in force there is {rule}, which does not use it ('{name}' is used when {spec.UsedWhen})");
                    }
                }
                result.Add(new PoolingPeriodSpec(from.Value, lastYear, rule,
                    fields.TryGetValue("ratio", out var ratio) ? (double)ratio : null,
                    fields.TryGetValue("wage_base_share", out var wbs) ? (double)wbs : null,
                    fields.TryGetValue("pool_share_of_gaps", out var psg) ? (double)psg : null,
                    fields.TryGetValue("max_levy_on_surplus", out var mls) ? (double)mls : null,
                    fields.TryGetValue("count_subsidies", out var cs) ? (bool)cs : null));
                expectedFrom = lastYear + 1;
            }
            Pooling = result;
            return result;
        }

        /// <summary>Rejects levers that the rules in force do not use, and conflicting levers.</summary>
        public void CheckRules()
        {
            Conflict("demography.fertility.tfr_offset", "demography.fertility.tfr");
            foreach (var sex in new[] { "male", "female" })
            {
                Conflict($"demography.mortality.e0_offset_{sex}", $"demography.mortality.e0_{sex}");
                Conflict("demography.mortality.e0_gain_scale", $"demography.mortality.e0_{sex}");
            }
            foreach (var group in new[] { "men", "women_cadres", "women_workers" }) Conflict("scheme.retirement.pace", $"scheme.retirement.{group}_pace");
            bool reform = !Values.TryGetValue("scheme.retirement.reform", out var r) || (bool)r;
            Unused(!reform, "scheme.retirement.reform", "false", "scheme.retirement.men_target_age", "scheme.retirement.women_cadres_target_age",
                "scheme.retirement.women_workers_target_age", "scheme.retirement.men_pace", "scheme.retirement.women_cadres_pace", "scheme.retirement.women_workers_pace",
                "scheme.retirement.pace",
                "scheme.retirement.early_share", "scheme.retirement.early_months", "scheme.retirement.late_share", "scheme.retirement.late_months");
            Unused(reform && !Values.ContainsKey("scheme.retirement.early_share"), "scheme.retirement.early_share", "0", "scheme.retirement.early_months");
            Unused(reform && !Values.ContainsKey("scheme.retirement.late_share"), "scheme.retirement.late_share", "0", "scheme.retirement.late_months");
            foreach (var section in new[] { "scheme.indexation", "scheme.crediting" })
            {
                string rule = Values.TryGetValue(section + ".rule", out var v) ? (string)v : Levers.RealWageShare;
                Unused(rule == Levers.Fixed, section + ".rule", rule, section + ".share");
                Unused(rule != Levers.Fixed, section + ".rule", rule, section + ".rate");
                if (rule is Levers.WageShare or Levers.PriceShare && !Values.ContainsKey(section + ".share") && !Errors.Any(e => e.Key == section + ".share"))
                {
                    Error(JsonPaths.GetValueOrDefault(section + ".rule", "$." + section), section + ".share", null,
                        $"a share in [0, 1] at '{section}.share': the rule {rule} needs it");
                }
                if (rule == Levers.Fixed && !Values.ContainsKey(section + ".rate") && !Errors.Any(e => e.Key == section + ".rate"))
                {
                    Error(JsonPaths.GetValueOrDefault(section + ".rule", "$." + section), section + ".rate", null,
                        $"a rate in [0, 0.2] at '{section}.rate': the rule fixed needs it");
                }
            }
            string subsidies = Values.TryGetValue("funds.subsidies.rule", out var s) ? (string)s : "share_of_spending";
            Unused(subsidies != "share_of_spending", "funds.subsidies.rule", subsidies, "funds.subsidies.share");
            Unused(subsidies != "floor", "funds.subsidies.rule", subsidies, "funds.subsidies.floor_months");
            Unused(subsidies != "share_of_gdp", "funds.subsidies.rule", subsidies, "funds.subsidies.percent_of_gdp");
            if (subsidies == "share_of_gdp" && !Values.ContainsKey("funds.subsidies.percent_of_gdp") && !Errors.Any(e => e.Key == "funds.subsidies.percent_of_gdp"))
            {
                Error(JsonPaths.GetValueOrDefault("funds.subsidies.rule", "$.funds.subsidies"), "funds.subsidies.percent_of_gdp", null,
                    "a percentage in [0, 20] at 'funds.subsidies.percent_of_gdp': the rule share_of_gdp needs it");
            }
            bool reserve = Values.TryGetValue("funds.reserve.enabled", out var e) && (bool)e;
            Unused(!reserve, "funds.reserve.enabled", "false", Levers.All.Where(l => l.Key.StartsWith("funds.reserve.", StringComparison.Ordinal) && l.Key != "funds.reserve.enabled")
                .Select(l => l.Key).ToArray());
        }

        private void Conflict(string key, string other)
        {
            if (Values.ContainsKey(key) && Values.ContainsKey(other))
            {
                Error(JsonPaths[key], key, "(set)", $"either '{key}' or '{other}', not both");
            }
        }

        // When `unused` holds, each of the keys is rejected: the rule in force does not read it.
        private void Unused(bool unused, string ruleKey, string ruleValue, params string[] keys)
        {
            if (!unused) return;
            foreach (var key in keys)
            {
                if (!Values.ContainsKey(key)) continue;
                var spec = Levers.Get(key);
                bool byDefault = !Values.ContainsKey(ruleKey);
                Error(JsonPaths[key], key, Convert.ToString(Values[key] is LeverPath p ? p.Values[0] : Values[key], CultureInfo.InvariantCulture)!.ToLowerInvariant(),
                    $"no '{spec.Name}': '{ruleKey}' is {ruleValue}{(byDefault ? " (the default)" : "")}, which does not use it ('{spec.Name}' is used when {spec.UsedWhen})");
            }
        }
    }
}
