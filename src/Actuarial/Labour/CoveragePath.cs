using System.Globalization;
using Actuarial.Demography;
using Actuarial.IO;

namespace Actuarial.Labour;

/// <summary>
/// The path of coverage after the calibration year: the share of the employed not covered in <see cref="AnchorYear"/>
/// (flexible and platform workers, informal employees) who have joined the scheme by year y,
/// <code>J(y) = Ceiling × (1 − (1 − Pace)^(y − AnchorYear)),  J(y) = 0 for y ≤ AnchorYear</code>
/// so each year a share <see cref="Pace"/> of the distance still to the ceiling joins. It is the default path of
/// <see cref="LabourLever.UncoveredWorkersJoining"/>. Immutable.
/// </summary>
/// <remarks>
/// Sources: the published insured workers (参保职工 in contributing status, 职工) 2019–2024, urban_employee_pension_national.csv
/// (MOHRSS communiqués, NBS yearbook 2025), grew by 753.6 万 a year on average while the working-age population fell, and
/// the yearly gain shrank (+2,058 万 in 2021, +788 万 in 2024). The default (<see cref="Estimate"/>) continues that
/// deceleration: the yearly joiners net of demography fall by the latest observed year-on-year ratio each year, so the
/// ceiling is where the observed slowdown leads, not a target. No published figure for the ultimate coverage of flexible
/// and platform workers was found, so the ceiling is an ASSUMPTION with that reason, taken conservatively
/// (<see cref="Estimate"/>: the latest ratio, the lowest observed, rather than the trend through 2021–2024). Statutory basis for joining: flexible workers may insure themselves at 60–300% of the
/// average wage (国办发〔2019〕13号, reference note section 1).
/// </remarks>
/// <param name="Ceiling">Share of the uncovered employed who join in the long run, in [0, 1].</param>
/// <param name="Pace">Share of the distance to the ceiling that closes each year, in [0, 1].</param>
/// <param name="AnchorYear">The calibration year, when the joining share is 0 (coverage is calibrated to its yearbook; China's: 2024).</param>
internal sealed record CoveragePath(double Ceiling, double Pace, int AnchorYear)
{

    /// <summary>The share of the long-run ceiling.</summary>
    public double Ceiling { get; init => field = Check(value, nameof(Ceiling)); } = Check(Ceiling, nameof(Ceiling));

    /// <summary>The yearly pace.</summary>
    public double Pace { get; init => field = Check(value, nameof(Pace)); } = Check(Pace, nameof(Pace));

    /// <summary>No change after the calibration year: coverage held at its level of <paramref name="anchorYear"/>.</summary>
    public static CoveragePath Held(int anchorYear) => new(0, 0, anchorYear);

    /// <summary>The joined share J(y) (see the class summary).</summary>
    public double JoinedShare(int year) => year <= AnchorYear ? 0 : Ceiling * (1 - Math.Pow(1 - Pace, year - AnchorYear));

    /// <summary>The path of <see cref="LabourLever.UncoveredWorkersJoining"/> over [firstYear, lastYear].</summary>
    public AnnualPath ToLeverPath(int firstYear, int lastYear)
    {
        var (min, max) = LabourLever.UncoveredWorkersJoining.Range();
        return new AnnualPath(LabourLever.UncoveredWorkersJoining.Label(), firstYear,
            Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(JoinedShare).ToArray(), min, max);
    }

    /// <summary>
    /// Estimates the path from the published national workers and the model's workers at the calibration year's coverage.
    /// The joiners of year y are the fall of the gap G(y) = (model − published)(y) − (model − published)(AnchorYear) from
    /// y − 1 to y (what the anchor coverage would have counted that the scheme did not yet have). With a yearly ratio q of
    /// joiners, the first projected year's joiners are the anchor year's × q, as a share of the uncovered employed below the
    /// statutory age in the anchor year; Pace = 1 − q and Ceiling = first-year share / Pace (the sum of the geometric series).
    /// The trend fit takes q and the anchor joiners from a log-linear least-squares line through every year; the default
    /// takes the anchor year's observed joiners and q = joiners(anchor) / joiners(anchor − 1), the latest and, in 2020–2024,
    /// the lowest year-on-year ratio: the slowdown itself sped up, and a ceiling read from four years is weak evidence, so
    /// the default is the more conservative of the two.
    /// </summary>
    /// <param name="publishedWorkers">Published workers (职工) by year, persons, the anchor year included.</param>
    /// <param name="modelWorkersAtAnchorCoverage">The model's covered workers below the statutory age with the anchor year's coverage, persons, same years.</param>
    /// <param name="uncoveredEmployedAtAnchor">Employed persons below the statutory age not covered in the anchor year.</param>
    /// <param name="anchorYear">The calibration year (the last published year used).</param>
    /// <exception cref="InputDataException">Fewer than three years, a year's joiners not positive, or no deceleration (q ≥ 1): the data then do not support this form.</exception>
    public static CoveragePathEstimate Estimate(IReadOnlyDictionary<int, double> publishedWorkers, IReadOnlyDictionary<int, double> modelWorkersAtAnchorCoverage,
        double uncoveredEmployedAtAnchor, int anchorYear)
    {
        ArgumentNullException.ThrowIfNull(publishedWorkers);
        ArgumentNullException.ThrowIfNull(modelWorkersAtAnchorCoverage);
        var years = publishedWorkers.Keys.Where(modelWorkersAtAnchorCoverage.ContainsKey).Where(y => y <= anchorYear).Order().ToArray();
        if (years.Length < 3 || years[^1] != anchorYear)
        {
            throw new InputDataException(nameof(CoveragePath), null, "years", string.Join(",", years), $"at least three consecutive years ending {anchorYear}");
        }
        double anchorGap = modelWorkersAtAnchorCoverage[anchorYear] - publishedWorkers[anchorYear];
        double Gap(int y) => modelWorkersAtAnchorCoverage[y] - publishedWorkers[y] - anchorGap;
        var joiners = new List<(int Year, double Persons)>();
        for (int i = 1; i < years.Length; i++)
        {
            int y = years[i];
            if (years[i - 1] != y - 1) throw new InputDataException(nameof(CoveragePath), null, "years", y.ToString(CultureInfo.InvariantCulture), "consecutive years");
            double g = Gap(y - 1) - Gap(y);
            if (!(g > 0)) throw new InputDataException(nameof(CoveragePath), null, $"joiners[{y}]", g.ToString("0", CultureInfo.InvariantCulture), "a positive number of joiners every year");
            joiners.Add((y, g));
        }
        // log g(y) = a + b (y − anchorYear), least squares
        double mx = joiners.Average(j => (double)(j.Year - anchorYear)), my = joiners.Average(j => Math.Log(j.Persons));
        double sxy = joiners.Sum(j => (j.Year - anchorYear - mx) * (Math.Log(j.Persons) - my)), sxx = joiners.Sum(j => Math.Pow(j.Year - anchorYear - mx, 2));
        double b = sxy / sxx, a = my - b * mx, ratio = Math.Exp(b);
        if (!(ratio < 1)) throw new InputDataException(nameof(CoveragePath), null, "yearly ratio of joiners", ratio.ToString("0.###", CultureInfo.InvariantCulture), "a ratio below 1 (a slowing inflow)");
        double anchorJoiners = Math.Exp(a), pace = 1 - ratio;
        var trend = new CoveragePath(anchorJoiners * ratio / uncoveredEmployedAtAnchor / pace, pace, anchorYear);
        // The conservative default: the latest year's joiners and the latest year-on-year ratio, the lowest observed.
        double latestJoiners = joiners[^1].Persons, latestRatio = latestJoiners / joiners[^2].Persons;
        if (!(latestRatio < 1)) throw new InputDataException(nameof(CoveragePath), null, $"ratio of joiners {anchorYear}/{anchorYear - 1}", latestRatio.ToString("0.###", CultureInfo.InvariantCulture), "a ratio below 1 (a slowing inflow)");
        var path = new CoveragePath(latestJoiners * latestRatio / uncoveredEmployedAtAnchor / (1 - latestRatio), 1 - latestRatio, anchorYear);
        var fitted = years.ToDictionary(y => y, y =>
        {
            double later = 0;
            for (int k = y + 1; k <= anchorYear; k++) later += anchorJoiners * Math.Pow(ratio, k - anchorYear);
            return modelWorkersAtAnchorCoverage[y] - anchorGap - later;
        });
        return new CoveragePathEstimate(path, trend, joiners, anchorJoiners, uncoveredEmployedAtAnchor, fitted);
    }

    private static double Check(double value, string field) => value is >= 0 and <= 1 ? value
        : throw new InputDataException(nameof(CoveragePath), null, field, value.ToString("R", CultureInfo.InvariantCulture), "a share in [0, 1]");
}

/// <summary>The estimate of the default coverage path and its fit.</summary>
/// <param name="Path">The default path: the latest year's joiners falling by the latest year-on-year ratio (conservative).</param>
/// <param name="TrendFit">The path of the log-linear fit through every year's joiners (the one <paramref name="FittedWorkers"/> comes from).</param>
/// <param name="Joiners">Joiners net of demography by year (persons), the data of the fit.</param>
/// <param name="FittedAnchorJoiners">The fitted joiners of the anchor year, persons.</param>
/// <param name="UncoveredEmployedAtAnchor">Employed persons below the statutory age not covered in the anchor year.</param>
/// <param name="FittedWorkers">Published workers as the fitted path gives them back, by year, persons.</param>
internal sealed record CoveragePathEstimate(CoveragePath Path, CoveragePath TrendFit, IReadOnlyList<(int Year, double Persons)> Joiners, double FittedAnchorJoiners,
    double UncoveredEmployedAtAnchor, IReadOnlyDictionary<int, double> FittedWorkers);
