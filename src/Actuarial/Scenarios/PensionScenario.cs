using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Scheme;

namespace Actuarial.Scenarios;

/// <summary>
/// Everything a pension projection needs, layer by layer: the population, the labour market, the scheme's rules and
/// state, and the provincial funds with their pooling rule. Immutable; change a lever with <c>with</c>, e.g.
/// <c>ChinaDefaults.PensionScenario() with { Funds = … }</c>. The demography runs from its base year (2020); the
/// scheme's state starts in 2024 (calibrated to the 2024 yearbook) and the fund ledgers open on 1 January 2025 with
/// the end-2024 balances.
/// </summary>
public sealed record PensionScenario
{
    /// <summary>A short name for tables and charts.</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>The population assumptions (its <see cref="DemographicAssumptions.EndYear"/> must reach <see cref="EndYear"/>).</summary>
    public required DemographicAssumptions Demography { get; init; }

    /// <summary>Participation, coverage, wages.</summary>
    public required LabourAssumptions Labour { get; init; }

    /// <summary>
    /// The scheme's rules and settings (contribution rates, retirement ages, indexation, career assumptions,
    /// calibration targets). Its population, workforce and end year are supplied by the projection from this scenario.
    /// </summary>
    public SchemeAssumptions Scheme { get; init; } = new();

    /// <summary>The provincial funds: opening balances, returns, subsidies, pooling, reserve.</summary>
    public required FundAssumptions Funds { get; init; }

    /// <summary>Last projected year.</summary>
    public required int EndYear { get; init; }

    /// <summary>Checks that the layers cover the horizon.</summary>
    /// <exception cref="InputDataException">A layer ends before <see cref="EndYear"/>.</exception>
    public void Validate()
    {
        if (Demography.EndYear < EndYear)
        {
            throw new InputDataException(Name, null, "Demography.EndYear", Demography.EndYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at least the scenario's end year {EndYear}");
        }
        if (Labour.LastYear < EndYear)
        {
            throw new InputDataException(Name, null, "Labour.LastYear", Labour.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at least the scenario's end year {EndYear}");
        }
    }
}
