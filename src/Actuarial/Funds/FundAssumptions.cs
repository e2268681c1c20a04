using Actuarial.Demography;

namespace Actuarial.Funds;

/// <summary>
/// A fund scenario: opening balances, investment returns, the subsidy rule, the pooling schedule and the strategic
/// reserve. Paired with <see cref="FundFlows"/> by <see cref="FundProjector.Run"/>.
/// <para>Ledger of province i in year t (flows at the year's end, return on the opening balance):
/// <c>B(t+1) = B(t)·(1 + ρ_t) + C + S + T_in + D − P − T_out</c>, with ρ_t = w·ρ_NSSF,t + (1 − w)·ρ_other,t
/// (w = <see cref="EntrustedShare"/>), C contributions, S subsidies (scheduled and top-up), T transfers, D draws on
/// the strategic reserve and P pensions. The return applies to the signed balance: a fund in debt pays the blended
/// rate on it.</para>
/// </summary>
public sealed record FundAssumptions
{
    /// <summary>Fund balances (累计结存) on 1 January of the flows' first year, yuan, by GB/T 2260 province code. Every
    /// province of the flows must have one (an <see cref="InputDataException"/> otherwise); negative balances are allowed.</summary>
    public required IReadOnlyDictionary<int, double> OpeningBalances { get; init; }

    /// <summary>Share w of each fund's balance entrusted to the NCSSF for investment (委托投资), in [0, 1]. End-2023 the
    /// entrusted assets were 22,315.52 亿 (reference §8.2 [S]) against a fund of 63,639 亿 (§5 [U]), i.e. w ≈ 0.35.</summary>
    public double EntrustedShare { get; init; }

    /// <summary>Annual return ρ_NSSF on the entrusted part; must cover the flows' years. Reference: 5.00% a year
    /// annualised Dec 2016–2023 (<c>ChinaFundFigures.EntrustedAnnualisedReturn</c> in Actuarial.China).</summary>
    public required AnnualPath EntrustedReturn { get; init; }

    /// <summary>Annual return ρ_other on the rest (bank deposits and government bonds held by the provinces); must cover the flows' years.</summary>
    public required AnnualPath OtherReturn { get; init; }

    /// <summary>The fiscal subsidy rule.</summary>
    public ISubsidyRule Subsidies { get; init; } = new NoSubsidy();

    /// <summary>Which pooling rule applies in which year.</summary>
    public required PoolingSchedule Pooling { get; init; }

    /// <summary>The strategic reserve (NSSF and transferred state capital), or null for none.</summary>
    public StrategicReserve? Reserve { get; init; }

    /// <summary>Time-limited shocks, responses and supervision leaks acting on the ledgers (<see cref="FundStress"/>), or null for none.</summary>
    internal FundStress? Stress { get; init; }

    /// <summary>The blended return ρ_t = w·ρ_NSSF,t + (1 − w)·ρ_other,t that the ledgers credit on the balances of
    /// <paramref name="year"/> (the formula <see cref="FundProjector"/> uses).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A return path does not cover the year.</exception>
    internal double BlendedReturn(int year) => EntrustedShare * EntrustedReturn[year] + (1 - EntrustedShare) * OtherReturn[year];
}

/// <summary>
/// The strategic reserve: the National Social Security Fund (全国社会保障基金, NCSSF-managed) with the transferred
/// state capital (划转国有资本, 10% of SOE equity; reference §8), kept as its own ledger:
/// <c>R(t+1) = R(t)·(1 + ρ_R,t) + A_t + δ·K − draws_t</c>, with A the fiscal allocations, K the transferred state
/// capital (held at book value; only its dividends at yield δ are cash for the reserve) and draws the amounts paid to
/// provincial funds under <see cref="Draws"/>. Draws never exceed what the reserve holds.
/// </summary>
public sealed record StrategicReserve
{
    /// <summary>Reserve assets on 1 January of the flows' first year, yuan (≥ 0). End-2024: <c>ChinaFundFigures.NssfAssets2024</c>.</summary>
    public required double OpeningBalance { get; init; }

    /// <summary>Annual return on the reserve; must cover the flows' years. Reference: 7.39% a year annualised since 2000 (<c>ChinaFundFigures.NssfAnnualisedReturnSince2000</c>).</summary>
    public required AnnualPath Return { get; init; }

    /// <summary>Fiscal allocations to the reserve per year, yuan; null for none (2023: 507.98 亿, reference §8.2 [S]).</summary>
    public AnnualPath? FiscalAllocations { get; init; }

    /// <summary>Transferred state capital held, yuan at book value (central level 1.68 万亿 at end-2020, <c>ChinaFundFigures.TransferredStateCapitalCentral2020</c>).</summary>
    public double StateCapital { get; init; }

    /// <summary>Cash dividend yield δ on the state capital, per year (a parameter: the reference gives none).</summary>
    public double DividendYield { get; init; }

    /// <summary>When and how much the reserve pays to provincial funds; null: it is never drawn on.</summary>
    public ReserveDraws? Draws { get; init; }
}

/// <summary>
/// Drawing on the strategic reserve: from <paramref name="FirstYear"/>, each province whose year-end balance (after
/// transfers, before top-up subsidies) would fall below <paramref name="FloorMonthsOfSpending"/> months of its
/// pensions receives the shortfall from the reserve; if the reserve cannot pay all shortfalls it pays them pro rata,
/// and the subsidy rule's top-up sees what is left.
/// </summary>
/// <param name="FirstYear">First calendar year draws are allowed.</param>
/// <param name="FloorMonthsOfSpending">The floor, months of the year's pensions (≥ 0).</param>
public sealed record ReserveDraws(int FirstYear, double FloorMonthsOfSpending = 0);
