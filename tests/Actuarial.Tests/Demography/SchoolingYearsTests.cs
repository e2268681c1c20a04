using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public class SchoolingYearsTests
{
    private const int A = Ages.Count;

    [Test]
    public void Fit_recovers_known_years_from_exact_synthetic_data()
    {
        double[] truth = [0, 2.5, 6, 9, 12, 16];
        var rng = new Random(42);
        int n = 60;
        var x = new double[n, 6];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int e = 0; e < 6; e++) sum += x[i, e] = rng.NextDouble();
            for (int e = 0; e < 6; e++) { x[i, e] /= sum; y[i] += x[i, e] * truth[e]; }
        }
        var fit = SchoolingYears.Fit(x, y);
        Assert.Multiple(() =>
        {
            for (int e = 0; e < 6; e++) Assert.That(fit.Years.ByLevel[e], Is.EqualTo(truth[e]).Within(1e-8), $"level {e}");
            Assert.That(fit.Rmse, Is.LessThan(1e-8));
            Assert.That(fit.RawIncreasing, Is.True);
        });
    }

    [Test]
    public void Fit_keeps_years_non_negative_and_adjusts_a_non_increasing_fit()
    {
        // Data generated with years (5, 3, 6, 9, 12, 16): level 0 above level 1, and a negative pull on nothing.
        double[] truth = [5, 3, 6, 9, 12, 16];
        var rng = new Random(7);
        int n = 80;
        var x = new double[n, 6];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int e = 0; e < 6; e++) sum += x[i, e] = rng.NextDouble();
            for (int e = 0; e < 6; e++) { x[i, e] /= sum; y[i] += x[i, e] * truth[e]; }
        }
        var fit = SchoolingYears.Fit(x, y);
        Assert.Multiple(() =>
        {
            Assert.That(fit.RawIncreasing, Is.False);
            Assert.That(fit.RawYears[0], Is.EqualTo(5).Within(1e-8));
            Assert.That(fit.Years.ByLevel[0], Is.EqualTo(fit.Years.ByLevel[1]).Within(1e-9), "tied by the order constraint");
            Assert.That(fit.Years.ByLevel[0], Is.InRange(3.0, 5.0));
            for (int e = 1; e < 6; e++) Assert.That(fit.Years.ByLevel[e], Is.GreaterThanOrEqualTo(fit.Years.ByLevel[e - 1] - 1e-12));
            Assert.That(fit.Years.ByLevel[5], Is.EqualTo(16).Within(0.2));
            Assert.That(fit.Rmse, Is.GreaterThan(0), "the constrained fit can no longer be exact");
        });

        // Negative truth is clipped at 0 by the non-negativity constraint.
        for (int i = 0; i < n; i++) y[i] -= x[i, 0] * 5 + x[i, 0] * 3; // level 0 now worth -3 years
        var clipped = SchoolingYears.Fit(x, y);
        Assert.That(clipped.RawYears.Min(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Fit_to_Wittgenstein_SSP2_gives_the_hard_coded_default()
    {
        var fit = ChinaEducation.FitWittgensteinSsp2();
        TestContext.Out.WriteLine("WIC SSP2 China: fitted years per level (NNLS, 2015-2100 x sex x 15-19..100+, equal weights)");
        foreach (var level in EducationLevels.All)
        {
            TestContext.Out.WriteLine($"  {level.Label(),-20} raw {fit.RawYears[(int)level],7:F3}  used {fit.Years[level],7:F3}");
        }
        TestContext.Out.WriteLine($"  RMSE {fit.Rmse:F4} years over {fit.Observations} cells; raw increasing: {fit.RawIncreasing}");

        Assert.Multiple(() =>
        {
            Assert.That(fit.Observations, Is.EqualTo(2 * 18 * 18));
            // The unconstrained NNLS puts incomplete primary (4.42) above primary (3.39): the order-constrained refit is used.
            Assert.That(fit.RawIncreasing, Is.False);
            Assert.That(fit.RawYears[1], Is.GreaterThan(fit.RawYears[2]));
            for (int e = 1; e < 6; e++) Assert.That(fit.Years.ByLevel[e], Is.GreaterThanOrEqualTo(fit.Years.ByLevel[e - 1]));
            Assert.That(fit.Rmse, Is.EqualTo(0.210).Within(0.005), "one set of years per level explains WIC's MYS to 0.21 years RMSE");
            Assert.That(IscedRmse(), Is.GreaterThan(3 * fit.Rmse), "the fit beats the ISCED durations on WIC's own MYS");
            for (int e = 0; e < 6; e++)
            {
                Assert.That(SchoolingYears.WittgensteinSsp2China.ByLevel[e], Is.EqualTo(fit.Years.ByLevel[e]).Within(0.001),
                    $"the hard-coded default for level {e} is the fit rounded to 3 decimals");
            }
        });
    }

    private static double IscedRmse()
    {
        // RMSE of the named ISCED durations on the same 648 cells (printed for the report).
        var data = ChinaEducation.WittgensteinData();
        double sse = 0;
        int n = 0;
        foreach (int year in data.Years.Where(y => y >= 2015))
        {
            foreach (var sex in Sexes.All)
            {
                foreach (int age in data.AgeStarts.Where(a => a >= 15))
                {
                    double total = 0, personYears = 0;
                    foreach (var level in EducationLevels.All)
                    {
                        double p = data.Population(year, sex, age, level);
                        total += p;
                        personYears += p * SchoolingYears.IscedChina[level];
                    }
                    double d = personYears / total - data.MeanYears(year, sex, age)!.Value;
                    sse += d * d;
                    n++;
                }
            }
        }
        double rmse = Math.Sqrt(sse / n);
        TestContext.Out.WriteLine($"  ISCED durations (0, 3, 6, 9, 12, 15.5): RMSE {rmse:F4} years over {n} cells");
        return rmse;
    }

    [Test]
    public void Mean_years_of_a_block_weights_levels_by_population()
    {
        var block = new double[PopulationShape.CellsPerSex];
        block[5 * A + 30] = 100; // 100 post-secondary at 30
        block[2 * A + 31] = 300; // 300 primary at 31
        block[0 * A + 50] = 999; // outside the range
        var years = new SchoolingYears([0, 3, 6, 9, 12, 16]);
        Assert.That(SchoolingYears.MeanYears(block, 30, 31, years), Is.EqualTo((100 * 16 + 300 * 6) / 400.0).Within(1e-12));
        Assert.That(SchoolingYears.MeanYears(block, 0, 10, years), Is.NaN);
    }

    [Test]
    public void Mean_years_of_a_grid_pools_all_regions_and_sexes()
    {
        var shape = new PopulationShape([Regions.China, Regions.Provinces[0]]);
        var grid = new double[shape.CellCount];
        grid[PopulationShape.Index(0, Sex.Male, EducationLevel.UpperSecondary, 40)] = 10;
        grid[PopulationShape.Index(1, Sex.Female, EducationLevel.LowerSecondary, 41)] = 30;
        grid[PopulationShape.Index(1, Sex.Female, EducationLevel.PostSecondary, 39)] = 50; // outside 40..41
        var years = SchoolingYears.IscedChina;
        Assert.That(SchoolingYears.MeanYears(grid, shape, 40, 41, years), Is.EqualTo((10 * 12 + 30 * 9) / 40.0).Within(1e-12));
    }

    [Test]
    public void Rejects_bad_years_and_ranges()
    {
        Assert.Throws<InputDataException>(() => _ = new SchoolingYears([0, 3, 6, 9, 12]));
        var ex = Assert.Throws<InputDataException>(() => _ = new SchoolingYears([0, 3, 6, 9, -12, 16]));
        Assert.That(ex!.Field, Is.EqualTo("upper_secondary"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolingYears.MeanYears(new double[606], 40, 39, SchoolingYears.IscedChina));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolingYears.MeanYears(new double[606], 0, 101, SchoolingYears.IscedChina));
    }

    [Test]
    public void Nbs_scale_is_the_school_system_durations_with_16_years_for_any_tertiary()
    {
        // NBS converts attainment to years as 0 / 6 / 9 / 12 / 16 (大专及以上 = 16), primary counted whether complete or not.
        Assert.That(ChinaEducation.NbsScale2020.ByLevel, Is.EqualTo(new[] { 0.0, 6.0, 6.0, 9.0, 12.0, 16.0 }));
        // The programme-length reading kept for comparison: junior college 15, bachelor 16, postgraduate 19 by the census mix.
        var national = ChinaData.Census2020EducationProvinceSex().Where(r => r.RegionCode == 0).ToArray();
        double college = national.Where(r => r.Education == Actuarial.IO.CensusEducation.TertiaryJuniorCollege).Sum(r => (double)r.PopulationPersons);
        double bachelor = national.Where(r => r.Education == Actuarial.IO.CensusEducation.TertiaryBachelor).Sum(r => (double)r.PopulationPersons);
        double postgraduate = national.Where(r => r.Education == Actuarial.IO.CensusEducation.Postgraduate).Sum(r => (double)r.PopulationPersons);
        Assert.That(ChinaEducation.TertiaryByCensusMix2020, Is.EqualTo((15 * college + 16 * bachelor + 19 * postgraduate) / (college + bachelor + postgraduate)).Within(1e-12));
        Assert.That(ChinaEducation.TertiaryByCensusMix2020, Is.EqualTo(15.632).Within(0.0005), "junior college and bachelor dominate");
    }
}
