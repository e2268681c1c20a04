using Actuarial.Pillars;

namespace Actuarial.China;

// China's funded pillars: the end-2024 figures the projection starts from.
public static partial class ChinaDefaults
{
    private static readonly Lazy<PillarAssumptions> DefaultPillars = new(() =>
    {
        var assumptions = new PillarAssumptions();
        return assumptions with { BaseYearFigures = PillarFigures2024.BaseYearFigures(assumptions.PersonalPensionContribution2024Yuan) };
    });

    /// <summary>
    /// China's funded pillars under current policy: the enterprise and occupational annuities and the personal pension from
    /// the published end-2024 figures (<see cref="PillarFigures2024"/>), with the assumptions of <see cref="PillarAssumptions"/>.
    /// </summary>
    /// <remarks>The same instance every call, so that scenarios built from the defaults keep equal pillar layers.</remarks>
    public static PillarAssumptions Pillars() => DefaultPillars.Value;
}
