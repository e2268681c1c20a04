using Actuarial.Scheme;

namespace Actuarial.Scenarios;

// Mortality by scheme status (issue 15 part 6, issue 14 part 7; Scheme/InsuredMortality.cs). A scenario without the key
// runs as before, bit for bit.
public static partial class Levers
{
    /// <summary>Members' death probability as a ratio to the rest of their cell's. <c>scheme.mortality.insured_ratio</c>.</summary>
    public static Lever InsuredMortalityRatio => InsuredLevers.MortalityRatio;

    // In a nested class: static fields of a partial class initialise in an order undefined across its files.
    private static class InsuredLevers
    {
        internal static readonly Lever MortalityRatio = new(
            new LeverSpec("scheme.mortality.insured_ratio", LeverKind.Number, "ratio of death probabilities", InsuredMortality.MinimumRatio, 1,
                "1 (no differential: no published mortality of the scheme's members was found; an assumption)",
                "Death probability of the employee scheme's members (record holders and pensioners) as a ratio to that of the rest of their cell (province, sex, education, age, year). The population and its deaths stay as projected: the rest dies what the members do not. At least 0.4, the level of the life-insurance annuity experience table (2010–2013) against the 2010 census, the strongest selection published (docs/insured-mortality.md)."),
            (s, p) => s with { Scheme = s.Scheme with { InsuredMortalityRatio = p.Values[0] } });
    }

    private static IEnumerable<LeverSpec> InsuredSpecs() => [InsuredMortalityRatio.Spec];
}
