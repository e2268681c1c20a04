using System.Globalization;

namespace Actuarial.Scenarios;

/// <summary>
/// A lever of the catalogue that moves a number of a <see cref="PensionScenario"/>: its scenario-file entry
/// (<see cref="Spec"/>: key, unit, range, default, the rule it needs in force) and how it applies. The scenario-file
/// reader and <see cref="PensionScenario.With(Lever, double)"/> apply it through the same definition, so a value gives
/// the same scenario by either route, and a lever the rules in force do not use is rejected on both.
/// </summary>
public sealed class Lever
{
    private readonly Func<PensionScenario, bool> _inForce;
    private readonly Func<PensionScenario, LeverPath, PensionScenario> _apply;

    internal Lever(LeverSpec spec, Func<PensionScenario, LeverPath, PensionScenario> apply, Func<PensionScenario, bool>? inForce = null)
    {
        if (spec.Kind is not (LeverKind.Number or LeverKind.Integer or LeverKind.Path))
        {
            throw new ArgumentException($"a typed lever takes a number or a path; '{spec.Key}' takes {spec.Kind}", nameof(spec));
        }
        Spec = spec;
        _apply = apply;
        _inForce = inForce ?? (_ => true);
    }

    /// <summary>The lever's scenario-file entry.</summary>
    public LeverSpec Spec { get; }

    /// <summary>The scenario-file key, e.g. <c>scheme.contributions.employer_rate</c>.</summary>
    public string Key => Spec.Key;

    /// <summary>Whether the lever takes a path over years (otherwise a single number).</summary>
    public bool TakesPath => Spec.Kind == LeverKind.Path;

    /// <summary>Whether the rules in force in <paramref name="scenario"/> use the lever.</summary>
    public bool IsUsedBy(PensionScenario scenario) => _inForce(scenario);

    /// <summary>The lever's key.</summary>
    public override string ToString() => Key;

    /// <summary>
    /// The scenario with the lever at <paramref name="value"/>: the values of the path from its first year (a single
    /// number: from <see cref="Levers.FirstLeverYear"/>), after checking the range and that the rules in force use it.
    /// A goal-seek searches between bounds its caller sets and passes <paramref name="checkRange"/> false: the model's own
    /// checks still refuse what it cannot compute.
    /// </summary>
    internal PensionScenario Apply(PensionScenario scenario, LeverPath value, bool checkRange = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Values.Count == 0) throw new ArgumentException($"'{Key}': a path needs at least one value", nameof(value));
        if (!TakesPath && value.Values.Count != 1) throw new ArgumentException($"'{Key}' takes a single number, not a path", nameof(value));
        if (value.FirstYear < Levers.FirstLeverYear)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value.FirstYear,
                $"'{Key}': a path starts in {Levers.FirstLeverYear} or later (earlier years keep published data)");
        }
        foreach (double v in value.Values)
        {
            bool whole = Spec.Kind != LeverKind.Integer || v == Math.Round(v);
            if (!double.IsFinite(v) || (checkRange && (v < Spec.Minimum || v > Spec.Maximum)) || !whole)
            {
                throw new ArgumentOutOfRangeException(nameof(value), v, $"'{Key}': {Spec.RangeText}");
            }
        }
        if (!_inForce(scenario))
        {
            throw new ArgumentException($"'{Key}' is not used by the rules in force in scenario '{scenario.Name}' (it is used when {Spec.UsedWhen})", nameof(value));
        }
        return _apply(scenario, value);
    }

    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
