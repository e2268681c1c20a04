namespace Actuarial.Residents;

/// <summary>The pension coverage state of a person aged 16 or over in a year: each person is in exactly one.</summary>
internal enum CoverageState
{
    /// <summary>A member of the urban employee scheme who has not retired (the scheme's contributors).</summary>
    EmployeeContributor,
    /// <summary>A pensioner of the urban employee scheme.</summary>
    EmployeeBeneficiary,
    /// <summary>A member of the residents' scheme below its pension age (60) who has not drawn a pension.</summary>
    ResidentsContributor,
    /// <summary>A beneficiary of the residents' scheme.</summary>
    ResidentsBeneficiary,
    /// <summary>In school (has not yet entered work, <see cref="ResidentsAssumptions.SchoolLeaving"/>) and in neither scheme.</summary>
    InSchool,
    /// <summary>In neither scheme and not in school.</summary>
    Uncovered,
}
