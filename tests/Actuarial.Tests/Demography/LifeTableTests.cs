using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class LifeTableTests
{
    private static double[] Constant(double m) => Enumerable.Repeat(m, Ages.Count).ToArray();

    [Test]
    public void Andreev_Kingkade_a0_matches_the_published_formulas()
    {
        // Andreev & Kingkade (2015), Table 3, evaluated by hand.
        Assert.That(LifeTable.AndreevKingkadeA0(0.01, Sex.Male), Is.EqualTo(0.14929 - 0.0199545).Within(1e-15));
        Assert.That(LifeTable.AndreevKingkadeA0(0.05, Sex.Male), Is.EqualTo(0.02832 + 0.1631005).Within(1e-15));
        Assert.That(LifeTable.AndreevKingkadeA0(0.10, Sex.Male), Is.EqualTo(0.29915));
        Assert.That(LifeTable.AndreevKingkadeA0(0.01, Sex.Female), Is.EqualTo(0.14903 - 0.0205527).Within(1e-15));
        Assert.That(LifeTable.AndreevKingkadeA0(0.05, Sex.Female), Is.EqualTo(0.04667 + 0.1940445).Within(1e-15));
        Assert.That(LifeTable.AndreevKingkadeA0(0.07, Sex.Female), Is.EqualTo(0.31411));
    }

    [Test]
    public void Constant_rate_table_has_closed_form_values()
    {
        // m(x) = 0.01 everywhere. With a = 0.5, q = m/(1 + m/2) and (1 − q/2)/q = 1/m, so e(x) = 1/m = 100 exactly
        // for every x ≥ 1 (the open interval's 1/m(100+) is also 100). At age 0 a(0) = 0.14929 − 1.99545·0.01 (males),
        // q0 = m/(1 + (1 − a0)m) and e(0) = (1 − q0)(1 + 100) + a0 q0.
        const double m = 0.01;
        var table = new LifeTable(Constant(m), Sex.Male);
        double a0 = 0.14929 - 1.99545 * m;
        double q0 = m / (1 + (1 - a0) * m);
        double q = m / (1 + 0.5 * m);
        Assert.That(table.Ax[0], Is.EqualTo(a0).Within(1e-15));
        Assert.That(table.Qx[0], Is.EqualTo(q0).Within(1e-15));
        Assert.That(table.Qx[57], Is.EqualTo(q).Within(1e-15));
        Assert.That(table.Survivors[0], Is.EqualTo(LifeTable.Radix));
        Assert.That(table.Survivors[60], Is.EqualTo((1 - q0) * Math.Pow(1 - q, 59)).Within(1e-14));
        for (int x = 1; x <= 100; x++)
        {
            Assert.That(table.Ex[x], Is.EqualTo(100.0).Within(1e-9), $"e({x})");
        }
        Assert.That(table.E0, Is.EqualTo((1 - q0) * 101 + a0 * q0).Within(1e-9));
        Assert.That(table.E65, Is.EqualTo(100.0).Within(1e-9));
        Assert.That(table.BirthSurvival, Is.EqualTo(1 - q0 + a0 * q0).Within(1e-15));
    }

    [Test]
    public void Columns_satisfy_the_life_table_identities()
    {
        var table = new LifeTable(MortalityTestData.Schedule(1.0), Sex.Female);
        for (int x = 0; x < Ages.OpenInterval; x++)
        {
            Assert.That(table.Dx[x], Is.EqualTo(table.Survivors[x] * table.Qx[x]).Within(1e-15));
            Assert.That(table.Survivors[x + 1], Is.EqualTo(table.Survivors[x] - table.Dx[x]).Within(1e-15));
            Assert.That(table.PersonYears[x], Is.EqualTo(table.Survivors[x + 1] + table.Ax[x] * table.Dx[x]).Within(1e-15));
            Assert.That(table.Dx[x] / table.PersonYears[x], Is.EqualTo(table.Mx[x]).Within(1e-12 * table.Mx[x]), $"m({x}) = d/L");
            Assert.That(table.Tx[x], Is.EqualTo(table.PersonYears[x] + table.Tx[x + 1]).Within(1e-12));
            Assert.That(table.Ex[x], Is.EqualTo(table.Tx[x] / table.Survivors[x]).Within(1e-12));
        }
        Assert.That(table.Ax.Slice(1, 99).ToArray(), Is.All.EqualTo(0.5));
    }

    [Test]
    public void Open_interval_is_closed_with_a_constant_force()
    {
        var mx = MortalityTestData.Schedule(1.0);
        var table = new LifeTable(mx, Sex.Male);
        Assert.That(table.Qx[100], Is.EqualTo(1.0));
        Assert.That(table.Dx[100], Is.EqualTo(table.Survivors[100]));
        Assert.That(table.PersonYears[100], Is.EqualTo(table.Survivors[100] / mx[100]).Within(1e-18));
        Assert.That(table.Tx[100], Is.EqualTo(table.PersonYears[100]));
        Assert.That(table.Ex[100], Is.EqualTo(1 / mx[100]).Within(1e-12));
        Assert.That(table.Ax[100], Is.EqualTo(1 / mx[100]).Within(1e-12));
    }

    [Test]
    public void Survival_ratios_are_consistent_with_person_years()
    {
        var table = new LifeTable(MortalityTestData.Schedule(1.3), Sex.Male);
        Span<double> s = stackalloc double[Ages.Count];
        table.FillSurvivalRatios(s);
        for (int a = 0; a <= 98; a++)
        {
            Assert.That(s[a], Is.EqualTo(table.PersonYears[a + 1] / table.PersonYears[a]).Within(1e-14), $"s[{a}]");
        }
        Assert.That(s[99], Is.EqualTo(table.Tx[100] / table.Tx[99]).Within(1e-14));
        Assert.That(s[100], Is.EqualTo(s[99]));
        Assert.That(table.BirthSurvival, Is.EqualTo(table.PersonYears[0] / table.Survivors[0]).Within(1e-15));

        // The allocation-free static path agrees with the table.
        Span<double> t = stackalloc double[Ages.Count];
        LifeTable.SurvivalRatios(table.Mx, Sex.Male, t, out double birth);
        Assert.That(t.ToArray(), Is.EqualTo(s.ToArray()));
        Assert.That(birth, Is.EqualTo(table.BirthSurvival));
        Assert.That(LifeTable.LifeExpectancyAtBirth(table.Mx, Sex.Male), Is.EqualTo(table.E0).Within(1e-12));
        foreach (int age in new[] { 0, 1, 30, 65, 99, 100 })
        {
            Assert.That(LifeTable.LifeExpectancyAt(table.Mx, Sex.Male, age), Is.EqualTo(table.Ex[age]).Within(1e-12), $"e({age})");
        }
    }

    [Test]
    public void Static_paths_do_not_allocate()
    {
        var mx = MortalityTestData.Schedule(1.0);
        var s = new double[Ages.Count];
        LifeTable.SurvivalRatios(mx, Sex.Female, s, out _);
        LifeTable.LifeExpectancyAtBirth(mx, Sex.Female);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++)
        {
            LifeTable.SurvivalRatios(mx, Sex.Female, s, out double b);
            sum += b + LifeTable.LifeExpectancyAtBirth(mx, Sex.Female) + LifeTable.LifeExpectancyAt(mx, Sex.Female, 65);
        }
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(after - before, Is.Zero);
        Assert.That(sum, Is.GreaterThan(0));
    }

    [TestCase(37, -0.001)]
    [TestCase(12, double.NaN)]
    [TestCase(5, double.PositiveInfinity)]
    [TestCase(100, 0.0)]
    [TestCase(60, 2.5)] // q = m/(1 + m/2) > 1
    public void Bad_rates_are_rejected_naming_the_age(int age, double value)
    {
        var mx = MortalityTestData.Schedule(1.0);
        mx[age] = value;
        var error = Assert.Throws<InputDataException>(() => _ = new LifeTable(mx, Sex.Male, "test.mx"))!;
        Assert.That(error.Field, Is.EqualTo($"mx[{age}]"));
        Assert.That(error.Source, Is.EqualTo("test.mx"));
        Assert.Throws<InputDataException>(() => LifeTable.LifeExpectancyAtBirth(mx, Sex.Male));
        Assert.Throws<InputDataException>(() => LifeTable.SurvivalRatios(mx, Sex.Male, new double[Ages.Count], out _));
    }

    [Test]
    public void Wrong_length_is_rejected()
    {
        var error = Assert.Throws<InputDataException>(() => _ = new LifeTable(new double[100], Sex.Male))!;
        Assert.That(error.Field, Is.EqualTo("mx.Length"));
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public void Lowering_any_death_rate_never_lowers_e0(int seed, byte ageByte, byte cutByte)
    {
        var mx = MortalityTestData.RandomSchedule(seed);
        int age = ageByte % Ages.Count;
        double factor = cutByte / 256.0; // in [0, 1)
        if (age == Ages.OpenInterval) factor = Math.Max(factor, 1e-3); // m(100+) must stay > 0
        double before = LifeTable.LifeExpectancyAtBirth(mx, Sex.Male);
        double beforeFemale = LifeTable.LifeExpectancyAtBirth(mx, Sex.Female);
        double before65 = LifeTable.LifeExpectancyAt(mx, Sex.Male, 65);
        mx[age] *= factor;
        Assert.That(LifeTable.LifeExpectancyAtBirth(mx, Sex.Male), Is.GreaterThanOrEqualTo(before - 1e-12));
        Assert.That(LifeTable.LifeExpectancyAtBirth(mx, Sex.Female), Is.GreaterThanOrEqualTo(beforeFemale - 1e-12));
        Assert.That(LifeTable.LifeExpectancyAt(mx, Sex.Male, 65), Is.GreaterThanOrEqualTo(before65 - 1e-12));
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public void Identical_rates_give_identical_tables_for_both_sexes_apart_from_a0(int seed)
    {
        // Sex enters the table only through the Andreev–Kingkade a(0): everything from age 1 up is identical.
        var mx = MortalityTestData.RandomSchedule(seed);
        var male = new LifeTable(mx, Sex.Male);
        var female = new LifeTable(mx, Sex.Female);
        Assert.That(male.Qx[1..].ToArray(), Is.EqualTo(female.Qx[1..].ToArray()));
        Assert.That(male.Ax[1..].ToArray(), Is.EqualTo(female.Ax[1..].ToArray()));
        Assert.That(male.Ex[1..].ToArray(), Is.EqualTo(female.Ex[1..].ToArray()).Within(1e-12));
        Assert.That(male.Survival[1..].ToArray(), Is.EqualTo(female.Survival[1..].ToArray()).Within(1e-14));
        // and the same sex twice gives bit-identical tables
        var again = new LifeTable(mx, Sex.Male);
        Assert.That(again.Ex.ToArray(), Is.EqualTo(male.Ex.ToArray()));
        Assert.That(again.Survival.ToArray(), Is.EqualTo(male.Survival.ToArray()));
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public void Survival_ratios_are_probabilities(int seed)
    {
        var mx = MortalityTestData.RandomSchedule(seed);
        var s = new double[Ages.Count];
        LifeTable.SurvivalRatios(mx, Sex.Female, s, out double birth);
        Assert.That(s, Is.All.InRange(0.0, 1.0));
        Assert.That(birth, Is.InRange(0.0, 1.0));
    }
}
