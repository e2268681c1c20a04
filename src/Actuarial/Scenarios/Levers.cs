using System.Globalization;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Labour;
using Actuarial.Pensions;

namespace Actuarial.Scenarios;

/// <summary>What kind of value a scenario-file key takes.</summary>
public enum LeverKind
{
    /// <summary>A single number.</summary>
    Number,
    /// <summary>A whole number (a year, an age step).</summary>
    Integer,
    /// <summary>A number, or a path over years: an object whose keys are years ("2030") or year ranges ("2030-2039").</summary>
    Path,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>One of a list of words.</summary>
    Choice,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A list of objects (the pooling periods).</summary>
    List,
}

/// <summary>
/// One entry of the lever catalogue: a key of the scenario file, what it takes, its unit and valid range, its default
/// (the China defaults, current law) and what it does. The catalogue is the single definition the parser validates
/// against and the documentation (<c>docs/scenario-file.md</c>) and the JSON Schema are generated from.
/// </summary>
/// <param name="Key">Dotted key: the JSON object path, e.g. <c>scheme.indexation.share</c>; <c>funds.pooling[].ratio</c> for a field of a list item.</param>
/// <param name="Kind">What the key takes.</param>
/// <param name="Unit">Unit of the value, in words ("" for none).</param>
/// <param name="Minimum">Smallest valid value (numbers, integers, paths).</param>
/// <param name="Maximum">Largest valid value.</param>
/// <param name="Default">The default, in words.</param>
/// <param name="Description">What the lever does and how it maps onto the model.</param>
/// <param name="Choices">The valid words of a <see cref="LeverKind.Choice"/>.</param>
/// <param name="UsedWhen">The rule that must be active for the key to be accepted, in words ("" when always).</param>
public sealed record LeverSpec(
    string Key, LeverKind Kind, string Unit, double Minimum, double Maximum, string Default, string Description,
    IReadOnlyList<string>? Choices = null, string UsedWhen = "")
{
    /// <summary>The section the key belongs to (text before the last dot), "" at the top level.</summary>
    public string Section => Key.LastIndexOf('.') is var i and >= 0 ? Key[..i] : "";

    /// <summary>The key's last segment, as written in its JSON object.</summary>
    public string Name => Key[(Key.LastIndexOf('.') + 1)..];

    /// <summary>The valid range in words, e.g. "a number in [0, 1]".</summary>
    public string RangeText => Kind switch
    {
        LeverKind.Number => $"a number in [{Show(Minimum)}, {Show(Maximum)}]",
        LeverKind.Integer => $"a whole number in [{Show(Minimum)}, {Show(Maximum)}]",
        LeverKind.Path => $"a number in [{Show(Minimum)}, {Show(Maximum)}], or a path {{\"year\" or \"year-year\": value}} of such numbers",
        LeverKind.Boolean => "true or false",
        LeverKind.Choice => "one of " + string.Join(", ", (Choices ?? []).Select(c => $"\"{c}\"")),
        LeverKind.Text => "a string",
        _ => "a list of objects",
    };

    internal static string Show(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>
/// The lever catalogue of scenario files: every key a scenario file may hold, defined once (<see cref="All"/>). A
/// scenario is the China defaults (<see cref="ChinaDefaults.PensionScenario"/>: current law, the 2025 retirement
/// reform, national pooling, the published parameters) plus the overrides the file gives.
/// </summary>
public static partial class Levers
{
    /// <summary>First year a path may start: the first year of the fund ledgers (2025). Years before keep the defaults (published data and estimates).</summary>
    public const int FirstLeverYear = ChinaFunds.FirstProjectedYear;

    /// <summary>Earliest horizon accepted.</summary>
    public const int MinimumHorizon = 2030;

    /// <summary>Fixed-rate rule name of indexation and crediting.</summary>
    public const string Fixed = "fixed";

    /// <summary>Share-of-wage-growth rule name.</summary>
    public const string WageShare = "wage_share";

    /// <summary>Share-of-price-growth rule name.</summary>
    public const string PriceShare = "price_share";

    /// <summary>Prices-plus-a-share-of-real-wage-growth rule name (the default of indexation and crediting).</summary>
    public const string RealWageShare = "real_wage_share";

    /// <summary>The pooling rules a period may name.</summary>
    public static IReadOnlyList<string> PoolingRules { get; } = ["provincial", "central_adjustment", "national"];

    /// <summary>The subsidy rules.</summary>
    public static IReadOnlyList<string> SubsidyRules { get; } = ["share_of_spending", "share_of_gdp", "floor", "none"];

    private static readonly string[] RateRules = [RealWageShare, Fixed, WageShare, PriceShare];


    /// <summary>The spec of a key, or null.</summary>
    public static LeverSpec? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The spec of a key that must exist.</summary>
    internal static LeverSpec Get(string key) => Find(key) ?? throw new ArgumentException($"no lever '{key}' in the catalogue", nameof(key));

    /// <summary>
    /// Lowest life expectancy at birth a scenario may set or reach, years. The Lee-Carter pattern of the defaults
    /// reaches down to about 32 (men) and 15 (women); 40 is below any national e0 since 1960.
    /// </summary>
    public const double MinLifeExpectancy = 40;

    /// <summary>
    /// Highest life expectancy at birth a scenario may set or reach, years. The Lee-Carter pattern of the defaults
    /// (a(x), b(x) fitted to WPP 2024, k within ±ln 10⁴ / mean |b(x)|) reaches about 103 for men and 106 for women;
    /// beyond that e0 cannot be met by moving the level k, since old-age rates with small b(x) barely fall. Stretching
    /// the pattern further would rest on no data (the life table closes at 100+), so the range stops at 100: well
    /// above every published projection for China (WPP 2024 medium: 88 for men, 91 for women in 2100).
    /// </summary>
    public const double MaxLifeExpectancy = 100;

    /// <summary>Lowest TFR a TFR offset may lead to, children per woman (below it the projected births are no longer a population's).</summary>
    public const double MinTotalFertilityRate = 0.1;

    /// <summary>The most negative TFR offset that keeps the WPP 2024 TFR at or above <see cref="MinTotalFertilityRate"/> in every year from 2025, rounded up to a tenth: derived from the data, so the documented range runs.</summary>
    internal static readonly Lazy<(double Offset, double Lowest)> MinTfrOffset = new(() =>
    {
        var tfr = ChinaDefaults.Fertility().TotalFertilityRate;
        double lowest = Enumerable.Range(FirstLeverYear, ChinaDefaults.EndYear - FirstLeverYear + 1).Min(y => tfr[y]);
        return (Math.Ceiling((MinTotalFertilityRate - lowest) * 10) / 10, lowest);
    });

    /// <summary>
    /// The largest e0 offset and gain scale that keep the WPP 2024 e0 path of both sexes within
    /// <see cref="MaxLifeExpectancy"/> in every year to the horizon, rounded down to a tenth: derived from the data, so
    /// the documented range is what the model reaches.
    /// </summary>
    internal static readonly Lazy<(double MaxOffset, double MaxGainScale)> E0Limits = new(() =>
    {
        double offset = double.MaxValue, scale = double.MaxValue;
        foreach (var sex in new[] { Dimensions.Sex.Male, Dimensions.Sex.Female })
        {
            var wpp = ChinaDefaults.LifeExpectancyPath(sex);
            double anchor = wpp[ScenarioFile.GainScaleAnchorYear];
            for (int year = FirstLeverYear; year <= ChinaDefaults.EndYear; year++)
            {
                offset = Math.Min(offset, MaxLifeExpectancy - wpp[year]);
                if (wpp[year] > anchor) scale = Math.Min(scale, (MaxLifeExpectancy - anchor) / (wpp[year] - anchor));
            }
        }
        return (Math.Floor(offset * 10) / 10, Math.Floor(scale * 10) / 10);
    });

    /// <summary>The total fertility rate path. <c>demography.fertility.tfr</c>.</summary>
    public static Lever TotalFertilityRate { get; } = new(
        new LeverSpec("demography.fertility.tfr", LeverKind.Path, "children per woman", 0.3, 5, "WPP 2024 medium",
                    $"Total fertility rate, replacing WPP 2024 from the path's first year; {HoldsToHorizon}."),
        (s, p) => WithTfr(s, p, (_, _, x) => x));

    /// <summary>An offset to the total fertility rate. <c>demography.fertility.tfr_offset</c>.</summary>
    public static Lever TotalFertilityRateOffset { get; } = new(
        new LeverSpec("demography.fertility.tfr_offset", LeverKind.Path, "children per woman", MinTfrOffset.Value.Offset, 3, "0",
                    string.Create(CultureInfo.InvariantCulture, $"Added to the WPP 2024 TFR from the path's first year (a single number: from 2025). Not with `tfr`. The smallest value keeps the TFR at or above {MinTotalFertilityRate} in every year (WPP 2024's lowest from 2025 is {MinTfrOffset.Value.Lowest:0.###}).")),
        (s, p) => WithTfr(s, p, (_, v, x) => v + x));

    /// <summary>A multiplier on net international migration. <c>demography.international_migration.scale</c>.</summary>
    public static Lever InternationalMigrationScale { get; } = new(
        new LeverSpec("demography.international_migration.scale", LeverKind.Path, "ratio", 0, 10, "1",
                    "Multiplies WPP 2024 net international migrants by sex and age (0 closes the border)."),
        ScaleMigration);

    /// <summary>The pace of the expansion of schooling. <c>demography.schooling.pace</c>.</summary>
    public static Lever SchoolingPace { get; } = new(
        new LeverSpec("demography.schooling.pace", LeverKind.Number, "ratio", 0.1, 5, "1",
                    "Pace of the expansion of schooling along the Wittgenstein SSP2 attainment path, counted from 2020 (2 = twice as fast)."),
        (s, p) => s with { Demography = s.Demography with { Education = s.Demography.Education!.WithPace(p.Values[0], ChinaDefaults.BaseYear) } },
        s => s.Demography.Education is not null);

    /// <summary>Consumer-price growth. <c>economy.price_growth</c>.</summary>
    public static Lever PriceGrowth { get; } = new(
        new LeverSpec("economy.price_growth", LeverKind.Path, "per year", -0.1, 0.3, "0 in 2025 (observed), 0.01 in 2026, 0.015 in 2027, then 0.02 (the CPI target)",
                    $"Consumer-price growth. Every nominal path after 2025 is a real path × prices: wages, fund returns, and through the rules pension increases and crediting; changing it alone changes no real amount and no ratio. {HoldsToHorizon}."),
        (s, p) => Relink(s, e => e with { PriceGrowth = OverridePath(e.PriceGrowth, p) }));

    /// <summary>Real wage growth. <c>economy.real_wage_growth</c>.</summary>
    public static Lever RealWageGrowth { get; } = new(
        new LeverSpec("economy.real_wage_growth", LeverKind.Path, "per year", -0.2, 0.3, "5.3% (2019–2024 average) converging to 1.5% with a 15-year half-life",
                    $"Real growth of every province's average wage from 2026 (nominal = (1 + real)(1 + price growth) − 1; 2025 keeps the published +4.3%). {HoldsToHorizon}."),
        (s, p) => Relink(s, e => e with { RealWageGrowth = OverridePath(e.RealWageGrowth, p) }));

    /// <summary>Real return on the entrusted part of the funds. <c>economy.real_return_entrusted</c>.</summary>
    public static Lever RealReturnEntrusted { get; } = new(
        new LeverSpec("economy.real_return_entrusted", LeverKind.Path, "per year", -0.5, 0.5, "0.032 (5.00% a year 2016–2023 less that period's inflation)",
                    $"Real return on the part of each fund entrusted to the NCSSF, from 2026 (2025 keeps the nominal 5%). {HoldsToHorizon}."),
        (s, p) => Relink(s, e => e with { RealEntrustedReturn = OverridePath(e.RealEntrustedReturn, p) }));

    /// <summary>Real return on the rest of the funds. <c>economy.real_return_other</c>.</summary>
    public static Lever RealReturnOther { get; } = new(
        new LeverSpec("economy.real_return_other", LeverKind.Path, "per year", -0.5, 0.5, "0 (deposit and bond yields about equal to inflation)",
                    $"Real return on the rest of each fund (deposits, bonds), from 2026 (2025 keeps the nominal 2%). {HoldsToHorizon}."),
        (s, p) => Relink(s, e => e with { RealOtherReturn = OverridePath(e.RealOtherReturn, p) }));

    /// <summary>Real discount rate of the implicit pension debt. <c>economy.real_discount_rate</c>.</summary>
    public static Lever RealDiscountRate { get; } = new(
        new LeverSpec("economy.real_discount_rate", LeverKind.Number, "per year", -0.05, 0.2, "0.02",
                    "Real discount rate of the implicit pension debt (made nominal at the long-run price growth)."),
        (s, p) => Relink(s, e => e with { RealDiscountRate = p.Values[0] }));

    /// <summary>The employer rate to the pooled fund, in every province (provincial schedules included). <c>scheme.contributions.employer_rate</c>.</summary>
    public static Lever EmployerRate { get; } = new(
        new LeverSpec("scheme.contributions.employer_rate", LeverKind.Path, "share of the contribution base", 0, 0.4, "0.16 (since May 2019)",
                    "Employer rate to the pooled fund in every province, from January of the path's first year (0.20 undoes the 2019 cut)."),
        (s, p) => WithContributions(s, c => c with
            {
                EmployerToPool = OverrideSchedule(c.EmployerToPool, p),
                // A province's own schedule (Shanghai's) moves with the national rate: the lever sets every province's rate.
                ProvincialEmployerRates = c.ProvincialEmployerRates.ToDictionary(kv => kv.Key, kv => OverrideSchedule(kv.Value, p)),
            }));

    /// <summary>The employee rate to the individual account. <c>scheme.contributions.employee_rate</c>.</summary>
    public static Lever EmployeeRate { get; } = new(
        new LeverSpec("scheme.contributions.employee_rate", LeverKind.Path, "share of the contribution base", 0, 0.2, "0.08",
                    "Employee rate to the individual account, from January of the path's first year."),
        (s, p) => WithContributions(s, c => c with { EmployeeToAccount = OverrideSchedule(c.EmployeeToAccount, p) }));

    /// <summary>The share of employer contributions waived. <c>scheme.contributions.relief</c>.</summary>
    public static Lever ContributionRelief { get; } = new(
        new LeverSpec("scheme.contributions.relief", LeverKind.Path, "share of employer contributions", 0, 1, "0",
                    "Share of employer contributions waived (temporary relief such as the 2020 waivers), for the years of the path only."),
        (s, p) => WithContributions(s, c => c with { Relief = new Pensions.ContributionRelief(Enumerable.Range(p.FirstYear, p.Values.Count).ToDictionary(y => y, p.At)) }));

    /// <summary>Men's final statutory retirement age, years. <c>scheme.retirement.men_target_age</c>.</summary>
    public static Lever MenTargetAge { get; } = new(
        new LeverSpec("scheme.retirement.men_target_age", LeverKind.Number, "years", 60, 70, "63",
                    "Men's final statutory age (rounded to whole months).", UsedWhen: "reform is true"),
        (s, p) => WithAges(s, a => a with { Men = a.Men with { TargetAgeMonths = (int)Math.Round(p.Values[0] * 12) } }),
        ReformInForce);

    /// <summary>Women cadres' final statutory retirement age, years. <c>scheme.retirement.women_cadres_target_age</c>.</summary>
    public static Lever WomenCadresTargetAge { get; } = new(
        new LeverSpec("scheme.retirement.women_cadres_target_age", LeverKind.Number, "years", 55, 70, "58",
                    "Final statutory age of women in cadre posts (original 55).", UsedWhen: "reform is true"),
        (s, p) => WithAges(s, a => a with { WomenCadres = a.WomenCadres with { TargetAgeMonths = (int)Math.Round(p.Values[0] * 12) } }),
        ReformInForce);

    /// <summary>Women workers' final statutory retirement age, years. <c>scheme.retirement.women_workers_target_age</c>.</summary>
    public static Lever WomenWorkersTargetAge { get; } = new(
        new LeverSpec("scheme.retirement.women_workers_target_age", LeverKind.Number, "years", 50, 70, "55",
                    "Final statutory age of women workers (original 50).", UsedWhen: "reform is true"),
        (s, p) => WithAges(s, a => a with { WomenWorkers = a.WomenWorkers with { TargetAgeMonths = (int)Math.Round(p.Values[0] * 12) } }),
        ReformInForce);

    /// <summary>Months of birth per extra month of retirement age, men. <c>scheme.retirement.men_pace</c>.</summary>
    public static Lever MenPace { get; } = new(
        new LeverSpec("scheme.retirement.men_pace", LeverKind.Integer, "months of birth per extra month of age", 1, 120, "4",
                    "Pace of the rise for men: one month of age per this many months of birth (smaller = faster).", UsedWhen: "reform is true"),
        (s, p) => WithAges(s, a => a with { Men = a.Men with { BirthMonthsPerExtraMonth = (int)p.Values[0] } }),
        ReformInForce);

    /// <summary>Months of birth per extra month of retirement age, women cadres. <c>scheme.retirement.women_cadres_pace</c>.</summary>
    public static Lever WomenCadresPace { get; } = new(
        new LeverSpec("scheme.retirement.women_cadres_pace", LeverKind.Integer, "months of birth per extra month of age", 1, 120, "4",
                    "Pace of the rise for women cadres.", UsedWhen: "reform is true"),
        (s, p) => WithAges(s, a => a with { WomenCadres = a.WomenCadres with { BirthMonthsPerExtraMonth = (int)p.Values[0] } }),
        ReformInForce);

    /// <summary>Months of birth per extra month of retirement age, women workers. <c>scheme.retirement.women_workers_pace</c>.</summary>
    public static Lever WomenWorkersPace { get; } = new(
        new LeverSpec("scheme.retirement.women_workers_pace", LeverKind.Integer, "months of birth per extra month of age", 1, 120, "2",
                    "Pace of the rise for women workers.", UsedWhen: "reform is true"),
        (s, p) => WithAges(s, a => a with { WomenWorkers = a.WomenWorkers with { BirthMonthsPerExtraMonth = (int)p.Values[0] } }),
        ReformInForce);

    /// <summary>
    /// The pace of the whole reform at once, months of birth per extra month of retirement age: men and women cadres at
    /// x, women workers at half of x (rounded down, at least 1), as the reform's 4 and 2. <c>scheme.retirement.pace</c>.
    /// </summary>
    public static Lever RetirementPace { get; } = new(
        new LeverSpec("scheme.retirement.pace", LeverKind.Integer, "months of birth per extra month of age", 1, 120, "4 (men and women cadres; women workers 2)",
                    "Pace of the rise for all three groups at once: men and women cadres one month of age per this many months of birth, women workers per half as many (rounded down, at least 1), as the reform's 4 and 2 (smaller = faster). The first cohorts affected and the target ages stay those in force. Not with `men_pace`, `women_cadres_pace` or `women_workers_pace`.",
                    UsedWhen: "reform is true"),
        (s, p) =>
        {
            int pace = (int)p.Values[0];
            return WithAges(s, a => a with
            {
                Men = a.Men with { BirthMonthsPerExtraMonth = pace },
                WomenCadres = a.WomenCadres with { BirthMonthsPerExtraMonth = pace },
                WomenWorkers = a.WomenWorkers with { BirthMonthsPerExtraMonth = Math.Max(1, pace / 2) },
            });
        },
        ReformInForce);

    // Elastic retirement (Pensions/ElasticRetirement.cs): take-up of the reform's early and late options. The four levers
    // move one set of two options, early then late (a share of 0 until set, 36 months until set), as a file gives them.

    /// <summary>Share of each cohort retiring early under elastic retirement. <c>scheme.retirement.early_share</c>.</summary>
    public static Lever ElasticEarlyShare { get; } = new(
        new LeverSpec("scheme.retirement.early_share", LeverKind.Number, "share of each cohort", 0, 1, "0 (no published take-up; an assumption)",
                    "Share of each cohort retiring early under the reform's elastic retirement (up to 3 years before the statutory age, never below 60 / 55 / 50), for statutory dates from January 2025; with `late_share` at most 1.", UsedWhen: "reform is true"),
        (s, p) => WithElastic(s, early => early with { Share = p.Values[0] }, late => late),
        ReformInForce);

    /// <summary>How many months before the statutory age the early share retires. <c>scheme.retirement.early_months</c>.</summary>
    public static Lever ElasticEarlyMonths { get; } = new(
        new LeverSpec("scheme.retirement.early_months", LeverKind.Integer, "months", 1, ElasticRetirement.MaxEarlyMonths, "36",
                    "How many months before the statutory age the early share retires.", UsedWhen: "reform is true and early_share is set"),
        (s, p) => WithElastic(s, early => early with { OffsetMonths = -(int)p.Values[0] }, late => late),
        s => ReformInForce(s) && EarlyOption(s).Share > 0);

    /// <summary>Share of each cohort retiring late by agreement with the employer. <c>scheme.retirement.late_share</c>.</summary>
    public static Lever ElasticLateShare { get; } = new(
        new LeverSpec("scheme.retirement.late_share", LeverKind.Number, "share of each cohort", 0, 1, "0 (no published take-up; an assumption)",
                    "Share of each cohort retiring late by agreement with the employer (up to 3 years after the statutory age), for statutory dates from January 2025.", UsedWhen: "reform is true"),
        (s, p) => WithElastic(s, early => early, late => late with { Share = p.Values[0] }),
        ReformInForce);

    /// <summary>How many months after the statutory age the late share retires. <c>scheme.retirement.late_months</c>.</summary>
    public static Lever ElasticLateMonths { get; } = new(
        new LeverSpec("scheme.retirement.late_months", LeverKind.Integer, "months", 1, ElasticRetirement.MaxLateMonths, "36",
                    "How many months after the statutory age the late share retires.", UsedWhen: "reform is true and late_share is set"),
        (s, p) => WithElastic(s, early => early, late => late with { OffsetMonths = (int)p.Values[0] }),
        s => ReformInForce(s) && LateOption(s).Share > 0);

    /// <summary>The share parameter of the indexation rule in force. <c>scheme.indexation.share</c>.</summary>
    public static Lever IndexationShare { get; } = new(
        new LeverSpec("scheme.indexation.share", LeverKind.Number, "share", 0, 1, "real_wage_share: 0.48, estimated on the 2016–2025 increases; required by the other share rules",
                    "Share of real wage growth (real_wage_share), of nominal wage growth (wage_share) or of price growth (price_share) passed to pensions.", UsedWhen: "rule is real_wage_share, wage_share or price_share"),
        (s, p) => WithRules(s, r => r with { Indexation = r.Indexation with { FutureRule = WithShare(r.Indexation.FutureRule, p.Values[0]) } }),
        s => UsesShare(s.Scheme.Rules.Indexation.FutureRule));

    /// <summary>The fixed indexation rate. <c>scheme.indexation.rate</c>.</summary>
    public static Lever IndexationRate { get; } = new(
        new LeverSpec("scheme.indexation.rate", LeverKind.Number, "per year", 0, 0.2, "none",
                    "The fixed nominal increase.", UsedWhen: "rule is fixed"),
        (s, p) => WithRules(s, r => r with { Indexation = r.Indexation with { FutureRule = new FixedRate(p.Values[0]) } }),
        s => s.Scheme.Rules.Indexation.FutureRule is FixedRate);

    /// <summary>The share parameter of the crediting rule in force. <c>scheme.crediting.share</c>.</summary>
    public static Lever CreditingShare { get; } = new(
        new LeverSpec("scheme.crediting.share", LeverKind.Number, "share", 0, 1, "real_wage_share: 0.73, estimated on the 2016–2024 rates; required by the other share rules",
                    "Share of real wage growth (real_wage_share), of nominal wage growth or of price growth credited.", UsedWhen: "rule is real_wage_share, wage_share or price_share"),
        (s, p) => WithRules(s, r => r with { CreditingRates = r.CreditingRates with { FutureRule = WithShare(r.CreditingRates.FutureRule, p.Values[0]) } }),
        s => UsesShare(s.Scheme.Rules.CreditingRates.FutureRule));

    /// <summary>The fixed crediting rate. <c>scheme.crediting.rate</c>.</summary>
    public static Lever CreditingRate { get; } = new(
        new LeverSpec("scheme.crediting.rate", LeverKind.Number, "per year", 0, 0.2, "none",
                    "The fixed nominal crediting rate.", UsedWhen: "rule is fixed"),
        (s, p) => WithRules(s, r => r with { CreditingRates = r.CreditingRates with { FutureRule = new FixedRate(p.Values[0]) } }),
        s => s.Scheme.Rules.CreditingRates.FutureRule is FixedRate);

    /// <summary>Share of each fund's balance entrusted to the NCSSF. <c>funds.returns.entrusted_share</c>.</summary>
    public static Lever EntrustedShare { get; } = new(
        new LeverSpec("funds.returns.entrusted_share", LeverKind.Number, "share", 0, 1, "0.351 (end-2023)", $"Share of each fund's balance entrusted to the NCSSF. {CalibrationReturn}"),
        (s, p) => s with { Funds = s.Funds with { EntrustedShare = p.Values[0] } });

    /// <summary>Subsidy per yuan of pensions paid. <c>funds.subsidies.share</c>.</summary>
    public static Lever SubsidyShare { get; } = new(
        new LeverSpec("funds.subsidies.share", LeverKind.Number, "share of pension spending", 0, 1, "the 2024 subsidy-to-spending ratio (≈ 0.2)",
                    "Subsidy per yuan of pensions paid.", UsedWhen: "rule is share_of_spending"),
        (s, p) => s with { Funds = s.Funds with { Subsidies = new SubsidyShareOfSpending(p.Values[0]) } },
        s => s.Funds.Subsidies is SubsidyShareOfSpending);

    /// <summary>Subsidies, % of GDP. <c>funds.subsidies.percent_of_gdp</c>.</summary>
    public static Lever SubsidyPercentOfGdp { get; } = new(
        new LeverSpec("funds.subsidies.percent_of_gdp", LeverKind.Number, "% of GDP", 0, 20, "none (required by share_of_gdp; the baseline's 2025 subsidies are 1.07% of GDP)",
                    "Subsidies as a percentage of nominal GDP each year.", UsedWhen: "rule is share_of_gdp"),
        (s, p) => s with { Funds = s.Funds with { Subsidies = new SubsidyShareOfGdp(p.Values[0], ((SubsidyShareOfGdp)s.Funds.Subsidies).NominalGdpYuan) } },
        s => s.Funds.Subsidies is SubsidyShareOfGdp);

    /// <summary>Subsidy floor, months of pensions. <c>funds.subsidies.floor_months</c>.</summary>
    public static Lever SubsidyFloorMonths { get; } = new(
        new LeverSpec("funds.subsidies.floor_months", LeverKind.Number, "months of pensions", 0, 120, "0",
                    "The state pays whatever keeps each province's balance at or above this many months of its pensions.", UsedWhen: "rule is floor"),
        (s, p) => s with { Funds = s.Funds with { Subsidies = ((FloorSubsidy)s.Funds.Subsidies) with { FloorMonthsOfSpending = p.Values[0] } } },
        s => s.Funds.Subsidies is FloorSubsidy);

    /// <summary>An extra yearly subsidy on top of the rule in force, hundred million yuan a year. <c>funds.subsidies.extra</c>.</summary>
    public static Lever ExtraSubsidy { get; } = new(
        new LeverSpec("funds.subsidies.extra", LeverKind.Path, "hundred million yuan per year", 0, 200_000, "0",
                    string.Create(CultureInfo.InvariantCulture, $"An extra subsidy each year on top of the subsidy rule in force, shared over the provinces in proportion to their pensions, from the path's first year (nominal yuan, as decided in advance); {HoldsToHorizon}. The largest value, 20 trillion yuan, is {2e13 / (ChinaEconomy.NominalGdpHundredMillionYuanHistory[2024] * ChinaFundFigures.YuanPer100Million):0%} of 2024 GDP.")),
        (s, p) =>
        {
            var extra = new Funds.ExtraSubsidy(p.FirstYear, p.Values.Select(v => v * ChinaFundFigures.YuanPer100Million).ToArray());
            // A second extra subsidy replaces the first (the lever sets the amount, as a file sets it once).
            var rule = s.Funds.Subsidies is CombinedSubsidy { Rules: [var own, Funds.ExtraSubsidy] } ? own : s.Funds.Subsidies;
            return s with { Funds = s.Funds with { Subsidies = new CombinedSubsidy([rule, extra]) } };
        });

    /// <summary>The reserve's transferred state capital, trillion yuan. <c>funds.reserve.state_capital</c>.</summary>
    public static Lever ReserveStateCapital { get; } = new(
        new LeverSpec("funds.reserve.state_capital", LeverKind.Number, "trillion yuan", 0, 50, "1.68 (central level, end-2020)",
                    "State capital transferred to the reserve, at book value; only its dividends are cash for the reserve.", UsedWhen: "enabled is true"),
        (s, p) => WithReserve(s, r => r with { StateCapital = p.Values[0] * 1e12 }),
        ReserveInForce);

    /// <summary>Dividend yield on the transferred capital. <c>funds.reserve.dividend_yield</c>.</summary>
    public static Lever ReserveDividendYield { get; } = new(
        new LeverSpec("funds.reserve.dividend_yield", LeverKind.Number, "per year", 0, 0.2, "0",
                    "Cash dividend yield on the transferred state capital.", UsedWhen: "enabled is true"),
        (s, p) => WithReserve(s, r => r with { DividendYield = p.Values[0] }),
        ReserveInForce);

    /// <summary>Return on the reserve. <c>funds.reserve.return</c>.</summary>
    public static Lever ReserveReturn { get; } = new(
        new LeverSpec("funds.reserve.return", LeverKind.Path, "per year", -0.5, 0.5, "0.0739", $"Return on the reserve; {HoldsToHorizon}.", UsedWhen: "enabled is true"),
        (s, p) => WithReserve(s, r => r with { Return = OverridePath(r.Return, p) }),
        ReserveInForce);

    /// <summary>Fiscal allocations to the reserve, hundred million yuan a year. <c>funds.reserve.fiscal_allocations</c>.</summary>
    public static Lever ReserveFiscalAllocations { get; } = new(
        new LeverSpec("funds.reserve.fiscal_allocations", LeverKind.Path, "hundred million yuan per year", 0, 100_000, "0",
                    $"Fiscal allocations to the reserve each year; {HoldsToHorizon}.", UsedWhen: "enabled is true"),
        (s, p) => WithReserve(s, r => r with
            {
                FiscalAllocations = OverridePath(r.FiscalAllocations ?? AnnualPath.Constant("fiscal allocations", ChinaFunds.FirstProjectedYear, s.EndYear, 0), p,
                    (_, _, x) => x * ChinaFundFigures.YuanPer100Million),
            }),
        ReserveInForce);

    /// <summary>First year the reserve pays provincial funds. <c>funds.reserve.draws_from</c>.</summary>
    public static Lever ReserveDrawsFrom { get; } = new(
        new LeverSpec("funds.reserve.draws_from", LeverKind.Integer, "year", FirstLeverYear, ChinaDefaults.EndYear, "2025",
                    "First year the reserve may pay provincial funds.", UsedWhen: "enabled is true"),
        (s, p) => WithReserve(s, r => r with { Draws = (r.Draws ?? new ReserveDraws(FirstLeverYear)) with { FirstYear = (int)p.Values[0] } }),
        ReserveInForce);

    /// <summary>Floor the reserve keeps each province at, months of pensions. <c>funds.reserve.floor_months</c>.</summary>
    public static Lever ReserveFloorMonths { get; } = new(
        new LeverSpec("funds.reserve.floor_months", LeverKind.Number, "months of pensions", 0, 120, "0",
                    "The reserve pays each province the shortfall below this many months of its pensions.", UsedWhen: "enabled is true"),
        (s, p) => WithReserve(s, r => r with { Draws = (r.Draws ?? new ReserveDraws(FirstLeverYear)) with { FloorMonthsOfSpending = p.Values[0] } }),
        ReserveInForce);

    /// <summary>The central minimum of the residents' foundation pension. <c>residents.minimum_pension</c>.</summary>
    public static Lever ResidentsMinimumPension { get; } = new(
        new LeverSpec("residents.minimum_pension", LeverKind.Path, "yuan per month at 2025 prices", 0, 10_000, "143 (2025; 123 in 2024), its real value held",
                    $"The central minimum of the residents' scheme's foundation pension (城乡居民基础养老金最低标准), paid from the budget to every beneficiary (the provinces' own top-ups come on top), from the path's first year, made nominal with the CPI since 2025; {HoldsToHorizon}."),
        (s, p) => s with
        {
            Residents = s.Residents with
            {
                FoundationPension = s.Residents.FoundationPension with
                {
                    CentralMinimumPath = AnnualPath.Constant("residents' central minimum", p.FirstYear, s.EndYear, 0).Map((year, _) => p.At(year)),
                },
            },
        });

    /// <summary>The long-run share of the uncovered employed who join the scheme (the coverage path's ceiling). <c>labour.coverage_ceiling</c>.</summary>
    public static Lever CoverageCeiling { get; } = new(
        new LeverSpec("labour.coverage_ceiling", LeverKind.Number, "share of the uncovered employed", 0, 1,
            string.Create(CultureInfo.InvariantCulture, $"{ChinaDefaults.CalibratedLabour().CoveragePath!.Path.Ceiling:0.###}: where the slowing growth of insured workers leads at its latest (2024/2023) slowdown, conservative (an assumption; data/README.md)"),
            "Share of the employed not covered in 2024 (flexible and platform workers, informal employees) who join the scheme in the long run: joined share = ceiling × (1 − (1 − pace)^(year − 2024)). Years that `uncovered_workers_joining` sets keep its values."),
        (s, p) => WithCoveragePath(s, c => c with { Ceiling = p.Values[0] }));

    /// <summary>The share of the distance to the coverage ceiling that closes each year. <c>labour.coverage_pace</c>.</summary>
    public static Lever CoveragePace { get; } = new(
        new LeverSpec("labour.coverage_pace", LeverKind.Number, "share per year", 0, 1,
            string.Create(CultureInfo.InvariantCulture, $"{ChinaDefaults.CalibratedLabour().CoveragePath!.Path.Pace:0.###}: one minus the 2024/2023 ratio of joiners net of demography"),
            "Share of the distance to the coverage ceiling that closes each year (0 holds coverage at its 2024 level)."),
        (s, p) => WithCoveragePath(s, c => c with { Pace = p.Values[0] }));

    /// <summary>The labour levers of the catalogue (wage growth is set through <see cref="RealWageGrowth"/> and <see cref="PriceGrowth"/>).</summary>
    private static readonly Lever[] LabourLeverDefinitions = LabourLevers.All.Where(l => l != LabourLever.WageGrowth).Select(LabourLeverOf).ToArray();

    /// <summary>The catalogue's lever of a labour-model lever (its range is the labour model's, <see cref="LabourLevers.Range"/>).</summary>
    /// <exception cref="ArgumentException"><see cref="LabourLever.WageGrowth"/>, which a scenario sets through the economy.</exception>
    internal static Lever OfLabour(LabourLever lever) => LabourLeverDefinitions.FirstOrDefault(l => l.Key == $"labour.{lever.Label()}")
        ?? throw new ArgumentException($"'{lever.Label()}' is set through {RealWageGrowth.Key} and {PriceGrowth.Key}", nameof(lever));

    private static Lever LabourLeverOf(LabourLever lever)
    {
            var (min, max) = lever.Range();
        string unit = lever switch
        {
            LabourLever.WageGrowth => "per year",
            LabourLever.UnemploymentScale or LabourLever.NonAgriculturalShareScale => "ratio",
            _ => "share",
        };
        string def = lever switch
        {
            LabourLever.WageGrowth => "the published growth to 2025 (2025: +4.3%, low trust), then the 2019–2024 average (6.5%)",
            LabourLever.UnemploymentScale or LabourLever.NonAgriculturalShareScale or LabourLever.ContributionDensity => "1",
            LabourLever.UncoveredWorkersJoining => "the coverage path of `coverage_ceiling` and `coverage_pace`: 0 in 2024, then rising towards the ceiling",
            _ => "0",
        };
        string what = lever switch
        {
            LabourLever.FemaleParticipationGain => "Share of the gap between men's and women's participation (same education and age) that women close.",
            LabourLever.OlderWorkerParticipationGain => "Share of the gap between the participation of people aged 50+ and the peak participation of their sex and education that closes.",
            LabourLever.UnemploymentScale => "Multiplier on the base unemployment rates (the product must stay ≤ 1).",
            LabourLever.NonAgriculturalShareScale => "Multiplier on every province's coverage from a rising non-agricultural share of employment.",
            LabourLever.UncoveredWorkersJoining => "Share of the employed not covered by the scheme (flexible and platform workers, informal employees) that join it; the years it sets override the coverage path.",
            LabourLever.ContributionDensity => "Share of a year covered workers actually pay (lower it to model rising non-payment).",
            _ => "Nominal growth of every province's average wage: W(y)/W(y−1) − 1.",
        };
        var spec = new LeverSpec($"labour.{lever.Label()}", LeverKind.Path, unit, min, max, def, what + " " + char.ToUpperInvariant(HoldsToHorizon[0]) + HoldsToHorizon[1..] + ".");
        return new Lever(spec, (s, p) => s with { Labour = s.Labour.WithLever(lever, Points(OverridePath(s.Labour.Lever(lever), p))) });
    }

    private const string HoldsToHorizon = "the last value holds to the horizon";

    private const string CalibrationReturn = "The 2025 blended return is also the return at which the 2024 calibration takes the funds' investment " +
        "income out of the yearbook revenue before fitting contributions, so that the ledgers do not count it twice.";

    /// <summary>Every key, in document order.</summary>
    public static IReadOnlyList<LeverSpec> All => AllInDocumentOrder.Value;

    // Built on first use, not in the type initialiser: the nested lever classes (MortalityLevers, …) read this class's
    // static fields while they initialise, so a list built here would meet them half-initialised when one of them is
    // touched first (PensionMonteCarlo's shocks name the e0 levers before anything else reads the catalogue).
    private static readonly Lazy<IReadOnlyList<LeverSpec>> AllInDocumentOrder = new(Build);

    private static List<LeverSpec> Build()
    {
        var list = new List<LeverSpec>
        {
            new("name", LeverKind.Text, "", 0, 0, "the file name without .json", "Short name used in tables, charts and golden tables."),
            new("description", LeverKind.Text, "", 0, 0, "none", "One sentence on the question the scenario answers."),
            new("horizon", LeverKind.Integer, "year", MinimumHorizon, ChinaDefaults.EndYear, "2100", "Last projected year (the demography, scheme and funds all stop there)."),

            TotalFertilityRate.Spec,
            TotalFertilityRateOffset.Spec,
            // The e0 levers combine into one mortality model whichever order they come in (Levers.Mortality.cs).
            LifeExpectancyMale.Spec,
            LifeExpectancyFemale.Spec,
            LifeExpectancyOffsetMale.Spec,
            LifeExpectancyOffsetFemale.Spec,
            LifeExpectancyGainScale.Spec,
            InternationalMigrationScale.Spec,
            SchoolingPace.Spec,
        };
        list.AddRange(
        [
            PriceGrowth.Spec,
            RealWageGrowth.Spec,
            RealReturnEntrusted.Spec,
            RealReturnOther.Spec,
            RealDiscountRate.Spec,
        ]);
        // The coverage path first: a file applies its levers in this order, and labour.uncovered_workers_joining overrides its years.
        list.AddRange([CoverageCeiling.Spec, CoveragePace.Spec]);
        list.AddRange(LabourLeverDefinitions.Select(l => l.Spec));
        list.AddRange(
        [
            EmployerRate.Spec,
            EmployeeRate.Spec,
            ContributionRelief.Spec,
            new("scheme.retirement.reform", LeverKind.Boolean, "", 0, 0, "true",
                "The 2025 reform of statutory retirement ages; false keeps 60 / 55 / 50 for every cohort."),
            MenTargetAge.Spec,
            WomenCadresTargetAge.Spec,
            WomenWorkersTargetAge.Spec,
            MenPace.Spec,
            WomenCadresPace.Spec,
            WomenWorkersPace.Spec,
            RetirementPace.Spec,
            ElasticEarlyShare.Spec,
            ElasticEarlyMonths.Spec,
            ElasticLateShare.Spec,
            ElasticLateMonths.Spec,
            new("scheme.indexation.rule", LeverKind.Choice, "", 0, 0, "real_wage_share",
                "Rule for the general increase of pensions after the last published year (2025): prices plus a share of real wage growth, a fixed nominal rate, a share of nominal wage growth or a share of price growth.", RateRules),
            IndexationShare.Spec,
            IndexationRate.Spec,
            new("scheme.crediting.rule", LeverKind.Choice, "", 0, 0, "real_wage_share",
                "Rule for the individual-account crediting rate after the last published year (2024).", RateRules),
            CreditingShare.Spec,
            CreditingRate.Spec,

            EntrustedShare.Spec,
            new("funds.subsidies.rule", LeverKind.Choice, "", 0, 0, "share_of_spending",
                "Fiscal subsidies: a share of each province's pension spending (the default: 18–21% of spending in 2011–2019 while the share of GDP doubled), a share of GDP shared in proportion to spending (a real amount growing with GDP), the amount that keeps every fund at a floor (gap filling), or none.", SubsidyRules),
            SubsidyShare.Spec,
            SubsidyPercentOfGdp.Spec,
            SubsidyFloorMonths.Spec,
            ExtraSubsidy.Spec,
            new("funds.pooling", LeverKind.List, "", 0, 0, "national pooling from 2022 (provincial pooling to 2017, central adjustment 2018–2021 before it)",
                "Pooling rules by year range from 2025: a list of periods, each {\"from\", \"to\", \"rule\", parameters}. The periods must follow each other without gaps from 2025 to the horizon (the last may omit \"to\")."),
            new("funds.pooling[].from", LeverKind.Integer, "year", FirstLeverYear, ChinaDefaults.EndYear, "required", "First year of the period."),
            new("funds.pooling[].to", LeverKind.Integer, "year", FirstLeverYear, ChinaDefaults.EndYear, "the horizon (last period only)", "Last year of the period."),
            new("funds.pooling[].rule", LeverKind.Choice, "", 0, 0, "required",
                "provincial: each province on its own; central_adjustment: the 2018–2021 central adjustment fund; national: national pooling of gaps.", PoolingRules),
            new("funds.pooling[].ratio", LeverKind.Number, "share of the wage base", 0, 0.2, "0.045 (the 2021 ratio)",
                "Central adjustment ratio 上解比例: share of 90% of the average wage × covered workers paid into the adjustment fund.", UsedWhen: "rule is central_adjustment"),
            new("funds.pooling[].wage_base_share", LeverKind.Number, "share of the average wage", 0.01, 1, "0.9",
                "Share of the average wage that is the base of the central adjustment.", UsedWhen: "rule is central_adjustment"),
            new("funds.pooling[].pool_share_of_gaps", LeverKind.Number, "share", 0, 1, "1",
                "Share of each deficit province's current gap the national pool covers.", UsedWhen: "rule is national"),
            new("funds.pooling[].max_levy_on_surplus", LeverKind.Number, "share", 0, 1, "1",
                "Largest share of a surplus province's current surplus the pool may levy.", UsedWhen: "rule is national"),
            new("funds.pooling[].count_subsidies", LeverKind.Boolean, "", 0, 0, "true",
                "Whether scheduled subsidies count in a province's current surplus.", UsedWhen: "rule is national"),
            new("funds.reserve.enabled", LeverKind.Boolean, "", 0, 0, "false",
                "The strategic reserve (NSSF assets of end-2024 and the transferred state capital) as a ledger that pays provincial funds short of their floor."),
            ReserveStateCapital.Spec,
            ReserveDividendYield.Spec,
            ReserveReturn.Spec,
            ReserveFiscalAllocations.Spec,
            ReserveDrawsFrom.Spec,
            ReserveFloorMonths.Spec,
            ResidentsMinimumPension.Spec,
        ]);
        list.AddRange(StressSpecs()); // Levers.Stress.cs
        list.AddRange(TransferSpecs()); // Levers.Transfers.cs
        list.AddRange(InsuredSpecs()); // Levers.Insured.cs
        list.AddRange(SpecialJobSpecs()); // Levers.SpecialJobs.cs
        list.AddRange(PillarSpecs()); // Levers.Pillars.cs
        return list;
    }
}
