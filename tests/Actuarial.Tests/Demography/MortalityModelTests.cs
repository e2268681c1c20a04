using Actuarial.Demography;
using Actuarial.Dimensions;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class MortalityModelTests
{
    private static LeeCarterModel WppLeeCarter(Sex sex)
    {
        var starts = MortalityTestData.Wpp2024PeriodStarts().Where(y => y >= 1970 && y < 2025).ToArray();
        return LeeCarterModel.FitAbridged(starts.Select(s => MortalityTestData.Wpp2024Abridged(s, sex)).ToList(), sex, starts[0], 5);
    }

    private static LeeCarterModel Synthetic(double level)
    {
        var rates = Enumerable.Range(0, 10).Select(t => MortalityTestData.Schedule(level * Math.Exp(-0.03 * t), new Random(t))).ToList();
        return LeeCarterModel.Fit(rates, 2010);
    }

    [TestCase(Sex.Male, 55.0)]
    [TestCase(Sex.Male, 70.0)]
    [TestCase(Sex.Male, 78.25)]
    [TestCase(Sex.Male, 85.0)]
    [TestCase(Sex.Female, 60.0)]
    [TestCase(Sex.Female, 81.0)]
    [TestCase(Sex.Female, 88.8)]
    [TestCase(Sex.Female, 95.0)]
    public void Targeting_hits_e0_within_a_thousandth_of_a_year(Sex sex, double target)
    {
        var solver = LifeExpectancyTarget.FromLeeCarter(WppLeeCarter(sex), sex);
        double k = solver.SolveIndex(target);
        Span<double> mx = stackalloc double[Ages.Count];
        solver.FillDeathRates(k, mx);
        Assert.That(new LifeTable(mx, sex).E0, Is.EqualTo(target).Within(LifeExpectancyTarget.Tolerance));
    }

    [Test]
    public void Unreachable_targets_name_the_target_and_the_range()
    {
        var solver = LifeExpectancyTarget.FromLeeCarter(WppLeeCarter(Sex.Male), Sex.Male, -50, 50);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => solver.SolveIndex(150))!;
        Assert.That(error.Message, Does.Contain("150.000").And.Contain(solver.MaxLifeExpectancy.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(solver.MaxLifeExpectancy, Is.GreaterThan(solver.MinLifeExpectancy));
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.SolveIndex(double.NaN));
    }

    [Test]
    public void E0_falls_as_k_rises_when_b_is_non_negative()
    {
        var model = Synthetic(1.0);
        var b = model.Bx.ToArray().Select(v => Math.Max(v, 0.0)).ToArray();
        var solver = new LifeExpectancyTarget(model.Ax, b, Sex.Female);
        double previous = double.PositiveInfinity;
        for (double k = -40; k <= 40; k += 0.5)
        {
            double e0 = solver.LifeExpectancyAtBirth(k);
            Assert.That(e0, Is.LessThanOrEqualTo(previous));
            previous = e0;
        }
    }

    [Test]
    public void Targeting_works_when_some_b_are_negative()
    {
        // b(x) < 0 at ages 20-29 (those rates rise as k falls); e0 stays monotone because the other ages dominate.
        var model = Synthetic(1.0);
        var b = model.Bx.ToArray();
        for (int x = 20; x < 30; x++) b[x] = -0.005;
        var solver = new LifeExpectancyTarget(model.Ax, b, Sex.Male);
        foreach (double target in new[] { 65.0, 75.0, 85.0 })
        {
            double k = solver.SolveIndex(target);
            Assert.That(solver.LifeExpectancyAtBirth(k), Is.EqualTo(target).Within(LifeExpectancyTarget.Tolerance));
        }
    }

    [Test]
    public void Tabulated_mortality_is_a_step_function_over_periods()
    {
        var first = (2020, 2025, MortalityTestData.Wpp2024Abridged(2020, Sex.Male), MortalityTestData.Wpp2024Abridged(2020, Sex.Female));
        var second = (2025, 2030, MortalityTestData.Wpp2024Abridged(2025, Sex.Male), MortalityTestData.Wpp2024Abridged(2025, Sex.Female));
        var model = TabulatedMortality.FromAbridged([first, second], "wpp2024");
        Assert.That(model.FirstYear, Is.EqualTo(2020));
        Assert.That(model.LastYear, Is.EqualTo(2029));
        var expected2020 = MortalityGraduation.AbridgedToSingleYear(first.Item3, Sex.Male);
        var expected2025 = MortalityGraduation.AbridgedToSingleYear(second.Item4, Sex.Female);
        var mx = new double[Ages.Count];
        foreach (int year in new[] { 2020, 2022, 2024 })
        {
            model.FillDeathRates(year, Sex.Male, mx);
            Assert.That(mx, Is.EqualTo(expected2020), $"{year}");
        }
        foreach (int year in new[] { 2025, 2029 })
        {
            model.FillDeathRates(year, Sex.Female, mx);
            Assert.That(mx, Is.EqualTo(expected2025), $"{year}");
        }
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.FillDeathRates(2030, Sex.Male, mx))!;
        Assert.That(error.Message, Does.Contain("2030").And.Contain("2020..2029"));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FillDeathRates(2019, Sex.Male, mx));
        Assert.Throws<ArgumentException>(() => _ = new TabulatedMortality(
            [new TabulatedMortality.Period(2020, 2025, expected2020, expected2020), new TabulatedMortality.Period(2026, 2030, expected2020, expected2020)]));
    }

    [Test]
    public void Lee_Carter_mortality_follows_the_central_forecast()
    {
        var male = WppLeeCarter(Sex.Male);
        var female = WppLeeCarter(Sex.Female);
        var model = new LeeCarterMortality(male, female, male.LastYear, 2100);
        Assert.That(model.FirstYear, Is.EqualTo(male.LastYear));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new LeeCarterMortality(male, female, male.LastYear - 1, 2100));
        var mx = new double[Ages.Count];
        model.FillDeathRates(2060, Sex.Female, mx);
        Assert.That(mx, Is.EqualTo(female.DeathRates(female.ForecastIndex(2060 - female.LastYear))));
        model.FillDeathRates(model.FirstYear, Sex.Male, mx);
        Assert.That(mx, Is.EqualTo(male.DeathRates(male.JumpOffIndex)));
        double e0Start = LifeTable.LifeExpectancyAtBirth(mx, Sex.Male);
        model.FillDeathRates(2100, Sex.Male, mx);
        Assert.That(LifeTable.LifeExpectancyAtBirth(mx, Sex.Male), Is.GreaterThan(e0Start));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.FillDeathRates(2101, Sex.Male, mx))!;
        Assert.That(error.Message, Does.Contain("2101"));

        // An explicit (e.g. simulated) path.
        var path = new double[5];
        male.SimulateIndex(new double[] { 1, -1, 0.5, 0, 2 }, path);
        var simulated = new LeeCarterMortality(male, female, 2021, path, path);
        simulated.FillDeathRates(2023, Sex.Male, mx);
        Assert.That(mx, Is.EqualTo(male.DeathRates(path[2])));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulated.FillDeathRates(2026, Sex.Male, mx));
    }

    [Test]
    public void Life_expectancy_path_mortality_hits_each_year_target()
    {
        var male = LifeExpectancyTarget.FromLeeCarter(WppLeeCarter(Sex.Male), Sex.Male);
        var female = LifeExpectancyTarget.FromLeeCarter(WppLeeCarter(Sex.Female), Sex.Female);
        var maleE0 = Enumerable.Range(0, 76).Select(i => 76.0 + 0.1 * i).ToArray();
        var femaleE0 = Enumerable.Range(0, 76).Select(i => 81.5 + 0.09 * i).ToArray();
        var model = new LifeExpectancyPathMortality(male, female, 2025, maleE0, femaleE0);
        Assert.That(model.LastYear, Is.EqualTo(2100));
        var mx = new double[Ages.Count];
        for (int year = 2025; year <= 2100; year++)
        {
            model.FillDeathRates(year, Sex.Male, mx);
            Assert.That(LifeTable.LifeExpectancyAtBirth(mx, Sex.Male), Is.EqualTo(maleE0[year - 2025]).Within(0.001));
            model.FillDeathRates(year, Sex.Female, mx);
            Assert.That(LifeTable.LifeExpectancyAtBirth(mx, Sex.Female), Is.EqualTo(femaleE0[year - 2025]).Within(0.001));
        }
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.FillDeathRates(2024, Sex.Female, mx))!;
        Assert.That(error.Message, Does.Contain("2024").And.Contain("2025..2100"));
    }
}
