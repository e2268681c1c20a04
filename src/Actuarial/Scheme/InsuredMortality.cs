using Actuarial.Dimensions;

namespace Actuarial.Scheme;

/// <summary>
/// Mortality by scheme status: the employee scheme's members (record holders and pensioners) die at
/// <c>ratio</c> × the death probability of the rest of their cell (same province, sex, education, age and year), and
/// the cell as a whole dies as the national table of the demographic projection says. People are conserved: the
/// population, its deaths and its migration stay exactly as projected, the members are a part of it, and the rest
/// (population − members) takes the deaths the members do not.
/// </summary>
/// <remarks>
/// <para>With q the cell's death share in the step (<see cref="Demography.CompiledDemography"/>'s national table) and
/// π the members' share of the cell at its start: π q<sub>m</sub> + (1 − π) q<sub>r</sub> = q with q<sub>m</sub> =
/// ratio × q<sub>r</sub>, so q<sub>r</sub> = q / (1 − π (1 − ratio)) and q<sub>m</sub> = ratio × q<sub>r</sub>. The
/// ratio is relative to the rest, not to the whole table, so that a cell made only of members dies as the table says:
/// where members are nearly the whole cell (the oldest ages of some provinces), a ratio to the whole table would leave
/// the rest more deaths than people. Where q<sub>r</sub> would still pass 1 (the rest all die), the members take the
/// remaining deaths: q<sub>m</sub> = (q − (1 − π)) / π.</para>
/// <para>Members then survive × (1 − q<sub>m</sub>) / (1 − q) what the cell does: the projection's ratio
/// P(a+1, t+1) / P(a, t), which also carries migration and moves between education levels, is kept for them and only
/// the mortality part is changed (assumption: members migrate as their cell does).</para>
/// <para>Default 1 (no differential). No published mortality of the scheme's members (insured workers or pensioners)
/// was found. The only published comparison is the insurance industry's: China's life-insurance experience tables
/// 《中国人身保险业经验生命表（2010—2013）》 (published by the insurance regulator in December 2016) run at about 60% (endowment table) and about 40%
/// (annuity table) of the 2010 census's death rates at almost every age (China Association of Actuaries' public training
/// material, as summarised at https://blog.sina.cn/dpool/blog/s/blog_3efc367e0102x107.html, [S2]); those are
/// underwritten buyers of private policies, not a scheme that covers about half of those aged 60 and over, so their
/// level is not the members' and 0.4 is the lever's lower bound, the strongest selection observed.</para>
/// </remarks>
internal static class InsuredMortality
{
    /// <summary>Smallest ratio the lever takes: the annuity experience table's level against the census (about 40%).</summary>
    internal const double MinimumRatio = 0.4;

    /// <summary>
    /// The members' death share q<sub>m</sub> in a cell whose death share is <paramref name="deathShare"/> (q) and whose
    /// members' share is <paramref name="memberShare"/> (π), members dying at <paramref name="ratio"/> × the rest.
    /// </summary>
    internal static double MemberDeathShare(double deathShare, double memberShare, double ratio)
    {
        // π divides two stocks the engine computes apart (members, the cell), so rounding can put it a hair outside [0, 1].
        double q = deathShare, pi = Math.Clamp(memberShare, 0, 1);
        if (ratio == 1 || q <= 0) return q;
        if (q >= 1) return 1;
        double rest = q / (1 - pi * (1 - ratio));
        return rest <= 1 ? ratio * rest : (q - (1 - pi)) / pi; // the rest all die: the members take what remains
    }

    /// <summary>What the members' survival is × relative to the cell's: (1 − q<sub>m</sub>) / (1 − q), 1 where the cell all dies.</summary>
    internal static double SurvivalFactor(double deathShare, double memberShare, double ratio) =>
        deathShare >= 1 ? 1 : (1 - MemberDeathShare(deathShare, memberShare, ratio)) / (1 - deathShare);

    /// <summary>
    /// The population at the start of a step as the members' survival ratio reads it: P(a, t) / factor(a), so that
    /// P(a+1, t+1) / that = the cell's ratio × the members' survival factor. <paramref name="records"/> + <paramref name="pensioners"/> are the members
    /// by age at the start of the step (record holders + pensioners), <paramref name="deathShare"/> the sex's death shares
    /// of the step by age. Allocation-free: writes into <paramref name="result"/>.
    /// </summary>
    internal static ReadOnlySpan<double> MembersFrom(ReadOnlySpan<double> population, ReadOnlySpan<double> records, ReadOnlySpan<double> pensioners,
        ReadOnlySpan<double> deathShare, double ratio, Span<double> result)
    {
        for (int a = 0; a < Ages.Count; a++)
        {
            double p = population[a];
            result[a] = p > 0 ? p / SurvivalFactor(deathShare[a], (records[a] + pensioners[a]) / p, ratio) : p;
        }
        return result;
    }
}
