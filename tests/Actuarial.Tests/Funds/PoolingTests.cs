using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Funds;

/// <summary>The pooling rules by hand, the schedule's validation, a user's extension and the 2022 calibration.</summary>
[TestFixture]
public sealed class PoolingTests
{
    private static FundFlows ThreeProvinces()
    {
        var flows = new FundFlows(Regions.Provinces.Take(3).ToArray(), 2018, 2);
        foreach (int year in new[] { 2018, 2019 })
        {
            new double[] { 100_000, 80_000, 60_000 }.CopyTo(flows.AverageWage(year));
            new double[] { 1_000_000, 500_000, 300_000 }.CopyTo(flows.ContributingWorkers(year));
            new double[] { 200_000, 250_000, 300_000 }.CopyTo(flows.Retirees(year));
        }
        return flows;
    }

    [Test]
    public void Central_adjustment_by_hand_on_three_provinces()
    {
        // r = 4%, base = 90% of the average wage:
        //   paid_A = 100,000 × 0.9 × 1,000,000 × 0.04 = 3,600,000,000
        //   paid_B =  80,000 × 0.9 ×   500,000 × 0.04 = 1,440,000,000
        //   paid_C =  60,000 × 0.9 ×   300,000 × 0.04 =   648,000,000
        //   pool = 5,688,000,000; retirees = 200,000 + 250,000 + 300,000 = 750,000
        //   A (per retiree) = 5,688,000,000 / 750,000 = 7,584 yuan
        //   received_A = 200,000 × 7,584 = 1,516,800,000 → net −2,083,200,000
        //   received_B = 250,000 × 7,584 = 1,896,000,000 → net   +456,000,000
        //   received_C = 300,000 × 7,584 = 2,275,200,000 → net +1,627,200,000   (nets sum to 0)
        var flows = ThreeProvinces();
        var paid = new double[3];
        var received = new double[3];
        new CentralAdjustment(0.04).ComputeTransfers(Year(flows, 2019), paid, received);
        Assert.That(paid, Is.EqualTo(new[] { 3.6e9, 1.44e9, 0.648e9 }).Within(1e-3));
        Assert.That(received, Is.EqualTo(new[] { 1.5168e9, 1.896e9, 2.2752e9 }).Within(1e-3));

        // 2018 at 3% from 1 July: pool = 0.03 × ½ × 0.9 × Σ wage × N = 2,133,000,000, A = 2,844 yuan.
        new CentralAdjustment(0.03, 0.5).ComputeTransfers(Year(flows, 2018), paid.AsSpan(), received.AsSpan());
        Assert.That(paid, Is.EqualTo(new[] { 1.35e9, 0.54e9, 0.243e9 }).Within(1e-3)); // 0.03 × ½ × 0.9 × wage × N
        Assert.That(received[0] / 200_000, Is.EqualTo(2.133e9 / 750_000).Within(1e-9));
    }

    [Test]
    public void Central_adjustment_runs_in_the_ledger_with_the_China_schedule()
    {
        var flows = ThreeProvinces();
        var projection = FundProjector.Run(flows, new FundAssumptions
        {
            OpeningBalances = flows.Provinces.ToDictionary(p => p.Code, _ => 0.0),
            EntrustedReturn = AnnualPath.Constant("e", 2018, 2019, 0),
            OtherReturn = AnnualPath.Constant("o", 2018, 2019, 0),
            Pooling = ChinaPooling.Schedule(),
        });
        Assert.That(projection.PoolingRule(2018), Is.EqualTo(new CentralAdjustment(0.03, 0.5)));
        Assert.That(projection.PoolingRule(2019), Is.EqualTo(new CentralAdjustment(0.035)));
        // 2019 at 3.5%: Beijing (A) pays 100,000 × 0.9 × 1e6 × 0.035 = 3.15e9.
        Assert.That(projection.Line(FundLine.TransfersOut, 2019)[0], Is.EqualTo(3.15e9).Within(1e-3));
        Assert.That(projection.Line(FundLine.ClosingBalance, 2019)[0],
            Is.EqualTo(projection.Line(FundLine.ClosingBalance, 2018)[0] - 3.15e9 + 200_000 * (3.15e9 + 1.26e9 + 0.567e9) / 750_000).Within(0.01));
    }

    [Test]
    public void National_pooling_by_hand()
    {
        // Results c − p: +300, +100, −150, −50 (yuan). S = 400, G = 200; pool = min(1 × 200, 1 × 400) = 200.
        // Payers in proportion to surplus: 150, 50; receivers in proportion to gap: 150, 50.
        var rule = new NationalPooling();
        var (paid, received) = Apply(rule, [400, 200, 50, 50], [100, 100, 200, 100]);
        Assert.That(paid, Is.EqualTo(new double[] { 150, 50, 0, 0 }).Within(1e-9));
        Assert.That(received, Is.EqualTo(new double[] { 0, 0, 150, 50 }).Within(1e-9));

        // Pool covers half the gaps: pool = 100; levy 25% of surplus.
        (paid, received) = Apply(new NationalPooling(poolShareOfGaps: 0.5), [400, 200, 50, 50], [100, 100, 200, 100]);
        Assert.That(paid, Is.EqualTo(new double[] { 75, 25, 0, 0 }).Within(1e-9));
        Assert.That(received, Is.EqualTo(new double[] { 0, 0, 75, 25 }).Within(1e-9));

        // The levy cap binds: at most 10% of 400 = 40 for gaps of 200.
        (paid, received) = Apply(new NationalPooling(maxLevyOnSurplus: 0.1), [400, 200, 50, 50], [100, 100, 200, 100]);
        Assert.That(paid.Sum(), Is.EqualTo(40).Within(1e-9));
        Assert.That(received, Is.EqualTo(new double[] { 0, 0, 30, 10 }).Within(1e-9));
    }

    [Test]
    public void A_user_rule_caps_any_provinces_payment_without_touching_the_engine()
    {
        var flows = SyntheticFunds.Flows(11, provinces: 6);
        const double cap = 2e9;
        var capped = new CappedPayment(new CentralAdjustment(0.09), cap);
        var schedule = new PoolingSchedule(
        [
            new PoolingPeriod(int.MinValue, 2019, new ProvincialPooling()),
            new PoolingPeriod(2020, int.MaxValue, capped),
        ]);
        var projection = FundProjector.Run(flows, SyntheticFunds.Assumptions(11, flows, schedule));
        var uncapped = FundProjector.Run(flows, SyntheticFunds.Assumptions(11, flows, PoolingSchedule.Always(new CentralAdjustment(0.09))));
        Assert.That(projection.Value(FundLine.TransfersOut, 2019), Is.Zero);
        for (int year = 2020; year <= flows.LastYear; year++)
        {
            var paid = projection.Line(FundLine.TransfersOut, year);
            foreach (double p in paid) Assert.That(p, Is.LessThanOrEqualTo(cap));
            Assert.That(projection.Value(FundLine.TransfersIn, year), Is.EqualTo(projection.Value(FundLine.TransfersOut, year)).Within(1e-3));
            Assert.That(uncapped.Line(FundLine.TransfersOut, year).ToArray().Max(), Is.GreaterThan(cap), "the cap binds");
        }
    }

    [Test]
    public void A_rule_that_does_not_sum_to_zero_is_refused_by_the_engine()
    {
        var flows = SyntheticFunds.Flows(3);
        var ex = Assert.Throws<InvalidOperationException>(() =>
            FundProjector.Run(flows, SyntheticFunds.Assumptions(3, flows, PoolingSchedule.Always(new LeakyRule()))));
        Assert.That(ex!.Message, Does.Contain("sum to zero"));
    }

    [Test]
    public void Overlapping_periods_are_refused()
    {
        var ex = Assert.Throws<InputDataException>(() => new PoolingSchedule(
        [
            new PoolingPeriod(2018, 2021, new CentralAdjustment(0.04)),
            new PoolingPeriod(2021, 2030, new NationalPooling()),
        ]));
        Assert.That(ex!.Message, Does.Contain("overlapping"));
        Assert.Throws<InputDataException>(() => new PoolingSchedule([new PoolingPeriod(2030, 2020, new NoTransfers())]));
    }

    [TestCase(-0.01)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void A_ratio_outside_0_to_100_percent_is_refused(double ratio)
    {
        var ex = Assert.Throws<InputDataException>(() => new CentralAdjustment(ratio));
        Assert.That(ex!.Field, Is.EqualTo("ratio"));
        Assert.Throws<InputDataException>(() => ChinaPooling.Schedule(year => ratio));
        Assert.Throws<InputDataException>(() => new NationalPooling(poolShareOfGaps: ratio));
    }

    [Test]
    public void A_year_no_period_covers_is_an_error_at_run_time()
    {
        var flows = SyntheticFunds.Flows(5);
        var schedule = new PoolingSchedule([new PoolingPeriod(2000, 2020, new NoTransfers())]);
        var ex = Assert.Throws<InputDataException>(() => FundProjector.Run(flows, SyntheticFunds.Assumptions(5, flows, schedule)));
        Assert.That(ex!.Value, Is.EqualTo("2021"));
    }

    [Test]
    public void The_2024_table_calibrates_national_pooling_against_the_2022_budget()
    {
        // Reading A (the table's revenue − expenditure taken as the pre-transfer current result): the rule with full gap
        // coverage. Published 2022 budget (reference §4.2 [S2]): 2,175.03 亿 from 21 provinces, Guangdong 885.11 亿.
        var rows = ChinaFunds.ApplyTo2024Table(new NationalPooling());
        double pool = rows.Sum(r => r.Paid) / ChinaFundFigures.YuanPer100Million;
        int payers = rows.Count(r => r.Paid > 0);
        double guangdong = rows.Single(r => r.RegionCode == 44).Paid / ChinaFundFigures.YuanPer100Million;
        double liaoning = rows.Single(r => r.RegionCode == 21).Received / ChinaFundFigures.YuanPer100Million;
        double heilongjiang = rows.Single(r => r.RegionCode == 23).Received / ChinaFundFigures.YuanPer100Million;
        TestContext.Out.WriteLine($"pool {pool:F1} 亿 from {payers} provinces; Guangdong {guangdong:F1} ({guangdong / pool:P1}); Liaoning receives {liaoning:F1}, Heilongjiang {heilongjiang:F1}");
        Assert.That(pool, Is.EqualTo(2_175.03).Within(10).Percent);
        Assert.That(payers, Is.InRange(ChinaFundFigures.NationalPoolPayers2022 - 2, ChinaFundFigures.NationalPoolPayers2022 + 2));
        Assert.That(guangdong, Is.EqualTo(885.11).Within(10).Percent);
        // Guangdong's share of the pool and the number of payers do not depend on the reading (a proportional levy keeps
        // both under any pool size); the published share is 885.11 / 2,175.03 = 40.7%.
        Assert.That(guangdong / pool, Is.EqualTo(885.11 / 2_175.03).Within(0.03));
        // Both > 800 亿 published for Liaoning and Heilongjiang; here Liaoning lands close, Heilongjiang short.
        Assert.That(liaoning, Is.GreaterThan(800));
        Assert.That(heilongjiang, Is.InRange(600, 900));
    }

    [TestCase(0.5, 1.0)]
    [TestCase(0.52, 0.21)]
    [TestCase(0.9, 0.5)]
    public void Pre_transfer_2024_flows_plus_the_rules_transfers_give_the_yearbook(double gapShare, double levy)
    {
        var rule = new NationalPooling(gapShare, levy);
        var rows = ChinaFunds.PreTransfer2024(rule);
        var yearbook = ChinaFunds.Flows2024();
        Assert.That(rows, Has.Count.EqualTo(31));
        double scale = yearbook.Pensions(2024).ToArray().Sum();
        // Transfers sum to zero.
        Assert.That(rows.Sum(r => r.Received - r.Paid), Is.EqualTo(0).Within(1e-12 * scale));
        // The rule applied to the pre-transfer flows gives these transfers, and pre-transfer + receipts − payments = yearbook.
        var (paid, received) = Apply(rule, rows.Select(r => r.PreTransferRevenue).ToArray(), rows.Select(r => r.PreTransferExpenditure).ToArray());
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.That(paid[i], Is.EqualTo(rows[i].Paid).Within(1e-9 * scale), rows[i].Region);
            Assert.That(received[i], Is.EqualTo(rows[i].Received).Within(1e-9 * scale), rows[i].Region);
            Assert.That(rows[i].PreTransferRevenue + received[i], Is.EqualTo(yearbook.Contributions(2024)[i]).Within(1e-9 * scale), rows[i].Region);
            Assert.That(rows[i].PreTransferExpenditure + paid[i], Is.EqualTo(yearbook.Pensions(2024)[i]).Within(1e-9 * scale), rows[i].Region);
        }
        // By hand for Liaoning when the gaps bind (pool = c × G < levy × S): its post-transfer result is (1 − c) × pre, so
        // pre = yearbook / (1 − c) = −848.3 亿 / (1 − c).
        var liaoning = rows.Single(r => r.RegionCode == 21);
        double preResult = (liaoning.PreTransferRevenue - liaoning.PreTransferExpenditure) / ChinaFundFigures.YuanPer100Million;
        double gapsPre = rows.Sum(r => Math.Max(0, r.PreTransferExpenditure - r.PreTransferRevenue));
        double surplusPre = rows.Sum(r => Math.Max(0, r.PreTransferRevenue - r.PreTransferExpenditure));
        if (gapShare * gapsPre < levy * surplusPre) Assert.That(preResult, Is.EqualTo(-848.3 / (1 - gapShare)).Within(1e-6));
        TestContext.Out.WriteLine($"gaps {gapShare:P0}, levy ≤ {levy:P0}: pool {rows.Sum(r => r.Paid) / ChinaFundFigures.YuanPer100Million:F1} 亿; " +
            $"Liaoning pre-transfer {preResult:F1} 亿, receives {liaoning.Received / ChinaFundFigures.YuanPer100Million:F1}");
    }

    [Test]
    public void The_yearbook_cannot_be_post_transfer_under_full_gap_coverage()
    {
        // NationalPooling(1, 1) leaves no province in deficit (or none in surplus) after its transfers; the 2024 yearbook has
        // 11 in deficit and 20 in surplus, so no pre-transfer flows produce it.
        var yearbook = ChinaFunds.Flows2024();
        int deficits = 0, surpluses = 0;
        for (int i = 0; i < yearbook.ProvinceCount; i++)
        {
            double result = yearbook.Contributions(2024)[i] - yearbook.Pensions(2024)[i];
            if (result < 0) deficits++; else if (result > 0) surpluses++;
        }
        Assert.That((deficits, surpluses), Is.EqualTo((11, 20)));
        var ex = Assert.Throws<InputDataException>(() => ChinaFunds.PreTransfer2024(new NationalPooling()));
        Assert.That(ex!.Message, Does.Contain("no pre-transfer flows"));
        Assert.That(() => ChinaFunds.PreTransfer2024(ChinaPooling.Schedule().RuleFor(2024)), Throws.TypeOf<InputDataException>());
    }

    [Test]
    public void Opening_balances_of_2024_cover_all_provinces()
    {
        var balances = ChinaFunds.OpeningBalances2024();
        Assert.That(balances, Has.Count.EqualTo(31));
        Assert.That(balances[44] / ChinaFundFigures.YuanPer100Million, Is.EqualTo(20_258.8).Within(1e-6));
        var assumptions = ChinaFunds.China2024(2030, otherReturn: 0.02) with { Reserve = ChinaFunds.Reserve2024(2030, draws: new ReserveDraws(2026)) };
        var flows = new FundFlows(Regions.Provinces, 2025, 6);
        Assert.That(() => FundProjector.Run(flows, assumptions), Throws.Nothing);
    }

    private static FundYear Year(FundFlows flows, int year) => new(year, flows.Contributions(year), flows.Pensions(year), flows.ContributingWorkers(year),
        flows.Retirees(year), flows.AverageWage(year), flows.CoveredWageBill(year), default, default, default);

    private static (double[] Paid, double[] Received) Apply(IPoolingRule rule, double[] contributions, double[] pensions)
    {
        int n = contributions.Length;
        var zeros = new double[n];
        var paid = new double[n];
        var received = new double[n];
        rule.ComputeTransfers(new FundYear(2022, contributions, pensions, zeros, zeros, zeros, zeros, zeros, zeros, zeros), paid, received);
        return (paid, received);
    }

    private sealed record LeakyRule : IPoolingRule
    {
        public string Name => "leaky";

        public void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received) => paidOut[0] = 1e6;
    }
}
