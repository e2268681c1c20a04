using Actuarial.Demography;

namespace Actuarial.Pensions;

/// <summary>
/// The individual-account crediting rate 记账利率: the annual interest credited to individual-account balances. A single
/// national rate for the enterprise and public-institution schemes since 2016, published each year by 人社部办公厅 and
/// 财政部办公厅 (关于公布20XX年职工基本养老保险个人账户记账利率等参数的通知); before 2016 set by provinces; after the
/// published years a scenario rule (<see cref="IFutureRateRule"/>). Immutable.
/// </summary>
/// <remarks>
/// Published rates (rules reference §1.5): 2016 8.31% [S]; 2017 7.12% [S2/U]; 2018 8.29% [S2/U]; 2019 7.61% [S];
/// 2020 6.04% [S2]; 2021 6.69% [S2/U]; 2022 6.12% [S]; 2023 3.97% [S2/U]; 2024 2.62% [S2/U]. 2025 is not published in the
/// sources and falls to the future rule. Before 2016: a provincial rate near the one-year deposit rate, about 2%–3.5%
/// ([S2]); the default 2.5% is an assumption ([U]). Future rule default: linked to wage growth, prices plus a share of real
/// wage growth (<see cref="PricesPlusShareOfRealWageGrowth"/>) with the share estimated on the published rates 2016–2024
/// against the year's wage and price growth (<c>ChinaDefaults.CreditingShareOfRealWageGrowth()</c> in Actuarial.China, ≈ 0.73).
/// The 2017 rules (人社部发〔2017〕31号, not in the shared reference, [U]) set the rate with reference to wage growth and
/// fund returns; the estimate reads the wage link off the published rates. Holding the last rate (2.62%) fixed for
/// 75 years would cut the real value of accounts whenever wages or prices grow faster.
/// </remarks>
public sealed record AccountCreditingRates
{
    /// <summary>Creates the rates.</summary>
    /// <param name="published">Published national rates by year (no gaps), each in [0, 1].</param>
    /// <param name="rateBeforePublished">Rate for years before the first published year, in [0, 1].</param>
    /// <param name="futureRule">Rule for years after the last published year.</param>
    public AccountCreditingRates(AnnualPath published, double rateBeforePublished, IFutureRateRule futureRule)
    {
        Published = published;
        RateBeforePublished = rateBeforePublished;
        FutureRule = futureRule;
    }

    /// <summary>The published national rates 2016–2024.</summary>
    public static AnnualPath PublishedChina { get; } =
        new("individual-account crediting rate", 2016, [0.0831, 0.0712, 0.0829, 0.0761, 0.0604, 0.0669, 0.0612, 0.0397, 0.0262], 0, 1);


    /// <summary>Published rates by year.</summary>
    public AnnualPath Published
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            for (int y = value.FirstYear; y <= value.LastYear; y++) RuleChecks.Rate(value[y], nameof(AccountCreditingRates), $"{nameof(Published)}[{y}]");
            field = value;
        }
    }

    /// <summary>Rate for years before the first published year.</summary>
    public double RateBeforePublished { get; init => field = RuleChecks.Rate(value, nameof(AccountCreditingRates), nameof(RateBeforePublished)); }

    /// <summary>Rule for years after the last published year.</summary>
    public IFutureRateRule FutureRule { get; init => field = RuleChecks.NotNull(value, nameof(FutureRule)); }

    /// <summary>The crediting rate of a year: published, else the pre-2016 rate, else the future rule.</summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="wageGrowth">That year's nominal average-wage growth (used only by the future rule).</param>
    /// <param name="priceGrowth">That year's price growth (used only by the future rule).</param>
    public double Rate(int year, double wageGrowth = double.NaN, double priceGrowth = double.NaN)
    {
        if (year < Published.FirstYear) return RateBeforePublished;
        if (year <= Published.LastYear) return Published[year];
        return FutureRates.Checked(FutureRule, year, wageGrowth, priceGrowth);
    }
}

/// <summary>Applies a future rule and refuses a NaN result (a growth the rule needs was not given).</summary>
internal static class FutureRates
{
    internal static double Checked(IFutureRateRule rule, int year, double wageGrowth, double priceGrowth)
    {
        double rate = rule.Rate(wageGrowth, priceGrowth);
        if (!double.IsFinite(rate))
        {
            throw new ArgumentException($"{year} is after the published years and the rule {rule} needs a finite wage or price growth for it", nameof(wageGrowth));
        }
        return rate;
    }
}
