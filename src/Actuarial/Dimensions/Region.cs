namespace Actuarial.Dimensions;

/// <summary>
/// A region of the projection: one of China's 31 provincial-level divisions (mainland, excluding Hong Kong,
/// Macao and Taiwan) or the national aggregate.
/// </summary>
/// <param name="Code">GB/T 2260 two-digit code (11 = Beijing … 65 = Xinjiang); 0 for the national aggregate.</param>
/// <param name="EnglishName">English name as used by NBS census tables.</param>
/// <param name="ChineseName">Chinese short name (简称 form used in census tables, e.g. 北京).</param>
public readonly record struct Region(int Code, string EnglishName, string ChineseName)
{
    /// <summary>True for the national aggregate (code 0).</summary>
    public bool IsNational => Code == 0;

    /// <inheritdoc />
    public override string ToString() => EnglishName;
}

/// <summary>The regions China's defaults use, in GB/T 2260 order.</summary>
public static class Regions
{
    /// <summary>China as one region (code 0).</summary>
    public static Region China { get; } = new(0, "China", "全国");

    /// <summary>The 31 provincial-level divisions in GB/T 2260 code order; their index here is their grid index.</summary>
    public static IReadOnlyList<Region> Provinces { get; } =
    [
        new(11, "Beijing", "北京"), new(12, "Tianjin", "天津"), new(13, "Hebei", "河北"),
        new(14, "Shanxi", "山西"), new(15, "Inner Mongolia", "内蒙古"), new(21, "Liaoning", "辽宁"),
        new(22, "Jilin", "吉林"), new(23, "Heilongjiang", "黑龙江"), new(31, "Shanghai", "上海"),
        new(32, "Jiangsu", "江苏"), new(33, "Zhejiang", "浙江"), new(34, "Anhui", "安徽"),
        new(35, "Fujian", "福建"), new(36, "Jiangxi", "江西"), new(37, "Shandong", "山东"),
        new(41, "Henan", "河南"), new(42, "Hubei", "湖北"), new(43, "Hunan", "湖南"),
        new(44, "Guangdong", "广东"), new(45, "Guangxi", "广西"), new(46, "Hainan", "海南"),
        new(50, "Chongqing", "重庆"), new(51, "Sichuan", "四川"), new(52, "Guizhou", "贵州"),
        new(53, "Yunnan", "云南"), new(54, "Tibet (Xizang)", "西藏"), new(61, "Shaanxi", "陕西"),
        new(62, "Gansu", "甘肃"), new(63, "Qinghai", "青海"), new(64, "Ningxia", "宁夏"),
        new(65, "Xinjiang", "新疆"),
    ];

    /// <summary>Finds a province or the nation by its GB/T 2260 two-digit code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not 0 or one of the 31 province codes.</exception>
    public static Region FromCode(int code)
    {
        if (code == 0) return China;
        foreach (var province in Provinces)
        {
            if (province.Code == code) return province;
        }
        throw new ArgumentOutOfRangeException(nameof(code), code,
            "not a GB/T 2260 province code: valid codes are 0 (China) and 11..65 for the 31 provinces");
    }

    /// <summary>Index of a province in <see cref="Provinces"/>, or -1.</summary>
    internal static int ProvinceIndex(int code)
    {
        for (int i = 0; i < Provinces.Count; i++)
        {
            if (Provinces[i].Code == code) return i;
        }
        return -1;
    }
}
