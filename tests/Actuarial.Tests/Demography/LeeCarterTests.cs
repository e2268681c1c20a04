using Actuarial.Demography;
using Actuarial.Dimensions;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class LeeCarterTests
{
    private const int Years = 30;

    private static (double[] A, double[] B, double[] K) Synthetic()
    {
        var a = MortalityTestData.Schedule(1.0).Select(v => Math.Log(v)).ToArray();
        var b = new double[Ages.Count];
        for (int x = 0; x < b.Length; x++) b[x] = 0.5 + Math.Exp(-x / 20.0) + 0.3 * Math.Sin(x / 7.0);
        double sum = b.Sum();
        for (int x = 0; x < b.Length; x++) b[x] /= sum;
        var random = new Random(7);
        var k = new double[Years];
        for (int t = 1; t < Years; t++) k[t] = k[t - 1] - 1.2 + 0.8 * (random.NextDouble() - 0.5);
        double mean = k.Average();
        for (int t = 0; t < Years; t++) k[t] -= mean;
        return (a, b, k);
    }

    [Test]
    public void Fit_recovers_a_b_and_k_of_an_exact_rank_one_surface()
    {
        var (a, b, k) = Synthetic();
        var mx = Enumerable.Range(0, Years).Select(t => a.Select((ax, x) => Math.Exp(ax + b[x] * k[t])).ToArray()).ToList();
        var model = LeeCarterModel.Fit(mx, 1990);
        Assert.That(model.Ax.ToArray(), Is.EqualTo(a).Within(1e-8));
        Assert.That(model.Bx.ToArray(), Is.EqualTo(b).Within(1e-8));
        Assert.That(model.Kt.ToArray(), Is.EqualTo(k).Within(1e-8));
        Assert.That(model.Bx.ToArray().Sum(), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(model.Kt.ToArray().Sum(), Is.EqualTo(0.0).Within(1e-9));
        Assert.That(model.ExplainedVariance, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(model.FirstYear, Is.EqualTo(1990));
        Assert.That(model.LastYear, Is.EqualTo(1990 + Years - 1));
    }

    [Test]
    public void Random_walk_with_drift_is_estimated_per_Lee_and_Carter()
    {
        var (a, b, k) = Synthetic();
        var log = Matrix<double>.Build.Dense(Ages.Count, Years, (x, t) => a[x] + b[x] * k[t]);
        var model = LeeCarterModel.Fit(log, 1990);
        double drift = (k[^1] - k[0]) / (Years - 1);
        double ss = 0;
        for (int t = 1; t < Years; t++) ss += Math.Pow(k[t] - k[t - 1] - drift, 2);
        double sd = Math.Sqrt(ss / (Years - 2));
        Assert.That(model.Drift, Is.EqualTo(drift).Within(1e-9));
        Assert.That(model.InnovationSd, Is.EqualTo(sd).Within(1e-9));
        Assert.That(model.DriftStandardError, Is.EqualTo(sd / Math.Sqrt(Years - 1)).Within(1e-9));
        Assert.That(model.ForecastIndex(0), Is.EqualTo(k[^1]).Within(1e-8));
        Assert.That(model.ForecastIndex(10), Is.EqualTo(k[^1] + 10 * drift).Within(1e-8));

        // Every-5th-year data: the same per-year drift; σ scaled to one year.
        var every5 = Matrix<double>.Build.Dense(Ages.Count, 6, (x, j) => a[x] + b[x] * k[5 * j]);
        var model5 = LeeCarterModel.Fit(every5, 1990, 5);
        Assert.That(model5.LastYear, Is.EqualTo(2015));
        Assert.That(model5.Drift, Is.EqualTo((k[25] - k[0]) / 25).Within(1e-8));
    }

    [Test]
    public void Death_rates_and_simulation()
    {
        var (a, b, k) = Synthetic();
        var log = Matrix<double>.Build.Dense(Ages.Count, Years, (x, t) => a[x] + b[x] * k[t]);
        var model = LeeCarterModel.Fit(log, 1990);
        Span<double> mx = stackalloc double[Ages.Count];
        model.FillDeathRates(-5.0, mx);
        for (int x = 0; x < Ages.Count; x++) Assert.That(mx[x], Is.EqualTo(Math.Exp(a[x] - 5.0 * b[x])).Within(1e-9 * mx[x]));
        Assert.That(model.DeathRates(-5.0), Is.EqualTo(mx.ToArray()));

        // Zero shocks reproduce the central forecast.
        Span<double> path = stackalloc double[20];
        model.SimulateIndex(new double[20], path);
        for (int h = 1; h <= 20; h++) Assert.That(path[h - 1], Is.EqualTo(model.ForecastIndex(h)).Within(1e-9));

        // The sample variance of simulated k(T+h) is about h σ² (+ h² SE² with drift uncertainty).
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, new Random(11));
        const int draws = 20000, horizon = 25;
        double s1 = 0, s2 = 0;
        for (int i = 0; i < draws; i++)
        {
            double kEnd = model.SimulateIndex(horizon, normal.Sample, includeDriftUncertainty: true)[^1];
            s1 += kEnd; s2 += kEnd * kEnd;
        }
        double mean = s1 / draws, variance = s2 / draws - mean * mean;
        double expected = horizon * Math.Pow(model.InnovationSd, 2) + Math.Pow(horizon * model.DriftStandardError, 2);
        Assert.That(mean, Is.EqualTo(model.ForecastIndex(horizon)).Within(4 * Math.Sqrt(expected / draws)));
        Assert.That(variance, Is.EqualTo(expected).Within(0.05 * expected));
    }

    [Test]
    public void Fits_WPP_2024_periods_graduated_to_single_years()
    {
        var starts = MortalityTestData.Wpp2024PeriodStarts().Where(y => y >= 1970 && y < 2025).ToArray();
        foreach (var sex in Sexes.All)
        {
            var model = LeeCarterModel.FitAbridged(starts.Select(s => MortalityTestData.Wpp2024Abridged(s, sex)).ToList(), sex, starts[0], 5);
            Assert.That(model.AgeCount, Is.EqualTo(Ages.Count));
            Assert.That(model.Drift, Is.LessThan(0), "mortality fell in China 1970-2025");
            Assert.That(model.ExplainedVariance, Is.GreaterThan(0.8));
            TestContext.Out.WriteLine($"{sex}: drift {model.Drift:F3}/yr, SE {model.DriftStandardError:F3}, σ {model.InnovationSd:F3}, explained {model.ExplainedVariance:P1}");
        }
    }

    [Test]
    public void Non_positive_rates_are_rejected()
    {
        var mx = Enumerable.Range(0, 5).Select(_ => MortalityTestData.Schedule(1.0)).ToList();
        mx[3][40] = 0;
        var error = Assert.Throws<Actuarial.InputDataException>(() => LeeCarterModel.Fit(mx, 2000))!;
        Assert.That(error.Field, Does.Contain("[3][40]").And.Contain("2003"));
    }
}
