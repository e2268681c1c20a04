using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Funds;

/// <summary>
/// The input contract of the fund layer: the scheme's yearly flows and head counts per province, as a structure of
/// arrays laid out [year, province] (province fastest). The scheme layer (or a test) creates one instance with
/// <see cref="FundFlows(IReadOnlyList{Region}, int, int)"/> and fills each year's row in place through the writable
/// spans (<see cref="Contributions"/>, <see cref="Pensions"/>, …), so producing flows allocates nothing after
/// construction. All values are calendar-year totals in yuan or persons; see each field for what belongs in it.
/// <para>The fund layer never clamps: <see cref="Validate"/> (called by <see cref="FundProjector"/>) throws an
/// <see cref="InputDataException"/> naming the field, year and province of a negative or non-finite value.</para>
/// </summary>
public sealed class FundFlows
{
    private readonly double[] _contributions;
    private readonly double[] _pensions;
    private readonly double[] _workers;
    private readonly double[] _retirees;
    private readonly double[] _averageWage;
    private readonly double[] _wageBill;

    /// <summary>Creates zero-filled flows for <paramref name="yearCount"/> calendar years from <paramref name="firstYear"/>.</summary>
    /// <param name="provinces">The provincial funds, in the order of the province axis (distinct GB/T codes; typically <see cref="Regions.Provinces"/>).</param>
    /// <param name="firstYear">First calendar year of flows; the opening balances of the ledgers are at its 1 January.</param>
    /// <param name="yearCount">Number of years (≥ 1).</param>
    public FundFlows(IReadOnlyList<Region> provinces, int firstYear, int yearCount)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        if (provinces.Count == 0) throw new InputDataException("fund flows", null, "provinces", "(empty)", "at least one province");
        var seen = new HashSet<int>();
        foreach (var p in provinces)
        {
            if (p.IsNational) throw new InputDataException("fund flows", null, "provinces", p.EnglishName, "provincial funds only (not the national aggregate, code 0)");
            if (!seen.Add(p.Code)) throw new InputDataException("fund flows", null, "provinces", p.Code.ToString(CultureInfo.InvariantCulture), "each province once");
        }
        if (yearCount < 1) throw new InputDataException("fund flows", null, "yearCount", yearCount.ToString(CultureInfo.InvariantCulture), "at least 1 year");
        Provinces = provinces.ToArray();
        FirstYear = firstYear;
        YearCount = yearCount;
        int n = yearCount * provinces.Count;
        _contributions = new double[n];
        _pensions = new double[n];
        _workers = new double[n];
        _retirees = new double[n];
        _averageWage = new double[n];
        _wageBill = new double[n];
    }

    /// <summary>The provincial funds in axis order.</summary>
    public IReadOnlyList<Region> Provinces { get; }

    /// <summary>Number of provinces.</summary>
    public int ProvinceCount => Provinces.Count;

    /// <summary>First calendar year.</summary>
    public int FirstYear { get; }

    /// <summary>Number of calendar years.</summary>
    public int YearCount { get; }

    /// <summary>Last calendar year.</summary>
    public int LastYear => FirstYear + YearCount - 1;

    /// <summary>Contributions paid into the province's fund in the year, yuan: employer and employee contributions together, because the yearbook's fund (and its balance) holds the pooled fund and the individual accounts in one pot, the accounts being largely notional. Excludes fiscal subsidies and transfers between provinces.</summary>
    internal Span<double> Contributions(int year) => Row(_contributions, year);

    /// <summary>Pensions paid out of the fund in the year (basic, transitional and individual-account pensions, as the yearbook's expenditure counts them), yuan.</summary>
    internal Span<double> Pensions(int year) => Row(_pensions, year);

    /// <summary>Insured contributing workers (在职参保人数), persons, average over the year; also the base N of the 2018–2021 central adjustment.</summary>
    internal Span<double> ContributingWorkers(int year) => Row(_workers, year);

    /// <summary>Retirees receiving a pension (离退休人数), persons, average over the year.</summary>
    internal Span<double> Retirees(int year) => Row(_retirees, year);

    /// <summary>The province's average annual wage (职工平均工资) used as the base of the central adjustment, yuan per worker per year.</summary>
    internal Span<double> AverageWage(int year) => Row(_averageWage, year);

    /// <summary>Covered wage bill (the sum of contribution bases of contributing workers), yuan per year; the denominator of the cost rate and of the premiums.</summary>
    internal Span<double> CoveredWageBill(int year) => Row(_wageBill, year);

    /// <summary>All contributions, flat [year, province].</summary>
    internal ReadOnlySpan<double> AllContributions => _contributions;

    /// <summary>All pensions, flat [year, province].</summary>
    internal ReadOnlySpan<double> AllPensions => _pensions;

    /// <summary>All contributing workers, flat [year, province].</summary>
    internal ReadOnlySpan<double> AllContributingWorkers => _workers;

    /// <summary>All retirees, flat [year, province].</summary>
    internal ReadOnlySpan<double> AllRetirees => _retirees;

    /// <summary>All average wages, flat [year, province].</summary>
    internal ReadOnlySpan<double> AllAverageWages => _averageWage;

    /// <summary>All covered wage bills, flat [year, province].</summary>
    internal ReadOnlySpan<double> AllCoveredWageBills => _wageBill;

    /// <summary>Index of a province (by GB/T code) on the province axis, or -1.</summary>
    internal int IndexOf(int regionCode)
    {
        for (int i = 0; i < Provinces.Count; i++)
        {
            if (Provinces[i].Code == regionCode) return i;
        }
        return -1;
    }

    /// <summary>Copies these flows over <paramref name="destination"/>'s years (which these must cover) into it.</summary>
    internal void CopyTo(FundFlows destination)
    {
        for (int year = destination.FirstYear; year <= destination.LastYear; year++)
        {
            Contributions(year).CopyTo(destination.Contributions(year));
            Pensions(year).CopyTo(destination.Pensions(year));
            ContributingWorkers(year).CopyTo(destination.ContributingWorkers(year));
            Retirees(year).CopyTo(destination.Retirees(year));
            AverageWage(year).CopyTo(destination.AverageWage(year));
            CoveredWageBill(year).CopyTo(destination.CoveredWageBill(year));
        }
    }

    /// <summary>These flows from <paramref name="firstYear"/> on (a fund layer whose ledgers open on its 1 January).</summary>
    internal FundFlows From(int firstYear)
    {
        var flows = new FundFlows(Provinces, firstYear, LastYear - firstYear + 1);
        CopyTo(flows);
        return flows;
    }

    /// <summary>Checks every value is finite and ≥ 0.</summary>
    /// <exception cref="InputDataException">A value is negative, NaN or infinite.</exception>
    internal void Validate(string source = "fund flows")
    {
        Check(_contributions, "contributions", source);
        Check(_pensions, "pensions", source);
        Check(_workers, "contributing_workers", source);
        Check(_retirees, "retirees", source);
        Check(_averageWage, "average_wage", source);
        Check(_wageBill, "covered_wage_bill", source);
    }

    private void Check(double[] values, string field, string source)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || v < 0)
            {
                var province = Provinces[i % ProvinceCount];
                throw new InputDataException(source, null, $"{field}[{FirstYear + i / ProvinceCount}, {province.EnglishName}]",
                    v.ToString("R", CultureInfo.InvariantCulture), "a finite value ≥ 0");
            }
        }
    }

    private Span<double> Row(double[] values, int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the flows cover {FirstYear}–{LastYear}");
        }
        return values.AsSpan((year - FirstYear) * ProvinceCount, ProvinceCount);
    }
}
