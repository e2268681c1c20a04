using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Labour;

/// <summary>
/// Everything the labour model needs to turn persons into covered contributing workers and wages, for the regions of its coverage and wages (<see cref="ProvinceValues.Regions"/>; China's 31 provinces in the defaults):
/// the base labour-force profile (participation by sex × education × age, unemployment by sex × education), coverage by
/// province, the provinces' average wages in <see cref="WageBaseYear"/>, relative earnings, and the scenario levers
/// (<see cref="LabourLever"/>), each a path over [<see cref="FirstYear"/>, <see cref="LastYear"/>]. Immutable; a scenario
/// changes one piece with <c>with</c> or <see cref="WithLever(LabourLever, IEnumerable{ValueTuple{int, double}})"/>, then
/// calls <see cref="Compile"/>. China's calibrated defaults are <c>ChinaDefaults.Labour()</c> (Actuarial.China).
/// </summary>
/// <remarks>
/// Covered workers of a cell (full-year equivalents), in year y:
/// <code>
/// p   = base participation, + FemaleParticipationGain(y) × max(0, p_male − p) for women,
///       + OlderWorkerParticipationGain(y) × max(0, peak − p) at ages ≥ OlderWorkerAge
/// ε   = p × (1 − min(1, u × UnemploymentScale(y)))                      employed share of the cell
/// s   = min(1, ε × coverage(province) × NonAgriculturalShareScale(y))  covered share
/// s'  = s + UncoveredWorkersJoining(y) × max(0, ε − s)                  flexible / platform workers join
/// covered = population × s' × ContributionDensity(y)
/// </code>
/// Coverage is a ratio of covered to employed residents; it may exceed 1 in a province whose scheme counts members
/// who are not its census residents (the yearbook counts members where they are insured, the census where they live),
/// so the covered share s is capped at 1 per cell. Nobody is treated as retired here: the scheme layer zeroes the
/// persons past their statutory retirement age.
/// </remarks>
public sealed record LabourAssumptions
{
    /// <summary>Ages from which <see cref="LabourLever.OlderWorkerParticipationGain"/> applies: 50 (the women workers' original statutory age, the earliest exit).</summary>
    public const int OlderWorkerAge = 50;

    /// <summary>Largest coverage ratio accepted (covered / employed residents; see remarks).</summary>
    public const double MaxCoverage = 5.0;

    /// <summary>First year the model can be asked for.</summary>
    public required int FirstYear { get; init; }

    /// <summary>Last year the model can be asked for.</summary>
    public required int LastYear { get; init; }

    /// <summary>Base participation and unemployment.</summary>
    public required LabourForceProfile LabourForce { get; init => field = value ?? throw new ArgumentNullException(nameof(LabourForce)); }

    /// <summary>Coverage ratio by province (covered / employed residents, in [0, <see cref="MaxCoverage"/>]), calibrated to <see cref="WageBaseYear"/> in the defaults.</summary>
    public required ProvinceValues Coverage { get; init => field = value ?? throw new ArgumentNullException(nameof(Coverage)); }

    /// <summary>Year of <see cref="AverageWage"/> (2024 in the defaults).</summary>
    public required int WageBaseYear { get; init; }

    /// <summary>Average annual wage by province in <see cref="WageBaseYear"/>, yuan: the contribution base (全口径 where published).</summary>
    public required ProvinceValues AverageWage { get; init => field = value ?? throw new ArgumentNullException(nameof(AverageWage)); }

    /// <summary>Relative earnings by sex × education × age.</summary>
    public required RelativeEarnings Earnings { get; init => field = value ?? throw new ArgumentNullException(nameof(Earnings)); }

    /// <summary>Lever: women close this share of the gender participation gap (default 0).</summary>
    public required AnnualPath FemaleParticipationGain { get; init => field = Lever(value, LabourLever.FemaleParticipationGain); }

    /// <summary>Lever: older workers close this share of the gap to peak participation (default 0).</summary>
    public required AnnualPath OlderWorkerParticipationGain { get; init => field = Lever(value, LabourLever.OlderWorkerParticipationGain); }

    /// <summary>Lever: multiplier on base unemployment (default 1).</summary>
    public required AnnualPath UnemploymentScale { get; init => field = Lever(value, LabourLever.UnemploymentScale); }

    /// <summary>Lever: multiplier on coverage from a rising non-agricultural share (default 1).</summary>
    public required AnnualPath NonAgriculturalShareScale { get; init => field = Lever(value, LabourLever.NonAgriculturalShareScale); }

    /// <summary>Lever: share of the uncovered employed that join the scheme (default 0).</summary>
    public required AnnualPath UncoveredWorkersJoining { get; init => field = Lever(value, LabourLever.UncoveredWorkersJoining); }

    /// <summary>
    /// The coverage path (ceiling and pace) <see cref="UncoveredWorkersJoining"/> was drawn from, or null when the joining
    /// path is given by itself; the coverage levers of a scenario move it and redraw the joining path.
    /// </summary>
    internal CoveragePath? JoiningPath { get; init; }

    /// <summary>
    /// Lever: contribution density, the share of a year covered workers pay. Default 1, an ASSUMPTION: no density by
    /// province or age was found, and the 2024 calibration matches the yearbook's workers (职工) with coverage, so any
    /// density below 1 in 2024 would be absorbed into coverage; lower it after 2024 to model rising non-payment (断缴).
    /// </summary>
    public required AnnualPath ContributionDensity { get; init => field = Lever(value, LabourLever.ContributionDensity); }

    /// <summary>Lever: nominal growth of every province's average wage, value at y = W(y)/W(y−1) − 1.</summary>
    public required AnnualPath WageGrowth { get; init => field = Lever(value, LabourLever.WageGrowth); }

    /// <summary>
    /// Share of women in cadre (managerial and technical) posts, statutory age 55 originally, by education level (six
    /// values, lowest first); the rest are women workers (50). Used only to decide who is below the statutory age in the
    /// calibration. Default: 1 for post-secondary, 0 otherwise, an ASSUMPTION (no data on the split; cadre and technical
    /// posts (干部 / 专业技术岗位) mostly require a tertiary qualification).
    /// </summary>
    public required IReadOnlyList<double> FemaleCadreShareByEducation { get; init => field = CheckShares(value); }

    /// <summary>The retirement-age schedule used in the calibration to count who is below the statutory age (China's: <c>ChinaDefaults.RetirementAges()</c> in Actuarial.China).</summary>
    public required RetirementAgeSchedule RetirementAges { get; init => field = value ?? throw new ArgumentNullException(nameof(RetirementAges)); }

    /// <summary>Month (1..12) of the population grid's reference date: 11, since the projection is dated at the census day, 1 November.</summary>
    public int ReferenceMonth { get; init => field = value is >= 1 and <= 12 ? value
        : throw new InputDataException(nameof(LabourAssumptions), null, nameof(ReferenceMonth), value.ToString(CultureInfo.InvariantCulture), "a month in 1..12"); } = 11;


    /// <summary>The path of a lever.</summary>
    internal AnnualPath Lever(LabourLever lever) => lever switch
    {
        LabourLever.FemaleParticipationGain => FemaleParticipationGain,
        LabourLever.OlderWorkerParticipationGain => OlderWorkerParticipationGain,
        LabourLever.UnemploymentScale => UnemploymentScale,
        LabourLever.NonAgriculturalShareScale => NonAgriculturalShareScale,
        LabourLever.UncoveredWorkersJoining => UncoveredWorkersJoining,
        LabourLever.ContributionDensity => ContributionDensity,
        LabourLever.WageGrowth => WageGrowth,
        _ => throw new InputDataException(nameof(LabourLever), null, "lever", ((int)lever).ToString(CultureInfo.InvariantCulture),
            "a lever the labour model uses: " + string.Join(", ", LabourLevers.All.Select(l => l.Label()))),
    };

    /// <summary>A copy with one lever's path replaced by (year, value) points that cover every year from the first to the last without gaps.</summary>
    /// <exception cref="InputDataException">A gap or repeat in the years, or a value outside the lever's range.</exception>
    internal LabourAssumptions WithLever(LabourLever lever, IEnumerable<(int Year, double Value)> points)
    {
        var (min, max) = lever.Range();
        var path = AnnualPath.FromYears(lever.Label(), points, min, max);
        return WithLever(lever, path);
    }

    /// <summary>A copy with one lever's path replaced.</summary>
    /// <exception cref="InputDataException">The lever is not one the model uses, or a value is outside its range.</exception>
    internal LabourAssumptions WithLever(LabourLever lever, AnnualPath path) => lever switch
    {
        LabourLever.FemaleParticipationGain => this with { FemaleParticipationGain = path },
        LabourLever.OlderWorkerParticipationGain => this with { OlderWorkerParticipationGain = path },
        LabourLever.UnemploymentScale => this with { UnemploymentScale = path },
        LabourLever.NonAgriculturalShareScale => this with { NonAgriculturalShareScale = path },
        LabourLever.UncoveredWorkersJoining => this with { UncoveredWorkersJoining = path },
        LabourLever.ContributionDensity => this with { ContributionDensity = path },
        LabourLever.WageGrowth => this with { WageGrowth = path },
        _ => throw new InputDataException(nameof(LabourLever), null, "lever", ((int)lever).ToString(CultureInfo.InvariantCulture),
            "a lever the labour model uses: " + string.Join(", ", LabourLevers.All.Select(l => l.Label()))),
    };

    /// <summary>Default (neutral) path of a lever over [firstYear, lastYear]: gains and joining 0, scales and density 1, wage growth 0.</summary>
    internal static AnnualPath NeutralLever(LabourLever lever, int firstYear, int lastYear)
    {
        var (min, max) = lever.Range();
        double value = lever switch
        {
            LabourLever.UnemploymentScale or LabourLever.NonAgriculturalShareScale or LabourLever.ContributionDensity => 1.0,
            _ => 0.0,
        };
        return new AnnualPath(lever.Label(), firstYear, Enumerable.Repeat(value, lastYear - firstYear + 1).ToArray(), min, max);
    }

    /// <summary>Checks the assumptions and precomputes the model; the result's yearly call is allocation-free.</summary>
    /// <exception cref="InputDataException">A path that does not cover [FirstYear, LastYear] (wage growth: FirstYear+1 .. LastYear), a base year outside it, or unemployment × scale above 1.</exception>
    internal CompiledLabourModel Compile() => new(this);

    private static AnnualPath Lever(AnnualPath? path, LabourLever lever)
    {
        ArgumentNullException.ThrowIfNull(path, lever.ToString());
        var (min, max) = lever.Range();
        for (int y = path.FirstYear; y <= path.LastYear; y++)
        {
            double v = path[y];
            if (!(v >= min && v <= max))
            {
                throw new InputDataException(lever.Label(), null, $"{lever.Label()}[{y}]", v.ToString("R", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"a value in [{min}, {max}]"));
            }
        }
        return path;
    }

    private static IReadOnlyList<double> CheckShares(IReadOnlyList<double>? shares)
    {
        ArgumentNullException.ThrowIfNull(shares, nameof(FemaleCadreShareByEducation));
        if (shares.Count != EducationLevels.Count)
        {
            throw new InputDataException(nameof(LabourAssumptions), null, nameof(FemaleCadreShareByEducation), shares.Count.ToString(CultureInfo.InvariantCulture),
                "6 shares, one per education level");
        }
        for (int e = 0; e < shares.Count; e++)
        {
            LabourForceProfile.CheckRate(nameof(LabourAssumptions), $"{nameof(FemaleCadreShareByEducation)}[{((EducationLevel)e).Label()}]", shares[e]);
        }
        return shares.ToArray();
    }
}
