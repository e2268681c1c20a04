using Actuarial.China;
using Actuarial.Residents;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using FsProperty = FsCheck.NUnit.PropertyAttribute;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// Mortality by scheme status (<see cref="InsuredMortality"/>): members die at the ratio × the rest of their cell, the
/// cell dies as the national table says, and the rest takes the deaths the members do not.
/// </summary>
[TestFixture]
public sealed class InsuredMortalityTests
{
    [Test]
    public void Members_die_at_the_ratio_times_the_rest_and_the_cell_dies_as_the_table_says()
    {
        // A cell half members, 10% of it dying in the year, members dying at 0.8 × the rest:
        // 0.5 × 0.8 × q_rest + 0.5 × q_rest = 0.1, so q_rest = 0.1 / 0.9 and the members' q = 0.08 / 0.9.
        double members = InsuredMortality.MemberDeathShare(deathShare: 0.1, memberShare: 0.5, ratio: 0.8);
        double rest = 0.1 / 0.9;
        Assert.That(members, Is.EqualTo(0.8 * rest).Within(1e-15));
        Assert.That(0.5 * members + 0.5 * rest, Is.EqualTo(0.1).Within(1e-15), "the cell's deaths are the table's");
        // Members survive (1 − 0.08/0.9) / 0.9 times what the cell does.
        Assert.That(InsuredMortality.SurvivalFactor(0.1, 0.5, 0.8), Is.EqualTo((1 - 0.08 / 0.9) / 0.9).Within(1e-15));
    }

    [Test]
    public void A_cell_made_only_of_members_dies_as_the_table_says()
    {
        Assert.That(InsuredMortality.MemberDeathShare(0.3, 1, 0.5), Is.EqualTo(0.3).Within(1e-15));
        Assert.That(InsuredMortality.SurvivalFactor(0.3, 1, 0.5), Is.EqualTo(1).Within(1e-15));
    }

    [Test]
    public void A_ratio_of_one_is_the_national_table()
    {
        Assert.That(InsuredMortality.MemberDeathShare(0.2, 0.4, 1), Is.EqualTo(0.2));
        Assert.That(InsuredMortality.SurvivalFactor(0.2, 0.4, 1), Is.EqualTo(1));
    }

    [Test]
    public void Where_the_rest_would_all_die_the_members_take_the_remaining_deaths()
    {
        // q = 0.6, 90% members, ratio 0.5: q_rest = 0.6 / (1 − 0.9 × 0.5) = 1.09 > 1, so the rest (10%) all die and the
        // members take the other 0.5 of the cell's deaths: q_members = 0.5 / 0.9.
        Assert.That(InsuredMortality.MemberDeathShare(0.6, 0.9, 0.5), Is.EqualTo(0.5 / 0.9).Within(1e-15));
    }

    [FsProperty(MaxTest = 500)]
    public void The_deaths_of_members_and_of_the_rest_add_up_to_the_cells_and_none_is_out_of_range(NormalFloat q, NormalFloat pi, NormalFloat r)
    {
        double death = Math.Abs(q.Get) % 1, share = Math.Abs(pi.Get) % 1, ratio = InsuredMortality.MinimumRatio + Math.Abs(r.Get) % (1 - InsuredMortality.MinimumRatio);
        double members = InsuredMortality.MemberDeathShare(death, share, ratio);
        double rest = (death - share * members) / (1 - share);
        Assert.That(members, Is.InRange(0, death * (1 + 1e-12)), "members die no more than the cell");
        Assert.That(rest, Is.InRange(death * (1 - 1e-12) - 1e-15, 1 + 1e-12), "the rest die at least as the cell and at most all");
        Assert.That(share * members + (1 - share) * rest, Is.EqualTo(death).Within(1e-12));
    }

    [Test]
    public void On_the_China_defaults_the_whole_population_is_conserved_and_the_rest_dies_what_the_members_do_not()
    {
        // Every province's population aged 16+ is the same with the lever (the demography is not touched) and still adds
        // up over the coverage states; the employee scheme keeps more pensioners alive and the residents' scheme and the
        // uncovered have exactly as many fewer.
        var baseline = PensionProjector.Run(ChinaDefaults.PensionScenario());
        var lower = PensionProjector.Run(ChinaDefaults.PensionScenario().With(Levers.InsuredMortalityRatio, 0.6), baseline.Demography);
        var provinces = baseline.Demography.Shape.Regions;
        foreach (int year in new[] { 2030, 2050, 2080 })
        {
            for (int r = 0; r < provinces.Count; r++)
            {
                double before = 0, after = 0;
                foreach (var state in Enum.GetValues<CoverageState>())
                {
                    before += baseline.Residents.Persons(year, r, state);
                    after += lower.Residents.Persons(year, r, state);
                }
                Assert.That(after, Is.EqualTo(before).Within(1e-9 * before), $"{provinces[r].EnglishName} {year}");
            }
            var a = baseline.Residents.CoverageTable().Single(x => x.Year == year && x.RegionCode == 0);
            var b = lower.Residents.CoverageTable().Single(x => x.Year == year && x.RegionCode == 0);
            Assert.That(b.Population16Plus, Is.EqualTo(a.Population16Plus).Within(1e-12 * a.Population16Plus), $"{year}");
            double gained = b.EmployeeContributors + b.EmployeeBeneficiaries - a.EmployeeContributors - a.EmployeeBeneficiaries;
            double lost = a.ResidentsContributors + a.ResidentsBeneficiaries + a.Uncovered + a.InSchool
                - b.ResidentsContributors - b.ResidentsBeneficiaries - b.Uncovered - b.InSchool;
            Assert.That(b.EmployeeBeneficiaries, Is.GreaterThan(a.EmployeeBeneficiaries), $"{year}");
            Assert.That(gained, Is.EqualTo(lost).Within(1e-6 * Math.Abs(gained) + 1), $"{year}");
        }
    }

    [Test]
    public void The_yearly_step_with_an_insured_mortality_ratio_allocates_nothing()
    {
        var assumptions = SchemeTestData.Synthetic(seed: 11, regions: 2, horizon: 8) with { InsuredMortalityRatio = 0.7 };
        var (allocated, _) = SchemeTestData.AllocatedByYearlySteps(assumptions, lastYear: 2030);
        Assert.That(allocated, Is.Zero);
    }

    [FsProperty(MaxTest = 12)]
    public void People_are_conserved_and_a_lower_insured_mortality_never_lowers_pension_spending(PositiveInt seed, NormalFloat r)
    {
        // Lower member mortality keeps more members alive, but never more than the projected population of their cell
        // (which, with its deaths, is the same object in both runs), and never fewer pensioners or less spending.
        double ratio = InsuredMortality.MinimumRatio + Math.Abs(r.Get) % (1 - InsuredMortality.MinimumRatio);
        var baseline = SchemeTestData.Synthetic(seed.Get % 1000, regions: 2, horizon: 25);
        var lower = baseline with { InsuredMortalityRatio = ratio };
        var calibration = SchemeCalibration.Calibrate(baseline);
        var engine = new SchemeEngine(lower, calibration);
        engine.Initialize();
        for (int year = 2024; year <= lower.EndYear; year++)
        {
            var pop = lower.Demography.PersonsAt(year);
            for (int i = 0; i < pop.Length; i++)
            {
                Assert.That(engine.Records[i] + engine.Pensioners[i], Is.LessThanOrEqualTo(pop[i] * (1 + 1e-9) + 1e-9),
                    $"members of cell {i} in {year} (ratio {ratio})");
            }
            engine.Step(year);
        }
        var a = SchemeProjector.Run(baseline, calibration).Flows;
        var b = SchemeProjector.Run(lower, calibration).Flows;
        for (int year = a.FirstYear; year <= a.LastYear; year++)
        {
            for (int p = 0; p < a.ProvinceCount; p++)
            {
                Assert.That(b.Pensions(year)[p], Is.GreaterThanOrEqualTo(a.Pensions(year)[p] * (1 - 1e-9)), $"spending {year} region {p} (ratio {ratio})");
                Assert.That(b.Retirees(year)[p], Is.GreaterThanOrEqualTo(a.Retirees(year)[p] * (1 - 1e-9)), $"pensioners {year} region {p} (ratio {ratio})");
            }
        }
        Assert.That(b.Pensions(a.LastYear).ToArray().Sum(), Is.GreaterThan(a.Pensions(a.LastYear).ToArray().Sum()), "the lever moves spending");
    }
}
