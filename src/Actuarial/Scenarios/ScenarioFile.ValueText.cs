using System.Globalization;

namespace Actuarial.Scenarios;

// The text of a lever's value for the CLI's run manifest (src/Actuarial.Cli/RunManifest.cs).
public sealed partial class ScenarioFile
{
    /// <summary>The value the file gives a key, as text (a path as {"year": value, …}).</summary>
    internal string ValueText(string key)
    {
        var c = CultureInfo.InvariantCulture;
        return _values[key] switch
        {
            LeverPath p => "{" + string.Join(", ", p.Values.Select((v, i) => $"\"{(p.FirstYear + i).ToString(c)}\": {v.ToString("R", c)}")) + "}",
            double d => d.ToString("R", c),
            int i => i.ToString(c),
            bool b => b ? "true" : "false",
            var o => Convert.ToString(o, c) ?? "",
        };
    }
}
