using Actuarial.Dimensions;

namespace Actuarial.Residents;

/// <summary>
/// Who pays the residents' foundation pension: the central budget pays the central minimum in full in the central and
/// western provinces and half of it in the eastern provinces; the provinces pay the rest of the minimum, their own top-ups
/// and the contribution subsidies.
/// </summary>
/// <remarks>
/// [S2] MOHRSS statement on the 2018 increase (China Daily reprint, 2018-05-14,
/// http://www.szjzcy.com/a/201805/14/WS5af9868ca3103f6866ee848a.html): "the central government will fully fund the upward
/// adjustment in the mid-west regions and cover half of the expenditure for the raise in the more developed eastern areas";
/// the same split of the whole minimum is in 国务院关于建立统一的城乡居民基本养老保险制度的意见 (国发〔2014〕8号) [U: recalled, the
/// text not read]. The eastern provinces are NBS's eastern region (Beijing, Tianjin, Hebei, Liaoning, Shanghai, Jiangsu,
/// Zhejiang, Fujian, Shandong, Guangdong, Hainan): ASSUMPTION that the budget uses the same list (some central transfers
/// treat parts of Hebei, Liaoning, Fujian, Shandong or Hainan as central or western, not modelled).
/// </remarks>
internal static class CostSharing
{
    private static readonly HashSet<int> EasternProvinceCodes = [11, 12, 13, 21, 31, 32, 33, 35, 37, 44, 46];

    /// <summary>Whether the province is in the eastern region (the central budget pays half of its minimum).</summary>
    public static bool IsEastern(Region province) => EasternProvinceCodes.Contains(province.Code);

    /// <summary>The share of the central minimum the central budget pays in <paramref name="province"/>: 0.5 in the east, 1 elsewhere.</summary>
    public static double CentralShareOfMinimum(Region province) => IsEastern(province) ? 0.5 : 1.0;

    /// <summary>The central budget's part of a year's foundation pensions: beneficiaries × 12 × minimum × its share (yuan).</summary>
    public static double CentralCost(Region province, double beneficiaries, double centralMinimumYuanPerMonth) =>
        beneficiaries * 12 * centralMinimumYuanPerMonth * CentralShareOfMinimum(province);
}
