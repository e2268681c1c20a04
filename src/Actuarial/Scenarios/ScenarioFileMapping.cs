using System.Globalization;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.Labour;
using Actuarial.Pensions;

namespace Actuarial.Scenarios;

public sealed partial class ScenarioFile
{
    /// <summary>Year from which e0 gains are scaled by <c>demography.mortality.e0_gain_scale</c>: the last year before the levers start.</summary>
    internal const int GainScaleAnchorYear = Levers.FirstLeverYear - 1;

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
            // The file's shape first (horizon, rule choices, pooling, reserve switch), then every number it
            // sets through the typed levers: the very definitions PensionScenario.With applies.
            var scenario = (baseline with
            {
                Name = Name,
                EndYear = Horizon,
                Demography = MapDemography(baseline.Demography),
                Scheme = baseline.Scheme with { Rules = MapRules(baseline.Scheme.Rules) },
                Funds = MapFunds(),
            }).LinkedTo(ChinaDefaults.Economy());
            foreach (var lever in Levers.Typed)
            {
                if (!Has(lever.Key)) continue;
                var value = lever.TakesPath ? PathOf(lever.Key)! : new LeverPath(Levers.FirstLeverYear, [Number(lever.Key)!.Value]);
                try
                {
                    scenario = lever.Apply(scenario, value);
                }
                catch (ArgumentException e)
                {
                    // A lever that combines with others (the e0 levers) names the keys whose combination failed, and the value.
                    bool combined = e.ParamName?.StartsWith(lever.Spec.Section + ".", StringComparison.Ordinal) == true;
                    string key = combined ? e.ParamName! : lever.Key;
                    string shown = combined && e is ArgumentOutOfRangeException { ActualValue: string actual } ? actual
                        : string.Join(", ", value.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
                    string message = combined && e is ArgumentOutOfRangeException ? e.Message[..e.Message.IndexOf(" (Parameter", StringComparison.Ordinal)] : e.Message;
                    throw new ScenarioFileException([new ScenarioFileError(Source, combined ? "$." + lever.Spec.Section : "$." + lever.Key, key, shown, message)]);
                }
            }
            return scenario;
        }
        catch (InputDataException e)
        {
            throw new ScenarioFileException([new ScenarioFileError(Source, "$", null, e.Value, $"values the model accepts: {e.Message}")]);
        }
    }

    private DemographicAssumptions MapDemography(DemographicAssumptions d) => d with { EndYear = Horizon };

    private SchemeRules MapRules(SchemeRules rules)
    {
        if (Boolean("scheme.retirement.reform") == false)
        {
            rules = rules with { RetirementAges = RetirementAgeSchedule.PreReform };
        }
        // The elastic shares and months are typed levers (Levers.Elastic…), applied after this shape.
        rules = rules with
        {
            Indexation = rules.Indexation with { FutureRule = RateRule("scheme.indexation", rules.Indexation.FutureRule) },
            CreditingRates = rules.CreditingRates with { FutureRule = RateRule("scheme.crediting", rules.CreditingRates.FutureRule) },
        };
        return rules;
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

    private FundAssumptions MapFunds()
    {
        ISubsidyRule subsidies = (Text("funds.subsidies.rule") ?? "share_of_spending") switch
        {
            "none" => new NoSubsidy(),
            "floor" => new FloorSubsidy(Number("funds.subsidies.floor_months") ?? 0),
            "share_of_gdp" => new SubsidyShareOfGdp(Number("funds.subsidies.percent_of_gdp")!.Value),
            _ => new SubsidyShareOfSpending(Number("funds.subsidies.share") ?? ChinaDefaults.SubsidyShareOfSpending2024()),
        };
        var funds = ChinaFunds.China2024(Horizon, ChinaFundFigures.NonEntrustedFundReturn, subsidies: subsidies, pooling: MapPooling());
        // The reserve's numbers are typed levers (Levers.Reserve…), applied on this switch.
        if (Boolean("funds.reserve.enabled") == true)
        {
            funds = funds with { Reserve = ChinaFunds.Reserve2024(Horizon, dividendYield: 0, draws: new ReserveDraws(Levers.FirstLeverYear, 0)) };
        }
        return funds;
    }

    private PoolingSchedule? MapPooling()
    {
        if (Pooling is null) return null;
        var history = ChinaPooling.Schedule().Periods.Where(p => p.FirstYear < Levers.FirstLeverYear)
            .Select(p => p with { LastYear = Math.Min(p.LastYear, Levers.FirstLeverYear - 1) });
        var periods = Pooling.Select((p, i) => new PoolingPeriod(p.FirstYear, i == Pooling.Count - 1 ? int.MaxValue : p.LastYear, p.Rule switch
        {
            "provincial" => new ProvincialPooling(),
            "central_adjustment" => (IPoolingRule)new CentralAdjustment(p.Ratio ?? ChinaPooling.CentralAdjustmentRatio2021, 1,
                p.WageBaseShare ?? CentralAdjustment.StatutoryWageBaseShare),
            _ => new NationalPooling(p.PoolShareOfGaps ?? 1, p.MaxLevyOnSurplus ?? 1, p.CountSubsidies ?? true),
        }));
        return new PoolingSchedule(history.Concat(periods));
    }
}
