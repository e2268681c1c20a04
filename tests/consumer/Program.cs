// The consumer test: the pension baseline in a few lines, from the package alone (no data files on disk).
using Actuarial.China;
using Actuarial.Scenarios;

var baseline = PensionProjector.Run(ChinaDefaults.PensionScenario());
var summary = baseline.Summary();
Console.WriteLine(summary);

var failures = new List<string>();
double population2020 = baseline.Demography.TotalPersons(2020);
if (Math.Abs(population2020 - 1_409_778_724) > 1) failures.Add($"2020 population {population2020:N0}, expected 1,409,778,724 (the 2020 census base)");
if (summary.DepletionYear is null && summary.PeakBalanceYear < summary.FirstYear) failures.Add("neither a depletion year nor a peak year");
if (summary.PeakBalanceYuan <= 0) failures.Add($"peak balance {summary.PeakBalanceYuan} is not positive");
if (!summary.ToString().Contains("national fund depleted", StringComparison.Ordinal)) failures.Add("the summary's ToString() is not the readable table");
var assemblyFolder = Path.GetDirectoryName(typeof(ChinaDefaults).Assembly.Location)!;
Console.WriteLine($"Actuarial {typeof(ChinaDefaults).Assembly.GetName().Version} loaded from {assemblyFolder}");

foreach (var failure in failures) Console.Error.WriteLine("consumer check failed: " + failure);
return failures.Count == 0 ? 0 : 1;
