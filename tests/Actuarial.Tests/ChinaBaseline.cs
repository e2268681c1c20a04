using Actuarial.China;
using Actuarial.Scenarios;

namespace Actuarial.Tests;

/// <summary>
/// The China baseline projection, run once for the fixtures that only read it: a projection is immutable (its lazy tables
/// are computed once from it), so sharing it changes no result and saves a run per fixture.
/// </summary>
internal static class ChinaBaseline
{
    /// <summary><c>PensionProjector.Run(ChinaDefaults.PensionScenario())</c>, on first use.</summary>
    public static readonly Lazy<PensionProjection> Projection = new(() => PensionProjector.Run(ChinaDefaults.PensionScenario()));
}
