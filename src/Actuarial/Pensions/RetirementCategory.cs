using Actuarial.Dimensions;

namespace Actuarial.Pensions;

/// <summary>
/// The three statutory retirement-age groups of the urban employee scheme: men (original age 60), women in cadre,
/// managerial or technical posts (女干部 / 管理技术岗, original age 55) and women workers (女工人, original age 50).
/// Which women are in which group is a labour-market assumption outside the scheme rules.
/// </summary>
/// <remarks>
/// The three original ages and groups are those the 2024 reform starts from ([S] 国务院关于渐进式延迟法定退休年龄的办法,
/// 第一条: 男职工 60, 原法定退休年龄为五十五周岁的女职工, 原法定退休年龄为五十周岁的女职工); their origin in
/// 国务院关于工人退休、退职的暂行办法 (国发〔1978〕104号) is [U] (not in the sources read).
/// </remarks>
public enum RetirementCategory
{
    /// <summary>Men: original statutory age 60.</summary>
    Men = 0,
    /// <summary>Women in cadre (managerial and technical) posts: original statutory age 55.</summary>
    WomenCadres = 1,
    /// <summary>Women workers: original statutory age 50.</summary>
    WomenWorkers = 2,
}

/// <summary>Helpers for <see cref="RetirementCategory"/>.</summary>
internal static class RetirementCategories
{
    /// <summary>The three categories in enum order.</summary>
    public static IReadOnlyList<RetirementCategory> All { get; } =
        [RetirementCategory.Men, RetirementCategory.WomenCadres, RetirementCategory.WomenWorkers];

    /// <summary>The sex of a category.</summary>
    public static Sex Sex(this RetirementCategory category) => category == RetirementCategory.Men ? Dimensions.Sex.Male : Dimensions.Sex.Female;

    /// <summary>
    /// The original statutory age in months before the 2024 reform (60, 55 and 50 years). It is also the legal floor:
    /// the reform never lowers an age, and elastic early retirement may not go below it.
    /// </summary>
    public static int OriginalAgeMonths(this RetirementCategory category) => category switch
    {
        RetirementCategory.Men => 60 * 12,
        RetirementCategory.WomenCadres => 55 * 12,
        RetirementCategory.WomenWorkers => 50 * 12,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "not a retirement category"),
    };
}
