using System.Globalization;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Pensions;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Labour;

/// <summary>Synthetic labour assumptions (no engine run) for fast properties.</summary>
internal static class SyntheticLabour
{
    public const int First = 2020, Last = 2030;

    /// <summary>Cells of the 31-province grid the synthetic assumptions cover.</summary>
    public static readonly int Cells = new PopulationShape(Regions.Provinces).CellCount;

    public static LabourAssumptions Assumptions(int seed, double coverageMax = 2.0)
    {
        var rng = new Random(seed);
        var participation = new double[LabourForceProfile.Cells];
        for (int i = 0; i < participation.Length; i++) participation[i] = i % Ages.Count < 16 ? 0 : rng.NextDouble();
        var unemployment = new double[12];
        for (int i = 0; i < unemployment.Length; i++) unemployment[i] = 0.1 * rng.NextDouble();
        return new LabourAssumptions
        {
            FirstYear = First,
            LastYear = Last,
            LabourForce = new LabourForceProfile(participation, unemployment, "synthetic"),
            Coverage = new ProvinceValues("coverage", Regions.Provinces.Select(p => (p.Code, coverageMax * rng.NextDouble())), 0, LabourAssumptions.MaxCoverage),
            WageBaseYear = 2024,
            AverageWage = new ProvinceValues("wage", Regions.Provinces.Select(p => (p.Code, 50_000 + 100_000 * rng.NextDouble())), 0, 1e7),
            Earnings = ChinaDefaults.RelativeEarnings() with { ExperienceLinear = 0.05, ExperienceQuadratic = -0.001, FemaleLogGap = -0.2 },
            FemaleParticipationGain = Path(LabourLever.FemaleParticipationGain, rng.NextDouble()),
            OlderWorkerParticipationGain = Path(LabourLever.OlderWorkerParticipationGain, rng.NextDouble()),
            UnemploymentScale = Path(LabourLever.UnemploymentScale, 2 * rng.NextDouble()),
            NonAgriculturalShareScale = Path(LabourLever.NonAgriculturalShareScale, 0.5 + rng.NextDouble()),
            UncoveredWorkersJoining = Path(LabourLever.UncoveredWorkersJoining, rng.NextDouble()),
            ContributionDensity = Path(LabourLever.ContributionDensity, rng.NextDouble()),
            WageGrowth = new AnnualPath("wage_growth", First + 1, Enumerable.Range(0, Last - First).Select(_ => 0.1 * rng.NextDouble() - 0.02).ToArray()),
            FemaleCadreShareByEducation = [0, 0, 0, 0, 0.5, 1],
            RetirementAges = ChinaDefaults.RetirementAges(),
        };
    }

    public static double[] Population(int seed)
    {
        var rng = new Random(seed * 7919 + 1);
        var pop = new double[SyntheticLabour.Cells];
        for (int i = 0; i < pop.Length; i++) pop[i] = rng.Next(10) == 0 ? 0 : 10_000 * rng.NextDouble();
        return pop;
    }

    private static AnnualPath Path(LabourLever lever, double value) =>
        new(lever.Label(), First, Enumerable.Repeat(value, Last - First + 1).ToArray(), lever.Range().Minimum, lever.Range().Maximum);
}

[TestFixture]
public sealed class LabourModelTests
{
    private static readonly int Cells = SyntheticLabour.Cells;

    [FsProperty(MaxTest = 40)]
    public void Higher_coverage_never_gives_fewer_covered_workers_in_any_cell(int seed)
    {
        var low = SyntheticLabour.Assumptions(seed);
        var rng = new Random(seed + 17);
        var higherCoverage = low with { Coverage = low.Coverage.Map((_, c) => Math.Min(LabourAssumptions.MaxCoverage, c * (1 + rng.NextDouble()) + 0.1 * rng.NextDouble())) };
        var moreJoining = low with { UncoveredWorkersJoining = low.UncoveredWorkersJoining.Map((_, j) => j + (1 - j) * 0.5) };
        var pop = SyntheticLabour.Population(seed);
        int year = 2020 + Math.Abs(seed % 11);
        var a = Fill(low, year, pop).Covered;
        var b = Fill(higherCoverage, year, pop).Covered;
        var c = Fill(moreJoining, year, pop).Covered;
        for (int i = 0; i < Cells; i++)
        {
            Assert.That(b[i], Is.GreaterThanOrEqualTo(a[i]), () => PopulationGrid.DescribeCell(new PopulationShape(Regions.Provinces), i));
            Assert.That(c[i], Is.GreaterThanOrEqualTo(a[i]), () => PopulationGrid.DescribeCell(new PopulationShape(Regions.Provinces), i));
        }
    }

    [FsProperty(MaxTest = 40)]
    public void Covered_workers_never_exceed_the_population_of_the_cell(int seed)
    {
        var assumptions = SyntheticLabour.Assumptions(seed, coverageMax: LabourAssumptions.MaxCoverage);
        var pop = SyntheticLabour.Population(seed);
        var (covered, wages) = Fill(assumptions, 2020 + Math.Abs(seed % 11), pop);
        for (int i = 0; i < Cells; i++)
        {
            Assert.That(covered[i], Is.InRange(0, pop[i] * (1 + 1e-15)));
            Assert.That(double.IsFinite(wages[i]) && wages[i] > 0, Is.True);
        }
    }

    [FsProperty(MaxTest = 40)]
    public void Covered_worker_weighted_mean_wage_equals_the_province_average(int seed)
    {
        var assumptions = SyntheticLabour.Assumptions(seed);
        var model = assumptions.Compile();
        var pop = SyntheticLabour.Population(seed);
        int year = 2020 + Math.Abs(seed % 11);
        var (covered, wages) = Fill(assumptions, year, pop);
        for (int r = 0; r < Regions.Provinces.Count; r++)
        {
            double n = 0, w = 0;
            for (int i = r * PopulationShape.CellsPerRegion; i < (r + 1) * PopulationShape.CellsPerRegion; i++) { n += covered[i]; w += covered[i] * wages[i]; }
            if (n > 0) Assert.That(w / n, Is.EqualTo(model.AverageWage(year, r)).Within(1e-9).Percent);
        }
    }

    [Test]
    public void Wage_growth_path_compounds_from_the_base_year()
    {
        var assumptions = SyntheticLabour.Assumptions(3);
        var model = assumptions.Compile();
        double w2024 = assumptions.AverageWage.ByIndex[5];
        Assert.That(model.AverageWage(2024, 5), Is.EqualTo(w2024).Within(1e-9));
        Assert.That(model.AverageWage(2026, 5), Is.EqualTo(w2024 * (1 + assumptions.WageGrowth[2025]) * (1 + assumptions.WageGrowth[2026])).Within(1e-6));
        Assert.That(model.AverageWage(2023, 5), Is.EqualTo(w2024 / (1 + assumptions.WageGrowth[2024])).Within(1e-6));
    }

    [Test]
    public void Levers_move_covered_workers_the_right_way()
    {
        var baseline = SyntheticLabour.Assumptions(11) with { };
        var pop = SyntheticLabour.Population(11);
        double Total(LabourAssumptions a) => Fill(a, 2030, pop).Covered.Sum();
        var neutral = baseline
            .WithLever(LabourLever.FemaleParticipationGain, Years(0.0))
            .WithLever(LabourLever.OlderWorkerParticipationGain, Years(0.0));
        Assert.Multiple(() =>
        {
            Assert.That(Total(neutral.WithLever(LabourLever.FemaleParticipationGain, Years(0.5))), Is.GreaterThanOrEqualTo(Total(neutral)));
            Assert.That(Total(neutral.WithLever(LabourLever.OlderWorkerParticipationGain, Years(0.5))), Is.GreaterThanOrEqualTo(Total(neutral)));
            Assert.That(Total(neutral.WithLever(LabourLever.ContributionDensity, Years(0.5))),
                Is.EqualTo(0.5 * Total(neutral.WithLever(LabourLever.ContributionDensity, Years(1.0)))).Within(1e-9).Percent);
            Assert.That(Total(neutral.WithLever(LabourLever.UnemploymentScale, Years(2.0))), Is.LessThan(Total(neutral.WithLever(LabourLever.UnemploymentScale, Years(1.0)))));
        });
    }

    [Test]
    public void FillCoveredWorkers_allocates_nothing()
    {
        var model = SyntheticLabour.Assumptions(5).Compile();
        var pop = SyntheticLabour.Population(5);
        var covered = new double[Cells];
        var wages = new double[Cells];
        model.FillCoveredWorkers(2024, pop, covered, wages); // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int year = 2020; year <= 2030; year++) model.FillCoveredWorkers(year, pop, covered, wages);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void A_rate_above_100_percent_is_rejected_naming_the_field_value_and_range()
    {
        var participation = new double[LabourForceProfile.Cells];
        participation[LabourForceProfile.Index(Sex.Female, EducationLevel.Primary, 30)] = 1.2;
        var ex = Assert.Throws<InputDataException>(() => _ = new LabourForceProfile(participation, new double[12], "my_profile.csv"))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Source, Is.EqualTo("my_profile.csv"));
            Assert.That(ex.Field, Is.EqualTo("participation[female, primary, age 30]"));
            Assert.That(ex.Value, Is.EqualTo("1.2"));
            Assert.That(ex.ValidRange, Does.Contain("[0, 1]"));
        });
        var lever = Assert.Throws<InputDataException>(() => SyntheticLabour.Assumptions(1).WithLever(LabourLever.UncoveredWorkersJoining,
            Enumerable.Range(2020, 11).Select(y => (y, y == 2027 ? 1.05 : 0.1))))!;
        Assert.That(lever.Field, Is.EqualTo("uncovered_workers_joining[2027]"));
        Assert.That(lever.Value, Is.EqualTo("1.05"));
        Assert.That(lever.ValidRange, Does.Contain("[0, 1]"));
        var density = Assert.Throws<InputDataException>(() => _ = SyntheticLabour.Assumptions(1) with
        {
            ContributionDensity = new AnnualPath("contribution_density", 2020, Enumerable.Repeat(1.5, 11).ToArray()),
        })!;
        Assert.That(density.Field, Is.EqualTo("contribution_density[2020]"));
        Assert.That(Assert.Throws<InputDataException>(() => _ = SyntheticLabour.Assumptions(1) with { FemaleCadreShareByEducation = [0, 0, 0, 0, 0, 1.5] })!.Value,
            Is.EqualTo("1.5"));
        Assert.That(Assert.Throws<InputDataException>(() => _ = ChinaDefaults.RelativeEarnings() with { ReturnToSchooling = 1.5 })!.Field, Is.EqualTo("ReturnToSchooling"));
    }

    [Test]
    public void A_province_code_that_does_not_exist_is_rejected()
    {
        var pairs = Regions.Provinces.Select(p => (p.Code, 0.5)).ToList();
        pairs[3] = (99, 0.5);
        var ex = Assert.Throws<InputDataException>(() => _ = new ProvinceValues("coverage", pairs, 0, LabourAssumptions.MaxCoverage))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Source, Is.EqualTo("coverage"));
            Assert.That(ex.Field, Is.EqualTo("region_code"));
            Assert.That(ex.Value, Is.EqualTo("99"));
            Assert.That(ex.ValidRange, Does.Contain("31 provinces"));
        });
        var missing = Assert.Throws<InputDataException>(() => _ = new ProvinceValues("coverage", Regions.Provinces.Skip(1).Select(p => (p.Code, 0.5)), 0, 1))!;
        Assert.That(missing.ValidRange, Does.Contain("Beijing"));
        Assert.Throws<InputDataException>(() => _ = SyntheticLabour.Assumptions(1).Coverage[0]);
    }

    [Test]
    public void A_path_with_a_gap_is_rejected()
    {
        var points = new[] { (2020, 0.1), (2021, 0.1), (2023, 0.2) };
        var ex = Assert.Throws<InputDataException>(() => SyntheticLabour.Assumptions(1).WithLever(LabourLever.FemaleParticipationGain, points))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Source, Is.EqualTo("female_participation_gain"));
            Assert.That(ex.Field, Is.EqualTo("year"));
            Assert.That(ex.Value, Is.EqualTo("2023"));
            Assert.That(ex.ValidRange, Does.Contain("2021"));
        });
        // a path that stops before the model's last year is also rejected at compile time
        var shortPath = SyntheticLabour.Assumptions(1).WithLever(LabourLever.NonAgriculturalShareScale, Enumerable.Range(2020, 5).Select(y => (y, 1.0)));
        var compile = Assert.Throws<InputDataException>(() => shortPath.Compile())!;
        Assert.That(compile.Value, Is.EqualTo("2020..2024"));
    }

    [Test]
    public void A_lever_the_model_does_not_use_is_rejected()
    {
        var assumptions = SyntheticLabour.Assumptions(1);
        var points = Enumerable.Range(2020, 11).Select(y => (y, 0.5)).ToArray();
        var ex = Assert.Throws<InputDataException>(() => assumptions.WithLever((LabourLever)99, points))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Field, Is.EqualTo("lever"));
            Assert.That(ex.Value, Is.EqualTo("99"));
            Assert.That(ex.ValidRange, Does.Contain("female_participation_gain"));
        });
        Assert.Throws<InputDataException>(() => assumptions.WithLever((LabourLever)99, AnnualPath.Constant("x", 2020, 2030, 0)));
        Assert.That(assumptions.WithLever(LabourLever.FemaleParticipationGain, points).FemaleParticipationGain[2025], Is.EqualTo(0.5));
    }

    [Test]
    public void Wrong_span_lengths_and_years_are_rejected()
    {
        var model = SyntheticLabour.Assumptions(1).Compile();
        var pop = SyntheticLabour.Population(1);
        Assert.Throws<ArgumentException>(() => model.FillCoveredWorkers(2024, pop.AsSpan(1), new double[Cells], new double[Cells]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FillCoveredWorkers(2031, pop, new double[Cells], new double[Cells]));
        pop[100] = -1;
        Assert.Throws<ArgumentException>(() => model.FillCoveredWorkers(2024, pop, new double[Cells], new double[Cells]));
    }

    [Test]
    public void Table_has_one_row_per_cell_matching_FillCoveredWorkers()
    {
        var assumptions = SyntheticLabour.Assumptions(2);
        var pop = SyntheticLabour.Population(2);
        var rows = assumptions.Compile().Table(2025, pop);
        var (covered, wages) = Fill(assumptions, 2025, pop);
        Assert.That(rows, Has.Count.EqualTo(Cells));
        int i = PopulationShape.Index(30, Sex.Female, EducationLevel.PostSecondary, 40);
        Assert.That(rows[i], Is.EqualTo(new CoveredWorkerRow(2025, 65, "Xinjiang", "female", "post_secondary", 40, pop[i], covered[i], wages[i])));
    }

    private static (double[] Covered, double[] Wages) Fill(LabourAssumptions assumptions, int year, double[] population)
    {
        var covered = new double[Cells];
        var wages = new double[Cells];
        assumptions.Compile().FillCoveredWorkers(year, population, covered, wages);
        return (covered, wages);
    }

    private static IEnumerable<(int, double)> Years(double value) => Enumerable.Range(SyntheticLabour.First, SyntheticLabour.Last - SyntheticLabour.First + 1).Select(y => (y, value));
}

[TestFixture]
public sealed class LabourCalibrationTests
{
    [Test]
    public void Coverage_is_calibrated_to_the_2024_yearbook_workers_within_1_percent_per_province_and_nationally()
    {
        var result = ChinaDefaults.CalibratedLabour();
        Assert.That(result.Coverage, Has.Count.EqualTo(31));
        foreach (var row in result.Coverage.Where(r => r.Feasible))
        {
            Assert.That(Math.Abs(row.RelativeError), Is.LessThan(0.01), row.Region);
            Assert.That(Math.Abs(row.RelativeError), Is.LessThan(1e-9), row.Region + " (exact by construction)");
        }
        // Beijing's yearbook workers (15.88 M) exceed its residents aged 16+ below statutory age: the only infeasible
        // province; it is calibrated to the largest coverage and the shortfall is reported, not hidden.
        Assert.That(result.Coverage.Where(r => !r.Feasible).Select(r => r.RegionCode), Is.EqualTo(new[] { 11 }));
        var beijing = result.Coverage.Single(r => r.RegionCode == 11);
        Assert.That(beijing.Coverage, Is.EqualTo(LabourAssumptions.MaxCoverage).Within(1e-9));
        Assert.That(beijing.RelativeError, Is.InRange(-0.25, -0.01));
        double model = result.Coverage.Sum(r => r.ModelWorkers);
        double provinces = PensionData.UrbanEmployeePensionProvince2024().Where(r => r.RegionCode != 0).Sum(r => r.WorkersTenThousands) * 10_000;
        double national = PensionData.UrbanEmployeePensionProvince2024().Single(r => r.RegionCode == 0).WorkersTenThousands * 10_000;
        Assert.That(model / provinces - 1, Is.InRange(-0.01, 0.01));
        Assert.That(model / national - 1, Is.InRange(-0.01, 0.01), "national row includes the yearbook's unallocated line (55.4 万)");
    }

    [Test]
    public void Calibration_holds_when_recomputed_independently_from_the_engine()
    {
        // Recount with the public API: run the engine to 2024, fill, and weight by the share below statutory age
        // computed from RetirementAgeSchedule.ShareOfAgeRetiringInYear summed over later years.
        var assumptions = ChinaDefaults.Labour();
        var projection = DemographicProjector.Run(China.ChinaDefaults.Demography() with { EndYear = 2024 });
        var pop = projection.PersonsAt(2024);
        var covered = new double[SyntheticLabour.Cells];
        var wages = new double[SyntheticLabour.Cells];
        assumptions.Compile().FillCoveredWorkers(2024, pop, covered, wages);
        var schedule = assumptions.RetirementAges;
        double Below(RetirementCategory c, int age)
        {
            // retiring at or after the reference date: the age's share retiring in this and all later projection years
            double s = 0;
            for (int k = 0; age + k <= 100; k++) s += schedule.ShareOfAgeRetiringInYear(c, 2024 + k, age + k, 11);
            return s;
        }
        var rows = ChinaDefaults.CalibratedLabour().Coverage;
        for (int r = 0; r < 31; r++)
        {
            double sum = 0;
            foreach (var e in EducationLevels.All)
            {
                double cadre = assumptions.FemaleCadreShareByEducation[(int)e];
                for (int a = 16; a < Ages.Count; a++)
                {
                    double men = Below(RetirementCategory.Men, a);
                    double women = cadre * Below(RetirementCategory.WomenCadres, a) + (1 - cadre) * Below(RetirementCategory.WomenWorkers, a);
                    sum += covered[PopulationShape.Index(r, Sex.Male, e, a)] * men + covered[PopulationShape.Index(r, Sex.Female, e, a)] * women;
                }
            }
            Assert.That(sum / rows[r].ModelWorkers - 1, Is.InRange(-1e-9, 1e-9), Regions.Provinces[r].EnglishName);
            if (rows[r].Feasible) Assert.That(sum / rows[r].TargetWorkers - 1, Is.InRange(-0.01, 0.01), Regions.Provinces[r].EnglishName);
        }
    }

    [Test]
    public void China_defaults_respect_the_population_bound_and_the_wage_normalisation_and_allocate_nothing()
    {
        var model = ChinaDefaults.Labour().Compile();
        Actuarial.Scheme.ICoveredWorkforce workforce = model; // the scheme layer's interface
        var pop = DemographicProjector.Run(China.ChinaDefaults.Demography() with { EndYear = 2024 }).PersonsAt(2024).ToArray();
        var covered = new double[SyntheticLabour.Cells];
        var wages = new double[SyntheticLabour.Cells];
        workforce.FillCoveredWorkers(2024, pop, covered, wages);
        long before = GC.GetAllocatedBytesForCurrentThread();
        workforce.FillCoveredWorkers(2024, pop, covered, wages);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        for (int i = 0; i < covered.Length; i++) Assert.That(covered[i], Is.InRange(0, pop[i]));
        for (int r = 0; r < 31; r++)
        {
            double n = 0, w = 0;
            for (int i = r * PopulationShape.CellsPerRegion; i < (r + 1) * PopulationShape.CellsPerRegion; i++) { n += covered[i]; w += covered[i] * wages[i]; }
            Assert.That(w / n, Is.EqualTo(model.Assumptions.AverageWage.ByIndex[r]).Within(1e-9).Percent, Regions.Provinces[r].EnglishName);
        }
    }

    [Test]
    public void Participation_fit_meets_the_WDI_2024_targets_and_rates_are_valid()
    {
        var result = ChinaDefaults.CalibratedLabour();
        Assert.That(result.LabourForce.FemaleParticipation15Plus, Is.EqualTo(0.594).Within(1e-9));
        Assert.That(result.LabourForce.EmploymentRatio15Plus, Is.EqualTo(0.619).Within(1e-9));
        var p = result.Assumptions.LabourForce.Participation;
        foreach (double v in p) Assert.That(v, Is.InRange(0.0, 1.0));
        Assert.That(result.Assumptions.LabourForce.ParticipationRate(Sex.Male, EducationLevel.LowerSecondary, 15), Is.Zero, "minimum working age 16");
    }

    [Test]
    public void Wages_use_full_caliber_where_published_and_the_ratio_elsewhere()
    {
        var result = ChinaDefaults.CalibratedLabour();
        var wages = result.Assumptions.AverageWage;
        Assert.Multiple(() =>
        {
            Assert.That(wages[11], Is.EqualTo(11937 * 12.0)); // Beijing full caliber 2024, monthly stated
            Assert.That(wages[37], Is.EqualTo(90072.0));      // Shandong full caliber 2024, annual stated
            Assert.That(wages[12], Is.EqualTo(142437 * result.FullCaliberToNonPrivateRatio).Within(1e-6)); // Tianjin non-private 2024 × ratio
            Assert.That(wages[22], Is.EqualTo(94937 * (124110.0 / 120698.0) * result.FullCaliberToNonPrivateRatio).Within(1e-6)); // Jilin 2023 grown
            Assert.That(result.FullCaliberToNonPrivateRatio, Is.InRange(0.6, 0.95));
            Assert.That(result.Assumptions.WageGrowth[2024], Is.EqualTo(124110.0 / 120698.0 - 1).Within(1e-12));
            Assert.That(result.Assumptions.WageGrowth[2025], Is.EqualTo(129441.0 / 124110.0 - 1).Within(1e-12)); // published 2025, trust low
            Assert.That(result.Assumptions.WageGrowth[2026], Is.EqualTo(Math.Pow(124110.0 / 90501.0, 0.2) - 1).Within(1e-12));
            Assert.That(result.Assumptions.WageGrowth[2030], Is.EqualTo(Math.Pow(124110.0 / 90501.0, 0.2) - 1).Within(1e-12));
            Assert.That(result.LongRunWageGrowth, Is.EqualTo(Math.Pow(124110.0 / 90501.0, 0.2) - 1).Within(1e-12));
        });
    }

    [Test]
    public void Default_wage_growth_uses_every_published_year_but_takes_the_long_run_rate_from_high_trust_years_only()
    {
        AverageWageNationalRow Row(int year, double wage, string trust) => new(year, wage, null, "test", trust);
        var national = new[] { Row(2018, 100, "high"), Row(2019, 110, "high"), Row(2020, 121, "high"), Row(2021, 130, "low") };
        var (path, longRun) = LabourCalibration.DefaultWageGrowth(national, 2018, 2024, window: 2);
        Assert.Multiple(() =>
        {
            Assert.That(longRun, Is.EqualTo(0.1).Within(1e-12), "2018→2020, the low-trust 2021 left out");
            Assert.That(path[2019], Is.EqualTo(0.1).Within(1e-12));
            Assert.That(path[2021], Is.EqualTo(130.0 / 121 - 1).Within(1e-12), "the low-trust year sets its own growth");
            Assert.That(path[2022], Is.EqualTo(0.1).Within(1e-12));
            Assert.That(path[2024], Is.EqualTo(0.1).Within(1e-12));
        });
        Assert.Throws<InputDataException>(() => LabourCalibration.DefaultWageGrowth(national, 2018, 2024, window: 3));
    }

    [Test]
    public void Print_calibration()
    {
        var result = ChinaDefaults.CalibratedLabour();
        var inv = CultureInfo.InvariantCulture;
        TestContext.Out.WriteLine(string.Create(inv, $"levels male {result.LabourForce.MaleLevel:0.####} female {result.LabourForce.FemaleLevel:0.####}; male LFPR15+ {result.LabourForce.MaleParticipation15Plus:0.####}; female {result.LabourForce.FemaleParticipation15Plus:0.####}; E/P {result.LabourForce.EmploymentRatio15Plus:0.####}"));
        TestContext.Out.WriteLine("census participation " + string.Join(" ", result.LabourForce.CensusParticipation.Select(v => v.ToString("0.###", inv))));
        TestContext.Out.WriteLine("census unemployment " + string.Join(" ", result.LabourForce.CensusUnemployment.Select(v => v.ToString("0.####", inv))));
        TestContext.Out.WriteLine(string.Create(inv, $"ratio {result.FullCaliberToNonPrivateRatio:0.####} over {result.RatioPairs.Count} pairs; long-run growth {result.LongRunWageGrowth:0.#####}"));
        var p = result.Assumptions.LabourForce;
        foreach (var s in Sexes.All)
            foreach (var e in EducationLevels.All)
                TestContext.Out.WriteLine($"{s.Label()} {e.Label()} " + string.Join(" ", new[] { 16, 20, 25, 30, 40, 50, 55, 60, 65, 70, 80 }.Select(a => p.ParticipationRate(s, e, a).ToString("0.##", inv))));
        for (int r = 0; r < 31; r++)
        {
            var c = result.Coverage[r];
            TestContext.Out.WriteLine(string.Create(inv, $"{c.RegionCode} {c.Region}: target {c.TargetWorkers:0} model {c.ModelWorkers:0.0} err {c.RelativeError:E2} coverage {c.Coverage:0.####} wage {result.Assumptions.AverageWage.ByIndex[r]:0} ({result.WageOrigins[r]})"));
        }
    }
}
