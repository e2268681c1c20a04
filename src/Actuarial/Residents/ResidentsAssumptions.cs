using Actuarial.Labour;

namespace Actuarial.Residents;

/// <summary>
/// The assumptions of the residents' scheme (城乡居民基本养老保险) projection. Immutable; China's current policy calibrated
/// to 2024 is <c>ChinaDefaults.Residents()</c> (Actuarial.China).
/// </summary>
public sealed record ResidentsAssumptions
{
    /// <summary>The foundation pension rule (the central minimum path is the lever <c>residents.minimum_pension</c>).</summary>
    public FoundationPension FoundationPension { get; init => field = value ?? throw new ArgumentNullException(nameof(FoundationPension)); } = new();

    /// <summary>
    /// The 2024 provincial figures the scheme is calibrated to, one row per province; required (China's: NBS yearbook 2025
    /// table 24-27, data/residents_pension_province_2024.csv).
    /// </summary>
    public IReadOnlyList<ResidentsTarget> Targets2024 { get; init => field = value ?? throw new ArgumentNullException(nameof(Targets2024)); } = null!;

    /// <summary>
    /// Who is still in school: the labour layer's entry to work (<see cref="ParticipationAgeShape"/>: entry centred on the end
    /// of schooling of each education level), so that "in school" is the share of a cell that has not yet entered work.
    /// Students are excluded from the residents' scheme [S2] (<see cref="ResidentsAccountPension.FirstAge"/>).
    /// </summary>
    internal ParticipationAgeShape SchoolLeaving { get; init => field = value ?? throw new ArgumentNullException(nameof(SchoolLeaving)); } = new();
}

/// <summary>One province's base-year figures of the residents' scheme, in the yearbook's units (China's: NBS yearbook 2025 table 24-27).</summary>
/// <param name="RegionCode">GB/T 2260 code; 0 (a national row) is ignored.</param>
/// <param name="ParticipantsTenThousands">Participants (including beneficiaries), 10,000 persons.</param>
/// <param name="BeneficiariesTenThousands">Persons paid benefits, 10,000 persons.</param>
/// <param name="RevenueHundredMillionYuan">Fund revenue, 100 million yuan.</param>
/// <param name="ExpenditureHundredMillionYuan">Fund expenditure, 100 million yuan.</param>
/// <param name="AccumulatedBalanceHundredMillionYuan">Accumulated balance at year end, 100 million yuan.</param>
public readonly record struct ResidentsTarget(int RegionCode, double ParticipantsTenThousands, double BeneficiariesTenThousands,
    double RevenueHundredMillionYuan, double ExpenditureHundredMillionYuan, double AccumulatedBalanceHundredMillionYuan);
