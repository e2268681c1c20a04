using System.Globalization;
using MathNet.Numerics.RootFinding;

namespace Actuarial.Stochastic;

/// <summary>How a goal-seek ended.</summary>
public enum GoalSeekStatus
{
    /// <summary>A lever in the range reaches the target (within the tolerance).</summary>
    Solved,
    /// <summary>The target is below the objective at both ends of the range: no lever in the range reaches it.</summary>
    TargetBelowRange,
    /// <summary>The target is above the objective at both ends of the range: no lever in the range reaches it.</summary>
    TargetAboveRange,
    /// <summary>The objective changes sign in the range but the root finder did not converge (e.g. the objective is not monotone or not continuous).</summary>
    NotConverged,
}

/// <summary>
/// The answer of a goal-seek: the lever found, or why there is none, with the objective's values at the ends of the
/// range so that the caller can see how far the target is.
/// </summary>
/// <param name="Status">Whether a lever was found, and if not, on which side the target lies.</param>
/// <param name="Lever">The lever found (NaN unless <see cref="GoalSeekStatus.Solved"/>).</param>
/// <param name="Value">The objective at <paramref name="Lever"/> (NaN unless solved).</param>
/// <param name="Lower">Lower end of the lever's range.</param>
/// <param name="Upper">Upper end of the lever's range.</param>
/// <param name="ValueAtLower">Objective at <paramref name="Lower"/>.</param>
/// <param name="ValueAtUpper">Objective at <paramref name="Upper"/>.</param>
/// <param name="Target">The target.</param>
/// <param name="Evaluations">Objective evaluations made.</param>
public sealed record GoalSeekResult(GoalSeekStatus Status, double Lever, double Value, double Lower, double Upper,
    double ValueAtLower, double ValueAtUpper, double Target, int Evaluations)
{
    /// <summary>True when a lever was found.</summary>
    public bool IsSolved => Status == GoalSeekStatus.Solved;

    /// <summary>The lever, or an <see cref="InvalidOperationException"/> that explains why there is none.</summary>
    public double LeverOrThrow() => IsSolved ? Lever : throw new InvalidOperationException(Message);

    /// <summary>What happened, in words.</summary>
    public string Message => Status switch
    {
        GoalSeekStatus.Solved => string.Create(CultureInfo.InvariantCulture, $"lever {Lever:G8} gives {Value:G8} (target {Target:G8})"),
        GoalSeekStatus.TargetBelowRange => string.Create(CultureInfo.InvariantCulture,
            $"no lever in [{Lower:G8}, {Upper:G8}] reaches the target {Target:G8}: the objective is {ValueAtLower:G8} at the lower end and {ValueAtUpper:G8} at the upper end, both above the target"),
        GoalSeekStatus.TargetAboveRange => string.Create(CultureInfo.InvariantCulture,
            $"no lever in [{Lower:G8}, {Upper:G8}] reaches the target {Target:G8}: the objective is {ValueAtLower:G8} at the lower end and {ValueAtUpper:G8} at the upper end, both below the target"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"the objective crosses the target {Target:G8} in [{Lower:G8}, {Upper:G8}] (from {ValueAtLower:G8} to {ValueAtUpper:G8}) but the root finder did not converge: is it monotone and continuous?"),
    };
}

/// <summary>
/// Goal-seeking on one lever: the contribution rate, the retirement age, a subsidy, so that an outcome reaches a
/// target. <see cref="Solve"/> finds where a monotone objective meets a target by Brent's method
/// (MathNet.Numerics.RootFinding.Brent); <see cref="SolveDepletionProbability"/> finds the least demanding lever at
/// which the Monte Carlo probability of depletion by a year is at most p.
/// </summary>
internal static class GoalSeek
{
    /// <summary>
    /// Finds the lever x in [<paramref name="lower"/>, <paramref name="upper"/>] with objective(x) = target.
    /// Never throws for an unreachable target: the result says which side the target lies on and the objective at both ends.
    /// </summary>
    /// <param name="objective">Outcome as a function of the lever, monotone (either direction) and continuous on the range.</param>
    /// <param name="lower">Lower end of the lever's range.</param>
    /// <param name="upper">Upper end of the lever's range.</param>
    /// <param name="target">Value to reach.</param>
    /// <param name="tolerance">Accuracy of the lever (Brent's accuracy, &gt; 0); an end within it of the root is returned as is.</param>
    /// <param name="maxIterations">Brent iterations at most.</param>
    /// <exception cref="ArgumentException">The range is empty or not finite, the tolerance is not positive, or the objective is not finite at an end.</exception>
    public static GoalSeekResult Solve(Func<double, double> objective, double lower, double upper, double target, double tolerance, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(objective);
        CheckRange(lower, upper, tolerance);
        if (!double.IsFinite(target)) throw new ArgumentOutOfRangeException(nameof(target), target, "a finite target");
        int evaluations = 0;
        double F(double x)
        {
            evaluations++;
            double v = objective(x);
            if (!double.IsFinite(v)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the objective is {v} at lever {x:G8}"), nameof(objective));
            return v;
        }
        double fLo = F(lower), fHi = F(upper);
        GoalSeekResult Result(GoalSeekStatus status, double x, double v) => new(status, x, v, lower, upper, fLo, fHi, target, evaluations);
        if (fLo == target) return Result(GoalSeekStatus.Solved, lower, fLo);
        if (fHi == target) return Result(GoalSeekStatus.Solved, upper, fHi);
        if (fLo > target && fHi > target) return Result(GoalSeekStatus.TargetBelowRange, double.NaN, double.NaN);
        if (fLo < target && fHi < target) return Result(GoalSeekStatus.TargetAboveRange, double.NaN, double.NaN);
        if (Brent.TryFindRoot(x => F(x) - target, lower, upper, tolerance, maxIterations, out double root))
        {
            return Result(GoalSeekStatus.Solved, root, F(root));
        }
        return Result(GoalSeekStatus.NotConverged, double.NaN, double.NaN);
    }

    /// <summary>
    /// Finds, to within <paramref name="tolerance"/>, the boundary lever at which the probability that a series is
    /// depleted (negative) by <paramref name="byYear"/> falls to <paramref name="maxProbability"/>, and returns the lever on
    /// the safe side of it (P ≤ p). Every evaluation runs the same paths (the same seed and path range: common random
    /// numbers), so the estimated probability is a monotone step function of the lever when the model is monotone in it.
    /// </summary>
    /// <remarks>
    /// A probability estimated from n paths moves in steps of 1/n, so the search is by bisection on the lever (Brent's
    /// interpolation gains nothing on a step function): the bracket [safe, unsafe] is halved until it is shorter than the
    /// tolerance. The direction (does raising the lever lower the risk?) is read from the ends of the range. Status
    /// <see cref="GoalSeekStatus.TargetAboveRange"/>: p is met at both ends (every lever in the range is safe, so the
    /// boundary lies outside it); <see cref="GoalSeekStatus.TargetBelowRange"/>: no lever in the range brings the
    /// probability down to p.
    /// </remarks>
    /// <param name="evaluatorForLever">The path evaluator at a lever value.</param>
    /// <param name="series">Name of a series with <see cref="SeriesSpec.TrackDepletion"/>.</param>
    /// <param name="byYear">The year by which depletion counts.</param>
    /// <param name="maxProbability">p, in [0, 1].</param>
    /// <param name="lower">Lower end of the lever's range.</param>
    /// <param name="upper">Upper end of the lever's range.</param>
    /// <param name="tolerance">Width of the final bracket on the lever (&gt; 0).</param>
    /// <param name="pathCount">Paths per evaluation.</param>
    /// <param name="seed">Seed (the same for every evaluation).</param>
    /// <param name="options">Runner options.</param>
    public static GoalSeekResult SolveDepletionProbability(Func<double, IPathEvaluator> evaluatorForLever, string series, int byYear, double maxProbability,
        double lower, double upper, double tolerance, int pathCount, ulong seed, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluatorForLever);
        ArgumentNullException.ThrowIfNull(series);
        CheckRange(lower, upper, tolerance);
        if (!(maxProbability >= 0 && maxProbability <= 1)) throw new ArgumentOutOfRangeException(nameof(maxProbability), maxProbability, "a probability in [0, 1]");
        ArgumentOutOfRangeException.ThrowIfLessThan(pathCount, 1);
        int evaluations = 0;
        double P(double lever)
        {
            evaluations++;
            var summary = MonteCarlo.Run(pathCount, seed, 0, evaluatorForLever(lever), options);
            return summary[series].DepletionProbabilityBy(byYear);
        }
        double pLo = P(lower), pHi = P(upper);
        GoalSeekResult Result(GoalSeekStatus status, double x, double v) => new(status, x, v, lower, upper, pLo, pHi, maxProbability, evaluations);
        bool loSafe = pLo <= maxProbability, hiSafe = pHi <= maxProbability;
        if (loSafe && hiSafe) return Result(GoalSeekStatus.TargetAboveRange, double.NaN, double.NaN);
        if (!loSafe && !hiSafe) return Result(GoalSeekStatus.TargetBelowRange, double.NaN, double.NaN);
        double safe = loSafe ? lower : upper, unsafeLever = loSafe ? upper : lower, pSafe = loSafe ? pLo : pHi;
        while (Math.Abs(safe - unsafeLever) > tolerance)
        {
            double mid = 0.5 * (safe + unsafeLever);
            double pm = P(mid);
            if (pm <= maxProbability) { safe = mid; pSafe = pm; }
            else unsafeLever = mid;
        }
        return Result(GoalSeekStatus.Solved, safe, pSafe);
    }

    private static void CheckRange(double lower, double upper, double tolerance)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the lever's range [{lower}, {upper}] must be finite with lower < upper"));
        }
        if (!(tolerance > 0) || !double.IsFinite(tolerance)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "a tolerance > 0");
    }
}
