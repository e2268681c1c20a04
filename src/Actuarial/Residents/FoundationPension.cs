using Actuarial.Demography;

namespace Actuarial.Residents;

/// <summary>
/// The foundation (basic) pension of the urban and rural residents' basic pension (城乡居民基本养老保险 基础养老金): a flat
/// monthly amount paid from the budget to every beneficiary, the central minimum (全国基础养老金最低标准) plus the province's
/// own top-up. Immutable; the central minimum from 2025 is a lever (<c>residents.minimum_pension</c>, at 2025 prices).
/// </summary>
/// <remarks>
/// <para>Central minimum, yuan a month: 55 at the start of the rural pilot in 2009 [S2]; 70 → 88 from 1 January 2018 [S2]
/// (China Daily reprint of the MOHRSS statement, 2018-05-14: http://www.szjzcy.com/a/201805/14/WS5af9868ca3103f6866ee848a.html);
/// 103 in 2023 → <b>123 in 2024</b> (+20, 2024 government work report) [S2]
/// (https://newsflash.city/2403/4f956a0dd55bd34f.html); <b>+20 in 2025</b> (2025 government work report) [S2]
/// (https://toutiao.com/topic/7479693640966031360), so <b>143 in 2025</b> [D]. Only 2024 and 2025 enter the projection.</para>
/// <para>After 2025: ASSUMPTION — the minimum keeps its real value (rises with consumer prices). Its rises since 2009 were
/// decided year by year with no rule; holding the real value is the neutral choice, and the lever sets another path.</para>
/// <para>Provincial top-ups (地方提高的基础养老金): not published by province; calibrated as the 2024 foundation pension per
/// beneficiary less the central minimum (<see cref="ResidentsCalibration"/>) and held in real terms (ASSUMPTION, as
/// the minimum).</para>
/// </remarks>
public sealed record FoundationPension
{
    /// <summary>The central minimum in 2024, 123 yuan a month [S2].</summary>
    public const double CentralMinimum2024YuanPerMonth = 123;

    /// <summary>The central minimum in 2025, 143 yuan a month (123 + 20) [D from S2].</summary>
    public const double CentralMinimum2025YuanPerMonth = 143;

    /// <summary>
    /// The central minimum where the scenario sets it, in yuan a month <b>at 2025 prices</b> (a path from its first year,
    /// 2025 or later; each year's value is made nominal with the CPI since 2025, so a constant path holds a real level);
    /// null = the default (2025's 143 yuan held in real terms).
    /// </summary>
    public AnnualPath? CentralMinimumPath { get; init; }

    /// <summary>The central minimum of <paramref name="year"/> (2024 or later), nominal yuan a month; <paramref name="priceGrowth"/> gives each year's CPI growth.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year before 2024.</exception>
    public double CentralMinimum(int year, Func<int, double> priceGrowth)
    {
        ArgumentNullException.ThrowIfNull(priceGrowth);
        if (year < 2024) throw new ArgumentOutOfRangeException(nameof(year), year, "the residents' scheme is projected from 2024");
        if (year == 2024 && CentralMinimumPath is not { FirstYear: <= 2024 }) return CentralMinimum2024YuanPerMonth;
        double prices = 1; // CPI of the year relative to 2025
        for (int y = 2026; y <= year; y++) prices *= 1 + priceGrowth(y);
        double real = CentralMinimumPath is { } path && year >= path.FirstYear ? path[Math.Min(year, path.LastYear)] : CentralMinimum2025YuanPerMonth;
        return real * prices;
    }

    /// <summary>The monthly foundation pension of a beneficiary: the central minimum plus the province's top-up.</summary>
    public static double Monthly(double centralMinimumYuan, double provincialTopUpYuan) => centralMinimumYuan + provincialTopUpYuan;
}
