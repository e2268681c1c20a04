using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class BasePopulationTests
{
    private const int G = BasePopulation.CensusGroupCount;
    private const int C = BasePopulation.CensusEducationClassCount;

    private sealed record Synthetic(int Regions, double[] Groups, double[] National, double[] Education, double[] Seed);

    private static Synthetic MakeSynthetic(int seed, int regions)
    {
        var random = new Random(seed);
        var groups = new double[regions * 2 * G];
        for (int k = 0; k < regions * 2; k++)
        {
            double size = 1e5 + 1e6 * random.NextDouble();
            for (int g = 0; g < G; g++)
            {
                int width = g == 0 ? 1 : g == 1 ? 4 : 5;
                groups[k * G + g] = Math.Round(size * width * Math.Exp(-0.002 * g * g) * (0.7 + 0.6 * random.NextDouble()));
            }
            groups[k * G + G - 1] = Math.Round(10 + 50 * random.NextDouble());
        }
        var national = new double[2 * Ages.Count];
        for (int i = 0; i < national.Length; i++)
        {
            int a = i % Ages.Count;
            // A national pattern with digit heaping at ages ending in 0 and 5 and a dent at 41.
            national[i] = 1e6 * Math.Exp(-0.0003 * a * a) * (a % 5 == 0 ? 1.2 : 1.0) * (a == 41 ? 0.6 : 1.0);
        }
        var single = BasePopulation.SingleYearByRegion(groups, national, regions);
        var education = new double[regions * 2 * C];
        for (int k = 0; k < regions * 2; k++)
        {
            double total3Plus = 0;
            for (int a = 3; a < Ages.Count; a++) total3Plus += single[k * Ages.Count + a];
            // Roughly the census' shape: children put back into never attended, primary and junior secondary.
            double[] share = [0.08, 0.25, 0.35, 0.17, 0.15];
            double children35 = 0, children611 = 0, children1214 = 0;
            for (int a = 3; a <= 5; a++) children35 += single[k * Ages.Count + a];
            for (int a = 6; a <= 11; a++) children611 += single[k * Ages.Count + a];
            for (int a = 12; a <= 14; a++) children1214 += single[k * Ages.Count + a];
            double adults = total3Plus - children35 - children611 - children1214;
            // Random shares of the adults that add up to them: the table's 3+ total is the population's.
            var weights = share.Select(w => w * (0.8 + 0.4 * random.NextDouble())).ToArray();
            for (int c = 0; c < C; c++) education[k * C + c] = adults * weights[c] / weights.Sum();
            education[k * C + 0] += children35;
            education[k * C + 1] += children611;
            education[k * C + 2] += children1214;
        }
        var wic = new double[2 * BasePopulation.SeedGroupCount * EducationLevels.Count];
        for (int s = 0; s < 2; s++)
        {
            for (int g = 0; g < BasePopulation.SeedGroupCount; g++)
            {
                var row = wic.AsSpan((s * BasePopulation.SeedGroupCount + g) * EducationLevels.Count, EducationLevels.Count);
                // Older groups less educated; no post-secondary at 15-19 (as in WIC).
                double old = g / 17.0;
                row[0] = 1 + 30 * old;
                row[1] = 2 + 20 * old;
                row[2] = 10 + 20 * old;
                row[3] = 40;
                row[4] = 30 - 15 * old;
                row[5] = g == 0 ? 0 : 25 - 20 * old;
            }
        }
        return new Synthetic(regions, groups, national, education, wic);
    }

    [FsCheck.NUnit.Property(MaxTest = 15)]
    public void Single_years_keep_region_group_totals_and_the_national_shape(int seed)
    {
        var d = MakeSynthetic(seed, regions: 3 + Math.Abs(seed % 4));
        var single = BasePopulation.SingleYearByRegion(d.Groups, d.National, d.Regions);
        Assert.That(single, Has.All.GreaterThanOrEqualTo(0.0));
        var starts = BasePopulation.CensusGroupStarts;
        for (int s = 0; s < 2; s++)
        {
            for (int g = 0; g < G; g++)
            {
                int lo = starts[g], hi = g + 1 < G ? starts[g + 1] : Ages.Count;
                double groupTotal = 0, nationalTotal = 0;
                for (int p = 0; p < d.Regions; p++)
                {
                    double sum = 0;
                    for (int a = lo; a < hi; a++) sum += single[(p * 2 + s) * Ages.Count + a];
                    double census = d.Groups[(p * 2 + s) * G + g];
                    Assert.That(sum, Is.EqualTo(census).Within(1e-9 * census), $"region {p}, group {lo}");
                    groupTotal += census;
                }
                for (int a = lo; a < hi; a++) nationalTotal += d.National[s * Ages.Count + a];
                for (int a = lo; a < hi; a++)
                {
                    double sumOverRegions = 0;
                    for (int p = 0; p < d.Regions; p++) sumOverRegions += single[(p * 2 + s) * Ages.Count + a];
                    double expected = d.National[s * Ages.Count + a] * groupTotal / nationalTotal;
                    Assert.That(sumOverRegions, Is.EqualTo(expected).Within(1e-8 * groupTotal), $"sex {s}, age {a}");
                }
            }
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 15)]
    public void Education_split_reproduces_ages_and_education_margins(int seed)
    {
        var d = MakeSynthetic(seed, regions: 2 + Math.Abs(seed % 3));
        var single = BasePopulation.SingleYearByRegion(d.Groups, d.National, BasePopulation.Aged3Plus(d.Education, d.Regions), d.Regions);
        var population = BasePopulation.Build(d.Groups, d.National, d.Education, d.Seed, d.Regions);
        var margins = BasePopulation.EducationMargins15Plus(single, d.Education, d.Regions);
        Assert.That(population, Has.Length.EqualTo(d.Regions * PopulationShape.CellsPerRegion));
        Assert.That(population, Has.All.GreaterThanOrEqualTo(0.0));
        for (int p = 0; p < d.Regions; p++)
        {
            foreach (var sex in Sexes.All)
            {
                int k = p * 2 + (int)sex;
                // Ages are kept.
                for (int a = 0; a < Ages.Count; a++)
                {
                    double sum = 0;
                    foreach (var e in EducationLevels.All) sum += population[PopulationShape.Index(p, sex, e, a)];
                    double target = single[k * Ages.Count + a];
                    Assert.That(sum, Is.EqualTo(target).Within(1e-8 * Math.Max(1, target)), $"region {p} {sex} age {a}");
                }
                // Children carry no education.
                for (int a = 0; a < BasePopulation.EducationStartAge; a++)
                {
                    for (int e = 1; e < EducationLevels.Count; e++)
                        Assert.That(population[PopulationShape.Index(p, sex, (EducationLevel)e, a)], Is.Zero);
                }
                // Education margins 15+ are met, in census classes.
                var byLevel = new double[EducationLevels.Count];
                foreach (var e in EducationLevels.All)
                    for (int a = BasePopulation.EducationStartAge; a < Ages.Count; a++)
                        byLevel[(int)e] += population[PopulationShape.Index(p, sex, e, a)];
                double[] classes = [byLevel[0], byLevel[1] + byLevel[2], byLevel[3], byLevel[4], byLevel[5]];
                double adults = classes.Sum();
                for (int c = 0; c < C; c++)
                {
                    Assert.That(classes[c], Is.EqualTo(margins[k * C + c]).Within(1e-8 * adults), $"region {p} {sex} class {c}");
                }
                // Post-secondary is zero where the seed is (15-19).
                for (int a = 15; a < 20; a++)
                    Assert.That(population[PopulationShape.Index(p, sex, EducationLevel.PostSecondary, a)], Is.Zero);
            }
        }
    }

    [Test]
    public void Children_are_removed_from_the_census_classes_by_school_age()
    {
        var single = new double[2 * Ages.Count];
        for (int a = 0; a < Ages.Count; a++) single[a] = single[Ages.Count + a] = 100;
        // Census 3+: 98 ages × 100 = 9800 per sex. Children: 3-5 → 300 never attended, 6-11 → 600 primary, 12-14 → 300 junior.
        double[] education = [1300, 2600, 2300, 2000, 1600, 1300, 2600, 2300, 2000, 1600];
        var margins = BasePopulation.EducationMargins15Plus(single, education, 1);
        Assert.That(margins.AsSpan(0, 5).ToArray(), Is.EqualTo(new double[] { 1000, 2000, 2000, 2000, 1600 }).Within(1e-9));
        // A class too small for its children is emptied and the shortfall taken from the others.
        double[] small = [100, 2600, 2300, 2000, 1600 + 200, 1300, 2600, 2300, 2000, 1600];
        var m2 = BasePopulation.EducationMargins15Plus(single, small, 1);
        Assert.That(m2[0], Is.Zero);
        Assert.That(m2.AsSpan(0, 5).ToArray().Sum(), Is.EqualTo(8600).Within(1e-9));
    }

    /// <summary>
    /// The rule by hand: the census's 1–4 group is split at age 3 by its own count aged 3+ (all ages − the education
    /// table's 3+ = ages 0–2), so the children aged 3–14 removed from the education table are the census's.
    /// One region, both sexes alike; the national shape is flat, 100 a year. Census: age 0 = 100, ages 1–4 = 440,
    /// every later five-year group 500, 100+ = 100, so 15+ = 8,600. The education table (3+): the adults 1,000 never
    /// attended, 2,000 primary, 2,000 junior secondary, 2,000 senior secondary, 1,600 tertiary, and the children 3–5 in
    /// never attended, 6–11 in primary, 12–14 in junior secondary. Its total says ages 3–4 hold 240 (3+ = 9,840 =
    /// 240 + 100 at 5 + 9,500 at 6+), so ages 0–2 hold 300: age 0 = 100, ages 1–2 = 200 (100 each), ages 3–4 = 240
    /// (120 each). Graduating 1–4 by the flat shape alone would give 110 at each of 1–4, remove 20 children too few
    /// from never attended and leave 1,020 − 20/8,620 of it after rescaling to the 8,600 adults.
    /// </summary>
    [Test]
    public void Ages_3_to_4_are_the_census_own_count_and_leave_the_adult_classes_exact_by_hand()
    {
        var groups = new double[2 * G];
        for (int s = 0; s < 2; s++)
        {
            groups[s * G + 0] = 100;
            groups[s * G + 1] = 440;
            for (int g = 2; g < G - 1; g++) groups[s * G + g] = 500;
            groups[s * G + G - 1] = 100;
        }
        var national = Enumerable.Repeat(100.0, 2 * Ages.Count).ToArray();
        // never attended 1,000 + ages 3–5 (120 + 120 + 100); primary 2,000 + 6–11 (600); junior 2,000 + 12–14 (300).
        double[] education = [1340, 2600, 2300, 2000, 1600, 1340, 2600, 2300, 2000, 1600];

        var aged3Plus = BasePopulation.Aged3Plus(education, 1);
        Assert.That(aged3Plus, Is.EqualTo(new double[] { 9840, 9840 }));
        var single = BasePopulation.SingleYearByRegion(groups, national, aged3Plus, 1);
        Assert.That(single.AsSpan(0, 6).ToArray(), Is.EqualTo(new double[] { 100, 100, 100, 120, 120, 100 }).Within(1e-9),
            "ages 0-5: 1-2 and 3-4 from the census's count aged 0-2 (300)");
        Assert.That(single.AsSpan(3, Ages.Count - 3).ToArray().Sum(), Is.EqualTo(9840).Within(1e-9), "ages 3+ are the table's");
        var margins = BasePopulation.EducationMargins15Plus(single, education, 1);
        Assert.That(margins.AsSpan(0, C).ToArray(), Is.EqualTo(new double[] { 1000, 2000, 2000, 2000, 1600 }).Within(1e-9),
            "the adults' classes exactly, with no rescaling");
        var population = BasePopulation.Build(groups, national, education, MakeSynthetic(1, 1).Seed, 1);
        Assert.That(population[PopulationShape.Index(0, Sex.Female, EducationLevel.NoEducation, 3)], Is.EqualTo(120).Within(1e-9));
        double neverAttended15Plus = 0;
        for (int a = BasePopulation.EducationStartAge; a < Ages.Count; a++)
            neverAttended15Plus += population[PopulationShape.Index(0, Sex.Male, EducationLevel.NoEducation, a)];
        Assert.That(neverAttended15Plus, Is.EqualTo(1000).Within(1e-6));

        // The flat shape alone (no count aged 3+): 110 at each of 1-4, 20 children too few removed, then rescaled.
        var flat = BasePopulation.SingleYearByRegion(groups, national, 1);
        Assert.That(flat.AsSpan(1, 4).ToArray(), Is.EqualTo(new double[] { 110, 110, 110, 110 }).Within(1e-9));
        var rescaled = BasePopulation.EducationMargins15Plus(flat, education, 1);
        Assert.That(rescaled[0], Is.EqualTo(1020 * 8600 / 8620.0).Within(1e-9), "20 children left in never attended");
    }

    [Test]
    public void A_count_aged_3_plus_the_census_groups_cannot_hold_is_refused()
    {
        var groups = new double[2 * G];
        for (int s = 0; s < 2; s++)
            for (int g = 0; g < G; g++) groups[s * G + g] = g == 0 ? 100 : g == 1 ? 440 : 500;
        var national = Enumerable.Repeat(100.0, 2 * Ages.Count).ToArray();
        double allAges = groups.AsSpan(0, G).ToArray().Sum();
        // More than all ages less age 0, and fewer than all ages less ages 0-4.
        var ex = Assert.Throws<InputDataException>(() =>
            BasePopulation.SingleYearByRegion(groups, national, [allAges - 99, allAges - 300], 1));
        Assert.That(ex!.Field, Does.Contain("region 0").And.Contain(Sex.Male.Label()));
        ex = Assert.Throws<InputDataException>(() =>
            BasePopulation.SingleYearByRegion(groups, national, [allAges - 300, allAges - 541], 1));
        Assert.That(ex!.Field, Does.Contain(Sex.Female.Label()));
        Assert.That(BasePopulation.SingleYearByRegion(groups, national, [allAges - 100, allAges - 540], 1).AsSpan(1, 4).ToArray(),
            Is.EqualTo(new double[] { 0, 0, 220, 220 }).Within(1e-9), "the two ends of the range are allowed");
    }

    [Test]
    public void A_users_own_base_is_counts_times_shares()
    {
        var counts = new double[2 * 2 * Ages.Count];
        for (int i = 0; i < counts.Length; i++) counts[i] = i + 1;
        var shares = new double[PopulationShape.CellsPerRegion];
        foreach (var sex in Sexes.All)
            for (int a = 0; a < Ages.Count; a++)
            {
                shares[PopulationShape.Index(0, sex, EducationLevel.NoEducation, a)] = 0.25;
                shares[PopulationShape.Index(0, sex, EducationLevel.PostSecondary, a)] = 0.75;
            }
        var population = BasePopulation.FromSingleYear(2, counts, shares);
        Assert.That(population[PopulationShape.Index(1, Sex.Female, EducationLevel.PostSecondary, 7)],
            Is.EqualTo(0.75 * counts[(1 * 2 + 1) * Ages.Count + 7]));
        Assert.That(population.Sum(), Is.EqualTo(counts.Sum()).Within(1e-9));

        int[] starts = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];
        var groups = new double[2 * 2 * starts.Length];
        for (int i = 0; i < groups.Length; i++) groups[i] = 1000 + i;
        var fromGroups = BasePopulation.FromAgeGroups(2, starts, groups, shares);
        Assert.That(fromGroups.Sum(), Is.EqualTo(groups.Sum()).Within(1e-6));

        shares[PopulationShape.Index(0, Sex.Male, EducationLevel.NoEducation, 3)] = 0.3;
        var ex = Assert.Throws<InputDataException>(() => BasePopulation.FromSingleYear(2, counts, shares));
        Assert.That(ex!.Field, Does.Contain("age 3"));
    }

    [Test]
    public void China_2020_base_matches_the_census()
    {
        var (groups, national, education, _) = ChinaBasePopulation.China2020Inputs();
        var grid = ChinaBasePopulation.China2020Grid();
        var population = grid.Persons.ToArray();
        const int regions = 31;
        Assert.That(grid.Shape.Regions, Is.EqualTo(Regions.Provinces));
        Assert.That(population, Has.Length.EqualTo(regions * PopulationShape.CellsPerRegion));
        Assert.That(population, Has.All.GreaterThanOrEqualTo(0.0));

        // Province × sex totals equal the census.
        for (int p = 0; p < regions; p++)
        {
            foreach (var sex in Sexes.All)
            {
                double census = groups.AsSpan((p * 2 + (int)sex) * G, G).ToArray().Sum();
                double built = 0;
                foreach (var e in EducationLevels.All)
                    for (int a = 0; a < Ages.Count; a++) built += population[PopulationShape.Index(p, sex, e, a)];
                Assert.That(built, Is.EqualTo(census).Within(1e-6 * census), $"{Regions.Provinces[p]} {sex}");
            }
        }
        // The provinces' sum has the national single-year shape within each census group, the 1-4 group split at 3.
        var census0To2 = new double[regions * 2];
        for (int k = 0; k < regions * 2; k++)
            census0To2[k] = groups.AsSpan(k * G, G).ToArray().Sum() - education.AsSpan(k * C, C).ToArray().Sum();
        int[] starts = [0, 1, 3, .. BasePopulation.CensusGroupStarts.Skip(2)];
        double GroupCount(int p, Sex sex, int g) => g switch
        {
            0 => groups[(p * 2 + (int)sex) * G],
            1 => census0To2[p * 2 + (int)sex] - groups[(p * 2 + (int)sex) * G],
            2 => groups[(p * 2 + (int)sex) * G + 1] - (census0To2[p * 2 + (int)sex] - groups[(p * 2 + (int)sex) * G]),
            _ => groups[(p * 2 + (int)sex) * G + g - 1],
        };
        foreach (var sex in Sexes.All)
        {
            for (int g = 0; g < starts.Length; g++)
            {
                int lo = starts[g], hi = g + 1 < starts.Length ? starts[g + 1] : Ages.Count;
                double groupTotal = 0, nationalTotal = 0;
                for (int p = 0; p < regions; p++) groupTotal += GroupCount(p, sex, g);
                for (int a = lo; a < hi; a++) nationalTotal += national[(int)sex * Ages.Count + a];
                for (int a = lo; a < hi; a++)
                {
                    double sum = 0;
                    for (int p = 0; p < regions; p++)
                        foreach (var e in EducationLevels.All) sum += population[PopulationShape.Index(p, sex, e, a)];
                    Assert.That(sum, Is.EqualTo(national[(int)sex * Ages.Count + a] * groupTotal / nationalTotal).Within(1e-6 * groupTotal),
                        $"{sex} age {a}");
                }
            }
        }
        // Education margins 15+ are reproduced.
        var single = new double[regions * 2 * Ages.Count];
        for (int p = 0; p < regions; p++)
            foreach (var sex in Sexes.All)
                foreach (var e in EducationLevels.All)
                    for (int a = 0; a < Ages.Count; a++)
                        single[(p * 2 + (int)sex) * Ages.Count + a] += population[PopulationShape.Index(p, sex, e, a)];
        var margins = BasePopulation.EducationMargins15Plus(single, education, regions);
        double[] nationalLevels = new double[EducationLevels.Count];
        for (int p = 0; p < regions; p++)
        {
            foreach (var sex in Sexes.All)
            {
                var byLevel = new double[EducationLevels.Count];
                foreach (var e in EducationLevels.All)
                    for (int a = 15; a < Ages.Count; a++) byLevel[(int)e] += population[PopulationShape.Index(p, sex, e, a)];
                double[] classes = [byLevel[0], byLevel[1] + byLevel[2], byLevel[3], byLevel[4], byLevel[5]];
                double adults = classes.Sum();
                for (int c = 0; c < C; c++)
                    Assert.That(classes[c], Is.EqualTo(margins[(p * 2 + (int)sex) * C + c]).Within(1e-6 * adults));
                for (int e = 0; e < EducationLevels.Count; e++) nationalLevels[e] += byLevel[e];
                // Ages 3+ are the education table's, so the margins need no rescaling to the population 15+.
                double census3Plus = education.AsSpan((p * 2 + (int)sex) * C, C).ToArray().Sum();
                double single3Plus = single.AsSpan((p * 2 + (int)sex) * Ages.Count + 3, Ages.Count - 3).ToArray().Sum();
                Assert.That(single3Plus / census3Plus, Is.EqualTo(1.0).Within(1e-9), $"{Regions.Provinces[p]} {sex}");
            }
        }
        // Ages 0-2: the census's own count (31 provinces 1,409,778,724 − aged 3+ 1,368,140,098); the year-average
        // shape alone (the base before the split at 3) put 42.99 million there, 1.35 million more.
        double Aged0To2(double[] singleYears) => Enumerable.Range(0, regions * 2).Sum(k => singleYears.AsSpan(k * Ages.Count, 3).ToArray().Sum());
        double Share1To2(double[] singleYears) => Enumerable.Range(0, regions * 2).Sum(k => singleYears.AsSpan(k * Ages.Count + 1, 2).ToArray().Sum())
            / Enumerable.Range(0, regions * 2).Sum(k => singleYears.AsSpan(k * Ages.Count + 1, 4).ToArray().Sum());
        var yearAverageShape = BasePopulation.SingleYearByRegion(groups, national, regions);
        TestContext.Out.WriteLine($"Ages 0-2: {Aged0To2(single):N0} (census-day split), {Aged0To2(yearAverageShape):N0} (year-average shape alone); "
            + $"ages 1-2 in 1-4: {Share1To2(single):P2} against {Share1To2(yearAverageShape):P2}");
        Assert.That(Aged0To2(single), Is.EqualTo(1_409_778_724.0 - 1_368_140_098.0).Within(1.0));
        Assert.That(Aged0To2(yearAverageShape) - Aged0To2(single), Is.EqualTo(1.35e6).Within(0.01e6),
            "what the year-average shape alone misplaced");
        double total15 = nationalLevels.Sum();
        TestContext.Out.WriteLine($"China 2020, 15+: {total15:N0} persons; " + string.Join(", ",
            EducationLevels.All.Select(e => $"{e.Label()} {nationalLevels[(int)e] / total15:P1}")));
        TestContext.Out.WriteLine($"Total population: {population.Sum():N0}");
    }
}
