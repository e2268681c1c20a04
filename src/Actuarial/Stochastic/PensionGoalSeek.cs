using System.Globalization;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Labour;
using Actuarial.Pensions;
using Actuarial.Scenarios;
using Actuarial.Scheme;

namespace Actuarial.Stochastic;

/// <summary>What solvency means in a goal-seek: no depletion through <paramref name="ThroughYear"/> of the national fund
/// (the sum of the provincial balances) or, with <paramref name="EveryProvince"/>, of every provincial fund.</summary>
/// <param name="ThroughYear">Last year that must end with a balance ≥ 0.</param>
/// <param name="EveryProvince">Every province rather than the national total.</param>
public sealed record SolvencyTarget(int ThroughYear, bool EveryProvince = false)
{
    /// <summary>The series whose depletion the target is about.</summary>
    public string Series => EveryProvince ? PensionPathEvaluator.LowestProvincialBalance : PensionPathEvaluator.NationalBalance;

    /// <summary>
    /// The objective: the lowest year-end balance through <see cref="ThroughYear"/> (national, or of any province), yuan.
    /// The target holds when it is ≥ 0.
    /// </summary>
    public double LowestBalance(FundProjection funds)
    {
        ArgumentNullException.ThrowIfNull(funds);
        var balances = EveryProvince ? PensionMonteCarlo.LowestProvincialBalances(funds) : PensionMonteCarlo.NationalBalances(funds);
        int last = Math.Min(ThroughYear, funds.LastYear) - funds.FirstYear;
        double min = double.PositiveInfinity;
        for (int t = 0; t <= last; t++) min = Math.Min(min, balances[t]);
        return min;
    }

    /// <summary>Whether the target holds in a projection.</summary>
    public bool HoldsIn(FundProjection funds) => LowestBalance(funds) >= 0;
}

/// <summary>
/// Goal-seeking on the full pension projection: the value of a lever of the catalogue (<see cref="Levers.Typed"/>) at
/// which the national fund (or every provincial fund) is not depleted through a year, deterministically or with a Monte
/// Carlo probability of depletion at most p. The lever applies through the same definition as
/// <see cref="PensionScenario.With(Lever, LeverPath)"/> and scenario files, so an answer fed back into either gives the
/// same scenario; a lever the baseline's rules do not use is rejected. The population and labour layer are projected once
/// and the scheme uses the baseline's calibration throughout, so levers are compared on the same footing: seek levers
/// of the scheme, the funds and the economy (a lever of the population or labour layer moves what is projected once).
/// </summary>
/// <remarks>
/// <para>Deterministic: the objective is the lowest balance through the year (<see cref="SolvencyTarget.LowestBalance"/>),
/// monotone in the lever; <see cref="GoalSeek.Solve"/> (Brent) finds where it is 0, and the answer L is then moved to the
/// safe side of the root so that feeding it back gives a balance ≥ 0 while L less the tolerance (towards the less
/// demanding side) does not. Integer levers are searched by bisection over the integers (L holds, L ∓ 1 does not). The answer is the least demanding safe lever: the lowest rate or subsidy,
/// the highest indexation share, the slowest pace. Which side is safe is read from the objective at the two ends of the
/// range, so no lever carries a direction.</para>
/// <para>The value x is the lever's from <c>fromYear</c> (default <see cref="Levers.FirstLeverYear"/>; a lever that takes
/// no path takes no year), in the lever's unit (<see cref="LeverSpec.Unit"/>). The bounds are the caller's and may leave the
/// catalogue's range, which is a scenario file's: the model's own checks still refuse what it cannot compute.</para>
/// <para>By probability: <see cref="GoalSeek.SolveDepletionProbability"/> over <see cref="PensionPathEvaluator"/>s built
/// from the lever's scenario with the baseline calibration and the same seed (common random numbers).</para>
/// <para>When no lever in the range reaches the target the result's status says so and <see cref="GoalSeekResult.Message"/>
/// explains it with the objective at both ends. Deterministic (the objective is the lowest balance, target 0):
/// <see cref="GoalSeekStatus.TargetAboveRange"/> means the fund is depleted even at the safest end of the range,
/// <see cref="GoalSeekStatus.TargetBelowRange"/> that it is solvent even at the least demanding end. By probability (the
/// objective is the probability, target p) the other way round: <see cref="GoalSeekStatus.TargetBelowRange"/> means the
/// probability exceeds p even at the safest end.</para>
/// </remarks>
public sealed class PensionGoalSeeker
{
    private readonly DemographicProjection _demography;
    private readonly CompiledLabourModel _labour;

    /// <summary>Projects the baseline's population and labour layer once and calibrates the scheme to the base year.</summary>
    /// <param name="baseline">The scenario whose levers the seeker moves.</param>
    public PensionGoalSeeker(PensionScenario baseline) : this(baseline, null)
    {
    }

    /// <summary>Projects the baseline's population and labour layer once and calibrates (unless a calibration is given).</summary>
    internal PensionGoalSeeker(PensionScenario baseline, SchemeCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        baseline.Validate();
        Baseline = baseline;
        _demography = DemographicProjector.Run(baseline.Demography);
        _labour = baseline.Labour.Compile();
        Calibration = calibration ?? SchemeProjector.Run(PensionProjector.SchemeAssumptionsFor(baseline, _demography, _labour)).Calibration;
    }

    /// <summary>The baseline scenario the levers change.</summary>
    public PensionScenario Baseline { get; }

    /// <summary>The scheme calibration every run uses.</summary>
    internal SchemeCalibration Calibration { get; }

    /// <summary>The deterministic projection at a lever value (from <paramref name="fromYear"/> for a path lever).</summary>
    public PensionProjection Run(Lever lever, double value, int? fromYear = null) => Run(At(lever, value, fromYear));

    /// <summary>
    /// The baseline with the lever at x from <paramref name="fromYear"/> (default <see cref="Levers.FirstLeverYear"/>),
    /// through the catalogue's definition without its range check (the goal-seek's bounds are the caller's); an integer
    /// lever takes x rounded.
    /// </summary>
    /// <exception cref="ArgumentException">A year for a lever that takes no path, or the baseline's rules do not use the lever.</exception>
    internal PensionScenario At(Lever lever, double x, int? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(lever);
        if (fromYear is not null && !lever.TakesPath) throw new ArgumentException($"'{lever.Key}' takes a single number, not a path from a year", nameof(fromYear));
        double value = lever.Spec.Kind == LeverKind.Integer ? Math.Round(x) : x;
        return lever.Apply(Baseline, new LeverPath(fromYear ?? Levers.FirstLeverYear, [value]), checkRange: false);
    }

    /// <summary>The deterministic projection of a scenario that differs from the baseline only in its scheme rules or funds.</summary>
    public PensionProjection Run(PensionScenario scenario) => PensionMonteCarlo.RunDeterministic(scenario, Calibration, _demography, _labour);

    /// <summary>
    /// The least demanding lever in [<paramref name="lower"/>, <paramref name="upper"/>] at which <paramref name="target"/>
    /// holds in the deterministic projection (its <see cref="GoalSeekResult.Value"/> is the lowest balance there, ≥ 0).
    /// </summary>
    /// <param name="lever">The lever.</param>
    /// <param name="target">The solvency target.</param>
    /// <param name="lower">Lower end of the lever's range.</param>
    /// <param name="upper">Upper end.</param>
    /// <param name="tolerance">Accuracy of the lever (ignored for integer levers: 1).</param>
    /// <param name="fromYear">First year of the value (a path lever); null for <see cref="Levers.FirstLeverYear"/>.</param>
    /// <exception cref="ArgumentException">A year for a lever that takes no path, or the baseline's rules do not use the lever.</exception>
    public GoalSeekResult Solve(Lever lever, SolvencyTarget target, double lower, double upper, double tolerance, int? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(lever);
        ArgumentNullException.ThrowIfNull(target);
        At(lever, lower, fromYear); // a lever the rules do not use, or a year it cannot take, fails here rather than inside the search
        double Objective(double x) => target.LowestBalance(Run(lever, x, fromYear).Funds);
        if (lever.Spec.Kind == LeverKind.Integer) return SolveInteger(Objective, (int)Math.Ceiling(lower), (int)Math.Floor(upper));
        var result = GoalSeek.Solve(Objective, lower, upper, 0, tolerance);
        if (result.Status != GoalSeekStatus.Solved) return result;
        // The safe side is where the objective is higher; a root at an end holds there already.
        if (result.ValueAtUpper == result.ValueAtLower) return result;
        return Tighten(Objective, result, result.ValueAtUpper > result.ValueAtLower ? 1 : -1, tolerance);
    }

    /// <summary>
    /// Moves Brent's root (within the tolerance of the true one, on either side) to a lever L that holds the target while
    /// L − direction × tolerance does not: first to the safe side, then towards the boundary by bisection.
    /// </summary>
    private static GoalSeekResult Tighten(Func<double, double> objective, GoalSeekResult result, int direction, double tolerance)
    {
        int evaluations = result.Evaluations;
        double safeEnd = direction > 0 ? result.Upper : result.Lower, easyEnd = direction > 0 ? result.Lower : result.Upper;
        double Clamp(double x) => Math.Clamp(x, result.Lower, result.Upper);
        double F(double x) { evaluations++; return objective(x); }
        GoalSeekResult Failed() => result with { Status = GoalSeekStatus.NotConverged, Lever = double.NaN, Value = double.NaN, Evaluations = evaluations };

        // A safe lever: the root itself or a step beyond it.
        double safe = result.Lever, vSafe = result.Value;
        for (double step = tolerance; vSafe < 0; step *= 2)
        {
            if (safe == safeEnd) return Failed();
            safe = Clamp(result.Lever + direction * step);
            vSafe = F(safe);
        }
        // An unsafe lever within reach: a step back, doubled until it fails (or the easy end, where the target fails).
        double unsafeLever = safe;
        for (double step = tolerance; ; step *= 2)
        {
            if (unsafeLever == easyEnd) break;
            double x = Clamp(safe - direction * step);
            double v = F(x);
            if (v < 0) { unsafeLever = x; break; }
            (safe, vSafe, unsafeLever) = (x, v, x);
        }
        if (unsafeLever == safe) return Failed();
        while (Math.Abs(safe - unsafeLever) > tolerance)
        {
            double mid = 0.5 * (safe + unsafeLever);
            double v = F(mid);
            if (v >= 0) (safe, vSafe) = (mid, v);
            else unsafeLever = mid;
        }
        return result with { Lever = safe, Value = vSafe, Evaluations = evaluations };
    }

    /// <summary>
    /// The least demanding lever at which the Monte Carlo probability that <paramref name="target"/> fails (the national
    /// fund, or any province, depleted by its year) is at most <paramref name="maxProbability"/>, by
    /// <see cref="GoalSeek.SolveDepletionProbability"/> on <paramref name="pathCount"/> paths of the given shocks.
    /// </summary>
    /// <param name="lever">The lever (an integer lever takes its values rounded).</param>
    /// <param name="target">The solvency target.</param>
    /// <param name="maxProbability">p.</param>
    /// <param name="lower">Lower end of the lever's range.</param>
    /// <param name="upper">Upper end.</param>
    /// <param name="tolerance">Width of the final bracket on the lever.</param>
    /// <param name="settings">Shocks and histograms (its scenario and calibration are replaced by the lever's and this seeker's).</param>
    /// <param name="pathCount">Paths per evaluation.</param>
    /// <param name="seed">Seed, the same for every evaluation.</param>
    /// <param name="fromYear">First year of the value (a path lever); null for <see cref="Levers.FirstLeverYear"/>.</param>
    /// <param name="options">Runner options.</param>
    /// <exception cref="ArgumentException">A year for a lever that takes no path, or the baseline's rules do not use the lever.</exception>
    public GoalSeekResult SolveDepletionProbability(Lever lever, SolvencyTarget target, double maxProbability, double lower, double upper,
        double tolerance, PensionMonteCarloSettings settings, int pathCount, ulong seed, int? fromYear = null, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lever);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        At(lever, lower, fromYear);
        bool isInteger = lever.Spec.Kind == LeverKind.Integer;
        if (isInteger) tolerance = Math.Max(tolerance, 1);
        var result = GoalSeek.SolveDepletionProbability(
            x => new PensionPathEvaluator(settings with { Scenario = At(lever, x, fromYear), Calibration = Calibration, ProvincialBalances = false }),
            target.Series, target.ThroughYear, maxProbability, lower, upper, tolerance, pathCount, seed, options);
        if (isInteger && result.IsSolved)
        {
            // The safe end of the final bracket, rounded towards safety (the end with the lower probability is the safe side).
            double safe = result.ValueAtUpper < result.ValueAtLower ? Math.Ceiling(result.Lever) : Math.Floor(result.Lever);
            if (safe != result.Lever)
            {
                var summary = MonteCarlo.Run(pathCount, seed, 0,
                    new PensionPathEvaluator(settings with { Scenario = At(lever, safe, fromYear), Calibration = Calibration, ProvincialBalances = false }), options);
                result = result with { Lever = safe, Value = summary[target.Series].DepletionProbabilityBy(target.ThroughYear), Evaluations = result.Evaluations + 1 };
            }
        }
        return result;
    }

    /// <summary>
    /// The subsidies that keep every provincial fund at or above zero through the horizon (<see cref="FloorSubsidy"/>
    /// on top of the baseline's rule): the national total of the top-ups by year, yuan, from the first fund year.
    /// Top-ups of a year depend only on the years before, so the amounts through any year T are what it takes through T.
    /// </summary>
    public (int FirstYear, double[] TopUpYuan) FloorSubsidyTopUps()
    {
        var scenario = Baseline with { Funds = Baseline.Funds with { Subsidies = new CombinedSubsidy([Baseline.Funds.Subsidies, new FloorSubsidy()]) } };
        var funds = Run(scenario).Funds;
        var topUps = new double[funds.LastYear - funds.FirstYear + 1];
        for (int year = funds.FirstYear; year <= funds.LastYear; year++)
        {
            topUps[year - funds.FirstYear] = System.Numerics.Tensors.TensorPrimitives.Sum(funds.Line(FundLine.TopUpSubsidies, year));
        }
        return (funds.FirstYear, topUps);
    }

    /// <summary>Bisection over the integers of a monotone objective for the least demanding value with objective ≥ 0; the
    /// safe end is the one where the objective holds (neither: <see cref="GoalSeekStatus.TargetAboveRange"/>; both:
    /// <see cref="GoalSeekStatus.TargetBelowRange"/>).</summary>
    private static GoalSeekResult SolveInteger(Func<double, double> objective, int lower, int upper)
    {
        if (lower >= upper) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the lever's integer range [{lower}, {upper}] must have lower < upper"));
        int evaluations = 2;
        double fLo = objective(lower), fHi = objective(upper);
        GoalSeekResult Result(GoalSeekStatus status, double x, double v) => new(status, x, v, lower, upper, fLo, fHi, 0, evaluations);
        bool loSafe = fLo >= 0, hiSafe = fHi >= 0;
        if (!loSafe && !hiSafe) return Result(GoalSeekStatus.TargetAboveRange, double.NaN, double.NaN);
        if (loSafe && hiSafe) return Result(GoalSeekStatus.TargetBelowRange, double.NaN, double.NaN);
        var (safe, unsafeLever, vSafe) = hiSafe ? (upper, lower, fHi) : (lower, upper, fLo);
        while (Math.Abs(safe - unsafeLever) > 1)
        {
            int mid = (safe + unsafeLever) / 2;
            double v = objective(mid);
            evaluations++;
            if (v >= 0) (safe, vSafe) = (mid, v);
            else unsafeLever = mid;
        }
        return Result(GoalSeekStatus.Solved, safe, vSafe);
    }
}
