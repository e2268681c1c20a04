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
    /// Fills the cells of <paramref name="region"/> only; the spans are the whole grid, as in
    /// <see cref="ICoveredWorkforce.FillCoveredWorkers"/>. Returns the region's covered workers Σ covered and wage bill
    /// Σ covered × wage, gathered on the way, so the scheme needs no pass of its own over the cells (the layer vouches
    /// that what it wrote is finite and ≥ 0, which the scheme checks itself for any other labour layer).
    /// </summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="region">Region index in the grid.</param>
    /// <param name="population">Persons by cell (whole grid).</param>
    /// <param name="coveredWorkers">Destination (whole grid; only the region's cells are written).</param>
    /// <param name="annualWageYuan">Destination (whole grid; only the region's cells are written).</param>
    (double Workers, double WageBillYuan) FillCoveredWorkersOfRegion(int year, int region, ReadOnlySpan<double> population, Span<double> coveredWorkers,
        Span<double> annualWageYuan);
}
