using System.Globalization;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;

namespace Actuarial.Scenarios;

/// <summary>
/// The e0 levers a scenario has set (<see cref="Levers.LifeExpectancyMale"/> and the others): they combine into one
/// mortality model, so the scenario keeps them and each lever rebuilds that model from all of them, in whichever order
/// they come.
/// </summary>
/// <param name="Male">Men's e0 path, or null.</param>
/// <param name="Female">Women's e0 path, or null.</param>
/// <param name="OffsetMale">The offset to men's path, or null.</param>
/// <param name="OffsetFemale">The offset to women's path, or null.</param>
/// <param name="GainScale">The scale on the gains after 2024, or null (1).</param>
internal sealed record LifeExpectancyLevers(LeverPath? Male = null, LeverPath? Female = null, LeverPath? OffsetMale = null,
    LeverPath? OffsetFemale = null, double? GainScale = null);

// The e0 levers: a path per sex, or the WPP 2024 path with its gains scaled and an offset per sex.
public static partial class Levers
{
    /// <summary>Men's life expectancy at birth, a path. <c>demography.mortality.e0_male</c>.</summary>
    public static Lever LifeExpectancyMale => MortalityLevers.Male;

    /// <summary>Women's life expectancy at birth, a path. <c>demography.mortality.e0_female</c>.</summary>
    public static Lever LifeExpectancyFemale => MortalityLevers.Female;

    /// <summary>Scale on the WPP 2024 gains in e0 after 2024, both sexes. <c>demography.mortality.e0_gain_scale</c>.</summary>
    public static Lever LifeExpectancyGainScale => MortalityLevers.GainScale;

    /// <summary>An offset to men's e0 path. <c>demography.mortality.e0_offset_male</c>.</summary>
    public static Lever LifeExpectancyOffsetMale => MortalityLevers.OffsetMale;

    /// <summary>An offset to women's e0 path. <c>demography.mortality.e0_offset_female</c>.</summary>
    public static Lever LifeExpectancyOffsetFemale => MortalityLevers.OffsetFemale;

    // In a nested class: static fields of a partial class initialise in an order undefined across its files.
    private static class MortalityLevers
    {
        internal static readonly Lazy<(LifeExpectancyTarget Male, LifeExpectancyTarget Female)> MortalityPatterns =
            new(() => (ChinaDefaults.MortalityPattern(Sex.Male), ChinaDefaults.MortalityPattern(Sex.Female)));

        private const string E0Reach = "Any value in range is met by the Lee-Carter pattern (it reaches about 103 for men, 106 for women).";

        private static readonly string E0Combined = string.Create(CultureInfo.InvariantCulture,
            $"The largest value keeps the WPP 2024 path within {MaxLifeExpectancy:0} years every year; combined with the gain scale or an offset, the resulting e0 must stay within {MinLifeExpectancy:0}…{MaxLifeExpectancy:0}.");

        internal static readonly Lever Male = new(
            new LeverSpec("demography.mortality.e0_male", LeverKind.Path, "years", MinLifeExpectancy, MaxLifeExpectancy, "WPP 2024 medium",
                $"Men's life expectancy at birth, met each year by the Lee-Carter level (WPP's scale: the default's observed-years factor on the death rates, which meets NBS's 2021–2024 deaths, applies on top); {HoldsToHorizon}. Not with the male offset or the gain scale. {E0Reach}"),
            (s, p) => WithE0(s, e => e with { Male = p }));

        internal static readonly Lever Female = new(
            new LeverSpec("demography.mortality.e0_female", LeverKind.Path, "years", MinLifeExpectancy, MaxLifeExpectancy, "WPP 2024 medium",
                "Women's life expectancy at birth, as `e0_male`."),
            (s, p) => WithE0(s, e => e with { Female = p }));

        internal static readonly Lever GainScale = new(
            new LeverSpec("demography.mortality.e0_gain_scale", LeverKind.Number, "ratio", 0, E0Limits.Value.MaxGainScale, "1",
                "Scales the WPP 2024 gains in e0 after 2024, both sexes: e0(t) = e0(2024) + scale × (WPP e0(t) − e0(2024)); 1.5 = faster gains, 0.5 = slower. " + E0Combined),
            (s, p) => WithE0(s, e => e with { GainScale = p.Values[0] }));

        internal static readonly Lever OffsetMale = new(
            new LeverSpec("demography.mortality.e0_offset_male", LeverKind.Path, "years", -20, E0Limits.Value.MaxOffset, "0",
                $"Added to men's e0 path from the path's first year. {E0Combined}"),
            (s, p) => WithE0(s, e => e with { OffsetMale = p }));

        internal static readonly Lever OffsetFemale = new(
            new LeverSpec("demography.mortality.e0_offset_female", LeverKind.Path, "years", -20, E0Limits.Value.MaxOffset, "0",
                $"Added to women's e0 path from the path's first year. {E0Combined}"),
            (s, p) => WithE0(s, e => e with { OffsetFemale = p }));
    }

    /// <summary>
    /// The scenario with its e0 levers changed and its mortality rebuilt from all of them: each sex's e0 path met each year
    /// by the Lee–Carter level of the China defaults' pattern, with the observed years' factor of the scenario's mortality
    /// (NBS basis) on top, so that a scenario differs from the baseline by its levers only.
    /// </summary>
    private static PensionScenario WithE0(PensionScenario s, Func<LifeExpectancyLevers, LifeExpectancyLevers> change)
    {
        var levers = change(s.LifeExpectancy ?? new LifeExpectancyLevers());
        // A path replaces the WPP path its offset and gain scale would move: either the one or the others, as in a file.
        foreach (var (set, key, other) in new[]
        {
            (levers.Male is not null && levers.OffsetMale is not null, "demography.mortality.e0_offset_male", "demography.mortality.e0_male"),
            (levers.Male is not null && levers.GainScale is not null, "demography.mortality.e0_gain_scale", "demography.mortality.e0_male"),
            (levers.Female is not null && levers.OffsetFemale is not null, "demography.mortality.e0_offset_female", "demography.mortality.e0_female"),
            (levers.Female is not null && levers.GainScale is not null, "demography.mortality.e0_gain_scale", "demography.mortality.e0_female"),
        })
        {
            if (set) throw new ArgumentException($"either '{key}' or '{other}', not both");
        }
        var male = E0(s, Sex.Male, levers.Male, levers.OffsetMale, levers.GainScale);
        var female = E0(s, Sex.Female, levers.Female, levers.OffsetFemale, levers.GainScale);
        var years = Enumerable.Range(ChinaDefaults.BaseYear, ChinaDefaults.EndYear - ChinaDefaults.BaseYear + 1).ToArray();
        IMortalityModel mortality = new LifeExpectancyPathMortality(MortalityLevers.MortalityPatterns.Value.Male, MortalityLevers.MortalityPatterns.Value.Female, ChinaDefaults.BaseYear,
            years.Select(y => male[y]).ToArray(), years.Select(y => female[y]).ToArray());
        if (s.Demography.Mortality is ScaledMortality observed) mortality = new ScaledMortality(mortality, observed.Factor);
        return s with { LifeExpectancy = levers, Demography = s.Demography with { Mortality = mortality } };
    }

    /// <summary>A sex's e0 path: the lever's path over WPP 2024's, or WPP 2024's with its gains after 2024 scaled and the offset added, within the pattern's reach.</summary>
    private static AnnualPath E0(PensionScenario s, Sex sex, LeverPath? path, LeverPath? offset, double? gainScale)
    {
        var wpp = ChinaDefaults.LifeExpectancyPath(sex);
        if (path is not null) return OverridePath(wpp, path);
        double scale = gainScale ?? 1;
        double anchor = wpp[ScenarioFile.GainScaleAnchorYear];
        var scaled = wpp.Map((year, v) => year > ScenarioFile.GainScaleAnchorYear ? anchor + scale * (v - anchor) : v);
        var result = offset is null ? scaled : OverridePath(scaled, offset, (_, v, x) => v + x);
        string label = sex == Sex.Male ? "male" : "female";
        for (int year = FirstLeverYear; year <= s.EndYear; year++)
        {
            if (result[year] < MinLifeExpectancy || result[year] > MaxLifeExpectancy)
            {
                string keys = string.Join(" and ", new[] { (gainScale is not null, LifeExpectancyGainScale.Key), (offset is not null, $"demography.mortality.e0_offset_{label}") }
                    .Where(k => k.Item1).Select(k => k.Item2));
                throw new ArgumentOutOfRangeException(keys, result[year].ToString("0.##", CultureInfo.InvariantCulture) + $" ({label} e0 in {year})",
                    string.Create(CultureInfo.InvariantCulture, $"a gain scale and offset that keep {label} e0 within {MinLifeExpectancy:0}…{MaxLifeExpectancy:0} years every year (the reach of the mortality pattern; see demography.mortality.e0_{label})"));
            }
        }
        return result;
    }
}
