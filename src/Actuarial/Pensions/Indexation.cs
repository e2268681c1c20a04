using Actuarial.Demography;

namespace Actuarial.Pensions;

/// <summary>
/// The general annual increase of pensions in payment (基本养老金总体调整水平): published national increases, then a rule a
/// scenario chooses (<see cref="IFutureRateRule"/>: a share of wage growth, a share of price growth, or fixed). Immutable.
/// </summary>
/// <remarks>
/// <para>Published increases (rules reference §1.6): 2016 6.5% [U]; 2017 5.5%, 2018 5%, 2019 5% [S2] (ecns 2019-03-21);
/// 2020 5%, 2021 4.5% [S2]; 2022 4%, 2023 3.8% [S2] (People's Daily); 2024 3% [S2]; 2025 2% [S2] (People's Daily,
/// Global Times). 2005–2015 ≈10% a year ([S2]) is not shipped. The increase is applied to the previous year's average
/// basic pension as a national cap; provinces split it into flat, contribution-linked and tilted parts ([S2]) — the
/// projection applies it uniformly.</para>
/// <para>Future rule default: prices plus a share of real wage growth (<see cref="PricesPlusShareOfRealWageGrowth"/>), the
/// share estimated on the published increases 2016–2025 against the year's wage and price growth
/// (<c>ChinaDefaults.IndexationShareOfRealWageGrowth()</c> in Actuarial.China, ≈ 0.48; in nominal terms the 2016–2023 increases
/// were 46–73% of that year's wage growth). A fixed nominal increase would cut the real pension whenever prices rise
/// faster than it and the benefit ratio whenever wages do: a cut no law makes.</para>
/// </remarks>
public sealed record Indexation
{
    /// <summary>Creates the rule.</summary>
    /// <param name="published">Published increases by year (no gaps), each in [0, 1].</param>
    /// <param name="futureRule">Rule for years after the last published year.</param>
    public Indexation(AnnualPath published, IFutureRateRule futureRule)
    {
        Published = published;
        FutureRule = futureRule;
    }

    /// <summary>The published national increases 2016–2025.</summary>
    public static AnnualPath PublishedChina { get; } =
        new("general pension increase", 2016, [0.065, 0.055, 0.05, 0.05, 0.05, 0.045, 0.04, 0.038, 0.03, 0.02], 0, 1);


    /// <summary>Published increases by year.</summary>
    public AnnualPath Published
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            for (int y = value.FirstYear; y <= value.LastYear; y++) RuleChecks.Rate(value[y], nameof(Indexation), $"{nameof(Published)}[{y}]");
            field = value;
        }
    }

    /// <summary>Rule for years after the last published year.</summary>
    public IFutureRateRule FutureRule { get; init => field = RuleChecks.NotNull(value, nameof(FutureRule)); }

    /// <summary>The increase of a year: published, else the future rule.</summary>
    /// <param name="year">Calendar year, not before the first published year.</param>
    /// <param name="wageGrowth">That year's nominal average-wage growth (used only by the future rule).</param>
    /// <param name="priceGrowth">That year's price growth (used only by the future rule).</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is before the published years.</exception>
    internal double Increase(int year, double wageGrowth = double.NaN, double priceGrowth = double.NaN)
    {
        if (year <= Published.LastYear) return Published[year];
        return FutureRates.Checked(FutureRule, year, wageGrowth, priceGrowth);
    }
}
