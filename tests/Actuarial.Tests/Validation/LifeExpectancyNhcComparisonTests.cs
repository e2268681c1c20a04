using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Validation;

/// <summary>
/// The default demography's life expectancy at birth against the National Health Commission's, which NBS publishes
/// (78.2 in 2021, 78.6 in 2023, 79.0 in 2024, both sexes; nbs_population_vital.csv). Both sexes here: the life table of
/// a birth cohort of both sexes at WPP 2024's sex ratio at birth, (SRB × e0 men + e0 women) / (1 + SRB); on WPP 2024's
/// own tables this is 0.04–0.05 below WPP's both-sexes figure (2021–2023), a construction difference kept in the bounds.
/// </summary>
/// <remarks>
/// Measured: +1.07 years (2021), +0.15 (2023), +0.61 (2024). The default demography meets NBS's death counts (the NBS
/// basis, data/README.md), and NBS's deaths on the census population imply a higher e0 than NHC publishes, so the two
/// published figures cannot both be met by a level of mortality. The gap is not one level either: 2023's deaths (after
/// the winter's epidemic wave) bring the implied e0 down to NHC's, and 2021 and 2024 are about 0.6–1.1 years above.
/// Deaths are the counts that drive pensions, so the baseline keeps NBS's deaths and this test holds the gap where it
/// is measured: never below NHC's figure by more than the construction difference, and at most 1.2 years above it.
/// </remarks>
[TestFixture]
[Category("Validation")]
public sealed class LifeExpectancyNhcComparisonTests
{
    private const double BelowTolerance = 0.1, AboveTolerance = 1.2;

    private static readonly Lazy<DemographicProjection> Projection = new(() =>
        DemographicProjector.Run(ChinaDefaults.NationalDemography() with { EndYear = 2026 }));

    private static IEnumerable<int> PublishedYears => ChinaData.NbsPopulationVital().Where(r => r.LifeExpectancyYears is not null).Select(r => r.Year);

    [TestCaseSource(nameof(PublishedYears))]
    public void Life_expectancy_at_birth_is_at_most_a_year_above_NHCs_published_figure(int year)
    {
        double published = ChinaData.NbsPopulationVital().Single(r => r.Year == year).LifeExpectancyYears!.Value;
        double srb = ChinaData.Wpp2024Srb().Single(r => r.Year == year).SrbMalesPerFemale;
        var p = Projection.Value;
        double men = p.LifeExpectancyAtBirth(year, Sex.Male), women = p.LifeExpectancyAtBirth(year, Sex.Female);
        double both = (srb * men + women) / (1 + srb);
        TestContext.Out.WriteLine($"{year}: model {both:F2} (men {men:F2}, women {women:F2}) vs NHC {published:F1}: {both - published:+0.00;-0.00}");
        Assert.That(both, Is.InRange(published - BelowTolerance, published + AboveTolerance));
    }
}
