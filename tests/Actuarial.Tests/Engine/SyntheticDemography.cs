using Actuarial.Demography;
using Actuarial.Dimensions;

namespace Actuarial.Tests.Engine;

/// <summary>Death rates fixed over time, given per sex: the simplest mortality model, for tests.</summary>
internal sealed class FixedMortality(double[] male, double[] female) : IMortalityModel
{
    public void FillDeathRates(int year, Sex sex, Span<double> mx) => (sex == Sex.Male ? male : female).CopyTo(mx);
}

/// <summary>Random but valid demographic assumptions from a seed, for property tests.</summary>
internal static class SyntheticDemography
{
    public const int BaseYear = 2020;

    public static double[] RandomMx(Random random, double scale = 1)
    {
        var mx = new double[Ages.Count];
        double level = 0.0002 + 0.002 * random.NextDouble();
        for (int a = 0; a < Ages.Count; a++)
        {
            // Gompertz-like rise with noise, capped well below the q ≤ 1 limit of the life table.
            mx[a] = Math.Min(1.5, scale * level * Math.Exp(0.085 * a) * (0.7 + 0.6 * random.NextDouble()));
        }
        mx[0] = scale * (0.002 + 0.02 * random.NextDouble());
        return mx;
    }

    public static double[] RandomPopulation(Random random, int regionCount, bool allEducationLevels = true)
    {
        var persons = new double[regionCount * PopulationShape.CellsPerRegion];
        for (int r = 0; r < regionCount; r++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int e = 0; e < EducationLevels.Count; e++)
                {
                    for (int a = 0; a < Ages.Count; a++)
                    {
                        bool child = a < 15;
                        if (child && e > 0 || !allEducationLevels && e > 0) continue;
                        persons[PopulationShape.Index(r, (Sex)s, (EducationLevel)e, a)] =
                            random.NextDouble() < 0.05 ? 0 : 1000 * random.NextDouble() * Math.Exp(-0.02 * a);
                    }
                }
            }
        }
        return persons;
    }

    public static FertilityAgeSchedule RandomSchedule(Random random, int firstYear, int lastYear)
    {
        var rows = new List<double[]>();
        for (int y = firstYear; y <= lastYear; y++)
        {
            var row = new double[Ages.Count];
            double sum = 0;
            for (int a = 15; a <= 49; a++) sum += row[a] = random.NextDouble();
            for (int a = 15; a <= 49; a++) row[a] /= sum;
            rows.Add(row);
        }
        return new FertilityAgeSchedule("synthetic schedule", firstYear, rows);
    }

    public static AttainmentPath RandomAttainment(Random random, int firstYear, int lastYear)
    {
        int[] years = [firstYear, lastYear];
        var shares = new double[years.Length, Sexes.Count, AttainmentPath.AgeGroupCount, EducationLevels.Count];
        for (int y = 0; y < years.Length; y++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int g = 0; g < AttainmentPath.AgeGroupCount; g++)
                {
                    double sum = 0;
                    var draw = new double[EducationLevels.Count];
                    for (int e = 0; e < EducationLevels.Count; e++) sum += draw[e] = random.NextDouble();
                    for (int e = 0; e < EducationLevels.Count; e++) shares[y, s, g, e] = draw[e] / sum;
                }
            }
        }
        return AttainmentPath.FromShares(years, shares, "synthetic attainment");
    }

    /// <summary>
    /// Random assumptions over a short horizon. International migration is non-negative here so that no random draw
    /// asks more people to leave than exist (that case is tested on its own as an error).
    /// </summary>
    public static DemographicAssumptions Random(int seed, int regionCount, int years = 5, bool education = true, bool interprovincial = true)
    {
        var random = new Random(seed);
        int endYear = BaseYear + years;
        var shape = regionCount == 1 ? new PopulationShape([Regions.China]) : new PopulationShape(Regions.Provinces.Take(regionCount).ToArray());
        var migrants = new List<double[]>();
        for (int y = BaseYear; y <= endYear; y++)
        {
            var row = new double[Sexes.Count * Ages.Count];
            for (int i = 0; i < row.Length; i++) row[i] = random.NextDouble() < 0.5 ? 0 : 5 * random.NextDouble();
            migrants.Add(row);
        }
        InterprovincialMigrationRates? rates = null;
        if (interprovincial && regionCount > 1)
        {
            var values = new double[regionCount * InterprovincialMigrationRates.CellsPerRegion];
            for (int i = 0; i < values.Length; i++) values[i] = 0.2 * (random.NextDouble() - 0.5);
            rates = new InterprovincialMigrationRates(values, regionCount, "synthetic rates");
        }
        return new DemographicAssumptions
        {
            BasePopulation = new PopulationGrid(shape, RandomPopulation(random, regionCount)),
            BaseYear = BaseYear,
            EndYear = endYear,
            Mortality = new FixedMortality(RandomMx(random), RandomMx(random)),
            Fertility = new FertilityAssumption(
                AnnualPath.Constant("tfr", BaseYear, endYear, 0.8 + 2 * random.NextDouble()),
                RandomSchedule(random, BaseYear, endYear),
                AnnualPath.Constant("srb", BaseYear, endYear, 1.0 + 0.2 * random.NextDouble())),
            InternationalMigration = new InternationalMigrationAssumption("synthetic migration", BaseYear, migrants),
            InterprovincialMigration = rates,
            Education = education ? RandomAttainment(random, BaseYear, endYear) : null,
            SchoolingYears = SchoolingYears.IscedChina,
        };
    }
}
