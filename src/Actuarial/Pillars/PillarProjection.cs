namespace Actuarial.Pillars;

/// <summary>The funded pillars projected nationally (<see cref="PillarProjector"/>): one row a year and pillar from 2025. Immutable.</summary>
public sealed class PillarProjection
{
    private readonly IReadOnlyList<PillarYearRow> _rows;

    internal PillarProjection(PillarAssumptions assumptions, PillarCalibration calibration, int baseYear, int lastYear, IReadOnlyList<PillarYearRow> rows)
    {
        Assumptions = assumptions;
        Calibration = calibration;
        BaseYear = baseYear;
        LastYear = lastYear;
        _rows = rows;
    }

    /// <summary>The assumptions it ran on.</summary>
    public PillarAssumptions Assumptions { get; }

    /// <summary>What the 2024 figures set.</summary>
    public PillarCalibration Calibration { get; }

    /// <summary>The year of the opening assets (2024, year-end).</summary>
    public int BaseYear { get; }

    /// <summary>The last projected year.</summary>
    public int LastYear { get; }

    /// <summary>Every year and pillar, years in order within each pillar.</summary>
    public IReadOnlyList<PillarYearRow> YearTable() => _rows;

    /// <summary>One pillar's row of a year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year outside <see cref="BaseYear"/> + 1 … <see cref="LastYear"/>, or an undefined pillar.</exception>
    public PillarYearRow Row(SupplementaryPillar pillar, int year)
    {
        if (year <= BaseYear || year > LastYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"a year in {BaseYear + 1}..{LastYear}");
        if (!Enum.IsDefined(pillar)) throw new ArgumentOutOfRangeException(nameof(pillar), pillar, "one of " + string.Join(", ", SupplementaryPillars.All));
        int index = (int)pillar; // SupplementaryPillars.All lists the pillars in the enum's order
        return _rows[index * (LastYear - BaseYear) + (year - BaseYear - 1)];
    }
}

/// <summary>One year of one funded pillar, national. Money in nominal yuan; stocks at year-end, flows of the year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Pillar">enterprise_annuity, occupational_annuity or personal_pension.</param>
/// <param name="Members">Contributing members.</param>
/// <param name="NewAnnuitants">Members retiring at the year's end with an annuity (paid from the next year).</param>
/// <param name="Annuitants">Persons paid an annuity in the year: those in payment at its start less those who died in it.</param>
/// <param name="AnnuitantDeaths">Annuitants who died in the year (their balance went to their heirs).</param>
/// <param name="ExhaustedAnnuitants">Annuitants whose account ran out with the year's payment (发完为止): no longer annuitants from the next year.</param>
/// <param name="OpeningAssetsYuan">Assets at the start of the year.</param>
/// <param name="ContributionsYuan">Contributions of the year (employer and member).</param>
/// <param name="ReturnsYuan">Investment returns of the year.</param>
/// <param name="PayoutsYuan">Annuities paid to the living (before the personal pension's withdrawal tax).</param>
/// <param name="InheritedPayoutsYuan">Balances of the annuitants who died in the year, paid to their heirs (可以继承; before the personal pension's withdrawal tax).</param>
/// <param name="ClosingAssetsYuan">Assets at the year's end = opening + contributions + returns − payouts − inherited payouts.</param>
/// <param name="ReturnRate">Nominal return of the year.</param>
/// <param name="ContributionPerMemberYuanPerYear">Contributions / members.</param>
/// <param name="AverageAnnuityYuanPerMonth">Payouts / (12 × annuitants).</param>
/// <param name="TaxDeductionCostYuan">Personal pension: income tax forgone on the deducted contributions (0 for the annuities, whose tax deferral is not modelled).</param>
/// <param name="WithdrawalTaxYuan">Personal pension: the withdrawal tax collected on the annuities and the inherited payouts.</param>
[CsvHelper.CsvRecord]
public sealed partial record PillarYearRow(
    int Year, string Pillar, double Members, double NewAnnuitants, double Annuitants, double AnnuitantDeaths, double ExhaustedAnnuitants,
    double OpeningAssetsYuan, double ContributionsYuan, double ReturnsYuan, double PayoutsYuan, double InheritedPayoutsYuan, double ClosingAssetsYuan, double ReturnRate, double ContributionPerMemberYuanPerYear,
    double AverageAnnuityYuanPerMonth, double TaxDeductionCostYuan, double WithdrawalTaxYuan);
