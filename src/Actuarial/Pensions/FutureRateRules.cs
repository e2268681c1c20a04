namespace Actuarial.Pensions;

/// <summary>
/// A rule that sets a year's rate after the published years, from that year's nominal growth of the average wage and
/// of consumer prices: used for pension indexation (<see cref="Indexation"/>) and for the individual-account crediting
/// rate (<see cref="AccountCreditingRates"/>). Three rules: <see cref="ShareOfWageGrowth"/>,
/// <see cref="ShareOfPriceGrowth"/> and <see cref="FixedRate"/>.
/// </summary>
public interface IFutureRateRule
{
    /// <summary>The year's rate, given that year's nominal wage growth and price growth (both as decimals, 0.05 = 5%).</summary>
    double Rate(double wageGrowth, double priceGrowth);
}

/// <summary>The rate is a share of nominal average-wage growth: <c>Share × wageGrowth</c> (negative when wages fall).</summary>
internal sealed record ShareOfWageGrowth : IFutureRateRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="share">Share of wage growth, in [0, 1].</param>
    /// <exception cref="Actuarial.InputDataException">The share is outside [0, 1].</exception>
    public ShareOfWageGrowth(double share) { Share = share; }

    /// <summary>Share of wage growth, in [0, 1].</summary>
    public double Share { get; init => field = RuleChecks.Rate(value, nameof(ShareOfWageGrowth), nameof(Share)); }

    /// <inheritdoc />
    public double Rate(double wageGrowth, double priceGrowth) => Share * wageGrowth;
}

/// <summary>The rate is a share of consumer-price growth: <c>Share × priceGrowth</c> (negative when prices fall).</summary>
internal sealed record ShareOfPriceGrowth : IFutureRateRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="share">Share of price growth, in [0, 1].</param>
    /// <exception cref="Actuarial.InputDataException">The share is outside [0, 1].</exception>
    public ShareOfPriceGrowth(double share) { Share = share; }

    /// <summary>Share of price growth, in [0, 1].</summary>
    public double Share { get; init => field = RuleChecks.Rate(value, nameof(ShareOfPriceGrowth), nameof(Share)); }

    /// <inheritdoc />
    public double Rate(double wageGrowth, double priceGrowth) => Share * priceGrowth;
}

/// <summary>A fixed rate every year.</summary>
public sealed record FixedRate : IFutureRateRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The rate, in [0, 0.2].</param>
    /// <exception cref="Actuarial.InputDataException">The rate is outside [0, 0.2].</exception>
    public FixedRate(double value) { Value = value; }

    /// <summary>The rate, in [0, 0.2].</summary>
    public double Value { get; init => field = RuleChecks.InRange(value, 0, 0.2, nameof(FixedRate), nameof(Value)); }

    /// <inheritdoc />
    public double Rate(double wageGrowth, double priceGrowth) => Value;
}

/// <summary>
/// Prices plus a share of real wage growth: <c>(1 + π)(1 + Share × r) − 1</c> with r = (1 + wageGrowth)/(1 + π) − 1 the
/// real wage growth. Share 0 is price indexation, share 1 wage indexation, anything between a mix (the Swiss-style
/// mixed index). Unlike <see cref="ShareOfWageGrowth"/> of nominal growth, the real rate it gives does not depend on
/// inflation, so a scenario that changes inflation alone changes no real pension (no money illusion). The China
/// defaults estimate the share from the published increases and crediting rates
/// (<c>ChinaEconomy.EstimateShareOfRealWageGrowth</c> in Actuarial.China).
/// </summary>
internal sealed record PricesPlusShareOfRealWageGrowth : IFutureRateRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="share">Share of real wage growth, in [0, 1].</param>
    /// <exception cref="Actuarial.InputDataException">The share is outside [0, 1].</exception>
    public PricesPlusShareOfRealWageGrowth(double share) { Share = share; }

    /// <summary>Share of real wage growth, in [0, 1].</summary>
    public double Share { get; init => field = RuleChecks.Rate(value, nameof(PricesPlusShareOfRealWageGrowth), nameof(Share)); }

    /// <inheritdoc />
    public double Rate(double wageGrowth, double priceGrowth) => (1 + priceGrowth) * (1 + Share * ((1 + wageGrowth) / (1 + priceGrowth) - 1)) - 1;
}
