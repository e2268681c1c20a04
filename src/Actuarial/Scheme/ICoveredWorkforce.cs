namespace Actuarial.Scheme;

/// <summary>
/// The labour layer as the scheme sees it: covered contributing persons and their wages by cell of the population grid
/// [region, sex, education, age] (the layout of <see cref="Actuarial.Dimensions.PopulationShape"/>). The labour model
/// implements it; tests fake it.
/// </summary>
/// <remarks>
/// Contract: <c>coveredWorkers</c> are covered contributing persons (full-year equivalents) in each cell, counted as if
/// nobody had retired yet (the scheme removes those past the statutory retirement age), finite and ≥ 0; the scheme caps
/// contributors + pensioners at the cell's population. <c>annualWageYuan</c> is the cell's average annual wage (yuan), finite and ≥ 0 (any value where nobody is
/// covered). Calibrated so that the 2024 covered workers below the statutory retirement age equal the yearbook's
/// workers by province. Implementations should not allocate (the scheme calls this once per projection year).
/// </remarks>
internal interface ICoveredWorkforce
{
    /// <summary>Fills the covered workers and the average annual wage of every cell for <paramref name="year"/>.</summary>
    /// <param name="year">Calendar year (the grid's reference date of that year).</param>
    /// <param name="population">Persons by cell at the reference date of <paramref name="year"/>.</param>
    /// <param name="coveredWorkers">Destination: covered contributing persons by cell, as if nobody had retired.</param>
    /// <param name="annualWageYuan">Destination: the cell's average annual wage, yuan.</param>
    void FillCoveredWorkers(int year, ReadOnlySpan<double> population, Span<double> coveredWorkers, Span<double> annualWageYuan);
}
