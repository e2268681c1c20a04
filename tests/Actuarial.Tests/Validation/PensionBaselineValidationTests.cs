using Actuarial.China;
using Actuarial.Funds;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Validation;

/// <summary>
/// The pension baseline's first projected year against the published national figures for 2025 (MOHRSS
/// 2025年度人力资源和社会保障事业发展统计公报, quoted in shared data-sources/SOURCES.md: retirees 15,215 万, fund
/// expenditure 71,203 亿, accumulated balance 78,685 亿). The 2024 base is calibrated to the 2024 yearbook, so this
/// checks one year of projection by the whole chain (population, labour, scheme, ledgers, pooling).
/// </summary>
[TestFixture]
[Category("Validation")]
public sealed class PensionBaselineValidationTests
{
    private const double PublishedRetirees2025 = 15_215e4;
    private const double PublishedSpending2025 = 71_203e8;
    private const double PublishedBalance2025 = 78_685e8;

    private static readonly Lazy<PensionProjection> Baseline = ChinaBaseline.Projection;

    private static FundYearRow National2025 => Baseline.Value.Funds.YearTable().Single(r => r.Year == 2025 && r.RegionCode == 0);

    [Test]
    public void Retirees_in_2025_within_one_percent_of_the_published_figure()
    {
        double error = National2025.Retirees / PublishedRetirees2025 - 1;
        TestContext.Out.WriteLine($"retirees 2025: {National2025.Retirees / 1e4:F0} 万 vs {PublishedRetirees2025 / 1e4:F0} 万 ({error:P2})");
        Assert.That(Math.Abs(error), Is.LessThan(0.01));
    }

    [Test]
    public void Spending_in_2025_within_three_percent_of_the_published_figure()
    {
        double error = National2025.Spending / PublishedSpending2025 - 1;
        TestContext.Out.WriteLine($"spending 2025: {National2025.Spending / 1e8:F0} 亿 vs {PublishedSpending2025 / 1e8:F0} 亿 ({error:P2})");
        Assert.That(Math.Abs(error), Is.LessThan(0.03));
    }

    /// <summary>
    /// Issue #4 asks for 3%, held here. The 2025 balance is the end-2024 balance plus one year's surplus and return, so
    /// it moves mostly with the 2025 contribution base: the default wage path takes 2025's growth from the published 2025
    /// non-private average wage (+4.3%, a figure of low trust, <see cref="LabourCalibration.DefaultWageGrowth"/>);
    /// with the 2019–2024 average (+6.5%) in its place the balance would be 0.45% high. Measured −1.17% (−1.00% before the
    /// demography met NBS's 2021–2024 births and deaths, which leaves more people alive and contributing in 2025 but more
    /// pensioners too; +1.57% before the 2024 calibration took the fund's investment income out of contributions, which
    /// the ledger's 2025 return then counted a second time: <see cref="Actuarial.Scheme.SchemeCalibration"/>).
    /// </summary>
    [Test]
    public void Accumulated_balance_at_end_2025_within_three_percent_of_the_published_figure()
    {
        double error = National2025.ClosingBalance / PublishedBalance2025 - 1;
        TestContext.Out.WriteLine($"balance end-2025: {National2025.ClosingBalance / 1e8:F0} 亿 vs {PublishedBalance2025 / 1e8:F0} 亿 ({error:P2})");
        Assert.That(Math.Abs(error), Is.LessThan(0.03));
    }

    /// <summary>
    /// The average pension in payment: 2025 spending ÷ retirees of the MOHRSS 2025 figures (71,203 亿 ÷ 15,215 万 = 46,798
    /// yuan a year) against the model's national average pension. 3%: the tolerance of the spending it is built from.
    /// </summary>
    [Test]
    public void Average_pension_in_2025_within_three_percent_of_the_published_figures()
    {
        double published = PublishedSpending2025 / PublishedRetirees2025;
        double model = Baseline.Value.EconomicTable().Single(r => r.Year == 2025).AveragePensionYuanPerYear;
        double error = model / published - 1;
        TestContext.Out.WriteLine($"average pension 2025: {model:F0} yuan a year vs {published:F0} ({error:P2})");
        Assert.That(Math.Abs(error), Is.LessThan(0.03));
    }

    /// <summary>
    /// The benefit ratio on the national non-private average wage (average_wage_national.csv): the published history
    /// 2016–2023, spending ÷ retirees of the reference's §5 aggregates ([U] flows, consistent with the balances to 0.1%
    /// in most years), fell from 0.467 to 0.372 as pensions rose slower than wages; 2025 (MOHRSS figures above) is 0.362.
    /// The model's 2025 ratio must lie within 0.015 of the published 2025 ratio (the 3% of the average pension above at a
    /// ratio of 0.36 is 0.011, plus the wage of low trust) and below the 2023 one; by 2030 it must keep falling, as the
    /// historical indexation share (0.48 of real wage growth) passes on less than wage growth.
    /// </summary>
    [Test]
    public void Benefit_ratio_continues_the_published_history()
    {
        var wage = PensionData.AverageWageNational().ToDictionary(r => r.Year, r => r.NonPrivateYuanPerYear);
        // (expenditure 亿, retirees 万) from the reference §5.
        var published = new Dictionary<int, (double Spending, double Retirees)>
        {
            [2016] = (31_854, 10_103), [2017] = (38_052, 11_026), [2018] = (44_645, 11_798), [2019] = (49_228, 12_310),
            [2020] = (51_301, 12_762), [2021] = (56_481, 13_157), [2022] = (59_035, 13_644), [2023] = (63_757, 14_196),
        };
        var ratios = published.ToDictionary(p => p.Key, p => p.Value.Spending * 1e8 / (p.Value.Retirees * 1e4) / wage[p.Key]);
        foreach (var (year, ratio) in ratios.OrderBy(p => p.Key)) TestContext.Out.WriteLine($"published benefit ratio {year}: {ratio:F3}");
        double published2025 = PublishedSpending2025 / PublishedRetirees2025 / wage[2025];
        var table = Baseline.Value.EconomicTable().ToDictionary(r => r.Year);
        double model2025 = table[2025].AveragePensionYuanPerYear / wage[2025];
        double model2030 = table[2030].AveragePensionYuanPerYear / (wage[2025] * table[2030].AverageWageYuanPerYear / table[2025].AverageWageYuanPerYear);
        TestContext.Out.WriteLine($"benefit ratio on the non-private wage: published 2025 {published2025:F3}, model 2025 {model2025:F3}, model 2030 {model2030:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(ratios[2023], Is.LessThan(ratios[2016]));
            Assert.That(model2025, Is.EqualTo(published2025).Within(0.015));
            Assert.That(model2025, Is.LessThan(ratios[2023]));
            Assert.That(model2030, Is.LessThan(model2025));
        });
    }

    /// <summary>
    /// Item 6 of issue #14, measured. Under the library's default 2022– rule (every gap covered) the 2024 yearbook can only be
    /// pre-transfer (<see cref="ChinaFunds.PreTransfer2024"/> has no fixed point), so the default calibration
    /// counts nothing twice. The post-transfer reading needs a rule with partial coverage; with the rule implied by the 2022
    /// actual pool (gaps 52%, levy ≤ 21%: <see cref="Actuarial.Funds.NationalPooling"/>'s note, [D]) in both the calibration
    /// (pre-transfer targets) and the projection, the national 2025 figures stay within the published tolerances (the
    /// transfers sum to zero, so the national balance hardly moves; the published expenditure then holds the payments to the
    /// pool, so pensions + payments compare with it) and Liaoning's 2025 result after transfers stays
    /// a deficit, as in the yearbook, instead of being paid to about zero.
    /// </summary>
    [Test]
    public void Post_transfer_reading_with_partial_pooling_keeps_the_2025_national_check()
    {
        var rule = new Actuarial.Funds.NationalPooling(0.52, 0.21);
        var baseline = ChinaDefaults.PensionScenario();
        var scenario = baseline with
        {
            Scheme = baseline.Scheme with { Targets = ChinaSchemeTargets.PreTransfer2024Targets(rule) },
            Funds = baseline.Funds with { Pooling = ChinaPooling.Schedule(nationalPooling: rule) },
        };
        var projection = PensionProjector.Run(scenario);
        var table = projection.Funds.YearTable();
        var national = table.Single(r => r.Year == 2025 && r.RegionCode == 0);
        var liaoning = table.Single(r => r.Year == 2025 && r.RegionCode == 21);
        var liaoningBaseline = Baseline.Value.Funds.YearTable().Single(r => r.Year == 2025 && r.RegionCode == 21);
        double Result(FundYearRow r) => (r.Revenue + r.TransfersIn - r.TransfersOut - r.Spending) / 1e8;
        var summary = projection.Summary();
        var headline = Baseline.Value.Summary();
        TestContext.Out.WriteLine($"post-transfer reading, gaps 52%, levy ≤ 21%: balance end-2025 {national.ClosingBalance / 1e8:F0} 亿 ({national.ClosingBalance / PublishedBalance2025 - 1:P2}), " +
            $"spending {national.Spending / 1e8:F0} 亿 + payments to the pool {national.TransfersOut / 1e8:F0} 亿 ({(national.Spending + national.TransfersOut) / PublishedSpending2025 - 1:P2}); Liaoning 2025 result after transfers {Result(liaoning):F0} 亿 " +
            $"(default {Result(liaoningBaseline):F0} 亿); first deficit {summary.FirstCurrentDeficitYear}, depletion {summary.DepletionYear}, peak {summary.PeakBalanceYuan / 1e12:F2} 万亿 ({summary.PeakBalanceYear}) " +
            $"against the default {headline.FirstCurrentDeficitYear} / {headline.DepletionYear} / {headline.PeakBalanceYuan / 1e12:F2} 万亿 ({headline.PeakBalanceYear})");
        Assert.Multiple(() =>
        {
            Assert.That(Math.Abs(national.ClosingBalance / PublishedBalance2025 - 1), Is.LessThan(0.03));
            // Read as post-transfer, the published national expenditure (the sum of the provinces') holds the year's payments to
            // the pool as well as the pensions, so the model's pensions plus its payments are what compare with it.
            Assert.That(Math.Abs((national.Spending + national.TransfersOut) / PublishedSpending2025 - 1), Is.LessThan(0.03));
            Assert.That(Result(liaoning), Is.LessThan(Result(liaoningBaseline)));
            Assert.That(Result(liaoning), Is.LessThan(-200));
        });
    }

    [Test]
    public void Transfers_between_provinces_sum_to_zero_every_year()
    {
        foreach (var year in Baseline.Value.Funds.YearTable().Where(r => r.RegionCode == 0))
        {
            Assert.That(year.TransfersIn, Is.EqualTo(year.TransfersOut).Within(1e-9 * Math.Max(1, year.TransfersOut)), $"{year.Year}");
        }
    }
}
