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

    private static readonly Lazy<PensionProjection> Baseline = new(() => PensionProjector.Run(ChinaDefaults.PensionScenario()));

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
    /// non-private average wage (+4.3%, a figure of low trust, <see cref="Actuarial.Labour.LabourCalibration.DefaultWageGrowth"/>);
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

    [Test]
    public void Transfers_between_provinces_sum_to_zero_every_year()
    {
        foreach (var year in Baseline.Value.Funds.YearTable().Where(r => r.RegionCode == 0))
        {
            Assert.That(year.TransfersIn, Is.EqualTo(year.TransfersOut).Within(1e-9 * Math.Max(1, year.TransfersOut)), $"{year.Year}");
        }
    }
}
