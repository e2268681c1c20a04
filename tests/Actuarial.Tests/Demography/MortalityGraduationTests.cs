using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class MortalityGraduationTests
{
    private static IEnumerable<TestCaseData> WppCases()
    {
        foreach (int start in new[] { 1950, 1960, 1980, 2000, 2020, 2050, 2095 })
        {
            foreach (var sex in Sexes.All) yield return new TestCaseData(start, sex);
        }
    }

    /// <summary>Abridged rates of a synthetic single-year schedule (deaths over person-years by group).</summary>
    private static double[] Abridge(double[] single, Sex sex)
    {
        var table = new LifeTable(single, sex);
        var abridged = new double[MortalityGraduation.AbridgedCount];
        var starts = MortalityGraduation.AbridgedAgeStarts;
        for (int g = 0; g < abridged.Length; g++)
        {
            int end = g == abridged.Length - 1 ? Ages.Count : starts[g + 1];
            double d = 0, l = 0;
            for (int x = starts[g]; x < end; x++) { d += table.Dx[x]; l += table.PersonYears[x]; }
            abridged[g] = d / l;
        }
        return abridged;
    }

    [TestCaseSource(nameof(WppCases))]
    public void Graduated_table_reproduces_the_abridged_survivorship_at_the_knots(int periodStart, Sex sex)
    {
        var abridged = MortalityTestData.Wpp2024Abridged(periodStart, sex);
        var single = new double[Ages.Count];
        var nax = new double[MortalityGraduation.AbridgedCount - 1];
        var knots = new double[MortalityGraduation.AbridgedCount];
        int iterations = MortalityGraduation.Graduate(abridged, sex, "wpp", single, nax, knots);
        Assert.That(iterations, Is.LessThan(100), "n·a(x) iteration converges");

        var table = new LifeTable(single, sex);
        var starts = MortalityGraduation.AbridgedAgeStarts;
        for (int g = 1; g < starts.Length; g++)
        {
            Assert.That(table.Survivors[starts[g]], Is.EqualTo(knots[g]).Within(1e-6 * knots[g]), $"l({starts[g]})");
        }
        // Monotone interpolation: every single-year q is a probability.
        Assert.That(table.Qx.ToArray(), Is.All.InRange(0.0, 1.0));
        // The graduated table reproduces the abridged rates themselves: n·m(x) = Σd / ΣL over the group.
        for (int g = 0; g < starts.Length; g++)
        {
            int end = g == starts.Length - 1 ? Ages.Count : starts[g + 1];
            double d = 0, l = 0;
            for (int x = starts[g]; x < end; x++) { d += table.Dx[x]; l += table.PersonYears[x]; }
            Assert.That(d / l, Is.EqualTo(abridged[g]).Within(1e-6 * abridged[g]), $"group {MortalityGraduation.AbridgedLabel(g)}");
        }
        // e0 of the single-year table against a conventional abridged table (a0 Andreev–Kingkade, 4a1 Coale–Demeny,
        // 5ax by Keyfitz's iteration): an independent check that the graduation's person-years are right.
        double abridgedE0 = MortalityGraduation.AbridgedLifeExpectancyAtBirth(abridged, sex);
        TestContext.Out.WriteLine($"{periodStart} {sex}: e0 single {table.E0:F4}, abridged {abridgedE0:F4}, {iterations} iterations");
        Assert.That(table.E0, Is.EqualTo(abridgedE0).Within(0.05));
    }

    [Test]
    public void Graduating_an_abridged_smooth_schedule_recovers_it_closely()
    {
        foreach (var sex in Sexes.All)
        {
            var truth = MortalityTestData.Schedule(1.0);
            var graduated = MortalityGraduation.AbridgedToSingleYear(Abridge(truth, sex), sex);
            var exact = new LifeTable(truth, sex);
            var approx = new LifeTable(graduated, sex);
            Assert.That(approx.E0, Is.EqualTo(exact.E0).Within(0.01), $"{sex} e0");
            // Within 1-4 the synthetic infant term falls by e^(−4.5), and at the knot 5 PCHIP's slope is a weighted
            // harmonic mean of the steep 1-5 and flat 5-10 secants, so m(5), m(6) come out high (the group's total is
            // still exact). Single-year rates are checked from age 10 on, where the schedule is smooth.
            double worst = 0;
            int worstAge = 0;
            for (int x = 10; x < 100; x++)
            {
                double error = Math.Abs(graduated[x] / truth[x] - 1);
                if (error > worst) { worst = error; worstAge = x; }
            }
            TestContext.Out.WriteLine($"{sex}: largest relative error of graduated m(x), 10..99: {worst:P2} at {worstAge}");
            Assert.That(worst, Is.LessThan(0.08), "the accident hump around 22 is the sharpest feature left");
        }
    }

    [Test]
    public void Bad_abridged_input_is_rejected()
    {
        var abridged = MortalityTestData.Wpp2024Abridged(2020, Sex.Male);
        abridged[7] = -1;
        var error = Assert.Throws<InputDataException>(() => MortalityGraduation.AbridgedToSingleYear(abridged, Sex.Male, "wpp"))!;
        Assert.That(error.Field, Does.Contain("abridgedMx[7]").And.Contain("30-34"));
        Assert.Throws<InputDataException>(() => MortalityGraduation.AbridgedToSingleYear(new double[21], Sex.Male));
        abridged[7] = 0.01;
        abridged[21] = 0;
        Assert.That(Assert.Throws<InputDataException>(() => MortalityGraduation.AbridgedToSingleYear(abridged, Sex.Male))!.Field,
            Does.Contain("100+"));
    }
}
