using Actuarial.Demography;
using Actuarial.Scheme;

namespace Actuarial.Scenarios;

// Transfers of insurance rights between provinces (issue 19, part 1; RightsTransfers) and the scale of the interprovincial
// migration they follow. Setting transfers.pooled_share turns the transfers on with the 2009 rules for what is not set; a
// scenario without it runs as before, bit for bit.
public static partial class Levers
{
    /// <summary>Share of the contribution base per counted year paid from the pooled fund left. <c>transfers.pooled_share</c>.</summary>
    public static Lever TransferPooledShare => TransferLevers.PooledShare;

    /// <summary>Share of the individual account that follows the worker. <c>transfers.account_share</c>.</summary>
    public static Lever TransferAccountShare => TransferLevers.AccountShare;

    /// <summary>First year whose contributions count for the pooled share. <c>transfers.counted_from_year</c>.</summary>
    public static Lever TransferCountedFromYear => TransferLevers.CountedFromYear;

    /// <summary>Scale of the net interprovincial migration rates. <c>demography.interprovincial_migration.scale</c>.</summary>
    public static Lever InterprovincialMigrationScale => TransferLevers.MigrationScale;

    private const string Measures2009 = "《城镇企业职工基本养老保险关系转移接续暂行办法》 (国办发〔2009〕66号)";

    // In a nested class: static fields of a partial class initialise in an order undefined across its files.
    private static class TransferLevers
    {
        internal static readonly Lever PooledShare = new(
            new LeverSpec("transfers.pooled_share", LeverKind.Number, "share of the contribution base per counted year", 0, 0.2,
                $"none (transfers not modelled); 0.12 under {Measures2009}",
                "Turns on the transfer of insurance rights between provinces (docs/transfers.md): an insured worker who moves takes the account and this share of the contribution base for each counted year from the pooled fund left to the province joined. Movers are the demography's net interprovincial migrants among the record holders; the destinations are shared by net inflow (an assumption). At most 0.2, the typical employer rate to the pooled fund before 2016 (a pooled share above what the pooled fund was paid is not a rule)."),
            (s, p) => WithTransfers(s, r => r with { PooledShare = p.Values[0] }));

        internal static readonly Lever AccountShare = new(
            new LeverSpec("transfers.account_share", LeverKind.Number, "share of the account", 0, 1, $"1 (the whole account, {Measures2009})",
                "Share of a mover's individual-account balance transferred with the rights; setting it turns the transfers on (the other rules at their 2009 values)."),
            (s, p) => WithTransfers(s, r => r with { AccountShare = p.Values[0] }));

        internal static readonly Lever CountedFromYear = new(
            new LeverSpec("transfers.counted_from_year", LeverKind.Integer, "year", 1990, 2100, $"1998 ({Measures2009})",
                "First calendar year whose contributions count for the pooled share (a mover's most recent contributed years are counted); setting it turns the transfers on."),
            (s, p) => WithTransfers(s, r => r with { CountedFromYear = (int)p.Values[0] }));

        internal static readonly Lever MigrationScale = new(
            new LeverSpec("demography.interprovincial_migration.scale", LeverKind.Number, "ratio", 0, 4, "1 (the 2010–2020 census rates)",
                "Every net interprovincial migration rate × this ratio, every year (2: twice the 2010s' net moves to the receiving provinces, mostly the coast). The rates are one schedule for all years, so the ratio is one number."),
            (s, p) => s with
            {
                Demography = s.Demography with
                {
                    InterprovincialMigration = Scaled(NeedsMigration(s, "demography.interprovincial_migration.scale"), p.Values[0]),
                },
            });
    }

    private static IEnumerable<LeverSpec> TransferSpecs() =>
        [TransferPooledShare.Spec, TransferAccountShare.Spec, TransferCountedFromYear.Spec, InterprovincialMigrationScale.Spec];

    private static PensionScenario WithTransfers(PensionScenario s, Func<RightsTransferRules, RightsTransferRules> change)
    {
        NeedsMigration(s, "transfers");
        return s with { Scheme = s.Scheme with { RightsTransfers = change(s.Scheme.RightsTransfers ?? RightsTransferRules.Interim2009) } };
    }

    // Transfers follow the interprovincial migration of the demography: without it there is nothing to follow.
    private static InterprovincialMigrationRates NeedsMigration(PensionScenario s, string key) =>
        s.Demography.InterprovincialMigration ?? throw new ArgumentException(
            $"'{key}' needs interprovincial migration in the demography of scenario '{s.Name}' (it has none)", nameof(s));

    private static InterprovincialMigrationRates Scaled(InterprovincialMigrationRates rates, double factor)
    {
        if (factor == 1) return rates; // the base run bit for bit
        var scaled = rates.AsSpan().ToArray();
        for (int i = 0; i < scaled.Length; i++) scaled[i] *= factor;
        return new InterprovincialMigrationRates(scaled, rates.RegionCount, "demography.interprovincial_migration.scale");
    }
}
