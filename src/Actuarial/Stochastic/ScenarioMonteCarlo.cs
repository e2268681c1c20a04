using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.Pensions;
using Actuarial.Scenarios;

namespace Actuarial.Stochastic;

/// <summary>
/// The provincial Monte Carlo of any scenario (a scenario file's or one built in code): the evaluator with the default
/// shocks the scenario can take, a run, and its result as tables (<see cref="MonteCarloRunResult"/>). The
/// <c>actuarial montecarlo</c> command and the cluster's grains build their evaluator here, so a path means the same on
/// every route.
/// </summary>
internal static class ScenarioMonteCarlo
{
    /// <summary>
    /// The shocks of <see cref="PensionMonteCarlo.DefaultShocks"/> over the scenario's years (2025 → end) that the
    /// scenario's rules can take: the economy's drivers only for a scenario linked to an economy, and the indexation
    /// share only when the future indexation rule is prices plus a share of real wage growth (a scenario file that sets
    /// another rule fixes the indexation, so there is no share to draw).
    /// </summary>
    internal static ShockModel ShocksFor(PensionScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var shocks = PensionMonteCarlo.DefaultShocks(2025, scenario.EndYear, economy: scenario.Economy is not null);
        if (scenario.Scheme.Rules.Indexation.FutureRule is not PricesPlusShareOfRealWageGrowth) shocks = shocks with { IndexationShare = null };
        return shocks;
    }

    /// <summary>The path evaluator of <paramref name="scenario"/> with <see cref="ShocksFor"/> and the scenario's own calibration
    /// (one deterministic run, a few seconds).</summary>
    public static PensionPathEvaluator Evaluator(PensionScenario scenario) =>
        new(new PensionMonteCarloSettings { Scenario = scenario, Shocks = ShocksFor(scenario) });

    /// <summary>Runs paths 0 … <paramref name="paths"/> − 1 of <paramref name="scenario"/> with <paramref name="seed"/>
    /// and returns the tables; the same bit for bit whatever <paramref name="options"/> (threads, block size).</summary>
    internal static MonteCarloRunResult Run(PensionScenario scenario, int paths, ulong seed, MonteCarloOptions? options = null)
    {
        var evaluator = Evaluator(scenario);
        var summary = MonteCarlo.Run(paths, seed, 0, evaluator, options);
        return MonteCarloRunResult.From(scenario.Name, summary, evaluator.RunCentral().Summary().DepletionYear);
    }
}

/// <summary>
/// The result of a provincial Monte Carlo run as tables for people: the fan of the national balance, the distribution of
/// its depletion year (and of the first year any provincial fund is negative), and each province's probability of
/// depletion. Immutable; built from a (merged) <see cref="MonteCarloSummary"/> of a <see cref="PensionPathEvaluator"/>.
/// </summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Paths">Paths summarised.</param>
/// <param name="FirstYear">First fund year.</param>
/// <param name="LastYear">Last fund year.</param>
/// <param name="CentralDepletionYear">Depletion year of the deterministic projection (no shock), or null.</param>
/// <param name="NationalFan">The fan of the national closing balance by year, yuan (quantiles to one histogram bin, 10^12 yuan by default).</param>
/// <param name="NationalDepletion">The national fund's depletion-year distribution and probability of depletion by year.</param>
/// <param name="AnyProvinceDepletion">The same for the first year any provincial fund is negative.</param>
/// <param name="Provinces">Each province's probability of depletion.</param>
internal sealed record MonteCarloRunResult(string Scenario, ulong Seed, long Paths, int FirstYear, int LastYear, int? CentralDepletionYear,
    IReadOnlyList<FanRow> NationalFan, IReadOnlyList<DepletionRow> NationalDepletion, IReadOnlyList<DepletionRow> AnyProvinceDepletion,
    IReadOnlyList<ProvinceDepletionRow> Provinces)
{
    /// <summary>The year the probability of national depletion first reaches one half, or null within the horizon.</summary>
    public int? MedianDepletionYear => NationalDepletion.FirstOrDefault(r => r.ProbabilityDepletedBy >= 0.5)?.Year;

    /// <summary>Share of paths whose national fund is never negative within the horizon.</summary>
    public double ProbabilityNeverDepleted => NationalDepletion.Count == 0 ? double.NaN : 1 - NationalDepletion[^1].ProbabilityDepletedBy;

    /// <summary>The tables of a summary of <see cref="PensionPathEvaluator"/>'s series (it needs the per-province series).</summary>
    /// <exception cref="KeyNotFoundException">The summary lacks the national, lowest-province or a provincial balance series.</exception>
    public static MonteCarloRunResult From(string scenario, MonteCarloSummary summary, int? centralDepletionYear)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var national = summary[PensionPathEvaluator.NationalBalance];
        var lowest = summary[PensionPathEvaluator.LowestProvincialBalance];
        var provinces = new List<ProvinceDepletionRow>();
        foreach (var region in Regions.Provinces)
        {
            var s = summary[PensionPathEvaluator.ProvincialBalance(region.Code)];
            int last = s.Spec.LastYear;
            provinces.Add(new ProvinceDepletionRow(region.Code, region.EnglishName,
                last >= 2035 ? s.DepletionProbabilityBy(2035) : null,
                last >= 2050 ? s.DepletionProbabilityBy(2050) : null,
                s.DepletionProbabilityBy(last),
                s.DepletionTable().FirstOrDefault(r => r.ProbabilityDepletedBy >= 0.5)?.Year));
        }
        return new MonteCarloRunResult(scenario, summary.Seed ?? 0, summary.PathCount, national.Spec.FirstYear, national.Spec.LastYear, centralDepletionYear,
            national.Fan(), national.DepletionTable(), lowest.DepletionTable(), provinces);
    }

    /// <summary>A short description.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scenario}: {Paths} paths, seed {Seed}, median depletion {MedianDepletionYear?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}

/// <summary>One province's probability of depletion (its closing balance first negative) in a Monte Carlo run.</summary>
/// <param name="RegionCode">Province code (GB/T 2260).</param>
/// <param name="Province">English name.</param>
/// <param name="ProbabilityDepletedBy2035">Share of paths depleted by the end of 2035 (null when the horizon ends earlier).</param>
/// <param name="ProbabilityDepletedBy2050">Share by the end of 2050 (null when the horizon ends earlier).</param>
/// <param name="ProbabilityDepletedByEnd">Share by the end of the horizon.</param>
/// <param name="MedianDepletionYear">First year the share reaches one half, or null.</param>
[CsvHelper.CsvRecord]
internal sealed partial record ProvinceDepletionRow(int RegionCode, string Province, double? ProbabilityDepletedBy2035, double? ProbabilityDepletedBy2050,
    double ProbabilityDepletedByEnd, int? MedianDepletionYear);
