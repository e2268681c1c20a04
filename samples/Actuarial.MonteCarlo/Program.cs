// Monte Carlo on the full pension projection: each path shocks mortality (the Lee–Carter index with the drift's own
// uncertainty), fertility, wage growth, investment returns, coverage, inflation, the long-run real wage trend and the
// indexation policy share (PensionMonteCarlo.DefaultShocks), and runs the
// 31-province population, the scheme (with the baseline's calibration) and the 31 fund ledgers. Prints the probability
// that the national fund (and any provincial fund) is depleted by 2040/2050/2060/2070 and the distribution of the
// depletion year; draws the fan of the national balance and the probability of depletion by year.
//
//   dotnet run --project samples/Actuarial.MonteCarlo -c Release                                  # 200 paths into out/montecarlo
//   dotnet run --project samples/Actuarial.MonteCarlo -c Release -- --paths 1000 --seed 7 --out mc
//   options: --threads N (default one per core: more threads than cores only add workers, each with its own buffers), --end YEAR (default 2100), --chart-to YEAR (last year drawn, 2026..END, default 2075
//   or END if earlier: after 2075 the debt of a depleted fund dwarfs the years that matter)
using System.Diagnostics;
using System.Globalization;
using Actuarial.China;
using Actuarial.Charts;
using Actuarial.Scenarios;
using Actuarial.Stochastic;

const string Usage = "usage: Actuarial.MonteCarlo [--paths N] [--seed S] [--out FOLDER] [--threads N] [--end YEAR] [--chart-to YEAR]";
// Largest values accepted: more paths than this take hours; more threads than this only add idle workers.
const int MaxPaths = 10_000_000, MaxThreads = 1024;
int paths = 200, threads = Environment.ProcessorCount, endYear = 2100;
int? chartTo = null;
ulong seed = 2024;
string outputFolder = Path.Combine("out", "montecarlo");
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string flag = args[i];
        string Next() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : throw new ArgumentException($"{flag} needs a value");
        int Whole(int min, int max, string what)
        {
            string text = Next();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max
                ? v : throw new ArgumentException($"{flag}: '{text}' is not {what}, a whole number in {min}..{max}");
        }
        switch (flag)
        {
            case "--paths": paths = Whole(1, MaxPaths, "a number of paths"); break;
            case "--seed":
                string s = Next();
                seed = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v
                    : throw new ArgumentException($"{flag}: '{s}' is not a seed, a whole number in 0..{ulong.MaxValue}");
                break;
            case "--out": outputFolder = Next(); break;
            case "--threads": threads = Whole(1, MaxThreads, "a thread count"); break;
            case "--end": endYear = Whole(2030, 2100, "a last year"); break;
            case "--chart-to": chartTo = Whole(2026, 2100, "a last year drawn"); break;
            case "--help" or "-h": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"unknown argument {flag}");
        }
    }
    if (chartTo > endYear) throw new ArgumentException($"--chart-to: {chartTo} is after the last projected year {endYear} (--end); draw to {endYear} or earlier");
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var scenario = PensionMonteCarlo.WithEndYear(ChinaDefaults.PensionScenario(), endYear);
var evaluator = new PensionPathEvaluator(new PensionMonteCarloSettings
{
    Scenario = scenario,
    Shocks = PensionMonteCarlo.DefaultShocks(2025, endYear),
});
var central = evaluator.RunCentral();
double setup = clock.Elapsed.TotalSeconds;
clock.Restart();
var summary = evaluator.Run(paths, seed, new MonteCarloOptions { MaxDegreeOfParallelism = threads });
double run = clock.Elapsed.TotalSeconds;

var national = summary[PensionPathEvaluator.NationalBalance];
var lowest = summary[PensionPathEvaluator.LowestProvincialBalance];
var inv = CultureInfo.InvariantCulture;
Console.WriteLine($"Monte Carlo of the urban employee pension, 31 provinces, 2025–{endYear}: {paths} paths, seed {seed}");
Console.WriteLine(string.Create(inv, $"(setup {setup:F1} s; paths {run:F1} s on {threads} threads = {run * 1000 / paths:F1} ms a path, {paths / run:F1} paths/s)"));
Console.WriteLine();
Console.WriteLine($"deterministic projection: national fund depleted {central.Summary().DepletionYear?.ToString(inv) ?? "never"}");
Console.WriteLine();
Console.WriteLine("probability of depletion by year end      national fund   any provincial fund");
foreach (int year in new[] { 2040, 2050, 2060, 2070 }.Where(y => y <= endYear))
{
    Console.WriteLine(string.Create(inv, $"  {year}                                      {national.DepletionProbabilityBy(year),10:P1}   {lowest.DepletionProbabilityBy(year),10:P1}"));
}
Console.WriteLine();
Console.WriteLine("year the national fund is first negative (share of paths):");
for (int from = 2025; from <= endYear; from += 5)
{
    int to = Math.Min(endYear, from + 4);
    long count = 0;
    for (int y = from; y <= to; y++) count += national.DepletionCount(y);
    if (count == 0) continue;
    double share = (double)count / national.PathCount;
    Console.WriteLine(string.Create(inv, $"  {from}–{to}  {share,7:P1}  {new string('#', (int)Math.Round(share * 60))}"));
}
Console.WriteLine(string.Create(inv, $"  never      {(double)national.NeverDepletedCount / national.PathCount,7:P1}  (within {endYear})"));
var medianYear = MedianDepletionYear(national);
Console.WriteLine($"  median depletion year: {medianYear?.ToString(inv) ?? $"after {endYear}"}");
Console.WriteLine();
Console.WriteLine("national balance, trillion yuan (10^12):   5%      25%     median   75%     95%");
foreach (int year in new[] { 2030, 2040, 2050, 2060, 2070, 2080, 2100 }.Where(y => y <= endYear))
{
    Console.WriteLine(string.Create(inv,
        $"  {year}                                {national.Quantile(year, 0.05) / 1e12,8:F1}{national.Quantile(year, 0.25) / 1e12,8:F1}{national.Quantile(year, 0.5) / 1e12,8:F1}{national.Quantile(year, 0.75) / 1e12,8:F1}{national.Quantile(year, 0.95) / 1e12,8:F1}"));
}

Directory.CreateDirectory(outputFolder);
int last = chartTo ?? Math.Min(2075, endYear);
var years = Enumerable.Range(national.Spec.FirstYear, last - national.Spec.FirstYear + 1).ToArray();
var fan = new QuantileFan(years,
    years.Select(y => national.Quantile(y, 0.05)).ToArray(), years.Select(y => national.Quantile(y, 0.25)).ToArray(),
    years.Select(y => national.Quantile(y, 0.5)).ToArray(), years.Select(y => national.Quantile(y, 0.75)).ToArray(),
    years.Select(y => national.Quantile(y, 0.95)).ToArray());
var rows = central.Funds.YearTable().Where(r => r.Year <= last);
string fanPath = FundCharts.NationalBalance(rows, Path.Combine(outputFolder, "national_balance_fan.png"), fan: fan,
    title: string.Create(inv, $"National pension fund balance: {paths:N0} simulated paths (5-95%, 25-75%, median)"));
var allYears = years;
string probabilityPath = FundCharts.DepletionProbability(
    [
        new YearSeries("National fund", allYears, allYears.Select(national.DepletionProbabilityBy).ToArray()),
        new YearSeries("Any provincial fund", allYears, allYears.Select(lowest.DepletionProbabilityBy).ToArray()),
    ],
    Path.Combine(outputFolder, "depletion_probability.png"),
    title: string.Create(inv, $"Probability that the pension fund is depleted by year end ({paths:N0} paths)"));
using (var csv = new StreamWriter(Path.Combine(outputFolder, "fan.csv")))
{
    csv.WriteLine("series,year,paths,min,p5,p25,p50,p75,p95,max,mean");
    foreach (var r in summary.FanTable().Where(r => !r.Series.StartsWith("balance/", StringComparison.Ordinal)
        || r.Series is PensionPathEvaluator.NationalBalance or PensionPathEvaluator.LowestProvincialBalance))
    {
        csv.WriteLine(string.Create(inv, $"{r.Series},{r.Year},{r.Paths},{r.Min:R},{r.P5:R},{r.P25:R},{r.P50:R},{r.P75:R},{r.P95:R},{r.Max:R},{r.Mean:R}"));
    }
}
using (var csv = new StreamWriter(Path.Combine(outputFolder, "depletion.csv")))
{
    csv.WriteLine("series,year,first_negative_paths,probability_depleted_by");
    foreach (var r in national.DepletionTable().Concat(lowest.DepletionTable()))
    {
        csv.WriteLine(string.Create(inv, $"{r.Series},{r.Year},{r.FirstNegativePaths},{r.ProbabilityDepletedBy:R}"));
    }
}
Console.WriteLine();
Console.WriteLine($"wrote {fanPath}");
Console.WriteLine($"wrote {probabilityPath}");
Console.WriteLine($"wrote fan.csv and depletion.csv in {Path.GetFullPath(outputFolder)}");
return 0;

static int? MedianDepletionYear(SeriesSummary series)
{
    for (int y = series.Spec.FirstYear; y <= series.Spec.LastYear; y++)
    {
        if (series.DepletionProbabilityBy(y) >= 0.5) return y;
    }
    return null;
}
