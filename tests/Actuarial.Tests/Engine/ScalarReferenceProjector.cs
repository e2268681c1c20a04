using Actuarial.Demography;
using Actuarial.Dimensions;

namespace Actuarial.Tests.Engine;

/// <summary>
/// A plain, unvectorised restatement of the cohort-component step, written from the method's description (not from
/// the kernel) with 4-D arrays and nested loops, so the fast kernel can be checked against it. It reads the same
/// compiled rates (survival ratios, ASFR, migrants, targets) so that any difference is in the projection itself.
/// </summary>
internal static class ScalarReferenceProjector
{
    public static double[][,,,] Run(CompiledDemography c)
    {
        int R = c.Shape.RegionCount, S = Sexes.Count, E = EducationLevels.Count, A = Ages.Count;
        var years = new double[c.StepCount + 1][,,,];
        var p = new double[R, S, E, A];
        for (int r = 0; r < R; r++) for (int s = 0; s < S; s++) for (int e = 0; e < E; e++) for (int a = 0; a < A; a++)
            p[r, s, e, a] = c.Assumptions.BasePopulation[r, (Sex)s, (EducationLevel)e, a];
        years[0] = p;
        for (int t = 0; t < c.StepCount; t++)
        {
            var q = new double[R, S, E, A];
            for (int r = 0; r < R; r++)
            {
                for (int s = 0; s < S; s++)
                {
                    for (int e = 0; e < E; e++)
                    {
                        for (int a = 0; a < 99; a++) q[r, s, e, a + 1] = p[r, s, e, a] * c.Survival[(t * S + s) * A + a];
                        q[r, s, e, 100] = (p[r, s, e, 99] + p[r, s, e, 100]) * c.Survival[(t * S + s) * A + 99];
                    }
                }
                double births = 0;
                for (int e = 0; e < E; e++)
                    for (int a = 0; a < A; a++)
                        births += c.Asfr[t * A + a] * (p[r, 1, e, a] + q[r, 1, e, a]) / 2;
                q[r, 0, 0, 0] = births * c.MaleShareOfBirths[t] * c.BirthSurvival[t * S + 0];
                q[r, 1, 0, 0] = births * (1 - c.MaleShareOfBirths[t]) * c.BirthSurvival[t * S + 1];
            }
            // International migrants shared in proportion to population of the (sex, age).
            var pre = (double[,,,])q.Clone();
            for (int s = 0; s < S; s++)
            {
                for (int a = 0; a < A; a++)
                {
                    double national = 0;
                    for (int r = 0; r < R; r++) for (int e = 0; e < E; e++) national += q[r, s, e, a];
                    double m = c.InternationalMigrants[(t * S + s) * A + a];
                    if (m == 0) continue;
                    // An empty cohort takes immigrants in the (region, education) mix of the nearest non-empty age.
                    int like = a;
                    for (int d = 1; national == 0 && d < A; d++)
                    {
                        foreach (int candidate in new[] { a - d, a + d })
                        {
                            if (candidate < 0 || candidate >= A || national > 0) continue;
                            double sum = 0;
                            for (int r = 0; r < R; r++) for (int e = 0; e < E; e++) sum += pre[r, s, e, candidate];
                            if (sum > 0) (like, national) = (candidate, sum);
                        }
                    }
                    var add = new double[R, E];
                    for (int r = 0; r < R; r++) for (int e = 0; e < E; e++) add[r, e] = m * pre[r, s, e, like] / national;
                    for (int r = 0; r < R; r++) for (int e = 0; e < E; e++) q[r, s, e, a] += add[r, e];
                }
            }
            if (c.InterprovincialRates is { } rates)
            {
                // Senders (negative rate) send rate × P of each education level; receivers (positive rate) take the
                // senders' total in proportion to rate × their population of that sex and age.
                for (int s = 0; s < S; s++)
                {
                    for (int a = 0; a < A; a++)
                    {
                        var capacity = new double[R];
                        double capacityTotal = 0;
                        for (int r = 0; r < R; r++)
                        {
                            double rate = rates[(r * S + s) * A + a];
                            double cohort = 0;
                            for (int e = 0; e < E; e++) cohort += q[r, s, e, a];
                            capacity[r] = rate > 0 ? rate * cohort : 0;
                            capacityTotal += capacity[r];
                        }
                        if (capacityTotal == 0) continue;
                        for (int e = 0; e < E; e++)
                        {
                            double sent = 0;
                            var flow = new double[R];
                            for (int r = 0; r < R; r++)
                            {
                                double rate = rates[(r * S + s) * A + a];
                                if (rate < 0) { flow[r] = rate * q[r, s, e, a]; sent -= flow[r]; }
                            }
                            for (int r = 0; r < R; r++) if (capacity[r] > 0) flow[r] = sent * capacity[r] / capacityTotal;
                            for (int r = 0; r < R; r++) q[r, s, e, a] += flow[r];
                        }
                    }
                }
            }
            if (c.EducationTargets is { } targets)
            {
                for (int r = 0; r < R; r++)
                {
                    for (int s = 0; s < S; s++)
                    {
                        for (int a = 15; a <= 34; a++)
                        {
                            double total = 0;
                            for (int e = 0; e < E; e++) total += q[r, s, e, a];
                            if (total <= 0) continue;
                            var atOrAbove = new double[E + 1];
                            for (int k = E - 1; k >= 0; k--)
                            {
                                double current = atOrAbove[k + 1] + q[r, s, k, a] / total;
                                atOrAbove[k] = current;
                            }
                            for (int k = 0; k < E; k++)
                            {
                                double target = targets[(t * S + s) * EducationTransitions.LevelMajorTargetLength + k * 20 + a - 15];
                                atOrAbove[k] = Math.Max(atOrAbove[k], k == 0 ? 1 : target);
                            }
                            for (int k = 0; k < E; k++) q[r, s, k, a] = total * (atOrAbove[k] - atOrAbove[k + 1]);
                        }
                    }
                }
            }
            years[t + 1] = q;
            p = q;
        }
        return years;
    }
}
