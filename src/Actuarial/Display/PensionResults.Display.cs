using Actuarial.Display;

namespace Actuarial.Scenarios;

// The display conventions of the pension results (see Actuarial.Display): readable text from ToString() and HTML
// tables in Polyglot notebooks, by .NET Interactive's naming convention, without any notebook package.

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial record PensionSummary
{
    /// <summary>The measures as aligned text, one per line, under a title naming the scenario and the years.</summary>
    public override string ToString() => this.ToDisplayTable().ToString();
}

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class PensionProjection
{
    /// <summary>The scenario's summary and its national fund path, as text.</summary>
    public override string ToString() => Summary() + Environment.NewLine + Environment.NewLine + Funds.ToDisplayTable();
}
