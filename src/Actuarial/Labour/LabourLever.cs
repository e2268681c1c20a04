using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Labour;

/// <summary>
/// The scenario levers of the labour model: each is an <see cref="AnnualPath"/> over the projection years,
/// set with <see cref="LabourAssumptions.WithLever(LabourLever, IEnumerable{ValueTuple{int, double}})"/>; a scenario file or
/// a notebook names them through the lever catalogue (<c>Levers</c> in Actuarial.Scenarios). Any other value is rejected.
/// </summary>
internal enum LabourLever
{
    /// <summary>
    /// Share of the gap between men's and women's participation (same education and age) that women close, in [0, 1];
    /// default 0 (the base profile held). Lever "participation of women rising".
    /// </summary>
    FemaleParticipationGain = 0,

    /// <summary>
    /// Share of the gap between the participation of persons aged <see cref="LabourAssumptions.OlderWorkerAge"/>+ and the
    /// peak participation of their sex and education that closes, in [0, 1]; default 0. Lever "participation of older workers rising".
    /// </summary>
    OlderWorkerParticipationGain = 1,

    /// <summary>Multiplier on the base unemployment rates, in [0, 10] (the product must stay ≤ 1); default 1.</summary>
    UnemploymentScale = 2,

    /// <summary>
    /// Multiplier on every province's coverage, in [0, 10]: the non-agricultural share of employment relative to the
    /// calibration year (the urban employee scheme covers non-farm employment; farmers are in the residents' scheme).
    /// Default 1 (no change). Lever "a falling agricultural share".
    /// </summary>
    NonAgriculturalShareScale = 3,

    /// <summary>
    /// Share of the employed persons not covered by the scheme (flexible and platform workers, informal employees) that
    /// join it, in [0, 1]; default 0. Lever "flexible/platform workers joining the scheme".
    /// </summary>
    UncoveredWorkersJoining = 4,

    /// <summary>Contribution density: the share of a year covered workers actually pay, in [0, 1]; default 1 (see <see cref="LabourAssumptions.ContributionDensity"/>).</summary>
    ContributionDensity = 5,

    /// <summary>Nominal growth of every province's average wage from the year before, in [−0.5, 1]; value at year y = W(y)/W(y−1) − 1.</summary>
    WageGrowth = 6,
}

/// <summary>Helpers for <see cref="LabourLever"/>.</summary>
internal static class LabourLevers
{
    /// <summary>All levers.</summary>
    public static IReadOnlyList<LabourLever> All { get; } =
    [
        LabourLever.FemaleParticipationGain, LabourLever.OlderWorkerParticipationGain, LabourLever.UnemploymentScale,
        LabourLever.NonAgriculturalShareScale, LabourLever.UncoveredWorkersJoining, LabourLever.ContributionDensity, LabourLever.WageGrowth,
    ];

    /// <summary>The lever's name as used in scenario files (snake case), e.g. <c>female_participation_gain</c>.</summary>
    public static string Label(this LabourLever lever) => lever switch
    {
        LabourLever.FemaleParticipationGain => "female_participation_gain",
        LabourLever.OlderWorkerParticipationGain => "older_worker_participation_gain",
        LabourLever.UnemploymentScale => "unemployment_scale",
        LabourLever.NonAgriculturalShareScale => "non_agricultural_share_scale",
        LabourLever.UncoveredWorkersJoining => "uncovered_workers_joining",
        LabourLever.ContributionDensity => "contribution_density",
        LabourLever.WageGrowth => "wage_growth",
        _ => throw Unknown(((int)lever).ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The valid range of the lever's values.</summary>
    public static (double Minimum, double Maximum) Range(this LabourLever lever) => lever switch
    {
        LabourLever.FemaleParticipationGain or LabourLever.OlderWorkerParticipationGain or LabourLever.UncoveredWorkersJoining
            or LabourLever.ContributionDensity => (0, 1),
        LabourLever.UnemploymentScale or LabourLever.NonAgriculturalShareScale => (0, 10),
        LabourLever.WageGrowth => (-0.5, 1),
        _ => throw Unknown(((int)lever).ToString(CultureInfo.InvariantCulture)),
    };

    private static InputDataException Unknown(string? value) =>
        new(nameof(LabourLever), null, "lever", value,
            "a lever the labour model uses: " + string.Join(", ", All.Select(l => l.Label())));
}
