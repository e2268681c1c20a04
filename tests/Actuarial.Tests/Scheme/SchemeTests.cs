using Actuarial.China;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;
using Actuarial.Scheme;
using FsCheck;
using FsCheck.Fluent;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

[TestFixture]
public sealed class SchemeTests
{
    // ---- worked examples ----

    [Test]
    public void Replacement_rate_of_a_man_retiring_in_2024_matches_a_hand_calculation()
    {
        // Born 1964-07, statutory age 60 (before the reform's first cohort): retires 2024-07. Wage = average = 120,000 a year,
        // no wage growth; 30 years 1994–2023: 4 deemed years before 1998, 26 years with an account.
        const double wage = 120_000;
        var worker = new TypicalWorker("hand", Sex.Male, EducationLevel.UpperSecondary, RetirementCategory.Men, 1.0, 30);
        var row = ReplacementRates.Compute(ChinaDefaults.SchemeRules(), [worker], [1964], _ => wage, 0.02).Single();

        double balance = 0;
        double[] published = [0.0831, 0.0712, 0.0829, 0.0761, 0.0604, 0.0669, 0.0612, 0.0397]; // 2016..2023
        for (int year = 1998; year <= 2023; year++)
        {
            double rate = year < 2016 ? 0.025 : published[year - 2016];
            balance = (balance + 0.08 * wage) * (1 + rate);
        }
        double basic = 10_000 * (1 + 1) / 2 * 30 * 0.01;     // 3,000
        double account = balance / 139;                      // divisor of age 60
        double transitional = 10_000 * 1 * 4 * 0.012;        // 480
        Assert.Multiple(() =>
        {
            Assert.That(row.RetirementYear, Is.EqualTo(2024));
            Assert.That(row.DeemedYears, Is.EqualTo(4));
            Assert.That(row.BasicPensionYuanPerMonth, Is.EqualTo(basic).Within(1e-9));
            Assert.That(row.AccountPensionYuanPerMonth, Is.EqualTo(account).Within(1e-9));
            Assert.That(row.TransitionalPensionYuanPerMonth, Is.EqualTo(transitional).Within(1e-9));
            Assert.That(row.ReplacementOfAverageWage, Is.EqualTo(12 * (basic + account + transitional) / wage).Within(1e-12));
            Assert.That(row.MeetsMinimumYears, Is.True);
        });
    }

    [Test]
    public void A_new_pension_in_the_engine_is_the_benefit_formula_of_the_cells_record()
    {
        var assumptions = SchemeTestData.Synthetic(seed: 7, regions: 2, horizon: 2);
        var calibration = SchemeCalibration.Calibrate(assumptions);
        var engine = new SchemeEngine(assumptions, calibration);
        engine.Initialize();
        // A man aged 59 on 1 November 2024 (no pensioners yet in the cell: men retire at 60+).
        int i = PopulationShape.Index(0, Sex.Male, EducationLevel.UpperSecondary, 59);
        Assume.That(engine.Records[i], Is.GreaterThan(0));
        Assert.That(engine.Pensioners[i], Is.EqualTo(0));
        var (retired, retiring, inverseDivisor) = engine.Retirement(2024, Sex.Male, EducationLevel.UpperSecondary, 59);
        double n = engine.Records[i], k = engine.Contributors[i];
        double w = engine.AverageWages[0], wPrev = engine.AverageWagesPrevious[0];
        double wage = FakeWage(assumptions, i, w);
        double contributionBase = Math.Clamp(wage, 0.6 * w, 3 * w);
        double years = engine.ContributionYears[i] + k / n;
        double indexYears = engine.IndexYears[i] + k / n * contributionBase / w;
        double r = engine.CreditingRate;
        double account = engine.Accounts[i] * (1 + r) + Math.Min(1, calibration.Compliance[0]) * 0.08 * contributionBase * (k / n) * (1 + r / 2);
        double deemed = engine.DeemedYears[i];
        double index = indexYears / years;
        double expected = wPrev / 12 * (1 + index) / 2 * years * 0.01 + account * inverseDivisor + wPrev / 12 * index * deemed * 0.012;
        double newPensioners = n * retiring / (1 - retired);

        engine.TrialStep(2024);
        Assert.Multiple(() =>
        {
            Assert.That(inverseDivisor, Is.EqualTo(1.0 / 139), "divisor of age 60");
            Assert.That(years, Is.GreaterThanOrEqualTo(15), "the cell meets the minimum without a purchase");
            Assert.That(engine.NewPensioners[i], Is.EqualTo(newPensioners).Within(1e-9 * newPensioners));
            Assert.That(engine.Pensions[i], Is.EqualTo(expected).Within(1e-9 * expected));
            Assert.That(engine.Records[i], Is.EqualTo(n - newPensioners).Within(1e-9 * n));
        });
    }

    private static double FakeWage(SchemeAssumptions assumptions, int cell, double averageWage)
    {
        var covered = new double[assumptions.Demography.Shape.CellCount];
        var wages = new double[covered.Length];
        assumptions.Workforce.FillCoveredWorkers(2024, assumptions.Demography.PersonsAt(2024), covered, wages);
        return wages[cell];
    }

    // ---- properties ----

    [FsProperty(MaxTest = 20)]
    public void A_later_retirement_age_gives_no_more_pensioners_and_no_fewer_contributors(PositiveInt seed, NonNegativeInt extraMen, NonNegativeInt extraWomen, bool faster)
    {
        var baseline = SchemeTestData.Synthetic(seed.Get % 1000, regions: 2, horizon: 14);
        var reform = RetirementAgeSchedule.Reform2025;
        int men = extraMen.Get % 37, women = extraWomen.Get % 37;
        var later = new RetirementAgeSchedule(
            new RetirementAgePath(reform.Men.FirstAffectedBirth, faster ? 2 : 4, reform.Men.TargetAgeMonths + men),
            new RetirementAgePath(reform.WomenCadres.FirstAffectedBirth, faster ? 2 : 4, reform.WomenCadres.TargetAgeMonths + women),
            new RetirementAgePath(reform.WomenWorkers.FirstAffectedBirth, faster ? 1 : 2, reform.WomenWorkers.TargetAgeMonths + women));
        var calibration = SchemeCalibration.Calibrate(baseline);
        var a = SchemeProjector.Run(baseline, calibration).Flows;
        var b = SchemeProjector.Run(baseline with { Rules = baseline.Rules with { RetirementAges = later } }, calibration).Flows;
        for (int year = a.FirstYear; year <= a.LastYear; year++)
        {
            for (int r = 0; r < a.ProvinceCount; r++)
            {
                Assert.That(b.Retirees(year)[r], Is.LessThanOrEqualTo(a.Retirees(year)[r] * (1 + 1e-9) + 1e-6), $"pensioners {year} region {r}");
                Assert.That(b.ContributingWorkers(year)[r], Is.GreaterThanOrEqualTo(a.ContributingWorkers(year)[r] * (1 - 1e-9) - 1e-6), $"contributors {year} region {r}");
            }
        }
    }

    [FsProperty(MaxTest = 20)]
    public void Higher_coverage_never_lowers_revenue(PositiveInt seed, NormalFloat raise)
    {
        double factor = 1 + Math.Min(1, Math.Abs(raise.Get) % 1.0);
        var baseline = SchemeTestData.Synthetic(seed.Get % 1000, regions: 2, horizon: 14);
        var calibration = SchemeCalibration.Calibrate(baseline);
        var wider = SchemeTestData.Synthetic(seed.Get % 1000, regions: 2, horizon: 14, coverageFactor: factor);
        var a = SchemeProjector.Run(baseline, calibration).Flows;
        var b = SchemeProjector.Run(wider, calibration).Flows;
        for (int year = a.FirstYear; year <= a.LastYear; year++)
        {
            for (int r = 0; r < a.ProvinceCount; r++)
            {
                Assert.That(b.Contributions(year)[r], Is.GreaterThanOrEqualTo(a.Contributions(year)[r] * (1 - 1e-9)), $"revenue {year} region {r} (coverage × {factor})");
            }
        }
    }

    [FsProperty(MaxTest = 25)]
    public void Every_contributor_and_pensioner_is_a_member_of_the_projected_population(PositiveInt seed, bool noPension)
    {
        // Calibrated on the labour layer, run on one that covers three times as many (capped at the population).
        var calibration = SchemeCalibration.Calibrate(SchemeTestData.Synthetic(seed.Get % 1000, regions: 3, horizon: 20));
        var assumptions = SchemeTestData.Synthetic(seed.Get % 1000, regions: 3, horizon: 20, coverageFactor: 3) with
        {
            ShortOfMinimumYears = noPension ? ShortfallRule.NoPension : ShortfallRule.BuyMissingYears,
        };
        var engine = new SchemeEngine(assumptions, calibration);
        engine.Initialize();
        for (int year = 2024; year <= assumptions.EndYear; year++)
        {
            Assert.That(engine.Year, Is.EqualTo(year));
            var pop = assumptions.Demography.PersonsAt(year);
            for (int i = 0; i < pop.Length; i++)
            {
                double tolerance = 1e-9 * pop[i] + 1e-9;
                Assert.That(engine.Contributors[i], Is.LessThanOrEqualTo(engine.Records[i] + tolerance));
                Assert.That(engine.Records[i] + engine.Pensioners[i], Is.LessThanOrEqualTo(pop[i] + tolerance),
                    $"{PopulationGrid.DescribeCell(assumptions.Demography.Shape, i)} in {year}");
                Assert.That(engine.Contributors[i], Is.GreaterThanOrEqualTo(0));
                Assert.That(engine.Pensioners[i], Is.GreaterThanOrEqualTo(0));
            }
            engine.Step(year);
        }
    }

    [Test]
    public void Flows_are_valid_and_cover_every_year()
    {
        var assumptions = SchemeTestData.Synthetic(seed: 3, regions: 2, horizon: 10);
        var projection = SchemeProjector.Run(assumptions);
        Assert.DoesNotThrow(() => projection.Flows.Validate());
        Assert.That(projection.Flows.FirstYear, Is.EqualTo(2024));
        Assert.That(projection.Flows.LastYear, Is.EqualTo(2034));
        var rows = projection.Summary();
        Assert.That(rows, Has.Count.EqualTo(11 * 3));
        var national = rows.Where(r => r.RegionCode == 0).ToArray();
        Assert.That(national.Select(r => r.Contributors), Is.All.GreaterThan(0));
        Assert.That(national[0].Contributions, Is.EqualTo(projection.Flows.Contributions(2024).ToArray().Sum()).Within(1e-6));
    }

    // ---- calibration ----

    [Test]
    public void National_subsidy_share_is_the_latest_verified_figure()
    {
        var share = ChinaSchemeTargets.NationalSubsidyShare();
        Assert.That(share.Year, Is.EqualTo(2019));
        Assert.That(share.SubsidyTag, Is.Not.EqualTo(SourceTag.Unverified));
        Assert.That(share.Share, Is.EqualTo(10_318.66 / 52_919).Within(1e-12));
    }

    [Test]
    public void China_is_calibrated_to_2024_within_tolerances_in_every_province_and_nationally()
    {
        var calibration = SchemeCalibration.Calibrate(SchemeTestData.China());
        Assert.That(calibration.Rows, Has.Count.EqualTo(32));
        foreach (var row in calibration.Rows)
        {
            TestContext.Out.WriteLine($"{row.Region,-16} workers {row.WorkersError,9:P3} retirees {row.RetireesError,9:P3} revenue {row.RevenueError,9:P3} " +
                $"expenditure {row.ExpenditureError,9:P3}  ω {row.WorkerAlignment:F3} ρ {row.Registration:F3} κ {row.Compliance:F3} λ {row.PensionLevelYuanPerMonth:F0}");
        }
        foreach (var row in calibration.Rows)
        {
            Assert.Multiple(() =>
            {
                Assert.That(Math.Abs(row.WorkersError), Is.LessThanOrEqualTo(0.01), $"{row.Region} workers");
                Assert.That(Math.Abs(row.RetireesError), Is.LessThanOrEqualTo(0.01), $"{row.Region} retirees");
                Assert.That(Math.Abs(row.RevenueError), Is.LessThanOrEqualTo(0.03), $"{row.Region} revenue net of subsidies");
                Assert.That(Math.Abs(row.ExpenditureError), Is.LessThanOrEqualTo(0.03), $"{row.Region} expenditure");
            });
        }
        var china = calibration.Rows[^1];
        Assert.That(china.RegionCode, Is.EqualTo(0));
        Assert.That(china.TargetWorkers, Is.EqualTo(PensionData.UrbanEmployeePensionProvince2024().Where(r => r.RegionCode != 0).Sum(r => r.WorkersTenThousands) * 1e4).Within(1));
    }

    [Test]
    public void China_projection_runs()
    {
        var projection = SchemeProjector.Run(SchemeTestData.China());
        Assert.DoesNotThrow(() => projection.Flows.Validate());
        foreach (var row in projection.Summary().Where(r => r.RegionCode == 0 && (r.Year - 2024) % 4 == 0))
        {
            TestContext.Out.WriteLine($"{row.Year} contributors {row.Contributors / 1e4,8:F0}万 pensioners {row.Pensioners / 1e4,8:F0}万 new {row.NewPensioners / 1e4,6:F0}万 " +
                $"pension {row.AveragePensionYuanPerMonth,6:F0} contributions {row.Contributions / 1e8,8:F0}亿 pensions {row.Pensions / 1e8,8:F0}亿 SDR {row.SystemDependencyRatio:F3} wage {row.AverageWageYuan:F0}");
        }
        foreach (var row in ReplacementRates.Compute(projection, 44, TypicalWorker.Defaults, [1975, 1990, 2000]))
        {
            TestContext.Out.WriteLine($"{row.Profile,-60} born {row.BirthYear} retires {row.RetirementYear} at {row.RetirementAgeYears:F2}: own {row.ReplacementOfOwnWage:P1} average {row.ReplacementOfAverageWage:P1}");
        }
    }

    // ---- allocation ----

    [Test]
    public void The_yearly_step_allocates_nothing()
    {
        var assumptions = SchemeTestData.Synthetic(seed: 11, regions: 2, horizon: 8);
        var (allocated, _) = SchemeTestData.AllocatedByYearlySteps(assumptions, lastYear: 2030);
        Assert.That(allocated, Is.EqualTo(0));
    }
}

[TestFixture]
public sealed class SchemeLabourIntegrationTests
{
    [Test]
    public void The_labour_layer_carries_its_calibration_over_to_the_scheme()
    {
        var labour = ChinaDefaults.Labour();
        var assumptions = SchemeTestData.China() with
        {
            Workforce = labour.Compile(),
            WomenCadreShareByEducation = labour.FemaleCadreShareByEducation,
        };
        var calibration = SchemeCalibration.Calibrate(assumptions);
        foreach (var row in calibration.Rows)
        {
            TestContext.Out.WriteLine($"{row.Region,-16} workers {row.WorkersError,9:P3} retirees {row.RetireesError,9:P3} revenue {row.RevenueError,9:P3} " +
                $"expenditure {row.ExpenditureError,9:P3}  ω {row.WorkerAlignment:F4} ρ {row.Registration:F4} κ {row.Compliance:F3} λ {row.PensionLevelYuanPerMonth:F0}");
        }
        Assert.Multiple(() =>
        {
            foreach (var row in calibration.Rows.Where(r => r.RegionCode != 0))
            {
                Assert.That(Math.Abs(row.WorkersError), Is.LessThanOrEqualTo(0.01), row.Region);
                Assert.That(Math.Abs(row.RevenueError), Is.LessThanOrEqualTo(0.03), row.Region);
                Assert.That(Math.Abs(row.ExpenditureError), Is.LessThanOrEqualTo(0.03), row.Region);
            }
        });
        var projection = SchemeProjector.Run(assumptions, calibration);
        Assert.DoesNotThrow(() => projection.Flows.Validate());
        foreach (var row in projection.Summary().Where(r => r.RegionCode == 0 && (r.Year - 2024) % 6 == 0))
        {
            TestContext.Out.WriteLine($"{row.Year} contributors {row.Contributors / 1e4,8:F0}万 pensioners {row.Pensioners / 1e4,8:F0}万 new {row.NewPensioners / 1e4,6:F0}万 " +
                $"pension {row.AveragePensionYuanPerMonth,6:F0} contributions {row.Contributions / 1e8,8:F0}亿 pensions {row.Pensions / 1e8,8:F0}亿 SDR {row.SystemDependencyRatio:F3} wage {row.AverageWageYuan:F0}");
        }
    }
}
