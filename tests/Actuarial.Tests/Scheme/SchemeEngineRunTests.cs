using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// Runs of <see cref="SchemeEngine"/> that must give the same results, bit for bit: rebound or fresh, alongside the
/// population or after it; and what its shortcuts rely on (no pensioners below a group's first pension age, no
/// allocation in a year's step).
/// </summary>
[TestFixture]
public sealed class SchemeEngineRunTests
{
    [Test]
    public void An_engine_rebound_to_another_labour_layer_gives_what_a_fresh_engine_gives()
    {
        var labour = ChinaDefaults.Labour();
        var central = SchemeTestData.China(endYear: 2050) with
        {
            Workforce = labour.Compile(),
            WomenCadreShareByEducation = labour.FemaleCadreShareByEducation,
        };
        var calibration = SchemeCalibration.Calibrate(central);
        var faster = labour.WithLever(Actuarial.Labour.LabourLever.WageGrowth, labour.WageGrowth.Map((year, g) => g + 0.01)).Compile();

        var reused = new SchemeEngine(central, calibration);
        reused.Run();
        var centralContributions = reused.OutContributions.ToArray();
        reused.Rebind(central.Demography, faster);
        reused.Run();
        var fresh = new SchemeEngine(central with { Workforce = faster }, calibration);
        fresh.Run();

        Assert.That(reused.OutContributions, Is.EqualTo(fresh.OutContributions).AsCollection);
        Assert.That(reused.OutPensions, Is.EqualTo(fresh.OutPensions).AsCollection);
        Assert.That(reused.OutContributors, Is.EqualTo(fresh.OutContributors).AsCollection);
        Assert.That(reused.OutPensioners, Is.EqualTo(fresh.OutPensioners).AsCollection);
        Assert.That(reused.Accounts.ToArray(), Is.EqualTo(fresh.Accounts.ToArray()).AsCollection);
        Assert.That(reused.OutContributions, Is.Not.EqualTo(centralContributions).AsCollection, "the lever moved the flows");
    }

    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, false)]
    public void Running_alongside_the_population_gives_what_running_after_it_gives(bool compiledLabour, bool keepYears)
    {
        // The compiled labour model fills a region at a time inside the step; the fake one fills the whole grid.
        var labour = ChinaDefaults.Labour();
        var central = SchemeTestData.China(endYear: 2045);
        if (compiledLabour) central = central with { Workforce = labour.Compile(), WomenCadreShareByEducation = labour.FemaleCadreShareByEducation };
        var calibration = SchemeCalibration.Calibrate(central);
        var inputs = DemographicProjector.Compile(central.Demography.Assumptions);

        var afterBuffers = new ProjectionBuffers(inputs);
        DemographicProjector.RunInto(inputs, afterBuffers);
        var after = new SchemeEngine(central with { Demography = new DemographicProjection(inputs, afterBuffers) }, calibration);
        after.Run();

        var alongsideBuffers = new ProjectionBuffers(inputs, keepYears: keepYears);
        var alongside = new SchemeEngine(central with { Demography = new DemographicProjection(inputs, alongsideBuffers) }, calibration);
        alongside.RunAlongsidePopulation();

        Assert.That(alongside.Year, Is.EqualTo(2045));
        Assert.That(alongside.OutContributions, Is.EqualTo(after.OutContributions).AsCollection);
        Assert.That(alongside.OutEmployerContributions, Is.EqualTo(after.OutEmployerContributions).AsCollection);
        Assert.That(alongside.OutPensions, Is.EqualTo(after.OutPensions).AsCollection);
        Assert.That(alongside.OutContributors, Is.EqualTo(after.OutContributors).AsCollection);
        Assert.That(alongside.OutPensioners, Is.EqualTo(after.OutPensioners).AsCollection);
        Assert.That(alongside.OutNewPensioners, Is.EqualTo(after.OutNewPensioners).AsCollection);
        Assert.That(alongside.Accounts.ToArray(), Is.EqualTo(after.Accounts.ToArray()).AsCollection);
        Assert.That(alongsideBuffers.Births, Is.EqualTo(afterBuffers.Births).AsCollection);
        if (keepYears) Assert.That(alongsideBuffers.Population, Is.EqualTo(afterBuffers.Population).AsCollection);
        else Assert.Throws<InvalidOperationException>(() => alongside.Assumptions.Demography.PersonsAt(2030).ToArray());
    }

    [Test]
    public void Running_alongside_the_population_allocates_nothing()
    {
        // What a Monte Carlo worker runs for each path: the population's year loop with the scheme's steps inside it.
        var labour = ChinaDefaults.Labour();
        var central = SchemeTestData.China(endYear: 2040) with { Workforce = labour.Compile(), WomenCadreShareByEducation = labour.FemaleCadreShareByEducation };
        var calibration = SchemeCalibration.Calibrate(central);
        var inputs = DemographicProjector.Compile(central.Demography.Assumptions);
        var engine = new SchemeEngine(central with { Demography = new DemographicProjection(inputs, new ProjectionBuffers(inputs, keepYears: false)) }, calibration);
        engine.RunAlongsidePopulation(); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        engine.RunAlongsidePopulation();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void No_block_has_pensioners_below_its_groups_first_pension_age()
    {
        // Ageing skips a block's ages below its (sex, education) group's first pension age: they must never hold pensioners.
        var assumptions = SchemeTestData.China(endYear: 2060);
        var engine = new SchemeEngine(assumptions, SchemeCalibration.Calibrate(assumptions));
        var tables = RetirementTables.For(assumptions.Rules, assumptions.WomenCadreShareByEducation, assumptions.BaseYear, engine.YearCount);
        const int groups = 12, ages = 101;
        Assert.That(tables.FirstPensionAgeByGroup.Take(6).Min(), Is.GreaterThan(tables.FirstPensionAgeByGroup.Skip(6).Min()), "men retire later than women");
        Assert.That(tables.FirstPensionAgeByGroup.Min(), Is.EqualTo(tables.FirstPensionAge));
        engine.Initialize();
        for (int year = 2024; year <= 2060; year++)
        {
            var pensioners = engine.Pensioners;
            for (int block = 0; block < pensioners.Length / ages; block++)
            {
                int floor = tables.FirstPensionAgeByGroup[block % groups];
                for (int a = 0; a < floor; a++) Assert.That(pensioners[block * ages + a], Is.Zero, $"{year}, block {block}, age {a}");
                Assert.That(pensioners.Slice(block * ages + floor, ages - floor).ToArray().Sum(), Is.GreaterThan(0), $"{year}, block {block}");
            }
            engine.Step(year);
        }
    }

    [Test]
    public void The_yearly_step_allocates_nothing_with_the_compiled_labour_model()
    {
        // The compiled labour model fills a region at a time inside the step (the other path is covered in SchemeTests).
        var labour = ChinaDefaults.Labour();
        var assumptions = SchemeTestData.China(endYear: 2032) with
        {
            Workforce = labour.Compile(),
            WomenCadreShareByEducation = labour.FemaleCadreShareByEducation,
        };
        var (allocated, _) = SchemeTestData.AllocatedByYearlySteps(assumptions, lastYear: 2032);
        Assert.That(allocated, Is.Zero);
    }
}
