using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

/// <summary>
/// The education pieces in isolation against the Wittgenstein Centre (2018) SSP2 projection for China. A pure
/// cohort-ageing toy (ages shift by one each year, no mortality or migration, a constant unit cohort at birth) starts
/// from WIC's 2020 attainment and runs <see cref="EducationTransitions.Apply"/> with the default
/// <see cref="AttainmentPath"/> targets year by year. The share of post-secondary and the mean years of schooling of
/// ages 20–39 in 2030, 2040 and 2050 are compared with WIC's published values; every 5-year group × sex is weighted by
/// WIC's own population of that year, so differences in age structure (which the toy does not model) do not enter.
/// </summary>
/// <remarks>
/// Why the results should not match exactly, and how far they may differ:
/// <list type="bullet">
/// <item>WIC projects with education-specific mortality, fertility and migration. At ages 15–39 in China survival is
/// above 98%, so differential mortality shifts a cohort's post-secondary share by well under 0.5 point; fertility
/// differentials only change cohort sizes, which the WIC weights absorb; China's net migration is tiny.</item>
/// <item>The kernel's max rule lets no one lose attainment: where WIC's own cohort series dips (its post-secondary
/// share at 20–24 falls from 23.2% in 2015 to 22.6% in 2020), the toy keeps the higher value. Cohorts at 35–39 in
/// 2030 carry the attainment they reached at 25–34, which can differ from what WIC shows for them 10 years later.</item>
/// <item>Single ages read their group's shares in the year their cohort is centred in the group, which reproduces the
/// group average only where WIC's path is linear in time over ±2 years. (With a plain step instead, the toy overshot
/// the share at or above upper secondary at ages 25–39 by 2–3 points and post-secondary by about 1 point.)</item>
/// <item>MYS: the years per level are one fitted set (RMSE 0.21 years over all WIC cells, with a +0.25 bias at
/// 20–24 and −0.40 at 15–19); their error adds to the kernel's.</item>
/// </list>
/// Tolerances: 1 percentage point for the post-secondary share (differential mortality under 0.5 point, plus the
/// path's curvature), 0.05 years for the kernel's own effect on MYS (toy vs WIC shares, both valued with the same
/// fitted years: 1 point of post-secondary is worth about 0.01–0.07 years), and 0.25 years for MYS against WIC's
/// published MYS (adds the per-level years' bias at these ages, about +0.25 at 20–24 and under 0.1 at 25–39).
/// Measured (toy − WIC): post-secondary +0.16 / +0.01 / −0.01 points in 2030 / 2040 / 2050; MYS vs WIC shares
/// +0.014 / −0.006 / −0.007 years; MYS vs WIC published −0.043 / +0.012 / +0.098 years.
/// </remarks>
[TestFixture]
[Category("Validation")]
public class EducationValidationTests
{
    private const int L = EducationLevels.Count;
    private const int A = Ages.Count;
    private static readonly int[] Groups = [20, 25, 30, 35];

    private sealed record Measure(int Year, double ToyPost, double WicPost, double ToyMys, double WicSharesMys, double WicMys);

    private static List<Measure> Run()
    {
        var data = ChinaEducation.WittgensteinData();
        var path = ChinaEducation.WittgensteinSsp2();
        var years = SchoolingYears.WittgensteinSsp2China;
        var blocks = new double[Sexes.Count][];
        foreach (var sex in Sexes.All)
        {
            // 2020: every single age holds one person, spread over levels as WIC's 2020 shares of its group;
            // children at no education.
            var block = new double[PopulationShape.CellsPerSex];
            for (int a = 0; a < A; a++)
            {
                if (a < 15) { block[a] = 1; continue; }
                int ageStart = Math.Min(a / 5 * 5, 100);
                double total = 0;
                foreach (var level in EducationLevels.All) total += data.Population(2020, sex, ageStart, level);
                foreach (var level in EducationLevels.All) block[(int)level * A + a] = data.Population(2020, sex, ageStart, level) / total;
            }
            blocks[(int)sex] = block;
        }

        var result = new List<Measure>();
        var target = new double[AttainmentPath.TargetLength];
        for (int year = 2021; year <= 2050; year++)
        {
            foreach (var sex in Sexes.All)
            {
                var block = blocks[(int)sex];
                for (int e = 0; e < L; e++)
                {
                    var run = block.AsSpan(e * A, A);
                    double open = run[A - 1] + run[A - 2];
                    run[..(A - 2)].CopyTo(run[1..(A - 1)]);
                    run[A - 1] = open;
                    run[0] = e == 0 ? 1 : 0;
                }
                path.FillTargets(year, sex, target);
                EducationTransitions.Apply(block, target);
            }
            if (year % 10 != 0) continue;

            double w = 0, toyPost = 0, wicPost = 0, toyMys = 0, wicSharesMys = 0, wicMys = 0;
            foreach (var sex in Sexes.All)
            {
                var block = blocks[(int)sex];
                foreach (int g in Groups)
                {
                    double pop = 0, post = data.Population(year, sex, g, EducationLevel.PostSecondary), yearsOfWic = 0;
                    foreach (var level in EducationLevels.All)
                    {
                        double p = data.Population(year, sex, g, level);
                        pop += p;
                        yearsOfWic += p * years[level];
                    }
                    double toyTotal = 0, toyPostGroup = 0;
                    for (int a = g; a < g + 5; a++)
                    {
                        for (int e = 0; e < L; e++) toyTotal += block[e * A + a];
                        toyPostGroup += block[5 * A + a];
                    }
                    w += pop;
                    toyPost += pop * toyPostGroup / toyTotal;
                    wicPost += post;
                    toyMys += pop * SchoolingYears.MeanYears(block, g, g + 4, years);
                    wicSharesMys += yearsOfWic;
                    wicMys += pop * data.MeanYears(year, sex, g)!.Value;
                }
            }
            result.Add(new Measure(year, toyPost / w, wicPost / w, toyMys / w, wicSharesMys / w, wicMys / w));
        }
        return result;
    }

    [Test]
    public void Cohort_ageing_toy_tracks_WIC_SSP2_post_secondary_and_mean_years_at_ages_20_to_39()
    {
        var measures = Run();
        TestContext.Out.WriteLine("year  post-sec toy   WIC    diff | MYS toy  WIC-shares  WIC-published  kernel diff  total diff");
        foreach (var m in measures)
        {
            TestContext.Out.WriteLine(
                $"{m.Year}  {m.ToyPost,10:P2} {m.WicPost,7:P2} {100 * (m.ToyPost - m.WicPost),+6:+0.00;-0.00}pp | {m.ToyMys,6:F3} {m.WicSharesMys,9:F3} {m.WicMys,12:F3} {m.ToyMys - m.WicSharesMys,+11:+0.000;-0.000} {m.ToyMys - m.WicMys,+11:+0.000;-0.000}");
        }
        Assert.That(measures.Select(m => m.Year), Is.EqualTo(new[] { 2030, 2040, 2050 }));
        Assert.Multiple(() =>
        {
            foreach (var m in measures)
            {
                Assert.That(m.ToyPost, Is.EqualTo(m.WicPost).Within(0.01), $"{m.Year} post-secondary share, ages 20-39");
                Assert.That(m.ToyMys, Is.EqualTo(m.WicSharesMys).Within(0.05), $"{m.Year} MYS of the toy vs WIC shares, same years");
                Assert.That(m.ToyMys, Is.EqualTo(m.WicMys).Within(0.25), $"{m.Year} MYS vs WIC published");
            }
        });
    }
}
