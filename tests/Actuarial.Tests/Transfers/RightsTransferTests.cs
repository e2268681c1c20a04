using System.Runtime.InteropServices;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using Actuarial.Stochastic;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Transfers;

/// <summary>Issue 19, part 1: transfers of insurance rights between provinces (养老保险关系转移接续, 国办发〔2009〕66号).</summary>
[TestFixture]
public sealed class RightsTransferTests
{
    private const int Horizon = 2040;
    private const int A = Ages.Count;

    private static readonly Lazy<PensionScenario> Base = new(() => ScenarioFile.Parse($"{{\"name\": \"transfers-base\", \"horizon\": {Horizon}}}", "base.json").ToScenario());
    private static readonly Lazy<DemographicProjection> BaseDemography = new(() => DemographicProjector.Run(Base.Value.Demography));
    private static readonly Lazy<PensionProjection> BaseRun = new(() => PensionProjector.Run(Base.Value, BaseDemography.Value));
    private static readonly Lazy<PensionProjection> Rules2009 = new(() => PensionProjector.Run(Base.Value.With(Levers.TransferPooledShare, 0.12), BaseDemography.Value));

    /// <summary>One (region, sex, education) block of scheme state: every quantity by age, laid out as the engine's blocks.</summary>
    private sealed class Block
    {
        private readonly double[] _cells = new double[9 * SchemeBlocks.Stride];

        public double this[CellQuantity quantity, int age]
        {
            get => _cells[(int)quantity * SchemeBlocks.Stride + age];
            set => _cells[(int)quantity * SchemeBlocks.Stride + age] = value;
        }

        public GroupBlock View() => new(ref MemoryMarshal.GetArrayDataReference(_cells));
    }

    private static IReadOnlyList<Region> FirstProvinces(int n) => Regions.Provinces.Take(n).ToArray();

    [Test]
    public void A_mover_with_fifteen_years_since_1998_takes_twelve_percent_of_fifteen_years_of_base_and_the_whole_account()
    {
        // Two provinces; men aged 40: the first loses 10% a year, the second gains. 1,000 record holders with 15 contributed
        // years (no deemed years), Σ index 12 (an average index of 0.8), an account of 50,000 yuan; the average wage of the
        // first province is 100,000 yuan in 2030.
        var rates = new double[2 * InterprovincialMigrationRates.CellsPerRegion];
        rates[InterprovincialMigrationRates.Index(0, Sex.Male, 40)] = -0.10;
        rates[InterprovincialMigrationRates.Index(1, Sex.Male, 40)] = 0.05;
        var population = new double[2 * PopulationShape.CellsPerRegion];
        population[PopulationShape.CellsPerRegion + 40] = 20_000; // men of the first education level aged 40 in the second province
        var transfers = new RightsTransfers(RightsTransferRules.Interim2009, new InterprovincialMigrationRates(rates, 2), FirstProvinces(2), 2030, 1);
        var block = new Block();
        block[CellQuantity.Records, 40] = 1_000;
        block[CellQuantity.Years, 40] = 15;
        block[CellQuantity.IndexYears, 40] = 12;
        block[CellQuantity.Account, 40] = 50_000;

        transfers.BeginYear(population);
        transfers.Send(0, 2030, 0, (int)Sex.Male, block.View(), 100_000);
        transfers.EndYear(0);

        // 100 movers × 12% × 15 years × 0.8 × 100,000 yuan = 14.4 million; accounts 100 × 50,000 = 5 million.
        Assert.That(transfers.WorkersOut[0], Is.EqualTo(100).Within(1e-9));
        Assert.That(transfers.PooledOut[0], Is.EqualTo(14_400_000).Within(1e-6));
        Assert.That(transfers.AccountOut[0], Is.EqualTo(5_000_000).Within(1e-6));
        Assert.That(transfers.WorkersIn[1], Is.EqualTo(100).Within(1e-9));
        Assert.That(transfers.NetReceived(2030, 1), Is.EqualTo(19_400_000).Within(1e-6));
        Assert.That(transfers.NetReceived(2030, 0), Is.EqualTo(-19_400_000).Within(1e-6));
    }

    [Test]
    public void Only_the_years_from_the_counted_year_count_for_the_pooled_share()
    {
        // As above with contributions counted from 2020: 11 years (2020–2030) of the 15, so 100 × 12% × 11 × 0.8 × 100,000.
        var rates = new double[2 * InterprovincialMigrationRates.CellsPerRegion];
        rates[InterprovincialMigrationRates.Index(0, Sex.Male, 40)] = -0.10;
        rates[InterprovincialMigrationRates.Index(1, Sex.Male, 40)] = 0.05;
        var population = new double[2 * PopulationShape.CellsPerRegion];
        population[PopulationShape.CellsPerRegion + 40] = 20_000;
        var rules = RightsTransferRules.Interim2009 with { CountedFromYear = 2020, AccountShare = 0 };
        var transfers = new RightsTransfers(rules, new InterprovincialMigrationRates(rates, 2), FirstProvinces(2), 2030, 1);
        var block = new Block();
        block[CellQuantity.Records, 40] = 1_000;
        block[CellQuantity.Years, 40] = 15;
        block[CellQuantity.IndexYears, 40] = 12;
        block[CellQuantity.Account, 40] = 50_000;

        transfers.BeginYear(population);
        transfers.Send(0, 2030, 0, (int)Sex.Male, block.View(), 100_000);
        transfers.EndYear(0);

        Assert.That(transfers.PooledOut[0], Is.EqualTo(10_560_000).Within(1e-6));
        Assert.That(transfers.AccountOut[0], Is.Zero);
    }

    [FsProperty(MaxTest = 100)]
    public void Workers_and_money_sent_equal_workers_and_money_received_for_any_rates_and_state(int seed)
    {
        var random = new Random(seed);
        int regions = 2 + random.Next(6);
        var rates = new double[regions * InterprovincialMigrationRates.CellsPerRegion];
        for (int i = 0; i < rates.Length; i++) rates[i] = random.NextDouble() * 0.4 - 0.2;
        var population = new double[regions * PopulationShape.CellsPerRegion];
        for (int i = 0; i < population.Length; i++) population[i] = random.NextDouble() * 10_000;
        var rules = new RightsTransferRules { PooledShare = random.NextDouble() * 0.2, AccountShare = random.NextDouble(), CountedFromYear = 1990 + random.Next(50) };
        var transfers = new RightsTransfers(rules, new InterprovincialMigrationRates(rates, regions), FirstProvinces(regions), 2030, 1);
        transfers.BeginYear(population);
        var block = new Block();
        for (int r = 0; r < regions; r++)
        {
            for (int g = 0; g < Sexes.Count * EducationLevels.Count; g++)
            {
                for (int a = 0; a < A; a++)
                {
                    double years = random.NextDouble() * 40, deemed = random.NextDouble() * years;
                    block[CellQuantity.Records, a] = random.NextDouble() * 5_000;
                    block[CellQuantity.Years, a] = years;
                    block[CellQuantity.Deemed, a] = deemed;
                    block[CellQuantity.IndexYears, a] = (years - deemed) * (0.6 + 2.4 * random.NextDouble());
                    block[CellQuantity.Account, a] = random.NextDouble() * 200_000;
                }
                transfers.Send(0, 2030, r, g / EducationLevels.Count, block.View(), 50_000 + 100_000 * random.NextDouble());
            }
        }
        transfers.EndYear(0);

        double Sum(double[] table) => table.Sum();
        Assert.That(Sum(transfers.WorkersIn), Is.EqualTo(Sum(transfers.WorkersOut)).Within(1e-12 * Sum(transfers.WorkersOut)), "people moved are conserved");
        Assert.That(Sum(transfers.PooledIn), Is.EqualTo(Sum(transfers.PooledOut)).Within(1e-12 * Sum(transfers.PooledOut) + 1e-9));
        Assert.That(Sum(transfers.AccountIn), Is.EqualTo(Sum(transfers.AccountOut)).Within(1e-12 * Sum(transfers.AccountOut) + 1e-9));
        Assert.That(Enumerable.Range(0, regions).Sum(r => transfers.NetReceived(2030, r)), Is.EqualTo(0).Within(1e-12 * (Sum(transfers.PooledOut) + Sum(transfers.AccountOut)) + 1e-9));
    }

    [Test]
    public void Transfers_under_the_2009_rules_sum_to_zero_nationally_every_year_of_a_projection()
    {
        var rows = Rules2009.Value.RightsTransferTable();
        Assert.That(rows, Is.Not.Empty);
        foreach (var national in rows.Where(r => r.RegionCode == 0))
        {
            double gross = national.PooledOut + national.AccountOut;
            Assert.That(national.NetReceived, Is.EqualTo(0).Within(1e-12 * gross + 0.01), $"{national.Year}");
            Assert.That(national.WorkersIn, Is.EqualTo(national.WorkersOut).Within(1e-12 * national.WorkersOut), $"{national.Year}: people moved are conserved");
            Assert.That(national.ClosingBalanceWithTransfers, Is.EqualTo(national.ClosingBalanceWithoutTransfers).Within(1e-9 * Math.Abs(national.ClosingBalanceWithoutTransfers) + 1),
                $"{national.Year}: transfers move money between provinces, not into or out of the nation");
        }
        var year2030 = rows.Where(r => r.Year == 2030 && r.RegionCode != 0).ToArray();
        Assert.That(year2030.Where(r => r.NetReceived > 0).Select(r => r.Region), Does.Contain("Guangdong").And.Contain("Zhejiang"), "the coast receives");
    }

    [Test]
    public void With_both_shares_at_zero_the_run_is_the_base_run_bit_for_bit()
    {
        var zero = PensionProjector.Run(Base.Value.With(Levers.TransferPooledShare, 0.0).With(Levers.TransferAccountShare, 0.0), BaseDemography.Value);
        Assert.That(zero.Scheme.RightsTransfers, Is.Not.Null);
        Assert.That(zero.Funds.YearTable(), Is.EqualTo(BaseRun.Value.Funds.YearTable()), "fund ledgers, every province and year");
        Assert.That(zero.Scheme.Summary(), Is.EqualTo(BaseRun.Value.Scheme.Summary()), "scheme");
        Assert.That(zero.RightsTransferTable().Where(r => r.RegionCode != 0).Sum(r => r.WorkersOut), Is.GreaterThan(0), "people still move; no money follows them");
    }

    [Test]
    public void A_scenario_without_transfers_records_none_and_the_scheme_is_unchanged_by_them()
    {
        Assert.That(BaseRun.Value.Scheme.RightsTransfers, Is.Null);
        Assert.That(BaseRun.Value.RightsTransferTable(), Is.Empty);
        Assert.That(Rules2009.Value.Scheme.Summary(), Is.EqualTo(BaseRun.Value.Scheme.Summary()), "transfers move money between funds, not anyone's rights");
        Assert.That(Rules2009.Value.FundsWithoutTransfers!.YearTable(), Is.EqualTo(BaseRun.Value.Funds.YearTable()), "the funds without transfers are the base run's");
    }

    [Test]
    public void A_larger_pooled_share_moves_more_money_from_the_provinces_people_leave()
    {
        var larger = PensionProjector.Run(Base.Value.With(Levers.TransferPooledShare, 0.16), BaseDemography.Value);
        var at12 = Rules2009.Value.RightsTransferTable().Single(r => r.Year == 2030 && r.Region == "Heilongjiang");
        var at16 = larger.RightsTransferTable().Single(r => r.Year == 2030 && r.Region == "Heilongjiang");
        Assert.That(at16.PooledOut, Is.EqualTo(at12.PooledOut * 16 / 12).Within(1e-9 * at12.PooledOut), "the pooled share is proportional to the rate");
        Assert.That(at16.AccountOut, Is.EqualTo(at12.AccountOut));
    }

    [Test]
    public void A_transfer_lever_on_a_demography_without_interprovincial_migration_is_refused()
    {
        var closed = Base.Value with { Demography = Base.Value.Demography with { InterprovincialMigration = null } };
        var error = Assert.Throws<ArgumentException>(() => closed.With(Levers.TransferPooledShare, 0.12))!;
        Assert.That(error.Message, Does.Contain("interprovincial migration"));
        Assert.Throws<ArgumentException>(() => closed.With(Levers.InterprovincialMigrationScale, 2.0));
    }

    [Test]
    public void A_monte_carlo_of_a_scenario_with_transfers_is_refused_rather_than_run_without_them()
    {
        var settings = new PensionMonteCarloSettings
        {
            Scenario = Base.Value.With(Levers.TransferPooledShare, 0.12),
            Shocks = PensionMonteCarlo.ZeroVarianceShocks(2025, Horizon),
        };
        var error = Assert.Throws<InputDataException>(() => new PensionPathEvaluator(settings))!;
        Assert.That(error.Message, Does.Contain("RightsTransfers"));
    }

    [Test]
    public void The_yearly_step_with_transfers_allocates_nothing()
    {
        var assumptions = Actuarial.Tests.Scheme.SchemeTestData.China(endYear: 2032) with { RightsTransfers = RightsTransferRules.Interim2009 };
        Assume.That(assumptions.Demography.Assumptions.InterprovincialMigration, Is.Not.Null);
        var (allocated, engine) = Actuarial.Tests.Scheme.SchemeTestData.AllocatedByYearlySteps(assumptions, lastYear: 2030);
        Assert.That(allocated, Is.Zero);
        Assert.That(engine.Transfers!.WorkersOut.Sum(), Is.GreaterThan(0));
    }
}
