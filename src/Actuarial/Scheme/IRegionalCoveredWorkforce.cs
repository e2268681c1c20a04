namespace Actuarial.Scheme;

/// <summary>
/// A labour layer that can fill one region at a time (what <see cref="ICoveredWorkforce.FillCoveredWorkers"/> writes
/// in that region's cells, bit for bit), so that the scheme can fill, sum and use a region while its cells are in cache.
/// </summary>
internal interface IRegionalCoveredWorkforce : ICoveredWorkforce
{
    /// <summary>An age below which every cell has no covered workers in every year the layer covers (0 if unknown).</summary>
    int FirstCoveredAge { get; }

    /// <summary>
    /// Relative earnings by cell of a region ((sex, education, age), the same in every region and year): the wage
    /// <see cref="ICoveredWorkforce.FillCoveredWorkers"/> writes in a cell is this × the region's wage scale that
    /// <see cref="FillCoveredWorkersOfRegion"/> returns, bit for bit (one product), so the scheme need not store wages.
    /// </summary>
    ReadOnlySpan<double> RelativeEarnings { get; }

    /// <summary>
    /// Fills the covered workers of the cells of <paramref name="region"/> only (what
    /// <see cref="ICoveredWorkforce.FillCoveredWorkers"/> writes there) into <paramref name="coveredWorkers"/>, which
    /// holds that region's cells only (so the scheme can keep them in a small buffer). Returns the
    /// region's covered workers Σ covered and wage bill Σ covered × wage, gathered on the way, so the scheme needs no
    /// pass of its own over the cells (the layer vouches that what it wrote is finite and ≥ 0, which the scheme checks
    /// itself for any other labour layer), and the wage scale: the wage of a cell is <see cref="RelativeEarnings"/> × it.
    /// </summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="region">Region index in the grid.</param>
    /// <param name="population">Persons by cell (whole grid).</param>
    /// <param name="coveredWorkers">Destination: the region's cells (sex, education, age), 1,212 values. Cells below
    /// <see cref="FirstCoveredAge"/> (nobody covered) may be left as they are: pass a buffer that holds zeros there.</param>
    (double Workers, double WageBillYuan, double WageScaleYuan) FillCoveredWorkersOfRegion(int year, int region, ReadOnlySpan<double> population,
        Span<double> coveredWorkers);
}
