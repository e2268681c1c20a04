using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using static Actuarial.Demography.InterprovincialMigration;

namespace Actuarial.China;

/// <summary>China's net migration rates between provinces from the embedded 2010 and 2020 census tables.</summary>
internal static class ChinaInterprovincialMigration
{
    /// <summary>
    /// China's annual net interprovincial migration rates for the 31 provinces (region index = index in
    /// <see cref="Regions.Provinces"/>), estimated by <see cref="InterprovincialMigration.Estimate"/> from the 2010 and 2020 census counts by
    /// province, sex and age group (<see cref="ChinaData.CensusPopulationProvinceAge5"/>).
    /// </summary>
    /// <param name="childRateFactor">Multiplier on the parents' rate for ages 0–4 (see <see cref="InterprovincialMigration"/>).</param>
    /// <returns>The rates [province][sex][age].</returns>
    /// <exception cref="InputDataException">The embedded census table is incomplete.</exception>
    public static InterprovincialMigrationRates China2010To2020(double childRateFactor = 1.0)
    {
        var rows = ChinaData.CensusPopulationProvinceAge5();
        return Estimate(FiveYearGroups(rows, 2010), FiveYearGroups(rows, 2020), Regions.Provinces.Count, childRateFactor);
    }

    /// <summary>Census counts [province][sex][21 five-year groups] of one year (0 and 1–4 merged into 0–4).</summary>
    internal static double[] FiveYearGroups(IReadOnlyList<CensusPopulationRow> rows, int year)
    {
        var detailed = ChinaBasePopulation.CensusGroups(rows, year, "census_population_province_age5.csv");
        int regions = Regions.Provinces.Count;
        var result = new double[regions * Sexes.Count * CensusGroupCount];
        for (int k = 0; k < regions * Sexes.Count; k++)
        {
            var from = detailed.AsSpan(k * BasePopulation.CensusGroupCount, BasePopulation.CensusGroupCount);
            var to = result.AsSpan(k * CensusGroupCount, CensusGroupCount);
            to[0] = from[0] + from[1];
            for (int g = 1; g < CensusGroupCount; g++) to[g] = from[g + 1];
        }
        return result;
    }
}
