using System.Globalization;
using Actuarial.Dimensions;

namespace Actuarial.Scheme;

/// <summary>
/// The rules of the transfer of insurance rights between provinces (养老保险关系转移接续) when an insured worker moves:
/// 《城镇企业职工基本养老保险关系转移接续暂行办法》 (国办发〔2009〕66号): the whole individual account follows the worker, and
/// the pooled fund of the province left pays 12% of the worker's contribution base for each year of contributions since
/// 1 January 1998 to the province joined. See <see cref="RightsTransfers"/> for the model.
/// </summary>
internal sealed record RightsTransferRules
{
    /// <summary>The 2009 interim measures (国办发〔2009〕66号).</summary>
    public static RightsTransferRules Interim2009 { get; } = new();

    /// <summary>Share of the contribution base per counted year of contributions paid from the pooled fund left, in [0, 1] (0.12 in 2009).</summary>
    public double PooledShare { get; init => field = Check(value, nameof(PooledShare), 0, 1); } = 0.12;

    /// <summary>Share of the individual account that follows the worker, in [0, 1] (1: the whole account, 2009).</summary>
    public double AccountShare { get; init => field = Check(value, nameof(AccountShare), 0, 1); } = 1;

    /// <summary>First calendar year whose contributions count for the pooled share (1998 in 2009), in [1990, 2100].</summary>
    public int CountedFromYear { get; init => field = (int)Check(value, nameof(CountedFromYear), 1990, 2100); } = 1998;

    private static double Check(double value, string field, double min, double max) =>
        double.IsFinite(value) && value >= min && value <= max ? value
            : throw new InputDataException("rights transfer rules", null, field, value.ToString("R", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"a number in [{min}, {max}]"));
}

/// <summary>
/// Transfers of insurance rights between provinces, by year and province, recorded from the scheme's own state as its
/// engine runs (<see cref="SchemeAssumptions.RightsTransfers"/>).
/// </summary>
/// <remarks>
/// <para><b>Who moves.</b> The demography's net interprovincial rates (<see cref="Demography.InterprovincialMigrationRates"/>)
/// by province, sex and age: at each (sex, age) the provinces with a negative rate send −rate × their record holders
/// (insured persons with a contribution record who have not retired, every education level) of the year's state at its
/// reference date, after the year's accrual and retirement. Retired people do not transfer (their pension stays with the
/// fund that pays it).</para>
/// <para><b>Where they go (an assumption).</b> The census rates are net, so the origin–destination matrix is not known: the
/// movers of a (sex, age) are shared among the provinces with a positive rate in proportion to their net inflow capacity
/// rate × population, the same matching the demography applies to people (<see cref="Demography.InterprovincialMigration"/>).
/// Workers and money sent then equal workers and money received at every (sex, age): transfers sum to zero nationally
/// by construction.</para>
/// <para><b>What follows a mover.</b> The averages of the origin cell (province, sex, education, age): the account balance
/// × <see cref="RightsTransferRules.AccountShare"/>, and <see cref="RightsTransferRules.PooledShare"/> × the contribution
/// base × the counted years, counted years = min(contributed years, year − <see cref="RightsTransferRules.CountedFromYear"/> + 1)
/// (deemed years before 1998 never count; the most recent years are taken as the contributed ones). The base of each
/// counted year is the cell's average index × the origin province's average wage of the transfer year (a simplification:
/// the engine keeps Σ index, not the wage of each past year, so earlier years' bases are valued at today's wage, an upper
/// bound of the pooled share).</para>
/// <para><b>What the model simplifies.</b> The engine already moves members with the population (its ageing ratio includes
/// migration) and gives movers the averages of the cell they join; transfers are the money that moves between the funds,
/// they do not change anyone's rights. Pensions are paid where the pensioner lives at retirement, i.e. the province the
/// rights were transferred to: the rule on the last place with ten years of contributions (and the temporary accounts of
/// men over 50 and women over 40 moving away from their household registration) is not modelled, since the engine does not
/// follow a person's history of provinces. Net migration only: a province's gross movers in both directions cancel, so
/// volumes are lower bounds of the gross transfers.</para>
/// </remarks>
internal sealed class RightsTransfers
{
    private const int A = Ages.Count;
    private const int SexAges = Sexes.Count * A;

    private readonly RightsTransferRules _rules;
    private readonly double[] _rates;     // [region][sex][age]
    private readonly double[] _capacity;  // the year's max(rate, 0) × population, [region][sex][age]
    private readonly double[] _capacitySum = new double[SexAges];
    private readonly double[] _sentWorkers = new double[SexAges];
    private readonly double[] _sentPooled = new double[SexAges];
    private readonly double[] _sentAccount = new double[SexAges];
    private readonly int _regions;

    internal RightsTransfers(RightsTransferRules rules, Demography.InterprovincialMigrationRates rates, IReadOnlyList<Region> regions, int firstYear, int yearCount)
    {
        _rules = rules;
        _rates = rates.AsSpan().ToArray();
        _regions = regions.Count;
        Regions = regions;
        FirstYear = firstYear;
        YearCount = yearCount;
        _capacity = new double[_regions * SexAges];
        int n = yearCount * _regions;
        WorkersOut = new double[n];
        WorkersIn = new double[n];
        PooledOut = new double[n];
        PooledIn = new double[n];
        AccountOut = new double[n];
        AccountIn = new double[n];
    }

    /// <summary>The rules the transfers follow.</summary>
    internal RightsTransferRules Rules => _rules;

    internal IReadOnlyList<Region> Regions { get; }
    internal int FirstYear { get; }
    internal int YearCount { get; }

    // [year index][region]
    internal double[] WorkersOut { get; }
    internal double[] WorkersIn { get; }
    internal double[] PooledOut { get; }
    internal double[] PooledIn { get; }
    internal double[] AccountOut { get; }
    internal double[] AccountIn { get; }

    /// <summary>Money a province receives less what it pays in a year, yuan (pooled share and accounts).</summary>
    internal double NetReceived(int year, int region)
    {
        int o = (year - FirstYear) * _regions + region;
        return PooledIn[o] + AccountIn[o] - PooledOut[o] - AccountOut[o];
    }

    /// <summary>
    /// A copy of <paramref name="flows"/> whose contributions carry the net money each province receives (pooled share and
    /// accounts in, less out): the ledgers book a transfer as revenue of the year, as the funds' accounts book 转移收入.
    /// </summary>
    /// <exception cref="InputDataException">A province would pay out more than its contributions of the year.</exception>
    internal Funds.FundFlows AppliedTo(Funds.FundFlows flows)
    {
        var moved = flows.From(flows.FirstYear);
        for (int year = Math.Max(flows.FirstYear, FirstYear); year <= Math.Min(flows.LastYear, FirstYear + YearCount - 1); year++)
        {
            var contributions = moved.Contributions(year);
            for (int r = 0; r < _regions; r++)
            {
                double net = NetReceived(year, r);
                if (net == 0) continue; // keeps a run without transfers bit for bit
                contributions[r] += net;
                if (!(contributions[r] >= 0))
                {
                    throw new InputDataException("rights transfers", null, string.Create(CultureInfo.InvariantCulture, $"net transfer of {Regions[r].EnglishName} in {year}"),
                        net.ToString("R", CultureInfo.InvariantCulture), "at most the province's contributions of the year");
                }
            }
        }
        return moved;
    }

    /// <summary>Forgets every recorded year (the engine runs again from its base state).</summary>
    internal void Clear()
    {
        foreach (var table in (double[][])[WorkersOut, WorkersIn, PooledOut, PooledIn, AccountOut, AccountIn]) Array.Clear(table);
    }

    /// <summary>Starts a year on its population grid: the receiving capacity by province, sex and age. Allocation-free.</summary>
    internal void BeginYear(ReadOnlySpan<double> population)
    {
        Array.Clear(_capacitySum);
        Array.Clear(_sentWorkers);
        Array.Clear(_sentPooled);
        Array.Clear(_sentAccount);
        int educations = EducationLevels.Count;
        for (int r = 0; r < _regions; r++)
        {
            for (int s = 0; s < Sexes.Count; s++)
            {
                for (int a = 0; a < A; a++)
                {
                    int i = (r * Sexes.Count + s) * A + a;
                    double rate = _rates[i];
                    if (!(rate > 0)) { _capacity[i] = 0; continue; }
                    double persons = 0;
                    for (int e = 0; e < educations; e++) persons += population[r * PopulationShape.CellsPerRegion + (s * educations + e) * A + a];
                    _capacity[i] = rate * persons;
                    _capacitySum[s * A + a] += _capacity[i];
                }
            }
        }
    }

    /// <summary>
    /// The movers of one (region, sex, education) block of the engine's state before it is aged, and what they take.
    /// Allocation-free.
    /// </summary>
    internal void Send(int yearIndex, int year, int region, int sex, GroupBlock block, double averageWage)
    {
        int o = yearIndex * _regions + region;
        double countable = Math.Max(0, year - _rules.CountedFromYear + 1);
        for (int a = 0; a < A; a++)
        {
            double rate = _rates[(region * Sexes.Count + sex) * A + a];
            int sa = sex * A + a;
            if (!(rate < 0) || !(_capacitySum[sa] > 0)) continue;
            double records = block[CellQuantity.Records, a];
            if (!(records > 0)) continue;
            double movers = -rate * records;
            double contributed = block[CellQuantity.Years, a] - block[CellQuantity.Deemed, a];
            double averageIndex = contributed > 0 ? block[CellQuantity.IndexYears, a] / contributed : 0;
            double pooled = movers * _rules.PooledShare * Math.Min(contributed, countable) * averageIndex * averageWage;
            double account = movers * _rules.AccountShare * block[CellQuantity.Account, a];
            WorkersOut[o] += movers;
            PooledOut[o] += pooled;
            AccountOut[o] += account;
            _sentWorkers[sa] += movers;
            _sentPooled[sa] += pooled;
            _sentAccount[sa] += account;
        }
    }

    /// <summary>Ends a year: what was sent at each (sex, age) shared among the receivers by capacity. Allocation-free.</summary>
    internal void EndYear(int yearIndex)
    {
        for (int r = 0; r < _regions; r++)
        {
            int o = yearIndex * _regions + r;
            for (int sa = 0; sa < SexAges; sa++)
            {
                double capacity = _capacity[r * SexAges + sa];
                if (!(capacity > 0)) continue;
                double share = capacity / _capacitySum[sa];
                WorkersIn[o] += share * _sentWorkers[sa];
                PooledIn[o] += share * _sentPooled[sa];
                AccountIn[o] += share * _sentAccount[sa];
            }
        }
    }
}
