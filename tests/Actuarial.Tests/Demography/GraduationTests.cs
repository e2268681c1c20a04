using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class GraduationTests
{
    private static readonly int[] CensusStarts = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];

    private static double GroupSum(double[] single, int lo, int hi)
    {
        double s = 0;
        for (int a = lo; a < hi; a++) s += single[a];
        return s;
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public void Group_totals_are_exact_and_nothing_is_negative(int seed)
    {
        var random = new Random(seed);
        var counts = new double[CensusStarts.Length];
        for (int g = 0; g < counts.Length; g++)
        {
            // Mostly positive, some zeros, wide range of magnitudes.
            counts[g] = random.Next(8) == 0 ? 0.0 : Math.Pow(10, random.NextDouble() * 7) * random.NextDouble();
        }
        var single = Graduation.Graduate(CensusStarts, counts);
        Assert.That(single, Has.Length.EqualTo(Ages.Count));
        Assert.That(single, Has.All.GreaterThanOrEqualTo(0.0));
        for (int g = 0; g < counts.Length; g++)
        {
            int lo = CensusStarts[g], hi = g + 1 < CensusStarts.Length ? CensusStarts[g + 1] : Ages.Count;
            Assert.That(GroupSum(single, lo, hi), Is.EqualTo(counts[g]).Within(1e-12 * Math.Max(1.0, counts[g])), $"group {lo}");
        }
    }

    [Test]
    public void A_constant_density_stays_constant()
    {
        var counts = new double[CensusStarts.Length];
        for (int g = 0; g < counts.Length - 1; g++) counts[g] = 1000.0 * (CensusStarts[g + 1] - CensusStarts[g]);
        counts[^1] = 55;
        var single = Graduation.Graduate(CensusStarts, counts);
        for (int a = 0; a < 100; a++) Assert.That(single[a], Is.EqualTo(1000.0).Within(1e-9), $"age {a}");
        Assert.That(single[100], Is.EqualTo(55));
    }

    [Test]
    public void A_declining_schedule_is_graduated_smoothly()
    {
        // Counts from a smooth exponential decline: graduation should be close to the true single years.
        double[] Truth(int a) => [1e5 * Math.Exp(-0.03 * a)];
        var counts = new double[CensusStarts.Length];
        for (int g = 0; g < counts.Length; g++)
        {
            int lo = CensusStarts[g], hi = g + 1 < CensusStarts.Length ? CensusStarts[g + 1] : Ages.Count;
            for (int a = lo; a < hi; a++) counts[g] += Truth(a)[0];
        }
        var single = Graduation.Graduate(CensusStarts, counts);
        for (int a = 1; a < 100; a++)
        {
            Assert.That(single[a], Is.EqualTo(Truth(a)[0]).Within(0.01 * Truth(a)[0]), $"age {a}");
        }
    }

    [Test]
    public void An_open_group_below_100_is_spread_with_a_geometric_tail()
    {
        int[] starts = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80];
        var counts = new double[starts.Length];
        for (int g = 0; g < counts.Length - 1; g++) counts[g] = 5000 - 200 * g;
        counts[^1] = 3000; // 80+
        var single = Graduation.Graduate(starts, counts);
        Assert.That(GroupSum(single, 80, 101), Is.EqualTo(3000).Within(1e-9));
        for (int a = 81; a < 100; a++) Assert.That(single[a], Is.LessThan(single[a - 1]), $"age {a}");
        Assert.That(single.Sum(), Is.EqualTo(counts.Sum()).Within(1e-8));
    }

    [Test]
    public void An_open_group_below_100_after_rising_counts_is_rejected()
    {
        int[] starts = [0, 5, 10, 15];
        double[] counts = [100, 200, 300, 400];
        var ex = Assert.Throws<InputDataException>(() => Graduation.Graduate(starts, counts));
        Assert.That(ex!.ValidRange, Does.Contain("open last group starting at 100"));
    }

    [Test]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<InputDataException>(() => Graduation.Graduate([0, 5, 100], [1.0, -1.0, 1.0]));
        Assert.Throws<InputDataException>(() => Graduation.Graduate([0, 5, 100], [1.0, double.NaN, 1.0]));
        Assert.Throws<InputDataException>(() => Graduation.Graduate([0, 5, 5, 100], [1.0, 1.0, 1.0, 1.0]));
        Assert.Throws<InputDataException>(() => Graduation.Graduate([0, 50, 40, 100], [1.0, 1.0, 1.0, 1.0]));
        Assert.Throws<InputDataException>(() => Graduation.Graduate([1, 5, 100], [1.0, 1.0, 1.0]));
        Assert.Throws<InputDataException>(() => Graduation.Graduate([0, 5, 100], [1.0, 1.0]));
        var ex = Assert.Throws<InputDataException>(() => Graduation.Graduate([0, 5, 100], [1.0, -2.0, 1.0], "test.counts"));
        Assert.That(ex!.Source, Is.EqualTo("test.counts"));
        Assert.That(ex.Field, Is.EqualTo("counts[1]"));
    }

    [Test]
    public void A_schedule_keeps_each_group_sum_equal_to_width_times_rate()
    {
        int[] boundaries = [15, 20, 25, 30, 35, 40, 45, 50];
        double[] asfr = [0.006, 0.055, 0.095, 0.062, 0.027, 0.008, 0.001];
        var single = Graduation.GraduateSchedule(boundaries, asfr);
        for (int g = 0; g < asfr.Length; g++)
        {
            Assert.That(GroupSum(single, boundaries[g], boundaries[g + 1]), Is.EqualTo(5 * asfr[g]).Within(1e-14));
        }
        Assert.That(GroupSum(single, 0, 15) + GroupSum(single, 50, 101), Is.Zero);
        Assert.That(single, Has.All.GreaterThanOrEqualTo(0.0));
        Assert.That(single.Sum(), Is.EqualTo(5 * asfr.Sum()).Within(1e-12), "the TFR is kept");
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public void Closed_graduation_keeps_totals_for_irregular_groups(int seed)
    {
        var random = new Random(seed);
        int groups = random.Next(1, 12);
        var boundaries = new int[groups + 1];
        boundaries[0] = random.Next(0, 10);
        for (int g = 1; g <= groups; g++) boundaries[g] = boundaries[g - 1] + random.Next(1, 9);
        var counts = new double[groups];
        for (int g = 0; g < groups; g++) counts[g] = random.NextDouble() * 1000;
        var single = new double[boundaries[^1] - boundaries[0]];
        Graduation.GraduateClosed(boundaries, counts, single);
        Assert.That(single, Has.All.GreaterThanOrEqualTo(0.0));
        for (int g = 0; g < groups; g++)
        {
            double s = 0;
            for (int a = boundaries[g]; a < boundaries[g + 1]; a++) s += single[a - boundaries[0]];
            Assert.That(s, Is.EqualTo(counts[g]).Within(1e-12 * Math.Max(1, counts[g])));
        }
    }
}
