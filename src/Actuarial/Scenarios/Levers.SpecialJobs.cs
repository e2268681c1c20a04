using Actuarial.Pensions;

namespace Actuarial.Scenarios;

// Early retirement in special jobs (issue 14 part 7; Pensions/SpecialJobRetirement.cs). A scenario without the key runs as
// before, bit for bit.
public static partial class Levers
{
    /// <summary>Share of each cohort of men and of women workers retiring at the special-job age. <c>scheme.retirement.special_jobs_share</c>.</summary>
    public static Lever SpecialJobsShare => SpecialJobLevers.Share;

    // In a nested class: static fields of a partial class initialise in an order undefined across its files.
    private static class SpecialJobLevers
    {
        internal static readonly Lever Share = new(
            new LeverSpec("scheme.retirement.special_jobs_share", LeverKind.Number, "share of each cohort", 0, 1,
                "0 (no published count of special-job retirements was found; an assumption)",
                "Share of each cohort of men and of women workers (not women cadres) retiring early in special jobs (特殊工种: underground, at height, high temperature, especially heavy or unhealthy work) at 55 (men) and 45 (women), under 国发〔1978〕104号 and 劳部发〔1999〕8号; the rest follows the statutory age and the elastic choices. The 2024 reform's treatment of these ages was not found: they stay 55 and 45 for every cohort (an assumption)."),
            (s, p) => s with
            {
                Scheme = s.Scheme with
                {
                    Rules = s.Scheme.Rules with
                    {
                        RetirementAges = s.Scheme.Rules.RetirementAges with { SpecialJobs = new SpecialJobRetirement(p.Values[0]) },
                    },
                },
            });
    }

    private static IEnumerable<LeverSpec> SpecialJobSpecs() => [SpecialJobsShare.Spec];
}
