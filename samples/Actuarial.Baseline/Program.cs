// The baseline on the library's embedded China defaults: the population by province, sex, single year of age and
// education, 2020–2100 (2020 census base, WPP 2024 medium fertility, life expectancy and international migration,
// 2010–2020 census migration between provinces, Wittgenstein SSP2 attainment), and on it the urban employee pension:
// contributors and pensioners calibrated to the 2024 yearbook, the 31 provincial funds and national pooling.
//
//   dotnet run --project samples/Actuarial.Baseline -c Release                     # print the summary
//   dotnet run --project samples/Actuarial.Baseline -c Release -- --out out         # also write tidy CSV tables
//   dotnet run --project samples/Actuarial.Baseline -c Release -- --demography      # the population only
//   dotnet run --project samples/Actuarial.Baseline -c Release -- --demography --national
using System.Diagnostics;
using System.Globalization;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;

const string Usage = "usage: Actuarial.Baseline [--demography [--national]] [--out FOLDER]";
string? outputFolder = null;
bool national = false;
bool demographyOnly = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            outputFolder = args[++i];
            break;
        case "--national":
            national = true;
            break;
        case "--demography":
            demographyOnly = true;
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
            return 2;
    }
}

if (national && !demographyOnly)
{
    Console.Error.WriteLine($"--national applies to --demography only (the pension projection is provincial); {Usage}");
    return 2;
}
if (!demographyOnly) return PensionBaseline(outputFolder);

var clock = Stopwatch.StartNew();
var assumptions = national ? ChinaDefaults.NationalDemography() : ChinaDefaults.Demography();
var compiled = DemographicProjector.Compile(assumptions);
var loadMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
var projection = compiled.Run();
var runMs = clock.Elapsed.TotalMilliseconds;

var c = CultureInfo.InvariantCulture;
Console.WriteLine($"Actuarial demographic baseline: China, {(national ? "national" : "31 provinces")}, {projection.BaseYear}–{projection.EndYear}");
Console.WriteLine($"(defaults loaded and compiled in {loadMs:F0} ms; projection ran in {runMs:F2} ms)");
Console.WriteLine();
Console.WriteLine("  year  population(m)  births(m)  deaths(m)   TFR   e0 m   e0 f   15-64(m)  65+(m)  65+/15-64  MYS 25+");
var rows = projection.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
foreach (int year in new[] { 2020, 2025, 2030, 2035, 2040, 2050, 2060, 2070, 2080, 2090, 2099, 2100 })
{
    if (!rows.TryGetValue(year, out var row)) continue;
    string Millions(double? v) => v is { } x ? (x / 1e6).ToString("F2", c) : "";
    string Fixed(double? v, string format) => v is { } x ? x.ToString(format, c) : "";
    Console.WriteLine(
        $"  {row.Year}  {Millions(row.Population),13}  {Millions(row.Births),9}  {Millions(row.Deaths),9}  {Fixed(row.TotalFertilityRate, "F2"),4}  " +
        $"{Fixed(row.LifeExpectancyAtBirthMaleYears, "F1"),5}  {Fixed(row.LifeExpectancyAtBirthFemaleYears, "F1"),5}  " +
        $"{Millions(row.Aged15To64),8}  {Millions(row.Aged65Plus),6}  {row.OldAgeDependencyRatio,9:F3}  {Fixed(row.MeanYearsOfSchooling25Plus, "F2"),7}");
}

if (!national)
{
    Console.WriteLine();
    Console.WriteLine("  Old-age dependency ratio (65+/15-64) by province, 2020 → 2050 (five highest in 2050):");
    var provinces = projection.Summary().Where(r => r.RegionCode != 0 && (r.Year == 2020 || r.Year == 2050)).GroupBy(r => r.Region)
        .Select(g => (Region: g.Key, Start: g.First(r => r.Year == 2020).OldAgeDependencyRatio, End: g.First(r => r.Year == 2050).OldAgeDependencyRatio))
        .OrderByDescending(p => p.End).Take(5);
    foreach (var p in provinces) Console.WriteLine($"    {p.Region,-16} {p.Start,6:F3} → {p.End,6:F3}");
}

if (outputFolder is not null)
{
    Directory.CreateDirectory(outputFolder);
    var summaryPath = Path.Combine(outputFolder, "demographic_summary.csv");
    var populationPath = Path.Combine(outputFolder, "population.csv");
    TidyCsvWriter.Write(projection.Summary(), summaryPath);
    TidyCsvWriter.Write(projection.PopulationTable(), populationPath);
    Console.WriteLine();
    Console.WriteLine($"wrote {summaryPath} and {populationPath}");
}
return 0;

static int PensionBaseline(string? outputFolder)
{
    var c = CultureInfo.InvariantCulture;
    var clock = Stopwatch.StartNew();
    var projection = PensionProjector.Run(ChinaDefaults.PensionScenario());
    var summary = projection.Summary();
    Console.WriteLine($"Actuarial pension baseline: China's urban employee basic pension, 31 provincial funds, {summary.FirstYear}–{summary.LastYear}");
    Console.WriteLine($"(loaded, calibrated and projected in {clock.Elapsed.TotalSeconds:F1} s)");
    Console.WriteLine();
    string Year(int? year) => year?.ToString(c) ?? "none by " + summary.LastYear.ToString(c);
    Console.WriteLine($"  first year of current deficit, with subsidies:     {Year(summary.FirstCurrentDeficitYear)}");
    Console.WriteLine($"  first year of current deficit, without subsidies:  {Year(summary.FirstCurrentDeficitYearExcludingSubsidies)}");
    Console.WriteLine($"  national fund depleted:                           {Year(summary.DepletionYear)}");
    Console.WriteLine($"  peak national balance:                            {summary.PeakBalanceYuan / 1e12:F2} trillion yuan at end-{summary.PeakBalanceYear}");
    foreach (var (year, ratio) in summary.SystemDependencyRatios)
    {
        Console.WriteLine($"  pensioners per contributor in {year}:               {ratio?.ToString("F2", c) ?? "none (no contributors)"}");
    }
    Console.WriteLine($"  provincial funds depleted by {summary.LastYear}:               {summary.DepletedProvinces.Count} of 31" +
        (summary.DepletedProvinces.Count > 0 ? $" (first: {string.Join(", ", summary.DepletedProvinces.Take(5).Select(p => $"{p.Region} {p.Year}"))})" : ""));
    Console.WriteLine();
    Console.WriteLine("  year  contributors(m)  pensioners(m)  revenue(tn)  spending(tn)  balance(tn)  months of payment");
    var fundRows = projection.Funds.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
    foreach (int year in new[] { 2025, 2030, 2035, 2040, 2045, 2050, 2060, 2070, 2080, 2090, 2100 })
    {
        if (!fundRows.TryGetValue(year, out var row)) continue;
        Console.WriteLine($"  {year}  {row.ContributingWorkers / 1e6,15:F1}  {row.Retirees / 1e6,13:F1}  {row.Revenue / 1e12,11:F2}  {row.Spending / 1e12,12:F2}  {row.ClosingBalance / 1e12,11:F2}  {row.MonthsOfPayment,17:F1}");
    }
    if (outputFolder is not null)
    {
        Directory.CreateDirectory(outputFolder);
        TidyCsvWriter.Write(projection.Funds.YearTable(), Path.Combine(outputFolder, "funds_by_year.csv"));
        TidyCsvWriter.Write(projection.Funds.Summary(), Path.Combine(outputFolder, "funds_summary.csv"));
        TidyCsvWriter.Write(projection.Scheme.Summary(), Path.Combine(outputFolder, "scheme_by_year.csv"));
        TidyCsvWriter.Write(projection.Demography.Summary(), Path.Combine(outputFolder, "demographic_summary.csv"));
        Console.WriteLine();
        Console.WriteLine($"wrote funds_by_year.csv, funds_summary.csv, scheme_by_year.csv and demographic_summary.csv to {outputFolder}");
    }
    return 0;
}

