using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Scheme;

/// <summary>
/// The labour layer as the scheme engine reads it: a region at a time, its covered workers of a year into a region-sized
/// buffer with the region's covered workers and wage bill, and its wages as earnings × a wage scale. A layer that fills a
/// region at a time (<see cref="IRegionalCoveredWorkforce"/>) is read as it is; any other <see cref="ICoveredWorkforce"/>
/// is adapted (<see cref="For"/>), so the engine has one protocol.
/// </summary>
internal abstract class RegionLabour
{
    /// <summary>
    /// The engine's reading of <paramref name="workforce"/> on the grid <paramref name="shape"/>: <paramref name="current"/>
    /// pointed at it if it reads the same kind of layer (its buffers are reused: a Monte Carlo path rebinds for each path),
    /// else a new reading.
    /// </summary>
    public static RegionLabour For(ICoveredWorkforce workforce, PopulationShape shape, RegionLabour? current = null)
    {
        if (workforce is IRegionalCoveredWorkforce regional)
        {
            var reading = current as FromRegionalLayer ?? new FromRegionalLayer();
            reading.Bind(regional);
            return reading;
        }
        var whole = current is FromWholeGridLayer w && w.Shape.CellCount == shape.CellCount ? w : new FromWholeGridLayer(shape);
        whole.Bind(workforce, shape);
        return whole;
    }

    /// <summary>An age below which nobody is covered in any year (0 if unknown).</summary>
    public abstract int FirstCoveredAge { get; }

    /// <summary>
    /// Fills region <paramref name="region"/>'s covered workers of <paramref name="year"/> into <paramref name="covered"/>
    /// (the region's cells; those below <see cref="FirstCoveredAge"/> may be left as they are) and returns Σ covered,
    /// Σ covered × wage and the wage scale of the region's <see cref="Earnings"/> in that year. The engine asks for the
    /// regions of a year in order, region 0 first.
    /// </summary>
    public abstract (double Workers, double WageBill, double WageScale) Fill(int year, int region, ReadOnlySpan<double> population, Span<double> covered);

    /// <summary>
    /// The earnings of region <paramref name="region"/>'s cells in <paramref name="year"/> (filled by <see cref="Fill"/>,
    /// for the year filled last or the one before): a cell's wage is its earnings × the wage scale. Readable
    /// <see cref="SchemeBlocks.PastAge100"/> cells past the region's last.
    /// </summary>
    public abstract ReadOnlySpan<double> Earnings(int year, int region);

    /// <summary>A layer that fills a region at a time: its relative earnings are the same in every region and year.</summary>
    private sealed class FromRegionalLayer : RegionLabour
    {
        private IRegionalCoveredWorkforce _layer = null!;
        private readonly double[] _relativeEarnings = new double[PopulationShape.CellsPerRegion + SchemeBlocks.PastAge100];

        public void Bind(IRegionalCoveredWorkforce layer)
        {
            _layer = layer;
            var earnings = layer.RelativeEarnings;
            if (earnings.Length != PopulationShape.CellsPerRegion)
            {
                throw new InputDataException("labour layer", null, "relative earnings", earnings.Length.ToString(CultureInfo.InvariantCulture),
                    $"one value per cell of a region ({PopulationShape.CellsPerRegion})");
            }
            earnings.CopyTo(_relativeEarnings);
        }

        public override int FirstCoveredAge => Math.Clamp(_layer.FirstCoveredAge, 0, Ages.Count);

        public override (double Workers, double WageBill, double WageScale) Fill(int year, int region, ReadOnlySpan<double> population, Span<double> covered) =>
            _layer.FillCoveredWorkersOfRegion(year, region, population, covered);

        public override ReadOnlySpan<double> Earnings(int year, int region) => _relativeEarnings;
    }

    /// <summary>
    /// A layer that fills the whole grid: filled when region 0 of a year is asked for, each region then summed (checking
    /// the layer's contract) and copied out; its wages are the earnings, with a scale of 1 (a product by 1 is exact).
    /// The wages of two years are kept, by the year's parity: the engine accrues on a year's wages while it fills the next.
    /// </summary>
    private sealed class FromWholeGridLayer : RegionLabour
    {
        private ICoveredWorkforce _layer = null!;
        private PopulationShape _shape;
        private readonly double[] _covered;
        private readonly double[][] _wagesByParity;

        public FromWholeGridLayer(PopulationShape shape)
        {
            _shape = shape;
            _covered = new double[shape.CellCount];
            _wagesByParity = [new double[shape.CellCount + SchemeBlocks.PastAge100], new double[shape.CellCount + SchemeBlocks.PastAge100]];
        }

        public PopulationShape Shape => _shape;

        public void Bind(ICoveredWorkforce layer, PopulationShape shape)
        {
            _layer = layer;
            _shape = shape;
        }

        public override int FirstCoveredAge => 0;

        public override (double Workers, double WageBill, double WageScale) Fill(int year, int region, ReadOnlySpan<double> population, Span<double> covered)
        {
            var wages = _wagesByParity[year & 1];
            if (region == 0) _layer.FillCoveredWorkers(year, population, _covered, wages.AsSpan(0, _shape.CellCount));
            int start = region * PopulationShape.CellsPerRegion;
            var (workers, bill) = CoveredAndWageBill(year, start, wages);
            _covered.AsSpan(start, PopulationShape.CellsPerRegion).CopyTo(covered);
            return (workers, bill, 1);
        }

        public override ReadOnlySpan<double> Earnings(int year, int region) =>
            _wagesByParity[year & 1].AsSpan(region * PopulationShape.CellsPerRegion);

        /// <summary>
        /// Σ covered and Σ covered × wage over a region, checking the contract on the way: counts and wages finite and ≥ 0.
        /// Counts above the population are no error here: contributors + pensioners ≤ population caps them, and what the cap
        /// removes shows up in the registration factor.
        /// </summary>
        private (double Workers, double WageBill) CoveredAndWageBill(int year, int start, double[] wages)
        {
            int width = Vector<double>.Count;
            ref double covered = ref MemoryMarshal.GetArrayDataReference(_covered);
            ref double wage = ref MemoryMarshal.GetArrayDataReference(wages);
            var infinity = new Vector<double>(double.PositiveInfinity);
            Vector<double> sum = Vector<double>.Zero, dot = Vector<double>.Zero;
            var valid = Vector<long>.AllBitsSet;
            int k = 0;
            for (; k + width <= PopulationShape.CellsPerRegion; k += width)
            {
                nuint i = (nuint)(start + k);
                var c = Vector.LoadUnsafe(ref covered, i);
                var w = Vector.LoadUnsafe(ref wage, i);
                valid &= Vector.GreaterThanOrEqual(c, Vector<double>.Zero) & Vector.LessThan(c, infinity)
                    & Vector.GreaterThanOrEqual(w, Vector<double>.Zero) & Vector.LessThan(w, infinity);
                sum += c;
                dot += c * w;
            }
            double workers = Vector.Sum(sum), bill = Vector.Sum(dot);
            bool allValid = Vector.EqualsAll(valid, Vector<long>.AllBitsSet);
            for (; k < PopulationShape.CellsPerRegion; k++)
            {
                double c = _covered[start + k], w = wages[start + k];
                allValid &= c >= 0 && c < double.PositiveInfinity && w >= 0 && w < double.PositiveInfinity;
                workers += c;
                bill += c * w;
            }
            if (!allValid) Check(year, start, wages);
            return (workers, bill);
        }

        private void Check(int year, int start, double[] wages)
        {
            for (int i = start; i < start + PopulationShape.CellsPerRegion; i++)
            {
                double c = _covered[i], w = wages[i];
                if (!(c >= 0) || !double.IsFinite(c) || !(w >= 0) || !double.IsFinite(w))
                {
                    throw new InputDataException("labour layer", null, $"{PopulationGrid.DescribeCell(_shape, i)} in {year}",
                        string.Create(CultureInfo.InvariantCulture, $"covered {c:R}, wage {w:R}"), "finite covered workers ≥ 0 and a finite wage ≥ 0");
                }
            }
        }
    }
}
