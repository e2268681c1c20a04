using Actuarial.Funds;

namespace Actuarial.China;

/// <summary>China's pooling of the provincial funds: the dates and ratios of the central adjustment and national pooling, and the schedule they make.</summary>
public static class ChinaPooling
{
    /// <summary>First year of the central adjustment system (in force from 2018-07-01; 国发〔2018〕18号, reference §3.1 [S]).</summary>
    public const int CentralAdjustmentFirstYear = 2018;

    /// <summary>Last year of the central adjustment system (replaced by national pooling on 2022-01-01, reference §4.1 [S]).</summary>
    public const int CentralAdjustmentLastYear = 2021;

    /// <summary>First year of national pooling (2022-01-01, reference §4.1 [S], Xinhua 2022-02-22).</summary>
    public const int NationalPoolingFirstYear = 2022;

    /// <summary>Central adjustment ratio 2018: 3% ("starts at 3%", reference §3.1/§3.2 [S]), for the second half-year only.</summary>
    public const double CentralAdjustmentRatio2018 = 0.03;

    /// <summary>Central adjustment ratio 2019: 3.5% (reference §3.2; tagged [U] there, consistent with the fund of 6,303 亿).</summary>
    public const double CentralAdjustmentRatio2019 = 0.035;

    /// <summary>Central adjustment ratio 2020: 4% (reference §3.2; tagged [U] there, consistent with the budget of 7,398 亿).</summary>
    public const double CentralAdjustmentRatio2020 = 0.04;

    /// <summary>Central adjustment ratio 2021: 4.5% (reference §3.2 [S2], MOHRSS 2021 communiqué).</summary>
    public const double CentralAdjustmentRatio2021 = 0.045;

    /// <summary>Share of 2018 in which the central adjustment was in force: 1 July to 31 December.</summary>
    public const double CentralAdjustmentYearFraction2018 = 0.5;

    /// <summary>
    /// China's history and present: provincial pooling to 2017, the central adjustment 2018–2021 at the statutory
    /// ratios (2018 for half a year), national pooling from 2022.
    /// </summary>
    /// <param name="centralAdjustmentRatio">Replaces the statutory ratio of a year (year → ratio), the lever of the central adjustment.</param>
    /// <param name="nationalPooling">The national pooling rule; default <see cref="NationalPooling"/> with its defaults.</param>
    public static PoolingSchedule Schedule(Func<int, double>? centralAdjustmentRatio = null, IPoolingRule? nationalPooling = null)
    {
        double Ratio(int year, double statutory) => centralAdjustmentRatio?.Invoke(year) ?? statutory;
        return new PoolingSchedule(
        [
            new PoolingPeriod(int.MinValue, CentralAdjustmentFirstYear - 1, new ProvincialPooling()),
            new PoolingPeriod(2018, 2018, new CentralAdjustment(Ratio(2018, CentralAdjustmentRatio2018), CentralAdjustmentYearFraction2018)),
            new PoolingPeriod(2019, 2019, new CentralAdjustment(Ratio(2019, CentralAdjustmentRatio2019))),
            new PoolingPeriod(2020, 2020, new CentralAdjustment(Ratio(2020, CentralAdjustmentRatio2020))),
            new PoolingPeriod(2021, CentralAdjustmentLastYear, new CentralAdjustment(Ratio(2021, CentralAdjustmentRatio2021))),
            new PoolingPeriod(NationalPoolingFirstYear, int.MaxValue, nationalPooling ?? new NationalPooling()),
        ]);
    }
}
