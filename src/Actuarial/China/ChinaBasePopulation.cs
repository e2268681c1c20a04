using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.Demography;
using Actuarial.IO;
using static Actuarial.Demography.BasePopulation;

namespace Actuarial.China;

/// <summary>China's 2020 base population from the embedded census and Wittgenstein Centre tables (<see cref="BasePopulation.Build"/>).</summary>
internal static class ChinaBasePopulation
{
    /// <summary>
    /// China's base population on census day 2020 (1 November) for the 31 provinces (grid region index = index in
    /// <see cref="Regions.Provinces"/>), by sex, WIC education level and single age 0..100, built by
    /// <see cref="BasePopulation.Build"/> from the embedded data: the 2020 census by province, sex and age group
    /// (<see cref="ChinaData.CensusPopulationProvinceAge5"/>), the national single-year average population of the
    /// census year (<see cref="ChinaData.CensusNationalSingleAge"/>), the census education of the population 3+
    /// (<see cref="ChinaData.Census2020EducationProvinceSex"/>) and the WIC SSP2 2020 age × sex × education seed
    /// (<see cref="ChinaData.Wic2018Ssp2PopulationAgeSexEducation"/>). The method is described on
    /// <see cref="BasePopulation"/>.
    /// </summary>
    /// <returns>A new array of length 31 × <see cref="PopulationShape.CellsPerRegion"/>, laid out as
    /// <c>new PopulationShape(Regions.Provinces)</c>.</returns>
    /// <exception cref="InputDataException">An embedded table is incomplete.</exception>
    public static double[] China2020()
    {
        var inputs = China2020Inputs();
        return Build(inputs.RegionGroups, inputs.NationalSingleYear, inputs.CensusEducation, inputs.WicSeed, Regions.Provinces.Count);
    }

    /// <summary>
    /// <see cref="China2020"/> as a <see cref="PopulationGrid"/> with the shape
    /// <c>new PopulationShape(Regions.Provinces)</c>, ready for the projection's assumptions.
    /// </summary>
    /// <returns>The 2020 census-day base population of the 31 provinces.</returns>
    /// <exception cref="InputDataException">An embedded table is incomplete.</exception>
    public static PopulationGrid China2020Grid() =>
        new(new PopulationShape(Regions.Provinces), China2020(), "China 2020 base population");

    /// <summary>The arrays <see cref="China2020"/> feeds to <see cref="BasePopulation.Build"/>, for inspection and tests.</summary>
    internal static (double[] RegionGroups, double[] NationalSingleYear, double[] CensusEducation, double[] WicSeed) China2020Inputs()
    {
        int regions = Regions.Provinces.Count;
        return (CensusGroups(ChinaData.CensusPopulationProvinceAge5(), 2020, "census_population_province_age5.csv"),
            NationalSingleYear(ChinaData.CensusNationalSingleAge(), 2020),
            CensusEducationClassesByRegion(ChinaData.Census2020EducationProvinceSex(), regions),
            WicSeed(ChinaData.Wic2018Ssp2PopulationAgeSexEducation(), 2020));
    }

    /// <summary>Census counts [province][sex][22 census groups] of one census year.</summary>
    internal static double[] CensusGroups(IReadOnlyList<CensusPopulationRow> rows, int year, string source)
    {
        int regions = Regions.Provinces.Count;
        var result = new double[regions * Sexes.Count * CensusGroupCount];
        var seen = new bool[result.Length];
        foreach (var row in rows)
        {
            if (row.CensusYear != year || row.RegionCode == 0) continue;
            int p = Regions.ProvinceIndex(row.RegionCode);
            int g = IndexOfStart(row.AgeGroup.Start);
            if (p < 0 || g < 0) continue;
            int k = (p * Sexes.Count + (int)row.Sex) * CensusGroupCount + g;
            result[k] += row.PopulationPersons;
            seen[k] = true;
        }
        RequireAll(seen, source, $"census {year.ToString(CultureInfo.InvariantCulture)} province × sex × age group",
            k => $"{Regions.Provinces[k / (Sexes.Count * CensusGroupCount)].EnglishName}, {((Sex)(k / CensusGroupCount % Sexes.Count)).Label()}, group starting {CensusGroupStarts[k % CensusGroupCount].ToString(CultureInfo.InvariantCulture)}");
        return result;
    }

    private static double[] NationalSingleYear(IReadOnlyList<CensusSingleAgeRow> rows, int year)
    {
        var result = new double[Sexes.Count * Ages.Count];
        var seen = new bool[result.Length];
        foreach (var row in rows)
        {
            if (row.CensusYear != year) continue;
            int k = (int)row.Sex * Ages.Count + row.Age;
            result[k] = row.AveragePopulationPersons;
            seen[k] = true;
        }
        RequireAll(seen, "census_national_single_age.csv", $"{year.ToString(CultureInfo.InvariantCulture)} average population by sex and age",
            k => $"{((Sex)(k / Ages.Count)).Label()}, age {Ages.Label(k % Ages.Count)}");
        return result;
    }

    private static double[] CensusEducationClassesByRegion(IReadOnlyList<CensusEducationRow> rows, int regions)
    {
        var result = new double[regions * Sexes.Count * CensusEducationClassCount];
        var seen = new bool[regions * Sexes.Count * 7];
        foreach (var row in rows)
        {
            if (row.RegionCode == 0) continue;
            int p = Regions.ProvinceIndex(row.RegionCode);
            if (p < 0) continue;
            int cls = row.Education switch
            {
                CensusEducation.NeverAttended => 0,
                CensusEducation.Primary => 1,
                CensusEducation.JuniorSecondary => 2,
                CensusEducation.SeniorSecondary => 3,
                _ => 4, // junior college, bachelor, postgraduate → post-secondary
            };
            result[(p * Sexes.Count + (int)row.Sex) * CensusEducationClassCount + cls] += row.PopulationPersons;
            seen[(p * Sexes.Count + (int)row.Sex) * 7 + (int)row.Education] = true;
        }
        RequireAll(seen, "census2020_education_province_sex.csv", "province × sex × education",
            k => $"{Regions.Provinces[k / (Sexes.Count * 7)].EnglishName}, {((Sex)(k / 7 % Sexes.Count)).Label()}, {((CensusEducation)(k % 7)).ToString()}");
        return result;
    }

    private static double[] WicSeed(IReadOnlyList<WicPopulationEducationRow> rows, int year)
    {
        var result = new double[Sexes.Count * SeedGroupCount * EducationLevels.Count];
        var seen = new bool[result.Length];
        foreach (var row in rows)
        {
            if (row.Year != year || row.Education is not { } level || row.AgeGroup.Start < EducationStartAge) continue;
            int g = Math.Min((row.AgeGroup.Start - EducationStartAge) / 5, SeedGroupCount - 1);
            int k = ((int)row.Sex * SeedGroupCount + g) * EducationLevels.Count + (int)level;
            result[k] += row.PopThousands;
            seen[k] = true;
        }
        RequireAll(seen, "wic2018_ssp2_population_age_sex_education.csv", $"{year.ToString(CultureInfo.InvariantCulture)} sex × age 15+ × education",
            k => $"{((Sex)(k / (SeedGroupCount * EducationLevels.Count))).Label()}, group {(k / EducationLevels.Count % SeedGroupCount).ToString(CultureInfo.InvariantCulture)}, {((EducationLevel)(k % EducationLevels.Count)).Label()}");
        return result;
    }

    private static int IndexOfStart(int start)
    {
        for (int g = 0; g < CensusGroupCount; g++)
        {
            if (CensusGroupStarts[g] == start) return g;
        }
        return -1;
    }

    private static void RequireAll(bool[] seen, string source, string table, Func<int, string> describe)
    {
        for (int k = 0; k < seen.Length; k++)
        {
            if (!seen[k])
            {
                throw new InputDataException(source, null, describe(k), null, $"a row for every cell of the {table} table");
            }
        }
    }
}
