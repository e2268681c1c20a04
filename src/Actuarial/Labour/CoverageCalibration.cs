namespace Actuarial.Labour;

/// <summary>
/// The labour layer's coverage calibration: coverage by region solved so that the covered workers below the statutory
/// retirement age equal given targets (China's: the 2024 yearbook's workers, built by <c>ChinaDefaults.CalibratedLabour()</c>).
/// </summary>
internal static class CoverageCalibration
{
    /// <summary>
    /// Solves each province's coverage so that its covered workers below the statutory retirement age in
    /// <paramref name="year"/> equal <paramref name="targetWorkers"/> (persons), with every other assumption as given.
    /// Bisection on [0, <see cref="LabourAssumptions.MaxCoverage"/>] to a relative 1e-13, so the match is exact by construction.
    /// </summary>
    /// <remarks>
    /// Covered workers never exceed a cell's population (the scheme layer's contract), so a province's covered workers
    /// below statutory age cannot exceed its residents aged 16+ below statutory age. Where the target is above what the
    /// largest coverage ratio reaches — in the defaults only Beijing, whose yearbook counts 15.88 million workers against
    /// about 13.2 million residents aged 16+ below the statutory age in the engine's 2024 population (members insured in
    /// Beijing who live elsewhere, or have left without transferring their account) — the coverage is set to
    /// <see cref="LabourAssumptions.MaxCoverage"/> and the shortfall is reported in the row
    /// (<see cref="CoverageCalibrationRow.Feasible"/> is false), never hidden by breaking the population bound.
    /// </remarks>
    public static (LabourAssumptions Assumptions, IReadOnlyList<CoverageCalibrationRow> Rows) Calibrate(LabourAssumptions assumptions,
        ReadOnlySpan<double> population, int year, ProvinceValues targetWorkers)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(targetWorkers);
        var model = assumptions.Compile();
        if (!targetWorkers.Regions.SequenceEqual(model.Regions))
        {
            throw new InputDataException(targetWorkers.Name, null, "regions", string.Join(",", targetWorkers.Regions.Select(r => r.Code)),
                "the regions of the coverage, in the same order (" + string.Join(",", model.Regions.Select(r => r.Code)) + ")");
        }
        if (population.Length != model.CellCount) throw new ArgumentException($"expected {model.CellCount} cells", nameof(population));
        var employed = new double[LabourForceProfile.Cells];
        model.FillEmployedShare(year, employed);
        var below = CompiledLabourModel.BelowRetirementShares(assumptions, year);
        double scale = assumptions.NonAgriculturalShareScale[year], joining = assumptions.UncoveredWorkersJoining[year], density = assumptions.ContributionDensity[year];
        var pop = population.ToArray();
        var coverage = new List<(int, double)>();
        var regions = assumptions.Coverage.Regions;
        for (int r = 0; r < regions.Count; r++)
        {
            int offset = r * LabourForceProfile.Cells;
            double target = targetWorkers.At(r);
            double Covered(double c)
            {
                double sum = 0;
                for (int i = 0; i < LabourForceProfile.Cells; i++)
                {
                    sum += pop[offset + i] * CompiledLabourModel.CoveredShare(employed[i], c * scale, joining) * density * below[i];
                }
                return sum;
            }
            double lo = 0, hi = LabourAssumptions.MaxCoverage;
            double capacity = Covered(hi);
            if (capacity < target) target = capacity; // infeasible: the residents cannot supply the target (see the remarks)
            for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; it++)
            {
                double mid = 0.5 * (lo + hi);
                if (Covered(mid) < target) lo = mid; else hi = mid;
            }
            coverage.Add((regions[r].Code, 0.5 * (lo + hi)));
        }
        var calibrated = assumptions with { Coverage = new ProvinceValues("coverage", regions, coverage, 0, LabourAssumptions.MaxCoverage) };
        var check = calibrated.Compile().CoveredWorkersBelowRetirementAge(year, population);
        var rows = regions.Select((p, r) => new CoverageCalibrationRow(p.Code, p.EnglishName, targetWorkers.At(r), check[r], calibrated.Coverage.At(r))).ToArray();
        return (calibrated, rows);
    }
}

/// <summary>One province of the coverage calibration.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="Region">Province name.</param>
/// <param name="TargetWorkers">Target workers (China's: the yearbook's 职工), persons.</param>
/// <param name="ModelWorkers">The calibrated model's covered workers below the statutory retirement age, persons.</param>
/// <param name="Coverage">The calibrated coverage ratio.</param>
internal readonly record struct CoverageCalibrationRow(int RegionCode, string Region, double TargetWorkers, double ModelWorkers, double Coverage)
{
    /// <summary>False when the target exceeds what the province's residents can supply (the model is then below it).</summary>
    public bool Feasible => ModelWorkers >= TargetWorkers * (1 - 1e-6);

    /// <summary>ModelWorkers / TargetWorkers − 1.</summary>
    public double RelativeError => ModelWorkers / TargetWorkers - 1;
}
