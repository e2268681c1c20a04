using Actuarial.Demography;
using Actuarial.IO;

using NUnit.Framework;

namespace Actuarial.Tests.Demography;

[TestFixture]
public sealed class RakingTests
{
    [Test]
    public void A_uniform_seed_gives_the_independence_table()
    {
        var fitted = Raking.Rake(new double[,] { { 1, 1 }, { 1, 1 } }, [40.0, 60.0], [30.0, 70.0]);
        Assert.That(fitted[0, 0], Is.EqualTo(12).Within(1e-9));
        Assert.That(fitted[0, 1], Is.EqualTo(28).Within(1e-9));
        Assert.That(fitted[1, 0], Is.EqualTo(18).Within(1e-9));
        Assert.That(fitted[1, 1], Is.EqualTo(42).Within(1e-9));
    }

    [Test]
    public void A_known_example_keeps_the_seed_odds_ratio()
    {
        // Seed odds ratio (10·40)/(20·30) = 2/3 must survive raking.
        var fitted = Raking.Rake(new double[,] { { 10, 20 }, { 30, 40 } }, [50.0, 50.0], [50.0, 50.0]);
        Assert.That(fitted[0, 0] + fitted[0, 1], Is.EqualTo(50).Within(1e-8));
        Assert.That(fitted[0, 0] + fitted[1, 0], Is.EqualTo(50).Within(1e-8));
        double odds = fitted[0, 0] * fitted[1, 1] / (fitted[0, 1] * fitted[1, 0]);
        Assert.That(odds, Is.EqualTo(2.0 / 3.0).Within(1e-9));
        // Symmetric margins with this seed: x00 solves x² / (50 − x)² = 2/3.
        double r = Math.Sqrt(2.0 / 3.0);
        Assert.That(fitted[0, 0], Is.EqualTo(50 * r / (1 + r)).Within(1e-8));
    }

    [Test]
    public void Zeros_in_the_seed_stay_zero()
    {
        var seed = new double[,] { { 0, 2, 3 }, { 4, 0, 6 }, { 7, 8, 0 } };
        var fitted = Raking.Rake(seed, [10.0, 20.0, 30.0], [25.0, 15.0, 20.0]);
        for (int i = 0; i < 3; i++)
        {
            Assert.That(fitted[i, i], Is.Zero);
            Assert.That(fitted[i, 0] + fitted[i, 1] + fitted[i, 2], Is.EqualTo(new[] { 10.0, 20.0, 30.0 }[i]).Within(1e-8));
            Assert.That(fitted[0, i] + fitted[1, i] + fitted[2, i], Is.EqualTo(new[] { 25.0, 15.0, 20.0 }[i]).Within(1e-8));
        }
    }

    [Test]
    public void Margins_with_different_totals_are_rejected()
    {
        var ex = Assert.Throws<InputDataException>(() => Raking.Rake(new double[,] { { 1, 1 }, { 1, 1 } }, [1.0, 1.0], [1.0, 1.5]));
        Assert.That(ex!.Message, Does.Contain("same total"));
    }

    [Test]
    public void A_seed_that_cannot_meet_the_margins_does_not_converge()
    {
        // Diagonal seed: rows and columns are paired, so row i must equal column i.
        var ex = Assert.Throws<InputDataException>(() =>
            Raking.Rake(new double[,] { { 1, 0 }, { 0, 1 } }, [1.0, 2.0], [2.0, 1.0], maxIterations: 200));
        Assert.That(ex!.ValidRange, Does.Contain("converge"));
        Assert.Throws<InputDataException>(() => Raking.Rake(new double[,] { { 0, 0 }, { 1, 1 } }, [1.0, 1.0], [1.0, 1.0]));
        Assert.Throws<InputDataException>(() => Raking.Rake(new double[,] { { -1, 1 }, { 1, 1 } }, [1.0, 1.0], [1.0, 1.0]));
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public void Margins_are_met_for_random_positive_seeds(int seed)
    {
        var random = new Random(seed);
        int rows = random.Next(1, 12), cols = random.Next(1, 12);
        var matrix = new double[rows * cols];
        for (int i = 0; i < matrix.Length; i++) matrix[i] = random.NextDouble() + 0.01;
        var rowTargets = new double[rows];
        var colTargets = new double[cols];
        for (int i = 0; i < rows; i++) rowTargets[i] = random.NextDouble() * 1e6;
        for (int j = 0; j < cols; j++) colTargets[j] = random.NextDouble() + 0.01;
        double scale = rowTargets.Sum() / colTargets.Sum();
        for (int j = 0; j < cols; j++) colTargets[j] *= scale;
        Raking.RakeInPlace(matrix, rows, cols, rowTargets, colTargets);
        double total = rowTargets.Sum();
        for (int i = 0; i < rows; i++)
        {
            double s = 0;
            for (int j = 0; j < cols; j++) s += matrix[i * cols + j];
            Assert.That(s, Is.EqualTo(rowTargets[i]).Within(1e-9 * total));
        }
        for (int j = 0; j < cols; j++)
        {
            double s = 0;
            for (int i = 0; i < rows; i++) s += matrix[i * cols + j];
            Assert.That(s, Is.EqualTo(colTargets[j]).Within(1e-9 * total));
        }
    }

    [Test]
    public void Three_way_raking_meets_all_three_margins()
    {
        var random = new Random(7);
        const int n0 = 3, n1 = 4, n2 = 5;
        var array = new double[n0 * n1 * n2];
        for (int i = 0; i < array.Length; i++) array[i] = random.NextDouble() + 0.1;
        double[] m0 = [10, 20, 30];
        double[] m1 = [15, 15, 15, 15];
        double[] m2 = [5, 10, 15, 20, 10];
        Raking.RakeInPlace3D(array, n0, n1, n2, m0, m1, m2);
        for (int i = 0; i < n0; i++)
            Assert.That(array.AsSpan(i * n1 * n2, n1 * n2).ToArray().Sum(), Is.EqualTo(m0[i]).Within(1e-7));
        for (int j = 0; j < n1; j++)
        {
            double s = 0;
            for (int i = 0; i < n0; i++) for (int k = 0; k < n2; k++) s += array[(i * n1 + j) * n2 + k];
            Assert.That(s, Is.EqualTo(m1[j]).Within(1e-7));
        }
        for (int k = 0; k < n2; k++)
        {
            double s = 0;
            for (int ij = 0; ij < n0 * n1; ij++) s += array[ij * n2 + k];
            Assert.That(s, Is.EqualTo(m2[k]).Within(1e-7));
        }
    }
}
