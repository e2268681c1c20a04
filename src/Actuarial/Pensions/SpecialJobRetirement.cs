namespace Actuarial.Pensions;

/// <summary>
/// Early retirement in special jobs (特殊工种提前退休): a share of each cohort of men and of women workers retires at
/// 55 (men) or 45 (women) instead of the statutory age; the rest of the cohort follows the statutory age and the elastic
/// choices. Women in cadre posts are not concerned. Immutable.
/// </summary>
/// <remarks>
/// <para>Rule: 《国务院关于工人退休、退职的暂行办法》 (国发〔1978〕104号) lets workers retire at 55 (men) and 45 (women) after
/// enough years underground, at height, in high temperatures, in especially heavy manual work or in other work harmful to
/// health; 《关于制止和纠正违反国家规定办理企业职工提前退休有关问题的通知》 (劳部发〔1999〕8号) keeps those ages and restricts
/// them to the listed jobs [U: cited by title and number; their text is not in the project's sources].
/// The provision sits in the workers' regulation, not in the cadres' one, hence no women cadres here.</para>
/// <para>The 2024 reform (国务院关于渐进式延迟法定退休年龄的办法) raises the statutory ages; how it treats the special-job
/// ages was not found in the project's sources (its rules reference does not mention them). ASSUMPTION: the special-job ages stay
/// 55 and 45 for every cohort, the last rule read.</para>
/// <para>Share: no published count of special-job retirements was found, so the default is <see cref="None"/> (share 0),
/// an ASSUMPTION; scenario files set it with <c>scheme.retirement.special_jobs_share</c>. The minimum contribution
/// years are not checked here (as for elastic retirement, it belongs to whoever holds contribution histories).</para>
/// </remarks>
public sealed record SpecialJobRetirement
{
    /// <summary>Men's special-job retirement age: 55 years (国发〔1978〕104号).</summary>
    public const int MenAgeMonths = 55 * 12;

    /// <summary>Women workers' special-job retirement age: 45 years (国发〔1978〕104号).</summary>
    public const int WomenAgeMonths = 45 * 12;

    /// <summary>Creates the rule with <paramref name="share"/> of each cohort of men and of women workers in special jobs.</summary>
    /// <exception cref="Actuarial.InputDataException">A share outside [0, 1].</exception>
    public SpecialJobRetirement(double share) => Share = share;

    /// <summary>Nobody retires early in a special job (the default).</summary>
    public static SpecialJobRetirement None { get; } = new(0);

    /// <summary>Share of each cohort of men and of women workers that retires at the special-job age, in [0, 1].</summary>
    public double Share { get; init => field = RuleChecks.Rate(value, nameof(SpecialJobRetirement), nameof(Share)); }

    /// <summary>The share of a category's cohort retiring at its special-job age (0 for women cadres).</summary>
    public double ShareOf(RetirementCategory category) => category == RetirementCategory.WomenCadres ? 0 : Share;

    /// <summary>The special-job retirement age in months of a category (55 or 45 years; the cadres' statutory floor, unused, for women cadres).</summary>
    public static int AgeMonths(RetirementCategory category) => category switch
    {
        RetirementCategory.Men => MenAgeMonths,
        RetirementCategory.WomenWorkers => WomenAgeMonths,
        _ => category.OriginalAgeMonths(),
    };
}
