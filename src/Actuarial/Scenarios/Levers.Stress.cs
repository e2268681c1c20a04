using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Labour;

namespace Actuarial.Scenarios;

// Stress tests (issue 19, part 2): time-limited shocks and the responses to them, and the supervision levers (part 3a).
// A shock's path sets its years and sizes: {"2026": 0.3} is a one-year shock of size 0.3 in 2026, {"2026-2027": 0.3}
// two years; unlike the other path levers the last value does not hold to the horizon. A shock of size 0 gives the base
// run bit for bit (every shock multiplies by 1 + 0 or adds 0). The contribution waiver is the existing
// scheme.contributions.relief (share of employer contributions waived, for the years of its path only); the reserve
// draws are the funds.reserve levers.
public static partial class Levers
{
    private const string ShockYears = "for the years of the path only (a shock: the last value does not hold)";

    /// <summary>Share of contributions deferred. <c>stress.contribution_deferral.share</c>.</summary>
    public static Lever ContributionDeferral => StressLevers.ContributionDeferral;

    /// <summary>Years over which deferred contributions are repaid. <c>stress.contribution_deferral.repayment_years</c>.</summary>
    public static Lever DeferralRepaymentYears => StressLevers.DeferralRepaymentYears;

    /// <summary>Share of the fund return charged on deferred contributions. <c>stress.contribution_deferral.interest_share</c>.</summary>
    public static Lever DeferralInterestShare => StressLevers.DeferralInterestShare;

    /// <summary>An unemployment spike. <c>stress.unemployment_spike.size</c>.</summary>
    public static Lever UnemploymentSpike => StressLevers.UnemploymentSpike;

    /// <summary>A wage freeze. <c>stress.wage_freeze.share</c>.</summary>
    public static Lever WageFreeze => StressLevers.WageFreeze;

    /// <summary>A fall in fund returns. <c>stress.return_fall.size</c>.</summary>
    public static Lever ReturnFall => StressLevers.ReturnFall;

    /// <summary>Excess mortality. <c>stress.excess_mortality.size</c>.</summary>
    public static Lever ExcessMortalitySize => StressLevers.ExcessMortalitySize;

    /// <summary>Youngest age of excess mortality. <c>stress.excess_mortality.from_age</c>.</summary>
    public static Lever ExcessMortalityFromAge => StressLevers.ExcessMortalityFromAge;

    /// <summary>Oldest age of excess mortality. <c>stress.excess_mortality.to_age</c>.</summary>
    public static Lever ExcessMortalityToAge => StressLevers.ExcessMortalityToAge;

    /// <summary>A fall in births. <c>stress.birth_fall.size</c>.</summary>
    public static Lever BirthFall => StressLevers.BirthFall;

    /// <summary>Extra central transfers. <c>stress.central_transfers.floor_months</c>.</summary>
    public static Lever CentralTransferFloor => StressLevers.CentralTransferFloor;

    /// <summary>Bridge borrowing. <c>stress.bridge_borrowing.floor_months</c>.</summary>
    public static Lever BridgeFloor => StressLevers.BridgeFloor;

    /// <summary>Years over which bridge loans are repaid. <c>stress.bridge_borrowing.repayment_years</c>.</summary>
    public static Lever BridgeRepaymentYears => StressLevers.BridgeRepaymentYears;

    /// <summary>Deferred indexation. <c>stress.deferred_indexation.months</c>.</summary>
    public static Lever DeferredIndexation => StressLevers.DeferredIndexation;

    /// <summary>Contributions lost to an under-declared base. <c>supervision.under_declared_base</c>.</summary>
    public static Lever UnderDeclaredBase => StressLevers.UnderDeclaredBase;

    /// <summary>Contributions lost to unregistered workers. <c>supervision.unregistered_workers</c>.</summary>
    public static Lever UnregisteredWorkers => StressLevers.UnregisteredWorkers;

    /// <summary>Improper payments. <c>supervision.improper_payments</c>.</summary>
    public static Lever ImproperPayments => StressLevers.ImproperPayments;

    /// <summary>Share of improper payments recovered. <c>supervision.improper_payment_recovery</c>.</summary>
    public static Lever ImproperPaymentRecovery => StressLevers.ImproperPaymentRecovery;

    // In a nested class: static fields of a partial class initialise in an order undefined across its files, and the
    // catalogue (Levers.All, in Levers.cs) reads these specs.
    private static class StressLevers
    {
        internal static readonly Lever ContributionDeferral = new(
            new LeverSpec("stress.contribution_deferral.share", LeverKind.Path, "share of contributions", 0, 1, "0",
                        $"Share of each fund's contributions deferred (缓缴), {ShockYears}; repaid over `repayment_years` from the next year."),
            (s, p) => WithStress(s, f => f with { ContributionDeferral = YearsOnly(p) }));

        internal static readonly Lever DeferralRepaymentYears = new(
            new LeverSpec("stress.contribution_deferral.repayment_years", LeverKind.Integer, "years", 1, 30, "1 (an assumption: repaid the next year)",
                        "Deferred contributions are repaid in equal instalments over this many years from the year after the deferral.", UsedWhen: "share is set"),
            (s, p) => WithStress(s, f => f with { DeferralRepaymentYears = (int)p.Values[0] }),
            s => s.Funds.Stress is { ContributionDeferral.Count: > 0 });

        internal static readonly Lever DeferralInterestShare = new(
            new LeverSpec("stress.contribution_deferral.interest_share", LeverKind.Number, "share of the fund return", 0, 1, "1 (an assumption: the fund is made whole)",
                        "Share of the funds' blended return that deferred contributions bear until repaid (0: repaid without interest, the fund loses the interest).", UsedWhen: "share is set"),
            (s, p) => WithStress(s, f => f with { DeferralInterestShare = p.Values[0] }),
            s => s.Funds.Stress is { ContributionDeferral.Count: > 0 });

        internal static readonly Lever UnemploymentSpike = new(
            new LeverSpec("stress.unemployment_spike.size", LeverKind.Path, "ratio", 0, 5, "0",
                        $"Unemployment rates × (1 + size), every sex, education and age (the labour model has no unemployment by age or sector), {ShockYears}."),
            (s, p) => s with
            {
                Labour = s.Labour.WithLever(LabourLever.UnemploymentScale, Points(s.Labour.Lever(LabourLever.UnemploymentScale)
                    .Map((year, v) => InYears(p, year) ? v * (1 + p.At(year)) : v))),
            });

        internal static readonly Lever WageFreeze = new(
            new LeverSpec("stress.wage_freeze.share", LeverKind.Path, "share of nominal wage growth", 0, 1, "0",
                        $"Share of the year's nominal wage growth forgone (1: nominal wages flat), at the prices of the scenario when it is applied, from 2026 (2025 keeps its published growth), {ShockYears}; wages do not catch up afterwards."),
            (s, p) => Relink(s, e => e with
            {
                RealWageGrowth = e.RealWageGrowth.Map((year, r) =>
                    InYears(p, year) ? r - p.At(year) * ((1 + r) * (1 + e.PriceGrowth[year]) - 1) / (1 + e.PriceGrowth[year]) : r),
            }));

        internal static readonly Lever ReturnFall = new(
            new LeverSpec("stress.return_fall.size", LeverKind.Path, "per year", 0, 0.5, "0",
                        $"Fall in the return of every fund (and of the strategic reserve), per year (0.05 = five points lower), {ShockYears}."),
            (s, p) => WithStress(s, f => f with { ReturnFall = YearsOnly(p) }));

        internal static readonly Lever ExcessMortalitySize = new(
            new LeverSpec("stress.excess_mortality.size", LeverKind.Path, "ratio", 0, 1, "0",
                        $"Death rates × (1 + size) at ages `from_age`…`to_age`, both sexes, {ShockYears} (1: doubled; more would take the oldest ages' rates past what a life table allows)."),
            (s, p) => WithExcessMortality(s, e => (YearsOnly(p), e?.FromAge ?? 0, e?.ToAge ?? Dimensions.Ages.OpenInterval)));

        internal static readonly Lever ExcessMortalityFromAge = new(
            new LeverSpec("stress.excess_mortality.from_age", LeverKind.Integer, "years of age", 0, Dimensions.Ages.OpenInterval, "0",
                        "Youngest age whose death rates the excess raises.", UsedWhen: "size is set"),
            (s, p) => WithExcessMortality(s, e => (e!.SizeByYear, (int)p.Values[0], e.ToAge)),
            s => s.Demography.Mortality is ExcessMortality);

        internal static readonly Lever ExcessMortalityToAge = new(
            new LeverSpec("stress.excess_mortality.to_age", LeverKind.Integer, "years of age", 0, Dimensions.Ages.OpenInterval, "100 (100+)",
                        "Oldest age whose death rates the excess raises (100 = 100+); not below `from_age`.", UsedWhen: "size is set"),
            (s, p) => WithExcessMortality(s, e => (e!.SizeByYear, e.FromAge, (int)p.Values[0])),
            s => s.Demography.Mortality is ExcessMortality);

        internal static readonly Lever BirthFall = new(
            new LeverSpec("stress.birth_fall.size", LeverKind.Path, "share of the TFR", 0, 0.9, "0",
                        $"Total fertility rate × (1 − size), {ShockYears}."),
            (s, p) => s with
            {
                Demography = s.Demography with
                {
                    Fertility = s.Demography.Fertility with
                    {
                        TotalFertilityRate = s.Demography.Fertility.TotalFertilityRate.Map((year, v) => InYears(p, year) ? v - p.At(year) * v : v),
                    },
                },
            });

        internal static readonly Lever CentralTransferFloor = new(
            new LeverSpec("stress.central_transfers.floor_months", LeverKind.Path, "months of pensions", 0, 120, "none",
                        $"A response: the central budget pays each province the shortfall below this many months of its pensions (after pooling and reserve draws; counted as top-up subsidies), {ShockYears}."),
            (s, p) => WithStress(s, f => f with { CentralTransferFloorMonths = YearsOnly(p) }));

        internal static readonly Lever BridgeFloor = new(
            new LeverSpec("stress.bridge_borrowing.floor_months", LeverKind.Path, "months of pensions", 0, 120, "none",
                        $"A response: each province borrows the shortfall below this many months of its pensions (after central transfers), {ShockYears}; the loans bear the funds' blended return."),
            (s, p) => WithStress(s, f => f with { BridgeFloorMonths = YearsOnly(p) }));

        internal static readonly Lever BridgeRepaymentYears = new(
            new LeverSpec("stress.bridge_borrowing.repayment_years", LeverKind.Integer, "years", 1, 30, "1 (an assumption)",
                        "Bridge loans are repaid in equal instalments of what is owed over this many years after the last borrowing year.", UsedWhen: "floor_months is set"),
            (s, p) => WithStress(s, f => f with { BridgeRepaymentYears = (int)p.Values[0] }),
            s => s.Funds.Stress is { BridgeFloorMonths.Count: > 0 });

        internal static readonly Lever DeferredIndexation = new(
            new LeverSpec("stress.deferred_indexation.months", LeverKind.Path, "months", 0, 12, "0",
                        $"A response: the year's general pension increase takes effect this many months late, without back pay (the year's spending falls by months/12 × increase/(1 + increase)), {ShockYears}."),
            (s, p) => WithStress(s, f => f with { DeferredIndexationMonths = YearsOnly(p) }));

        internal static readonly Lever UnderDeclaredBase = new(
            new LeverSpec("supervision.under_declared_base", LeverKind.Path, "share of contributions", 0, 1, "0 (no published national share; data/README.md)",
                        $"Share of contributions lost because employers declare a base below the wages paid; {HoldsToHorizon}. The ledgers lose the cash; the workers' rights are not reduced (an upper bound on the cost)."),
            (s, p) => WithStress(s, f => f with { UnderDeclaredBase = ToHorizon(s, p) }));

        internal static readonly Lever UnregisteredWorkers = new(
            new LeverSpec("supervision.unregistered_workers", LeverKind.Path, "share of contributions", 0, 1, "0 (no published national share; data/README.md)",
                        $"Share of contributions lost because workers who should be insured are not registered; {HoldsToHorizon}. As `under_declared_base`, cash only."),
            (s, p) => WithStress(s, f => f with { UnregisteredWorkers = ToHorizon(s, p) }));

        internal static readonly Lever ImproperPayments = new(
            new LeverSpec("supervision.improper_payments", LeverKind.Path, "share of pensions due", 0, 1, "0 (no published national share; data/README.md)",
                        $"Pensions paid improperly (after death, by fraud) as a share of the pensions due, paid on top of them; {HoldsToHorizon}."),
            (s, p) => WithStress(s, f => f with { ImproperPayments = ToHorizon(s, p) }));

        internal static readonly Lever ImproperPaymentRecovery = new(
            new LeverSpec("supervision.improper_payment_recovery", LeverKind.Number, "share", 0, 1, "0",
                        "Share of improper payments recovered within the year.", UsedWhen: "improper_payments is set"),
            (s, p) => WithStress(s, f => f with { ImproperPaymentRecovery = p.Values[0] }),
            s => s.Funds.Stress is { ImproperPayments.Count: > 0 });
    }

    private static IEnumerable<LeverSpec> StressSpecs() =>
    [
        ContributionDeferral.Spec, DeferralRepaymentYears.Spec, DeferralInterestShare.Spec,
        UnemploymentSpike.Spec, WageFreeze.Spec, ReturnFall.Spec,
        ExcessMortalitySize.Spec, ExcessMortalityFromAge.Spec, ExcessMortalityToAge.Spec, BirthFall.Spec,
        CentralTransferFloor.Spec, BridgeFloor.Spec, BridgeRepaymentYears.Spec, DeferredIndexation.Spec,
        UnderDeclaredBase.Spec, UnregisteredWorkers.Spec, ImproperPayments.Spec, ImproperPaymentRecovery.Spec,
    ];

    private static bool InYears(LeverPath p, int year) => year >= p.FirstYear && year <= p.LastYear;

    private static Dictionary<int, double> YearsOnly(LeverPath p) =>
        Enumerable.Range(p.FirstYear, p.Values.Count).ToDictionary(y => y, p.At);

    private static Dictionary<int, double> ToHorizon(PensionScenario s, LeverPath p) =>
        Enumerable.Range(p.FirstYear, Math.Max(0, s.EndYear - p.FirstYear + 1)).ToDictionary(y => y, p.At);

    private static PensionScenario WithStress(PensionScenario s, Func<FundStress, FundStress> change) =>
        s with { Funds = s.Funds with { Stress = change(s.Funds.Stress ?? FundStress.None) } };

    private static PensionScenario WithExcessMortality(PensionScenario s,
        Func<ExcessMortality?, (IReadOnlyDictionary<int, double> Size, int From, int To)> change)
    {
        var current = s.Demography.Mortality as ExcessMortality;
        var (size, from, to) = change(current);
        var inner = current?.Inner ?? s.Demography.Mortality;
        return s with { Demography = s.Demography with { Mortality = new ExcessMortality(inner, size, from, to) } };
    }
}
