using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Labour;
using Actuarial.Pensions;
using Actuarial.Scheme;
using Actuarial.Tests.Labour;
using NUnit.Framework;

namespace Actuarial.Tests.Engine;

/// <summary>
/// The engine layers on a setup that is not China's: two regions, the scheme's state in 2022 rather than 2024, original
/// statutory ages of 62, 60 and 58, and made-up targets. Nothing here comes from Actuarial.China: the base year, the
/// regions, the ages and the targets are the engine's inputs.
/// </summary>
[TestFixture]
public sealed class NonChinaSetupTests
{
    private const int BaseYear = 2022, EndYear = 2030;

    private static readonly int[] OriginalAges = [62, 60, 58];

    private static SchemeRules Rules()
    {
        var ages = new RetirementAgeSchedule(
            new RetirementAgePath(new YearMonth(1960, 1), 4, OriginalAges[0] * 12),
            new RetirementAgePath(new YearMonth(1962, 1), 4, OriginalAges[1] * 12),
            new RetirementAgePath(new YearMonth(1964, 1), 4, OriginalAges[2] * 12))
        {
            OriginalAgesMonths = OriginalAges.Select(a => a * 12).ToArray(),
        };
        return new SchemeRules
        {
            Contributions = new ContributionRates(
                RateSchedule.Constant("employer rate", new YearMonth(2000, 1), 0.18),
                RateSchedule.Constant("employee rate", new YearMonth(2000, 1), 0.08)),
            ContributionBase = new ContributionBase(),
            RetirementAges = ages,
            MinimumContributionYears = new MinimumContributionYears(),
            Benefits = new BenefitFormula(),
            Divisors = new IndividualAccountDivisor(Enumerable.Range(40, 31).Select(age => (age, 200 - 3 * (age - 40)))),
            CreditingRates = new AccountCreditingRates(AnnualPath.Constant("crediting", 2016, 2021, 0.04), 0.03, new FixedRate(0.03)),
            Indexation = new Indexation(AnnualPath.Constant("indexation", 2016, 2021, 0.03), new FixedRate(0.02)),
        };
    }

    private static (SchemeAssumptions Scheme, DemographicProjection Demography) TwoRegions()
    {
        var demography = DemographicProjector.Run(SyntheticDemography.Random(seed: 5, regionCount: 2, years: EndYear - SyntheticDemography.BaseYear));
        var regions = demography.Shape.Regions;
        var rules = Rules();
        var labour = SyntheticLabour.Assumptions(5) with
        {
            Coverage = new ProvinceValues("coverage", regions, regions.Select(r => (r.Code, 0.7)), 0, LabourAssumptions.MaxCoverage),
            AverageWage = new ProvinceValues("wage", regions, regions.Select((r, i) => (r.Code, 60_000.0 + 20_000 * i)), 0, 1e7),
            WageBaseYear = BaseYear,
            RetirementAges = rules.RetirementAges,
            Earnings = new RelativeEarnings(),
        };
        var model = labour.Compile();
        var covered = model.CoveredWorkersBelowRetirementAge(BaseYear, demography.PersonsAt(BaseYear));
        var targets = new Dictionary<int, SchemeBaseYearTarget>();
        for (int r = 0; r < regions.Count; r++)
        {
            double old = demography.PersonsAged(BaseYear, r, Sex.Male, 62, 100) + demography.PersonsAged(BaseYear, r, Sex.Female, 58, 100);
            double workers = 0.8 * covered[r], retirees = 0.5 * old, wage = model.AverageWage(BaseYear, r);
            targets[regions[r].Code] = new SchemeBaseYearTarget(workers, retirees, 0.2 * workers * wage, 0.4 * retirees * wage);
        }
        var scheme = new SchemeAssumptions
        {
            BaseYear = BaseYear,
            Rules = rules,
            Demography = demography,
            Workforce = model,
            EndYear = EndYear,
            Targets = targets,
            SubsidyShare = 0.1,
        };
        return (scheme, demography);
    }

    [Test]
    public void The_scheme_runs_on_two_regions_from_its_own_base_year()
    {
        var (assumptions, _) = TwoRegions();
        var projection = SchemeProjector.Run(assumptions);
        Assert.Multiple(() =>
        {
            Assert.That(projection.FirstYear, Is.EqualTo(BaseYear));
            Assert.That(projection.Flows.FirstYear, Is.EqualTo(BaseYear));
            Assert.That(projection.Flows.LastYear, Is.EqualTo(EndYear));
            Assert.That(projection.Flows.Provinces.Select(r => r.Code), Is.EqualTo(assumptions.Demography.Shape.Regions.Select(r => r.Code)));
            // The base year reproduces the made-up targets: the calibration worked on 2022, not on a fixed 2024.
            foreach (var row in projection.Calibration.Rows.Where(r => r.RegionCode != 0))
            {
                Assert.That(row.WorkersError, Is.EqualTo(0).Within(1e-6), $"{row.Region} workers");
                Assert.That(row.ExpenditureError, Is.EqualTo(0).Within(1e-9), $"{row.Region} expenditure");
                Assert.That(row.RevenueError, Is.EqualTo(0).Within(1e-9), $"{row.Region} revenue");
            }
            for (int year = BaseYear; year <= EndYear; year++)
            {
                Assert.That(projection.Flows.Contributions(year).ToArray(), Has.All.GreaterThan(0), $"contributions {year}");
                Assert.That(projection.Flows.Pensions(year).ToArray(), Has.All.GreaterThan(0), $"pensions {year}");
            }
        });
    }

    [Test]
    public void The_coverage_calibration_meets_its_targets_on_two_regions()
    {
        var (assumptions, demography) = TwoRegions();
        var labour = SyntheticLabour.Assumptions(5) with
        {
            Coverage = new ProvinceValues("coverage", demography.Shape.Regions, demography.Shape.Regions.Select(r => (r.Code, 0.1)), 0, LabourAssumptions.MaxCoverage),
            AverageWage = new ProvinceValues("wage", demography.Shape.Regions, demography.Shape.Regions.Select(r => (r.Code, 60_000.0)), 0, 1e7),
            RetirementAges = assumptions.Rules.RetirementAges,
        };
        var targets = new ProvinceValues("workers", demography.Shape.Regions, demography.Shape.Regions.Select((r, i) => (r.Code, 1_000.0 * (i + 1))), 0, 1e9);
        var (calibrated, rows) = CoverageCalibration.Calibrate(labour, demography.PersonsAt(BaseYear), BaseYear, targets);
        var model = calibrated.Compile().CoveredWorkersBelowRetirementAge(BaseYear, demography.PersonsAt(BaseYear));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.RegionCode), Is.EqualTo(demography.Shape.Regions.Select(r => r.Code)));
            Assert.That(model[0], Is.EqualTo(1_000).Within(1e-6).Percent);
            Assert.That(model[1], Is.EqualTo(2_000).Within(1e-6).Percent);
        });
    }

    [Test]
    public void The_statutory_ages_come_from_the_rules()
    {
        var (assumptions, _) = TwoRegions();
        int years = EndYear - BaseYear + 1;
        var own = RetirementTables.For(assumptions.Rules, assumptions.WomenCadreShareByEducation, BaseYear, years);
        var legal = RetirementTables.For(assumptions.Rules with { RetirementAges = RetirementAgeSchedule.PreReform }, assumptions.WomenCadreShareByEducation, BaseYear, years);
        int men = own.FirstPensionAgeByGroup.Take(EducationLevels.Count).Min(), women = own.FirstPensionAgeByGroup.Skip(EducationLevels.Count).Min();
        Assert.Multiple(() =>
        {
            // At the 1 November reference date those a year short of the age retire in the next twelve months.
            Assert.That(men, Is.EqualTo(OriginalAges[0] - 1), "men");
            Assert.That(women, Is.EqualTo(OriginalAges[2] - 1), "women (workers, the lowest)");
            Assert.That(legal.FirstPensionAgeByGroup.Take(EducationLevels.Count).Min(), Is.EqualTo(59), "men under the legal ages 60, 55, 50");
        });
    }
}
