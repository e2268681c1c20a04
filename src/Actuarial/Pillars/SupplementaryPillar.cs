namespace Actuarial.Pillars;

/// <summary>The funded pillars on top of the basic pension: the second (annuities) and the third (personal pension).</summary>
public enum SupplementaryPillar
{
    /// <summary>Enterprise annuity (企业年金): voluntary, set up by an employer with its workers (《企业年金办法》, 人社部令第36号, 2018).</summary>
    EnterpriseAnnuity,

    /// <summary>Occupational annuity (职业年金): mandatory for public-institution members since October 2014 (国办发〔2015〕18号).</summary>
    OccupationalAnnuity,

    /// <summary>Personal pension (个人养老金): voluntary individual accounts with a tax deduction (国办发〔2022〕7号; nationwide from 15 December 2024).</summary>
    PersonalPension,
}

/// <summary>Labels of <see cref="SupplementaryPillar"/>.</summary>
public static class SupplementaryPillars
{
    /// <summary>All pillars, in table order.</summary>
    public static IReadOnlyList<SupplementaryPillar> All { get; } =
        [SupplementaryPillar.EnterpriseAnnuity, SupplementaryPillar.OccupationalAnnuity, SupplementaryPillar.PersonalPension];

    /// <summary>The label in tables: enterprise_annuity, occupational_annuity, personal_pension.</summary>
    public static string Label(this SupplementaryPillar pillar) => pillar switch
    {
        SupplementaryPillar.EnterpriseAnnuity => "enterprise_annuity",
        SupplementaryPillar.OccupationalAnnuity => "occupational_annuity",
        SupplementaryPillar.PersonalPension => "personal_pension",
        _ => throw new ArgumentOutOfRangeException(nameof(pillar), pillar, null),
    };
}
