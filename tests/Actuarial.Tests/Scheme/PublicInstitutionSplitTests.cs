using Actuarial.China;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using FsCheck;
using FsCheck.Fluent;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// The split of the employee scheme into its enterprise and public-institution (机关事业单位) parts
/// (<see cref="PublicInstitutionSplit"/>, data/README.md "Public-institution members inside the employee scheme"): the
/// rule by hand, its conservation properties, its benefit ratio against the national 2017 figure out of sample, and the
/// baseline's split table.
/// </summary>
[TestFixture]
public sealed class PublicInstitutionSplitTests
{
    private static readonly Lazy<PensionProjection> Baseline = ChinaBaseline.Projection;

    [Test]
    public void Public_institution_shares_by_hand()
    {
        // 2,113.1 / 13,644 = 0.154874; (6,077 − 0.154874 × 14,196) / 37,925 = (6,077 − 2,198.59) / 37,925 = 0.102265.
        Assert.That(PublicInstitutionSplit.RetireeShare, Is.EqualTo(0.154874).Within(1e-6));
        Assert.That(PublicInstitutionSplit.WorkerShare, Is.EqualTo(0.102265).Within(1e-6));
        var (workers, retirees) = PublicInstitutionSplit.Of(1000, 100);
        Assert.That(workers, Is.EqualTo(102.265).Within(1e-3));
        Assert.That(retirees, Is.EqualTo(15.4874).Within(1e-3));
        // Fujian 2021: 332.10 亿 / 50.49 万 = 65,775 yuan a public-institution retiree; 594.91 / 169.13 = 35,175 an enterprise retiree.
        Assert.That(PublicInstitutionSplit.BenefitRatio, Is.EqualTo(65_775.4 / 35_174.7).Within(1e-4));
        // The constants are the data file's figures.
        double Fujian(PensionScope scope, string item) => PensionData.PublicInstitutionPensionProvince().Single(r =>
            r.Year == PublicInstitutionSplit.BenefitRatioYear && r.RegionCode == PublicInstitutionSplit.BenefitRatioRegionCode && r.Scope == scope && r.Item == item).Value;
        Assert.That(Fujian(PensionScope.PublicInstitution, "expenditure"), Is.EqualTo(PublicInstitutionSplit.FujianPublicInstitutionExpenditure2021HundredMillionYuan));
        Assert.That(Fujian(PensionScope.PublicInstitution, "retirees"), Is.EqualTo(PublicInstitutionSplit.FujianPublicInstitutionRetirees2021TenThousands));
        Assert.That(Fujian(PensionScope.Enterprise, "expenditure"), Is.EqualTo(PublicInstitutionSplit.FujianEnterpriseExpenditure2021HundredMillionYuan));
        Assert.That(Fujian(PensionScope.Enterprise, "retirees"), Is.EqualTo(PublicInstitutionSplit.FujianEnterpriseRetirees2021TenThousands));
    }

    [Test]
    public void Public_institution_split_by_hand()
    {
        // A scheme of 10,000 workers paying 6,000 yuan each and 1,000 retirees paid 1,000 yuan a month (12 million a year).
        var (pi, enterprise) = PublicInstitutionSplit.Split(new SchemePart(10_000, 1_000, 60_000_000, 12_000_000));
        // Workers: 10.2265% of 10,000; each pays the enterprise 6,000 (ratio 1): 1,022.65 × 6,000 = 6,135,915.
        Assert.That(pi.Workers, Is.EqualTo(1_022.65).Within(0.01));
        Assert.That(pi.ContributionsYuan, Is.EqualTo(6_135_915).Within(1));
        Assert.That(pi.ContributionsYuan / pi.Workers / (enterprise.ContributionsYuan / enterprise.Workers), Is.EqualTo(PublicInstitutionSplit.ContributionRatio).Within(1e-12));
        // Retirees: 15.4874% of 1,000. With r = 0.154874 and k = 1.869962, r·k + 1 − r = 1.134739: a public-institution
        // retiree is paid 1,000 × k / 1.134739 = 1,647.93 yuan a month, an enterprise retiree 1,000 / 1.134739 = 881.26,
        // so the public institutions take r·k / 1.134739 = 25.5221% of the 12 million: 3,062,656.
        Assert.That(pi.Retirees, Is.EqualTo(154.874).Within(0.001));
        Assert.That(pi.AveragePensionYuanPerMonth, Is.EqualTo(1_647.93).Within(0.01));
        Assert.That(enterprise.AveragePensionYuanPerMonth, Is.EqualTo(881.26).Within(0.01));
        Assert.That(pi.SpendingYuan, Is.EqualTo(3_062_656).Within(1));
        Assert.That(pi.AveragePensionYuanPerMonth / enterprise.AveragePensionYuanPerMonth, Is.EqualTo(PublicInstitutionSplit.BenefitRatio).Within(1e-12));
        // The enterprise part is the rest: 60,000,000 − 6,135,915 = 53,864,085 and 12,000,000 − 3,062,656 = 8,937,344.
        Assert.That(enterprise.ContributionsYuan, Is.EqualTo(53_864_085).Within(1));
        Assert.That(enterprise.SpendingYuan, Is.EqualTo(8_937_344).Within(1));
        Assert.That(pi.ContributionsLessSpendingYuan, Is.EqualTo(6_135_915 - 3_062_656).Within(2));
    }

    private static readonly Gen<SchemePart> Parts =
        from workers in Gen.Choose(0, 500_000_000)
        from retirees in Gen.Choose(0, 200_000_000)
        from contributions in Gen.Choose(0, 2_000_000)
        from spending in Gen.Choose(0, 2_000_000)
        select new SchemePart(workers, retirees, contributions * 1e7, spending * 1e7);

    private static bool Close(double a, double b, double scale) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(scale));

    private static bool Sums(SchemePart a, SchemePart b, SchemePart total) =>
        Close(a.Workers + b.Workers, total.Workers, total.Workers) && Close(a.Retirees + b.Retirees, total.Retirees, total.Retirees)
        && Close(a.ContributionsYuan + b.ContributionsYuan, total.ContributionsYuan, total.ContributionsYuan)
        && Close(a.SpendingYuan + b.SpendingYuan, total.SpendingYuan, total.SpendingYuan);

    private static bool NonNegative(SchemePart p) => p.Workers >= 0 && p.Retirees >= 0 && p.ContributionsYuan >= 0 && p.SpendingYuan >= 0;

    /// <summary>People and money are conserved by the split: the two parts, neither negative, sum to the scheme's totals.</summary>
    [FsProperty]
    public Property The_split_conserves_people_and_money() => Prop.ForAll(Parts.ToArbitrary(), total =>
    {
        var (pi, enterprise) = PublicInstitutionSplit.Split(total);
        return Sums(pi, enterprise, total) && NonNegative(pi) && NonNegative(enterprise);
    });

    /// <summary>The split of the provinces sums, part by part, to the split of their sum (the nation).</summary>
    [FsProperty]
    public Property The_split_of_the_provinces_sums_to_the_split_of_the_nation() => Prop.ForAll(Parts.ArrayOf().ToArbitrary(), provinces =>
    {
        var nation = provinces.Aggregate(default(SchemePart), (sum, p) => new SchemePart(sum.Workers + p.Workers, sum.Retirees + p.Retirees,
            sum.ContributionsYuan + p.ContributionsYuan, sum.SpendingYuan + p.SpendingYuan));
        var split = provinces.Select(PublicInstitutionSplit.Split).ToArray();
        var (piNation, enterpriseNation) = PublicInstitutionSplit.Split(nation);
        var piSum = split.Aggregate(default(SchemePart), (sum, s) => new SchemePart(sum.Workers + s.PublicInstitution.Workers, sum.Retirees + s.PublicInstitution.Retirees,
            sum.ContributionsYuan + s.PublicInstitution.ContributionsYuan, sum.SpendingYuan + s.PublicInstitution.SpendingYuan));
        var enterpriseSum = nation - piSum;
        // Sums of many terms: compare at the nation's scale.
        bool Same(SchemePart a, SchemePart b) => Math.Abs(a.Workers - b.Workers) <= 1e-9 * Math.Max(1, nation.Workers)
            && Math.Abs(a.Retirees - b.Retirees) <= 1e-9 * Math.Max(1, nation.Retirees)
            && Math.Abs(a.ContributionsYuan - b.ContributionsYuan) <= 1e-9 * Math.Max(1, nation.ContributionsYuan)
            && Math.Abs(a.SpendingYuan - b.SpendingYuan) <= 1e-9 * Math.Max(1, nation.SpendingYuan);
        return Same(piSum, piNation) && Same(enterpriseSum, enterpriseNation);
    });

    /// <summary>
    /// Out of sample: the benefit ratio (Fujian 2021) against the national 2017 figure, the scheme's totals [U] less MOF's
    /// enterprise fund [S2] (<see cref="PublicInstitutionEvidenceTests"/>), 1.81. Tolerance 5%: the national figure needs the
    /// 2017 retiree share, which is not published, and is computed at 2022's; half a point on that share moves it by about
    /// 4% (asserted). MOF's 2018 enterprise spending, 3.2 trillion yuan rounded to 0.1 trillion, gives 2.04–2.28 and is
    /// not a test: its rounding alone spans about ±6%.
    /// </summary>
    [Test]
    [Category("Validation")]
    public void Benefit_ratio_from_Fujian_2021_matches_the_national_2017_figure_within_5_percent()
    {
        double National(int year, PensionScope scope, string item) =>
            PensionData.UrbanEmployeePensionNational().Single(r => r.Year == year && r.Scope == scope && r.Item == item).Value;
        double all = National(2017, PensionScope.All, "expenditure");
        double spendingShare2017 = (all - National(2017, PensionScope.Enterprise, "expenditure")) / all;
        double Relative(double retireeShare) => spendingShare2017 / (1 - spendingShare2017) / (retireeShare / (1 - retireeShare));
        double r = PublicInstitutionSplit.RetireeShare, national = Relative(r);
        double sensitivity = (Relative(r - 0.005) - Relative(r + 0.005)) / 2 / national;
        // 2018, not a test: MOF's enterprise spending rounded to 0.1 trillion yuan (3.2 ± 0.05).
        double all2018 = National(2018, PensionScope.All, "expenditure"), enterprise2018 = National(2018, PensionScope.Enterprise, "expenditure");
        double Relative2018(double enterprise) => (1 - enterprise / all2018) / (enterprise / all2018) / (r / (1 - r));
        TestContext.Out.WriteLine($"2018: {Relative2018(enterprise2018):F2} ({Relative2018(enterprise2018 + 500):F2}–{Relative2018(enterprise2018 - 500):F2} across the rounding); "
            + $"at that ratio the public institutions' share of the pensions would be {PublicInstitutionSplit.MoneyShare(r, Relative2018(enterprise2018)):P1}");
        TestContext.Out.WriteLine($"benefit ratio {PublicInstitutionSplit.BenefitRatio:F3} (Fujian 2021) against {national:F3} (national 2017, at the 2022 retiree share); "
            + $"{(PublicInstitutionSplit.BenefitRatio / national - 1):P1} apart; ±0.5 point of retiree share moves the national figure ±{sensitivity:P1}; "
            + $"spending share {PublicInstitutionSplit.SpendingShare:P1} against 2017's {spendingShare2017:P1}");
        Assert.Multiple(() =>
        {
            Assert.That(PublicInstitutionSplit.BenefitRatio / national - 1, Is.InRange(-0.05, 0.05));
            Assert.That(sensitivity, Is.InRange(0.035, 0.045), "the tolerance's reason");
        });
    }

    /// <summary>
    /// The 2014 reform's ten-year transition (新老办法对比, 保低限高) ended on 30 September 2024, before the baseline's
    /// ledgers start: the projection's new retirees have only the common formula.
    /// </summary>
    [Test]
    public void The_reforms_transition_ended_before_the_projection_starts()
    {
        Assert.That(PublicInstitutionSplit.TransitionLastDay, Is.EqualTo(new DateOnly(2024, 9, 30)));
        Assert.That(PublicInstitutionSplit.TransitionLastDay, Is.LessThan(new DateOnly(Baseline.Value.Funds.FirstYear, 1, 1)));
    }

    /// <summary>
    /// The baseline's split: every year and province the parts sum to the ledgers' totals, the provinces to the nation;
    /// the whole-system table and the occupational annuity count the same public-institution workers.
    /// </summary>
    [Test]
    public void The_baselines_split_sums_to_the_ledgers_and_is_the_one_reported_elsewhere()
    {
        var p = Baseline.Value;
        var table = p.PublicInstitutionTable();
        var ledgers = p.Funds.YearTable().ToDictionary(r => (r.Year, r.RegionCode));
        Assert.That(table, Has.Count.EqualTo(ledgers.Count));
        foreach (var row in table)
        {
            var l = ledgers[(row.Year, row.RegionCode)];
            Assert.That(row.EnterpriseWorkers + row.PublicInstitutionWorkers, Is.EqualTo(l.ContributingWorkers).Within(1e-9).Percent);
            Assert.That(row.EnterpriseRetirees + row.PublicInstitutionRetirees, Is.EqualTo(l.Retirees).Within(1e-9).Percent);
            Assert.That(row.EnterpriseContributionsYuan + row.PublicInstitutionContributionsYuan, Is.EqualTo(l.Contributions).Within(1e-9).Percent);
            Assert.That(row.EnterpriseSpendingYuan + row.PublicInstitutionSpendingYuan, Is.EqualTo(l.Spending).Within(1e-9).Percent);
            Assert.That(row.PublicInstitutionContributionsLessSpendingYuan + row.EnterpriseContributionsLessSpendingYuan,
                Is.EqualTo(l.Contributions - l.Spending).Within(1e-6).Percent.Or.EqualTo(l.Contributions - l.Spending).Within(1.0));
        }
        foreach (var year in table.GroupBy(r => r.Year))
        {
            var nation = year.Single(r => r.RegionCode == 0);
            var provinces = year.Where(r => r.RegionCode != 0).ToList();
            Assert.That(provinces, Has.Count.EqualTo(31));
            Assert.That(provinces.Sum(r => r.PublicInstitutionWorkers), Is.EqualTo(nation.PublicInstitutionWorkers).Within(1e-9).Percent);
            Assert.That(provinces.Sum(r => r.PublicInstitutionSpendingYuan), Is.EqualTo(nation.PublicInstitutionSpendingYuan).Within(1e-9).Percent);
            Assert.That(provinces.Sum(r => r.EnterpriseContributionsYuan), Is.EqualTo(nation.EnterpriseContributionsYuan).Within(1e-9).Percent);
        }
        var national = table.Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        foreach (var s in p.SystemTable())
        {
            Assert.That(s.PublicInstitutionWorkers, Is.EqualTo(national[s.Year].PublicInstitutionWorkers));
            Assert.That(s.PublicInstitutionRetirees, Is.EqualTo(national[s.Year].PublicInstitutionRetirees));
        }
        var occupational = p.Pillars.YearTable().Where(r => r.Pillar == Actuarial.Pillars.SupplementaryPillars.Label(Actuarial.Pillars.SupplementaryPillar.OccupationalAnnuity)).ToList();
        Assert.That(occupational.Where(r => national.ContainsKey(r.Year)).ToList(), Is.Not.Empty);
        foreach (var o in occupational.Where(r => national.ContainsKey(r.Year)))
        {
            Assert.That(o.Members, Is.EqualTo(national[o.Year].PublicInstitutionWorkers).Within(1e-9).Percent, $"{o.Year}");
        }
        var first = national[p.Funds.FirstYear];
        TestContext.Out.WriteLine($"{first.Year}: public institutions {first.PublicInstitutionWorkers / 1e6:F1} M workers, {first.PublicInstitutionRetirees / 1e6:F1} M retirees, "
            + $"contributions {first.PublicInstitutionContributionsYuan / 1e9:F0} bn, pensions {first.PublicInstitutionSpendingYuan / 1e9:F0} bn, "
            + $"average {first.PublicInstitutionAveragePensionYuanPerMonth:F0} yuan/month against {first.EnterpriseAveragePensionYuanPerMonth:F0}");
    }
}
