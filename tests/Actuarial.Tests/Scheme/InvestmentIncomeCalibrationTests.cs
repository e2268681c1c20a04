using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// The yearbook's 2024 revenue contains the fund's investment income, which the fund ledgers credit themselves; the
/// calibration takes it out of the contribution target so that it is counted once (<see cref="SchemeCalibration"/>).
/// </summary>
[TestFixture]
public sealed class InvestmentIncomeCalibrationTests
{
    private static readonly IReadOnlyDictionary<int, UrbanEmployeePensionProvinceRow> Yearbook =
        PensionData.UrbanEmployeePensionProvince2024().Where(r => r.RegionCode != 0).ToDictionary(r => r.RegionCode);

    [Test]
    public void The_opening_balance_of_2024_is_the_yearbook_roll_back()
    {
        var targets = ChinaSchemeTargets.Yearbook2024Targets();
        foreach (var (code, row) in Yearbook)
        {
            double expected = (row.AccumulatedBalanceHundredMillionYuan - row.RevenueHundredMillionYuan + row.ExpenditureHundredMillionYuan) * 1e8;
            Assert.That(targets[code].OpeningBalanceYuan, Is.EqualTo(expected).Within(1e-6 * Math.Abs(expected) + 1), $"{code}");
        }
        // The national row rolled back (63,650.9 亿) against the end-2023 balance of the reference table (63,639 亿, tagged U).
        var national = PensionData.UrbanEmployeePensionProvince2024().Single(r => r.RegionCode == 0);
        double nationalOpening = national.AccumulatedBalanceHundredMillionYuan - national.RevenueHundredMillionYuan + national.ExpenditureHundredMillionYuan;
        double end2023 = PensionData.UrbanEmployeePensionNational().Single(r => r.Year == 2023 && r.Scope == PensionScope.All && r.Item == "balance").Value;
        Assert.That(nationalOpening / end2023 - 1, Is.EqualTo(0).Within(0.001));
    }

    [Test]
    public void The_2024_calibration_reproduces_revenue_net_of_subsidies_minus_the_investment_income()
    {
        const double fundReturn = 0.0305;
        var assumptions = SchemeTestData.China() with { BaseYearFundReturn = fundReturn };
        var calibration = SchemeCalibration.Calibrate(assumptions);
        var without = SchemeCalibration.Calibrate(assumptions with { BaseYearFundReturn = 0 });
        double s = assumptions.EffectiveSubsidyShare;
        var targets = assumptions.EffectiveTargets;
        Assert.That(calibration.BaseYearFundReturn, Is.EqualTo(fundReturn));
        Assert.That(without.BaseYearFundReturn, Is.EqualTo(0));
        for (int r = 0; r < calibration.Provinces.Count; r++)
        {
            var row = calibration.Rows[r];
            var t = targets[row.RegionCode];
            double revenueNet = t.RevenueYuan * (1 - s);
            double income = fundReturn * t.OpeningBalanceYuan;
            Assert.Multiple(() =>
            {
                Assert.That(row.TargetRevenueNetOfSubsidies, Is.EqualTo(revenueNet).Within(1e-9 * revenueNet), row.Region);
                Assert.That(row.OpeningBalance, Is.EqualTo(t.OpeningBalanceYuan), row.Region);
                Assert.That(row.InvestmentIncome, Is.EqualTo(income).Within(1e-9 * revenueNet), row.Region);
                Assert.That(row.TargetContributions, Is.EqualTo(revenueNet - income).Within(1e-9 * revenueNet), row.Region);
                Assert.That(row.Contributions, Is.EqualTo(revenueNet - income).Within(1e-9 * revenueNet), $"{row.Region}: contributions = revenue × (1 − s) − interest");
                Assert.That(row.RevenueError, Is.EqualTo(0).Within(1e-9), row.Region);
                // Without the return nothing is taken out: the difference in contributions is the interest, and κ falls with it.
                Assert.That(without.Rows[r].Contributions - row.Contributions, Is.EqualTo(income).Within(1e-9 * revenueNet), row.Region);
                Assert.That(row.Compliance, Is.LessThan(without.Rows[r].Compliance), row.Region);
            });
        }
        var china = calibration.Rows[^1];
        Assert.That(china.RegionCode, Is.EqualTo(0));
        Assert.That(china.InvestmentIncome, Is.EqualTo(calibration.Rows.SkipLast(1).Sum(x => x.InvestmentIncome)).Within(1));
        TestContext.Out.WriteLine($"investment income taken out, 2024: {china.InvestmentIncome / 1e8:F1} 亿 on {china.OpeningBalance / 1e8:F1} 亿 " +
            $"({china.InvestmentIncome / china.TargetRevenueNetOfSubsidies:P2} of revenue net of subsidies)");
        foreach (var row in calibration.Rows.SkipLast(1).OrderBy(x => x.InvestmentIncome / x.TargetRevenueNetOfSubsidies))
        {
            TestContext.Out.WriteLine($"{row.Region,-16} opening {row.OpeningBalance / 1e8,9:F1} 亿 interest {row.InvestmentIncome / 1e8,7:F1} 亿 " +
                $"= {row.InvestmentIncome / row.TargetRevenueNetOfSubsidies,6:P2} of revenue net of subsidies; κ {without.Rows[calibration.Rows.ToList().IndexOf(row)].Compliance:F3} → {row.Compliance:F3}");
        }
    }

    /// <summary>
    /// The whole chain: a ledger run over 2024 at the scenario's own return, opening with the 1 January 2024 balances, on
    /// the calibrated scheme's 2024 flows, gives ledger return + contributions = the yearbook's revenue net of subsidies in
    /// every province (no double count), and with the subsidies added back the yearbook's end-2024 balance.
    /// </summary>
    [TestCase(null)]
    [TestCase(0.04)]
    public void In_the_base_year_ledger_return_plus_contributions_is_the_yearbook_revenue_net_of_subsidies(double? otherReturn)
    {
        var scenario = PensionMonteCarlo.WithEndYear(ChinaDefaults.PensionScenario(), 2025);
        if (otherReturn is { } other)
        {
            scenario = scenario with { Funds = scenario.Funds with { OtherReturn = AnnualPath.Constant("other return", 2025, 2025, other) } };
        }
        var projection = PensionProjector.Run(scenario);
        double fundReturn = scenario.Funds.BlendedReturn(2025);
        var calibration = projection.Scheme.Calibration;
        Assert.That(calibration.BaseYearFundReturn, Is.EqualTo(fundReturn), "the calibration takes the scenario's ledger return");

        var scheme = projection.Scheme.Flows;
        var flows = new FundFlows(scheme.Provinces, 2024, 1);
        scheme.Contributions(2024).CopyTo(flows.Contributions(2024));
        scheme.Pensions(2024).CopyTo(flows.Pensions(2024));
        scheme.ContributingWorkers(2024).CopyTo(flows.ContributingWorkers(2024));
        scheme.Retirees(2024).CopyTo(flows.Retirees(2024));
        var targets = ChinaSchemeTargets.Yearbook2024Targets();
        var ledger = FundProjector.Run(flows, scenario.Funds with
        {
            OpeningBalances = scheme.Provinces.ToDictionary(p => p.Code, p => targets[p.Code].OpeningBalanceYuan),
            EntrustedReturn = AnnualPath.Constant("entrusted", 2024, 2024, scenario.Funds.EntrustedReturn[2025]),
            OtherReturn = AnnualPath.Constant("other", 2024, 2024, scenario.Funds.OtherReturn[2025]),
            Subsidies = new NoSubsidy(),
            Pooling = PoolingSchedule.Always(new NoTransfers()),
            Reserve = null,
        });
        double s = calibration.SubsidyShare;
        foreach (var row in ledger.YearTable().Where(r => r.RegionCode != 0))
        {
            var y = Yearbook[row.RegionCode];
            double revenueNet = y.RevenueHundredMillionYuan * 1e8 * (1 - s);
            double end2024 = y.AccumulatedBalanceHundredMillionYuan * 1e8;
            Assert.Multiple(() =>
            {
                Assert.That(row.InvestmentReturn, Is.EqualTo(fundReturn * targets[row.RegionCode].OpeningBalanceYuan).Within(1e-9 * revenueNet), row.Region);
                Assert.That(row.InvestmentReturn + row.Contributions, Is.EqualTo(revenueNet).Within(1e-9 * revenueNet), $"{row.Region}: return + contributions");
                Assert.That(row.ClosingBalance + s * y.RevenueHundredMillionYuan * 1e8, Is.EqualTo(end2024).Within(1e-9 * revenueNet + 1), $"{row.Region}: end-2024 balance");
            });
        }
        var national = ledger.YearTable().Single(r => r.RegionCode == 0);
        TestContext.Out.WriteLine($"blended return {fundReturn:P3}: 2024 ledger return {national.InvestmentReturn / 1e8:F1} 亿 + contributions {national.Contributions / 1e8:F1} 亿 " +
            $"= {(national.InvestmentReturn + national.Contributions) / 1e8:F1} 亿 (revenue net of subsidies, Σ provinces)");
    }
}
