using Actuarial.Demography;

namespace Actuarial.Scenarios;

/// <summary>
/// Runs scenarios, sharing the demographic projection between scenarios whose demographic assumptions are equal
/// (a scenario file that changes no demographic lever keeps the default objects, so its
/// <see cref="PensionScenario.Demography"/> equals the baseline's). Thread-safe; reports each stage to an optional
/// progress callback, one line per stage.
/// </summary>
internal sealed class ScenarioFileRunner
{
    private readonly Dictionary<DemographicAssumptions, Lazy<DemographicProjection>> _demography = [];
    private readonly Action<string>? _progress;

    /// <summary>Creates a runner.</summary>
    /// <param name="progress">Called with one line per stage (e.g. "baseline: projecting the population 2020–2100"); null for silence.</param>
    public ScenarioFileRunner(Action<string>? progress = null)
    {
        _progress = progress;
    }

    /// <summary>How many demographic projections were run (the rest were shared).</summary>
    internal int DemographicRuns { get; private set; }

    /// <summary>Reads, validates and runs a scenario file.</summary>
    /// <exception cref="ScenarioFileException">The file is not valid.</exception>
    public PensionProjection Run(string path)
    {
        _progress?.Invoke($"reading {path}");
        return Run(ScenarioFile.Load(path));
    }

    /// <summary>Runs a parsed scenario file.</summary>
    public PensionProjection Run(ScenarioFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Run(file.ToScenario());
    }

    /// <summary>Runs a scenario, reusing a demographic projection of equal assumptions when there is one.</summary>
    public PensionProjection Run(PensionScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        Lazy<DemographicProjection> lazy;
        bool shared;
        lock (_demography)
        {
            shared = _demography.TryGetValue(scenario.Demography, out lazy!);
            if (!shared)
            {
                lazy = new Lazy<DemographicProjection>(() => DemographicProjector.Run(scenario.Demography));
                _demography[scenario.Demography] = lazy;
                DemographicRuns++;
            }
        }
        _progress?.Invoke(shared
            ? $"{scenario.Name}: population {scenario.Demography.BaseYear}–{scenario.Demography.EndYear} shared with an earlier scenario of the same demography"
            : $"{scenario.Name}: projecting the population {scenario.Demography.BaseYear}–{scenario.Demography.EndYear} (31 provinces × sex × education × age)");
        var demography = lazy.Value;
        _progress?.Invoke($"{scenario.Name}: labour market, scheme and 31 fund ledgers to {scenario.EndYear}");
        return PensionProjector.Run(scenario, demography);
    }
}
