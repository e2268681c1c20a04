namespace Actuarial.Residents;

/// <summary>
/// Contributions to the residents' individual accounts: the member chooses a yearly grade (缴费档次) and the local
/// government adds a matching subsidy (缴费补贴); both are credited to the member's individual account.
/// </summary>
/// <remarks>
/// <para>Grades: 100 to 1,000 yuan a year in steps of 100 under the 2011 urban residents' scheme (国发〔2011〕18号) [S2]
/// (https://wodefinance.com/TianTianFund/sqggwmylfu.html); the unified scheme of 国发〔2014〕8号 adds 1,500 and 2,000 (12 grades)
/// [U: recalled]. Provinces may add grades.</para>
/// <para>Matching subsidy: at least 30 yuan a year, at least 60 yuan for a grade of 500 or more (国发〔2014〕8号) [U: recalled,
/// the text not read]. Provinces often pay more; the projection uses this minimum to split the calibrated contributions
/// into the members' part and the subsidy (ASSUMPTION: the minimum subsidy), see <see cref="SplitTotal"/>.</para>
/// </remarks>
internal static class ContributionGrades
{
    /// <summary>The grades of 国发〔2014〕8号, yuan a year [U].</summary>
    public static IReadOnlyList<double> GradesYuanPerYear { get; } = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000];

    /// <summary>The grade from which the higher minimum subsidy applies, 500 yuan a year [U].</summary>
    public const double HigherSubsidyFromYuan = 500;

    /// <summary>The minimum matching subsidy below <see cref="HigherSubsidyFromYuan"/>, 30 yuan a year [U].</summary>
    public const double MinimumSubsidyYuan = 30;

    /// <summary>The minimum matching subsidy at or above <see cref="HigherSubsidyFromYuan"/>, 60 yuan a year [U].</summary>
    public const double HigherMinimumSubsidyYuan = 60;

    /// <summary>The minimum matching subsidy on a yearly contribution of <paramref name="contributionYuan"/> (0 for no contribution).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite contribution.</exception>
    public static double MatchingSubsidy(double contributionYuan)
    {
        if (!double.IsFinite(contributionYuan) || contributionYuan < 0) throw new ArgumentOutOfRangeException(nameof(contributionYuan), contributionYuan, "expected a contribution ≥ 0");
        if (contributionYuan == 0) return 0;
        return contributionYuan >= HigherSubsidyFromYuan ? HigherMinimumSubsidyYuan : MinimumSubsidyYuan;
    }

    /// <summary>
    /// Splits an average yearly credit to an account (member's contribution + matching subsidy) into its two parts,
    /// with the minimum subsidy: the contribution c solves c + <see cref="MatchingSubsidy"/>(c) = total. Totals between
    /// 530 and 560 yuan, which no single contribution gives (499 + 30 = 529, 500 + 60 = 560), are read as a 500-yuan
    /// contribution with a subsidy between the two minimums (an average over members on both sides of the step).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite total.</exception>
    public static (double MemberYuan, double SubsidyYuan) SplitTotal(double totalYuan)
    {
        if (!double.IsFinite(totalYuan) || totalYuan < 0) throw new ArgumentOutOfRangeException(nameof(totalYuan), totalYuan, "expected a total ≥ 0");
        if (totalYuan - HigherMinimumSubsidyYuan >= HigherSubsidyFromYuan) return (totalYuan - HigherMinimumSubsidyYuan, HigherMinimumSubsidyYuan);
        if (totalYuan - MinimumSubsidyYuan < HigherSubsidyFromYuan)
        {
            double member = Math.Max(0, totalYuan - MinimumSubsidyYuan);
            return (member, totalYuan - member);
        }
        return (HigherSubsidyFromYuan, totalYuan - HigherSubsidyFromYuan);
    }
}
