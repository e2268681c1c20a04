using Actuarial.China;
using Actuarial.Pillars;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using FsCheck;
using FsCheck.Fluent;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Pillars;

/// <summary>
/// The funded pillars on the baseline projection: money identities, monotone responses, the basic funds untouched, and
/// the 2024 figures they start from.
/// </summary>
[TestFixture]
public sealed class PillarProjectionTests
{
    private static readonly Lazy<PensionProjection> Baseline = ChinaBaseline.Projection;

    private static PillarProjection Run(PillarAssumptions assumptions)
    {
        var p = Baseline.Value;
        return PillarProjector.Run(assumptions, p.Scheme, p.Residents, p.PillarReturn, p.NationalAverageWage());
    }

    /// <summary>Every year of every pillar: closing = opening + contributions + returns − payouts − inherited payouts, and the next year opens at it.</summary>
    [FsProperty(MaxTest = 20)]
    public Property Assets_roll_forward() => Prop.ForAll(
        Gen.Choose(0, 100).ToArbitrary(),
        Gen.Choose(0, 100).ToArbitrary(),
        Gen.Choose(-200, 300).ToArbitrary(),
        (takeUp2026, takeUp2027, premiumBasisPoints) =>
        {
            var path = new AnnualPath("take-up", 2026, [takeUp2026 / 100.0, takeUp2027 / 100.0]);
            var pillars = Run(Actuarial.China.ChinaDefaults.Pillars() with { PersonalPensionTakeUp = path, ReturnPremium = premiumBasisPoints / 10_000.0 });
            foreach (var pillar in SupplementaryPillars.All)
            {
                double previous = double.NaN;
                for (int year = pillars.BaseYear + 1; year <= pillars.LastYear; year++)
                {
                    var r = pillars.Row(pillar, year);
                    if (r.Pillar != pillar.Label() || r.Year != year) return false;
                    double expected = PillarRules.ClosingAssets(r.OpeningAssetsYuan, r.ContributionsYuan, r.ReturnsYuan, r.PayoutsYuan, r.InheritedPayoutsYuan);
                    if (Math.Abs(r.ClosingAssetsYuan - expected) > 1e-9 * Math.Max(1, r.ClosingAssetsYuan)) return false;
                    if (!double.IsNaN(previous) && Math.Abs(r.OpeningAssetsYuan - previous) > 1e-9 * previous) return false;
                    if (r.ClosingAssetsYuan < 0 || r.PayoutsYuan < 0 || r.InheritedPayoutsYuan < 0 || r.Members < 0) return false;
                    previous = r.ClosingAssetsYuan;
                }
            }
            return true;
        });

    /// <summary>A higher personal-pension take-up never lowers the personal pension's assets or payouts, and leaves the annuities as they are.</summary>
    [FsProperty(MaxTest = 20)]
    public Property Higher_take_up_never_lowers_assets() => Prop.ForAll(
        Gen.Choose(0, 100).ToArbitrary(),
        Gen.Choose(0, 100).ToArbitrary(),
        (x, y) =>
        {
            double low = Math.Min(x, y) / 100.0, high = Math.Max(x, y) / 100.0;
            var a = Run(Actuarial.China.ChinaDefaults.Pillars() with { PersonalPensionTakeUp = new AnnualPath("take-up", 2025, [low]) });
            var b = Run(Actuarial.China.ChinaDefaults.Pillars() with { PersonalPensionTakeUp = new AnnualPath("take-up", 2025, [high]) });
            for (int year = a.BaseYear + 1; year <= a.LastYear; year++)
            {
                var pa = a.Row(SupplementaryPillar.PersonalPension, year);
                var pb = b.Row(SupplementaryPillar.PersonalPension, year);
                if (pb.ClosingAssetsYuan < pa.ClosingAssetsYuan * (1 - 1e-12) || pb.PayoutsYuan < pa.PayoutsYuan * (1 - 1e-12)) return false;
                if (a.Row(SupplementaryPillar.EnterpriseAnnuity, year) != b.Row(SupplementaryPillar.EnterpriseAnnuity, year)) return false;
                if (a.Row(SupplementaryPillar.OccupationalAnnuity, year) != b.Row(SupplementaryPillar.OccupationalAnnuity, year)) return false;
            }
            return true;
        });

    [Test]
    public void The_pillars_start_from_the_published_end_2024_assets_and_members()
    {
        var pillars = Baseline.Value.Pillars;
        int first = pillars.BaseYear + 1;
        Assert.That(first, Is.EqualTo(2025));
        Assert.That(pillars.Row(SupplementaryPillar.EnterpriseAnnuity, first).OpeningAssetsYuan, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityAssets2024Yuan).Within(1));
        Assert.That(pillars.Row(SupplementaryPillar.OccupationalAnnuity, first).OpeningAssetsYuan, Is.EqualTo(PillarFigures2024.OccupationalAnnuityAssets2024Yuan).Within(1));
        // The enterprise annuities in payment at end-2024 pay the 2024 payouts in 2025 (4 × the second quarter's 267 亿) to
        // the 2024 recipients who survive 2025; those who die leave their balance to their heirs.
        var enterprise = pillars.Row(SupplementaryPillar.EnterpriseAnnuity, first);
        Assert.That(enterprise.Annuitants + enterprise.AnnuitantDeaths, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityRecipients2024).Within(1e-6));
        Assert.That(enterprise.PayoutsYuan, Is.EqualTo(PillarFigures2024.EnterpriseAnnuityPayouts2024Yuan * enterprise.Annuitants / PillarFigures2024.EnterpriseAnnuityRecipients2024).Within(1));
        // A year's deaths among them: the table's death shares at their ages (women about 57, men about 66), 0.5–3%.
        Assert.That(enterprise.AnnuitantDeaths / PillarFigures2024.EnterpriseAnnuityRecipients2024, Is.InRange(0.005, 0.03));
        // The calibration reproduces the 2024 members on the model's 2024 scheme.
        var scheme2024 = Baseline.Value.Scheme.Summary().Single(r => r.RegionCode == 0 && r.Year == 2024);
        var c = pillars.Calibration;
        Assert.That(c.EnterpriseAnnuityCoverage * (1 - PublicInstitutionSplit.WorkerShare) * scheme2024.Contributors,
            Is.EqualTo(PillarFigures2024.EnterpriseAnnuityParticipants2024).Within(1));
        Assert.That(c.EnterpriseAnnuityCoverage, Is.InRange(0.0, 1.0));
        Assert.That(c.PersonalPensionTakeUp2024, Is.InRange(0.0, 1.0));
        Assert.That(c.DivisorMonths, Is.EqualTo(139));
    }

    [Test]
    public void The_personal_pension_take_up_lever_moves_the_pillar_and_not_the_basic_funds()
    {
        var scenario = ChinaDefaults.PensionScenario().With(Levers.PersonalPensionTakeUp, new LeverPath(2026, [0.2]));
        var moved = PensionProjector.Run(scenario, Baseline.Value.Demography);
        Assert.That(moved.Funds.Summary(), Is.EqualTo(Baseline.Value.Funds.Summary()));
        Assert.That(moved.Residents.YearTable(), Is.EqualTo(Baseline.Value.Residents.YearTable()));
        var before = Baseline.Value.Pillars.Row(SupplementaryPillar.PersonalPension, 2030);
        var after = moved.Pillars.Row(SupplementaryPillar.PersonalPension, 2030);
        Assert.That(after.Members, Is.GreaterThan(5 * before.Members));
        Assert.That(after.ClosingAssetsYuan, Is.GreaterThan(before.ClosingAssetsYuan));
        // The deduction's cost is the deduction rate × the contributions; the withdrawal tax 3% of the payouts, the heirs' included.
        Assert.That(after.TaxDeductionCostYuan, Is.EqualTo(0.10 * after.ContributionsYuan).Within(1e-6 * after.ContributionsYuan));
        Assert.That(after.InheritedPayoutsYuan, Is.GreaterThan(0));
        double withdrawn = after.PayoutsYuan + after.InheritedPayoutsYuan;
        Assert.That(after.WithdrawalTaxYuan, Is.EqualTo(0.03 * withdrawn).Within(1e-6 * Math.Max(1, withdrawn)));
    }

    [Test]
    public void Base_year_figures_of_another_year_or_none_are_refused()
    {
        var china = ChinaDefaults.Pillars();
        var e = Assert.Throws<InputDataException>(() => Run(china with { BaseYearFigures = china.BaseYearFigures! with { Year = 2023 } }));
        Assert.That(e!.Message, Does.Contain("Year").And.Contain("2023"));
        Assert.Throws<InputDataException>(() => Run(new PillarAssumptions()));
    }

    [Test]
    public void A_lever_value_out_of_range_is_refused()
    {
        var s = ChinaDefaults.PensionScenario();
        Assert.Throws<ArgumentOutOfRangeException>(() => s.With(Levers.PersonalPensionTakeUp, new LeverPath(2026, [1.5])));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.With(Levers.PersonalPensionWithdrawalTaxRate, new LeverPath(2026, [0.5])));
        Assert.That(s.With(Levers.PersonalPensionDeductionTaxRate, new LeverPath(2026, [0])).Pillars.DeductionTaxRate, Is.EqualTo(0));
    }

    [Test]
    public void Replacement_rates_by_pillar_cover_every_cohort_and_add_up()
    {
        var rows = Baseline.Value.ReplacementRatesByPillar();
        Assert.That(rows, Has.Count.EqualTo(Baseline.Value.NewRetireeReplacementRates().Count));
        foreach (var r in rows)
        {
            double[] parts = [r.BasicPartReplacementOfOwnWage, r.AccountPartReplacementOfOwnWage, r.EnterpriseAnnuityReplacementOfOwnWage,
                r.OccupationalAnnuityReplacementOfOwnWage, r.PersonalPensionReplacementOfOwnWage];
            Assert.That(parts, Has.All.GreaterThanOrEqualTo(0));
            Assert.That(r.EnterpriseMemberTotalReplacementOfOwnWage, Is.EqualTo(parts[0] + parts[1] + parts[2] + parts[4]).Within(1e-12));
        }
        // An occupational annuity begun in October 2014 pays more to later cohorts (more years in it) up to a full career.
        var man = rows.Where(r => r.Profile == TypicalWorker.Defaults[0].Name).OrderBy(r => r.BirthYear).ToArray();
        Assert.That(man[^1].OccupationalAnnuityReplacementOfOwnWage, Is.GreaterThan(man[0].OccupationalAnnuityReplacementOfOwnWage));
    }
}
