using System.Globalization;
using System.Reflection;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.Pensions;

namespace Actuarial.Scenarios;

// How the typed levers move a scenario: the one apply path of the code route (PensionScenario.With) and of scenario files.
public static partial class Levers
{
    /// <summary>
    /// Every lever that moves a number of a scenario (<see cref="Lever"/>), in catalogue order. The keys of
    /// <see cref="All"/> that are not here shape a scenario rather than move a number: the name, description and horizon,
    /// and the rule choices (indexation, crediting, subsidies, the pooling periods, the reform and the reserve switch).
    /// </summary>
    public static IReadOnlyList<Lever> Typed => TypedLevers.Value;

    private static readonly Lazy<IReadOnlyList<Lever>> TypedLevers = new(() =>
    {
        var named = typeof(Levers).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Lever)).Select(p => (Lever)p.GetValue(null)!);
        var byKey = named.Concat(LabourLeverDefinitions!).ToDictionary(l => l.Key);
        return All!.Where(s => byKey.ContainsKey(s.Key)).Select(s => byKey[s.Key]).ToArray();
    });

    /// <summary>How code names the typed lever of a key (<c>Levers.EmployerRate</c>, <c>Levers.OfLabour(LabourLever.ContributionDensity)</c>), or null.</summary>
    internal static string? CodeName(string key)
    {
        var property = typeof(Levers).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(p => p.PropertyType == typeof(Lever) && ((Lever)p.GetValue(null)!).Key == key);
        if (property is not null) return "Levers." + property.Name;
        var labour = Actuarial.Labour.LabourLevers.All.FirstOrDefault(l => key == $"labour.{Actuarial.Labour.LabourLevers.Label(l)}");
        return FindTyped(key) is not null && key.StartsWith("labour.", StringComparison.Ordinal) ? $"Levers.OfLabour(LabourLever.{labour})" : null;
    }

    /// <summary>The typed lever of a key, or null (a key that shapes the scenario, or no key of the catalogue).</summary>
    public static Lever? FindTyped(string key) => Typed.FirstOrDefault(l => l.Key == key);

    /// <summary>The default path with the years <paramref name="path"/> sets replaced by <paramref name="value"/>(year, default, lever value); without a function, by the lever's value.</summary>
    internal static AnnualPath OverridePath(AnnualPath defaults, LeverPath path, Func<int, double, double, double>? value = null) =>
        defaults.Map((year, v) => path.Sets(year) ? (value is null ? path.At(year) : value(year, v, path.At(year))) : v);

    /// <summary>The schedule's steps before January of the path's first year, then one step a year from the path.</summary>
    internal static RateSchedule OverrideSchedule(RateSchedule schedule, LeverPath path)
    {
        var start = new YearMonth(path.FirstYear, 1);
        var steps = schedule.Steps.Where(s => s.From < start).ToList();
        for (int year = path.FirstYear; year <= path.LastYear; year++)
        {
            if (steps.Count == 0 || steps[^1].Rate != path.At(year)) steps.Add(new RateStep(new YearMonth(year, 1), path.At(year)));
        }
        return new RateSchedule(schedule.Name, steps);
    }

    private static IEnumerable<(int Year, double Value)> Points(AnnualPath path) =>
        Enumerable.Range(path.FirstYear, path.LastYear - path.FirstYear + 1).Select(y => (y, path[y]));

    private static PensionScenario WithTfr(PensionScenario s, LeverPath p, Func<int, double, double, double> value)
    {
        var d = s.Demography;
        var path = OverridePath(d.Fertility.TotalFertilityRate, p, value);
        for (int year = path.FirstYear; year <= path.LastYear; year++)
        {
            if (path[year] < MinTotalFertilityRate)
            {
                throw new ArgumentOutOfRangeException(nameof(p), path[year],
                    string.Create(CultureInfo.InvariantCulture, $"the TFR in {year} would be {path[year]:0.###}: a value that keeps the TFR at or above {MinTotalFertilityRate}"));
            }
        }
        var tfr = new AnnualPath("tfr", path.FirstYear, Enumerable.Range(path.FirstYear, path.LastYear - path.FirstYear + 1).Select(y => path[y]).ToArray(), 0, 15);
        return s with { Demography = d with { Fertility = d.Fertility with { TotalFertilityRate = tfr } } };
    }

    private static PensionScenario ScaleMigration(PensionScenario s, LeverPath scale)
    {
        var m = s.Demography.InternationalMigration;
        var rows = new List<double[]>();
        for (int year = m.FirstYear; year <= m.LastYear; year++)
        {
            double factor = scale.Sets(year) ? scale.At(year) : 1;
            var row = new double[Sexes.Count * Ages.Count];
            for (int sex = 0; sex < Sexes.Count; sex++)
            {
                var persons = m.PersonsFor(year, (Sex)sex);
                for (int a = 0; a < Ages.Count; a++) row[sex * Ages.Count + a] = persons[a] * factor;
            }
            rows.Add(row);
        }
        return s with { Demography = s.Demography with { InternationalMigration = new InternationalMigrationAssumption($"{m.Source} scaled by demography.international_migration.scale", m.FirstYear, rows) } };
    }

    // The economy levers move the scenario's economy and link every nominal input to it again (linking replaces the
    // years after the observed ones, so relinking an already linked scenario changes only what the lever moves).
    private static PensionScenario Relink(PensionScenario s, Func<Actuarial.Economy.EconomicAssumptions, Actuarial.Economy.EconomicAssumptions> change) =>
        s.LinkedTo(change(s.Economy ?? throw new ArgumentException(
            $"scenario '{s.Name}' is not linked to an economy (PensionScenario.LinkedTo); the economy levers move that economy", nameof(s))));

    private static PensionScenario WithRules(PensionScenario s, Func<SchemeRules, SchemeRules> change) =>
        s with { Scheme = s.Scheme with { Rules = change(s.Scheme.Rules) } };

    private static PensionScenario WithContributions(PensionScenario s, Func<ContributionRates, ContributionRates> change) =>
        WithRules(s, r => r with { Contributions = change(r.Contributions) });

    private static PensionScenario WithAges(PensionScenario s, Func<RetirementAgeSchedule, RetirementAgeSchedule> change) =>
        WithRules(s, r => r with { RetirementAges = change(r.RetirementAges) });

    // The coverage levers move the coverage path and redraw the joining path from it. A year whose joining share is not the
    // path's (one labour.uncovered_workers_joining sets) keeps its value, so the two kinds of lever agree in either order.
    private static PensionScenario WithCoveragePath(PensionScenario s, Func<Actuarial.Labour.CoveragePath, Actuarial.Labour.CoveragePath> change)
    {
        var labour = s.Labour;
        var current = labour.JoiningPath ?? throw new ArgumentException(
            $"scenario '{s.Name}': its joining path is not drawn from a coverage path (LabourAssumptions.JoiningPath is null), so the coverage levers have nothing to move; set {Levers.OfLabour(Actuarial.Labour.LabourLever.UncoveredWorkersJoining).Key} instead");
        var next = change(current);
        var joining = labour.UncoveredWorkersJoining.Map((year, v) => v == current.JoinedShare(year) ? next.JoinedShare(year) : v);
        return s with { Labour = labour with { UncoveredWorkersJoining = joining, JoiningPath = next } };
    }

    // The elastic options of the schedule in force: the early one (negative offset) and the late one, each with a share of
    // 0 and the reform's 36 months until a lever sets them; the levers write both back, early first.
    private static RetirementOption EarlyOption(PensionScenario s) =>
        s.Scheme.Rules.RetirementAges.Elastic.Options.FirstOrDefault(o => o.OffsetMonths < 0, new RetirementOption(-ElasticRetirement.MaxEarlyMonths, 0));

    private static RetirementOption LateOption(PensionScenario s) =>
        s.Scheme.Rules.RetirementAges.Elastic.Options.FirstOrDefault(o => o.OffsetMonths > 0, new RetirementOption(ElasticRetirement.MaxLateMonths, 0));

    private static PensionScenario WithElastic(PensionScenario s, Func<RetirementOption, RetirementOption> early, Func<RetirementOption, RetirementOption> late) =>
        WithAges(s, a => a with { Elastic = new ElasticRetirement([early(EarlyOption(s)), late(LateOption(s))]) });

    // The retirement levers move the reform's paths; the pre-reform ages (60 / 55 / 50 for every cohort) use none.
    private static bool ReformInForce(PensionScenario s) => s.Scheme.Rules.RetirementAges != RetirementAgeSchedule.PreReform;

    /// <summary>The share of a share rule (real_wage_share, wage_share, price_share), or null for a rule without one.</summary>
    internal static double? ShareOf(IFutureRateRule rule) => rule switch
    {
        PricesPlusShareOfRealWageGrowth r => r.Share,
        ShareOfWageGrowth w => w.Share,
        ShareOfPriceGrowth p => p.Share,
        _ => null,
    };

    private static bool UsesShare(IFutureRateRule rule) => ShareOf(rule) is not null;

    private static IFutureRateRule WithShare(IFutureRateRule rule, double share) => rule switch
    {
        ShareOfWageGrowth => new ShareOfWageGrowth(share),
        ShareOfPriceGrowth => new ShareOfPriceGrowth(share),
        _ => new PricesPlusShareOfRealWageGrowth(share),
    };

    private static bool ReserveInForce(PensionScenario s) => s.Funds.Reserve is not null;

    private static PensionScenario WithReserve(PensionScenario s, Func<StrategicReserve, StrategicReserve> change) =>
        s with { Funds = s.Funds with { Reserve = change(s.Funds.Reserve!) } };
}
