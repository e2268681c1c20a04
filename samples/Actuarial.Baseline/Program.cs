// The baseline: China's population by province, sex, single year of age and education, 2020–2100, on the
// library's embedded defaults (2020 census base, WPP 2024 medium fertility, life expectancy and international
// migration, 2010–2020 census migration between provinces, Wittgenstein SSP2 attainment).
//
//   dotnet run --project samples/Actuarial.Baseline -c Release                 # print the summary
//   dotnet run --project samples/Actuarial.Baseline -c Release -- --out out     # also write tidy CSV tables
//   dotnet run --project samples/Actuarial.Baseline -c Release -- --national    # one national region
using System.Diagnostics;
using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;

string? outputFolder = null;
bool national = false;
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
        case "--help" or "-h":
            Console.WriteLine("usage: Actuarial.Baseline [--national] [--out FOLDER]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: Actuarial.Baseline [--national] [--out FOLDER]");
            return 2;
    }
}

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
