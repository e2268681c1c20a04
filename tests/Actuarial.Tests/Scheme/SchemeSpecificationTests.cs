using Actuarial.China;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// <see cref="SchemeEngine"/> against <see cref="SchemeSpecification"/>, the model written plainly: every year's cell
/// state and every year × province flow agree within 1e-9 relative. Not bit for bit: the engine holds pensions in index
/// units (one product per year instead of one per cell), multiplies by 1 / w where the specification divides by w, and
/// adds region sums in lanes and by block; those differences stay near 1e-15, so 1e-9 leaves room for them and for
/// nothing else (a wrong rule moves results by far more).
/// </summary>
[TestFixture]
public sealed class SchemeSpecificationTests
{
    private const double Tolerance = 1e-9;

    [Test]
    public void The_engine_agrees_with_the_specification_on_the_China_defaults_for_every_year_and_province()
    {
        // The compiled labour model: a layer that fills a region at a time.
        var projection = PensionProjector.Run(ChinaDefaults.PensionScenario());
        Compare(projection.Scheme.Assumptions, projection.Scheme.Calibration);
    }

    [TestCase(3, false)]
    [TestCase(17, true)]
    public void The_engine_agrees_with_the_specification_on_synthetic_provinces_with_a_whole_grid_labour_layer(int seed, bool noPension)
    {
        // A labour layer that fills the whole grid at once (adapted by the engine), covering three times what the
        // calibration saw: contributors capped by the population and new record holders diluting the averages.
        var calibration = SchemeCalibration.Calibrate(SchemeTestData.Synthetic(seed, regions: 3, horizon: 20));
        var assumptions = SchemeTestData.Synthetic(seed, regions: 3, horizon: 20, coverageFactor: 3) with
        {
            ShortOfMinimumYears = noPension ? ShortfallRule.NoPension : ShortfallRule.BuyMissingYears,
        };
        Compare(assumptions, calibration);
    }

    [Test]
    public void The_engine_agrees_with_the_specification_when_members_die_less_than_the_rest()
    {
        var calibration = SchemeCalibration.Calibrate(SchemeTestData.Synthetic(5, regions: 3, horizon: 20));
        Compare(SchemeTestData.Synthetic(5, regions: 3, horizon: 20) with { InsuredMortalityRatio = 0.6 }, calibration);
    }

    [Test]
    public void The_comparison_catches_a_one_year_shift_in_the_contribution_years()
    {
        // The tolerance is not so loose that a rule's mistake passes: a specification whose record holders start with
        // one more year (as an off-by-one in the career would give) is caught.
        var assumptions = SchemeTestData.Synthetic(3, regions: 3, horizon: 5);
        var calibration = SchemeCalibration.Calibrate(assumptions);
        var shifted = assumptions with { CareerEntryAgeByEducation = assumptions.CareerEntryAgeByEducation.Select(age => age - 1).ToArray() };
        Assert.That(() => Compare(assumptions, calibration, new SchemeSpecification(shifted, calibration)), Throws.InstanceOf<AssertionException>());
    }

    private static void Compare(SchemeAssumptions assumptions, SchemeCalibration calibration, SchemeSpecification? specification = null)
    {
        var engine = new SchemeEngine(assumptions, calibration);
        var spec = specification ?? new SchemeSpecification(assumptions, calibration);
        engine.Initialize();
        spec.Initialize();
        var worst = new Worst();
        for (int year = ChinaDefaults.SchemeBaseYear; year <= assumptions.EndYear; year++)
        {
            Assert.That(engine.Year, Is.EqualTo(spec.Year));
            string at = $"{year}";
            worst.Cells("contributors", at, engine.Contributors, spec.Contributors);
            worst.Cells("records", at, engine.Records, spec.Records);
            worst.Cells("pensioners", at, engine.Pensioners, spec.Pensioners);
            worst.Cells("pensions", at, engine.Pensions, spec.Pensions, where: spec.Pensioners);
            // Record holders' averages where there are record holders: the engine leaves the averages of empty cells
            // above a block's oldest record holder where they were, and they are never used.
            worst.Cells("contribution years", at, engine.ContributionYears, spec.ContributionYears, where: spec.Records);
            worst.Cells("deemed years", at, engine.DeemedYears, spec.DeemedYears, where: spec.Records);
            worst.Cells("index years", at, engine.IndexYears, spec.IndexYears, where: spec.Records);
            worst.Cells("accounts", at, engine.Accounts, spec.Accounts, where: spec.Records);
            worst.Cells("average wages", at, engine.AverageWages, spec.AverageWages);
            worst.Value("crediting rate", at, engine.CreditingRate, spec.CreditingRate);
            engine.Step(year);
            spec.Step(year);
            worst.Cells("new pensioners", at, engine.NewPensioners, spec.NewPensioners);
            worst.Cells("ordinary base", at, engine.OrdinaryBase, spec.OrdinaryBase);
            worst.Cells("lump sums", at, engine.LumpSums, spec.LumpSums);
            worst.Cells("pensions paid", at, engine.PensionsPaid, spec.PensionsPaid);
        }
        var a = engine.Flows;
        var b = spec.Flows;
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
        worst.Cells("employer contributions (rows)", "all years", engine.OutEmployerContributions, spec.EmployerContributions);
        worst.Cells("new pensioners (rows)", "all years", engine.OutNewPensioners, spec.NewPensionersByRegion);
        TestContext.Out.WriteLine($"largest relative difference {worst.Relative:E2} ({worst.Where})");
        Assert.That(worst.Relative, Is.LessThanOrEqualTo(Tolerance), worst.Where);
    }

    private sealed class Worst
    {
        public double Relative { get; private set; }
        public string Where { get; private set; } = "none";

        public void Cells(string name, string at, ReadOnlySpan<double> engine, ReadOnlySpan<double> spec, ReadOnlySpan<double> where = default)
        {
            Assert.That(engine.Length, Is.EqualTo(spec.Length), name);
            for (int i = 0; i < engine.Length; i++)
            {
                if (where.IsEmpty || where[i] > 0) Value(name, $"{at}, index {i}", engine[i], spec[i]);
            }
        }

        public void Value(string name, string at, double engine, double spec)
        {
            if (engine.Equals(spec)) return;
            double scale = Math.Max(Math.Abs(engine), Math.Abs(spec));
            double relative = double.IsFinite(scale) && scale > 0 ? Math.Abs(engine - spec) / scale : double.PositiveInfinity;
            if (!(relative <= Relative))
            {
                Relative = double.IsNaN(relative) ? double.PositiveInfinity : relative;
                Where = $"{name} [{at}]: engine {engine:R}, specification {spec:R}";
            }
        }
    }
}
