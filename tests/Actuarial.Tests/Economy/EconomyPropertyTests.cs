using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Economy;
using Actuarial.Funds;
using Actuarial.Pensions;
using Actuarial.Scenarios;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Economy;

/// <summary>
/// The macro-economic layer and the rules linked to it: no money illusion, monotone responses of the balance to the
/// indexation share, the rule of prices plus a share of real wage growth by hand, and the estimates of the defaults.
/// The full pension projection runs to 2070 on one shared demographic projection.
/// </summary>
[TestFixture]
public sealed class EconomyPropertyTests
{
    private const int End = 2070;

    private static readonly Lazy<PensionScenario> Unlinked = new(() =>
    {
        var s = ChinaDefaults.UnlinkedPensionScenario();
        return s with
        {
            EndYear = End,
            Demography = s.Demography with { EndYear = End },
            Funds = ChinaFunds.China2024(End, ChinaFundFigures.NonEntrustedFundReturn, subsidies: s.Funds.Subsidies),
        };
    });

    private static readonly Lazy<DemographicProjection> Demography = new(() => DemographicProjector.Run(Unlinked.Value.Demography));

    private static PensionProjection Run(EconomicAssumptions economy, IFutureRateRule? indexation = null)
    {
        var scenario = Unlinked.Value;
        if (indexation is not null)
        {
            var rules = scenario.Scheme.Rules;
            scenario = scenario with { Scheme = scenario.Scheme with { Rules = rules with { Indexation = rules.Indexation with { FutureRule = indexation } } } };
        }
        return PensionProjector.Run(scenario.LinkedTo(economy), Demography.Value);
    }

    private static readonly Lazy<PensionProjection> Baseline = new(() => Run(ChinaDefaults.Economy()));

    /// <summary>The default economy with the CPI growth of every year after 2025 replaced by <paramref name="price"/>(year, default).</summary>
    private static EconomicAssumptions WithPrices(Func<int, double, double> price) =>
        ChinaDefaults.Economy() with { PriceGrowth = ChinaDefaults.Economy().PriceGrowth.Map((y, p) => y > EconomicAssumptions.LastObservedYear ? price(y, p) : p) };

    /// <summary>
    /// No money illusion: inflation scaled by 0–4 and shifted by up to ±1 point a year, with the real paths and the
    /// linked rules unchanged, leaves every real amount of the contribution side exactly where it was (wages, contributions,
    /// real wage growth, contribution rate, head counts). The benefit side has one money illusion that is law, not model:
    /// a new pension is set on the <i>previous</i> year's nominal average wage (国发〔2005〕38号, BenefitFormula) and first
    /// raised by the general increase a year later, so each point of extra inflation trims new pensions by about a point
    /// until the increases carry them. The property bounds it: real pensions never rise with inflation, and move by at most
    /// two years of the largest change of inflation; the balance in constant yuan is never worse with higher inflation and
    /// the depletion year never earlier.
    /// </summary>
    [FsProperty(MaxTest = 6)]
    public void No_money_illusion_beyond_the_legislated_wage_lag(int scaleSeed, int shiftSeed)
    {
        double scale = Math.Abs(scaleSeed % 401) / 100.0;
        double shift = (shiftSeed % 101) / 10_000.0;
        var defaults = ChinaDefaults.Economy();
        var economy = WithPrices((_, p) => Math.Max(-0.005, scale * p + shift));
        double largestChange = 0;
        for (int y = EconomicAssumptions.LastObservedYear + 1; y <= End; y++) largestChange = Math.Max(largestChange, Math.Abs(economy.PriceGrowth[y] - defaults.PriceGrowth[y]));
        bool higher = Enumerable.Range(EconomicAssumptions.LastObservedYear + 1, End - EconomicAssumptions.LastObservedYear).All(y => economy.PriceGrowth[y] >= defaults.PriceGrowth[y]);
        bool lower = Enumerable.Range(EconomicAssumptions.LastObservedYear + 1, End - EconomicAssumptions.LastObservedYear).All(y => economy.PriceGrowth[y] <= defaults.PriceGrowth[y]);
        var inflated = Run(economy);
        var baseline = Baseline.Value;
        var a = baseline.EconomicTable();
        var b = inflated.EconomicTable();
        Assert.Multiple(() =>
        {
            for (int i = 0; i < a.Count; i++)
            {
                string at = $"{a[i].Year}, inflation × {scale} + {shift}";
                Assert.That(b[i].ContributionsYuan2024Prices, Is.EqualTo(a[i].ContributionsYuan2024Prices).Within(1e-12).Percent, at);
                Assert.That(b[i].AverageWageYuanPerYear / b[i].PriceLevel2024Is1, Is.EqualTo(a[i].AverageWageYuanPerYear / a[i].PriceLevel2024Is1).Within(1e-12).Percent, at);
                Assert.That(b[i].RealWageGrowthPerYear, Is.EqualTo(a[i].RealWageGrowthPerYear).Within(1e-12), at);
                Assert.That(b[i].ContributionRateShareOfWageBill, Is.EqualTo(a[i].ContributionRateShareOfWageBill).Within(1e-12), at);
                Assert.That(b[i].ContributionsPercentGdp, Is.EqualTo(a[i].ContributionsPercentGdp).Within(1e-9), at);
                double pensionChange = b[i].PensionsYuan2024Prices / a[i].PensionsYuan2024Prices - 1;
                Assert.That(Math.Abs(pensionChange), Is.LessThanOrEqualTo(2 * largestChange + 1e-12), at + ": the lag is at most two years of inflation");
                if (higher) Assert.That(pensionChange, Is.LessThanOrEqualTo(1e-12), at);
                if (lower) Assert.That(pensionChange, Is.GreaterThanOrEqualTo(-1e-12), at);
                if (higher) Assert.That(b[i].ClosingBalanceYuan2024Prices, Is.GreaterThanOrEqualTo(a[i].ClosingBalanceYuan2024Prices - 1e-9 * Math.Abs(a[i].ClosingBalanceYuan2024Prices) - 1), at);
            }
            var people = baseline.Scheme.Summary().Zip(inflated.Scheme.Summary());
            foreach (var (x, y) in people)
            {
                Assert.That(y.Contributors, Is.EqualTo(x.Contributors), $"{x.Year} {x.Region}");
                Assert.That(y.Pensioners, Is.EqualTo(x.Pensioners), $"{x.Year} {x.Region}");
            }
            int Depletion(PensionProjection p) => p.Summary().DepletionYear ?? End + 1;
            if (higher) Assert.That(Depletion(inflated), Is.GreaterThanOrEqualTo(Depletion(baseline)));
            if (lower) Assert.That(Depletion(inflated), Is.LessThanOrEqualTo(Depletion(baseline)));
        });
    }

    /// <summary>
    /// No money illusion in the implicit debt: inflation scaled by 0–3 with the real paths and the linked rules unchanged
    /// leaves the accrued-to-date liability in constant yuan (and so as % of 2024 GDP), discounted at the real rate made
    /// nominal at each year's inflation, where it was but for the legislated one-year wage lag of new pensions (a new
    /// pension is set on the previous year's nominal wage, 国发〔2005〕38号): at most one year of the largest change of
    /// inflation, and never higher with higher inflation. Before the closed group's wage was carried at prices (SchemeEngine:
    /// nobody covered), doubling inflation from 2% to 4% cut the debt by 5%, and 0% → 2% by 8%.
    /// </summary>
    [FsProperty(MaxTest = 4)]
    public void The_implicit_debt_in_constant_yuan_does_not_move_with_inflation_beyond_the_legislated_wage_lag(int scaleSeed)
    {
        double scale = Math.Abs(scaleSeed % 301) / 100.0;
        var defaults = ChinaDefaults.Economy();
        var economy = WithPrices((_, p) => scale * p);
        double largestChange = 0;
        for (int y = EconomicAssumptions.LastObservedYear + 1; y <= End; y++) largestChange = Math.Max(largestChange, Math.Abs(economy.PriceGrowth[y] - defaults.PriceGrowth[y]));
        var baseline = ImplicitDebt(Baseline.Value, defaults);
        var inflated = ImplicitDebt(Run(economy), economy);
        double change = inflated.AccruedToDateLiabilityYuan / baseline.AccruedToDateLiabilityYuan - 1;
        Assert.That(Math.Abs(change), Is.LessThanOrEqualTo(largestChange + 1e-12), $"inflation × {scale}: the lag is at most one year of inflation");
        if (scale >= 1) Assert.That(change, Is.LessThanOrEqualTo(1e-12), $"inflation × {scale}: no larger with higher inflation");
        if (scale <= 1) Assert.That(change, Is.GreaterThanOrEqualTo(-1e-12), $"inflation × {scale}: no smaller with lower inflation");
        // As % of 2024 GDP: the same liability net of the same fund over the same published GDP.
        Assert.That(inflated.FundYuan, Is.EqualTo(baseline.FundYuan));
        Assert.That(economy.NominalGdp2024Yuan, Is.EqualTo(defaults.NominalGdp2024Yuan));
    }

    private static ImplicitPensionDebtResult ImplicitDebt(PensionProjection projection, EconomicAssumptions economy) =>
        AccruedToDateLiability.Compute(projection, y => economy.NominalDiscountRate(Math.Min(y, economy.LastYear)), economy.NominalDiscountRate(economy.LastYear));

    [Test]
    public void Money_is_real_times_prices_and_the_fund_identity_holds_in_both()
    {
        var table = Baseline.Value.EconomicTable();
        var funds = Baseline.Value.Funds.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var economy = ChinaDefaults.Economy();
        foreach (var r in table)
        {
            var f = funds[r.Year];
            Assert.That(r.PriceLevel2024Is1, Is.EqualTo(economy.PriceLevel(r.Year)).Within(1e-15 * r.PriceLevel2024Is1));
            // 2024 budget revenue 219,702 亿 over GDP 1,349,084 亿 = 16.3%, held.
            Assert.That(r.SubsidiesPercentBudgetRevenue, Is.EqualTo(r.SubsidiesPercentGdp * 1_349_084 / 219_702).Within(1e-9 * r.SubsidiesPercentBudgetRevenue));
            Assert.That(r.ClosingBalanceYuan2024Prices * r.PriceLevel2024Is1, Is.EqualTo(r.ClosingBalanceYuan).Within(1e-9 * Math.Abs(r.ClosingBalanceYuan) + 1));
            // B(t+1) = B(t)(1 + ρ) + C + S + T_in + D − P − T_out, in current and (divided by the year's price level) constant yuan.
            double nominal = f.OpeningBalance + f.InvestmentReturn + f.Contributions + f.Subsidies + f.TransfersIn + f.FromReserve - f.Spending - f.TransfersOut;
            Assert.That(f.ClosingBalance, Is.EqualTo(nominal).Within(1e-9 * Math.Abs(nominal) + 1), $"{r.Year} nominal");
            Assert.That(r.ClosingBalanceYuan2024Prices, Is.EqualTo(nominal / r.PriceLevel2024Is1).Within(1e-9 * Math.Abs(nominal) + 1), $"{r.Year} real");
        }
    }

    [FsProperty(MaxTest = 5)]
    public void Higher_wage_linked_indexation_never_improves_the_balance(int lowSeed, int highSeed)
    {
        double low = Math.Abs(lowSeed % 101) / 100.0, high = Math.Abs(highSeed % 101) / 100.0;
        if (low > high) (low, high) = (high, low);
        if (high - low < 0.05) high = Math.Min(1, low + 0.05);
        var cheap = Run(ChinaDefaults.Economy(), new PricesPlusShareOfRealWageGrowth(low));
        var dear = Run(ChinaDefaults.Economy(), new PricesPlusShareOfRealWageGrowth(high));
        int Depletion(PensionProjection p) => p.Summary().DepletionYear ?? End + 1;
        Assert.That(Depletion(dear), Is.LessThanOrEqualTo(Depletion(cheap)), $"shares {low} and {high}");
        for (int year = ChinaFunds.FirstProjectedYear; year <= End; year++)
        {
            Assert.That(dear.Funds.Value(FundLine.ClosingBalance, year), Is.LessThanOrEqualTo(cheap.Funds.Value(FundLine.ClosingBalance, year) + 1), $"{year}, shares {low} and {high}");
        }
    }

    [Test]
    public void Prices_plus_a_share_of_real_wage_growth_by_hand()
    {
        // Wages +5%, prices +2%: real wage growth 1.05/1.02 − 1 = 2.941%; half of it on top of prices:
        // 1.02 × (1 + 0.5 × 0.02941) − 1 = 3.5%.
        var rule = new PricesPlusShareOfRealWageGrowth(0.5);
        Assert.That(rule.Rate(0.05, 0.02), Is.EqualTo(1.02 * (1 + 0.5 * (1.05 / 1.02 - 1)) - 1).Within(1e-15));
        Assert.That(rule.Rate(0.05, 0.02), Is.EqualTo(0.035).Within(1e-15));
        Assert.That(new PricesPlusShareOfRealWageGrowth(0).Rate(0.05, 0.02), Is.EqualTo(0.02).Within(1e-15), "share 0: prices");
        Assert.That(new PricesPlusShareOfRealWageGrowth(1).Rate(0.05, 0.02), Is.EqualTo(0.05).Within(1e-15), "share 1: wages");
    }

    [Test]
    public void The_default_shares_are_estimated_on_the_published_history()
    {
        // 2016–2025 increases against the year's non-private wage growth and CPI: a ratio of sums of real rates.
        Assert.That(ChinaDefaults.IndexationShareOfRealWageGrowth(), Is.EqualTo(0.481).Within(0.001));
        Assert.That(ChinaDefaults.CreditingShareOfRealWageGrowth(), Is.EqualTo(0.731).Within(0.001));
        Assert.That(((PricesPlusShareOfRealWageGrowth)ChinaDefaults.Indexation().FutureRule).Share, Is.EqualTo(ChinaDefaults.IndexationShareOfRealWageGrowth()));
        Assert.That(((PricesPlusShareOfRealWageGrowth)ChinaDefaults.CreditingRates().FutureRule).Share, Is.EqualTo(ChinaDefaults.CreditingShareOfRealWageGrowth()));
    }

    [Test]
    public void The_default_economy_starts_from_the_published_figures_and_converges()
    {
        var e = ChinaDefaults.Economy();
        double recent = ChinaEconomy.RecentRealWageGrowth();
        Assert.Multiple(() =>
        {
            // 2019→2024 non-private wage 90,501 → 124,110 yuan (6.52% a year) less CPI 2020–2024 (1.16% a year).
            Assert.That(recent, Is.EqualTo(1.0652 / 1.0116 - 1).Within(0.0005));
            Assert.That(e.RealWageGrowth[2040], Is.EqualTo(ChinaEconomy.LongRunRealWageGrowth + (recent - ChinaEconomy.LongRunRealWageGrowth) * 0.5).Within(1e-12), "one half-life after 2025");
            Assert.That(e.PriceGrowth[2025], Is.EqualTo(0));
            Assert.That(e.PriceGrowth[2050], Is.EqualTo(0.02));
            Assert.That(e.NominalGdp2024Yuan, Is.EqualTo(134.9084e12).Within(1e6));
            Assert.That(e.RealEntrustedReturn[2030], Is.EqualTo(1.05 / (1 + (0.016 + 0.021 + 0.029 + 0.025 + 0.009 + 0.020 + 0.002) / 7) - 1).Within(1e-12));
            // The linked labour path keeps the published growth to 2025 and is real × prices after.
            var wages = ChinaDefaults.PensionScenario().Labour.WageGrowth;
            Assert.That(wages[2025], Is.EqualTo(129_441.0 / 124_110 - 1).Within(1e-12));
            Assert.That(wages[2040], Is.EqualTo((1 + e.RealWageGrowth[2040]) * 1.02 - 1).Within(1e-15));
        });
    }

    [Test]
    public void Replacement_rates_of_new_retirees_rise_with_the_crediting_share()
    {
        var baseline = Baseline.Value.NewRetireeReplacementRates([1990]);
        var scenario = Unlinked.Value;
        var rules = scenario.Scheme.Rules;
        scenario = scenario with { Scheme = scenario.Scheme with { Rules = rules with { CreditingRates = rules.CreditingRates with { FutureRule = new PricesPlusShareOfRealWageGrowth(1) } } } };
        var fuller = PensionProjector.Run(scenario.LinkedTo(ChinaDefaults.Economy()), Demography.Value).NewRetireeReplacementRates([1990]);
        Assert.That(baseline, Has.Count.EqualTo(Actuarial.Scheme.TypicalWorker.Defaults.Count));
        for (int i = 0; i < baseline.Count; i++)
        {
            Assert.That(fuller[i].AccountPensionYuanPerMonth, Is.GreaterThan(baseline[i].AccountPensionYuanPerMonth), baseline[i].Profile);
            Assert.That(fuller[i].BasicPensionYuanPerMonth, Is.EqualTo(baseline[i].BasicPensionYuanPerMonth).Within(1e-9).Percent, "the basic pension does not read the crediting rate");
        }
    }

    [Test]
    public void The_financing_gap_is_zero_before_depletion_and_pays_the_deficit_after()
    {
        var p = Baseline.Value;
        int depletion = p.Summary().DepletionYear!.Value;
        foreach (var r in p.EconomicTable())
        {
            if (r.Year < depletion - 1) Assert.That(r.FinancingGapPercentGdp, Is.EqualTo(0), $"{r.Year}");
            if (r.Year > depletion + 1)
            {
                // Once the fund is empty the gap is the year's deficit with subsidies.
                double deficit = r.PensionsYuan2024Prices - r.ContributionsYuan2024Prices - r.SubsidiesYuan2024Prices;
                Assert.That(r.FinancingGapYuan2024Prices, Is.EqualTo(deficit).Within(1e-9 * r.PensionsYuan2024Prices), $"{r.Year}");
            }
        }
    }
}
