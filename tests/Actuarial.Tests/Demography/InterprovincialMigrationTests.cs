using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class InterprovincialMigrationTests
{
    private static double[] RandomCensus(Random random, int regions, double scale)
    {
        var census = new double[regions * Sexes.Count * InterprovincialMigration.CensusGroupCount];
        for (int i = 0; i < census.Length; i++)
        {
            int g = i % InterprovincialMigration.CensusGroupCount;
            census[i] = random.Next(10) == 0 ? 0.0 : scale * random.NextDouble() * Math.Exp(-0.1 * g);
        }
        return census;
    }

    private static double[] RandomPopulation(Random random, int regions)
    {
        var population = new double[regions * PopulationShape.CellsPerRegion];
        for (int i = 0; i < population.Length; i++)
        {
            population[i] = random.Next(6) == 0 ? 0.0 : Math.Pow(10, random.NextDouble() * 6);
        }
        return population;
    }

    private static double[] RandomRates(Random random, int regions)
    {
        var rates = new double[regions * InterprovincialMigrationRates.CellsPerRegion];
        for (int i = 0; i < rates.Length; i++)
        {
            // In (−1, 1), including values very close to −1.
            rates[i] = random.Next(20) == 0 ? -1.0 + 1e-12 : 2.0 * random.NextDouble() - 1.0;
            if (rates[i] <= -1.0) rates[i] = -0.999999;
        }
        return rates;
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public void Cohort_net_migrants_sum_to_zero_over_regions(int seed)
    {
        var random = new Random(seed);
        int regions = random.Next(2, 8);
        var c2010 = RandomCensus(random, regions, 1e6);
        var c2020 = RandomCensus(random, regions, 1e6);
        // Keep every national cohort non-empty in 2010.
        for (int i = 0; i < c2010.Length; i++) c2010[i] += 1.0;
        var net = InterprovincialMigration.CohortNetMigrants(c2010, c2020, regions);
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int c = 0; c < InterprovincialMigration.CohortCount; c++)
            {
                double sum = 0, gross = 0;
                for (int p = 0; p < regions; p++)
                {
                    double m = net[(p * Sexes.Count + s) * InterprovincialMigration.CohortCount + c];
                    sum += m;
                    gross += Math.Abs(m);
                }
                Assert.That(sum, Is.EqualTo(0).Within(1e-9 * Math.Max(1, gross)), $"sex {s}, cohort {c}");
            }
        }
        var rates = InterprovincialMigration.Estimate(c2010, c2020, regions);
        foreach (var r in rates.AsSpan().ToArray()) Assert.That(r, Is.InRange(-0.2, 0.2));
    }

    [Test]
    public void Rates_follow_cohorts_and_children_take_the_parents_rate()
    {
        // Two regions; region 0 gains people aged 20-24 in 2010 (ages 30-34 in 2020), nothing else moves.
        const int G = InterprovincialMigration.CensusGroupCount;
        var c2010 = new double[2 * 2 * G];
        var c2020 = new double[2 * 2 * G];
        for (int i = 0; i < c2010.Length; i++) c2010[i] = c2020[i] = 1000;
        // Cohort 20-24 in 2010 (group 4) → group 6 in 2020.
        for (int s = 0; s < 2; s++)
        {
            c2020[(0 * 2 + s) * G + 6] = 1100;
            c2020[(1 * 2 + s) * G + 6] = 900;
        }
        var rates = InterprovincialMigration.Estimate(c2010, c2020, 2, childRateFactor: 0.5);
        // Expected = 1000 each (national ratio 1); net +100; exposure (1000+1100)/2 → 10 / 1050 per year.
        for (int age = 25; age <= 29; age++)
        {
            Assert.That(rates[0, Sex.Male, age], Is.EqualTo(10.0 / 1050).Within(1e-15));
            Assert.That(rates[1, Sex.Female, age], Is.EqualTo(-10.0 / 950).Within(1e-15));
        }
        Assert.That(rates[0, Sex.Male, 24], Is.Zero);
        Assert.That(rates[0, Sex.Male, 30], Is.Zero);
        Assert.That(rates[0, Sex.Male, 100], Is.Zero);
        // Children: 0.5 × both-sex rate of mid-period ages 25-39 = 0.5 × (2·100/10) / (2·1050 + 2·1000 + 2·1000).
        double child = 0.5 * (200.0 / 10) / (2 * 1050 + 2 * 1000 + 2 * 1000);
        for (int age = 0; age < 5; age++) Assert.That(rates[0, Sex.Female, age], Is.EqualTo(child).Within(1e-15));
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public void Flows_sum_to_zero_and_nothing_goes_negative(int seed)
    {
        var random = new Random(seed);
        int regions = random.Next(1, 7);
        var population = RandomPopulation(random, regions);
        var rates = RandomRates(random, regions);
        var flows = new double[population.Length];
        InterprovincialMigration.ComputeNetFlows(population, rates, flows, regions);
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int e = 0; e < EducationLevels.Count; e++)
            {
                for (int a = 0; a < Ages.Count; a++)
                {
                    double sum = 0, gross = 0;
                    for (int p = 0; p < regions; p++)
                    {
                        int i = PopulationShape.Index(p, (Sex)s, (EducationLevel)e, a);
                        sum += flows[i];
                        gross += Math.Abs(flows[i]);
                        Assert.That(population[i] + flows[i], Is.GreaterThanOrEqualTo(0.0));
                    }
                    Assert.That(sum, Is.EqualTo(0).Within(1e-9 * gross));
                }
            }
        }
        var after = (double[])population.Clone();
        InterprovincialMigration.ApplyNetFlows(after, rates, new double[after.Length], regions);
        Assert.That(after, Has.All.GreaterThanOrEqualTo(0.0));
        Assert.That(after.Sum(), Is.EqualTo(population.Sum()).Within(1e-9 * population.Sum()));
    }

    /// <summary>
    /// By hand: region 0 sends 10% of each education level of men aged 30 (100 and 50 people → 10 and 5); regions 1 and
    /// 2 receive in proportion to rate × their whole cohort: 0.2 × 300 = 60 and 0.1 × 600 = 60, so half each, whatever
    /// their own education mix (region 1 has nobody at the second level and still receives 2.5 of its movers).
    /// </summary>
    [Test]
    public void Movers_are_shared_by_receiving_capacity_and_keep_their_education()
    {
        const int regions = 3;
        var population = new double[regions * PopulationShape.CellsPerRegion];
        var rates = new double[regions * InterprovincialMigrationRates.CellsPerRegion];
        population[PopulationShape.Index(0, Sex.Male, EducationLevel.Primary, 30)] = 100;
        population[PopulationShape.Index(0, Sex.Male, EducationLevel.UpperSecondary, 30)] = 50;
        population[PopulationShape.Index(1, Sex.Male, EducationLevel.Primary, 30)] = 300;
        population[PopulationShape.Index(2, Sex.Male, EducationLevel.Primary, 30)] = 200;
        population[PopulationShape.Index(2, Sex.Male, EducationLevel.UpperSecondary, 30)] = 400;
        rates[InterprovincialMigrationRates.Index(0, Sex.Male, 30)] = -0.1;
        rates[InterprovincialMigrationRates.Index(1, Sex.Male, 30)] = 0.2;
        rates[InterprovincialMigrationRates.Index(2, Sex.Male, 30)] = 0.1;
        var flows = new double[population.Length];
        InterprovincialMigration.ComputeNetFlows(population, rates, flows, regions);
        Assert.That(flows[PopulationShape.Index(0, Sex.Male, EducationLevel.Primary, 30)], Is.EqualTo(-10).Within(1e-12));
        Assert.That(flows[PopulationShape.Index(0, Sex.Male, EducationLevel.UpperSecondary, 30)], Is.EqualTo(-5).Within(1e-12));
        Assert.That(flows[PopulationShape.Index(1, Sex.Male, EducationLevel.Primary, 30)], Is.EqualTo(5).Within(1e-12));
        Assert.That(flows[PopulationShape.Index(1, Sex.Male, EducationLevel.UpperSecondary, 30)], Is.EqualTo(2.5).Within(1e-12));
        Assert.That(flows[PopulationShape.Index(2, Sex.Male, EducationLevel.Primary, 30)], Is.EqualTo(5).Within(1e-12));
        Assert.That(flows[PopulationShape.Index(2, Sex.Male, EducationLevel.UpperSecondary, 30)], Is.EqualTo(2.5).Within(1e-12));
    }

    [Test]
    public void Rates_at_or_below_minus_one_are_rejected()
    {
        var rates = new double[2 * InterprovincialMigrationRates.CellsPerRegion];
        rates[InterprovincialMigrationRates.Index(1, Sex.Female, 40)] = -1.0;
        var ex = Assert.Throws<InputDataException>(() => _ = new InterprovincialMigrationRates(rates, 2));
        Assert.That(ex!.Field, Does.Contain("female").And.Contain("40"));
        Assert.Throws<InputDataException>(() =>
            InterprovincialMigration.ComputeNetFlows(new double[2 * PopulationShape.CellsPerRegion], rates,
                new double[2 * PopulationShape.CellsPerRegion], 2));
        rates[InterprovincialMigrationRates.Index(1, Sex.Female, 40)] = double.NaN;
        Assert.Throws<InputDataException>(() => _ = new InterprovincialMigrationRates(rates, 2));
    }

    [Test]
    public void China_2010_to_2020_rates_have_the_known_signs()
    {
        var rates = ChinaInterprovincialMigration.China2010To2020();
        Assert.That(rates.RegionCount, Is.EqualTo(31));
        double Mean(string province, int from, int to)
        {
            int p = Regions.Provinces.ToList().FindIndex(r => r.EnglishName == province);
            double s = 0;
            int n = 0;
            foreach (var sex in Sexes.All)
                for (int a = from; a <= to; a++) { s += rates[p, sex, a]; n++; }
            return s / n;
        }
        foreach (var name in new[] { "Guangdong", "Zhejiang", "Shanghai", "Beijing", "Henan", "Sichuan", "Anhui", "Heilongjiang" })
        {
            TestContext.Out.WriteLine(
                $"{name,-14} 0-4 {Mean(name, 0, 4),8:P2}  20-29 {Mean(name, 20, 29),8:P2}  30-39 {Mean(name, 30, 39),8:P2}  50-59 {Mean(name, 50, 59),8:P2}  70-79 {Mean(name, 70, 79),8:P2}");
        }
        Assert.That(Mean("Guangdong", 20, 29), Is.Positive);
        Assert.That(Mean("Zhejiang", 20, 29), Is.Positive);
        Assert.That(Mean("Henan", 20, 29), Is.Negative);
        Assert.That(Mean("Sichuan", 20, 29), Is.Negative);
        foreach (var r in rates.AsSpan().ToArray()) Assert.That(r, Is.InRange(-0.2, 0.2));
    }
}
