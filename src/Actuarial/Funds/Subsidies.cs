using System.Globalization;
using Actuarial.IO;
using Actuarial.Demography;

namespace Actuarial.Funds;

/// <summary>
/// How the state subsidises the provincial funds (财政补贴), a choice of the scenario. The engine asks twice a year:
/// <list type="number">
/// <item><see cref="Scheduled"/> before the pooling transfers: subsidies fixed in advance (a path, a share of spending).
/// National pooling counts them in a province's current surplus.</item>
/// <item><see cref="TopUp"/> after transfers, returns and any draw on the strategic reserve: a backstop such as "whatever
/// keeps the balance at or above a floor", which is how a user asks what the state must pay.</item>
/// </list>
/// Both calls <b>add</b> to the span they are given (the engine clears it first), so rules compose without buffers
/// (<see cref="CombinedSubsidy"/>). Implementations must not allocate in either call.
/// </summary>
public interface ISubsidyRule
{
    /// <summary>Short description for tables and messages.</summary>
    string Name { get; }

    /// <summary>Checks the rule fits the flows (years, provinces) before a run; throws <see cref="InputDataException"/> if not.</summary>
    internal void Validate(FundFlows flows) { }

    /// <summary>Adds the subsidies decided before transfers, yuan per province. <see cref="FundYear.ScheduledSubsidies"/> is empty here.</summary>
    internal void Scheduled(in FundYear year, Span<double> subsidies);

    /// <summary>Adds a backstop after transfers. <paramref name="topUp"/> holds what earlier rules granted; the balance a province
    /// would end the year with, given those, is <paramref name="balanceBeforeTopUp"/>[i] + <paramref name="topUp"/>[i].</summary>
    internal void TopUp(in FundYear year, ReadOnlySpan<double> balanceBeforeTopUp, Span<double> topUp) { }
}

/// <summary>No fiscal subsidy at all: the funds live on contributions, returns and transfers.</summary>
internal sealed record NoSubsidy : ISubsidyRule
{
    /// <inheritdoc />
    public string Name => "no subsidy";

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies) { }
}

/// <summary>A subsidy of a fixed share of each province's pension spending (e.g. 2019: 10,318.66 亿 of subsidies against
/// 49,228 亿 of spending ≈ 21%, reference §5.1 [S2] and §5 [U]).</summary>
internal sealed record SubsidyShareOfSpending : ISubsidyRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="share">Subsidy per yuan of pensions paid, in [0, 1].</param>
    public SubsidyShareOfSpending(double share)
    {
        if (!double.IsFinite(share) || share < 0 || share > 1)
        {
            throw new InputDataException("subsidy share of spending", null, "share", share.ToString("R", CultureInfo.InvariantCulture), "a share in [0, 1]");
        }
        Share = share;
    }

    /// <summary>Subsidy per yuan of pensions paid.</summary>
    public double Share { get; }

    /// <inheritdoc />
    public string Name => $"subsidy {Share:P1} of spending";

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies) =>
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(year.Pensions, Share, subsidies, subsidies);
}

/// <summary>A subsidy path in yuan per year and province, decided in advance.</summary>
internal sealed record SubsidyPath : ISubsidyRule
{
    private readonly double[] _yuan;

    /// <summary>Creates the path.</summary>
    /// <param name="firstYear">Calendar year of the first row.</param>
    /// <param name="provinceCount">Provinces per row (the flows' province axis).</param>
    /// <param name="yuan">Subsidies flat [year, province], yuan, finite and ≥ 0; copied.</param>
    public SubsidyPath(int firstYear, int provinceCount, ReadOnlySpan<double> yuan)
    {
        if (provinceCount < 1 || yuan.Length == 0 || yuan.Length % provinceCount != 0)
        {
            throw new InputDataException("subsidy path", null, "yuan", yuan.Length.ToString(CultureInfo.InvariantCulture),
                $"a whole number of rows of {provinceCount} provinces");
        }
        for (int i = 0; i < yuan.Length; i++)
        {
            if (!double.IsFinite(yuan[i]) || yuan[i] < 0)
            {
                throw new InputDataException("subsidy path", null, $"yuan[{firstYear + i / provinceCount}, province {i % provinceCount}]",
                    yuan[i].ToString("R", CultureInfo.InvariantCulture), "a finite amount ≥ 0");
            }
        }
        FirstYear = firstYear;
        ProvinceCount = provinceCount;
        _yuan = yuan.ToArray();
    }

    /// <summary>First calendar year.</summary>
    public int FirstYear { get; }

    /// <summary>Provinces per year.</summary>
    public int ProvinceCount { get; }

    /// <summary>Last calendar year.</summary>
    public int LastYear => FirstYear + _yuan.Length / ProvinceCount - 1;

    /// <inheritdoc />
    public string Name => $"subsidy path {FirstYear}–{LastYear}";

    /// <inheritdoc />
    public void Validate(FundFlows flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        if (ProvinceCount != flows.ProvinceCount)
        {
            throw new InputDataException("subsidy path", null, "provinceCount", ProvinceCount.ToString(CultureInfo.InvariantCulture), $"{flows.ProvinceCount} provinces as in the flows");
        }
        if (FirstYear > flows.FirstYear || LastYear < flows.LastYear)
        {
            throw new InputDataException("subsidy path", null, "years", $"{FirstYear}–{LastYear}", $"a path covering {flows.FirstYear}–{flows.LastYear}");
        }
    }

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies) =>
        System.Numerics.Tensors.TensorPrimitives.Add(subsidies, _yuan.AsSpan((year.Year - FirstYear) * ProvinceCount, ProvinceCount), subsidies);
}

/// <summary>
/// The backstop: the state pays whatever keeps each province's year-end balance at or above a floor, the larger of
/// <see cref="FloorYuan"/> and <see cref="FloorMonthsOfSpending"/> months of the year's pensions. With the defaults (0, 0)
/// it is the amount that keeps every fund from going into debt: the answer to "what must the state pay".
/// </summary>
/// <param name="FloorMonthsOfSpending">Floor as months of the year's pensions (≥ 0).</param>
/// <param name="FloorYuan">Floor in yuan (≥ 0).</param>
internal sealed record FloorSubsidy(double FloorMonthsOfSpending = 0, double FloorYuan = 0) : ISubsidyRule
{
    /// <inheritdoc />
    public string Name => $"subsidy to a floor of max({FloorMonthsOfSpending} months, {FloorYuan} yuan)";

    /// <inheritdoc />
    public void Validate(FundFlows flows)
    {
        if (!double.IsFinite(FloorMonthsOfSpending) || FloorMonthsOfSpending < 0)
        {
            throw new InputDataException("floor subsidy", null, "FloorMonthsOfSpending", FloorMonthsOfSpending.ToString("R", CultureInfo.InvariantCulture), "months ≥ 0");
        }
        if (!double.IsFinite(FloorYuan) || FloorYuan < 0)
        {
            throw new InputDataException("floor subsidy", null, "FloorYuan", FloorYuan.ToString("R", CultureInfo.InvariantCulture), "yuan ≥ 0");
        }
    }

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies) { }

    /// <inheritdoc />
    public void TopUp(in FundYear year, ReadOnlySpan<double> balanceBeforeTopUp, Span<double> topUp)
    {
        for (int i = 0; i < topUp.Length; i++)
        {
            double floor = Math.Max(FloorYuan, FloorMonthsOfSpending * year.Pensions[i] / 12.0);
            double shortfall = floor - (balanceBeforeTopUp[i] + topUp[i]);
            if (shortfall > 0) topUp[i] += shortfall;
        }
    }
}

/// <summary>
/// An extra fiscal subsidy decided in advance, on top of the scenario's own rule (combine them with
/// <see cref="CombinedSubsidy"/>): a national amount a year, shared over the provinces in proportion to the year's
/// pensions. The amounts are nominal yuan, one a year from <see cref="FirstYear"/>; the last holds to the horizon.
/// </summary>
/// <param name="FirstYear">First year paid.</param>
/// <param name="YuanPerYear">National amount of each year from <paramref name="FirstYear"/>, yuan (≥ 0; at least one).</param>
internal sealed record ExtraSubsidy(int FirstYear, IReadOnlyList<double> YuanPerYear) : ISubsidyRule
{
    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"extra subsidy from {FirstYear}: {YuanPerYear[0]:G4} yuan a year{(YuanPerYear.Count > 1 ? " (first year)" : "")}");

    /// <summary>The national amount of <paramref name="year"/>, yuan (0 before <see cref="FirstYear"/>).</summary>
    public double Yuan(int year) => year < FirstYear ? 0 : YuanPerYear[Math.Min(year - FirstYear, YuanPerYear.Count - 1)];

    /// <inheritdoc />
    public void Validate(FundFlows flows)
    {
        if (YuanPerYear.Count == 0) throw new InputDataException("extra subsidy", null, nameof(YuanPerYear), "(empty)", "at least one yearly amount");
        foreach (double v in YuanPerYear)
        {
            if (!double.IsFinite(v) || v < 0)
            {
                throw new InputDataException("extra subsidy", null, nameof(YuanPerYear), v.ToString("R", CultureInfo.InvariantCulture), "yuan ≥ 0");
            }
        }
    }

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies)
    {
        double amount = Yuan(year.Year);
        if (amount == 0) return;
        var pensions = year.Pensions;
        double total = System.Numerics.Tensors.TensorPrimitives.Sum(pensions);
        if (!(total > 0)) return;
        for (int i = 0; i < subsidies.Length; i++) subsidies[i] += amount * (pensions[i] / total);
    }
}

/// <summary>Several subsidy rules applied in order (each adds to what the earlier ones gave).</summary>
/// <param name="Rules">The rules, in order.</param>
internal sealed record CombinedSubsidy(IReadOnlyList<ISubsidyRule> Rules) : ISubsidyRule
{
    /// <inheritdoc />
    public string Name => string.Join(" + ", Rules.Select(r => r.Name));

    /// <inheritdoc />
    public void Validate(FundFlows flows)
    {
        foreach (var rule in Rules) rule.Validate(flows);
    }

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies)
    {
        for (int i = 0; i < Rules.Count; i++) Rules[i].Scheduled(year, subsidies);
    }

    /// <inheritdoc />
    public void TopUp(in FundYear year, ReadOnlySpan<double> balanceBeforeTopUp, Span<double> topUp)
    {
        for (int i = 0; i < Rules.Count; i++) Rules[i].TopUp(year, balanceBeforeTopUp, topUp);
    }
}

/// <summary>
/// A subsidy of a fixed share of nominal GDP each year (equivalently a real amount growing with real GDP), shared among
/// the provinces in proportion to their pension spending. The GDP path comes from the projection
/// (<see cref="Scenarios.PensionProjector"/> supplies it from the scenario's economy and population); a rule without one
/// is refused before a run. Published history: 2011 subsidies 2,272 亿 (reference §5.1 [S]) against GDP 48.8 万亿 ([U]) ≈
/// 0.47% of GDP; 2019 10,318.66 亿 (§5.1 [S2]) against 99.1 万亿 ≈ 1.04% — the share of GDP doubled while the share of
/// spending stayed at 18–21% (<see cref="SubsidyShareOfSpending"/>), which is why the baseline keeps the share of spending.
/// </summary>
internal sealed record SubsidyShareOfGdp : ISubsidyRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="percentOfGdp">Subsidies as a percentage of GDP, in [0, 20].</param>
    /// <param name="nominalGdpYuan">Nominal GDP by year, yuan; null until the projection supplies it.</param>
    public SubsidyShareOfGdp(double percentOfGdp, AnnualPath? nominalGdpYuan = null)
    {
        if (!double.IsFinite(percentOfGdp) || percentOfGdp < 0 || percentOfGdp > 20)
        {
            throw new InputDataException("subsidy share of GDP", null, "percent_of_gdp", percentOfGdp.ToString("R", CultureInfo.InvariantCulture), "a percentage in [0, 20]");
        }
        PercentOfGdp = percentOfGdp;
        NominalGdpYuan = nominalGdpYuan;
    }

    /// <summary>Subsidies, % of GDP.</summary>
    public double PercentOfGdp { get; }

    /// <summary>Nominal GDP by year, yuan, or null before the projection supplies it.</summary>
    public AnnualPath? NominalGdpYuan { get; }

    /// <inheritdoc />
    public string Name => $"subsidy {PercentOfGdp:0.###}% of GDP";

    /// <inheritdoc />
    public void Validate(FundFlows flows)
    {
        if (NominalGdpYuan is null || !NominalGdpYuan.Covers(flows.FirstYear, flows.LastYear))
        {
            throw new InputDataException("subsidy share of GDP", null, "nominal GDP", NominalGdpYuan is null ? "(none)" : $"{NominalGdpYuan.FirstYear}–{NominalGdpYuan.LastYear}",
                $"a GDP path over {flows.FirstYear}–{flows.LastYear}: run the scenario through PensionProjector with an economy (PensionScenario.LinkedTo)");
        }
    }

    /// <inheritdoc />
    public void Scheduled(in FundYear year, Span<double> subsidies)
    {
        double total = System.Numerics.Tensors.TensorPrimitives.Sum(year.Pensions);
        if (!(total > 0)) return;
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(year.Pensions, PercentOfGdp / 100 * NominalGdpYuan![year.Year] / total, subsidies, subsidies);
    }
}
