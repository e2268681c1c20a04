using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Engine;

/// <summary>Worked examples of one projection step that a reader can check by hand.</summary>
[TestFixture]
public sealed class ProjectorTests
{
    private static readonly PopulationShape National = new([Regions.China]);

    /// <summary>
    /// Constant m = 0.01 at every age: with a = 0.5, q = m / (1 + m/2) = 0.00995025, so L(a+1)/L(a) = 1 − q exactly
    /// for a ≥ 1 (a geometric life table). 1000 women aged 30 with ASFR 0.1 only at 30 and 31: exposure at 30 is
    /// ½(1000 + 0) (nobody was 29) and at 31 is ½(0 + 1000·(1 − q)); births = 0.1·500 + 0.1·500·(1 − q).
    /// </summary>
    [Test]
    public void One_step_by_hand()
    {
        var persons = new double[National.CellCount];
        persons[PopulationShape.Index(0, Sex.Female, EducationLevel.UpperSecondary, 30)] = 1000;
        var mx = Enumerable.Repeat(0.01, Ages.Count).ToArray();
        var schedule = new double[Ages.Count];
        schedule[30] = schedule[31] = 0.5;
        var assumptions = new DemographicAssumptions
        {
            BasePopulation = new PopulationGrid(National, persons),
            BaseYear = 2020,
            EndYear = 2021,
            Mortality = new FixedMortality(mx, mx),
            Fertility = new FertilityAssumption(AnnualPath.Constant("tfr", 2020, 2021, 0.2),
                new FertilityAgeSchedule("schedule", 2020, [schedule, schedule]), AnnualPath.Constant("srb", 2020, 2021, 1.0)),
            InternationalMigration = InternationalMigrationAssumption.None(2020, 2021),
        };
        var projection = DemographicProjector.Run(assumptions);

        double q = 0.01 / (1 + 0.005);
        double survivors = 1000 * (1 - q);
        Assert.That(projection.PersonsAged(2021, 0, Sex.Female, 31, 31), Is.EqualTo(survivors).Within(1e-9));
        double births = 0.1 * 500 + 0.1 * 500 * (1 - q);
        Assert.That(projection.Births(2020, 0), Is.EqualTo(births).Within(1e-9));
        // Survivors keep their education; births enter with none.
        Assert.That(projection.PopulationAt(2021)[0, Sex.Female, EducationLevel.UpperSecondary, 31], Is.EqualTo(survivors).Within(1e-9));
        Assert.That(projection.PopulationAt(2021)[0, Sex.Male, EducationLevel.NoEducation, 0], Is.GreaterThan(0));
        // Deaths: women who died, plus births that did not survive to the year's end.
        double infantsAlive = projection.PersonsAged(2021, 0, Sex.Male, 0, 0) + projection.PersonsAged(2021, 0, Sex.Female, 0, 0);
        double deaths = projection.Deaths(2020, 0, Sex.Male) + projection.Deaths(2020, 0, Sex.Female);
        Assert.That(deaths, Is.EqualTo(1000 - survivors + births - infantsAlive).Within(1e-9));
    }

    [Test]
    public void Open_interval_collects_survivors_of_99_and_100_plus()
    {
        var persons = new double[National.CellCount];
        persons[PopulationShape.Index(0, Sex.Male, EducationLevel.Primary, 99)] = 100;
        persons[PopulationShape.Index(0, Sex.Male, EducationLevel.Primary, 100)] = 50;
        var mx = Enumerable.Repeat(0.3, Ages.Count).ToArray();
        var projection = DemographicProjector.Run(Minimal(persons, mx));
        // Constant m: T(100)/T(99) = L100+ / (L99 + L100+) with L100+ = l100/m and L99 = l99(1 − q/2).
        double q = 0.3 / (1 + 0.15);
        double l100 = 1 - q;
        double ratio = (l100 / 0.3) / ((1 - q / 2) + l100 / 0.3);
        Assert.That(projection.PersonsAged(2021, 0, Sex.Male, 100, 100), Is.EqualTo(150 * ratio).Within(1e-9));
    }

    [Test]
    public void Emigration_larger_than_the_cohort_is_an_error_naming_year_sex_and_age()
    {
        var persons = new double[National.CellCount];
        persons[PopulationShape.Index(0, Sex.Male, EducationLevel.Primary, 40)] = 10;
        var migrants = new double[Sexes.Count * Ages.Count];
        migrants[41] = -20;
        var assumptions = Minimal(persons, Enumerable.Repeat(0.001, Ages.Count).ToArray()) with
        {
            InternationalMigration = new InternationalMigrationAssumption("emigration test", 2020, [migrants, migrants]),
        };
        var error = Assert.Throws<InvalidOperationException>(() => DemographicProjector.Run(assumptions));
        Assert.That(error!.Message, Does.Contain("emigration test").And.Contain("males aged 41").And.Contain("2020"));
    }

    [Test]
    public void Interprovincial_rates_on_a_national_run_are_rejected_not_ignored()
    {
        var assumptions = Minimal(new double[National.CellCount], Enumerable.Repeat(0.01, Ages.Count).ToArray()) with
        {
            InterprovincialMigration = new InterprovincialMigrationRates(new double[2 * InterprovincialMigrationRates.CellsPerRegion], 2),
        };
        var error = Assert.Throws<InputDataException>(() => DemographicProjector.Compile(assumptions));
        Assert.That(error!.Field, Is.EqualTo("InterprovincialMigration"));
        Assert.That(error.ValidRange, Does.Contain("single-region"));
    }

    [Test]
    public void A_path_with_a_gap_is_an_error()
    {
        var error = Assert.Throws<InputDataException>(() => AnnualPath.FromYears("tfr", [(2020, 1.1), (2021, 1.1), (2023, 1.2)]));
        Assert.That(error!.Value, Is.EqualTo("2023"));
        Assert.That(error.ValidRange, Does.Contain("the year after 2021"));
    }

    [Test]
    public void An_age_schedule_that_does_not_sum_to_one_is_an_error()
    {
        var schedule = new double[Ages.Count];
        schedule[30] = 0.6;
        var error = Assert.Throws<InputDataException>(() => new FertilityAgeSchedule("my-schedule.csv", 2020, [schedule]));
        Assert.That(error!.Source, Is.EqualTo("my-schedule.csv"));
        Assert.That(error.Value, Is.EqualTo("0.6"));
        Assert.That(error.ValidRange, Does.Contain("sums to one"));
    }

    [Test]
    public void A_negative_count_in_the_base_population_is_an_error_naming_the_cell()
    {
        var persons = new double[National.CellCount];
        persons[PopulationShape.Index(0, Sex.Female, EducationLevel.Primary, 42)] = -1;
        var error = Assert.Throws<InputDataException>(() => new PopulationGrid(National, persons, "base.csv"));
        Assert.That(error!.Field, Is.EqualTo("persons[China, female, primary, age 42]"));
        Assert.That(error.ValidRange, Does.Contain("≥ 0"));
    }

    private static DemographicAssumptions Minimal(double[] persons, double[] mx)
    {
        var schedule = new double[Ages.Count];
        schedule[30] = 1;
        return new DemographicAssumptions
        {
            BasePopulation = new PopulationGrid(National, persons),
            BaseYear = 2020,
            EndYear = 2021,
            Mortality = new FixedMortality(mx, mx),
            Fertility = new FertilityAssumption(AnnualPath.Constant("tfr", 2020, 2021, 1.5),
                new FertilityAgeSchedule("schedule", 2020, [schedule, schedule]), AnnualPath.Constant("srb", 2020, 2021, 1.05)),
            InternationalMigration = InternationalMigrationAssumption.None(2020, 2021),
        };
    }
}
