using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
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

        var weights = Weights();
        var afterBuffers = new ProjectionBuffers(inputs);
        DemographicProjector.RunInto(inputs, afterBuffers);
        var after = new SchemeEngine(central with { Demography = new DemographicProjection(inputs, afterBuffers) }, calibration);
        after.RecordMembersByAge(weights);
        after.Run();

        var alongsideBuffers = new ProjectionBuffers(inputs, keepYears: keepYears);
        var alongside = new SchemeEngine(central with { Demography = new DemographicProjection(inputs, alongsideBuffers) }, calibration);
        alongside.RecordMembersByAge(weights);
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
        Assert.That(alongside.MembersByAge.ToArray(), Is.EqualTo(after.MembersByAge.ToArray()).AsCollection);
        Assert.That(alongside.CoverageInputs.ToArray(), Is.EqualTo(after.CoverageInputs.ToArray()).AsCollection);
        Assert.That(alongside.CoverageInputs.ToArray().Sum(), Is.GreaterThan(0));
        if (keepYears) Assert.That(alongsideBuffers.Population, Is.EqualTo(afterBuffers.Population).AsCollection);
        else Assert.Throws<InvalidOperationException>(() => alongside.Assumptions.Demography.PersonsAt(2030).ToArray());
    }

    [Test]
    public void The_coverage_inputs_it_records_are_the_plain_sums_of_the_cells_over_the_stored_grids()
    {
        // What the residents' scheme would otherwise sum itself over the stored grids, cell by cell with its plain rule
        // (ResidentsProjector.Cell), in the same order: the same values, bit for bit, in every year up to the end year
        // (whose grid the step does not age with).
        var central = SchemeTestData.China(endYear: 2040);
        var engine = new SchemeEngine(central, SchemeCalibration.Calibrate(central));
        var weights = Weights();
        engine.RecordMembersByAge(weights);
        engine.Run();
        var projection = new SchemeProjection(engine, SchemeCalibration.Calibrate(central));
        Assert.That(projection.HasCoverageInputs(weights.NotEntered, weights.FirstAge, weights.PensionAge), Is.True);
        Assert.That(projection.HasCoverageInputs(new double[weights.NotEntered.Length], weights.FirstAge, weights.PensionAge), Is.False, "other weights");
        Assert.That(projection.HasCoverageInputs(weights.NotEntered, weights.FirstAge, weights.PensionAge + 1), Is.False, "other ages");
        Assert.That(projection.FirstCoverageFailure, Is.Null);
        for (int year = 2024; year <= 2040; year++)
        {
            var pop = central.Demography.PersonsAt(year);
            for (int r = 0; r < engine.Regions.Count; r++)
            {
                double contributors = 0, beneficiaries = 0, inSchool = 0, working = 0, old = 0;
                for (int s = 0; s < Sexes.Count; s++)
                {
                    var members = projection.EmployeeMembers(year, r, (Sex)s);
                    for (int a = Actuarial.Residents.ResidentsAccountPension.FirstAge; a < Ages.Count; a++)
                    {
                        var cell = Actuarial.Residents.ResidentsProjector.Cell(pop, members, weights.NotEntered, r, (Sex)s, a, year, engine.Regions[r]);
                        contributors += cell.Workers;
                        beneficiaries += cell.Pensioners;
                        inSchool += cell.InSchool;
                        if (a < Actuarial.Residents.ResidentsAccountPension.PensionAge) working += cell.Residual; else old += cell.Residual;
                    }
                }
                var recorded = projection.CoverageInputs(year, r);
                Assert.That(new[] { recorded.EmployeeContributors, recorded.EmployeeBeneficiaries, recorded.InSchool, recorded.Working, recorded.Old },
                    Is.EqualTo(new[] { contributors, beneficiaries, inSchool, working, old }).AsCollection, $"{year} {engine.Regions[r].EnglishName}");
            }
        }
    }

    [TestCase(16, 60, 50)]
    [TestCase(15, 101, 41)]
    [TestCase(0, 3, 99)]
    [TestCase(17, 17, 100)]
    public void Members_by_age_are_the_plain_sums_over_education_of_the_blocks(int contributorsFrom, int contributorsEnd, int pensionersFrom)
    {
        // SchemeKernels.AddMembers against the plain rule on blocks of arbitrary values, zeros where the engine's blocks
        // hold zeros (contributors outside [record floor, contributors' end), pensioners below the first pension age): the
        // first education group adds to zero, each later one to the rows, in education order.
        const int A = Ages.Count;
        var random = new Random(18);
        var blocks = new SchemeBlocks(EducationLevels.Count);
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            var block = blocks.Block(e);
            for (int a = 0; a < A; a++)
            {
                block[CellQuantity.Contributors, a] = a >= contributorsFrom && a < contributorsEnd ? random.NextDouble() * 1e5 : 0;
                block[CellQuantity.NewPensioners, a] = a >= pensionersFrom ? random.NextDouble() * 1e3 : 0;
                block[CellQuantity.Pensioners, a] = a >= pensionersFrom ? block[CellQuantity.NewPensioners, a] + random.NextDouble() * 1e4 : 0;
            }
        }
        var members = new double[2 * A];
        Array.Fill(members, double.NaN); // what an earlier run left: the first group must not read it
        var expectedMembers = new double[2 * A];
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            var block = blocks.Block(e);
            SchemeKernels.AddMembers(block, members, first: e == 0, contributorsFrom, contributorsEnd, pensionersFrom);
            for (int a = 0; a < A; a++)
            {
                expectedMembers[a] += block[CellQuantity.Contributors, a];
                expectedMembers[A + a] += block[CellQuantity.Pensioners, a] - block[CellQuantity.NewPensioners, a];
            }
        }
        Assert.That(members, Is.EqualTo(expectedMembers).AsCollection);
    }

    [Test]
    public void The_members_it_records_are_the_cells_before_each_step_summed_over_education()
    {
        // The engine adds only where its blocks can hold members (SchemeKernels.AddMembers): what it records must still be
        // every cell's. Contributors are the cells' as each step begins (accrual and retirement leave them), bit for bit;
        // pensioners who retired before the year are the cells' before retirement, to the rounding of P + L − L.
        const int A = Ages.Count;
        var central = SchemeTestData.China(endYear: 2040);
        var engine = new SchemeEngine(central, SchemeCalibration.Calibrate(central));
        engine.RecordMembersByAge();
        engine.Initialize();
        var contributors = new double[A];
        var pensioners = new double[A];
        for (int year = 2024; year <= 2040; year++)
        {
            var cellContributors = engine.Contributors.ToArray();
            var cellPensioners = engine.Pensioners.ToArray();
            engine.Step(year);
            for (int r = 0; r < engine.Regions.Count; r++)
            {
                for (int s = 0; s < Sexes.Count; s++)
                {
                    Array.Clear(contributors);
                    Array.Clear(pensioners);
                    for (int e = 0; e < EducationLevels.Count; e++)
                    {
                        for (int a = 0; a < A; a++)
                        {
                            contributors[a] += cellContributors[PopulationShape.Index(r, (Sex)s, (EducationLevel)e, a)];
                            pensioners[a] += cellPensioners[PopulationShape.Index(r, (Sex)s, (EducationLevel)e, a)];
                        }
                    }
                    var recorded = engine.MembersByAge.Slice((((year - 2024) * engine.Regions.Count + r) * Sexes.Count + s) * 2 * A, 2 * A);
                    Assert.That(recorded[..A].ToArray(), Is.EqualTo(contributors).AsCollection, $"contributors {year} {r} {s}");
                    for (int a = 0; a < A; a++)
                    {
                        Assert.That(recorded[A + a], Is.EqualTo(pensioners[a]).Within(1e-12 * pensioners[a] + 1e-9), $"pensioners {year} {r} {s} {a}");
                    }
                }
            }
        }
    }

    /// <summary>Weights by education and age for the recorded population: a share not yet in work, as the residents' scheme passes.</summary>
    private static CoverageKernels.Shape Weights() =>
        Actuarial.Residents.ResidentsProjector.CoverageShape(ChinaDefaults.PensionScenario().Residents);

    [TestCase(false)]
    [TestCase(true)]
    public void Running_alongside_the_population_allocates_nothing(bool recordingCoverage)
    {
        // What a Monte Carlo worker runs for each path: the population's year loop with the scheme's steps inside it.
        var labour = ChinaDefaults.Labour();
        var central = SchemeTestData.China(endYear: 2040) with { Workforce = labour.Compile(), WomenCadreShareByEducation = labour.FemaleCadreShareByEducation };
        var calibration = SchemeCalibration.Calibrate(central);
        var inputs = DemographicProjector.Compile(central.Demography.Assumptions);
        var engine = new SchemeEngine(central with { Demography = new DemographicProjection(inputs, new ProjectionBuffers(inputs, keepYears: false)) }, calibration);
        // As PensionProjector runs it: the members by age and the residents' coverage inputs summed as it steps.
        if (recordingCoverage) engine.RecordMembersByAge(Weights());
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
