using Actuarial.Pillars;

namespace Actuarial.Scenarios;

public sealed partial class PensionProjection
{
    private PillarProjection? _pillars;

    /// <summary>
    /// The funded pillars (enterprise and occupational annuities, the personal pension) on this projection's employee and
    /// residents' schemes (<see cref="PillarProjector"/>), computed when first asked for, at the basic funds' nominal return
    /// of each year (as <see cref="Residents"/>). Outside the basic pension funds: nothing in them moves the funds' results.
    /// </summary>
    public PillarProjection Pillars => _pillars ??= PillarProjector.Run(Scenario.Pillars, Scheme, Residents, PillarReturn,
        mortality: AnnuitantMortality.OfScheme(Scheme, Demography));

    /// <summary>The national average covered wage by year (<see cref="PillarProjector.AverageWagePath"/>).</summary>
    internal Func<int, double> NationalAverageWage() => PillarProjector.AverageWagePath(
        Scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year), Scheme.Assumptions.HistoricalWageGrowth);

    internal double PillarReturn(int year) =>
        year < Funds.FirstYear ? Scheme.Assumptions.BaseYearFundReturn ?? Scenario.Funds.BlendedReturn(Funds.FirstYear)
        : Scenario.Funds.BlendedReturn(Math.Min(year, Funds.LastYear));

    /// <summary>
    /// Replacement rates of new retirees by cohort and pillar: the basic pension's pooled and account parts
    /// (<see cref="NewRetireeReplacementRates"/>) and what an enterprise annuity, an occupational annuity and a personal
    /// pension add for the same career (<see cref="PillarReplacementRates"/>), over the own wage.
    /// </summary>
    /// <param name="birthYears">Birth years; default <see cref="ReplacementRateBirthYears"/>.</param>
    public IReadOnlyList<PillarReplacementRateRow> ReplacementRatesByPillar(IEnumerable<int>? birthYears = null)
    {
        var basic = NewRetireeReplacementRates(birthYears);
        if (basic.Count == 0) return [];
        return PillarReplacementRates.Compute(basic, Pillars, Scheme.Assumptions.Rules, NationalAverageWage(), PillarReturn);
    }
}
