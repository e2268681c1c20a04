using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Validation;

/// <summary>
/// The default demography (NBS basis) against NBS's published year-end figures (nbs_population_vital.csv: the
/// statistical communiqués' year-end population, births, deaths, and population aged 60+ and 65+). The projection's grid
/// is on the census day, 1 November; it is compared on 31 December by linear interpolation between the grids around it
/// (<see cref="DemographicProjection.PersonsAgedAtYearEnd"/>) and with flows by calendar year. NBS's year-end population
/// includes active servicemen, which the census base excludes: the census counted 2,000,000 (its headline
/// 1,411,778,724 less the 31 provinces' 1,409,778,724), held at that number here.
/// </summary>
[TestFixture]
[Category("Validation")]
public sealed class NbsObservedYearsValidationTests
{
    private const double Servicemen = 2_000_000;

    /// <summary>The tolerance: NBS rounds to 万 (±0.0004%), and the population moves 0.03% a year.</summary>
    private const double PopulationTolerance = 0.005;

    /// <summary>The tolerance on births and deaths; they are calibrated, so they are met to rounding.</summary>
    private const double FlowTolerance = 0.05;

    /// <summary>
    /// The shares 60+ and 65+: NBS's year-end age structure comes from its 1‰ sample survey (sampling error about 1% of
    /// a share this size), and the mortality factor is one level for every age, so the age pattern of deaths is WPP's.
    /// Measured 2021–2022: +0.4% and −1.5% (60+), −0.6% and −1.3% (65+); 2023 −1.8% (60+); before the NBS basis, 2.2–2.7% low.
    /// </summary>
    private const double ShareTolerance = 0.02;

    private static readonly Lazy<DemographicProjection> Projection = new(() =>
        DemographicProjector.Run(ChinaDefaults.NationalDemography() with { EndYear = 2026 }));

    private static IEnumerable<int> Years => [2021, 2022];

    private static NbsYearRow Nbs(int year) => ChinaData.NbsPopulationVital().Single(r => r.Year == year);

    private static double YearEnd(int year, int fromAge, int toAge) =>
        Sexes.All.Sum(sex => Projection.Value.PersonsAgedAtYearEnd(year, 0, sex, fromAge, toAge));

    [TestCaseSource(nameof(Years))]
    public void Year_end_population_within_half_a_percent(int year)
    {
        double model = YearEnd(year, 0, 100) + Servicemen, published = Nbs(year).YearEndPopulationTenThousands * 1e4;
        TestContext.Out.WriteLine($"{year}: {model / 1e4:F0} 万 vs NBS {published / 1e4:F0} 万 ({model / published - 1:P3})");
        Assert.That(Math.Abs(model / published - 1), Is.LessThan(PopulationTolerance));
    }

    [TestCaseSource(nameof(Years))]
    public void Births_and_deaths_within_five_percent(int year)
    {
        var p = Projection.Value;
        double births = p.CalendarYearBirths(year, 0), deaths = p.CalendarYearDeaths(year, 0, Sex.Male) + p.CalendarYearDeaths(year, 0, Sex.Female);
        var nbs = Nbs(year);
        TestContext.Out.WriteLine($"{year}: births {births / 1e4:F1} 万 vs {nbs.BirthsTenThousands} 万; deaths {deaths / 1e4:F1} 万 vs {nbs.DeathsTenThousands} 万");
        Assert.That(Math.Abs(births / (nbs.BirthsTenThousands * 1e4) - 1), Is.LessThan(FlowTolerance));
        Assert.That(Math.Abs(deaths / (nbs.DeathsTenThousands * 1e4) - 1), Is.LessThan(FlowTolerance));
    }

    [TestCaseSource(nameof(Years))]
    public void Shares_aged_60_and_65_and_over_within_two_percent(int year)
    {
        var nbs = Nbs(year);
        double total = YearEnd(year, 0, 100) + Servicemen; // servicemen are under 60
        double share60 = YearEnd(year, 60, 100) / total, share65 = YearEnd(year, 65, 100) / total;
        double nbs60 = nbs.Aged60PlusTenThousands / nbs.YearEndPopulationTenThousands, nbs65 = nbs.Aged65PlusTenThousands / nbs.YearEndPopulationTenThousands;
        TestContext.Out.WriteLine($"{year}: 60+ {share60:P2} vs {nbs60:P2} ({share60 / nbs60 - 1:P2}); 65+ {share65:P2} vs {nbs65:P2} ({share65 / nbs65 - 1:P2})");
        Assert.That(Math.Abs(share60 / nbs60 - 1), Is.LessThan(ShareTolerance));
        Assert.That(Math.Abs(share65 / nbs65 - 1), Is.LessThan(ShareTolerance));
    }

    /// <summary>The WPP basis keeps WPP 2024's estimates for the observed years: its e0 is met every year.</summary>
    [Test]
    public void Wpp_basis_meets_wpp_e0_and_the_nbs_basis_lowers_death_rates()
    {
        var wpp = DemographicProjector.Run(ChinaDefaults.NationalDemography(ObservedYearsBasis.Wpp2024) with { EndYear = 2026 });
        var published = ChinaData.Wpp2024E0().Single(r => r.Year == 2022 && r.Sex == SexOrBoth.Male && r.Variant == "estimate").E0Years;
        Assert.That(wpp.LifeExpectancyAtBirth(2022, Sex.Male), Is.EqualTo(published).Within(LifeExpectancyTarget.Tolerance));
        var (mortality, _) = ChinaDefaults.NbsCalibrationFactors();
        Assert.That(mortality[2022], Is.LessThan(1), "NBS's deaths are fewer than WPP 2024's rates give on the census population");
        Assert.That(Projection.Value.LifeExpectancyAtBirth(2022, Sex.Male), Is.GreaterThan(published));
    }
}
