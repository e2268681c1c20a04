using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Funds;

/// <summary>The ledger's bad-input checks, subsidies, the reserve and the per-run measures, by hand.</summary>
[TestFixture]
public sealed class LedgerTests
{
    private static FundAssumptions Simple(FundFlows flows, double rate = 0, ISubsidyRule? subsidies = null, params double[] opening) => new()
    {
        OpeningBalances = flows.Provinces.Select((p, i) => (p.Code, opening.Length > i ? opening[i] : 0.0)).ToDictionary(x => x.Code, x => x.Item2),
        EntrustedReturn = AnnualPath.Constant("e", flows.FirstYear, flows.LastYear, rate),
        OtherReturn = AnnualPath.Constant("o", flows.FirstYear, flows.LastYear, rate),
        Subsidies = subsidies ?? new NoSubsidy(),
        Pooling = PoolingSchedule.Always(new NoTransfers()),
    };

    /// <summary>One province, five years: contributions 100, 100, 100, 100, 100; pensions 50, 90, 130, 170, 210.</summary>
    private static FundFlows OneProvince()
    {
        var flows = new FundFlows([Regions.Provinces[0]], 2030, 5);
        for (int t = 0; t < 5; t++)
        {
            flows.Contributions(2030 + t)[0] = 100;
            flows.Pensions(2030 + t)[0] = 50 + 40 * t;
            flows.ContributingWorkers(2030 + t)[0] = 10;
            flows.Retirees(2030 + t)[0] = 2 + t;
            flows.CoveredWageBill(2030 + t)[0] = 500;
            flows.AverageWage(2030 + t)[0] = 50;
        }
        return flows;
    }

    [Test]
    public void A_province_missing_from_the_opening_balances_is_an_error()
    {
        var flows = SyntheticFunds.Flows(1, provinces: 4);
        var balances = SyntheticFunds.OpeningBalances(1, flows);
        balances.Remove(flows.Provinces[2].Code);
        var assumptions = SyntheticFunds.Assumptions(1, flows, ChinaPooling.Schedule()) with { OpeningBalances = balances };
        var ex = Assert.Throws<InputDataException>(() => FundProjector.Run(flows, assumptions));
        Assert.That(ex!.Field, Does.Contain(flows.Provinces[2].EnglishName));

        balances = SyntheticFunds.OpeningBalances(1, flows);
        balances[44] = 1e12; // Guangdong is not among the first four provinces of the flows
        Assert.Throws<InputDataException>(() => FundProjector.Run(flows, assumptions with { OpeningBalances = balances }));
    }

    [Test]
    public void Bad_flows_and_parameters_are_errors_never_clamped()
    {
        var flows = SyntheticFunds.Flows(2, provinces: 3);
        flows.Pensions(2020)[1] = -1;
        var ex = Assert.Throws<InputDataException>(() => FundProjector.Run(flows, SyntheticFunds.Assumptions(2, flows, ChinaPooling.Schedule())));
        Assert.That(ex!.Field, Does.Contain("pensions[2020"));

        flows = SyntheticFunds.Flows(2, provinces: 3);
        flows.AverageWage(2018)[0] = double.NaN;
        Assert.Throws<InputDataException>(() => FundProjector.Run(flows, SyntheticFunds.Assumptions(2, flows, ChinaPooling.Schedule())));

        flows = SyntheticFunds.Flows(2, provinces: 3);
        var good = SyntheticFunds.Assumptions(2, flows, ChinaPooling.Schedule());
        Assert.Throws<InputDataException>(() => FundProjector.Run(flows, good with { EntrustedShare = 1.2 }));
        Assert.Throws<InputDataException>(() => FundProjector.Run(flows, good with { OtherReturn = AnnualPath.Constant("o", 2017, 2100, 0.02) }));
        Assert.Throws<InputDataException>(() => FundProjector.Run(flows, good with { Subsidies = new FloorSubsidy(-1) }));
        Assert.Throws<InputDataException>(() => new SubsidyShareOfSpending(1.5));
        Assert.Throws<InputDataException>(() => FundProjector.Run(flows, good with { Subsidies = new SubsidyPath(2016, 3, new double[3 * 5]) }));
        Assert.Throws<InputDataException>(() => new FundFlows([Regions.Provinces[0], Regions.Provinces[0]], 2020, 3));
        Assert.Throws<InputDataException>(() => new FundFlows([Regions.China], 2020, 3));
    }

    [Test]
    public void Per_run_measures_by_hand()
    {
        // Opening 100, no return. Current results 50, 10, −30, −70, −110 → balances 150, 160, 130, 60, −50.
        var projection = FundProjector.Run(OneProvince(), Simple(OneProvince(), opening: 100));
        Assert.That(Enumerable.Range(2030, 5).Select(y => projection.Value(FundLine.ClosingBalance, y)), Is.EqualTo(new double[] { 150, 160, 130, 60, -50 }));
        var summary = projection.Summary(0);
        Assert.That(summary.FirstCurrentDeficitYear, Is.EqualTo(2032));
        Assert.That(summary.FirstCurrentDeficitYearExcludingSubsidies, Is.EqualTo(2032));
        Assert.That(summary.DepletionYear, Is.EqualTo(2034));
        Assert.That(summary.PeakBalance, Is.EqualTo(160));
        Assert.That(summary.PeakBalanceYear, Is.EqualTo(2031));

        var row = projection.YearTable().Single(r => r.Year == 2031 && r.RegionCode == 0);
        Assert.That(row.MonthsOfPayment, Is.EqualTo(160 / (90 / 12.0)).Within(1e-12));
        Assert.That(row.SystemDependencyRatio, Is.EqualTo(0.3).Within(1e-12));
        Assert.That(row.CostRate, Is.EqualTo(90 / 500.0).Within(1e-12));
        Assert.That(row.CurrentBalance, Is.EqualTo(10));

        // With a subsidy of 50% of spending the current deficit comes later, but not without subsidies.
        var subsidised = FundProjector.Run(OneProvince(), Simple(OneProvince(), subsidies: new SubsidyShareOfSpending(0.5), opening: 100)).Summary(0);
        Assert.That(subsidised.FirstCurrentDeficitYear, Is.EqualTo(2034)); // 100 + 105 − 210 < 0 first in 2034
        Assert.That(subsidised.FirstCurrentDeficitYearExcludingSubsidies, Is.EqualTo(2032));
        Assert.That(subsidised.DepletionYear, Is.Null);
    }

    [Test]
    public void The_floor_subsidy_is_what_the_state_must_pay()
    {
        // Without subsidy the balance would be 150, 160, 130, 60, −50: the state pays exactly 50 in 2034.
        var projection = FundProjector.Run(OneProvince(), Simple(OneProvince(), subsidies: new FloorSubsidy(), opening: 100));
        Assert.That(Enumerable.Range(2030, 5).Select(y => projection.Value(FundLine.TopUpSubsidies, y)), Is.EqualTo(new double[] { 0, 0, 0, 0, 50 }));
        Assert.That(projection.Value(FundLine.ClosingBalance, 2034), Is.Zero);
        Assert.That(projection.Summary(0).TotalSubsidiesToFloor, Is.EqualTo(50));

        // A floor of 6 months of spending: 2033 needs 170/2 = 85 (has 60 → 25); 2034 needs 105 from 85 − 110 = −25 → 130.
        projection = FundProjector.Run(OneProvince(), Simple(OneProvince(), subsidies: new FloorSubsidy(6), opening: 100));
        Assert.That(projection.Value(FundLine.TopUpSubsidies, 2033), Is.EqualTo(25).Within(1e-12));
        Assert.That(projection.Value(FundLine.TopUpSubsidies, 2034), Is.EqualTo(130).Within(1e-12));
    }

    [Test]
    public void The_strategic_reserve_pays_first_and_only_what_it_has()
    {
        var flows = OneProvince();
        var assumptions = Simple(flows, subsidies: new FloorSubsidy(), opening: 100) with
        {
            Reserve = new StrategicReserve
            {
                OpeningBalance = 20,
                Return = AnnualPath.Constant("r", 2030, 2034, 0.10),
                StateCapital = 100,
                DividendYield = 0.01,
                Draws = new ReserveDraws(2030),
            },
        };
        var projection = FundProjector.Run(flows, assumptions);
        var reserve = projection.ReserveTable();
        // Reserve: 20 → 23 → 26.3 → 29.93 → 33.923, then 2034: 33.923 × 1.1 + 1 = 38.3153 available against a shortfall of 50.
        Assert.That(reserve[3].ClosingBalance, Is.EqualTo(33.923).Within(1e-9));
        Assert.That(reserve[4].Drawn, Is.EqualTo(38.3153).Within(1e-9));
        Assert.That(reserve[4].ClosingBalance, Is.EqualTo(0).Within(1e-9));
        Assert.That(projection.Value(FundLine.FromReserve, 2034), Is.EqualTo(38.3153).Within(1e-9));
        Assert.That(projection.Value(FundLine.TopUpSubsidies, 2034), Is.EqualTo(50 - 38.3153).Within(1e-9));
        Assert.That(projection.Value(FundLine.ClosingBalance, 2034), Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void Paying_the_general_average_premium_ends_the_horizon_at_the_target_fund()
    {
        var flows = SyntheticFunds.Flows(21, provinces: 4, years: 30, firstYear: 2025);
        var assumptions = SyntheticFunds.Assumptions(21, flows, PoolingSchedule.Always(new NoTransfers()));
        var projection = FundProjector.Run(flows, assumptions);
        foreach (double target in new[] { 0.0, 5e11 })
        {
            double gap = projection.GeneralAveragePremium(0, 2054, target);
            Assert.That(gap, Is.InRange(0.0, 1.0));
            // Replace contributions by π × wage bill in every province, rescaled so the national totals match.
            var paying = SyntheticFunds.Flows(21, provinces: 4, years: 30, firstYear: 2025);
            for (int year = 2025; year <= 2054; year++)
            {
                var c = paying.Contributions(year);
                var w = paying.CoveredWageBill(year);
                for (int i = 0; i < c.Length; i++) c[i] = gap * w[i];
            }
            var check = FundProjector.Run(paying, assumptions);
            Assert.That(check.Value(FundLine.ClosingBalance, 2054), Is.EqualTo(target).Within(1e-9 * projection.Value(FundLine.Pensions, 2054) * 30));
        }
    }

    [Test]
    public void Actuarial_balance_by_hand()
    {
        // Zero rates, period 4 years of OneProvince (2030–2033), year after = 2034:
        //   income rate = (F0 + ΣC) / ΣW = (100 + 400) / 2000 = 0.25
        //   cost rate   = (ΣE + E_2034) / ΣW = (50 + 90 + 130 + 170 + 210) / 2000 = 0.325
        //   balance     = −0.075
        var projection = FundProjector.Run(OneProvince(), Simple(OneProvince(), opening: 100));
        var ab = projection.ActuarialBalance(0, years: 4);
        Assert.That(ab.SummarizedIncomeRate, Is.EqualTo(0.25).Within(1e-12));
        Assert.That(ab.SummarizedCostRate, Is.EqualTo(0.325).Within(1e-12));
        Assert.That(ab.ActuarialBalance, Is.EqualTo(-0.075).Within(1e-12));
        Assert.Throws<ArgumentOutOfRangeException>(() => projection.ActuarialBalance(0, years: 5), "the target needs the year after");

        // At 10%: v = 1/1.1, 1/1.21, …; check against the formula written out.
        projection = FundProjector.Run(OneProvince(), Simple(OneProvince(), rate: 0.1, opening: 100));
        double pvW = 0, pvC = 0, pvE = 0, v = 1;
        for (int t = 0; t < 4; t++)
        {
            v /= 1.1;
            pvW += v * 500;
            pvC += v * 100;
            pvE += v * (50 + 40 * t);
        }
        ab = projection.ActuarialBalance(0, years: 4);
        Assert.That(ab.ActuarialBalance, Is.EqualTo((100 + pvC) / pvW - (pvE + v * 210) / pvW).Within(1e-12));
    }

    [Test]
    public void Implicit_pension_debt_discounts_accrued_benefits()
    {
        // 110 at the end of year 1 and 121 at the end of year 2 at 10% are worth 100 + 100.
        Assert.That(ImplicitPensionDebt.AccruedToDateLiability([110, 121], [0.1, 0.1]), Is.EqualTo(200).Within(1e-9));
        Assert.That(ImplicitPensionDebt.Net([110, 121], [0.1, 0.1], fund: 50), Is.EqualTo(150).Within(1e-9));
    }

    [Test]
    public void Tables_hold_every_province_and_the_nation_each_year()
    {
        var flows = SyntheticFunds.Flows(4, provinces: 5);
        var projection = FundProjector.Run(flows, SyntheticFunds.Assumptions(4, flows, ChinaPooling.Schedule(), new SubsidyShareOfSpending(0.2)));
        var rows = projection.YearTable();
        Assert.That(rows, Has.Count.EqualTo(6 * flows.YearCount));
        foreach (int year in Enumerable.Range(flows.FirstYear, flows.YearCount))
        {
            var national = rows.Single(r => r.Year == year && r.RegionCode == 0);
            var provinces = rows.Where(r => r.Year == year && r.RegionCode != 0).ToList();
            Assert.That(national.ClosingBalance, Is.EqualTo(provinces.Sum(r => r.ClosingBalance)).Within(1e-3));
            Assert.That(national.Revenue - national.RevenueExcludingSubsidies, Is.EqualTo(national.Subsidies).Within(1e-3));
            Assert.That(national.TransfersIn, Is.EqualTo(national.TransfersOut).Within(1e-2));
        }
        Assert.That(projection.Summary(), Has.Count.EqualTo(6));
        using var text = new StringWriter();
        TidyCsvWriter.Write(rows, text);
        Assert.That(text.ToString(), Does.StartWith("Year,RegionCode,Region,OpeningBalance"));
    }
}
