using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public class AttainmentPathTests
{
    private const int L = EducationLevels.Count;

    // Two years; every group of a year has the same shares; 2030 has more post-secondary than 2020.
    private static AttainmentPath TwoYearPath()
    {
        var shares = new double[2, 2, 4, 6];
        double[] y2020 = [0.1, 0.1, 0.2, 0.3, 0.2, 0.1];
        double[] y2030 = [0.0, 0.0, 0.1, 0.3, 0.3, 0.3];
        for (int s = 0; s < 2; s++)
            for (int g = 0; g < 4; g++)
                for (int e = 0; e < 6; e++)
                {
                    shares[0, s, g, e] = y2020[e];
                    shares[1, s, g, e] = y2030[e];
                }
        return AttainmentPath.FromShares([2020, 2030], shares);
    }

    [Test]
    public void Cumulates_shares_and_interpolates_linearly_in_time()
    {
        var path = TwoYearPath();
        Assert.Multiple(() =>
        {
            // Middle ages of the groups (17, 22, 27, 32) read the path at the calendar year itself.
            Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 17, EducationLevel.PostSecondary), Is.EqualTo(0.1).Within(1e-12));
            Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 17, EducationLevel.LowerSecondary), Is.EqualTo(0.6).Within(1e-12));
            Assert.That(path.TargetAtOrAbove(2025, Sex.Female, 32, EducationLevel.PostSecondary), Is.EqualTo(0.2).Within(1e-12));
            // Age 34 is 2 years past its group's middle: its cohort was centred in 30-34 in 2021.
            Assert.That(path.TargetAtOrAbove(2023, Sex.Female, 34, EducationLevel.IncompletePrimary), Is.EqualTo(0.9 + 0.1 * 0.1).Within(1e-12));
            Assert.That(path.TargetAtOrAbove(2010, Sex.Male, 20, EducationLevel.PostSecondary), Is.EqualTo(0.1).Within(1e-12), "first year held before");
            Assert.That(path.TargetAtOrAbove(2090, Sex.Male, 20, EducationLevel.PostSecondary), Is.EqualTo(0.3).Within(1e-12), "last year held after");
            Assert.That(path.TargetAtOrAbove(2090, Sex.Male, 20, EducationLevel.NoEducation), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Single_ages_take_their_five_year_group_shares()
    {
        var shares = new double[1, 2, 4, 6];
        for (int s = 0; s < 2; s++)
            for (int g = 0; g < 4; g++)
            {
                shares[0, s, g, 5] = 0.1 * (g + 1); // post-secondary 10%, 20%, 30%, 40% by group
                shares[0, s, g, 0] = 1 - 0.1 * (g + 1);
            }
        var path = AttainmentPath.FromShares([2020], shares);
        var t = new double[AttainmentPath.TargetLength];
        path.FillTargets(2020, Sex.Female, t);
        Assert.Multiple(() =>
        {
            Assert.That(t[15 * L + 5], Is.EqualTo(0.1).Within(1e-12));
            Assert.That(t[19 * L + 5], Is.EqualTo(0.1).Within(1e-12));
            Assert.That(t[20 * L + 5], Is.EqualTo(0.2).Within(1e-12));
            Assert.That(t[29 * L + 5], Is.EqualTo(0.3).Within(1e-12));
            Assert.That(t[34 * L + 5], Is.EqualTo(0.4).Within(1e-12));
            Assert.That(t[34 * L + 1], Is.EqualTo(0.4).Within(1e-12));
            // outside 15..34: (1, 0, 0, 0, 0, 0), which lifts no one
            Assert.That(t[14 * L + 0], Is.EqualTo(1.0));
            Assert.That(t[14 * L + 5] + t[35 * L + 1] + t[100 * L + 3], Is.Zero);
            Assert.That(t[35 * L + 0], Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Single_ages_read_their_group_in_the_year_their_cohort_is_centred_in_it()
    {
        var path = TwoYearPath(); // post-secondary 0.1 in 2020 → 0.3 in 2030, linear
        double[] expected = [0.24, 0.22, 0.20, 0.18, 0.16]; // ages 20..24 in 2025 read 2027..2023
        for (int a = 20; a <= 24; a++)
        {
            Assert.That(path.TargetAtOrAbove(2025, Sex.Male, a, EducationLevel.PostSecondary), Is.EqualTo(expected[a - 20]).Within(1e-12), $"age {a}");
        }
        Assert.That(expected.Average(), Is.EqualTo(path.TargetAtOrAbove(2025, Sex.Male, 22, EducationLevel.PostSecondary)).Within(1e-12),
            "the group average is the group's value when the path is linear");
        for (int a = 20; a < 24; a++)
        {
            Assert.That(path.TargetAtOrAbove(2025 + (a - 19), Sex.Male, a + 1, EducationLevel.PostSecondary),
                Is.EqualTo(path.TargetAtOrAbove(2025, Sex.Male, 20, EducationLevel.PostSecondary)).Within(1e-12),
                "a cohort's target is constant while it ages through a group");
        }
    }

    [Test]
    public void Pace_speeds_up_and_slows_down_the_path_from_its_base_year()
    {
        var path = TwoYearPath(); // post-secondary 0.1 in 2020 → 0.3 in 2030
        Assert.Multiple(() =>
        {
            Assert.That(path.WithPace(2).TargetAtOrAbove(2025, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.3).Within(1e-12));
            Assert.That(path.WithPace(2).TargetAtOrAbove(2022, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.18).Within(1e-12));
            Assert.That(path.WithPace(2).TargetAtOrAbove(2050, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.3).Within(1e-12));
            Assert.That(path.WithPace(0.5).TargetAtOrAbove(2030, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.2).Within(1e-12));
            Assert.That(path.WithPace(0.5, 2024).TargetAtOrAbove(2024, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.18).Within(1e-12),
                "the base year is left alone");
            Assert.That(path.WithPace(0.5, 2024).TargetAtOrAbove(2028, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.22).Within(1e-12));
            Assert.That(path.WithPace(1).TargetAtOrAbove(2027, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(0.24).Within(1e-12));
        });
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Rejects_a_pace_that_is_not_positive_and_finite(double pace)
    {
        var ex = Assert.Throws<InputDataException>(() => TwoYearPath().WithPace(pace));
        Assert.That(ex!.Field, Is.EqualTo("pace"));
    }

    [Test]
    public void Rejects_shares_outside_0_1_sums_off_1_and_years_out_of_order()
    {
        var shares = new double[2, 2, 4, 6];
        for (int y = 0; y < 2; y++) for (int s = 0; s < 2; s++) for (int g = 0; g < 4; g++) shares[y, s, g, 3] = 1;

        Assert.That(AttainmentPath.FromShares([2020, 2025], shares).LastYear, Is.EqualTo(2025));

        var ex = Assert.Throws<InputDataException>(() => AttainmentPath.FromShares([2025, 2020], shares));
        Assert.That(ex!.Field, Is.EqualTo("years[1]"));

        var bad = (double[,,,])shares.Clone();
        bad[1, 1, 2, 3] = 1.2;
        bad[1, 1, 2, 0] = -0.2;
        ex = Assert.Throws<InputDataException>(() => AttainmentPath.FromShares([2020, 2025], bad, "test.shares"));
        Assert.That(ex!.Field, Is.EqualTo("2025/female/25-29/no_education"));
        Assert.That(ex.Source, Is.EqualTo("test.shares"));

        bad = (double[,,,])shares.Clone();
        bad[0, 0, 0, 5] = 0.01; // sums to 1.01
        ex = Assert.Throws<InputDataException>(() => AttainmentPath.FromShares([2020, 2025], bad));
        Assert.That(ex!.Field, Is.EqualTo("2020/male/15-19"));

        bad = (double[,,,])shares.Clone();
        bad[0, 0, 0, 5] = 5e-7; // within the 1e-6 tolerance
        Assert.DoesNotThrow(() => AttainmentPath.FromShares([2020, 2025], bad));

        Assert.Throws<InputDataException>(() => AttainmentPath.FromShares([2020], shares), "dimensions");
        Assert.Throws<ArgumentException>(() => TwoYearPath().FillTargets(2020, Sex.Male, new double[10]));
    }

    [Test]
    public void Population_counts_become_shares_and_bad_counts_are_rejected()
    {
        var pop = new double[1, 2, 4, 6];
        for (int s = 0; s < 2; s++) for (int g = 0; g < 4; g++) { pop[0, s, g, 2] = 300; pop[0, s, g, 5] = 100; }
        var path = AttainmentPath.FromPopulation([2020], pop);
        Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 17, EducationLevel.PostSecondary), Is.EqualTo(0.25).Within(1e-12));
        Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 17, EducationLevel.Primary), Is.EqualTo(1.0).Within(1e-12));

        pop[0, 1, 3, 4] = -1;
        Assert.That(Assert.Throws<InputDataException>(() => AttainmentPath.FromPopulation([2020], pop))!.Field,
            Is.EqualTo("2020/female/30-34/upper_secondary"));
        pop[0, 1, 3, 4] = 0;
        for (int e = 0; e < 6; e++) pop[0, 0, 1, e] = 0;
        Assert.That(Assert.Throws<InputDataException>(() => AttainmentPath.FromPopulation([2020], pop))!.Field,
            Is.EqualTo("2020/male/20-24"));
    }

    [Test]
    public void Wittgenstein_SSP2_path_matches_the_published_shares()
    {
        var path = ChinaEducation.WittgensteinSsp2();
        Assert.That(path.FirstYear, Is.EqualTo(2015));
        Assert.That(path.LastYear, Is.EqualTo(2100));
        Assert.That(path.Years, Has.Count.EqualTo(18));
        // data/wic2018_ssp2_population_age_sex_education.csv, 2020, 20-24, male: post-secondary 9685.8 of
        // 86.1 + 343.1 + 814.8 + 15728.3 + 16200.9 + 9685.8 thousand.
        double total = 86.1 + 343.1 + 814.8 + 15728.3 + 16200.9 + 9685.8;
        Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 22, EducationLevel.PostSecondary), Is.EqualTo(9685.8 / total).Within(1e-9));
        Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 22, EducationLevel.UpperSecondary), Is.EqualTo((16200.9 + 9685.8) / total).Within(1e-9));
        // 15-19 has no post-secondary in WIC (still in school).
        Assert.That(path.TargetAtOrAbove(2020, Sex.Male, 17, EducationLevel.PostSecondary), Is.Zero);
        TestContext.Out.WriteLine("WIC SSP2 post-secondary share, male 20-24: " + string.Join(", ",
            new[] { 2015, 2020, 2030, 2050, 2100 }.Select(y => $"{y}: {path.TargetAtOrAbove(y, Sex.Male, 22, EducationLevel.PostSecondary):P1}")));
    }

    // ---------------------------------------------------------------- properties

    // A path whose at-or-above shares never decrease over time: each year adds non-negative increments.
    private static readonly Gen<AttainmentPath> NonDecreasingPaths =
        Gen.ArrayOf(Gen.Choose(0, 100), 5 * 2 * 4 * 6).Select(raw =>
        {
            var years = new[] { 2015, 2020, 2030, 2045, 2100 };
            var shares = new double[5, 2, 4, 6];
            int i = 0;
            for (int s = 0; s < 2; s++)
            {
                for (int g = 0; g < 4; g++)
                {
                    // Cumulative at-or-above shares c[k], raised each year by a fraction of the remaining room.
                    var c = new double[7];
                    c[0] = 1;
                    for (int y = 0; y < 5; y++)
                    {
                        for (int k = 1; k < 6; k++)
                        {
                            double room = c[k - 1] - c[k];
                            c[k] += room * raw[i++] / 100.0;
                        }
                        for (int k = 5; k >= 1; k--) c[k] = Math.Min(c[k], c[k - 1]);
                        for (int e = 0; e < 6; e++) shares[y, s, g, e] = Math.Max(0, c[e] - c[e + 1]); // no −1e-16 from rounding
                    }
                }
            }
            return AttainmentPath.FromShares(years, shares);
        });

    private static readonly Arbitrary<(AttainmentPath Path, double Slow, double Fast, int Year)> PaceCases =
        Gen.Zip(Gen.Zip(NonDecreasingPaths, Gen.Choose(1, 400)), Gen.Zip(Gen.Choose(0, 400), Gen.Choose(2015, 2120)),
                (a, b) => (a.Item1, a.Item2 / 100.0, a.Item2 / 100.0 + b.Item1 / 100.0, b.Item2))
            .ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Faster_pace_never_lowers_a_target_when_the_path_rises_over_time() => Prop.ForAll(PaceCases, c =>
    {
        var slow = new double[AttainmentPath.TargetLength];
        var fast = new double[AttainmentPath.TargetLength];
        foreach (var sex in Sexes.All)
        {
            c.Path.WithPace(c.Slow).FillTargets(c.Year, sex, slow);
            c.Path.WithPace(c.Fast).FillTargets(c.Year, sex, fast);
            for (int i = 0; i < slow.Length; i++) if (fast[i] < slow[i] - 1e-12) return false;
        }
        return true;
    });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Targets_are_in_0_1_and_non_increasing_in_the_level() => Prop.ForAll(PaceCases, c =>
    {
        var t = new double[AttainmentPath.TargetLength];
        foreach (var sex in Sexes.All)
        {
            c.Path.WithPace(c.Fast).FillTargets(c.Year, sex, t);
            for (int a = 0; a < Ages.Count; a++)
            {
                if (t[a * L] != 1.0) return false;
                for (int k = 1; k < L; k++)
                {
                    double v = t[a * L + k];
                    if (v < 0 || v > 1 || v > t[a * L + k - 1]) return false;
                }
            }
        }
        return true;
    });
}
