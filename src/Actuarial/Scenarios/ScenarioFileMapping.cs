using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.Labour;
using Actuarial.Pensions;

namespace Actuarial.Scenarios;

public sealed partial class ScenarioFile
{
    /// <summary>Year from which e0 gains are scaled by <c>demography.mortality.e0_gain_scale</c>: the last year before the levers start.</summary>
    public const int GainScaleAnchorYear = Levers.FirstLeverYear - 1;

    private static readonly Lazy<(LifeExpectancyTarget Male, LifeExpectancyTarget Female)> Patterns =
        new(() => (ChinaDefaults.MortalityPattern(Sex.Male), ChinaDefaults.MortalityPattern(Sex.Female)));

    /// <summary>
    /// The scenario: <see cref="ChinaDefaults.PensionScenario"/> with the file's overrides applied layer by layer (with
    /// expressions on the layers' records). Layers the file does not touch keep the very same default objects, so two
    /// scenarios that do not change the demography have equal <see cref="PensionScenario.Demography"/> records and can
    /// share one demographic projection (<see cref="ScenarioFileRunner"/>).
    /// </summary>
    /// <exception cref="ScenarioFileException">A combination the model refuses (e.g. a TFR offset that makes the TFR negative).</exception>
    public PensionScenario ToScenario()
    {
        var baseline = ChinaDefaults.UnlinkedPensionScenario();
        try
        {
            var scenario = baseline with
            {
                Name = Name,
                EndYear = Horizon,
                Demography = MapDemography(baseline.Demography),
                Labour = MapLabour(baseline.Labour),
                Scheme = baseline.Scheme with { Rules = MapRules(baseline.Scheme.Rules) },
                Funds = MapFunds(),
            };
            return scenario.LinkedTo(MapEconomy(ChinaDefaults.Economy()));
        }
        catch (IO.InputDataException e)
        {
            throw new ScenarioFileException([new ScenarioFileError(Source, "$", null, e.Value, $"values the model accepts: {e.Message}")]);
        }
    }

    /// <summary>The default path with the years the file's path sets replaced by <paramref name="value"/>(year, default, file value).</summary>
    private static AnnualPath Override(AnnualPath defaults, LeverPath? path, Func<int, double, double, double> value) =>
        path is null ? defaults : defaults.Map((year, v) => path.Sets(year) ? value(year, v, path.At(year)) : v);

    private DemographicAssumptions MapDemography(DemographicAssumptions d)
    {
        d = d with { EndYear = Horizon };
        var tfr = PathOf("demography.fertility.tfr");
        var tfrOffset = PathOf("demography.fertility.tfr_offset");
        if (tfr is not null || tfrOffset is not null)
        {
            var path = Override(d.Fertility.TotalFertilityRate, tfr ?? tfrOffset, (_, v, x) => tfr is null ? v + x : x);
            for (int year = path.FirstYear; year <= path.LastYear; year++)
            {
                if (path[year] < Levers.MinTotalFertilityRate)
                {
                    throw new ScenarioFileException([new ScenarioFileError(Source, "$.demography.fertility.tfr_offset", "demography.fertility.tfr_offset",
                        path[year].ToString("0.###", CultureInfo.InvariantCulture) + $" (the TFR in {year})", "an offset that keeps the TFR at or above 0.1")]);
                }
            }
            d = d with { Fertility = d.Fertility with { TotalFertilityRate = new AnnualPath("tfr", path.FirstYear, Enumerable.Range(path.FirstYear, path.LastYear - path.FirstYear + 1).Select(y => path[y]).ToArray(), 0, 15) } };
        }
        if (Levers.All.Any(s => s.Key.StartsWith("demography.mortality.", StringComparison.Ordinal) && Has(s.Key)))
        {
            var male = E0(Sex.Male, "male");
            var female = E0(Sex.Female, "female");
            var years = Enumerable.Range(ChinaDefaults.BaseYear, ChinaDefaults.EndYear - ChinaDefaults.BaseYear + 1).ToArray();
            IMortalityModel mortality;
            try
            {
                mortality = new LifeExpectancyPathMortality(Patterns.Value.Male, Patterns.Value.Female, ChinaDefaults.BaseYear,
                    years.Select(y => male[y]).ToArray(), years.Select(y => female[y]).ToArray());
            }
            catch (ArgumentOutOfRangeException e)
            {
                // Unreachable once E0 has checked the range; kept so that a pattern change cannot turn into a crash.
                throw new ScenarioFileException([new ScenarioFileError(Source, "$.demography.mortality", null, null, "life expectancies the mortality pattern reaches: " + e.Message)]);
            }
            // The e0 levers move WPP's e0 path; the observed years' factor on the death rates (NBS basis) stays on top, so
            // that a scenario differs from the baseline by its lever only.
            if (d.Mortality is ScaledMortality observed) mortality = new ScaledMortality(mortality, observed.Factor);
            d = d with { Mortality = mortality };
        }
        if (PathOf("demography.international_migration.scale") is { } scale)
        {
            var m = d.InternationalMigration;
            var rows = new List<double[]>();
            for (int year = m.FirstYear; year <= m.LastYear; year++)
            {
                double factor = scale.Sets(year) ? scale.At(year) : 1;
                var row = new double[Sexes.Count * Ages.Count];
                for (int s = 0; s < Sexes.Count; s++)
                {
                    var persons = m.PersonsFor(year, (Sex)s);
                    for (int a = 0; a < Ages.Count; a++) row[s * Ages.Count + a] = persons[a] * factor;
                }
                rows.Add(row);
            }
            d = d with { InternationalMigration = new InternationalMigrationAssumption($"{m.Source} scaled by {Source}", m.FirstYear, rows) };
        }
        if (Number("demography.schooling.pace") is { } pace && d.Education is not null)
        {
            d = d with { Education = d.Education.WithPace(pace, ChinaDefaults.BaseYear) };
        }
        return d;
    }

    private AnnualPath E0(Sex sex, string label)
    {
        var wpp = ChinaDefaults.LifeExpectancyPath(sex);
        if (PathOf($"demography.mortality.e0_{label}") is { } explicitPath) return Override(wpp, explicitPath, (_, _, x) => x);
        double scale = Number("demography.mortality.e0_gain_scale") ?? 1;
        double anchor = wpp[GainScaleAnchorYear];
        var scaled = wpp.Map((year, v) => year > GainScaleAnchorYear ? anchor + scale * (v - anchor) : v);
        var result = Override(scaled, PathOf($"demography.mortality.e0_offset_{label}"), (_, v, x) => v + x);
        for (int year = Levers.FirstLeverYear; year <= Horizon; year++)
        {
            if (result[year] < Levers.MinLifeExpectancy || result[year] > Levers.MaxLifeExpectancy)
            {
                string keys = string.Join(" and ", new[] { "demography.mortality.e0_gain_scale", $"demography.mortality.e0_offset_{label}" }.Where(Has));
                throw new ScenarioFileException([new ScenarioFileError(Source, "$.demography.mortality", keys,
                    result[year].ToString("0.##", CultureInfo.InvariantCulture) + $" ({label} e0 in {year})",
                    string.Create(CultureInfo.InvariantCulture, $"a gain scale and offset that keep {label} e0 within {Levers.MinLifeExpectancy:0}…{Levers.MaxLifeExpectancy:0} years every year (the reach of the mortality pattern; see demography.mortality.e0_{label})"))]);
            }
        }
        return result;
    }

    /// <summary>The default economy with the file's economy levers; untouched, the very same default object.</summary>
    private Economy.EconomicAssumptions MapEconomy(Economy.EconomicAssumptions e)
    {
        if (!Levers.All.Any(s => s.Key.StartsWith("economy.", StringComparison.Ordinal) && Has(s.Key))) return e;
        return e with
        {
            PriceGrowth = Override(e.PriceGrowth, PathOf("economy.price_growth"), (_, _, x) => x),
            RealWageGrowth = Override(e.RealWageGrowth, PathOf("economy.real_wage_growth"), (_, _, x) => x),
            RealEntrustedReturn = Override(e.RealEntrustedReturn, PathOf("economy.real_return_entrusted"), (_, _, x) => x),
            RealOtherReturn = Override(e.RealOtherReturn, PathOf("economy.real_return_other"), (_, _, x) => x),
            RealDiscountRate = Number("economy.real_discount_rate") ?? e.RealDiscountRate,
        };
    }

    private LabourAssumptions MapLabour(LabourAssumptions labour)
    {
        if (Number("labour.coverage_ceiling") is { } || Number("labour.coverage_pace") is { })
        {
            var defaults = LabourCalibration.ChinaDefaults().CoveragePath!.Path;
            var coverage = new CoveragePath(Number("labour.coverage_ceiling") ?? defaults.Ceiling, Number("labour.coverage_pace") ?? defaults.Pace);
            labour = labour with { UncoveredWorkersJoining = coverage.ToLeverPath(labour.FirstYear, labour.LastYear) };
        }
        foreach (var lever in LabourLevers.All)
        {
            if (PathOf($"labour.{lever.Label()}") is not { } path) continue;
            var overridden = Override(labour.Lever(lever), path, (_, _, x) => x);
            labour = labour.WithLever(lever, Enumerable.Range(overridden.FirstYear, overridden.LastYear - overridden.FirstYear + 1).Select(y => (y, overridden[y])));
        }
        return labour;
    }

    private SchemeRules MapRules(SchemeRules rules)
    {
        var c = rules.Contributions;
        if (PathOf("scheme.contributions.employer_rate") is { } employer)
        {
            c = c with
            {
                EmployerToPool = Override(c.EmployerToPool, employer),
                ProvincialEmployerRates = c.ProvincialEmployerRates.ToDictionary(kv => kv.Key, kv => Override(kv.Value, employer)),
            };
        }
        if (PathOf("scheme.contributions.employee_rate") is { } employee) c = c with { EmployeeToAccount = Override(c.EmployeeToAccount, employee) };
        if (PathOf("scheme.contributions.relief") is { } relief)
        {
            c = c with { Relief = new ContributionRelief(Enumerable.Range(relief.FirstYear, relief.Values.Count).ToDictionary(y => y, relief.At)) };
        }
        rules = rules with { Contributions = c };

        if (Boolean("scheme.retirement.reform") == false)
        {
            rules = rules with { RetirementAges = RetirementAgeSchedule.PreReform };
        }
        else
        {
            var ages = rules.RetirementAges;
            rules = rules with
            {
                RetirementAges = ages with
                {
                    Men = Retirement(ages.Men, "men"),
                    WomenCadres = Retirement(ages.WomenCadres, "women_cadres"),
                    WomenWorkers = Retirement(ages.WomenWorkers, "women_workers"),
                    Elastic = Number("scheme.retirement.early_share") is null && Number("scheme.retirement.late_share") is null ? ages.Elastic : new ElasticRetirement(
                    [
                        new RetirementOption(-(Integer("scheme.retirement.early_months") ?? ElasticRetirement.MaxEarlyMonths), Number("scheme.retirement.early_share") ?? 0),
                        new RetirementOption(Integer("scheme.retirement.late_months") ?? ElasticRetirement.MaxLateMonths, Number("scheme.retirement.late_share") ?? 0),
                    ]),
                },
            };
        }
        rules = rules with
        {
            Indexation = rules.Indexation with { FutureRule = RateRule("scheme.indexation", rules.Indexation.FutureRule) },
            CreditingRates = rules.CreditingRates with { FutureRule = RateRule("scheme.crediting", rules.CreditingRates.FutureRule) },
        };
        return rules;
    }

    private RetirementAgePath Retirement(RetirementAgePath path, string who)
    {
        if (Number($"scheme.retirement.{who}_target_age") is { } target) path = path with { TargetAgeMonths = (int)Math.Round(target * 12) };
        if (Integer($"scheme.retirement.{who}_pace") is { } pace) path = path with { BirthMonthsPerExtraMonth = pace };
        return path;
    }

    private IFutureRateRule RateRule(string section, IFutureRateRule defaults)
    {
        string? rule = Text(section + ".rule");
        if (rule is null && !Has(section + ".share")) return defaults;
        return (rule ?? Levers.RealWageShare) switch
        {
            Levers.WageShare => new ShareOfWageGrowth(Number(section + ".share")!.Value),
            Levers.PriceShare => new ShareOfPriceGrowth(Number(section + ".share")!.Value),
            Levers.Fixed => new FixedRate(Number(section + ".rate")!.Value),
            _ => Number(section + ".share") is { } share ? new PricesPlusShareOfRealWageGrowth(share) : defaults,
        };
    }

    /// <summary>The schedule's steps before January of the path's first year, then one step a year from the path.</summary>
    private static RateSchedule Override(RateSchedule schedule, LeverPath path)
    {
        var start = new YearMonth(path.FirstYear, 1);
        var steps = schedule.Steps.Where(s => s.From < start).ToList();
        for (int year = path.FirstYear; year <= path.LastYear; year++)
        {
            if (steps.Count == 0 || steps[^1].Rate != path.At(year)) steps.Add(new RateStep(new YearMonth(year, 1), path.At(year)));
        }
        return new RateSchedule(schedule.Name, steps);
    }

    private FundAssumptions MapFunds()
    {
        ISubsidyRule subsidies = (Text("funds.subsidies.rule") ?? "share_of_spending") switch
        {
            "none" => new NoSubsidy(),
            "floor" => new FloorSubsidy(Number("funds.subsidies.floor_months") ?? 0),
            "share_of_gdp" => new SubsidyShareOfGdp(Number("funds.subsidies.percent_of_gdp")!.Value),
            _ => new SubsidyShareOfSpending(Number("funds.subsidies.share") ?? ChinaDefaults.SubsidyShareOfSpending2024()),
        };
        var funds = ChinaFunds.China2024(Horizon, ChinaDefaults.NonEntrustedFundReturn,
            entrustedShare: Number("funds.returns.entrusted_share") ?? ChinaFunds.EntrustedShare2023, subsidies: subsidies, pooling: MapPooling());
        if (Boolean("funds.reserve.enabled") == true)
        {
            var reserve = ChinaFunds.Reserve2024(Horizon, dividendYield: Number("funds.reserve.dividend_yield") ?? 0,
                draws: new ReserveDraws(Integer("funds.reserve.draws_from") ?? Levers.FirstLeverYear, Number("funds.reserve.floor_months") ?? 0));
            reserve = reserve with
            {
                Return = Override(reserve.Return, PathOf("funds.reserve.return"), (_, _, x) => x),
                StateCapital = Number("funds.reserve.state_capital") is { } capital ? capital * 1e12 : reserve.StateCapital,
                FiscalAllocations = PathOf("funds.reserve.fiscal_allocations") is { } allocations
                    ? Override(AnnualPath.Constant("fiscal allocations", ChinaFunds.FirstYear2024Table, Horizon, 0), allocations, (_, _, x) => x * ChinaFundFigures.YuanPer100Million)
                    : null,
            };
            funds = funds with { Reserve = reserve };
        }
        return funds;
    }

    private PoolingSchedule? MapPooling()
    {
        if (Pooling is null) return null;
        var history = PoolingSchedule.China().Periods.Where(p => p.FirstYear < Levers.FirstLeverYear)
            .Select(p => p with { LastYear = Math.Min(p.LastYear, Levers.FirstLeverYear - 1) });
        var periods = Pooling.Select((p, i) => new PoolingPeriod(p.FirstYear, i == Pooling.Count - 1 ? int.MaxValue : p.LastYear, p.Rule switch
        {
            "provincial" => new ProvincialPooling(),
            "central_adjustment" => (IPoolingRule)new CentralAdjustment(p.Ratio ?? PoolingSchedule.CentralAdjustmentRatio2021, 1,
                p.WageBaseShare ?? CentralAdjustment.StatutoryWageBaseShare),
            _ => new NationalPooling(p.PoolShareOfGaps ?? 1, p.MaxLevyOnSurplus ?? 1, p.CountSubsidies ?? true),
        }));
        return new PoolingSchedule(history.Concat(periods));
    }
}
