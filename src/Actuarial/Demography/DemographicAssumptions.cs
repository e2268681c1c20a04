using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>
/// Everything a demographic projection needs: the base population and the assumption paths. Immutable; change a
/// lever with a <c>with</c> expression (<c>assumptions with { EndYear = 2060 }</c>).
/// </summary>
public sealed record DemographicAssumptions
{
    /// <summary>Population at the base date, by region × sex × education × age.</summary>
    public required PopulationGrid BasePopulation { get; init; }

    /// <summary>Calendar year of the base population; the first projected year is <c>BaseYear + 1</c>.</summary>
    public required int BaseYear { get; init; }

    /// <summary>
    /// Fraction of <see cref="BaseYear"/> already elapsed at the base population's reference date, which is also the
    /// reference date of every projected year's grid: 0 for 1 January (the default), 0.5 for 1 July, 305/366 for the
    /// 2020 census day (00:00 on 1 November 2020). A step from year t to t+1 then runs from t + f to t + 1 + f, so it
    /// lives (1 − f) of its time in calendar year t and f in year t+1; its rates are the two years' rates weighted so
    /// (death rates, age-specific fertility, sex ratio at birth, migrants), so that each calendar year's rates act on
    /// the time they belong to. Must be in [0, 1).
    /// </summary>
    public double BaseDateYearFraction { get; init; }

    /// <summary>Last calendar year projected (inclusive).</summary>
    public required int EndYear { get; init; }

    /// <summary>Death rates by year, sex and age; national rates apply to every region and education level.</summary>
    public required IMortalityModel Mortality { get; init; }

    /// <summary>TFR path, age schedule and sex ratio at birth.</summary>
    public required FertilityAssumption Fertility { get; init; }

    /// <summary>National international net migration by year, sex and age.</summary>
    public required InternationalMigrationAssumption InternationalMigration { get; init; }

    /// <summary>
    /// Net migration rates between provinces; only valid with a multi-region base population (a single-region
    /// run has no one to exchange with, so setting it there is rejected). Null: no migration between provinces.
    /// </summary>
    public InterprovincialMigrationRates? InterprovincialMigration { get; init; }

    /// <summary>Path of attainment that cohorts aged 15–34 move up to; null keeps every cohort's attainment as it is.</summary>
    public AttainmentPath? Education { get; init; }

    /// <summary>Years of schooling per level, for the mean-years-of-schooling output; null omits that output.</summary>
    public SchoolingYears? SchoolingYears { get; init; }
}
