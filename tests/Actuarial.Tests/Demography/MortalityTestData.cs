using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Tests.Demography;

/// <summary>Synthetic and WPP mortality schedules shared by the mortality tests.</summary>
internal static class MortalityTestData
{
    /// <summary>A plausible single-year schedule: infant and child mortality, accident hump, Gompertz senescence.</summary>
    public static double[] Schedule(double level, Random? random = null)
    {
        var mx = new double[Ages.Count];
        for (int x = 0; x < Ages.Count; x++)
        {
            double infant = 0.02 * Math.Exp(-1.5 * x) + 0.0004;
            double hump = 0.0006 * Math.Exp(-Math.Pow((x - 22) / 6.0, 2));
            double senescent = 0.00003 * Math.Exp(0.095 * x);
            double noise = random is null ? 1.0 : Math.Exp(0.1 * (random.NextDouble() - 0.5));
            mx[x] = Math.Min(1.5, level * (infant + hump + senescent) * noise);
        }
        return mx;
    }

    /// <summary>A random valid single-year schedule.</summary>
    public static double[] RandomSchedule(int seed)
    {
        var random = new Random(seed);
        return Schedule(0.2 + 3.0 * random.NextDouble(), random);
    }

    /// <summary>Abridged rates (0, 1-4, …, 95-99, 100+) of the given period and sex from the embedded WPP 2024 file.</summary>
    public static double[] Wpp2024Abridged(int periodStart, Sex sex)
    {
        var want = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        var rows = ChinaData.Wpp2024MxAbridged().Where(r => r.PeriodStart == periodStart && r.Sex == want)
            .OrderBy(r => r.AgeGroup.Start).ToList();
        if (rows.Count != MortalityGraduation.AbridgedCount)
        {
            throw new InvalidOperationException($"expected 22 WPP 2024 rows for {periodStart} {sex}, found {rows.Count}");
        }
        return rows.Select(r => r.Mx).ToArray();
    }

    /// <summary>Start years of the WPP 2024 abridged periods.</summary>
    public static int[] Wpp2024PeriodStarts() =>
        ChinaData.Wpp2024MxAbridged().Select(r => r.PeriodStart).Distinct().Order().ToArray();
}
