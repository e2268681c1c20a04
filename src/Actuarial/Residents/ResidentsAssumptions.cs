using Actuarial.IO;
using Actuarial.Labour;

namespace Actuarial.Residents;

/// <summary>
/// The assumptions of the residents' scheme (城乡居民基本养老保险) projection. Immutable; <see cref="ChinaDefaults"/> is
/// current policy calibrated to 2024.
/// </summary>
public sealed record ResidentsAssumptions
{
    /// <summary>Current policy: the published foundation-pension minimums, the NBS 2024 provincial table as the calibration target.</summary>
    public static ResidentsAssumptions ChinaDefaults { get; } = new();

    /// <summary>The foundation pension rule (the central minimum path is the lever <c>residents.minimum_pension</c>).</summary>
    public FoundationPension FoundationPension { get; init => field = value ?? throw new ArgumentNullException(nameof(FoundationPension)); } = FoundationPension.ChinaDefaults;

    /// <summary>
    /// The 2024 provincial figures the scheme is calibrated to (NBS yearbook 2025 table 24-27, data/residents_pension_province_2024.csv);
    /// one row per province (the national row, code 0, is ignored).
    /// </summary>
    public IReadOnlyList<ResidentsPensionProvinceRow> Targets2024 { get; init => field = value ?? throw new ArgumentNullException(nameof(Targets2024)); } =
        PensionData.ResidentsPensionProvince2024();

    /// <summary>
    /// Who is still in school: the labour layer's entry to work (<see cref="ParticipationAgeShape"/>: entry centred on the end
    /// of schooling of each education level), so that "in school" is the share of a cell that has not yet entered work.
    /// Students are excluded from the residents' scheme [S2] (<see cref="ResidentsAccountPension.FirstAge"/>).
    /// </summary>
    internal ParticipationAgeShape SchoolLeaving { get; init => field = value ?? throw new ArgumentNullException(nameof(SchoolLeaving)); } = new();
}
