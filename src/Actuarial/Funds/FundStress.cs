using System.Collections.Frozen;
using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Funds;

/// <summary>
/// Time-limited shocks and responses that act on the fund ledgers (issue 19, part 2), and the leaks the supervision
/// system fights (part 3a). Every table is by calendar year and holds only the years it acts in; a year not listed is
/// untouched, and a value of 0 leaves the ledgers bit for bit as without it (each adjustment is a multiplication by
/// 1 − 0 or an addition of 0).
/// <list type="bullet">
/// <item>Deferral: a share of the year's contributions is not paid that year and is repaid in equal instalments over
/// <see cref="DeferralRepaymentYears"/> years from the next, the outstanding amount growing at
/// <see cref="DeferralInterestShare"/> × the fund's blended return (1: the fund is made whole; 0: the fund loses the interest).</item>
/// <item>Fall in fund returns: the blended return of the funds (and the strategic reserve's) is lower by the amount, per year.</item>
/// <item>Deferred indexation (a response): the year's general pension increase takes effect that many months late, with no
/// back pay: the year's pension spending falls by months/12 × increase/(1 + increase) (every pension in payment treated as
/// indexed); the level of pensions from the next year is unchanged.</item>
/// <item>Extra central transfers (a response): the central budget pays each province the shortfall below a floor of months
/// of its pensions (after pooling transfers and reserve draws), counted as top-up subsidies.</item>
/// <item>Bridge borrowing (a response): in the years listed each province borrows the shortfall below a floor of months of its
/// pensions (after central transfers); the debt bears the fund's blended return and is repaid in equal instalments over
/// <see cref="BridgeRepaymentYears"/> years after the last borrowing year.</item>
/// <item>Supervision: an under-declared contribution base (share of contributions lost), unregistered workers (share of
/// contributions lost), and improper payments (pensions paid after death, fraud: share of spending paid in excess), of
/// which a share is recovered within the year. The rights of under-declared and unregistered workers are not reduced
/// (the ledgers see only the cash), so these levers overstate the long-run cost of evasion.</item>
/// </list>
/// </summary>
internal sealed record FundStress
{
    // Before None: static fields initialise in text order.
    private static readonly FrozenDictionary<int, double> Empty = FrozenDictionary<int, double>.Empty;

    /// <summary>No shock and no response.</summary>
    public static FundStress None { get; } = new();

    /// <summary>Share of the year's contributions deferred, by year, each in [0, 1].</summary>
    public IReadOnlyDictionary<int, double> ContributionDeferral { get; init => field = Shares(value, nameof(ContributionDeferral)); } = Empty;

    /// <summary>Years over which deferred contributions are repaid, from the year after the deferral (≥ 1).</summary>
    public int DeferralRepaymentYears { get; init => field = value >= 1 ? value : throw Bad(nameof(DeferralRepaymentYears), value, "a whole number of years ≥ 1"); } = 1;

    /// <summary>Share of the fund's blended return charged on deferred contributions until repaid, in [0, 1].</summary>
    public double DeferralInterestShare { get; init => field = value is >= 0 and <= 1 ? value : throw Bad(nameof(DeferralInterestShare), value, "a share in [0, 1]"); } = 1;

    /// <summary>Fall of the funds' and the reserve's return, per year, by year (0.05 = five points lower).</summary>
    public IReadOnlyDictionary<int, double> ReturnFall { get; init => field = InRange(value, nameof(ReturnFall), 0, 1); } = Empty;

    /// <summary>Months by which the year's general pension increase is deferred (no back pay), by year, each in [0, 12].</summary>
    public IReadOnlyDictionary<int, double> DeferredIndexationMonths { get; init => field = InRange(value, nameof(DeferredIndexationMonths), 0, 12); } = Empty;

    /// <summary>The general pension increase of each year of <see cref="DeferredIndexationMonths"/> (set by the projection from the scheme's rule).</summary>
    public IReadOnlyDictionary<int, double> IndexationIncreases { get; init => field = (value ?? throw new ArgumentNullException(nameof(value))).ToFrozenDictionary(); } = Empty;

    /// <summary>Floor of months of pensions the central budget keeps each province at, by year, each in [0, 120].</summary>
    public IReadOnlyDictionary<int, double> CentralTransferFloorMonths { get; init => field = InRange(value, nameof(CentralTransferFloorMonths), 0, 120); } = Empty;

    /// <summary>Floor of months of pensions each province borrows up to, by year, each in [0, 120].</summary>
    public IReadOnlyDictionary<int, double> BridgeFloorMonths { get; init => field = InRange(value, nameof(BridgeFloorMonths), 0, 120); } = Empty;

    /// <summary>Years over which bridge loans are repaid after the last borrowing year (≥ 1).</summary>
    public int BridgeRepaymentYears { get; init => field = value >= 1 ? value : throw Bad(nameof(BridgeRepaymentYears), value, "a whole number of years ≥ 1"); } = 1;

    /// <summary>Share of contributions lost to an under-declared contribution base, by year, each in [0, 1].</summary>
    public IReadOnlyDictionary<int, double> UnderDeclaredBase { get; init => field = Shares(value, nameof(UnderDeclaredBase)); } = Empty;

    /// <summary>Share of contributions lost to workers not registered, by year, each in [0, 1].</summary>
    public IReadOnlyDictionary<int, double> UnregisteredWorkers { get; init => field = Shares(value, nameof(UnregisteredWorkers)); } = Empty;

    /// <summary>Improper payments as a share of the pensions due, by year, each in [0, 1].</summary>
    public IReadOnlyDictionary<int, double> ImproperPayments { get; init => field = Shares(value, nameof(ImproperPayments)); } = Empty;

    /// <summary>Share of improper payments recovered within the year, in [0, 1].</summary>
    public double ImproperPaymentRecovery { get; init => field = value is >= 0 and <= 1 ? value : throw Bad(nameof(ImproperPaymentRecovery), value, "a share in [0, 1]"); }

    /// <summary>True when no table holds a year (the ledgers run as without stress).</summary>
    public bool IsEmpty => ContributionDeferral.Count == 0 && ReturnFall.Count == 0 && DeferredIndexationMonths.Count == 0
        && CentralTransferFloorMonths.Count == 0 && BridgeFloorMonths.Count == 0 && UnderDeclaredBase.Count == 0
        && UnregisteredWorkers.Count == 0 && ImproperPayments.Count == 0;

    internal static double At(IReadOnlyDictionary<int, double> table, int year) => table.TryGetValue(year, out double v) ? v : 0;

    private static FrozenDictionary<int, double> Shares(IReadOnlyDictionary<int, double> value, string field) => InRange(value, field, 0, 1);

    private static FrozenDictionary<int, double> InRange(IReadOnlyDictionary<int, double> value, string field, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        foreach (var (year, v) in value)
        {
            if (!double.IsFinite(v) || v < min || v > max)
            {
                throw new InputDataException("fund stress", null, $"{field}[{year}]", v.ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"a number in [{min}, {max}]"));
            }
        }
        return value.ToFrozenDictionary();
    }

    private static InputDataException Bad(string field, double value, string valid) =>
        new("fund stress", null, field, value.ToString("R", CultureInfo.InvariantCulture), valid);
}
