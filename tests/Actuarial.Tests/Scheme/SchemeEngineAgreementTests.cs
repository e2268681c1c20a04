using Actuarial.Demography;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// The vectorised <see cref="SchemeEngine"/> against the plain per-cell loop it replaced (<see cref="SchemeEngineReference"/>):
/// every year's cell state and every year × province flow agree within 1e-9 relative (lanes reorder the additions of
/// the region sums; each cell's arithmetic is the same).
/// </summary>
[TestFixture]
public sealed class SchemeEngineAgreementTests
{
    private const double Tolerance = 1e-9;

    [Test]
    public void TheFastEngineAgreesWithTheReferenceOnTheChinaDefaultsForEveryYearAndProvince()
    {
        var projection = PensionProjector.Run(ChinaDefaults.PensionScenario());
        Compare(projection.Scheme.Assumptions, projection.Scheme.Calibration);
    }

    [TestCase(3, false)]
    [TestCase(17, true)]
    public void TheFastEngineAgreesWithTheReferenceOnSyntheticProvincesWithAnyLabourLayer(int seed, bool noPension)
    {
        // A labour layer that fills the whole grid at once (not region by region), covering three times what the
        // calibration saw: contributors capped by the population and new record holders diluting the averages.
        var calibration = SchemeCalibration.Calibrate(SchemeTestData.Synthetic(seed, regions: 3, horizon: 20));
        var assumptions = SchemeTestData.Synthetic(seed, regions: 3, horizon: 20, coverageFactor: 3) with
        {
            ShortOfMinimumYears = noPension ? ShortfallRule.NoPension : ShortfallRule.BuyMissingYears,
        };
        Compare(assumptions, calibration);
    }

    [Test]
    public void AnEngineReboundToAnotherLabourLayerGivesWhatAFreshEngineGives()
    {
        var labour = Actuarial.Labour.LabourAssumptions.ChinaDefaults();
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
    public void RunningAlongsideThePopulationGivesWhatRunningAfterItGives(bool compiledLabour, bool keepYears)
    {
        // The compiled labour model fills a region at a time inside the step; the fake one fills the whole grid.
        var labour = Actuarial.Labour.LabourAssumptions.ChinaDefaults();
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
    public void RunningAlongsideThePopulationAllocatesNothing()
    {
        // What a Monte Carlo worker runs for each path: the population's year loop with the scheme's steps inside it.
        var labour = Actuarial.Labour.LabourAssumptions.ChinaDefaults();
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
    public void NoRunHasPensionersBelowItsGroupsFirstPensionAge()
    {
        // Ageing skips a run's ages below its (sex, education) group's first pension age: they must never hold pensioners.
        var assumptions = SchemeTestData.China(endYear: 2060);
        var engine = new SchemeEngine(assumptions, SchemeCalibration.Calibrate(assumptions));
        var tables = RetirementTables.For(assumptions.Rules, assumptions.WomenCadreShareByEducation, engine.YearCount);
        const int groups = 12, ages = 101;
        Assert.That(tables.FirstPensionAgeByGroup.Take(6).Min(), Is.GreaterThan(tables.FirstPensionAgeByGroup.Skip(6).Min()), "men retire later than women");
        Assert.That(tables.FirstPensionAgeByGroup.Min(), Is.EqualTo(tables.FirstPensionAge));
        engine.Initialize();
        for (int year = 2024; year <= 2060; year++)
        {
            var pensioners = engine.Pensioners;
            for (int run = 0; run < pensioners.Length / ages; run++)
            {
                int floor = tables.FirstPensionAgeByGroup[run % groups];
                for (int a = 0; a < floor; a++) Assert.That(pensioners[run * ages + a], Is.Zero, $"{year}, run {run}, age {a}");
                Assert.That(pensioners.Slice(run * ages + floor, ages - floor).ToArray().Sum(), Is.GreaterThan(0), $"{year}, run {run}");
            }
            engine.Step(year);
        }
    }

    [Test]
    public void TheYearlyStepAllocatesNothingWithTheCompiledLabourModel()
    {
        // The compiled labour model fills a region at a time inside the step (the other path is covered in SchemeTests).
        var labour = Actuarial.Labour.LabourAssumptions.ChinaDefaults();
        var assumptions = SchemeTestData.China(endYear: 2032) with
        {
            Workforce = labour.Compile(),
            WomenCadreShareByEducation = labour.FemaleCadreShareByEducation,
        };
        var engine = new SchemeEngine(assumptions, SchemeCalibration.Calibrate(assumptions));
        engine.Initialize();
        engine.Step(2024); // warm up
        engine.Step(2025);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int year = 2026; year <= 2032; year++) engine.Step(year);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private static void Compare(SchemeAssumptions assumptions, SchemeCalibration calibration)
    {
        var fast = new SchemeEngine(assumptions, calibration);
        var reference = new SchemeEngineReference(assumptions, calibration);
        fast.Initialize();
        reference.Initialize();
        var worst = new Worst();
        for (int year = SchemeAssumptions.BaseYear; year <= assumptions.EndYear; year++)
        {
            Assert.That(fast.Year, Is.EqualTo(reference.Year));
            string at = $"{year}";
            worst.Cells("contributors", at, fast.Contributors, reference.Contributors);
            worst.Cells("records", at, fast.Records, reference.Records);
            worst.Cells("pensioners", at, fast.Pensioners, reference.Pensioners);
            // Reading the fast engine's pensions applies the indexation it holds back for the next step; every other
            // year is left to the step itself.
            if (year % 2 == 0) worst.Cells("pensions", at, fast.Pensions, reference.Pensions);
            // Record holders' averages are compared where there are record holders: the fast engine leaves the averages
            // of empty cells above a run's oldest record holder where they were, and they are never used.
            worst.Cells("contribution years", at, fast.ContributionYears, reference.ContributionYears, where: reference.Records);
            worst.Cells("deemed years", at, fast.DeemedYears, reference.DeemedYears, where: reference.Records);
            worst.Cells("index years", at, fast.IndexYears, reference.IndexYears, where: reference.Records);
            worst.Cells("accounts", at, fast.Accounts, reference.Accounts, where: reference.Records);
            worst.Cells("average wages", at, fast.AverageWages, reference.AverageWages);
            worst.Value("crediting rate", at, fast.CreditingRate, reference.CreditingRate);
            fast.Step(year);
            reference.Step(year);
            worst.Cells("new pensioners", at, fast.NewPensioners, reference.NewPensioners);
            worst.Cells("ordinary base", at, fast.OrdinaryBase, reference.OrdinaryBase);
            worst.Cells("lump sums", at, fast.LumpSums, reference.LumpSums);
            worst.Cells("pensions paid", at, fast.PensionsPaid, reference.PensionsPaid);
        }
        var a = fast.Flows;
        var b = reference.Flows;
        for (int year = a.FirstYear; year <= a.LastYear; year++)
        {
            string at = $"{year}";
            worst.Cells("flows: contributions", at, a.Contributions(year), b.Contributions(year));
            worst.Cells("flows: pensions", at, a.Pensions(year), b.Pensions(year));
            worst.Cells("flows: contributing workers", at, a.ContributingWorkers(year), b.ContributingWorkers(year));
            worst.Cells("flows: retirees", at, a.Retirees(year), b.Retirees(year));
            worst.Cells("flows: average wage", at, a.AverageWage(year), b.AverageWage(year));
            worst.Cells("flows: covered wage bill", at, a.CoveredWageBill(year), b.CoveredWageBill(year));
        }
        worst.Cells("contributors (rows)", "all years", fast.OutContributors, reference.OutContributors);
        worst.Cells("pensioners (rows)", "all years", fast.OutPensioners, reference.OutPensioners);
        worst.Cells("new pensioners (rows)", "all years", fast.OutNewPensioners, reference.OutNewPensioners);
        worst.Cells("contributions (rows)", "all years", fast.OutContributions, reference.OutContributions);
        worst.Cells("employer contributions (rows)", "all years", fast.OutEmployerContributions, reference.OutEmployerContributions);
        worst.Cells("pensions (rows)", "all years", fast.OutPensions, reference.OutPensions);
        TestContext.Out.WriteLine($"largest relative difference {worst.Relative:E2} ({worst.Where})");
        Assert.That(worst.Relative, Is.LessThanOrEqualTo(Tolerance), worst.Where);
    }

    private sealed class Worst
    {
        public double Relative { get; private set; }
        public string Where { get; private set; } = "none";

        public void Cells(string name, string at, ReadOnlySpan<double> fast, ReadOnlySpan<double> reference, ReadOnlySpan<double> where = default)
        {
            Assert.That(fast.Length, Is.EqualTo(reference.Length), name);
            for (int i = 0; i < fast.Length; i++)
            {
                if (where.IsEmpty || where[i] > 0) Value(name, $"{at}, index {i}", fast[i], reference[i]);
            }
        }

        public void Value(string name, string at, double fast, double reference)
        {
            if (fast.Equals(reference)) return;
            double scale = Math.Max(Math.Abs(fast), Math.Abs(reference));
            double relative = double.IsFinite(scale) && scale > 0 ? Math.Abs(fast - reference) / scale : double.PositiveInfinity;
            if (!(relative <= Relative))
            {
                Relative = double.IsNaN(relative) ? double.PositiveInfinity : relative;
                Where = $"{name} [{at}]: fast {fast:R}, reference {reference:R}";
            }
        }
    }
}
