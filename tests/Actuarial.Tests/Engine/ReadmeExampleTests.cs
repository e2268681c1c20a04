using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Engine;

/// <summary>The README's notebook example, line for line, with checks on what it produces.</summary>
[TestFixture]
public sealed class ReadmeExampleTests
{
    [Test]
    public void Raising_fertility_by_three_tenths_gives_more_births_and_no_other_change_at_the_base()
    {
        var baseline = DemographicProjector.Run(ChinaDefaults.Demography());
        var higherFertility = DemographicProjector.Run(ChinaDefaults.Demography() with
        {
            Fertility = ChinaDefaults.Fertility() with { TotalFertilityRate = ChinaDefaults.Fertility().TotalFertilityRate.Map((year, tfr) => tfr + 0.3) },
        });
        var table = baseline.Summary();

        Assert.That(table.Single(r => r.Year == 2020 && r.RegionCode == 0).Population, Is.EqualTo(1_409_778_724).Within(1));
        Assert.That(higherFertility.TotalFertilityRate(2030), Is.EqualTo(baseline.TotalFertilityRate(2030) + 0.3).Within(1e-12));
        double births2030 = Enumerable.Range(0, 31).Sum(r => baseline.Births(2030, r));
        double moreBirths2030 = Enumerable.Range(0, 31).Sum(r => higherFertility.Births(2030, r));
        // Births scale with the TFR when the mothers are the same people. 2030's mothers were born before 2020 except
        // the few aged 10 (WPP's 10–14 group carries about 0.01% of the TFR). The step from the census day of 2030 to
        // that of 2031 applies 2030's rates for 2 months and 2031's for 10, so its TFR is the two years' mix. The two years'
        // age schedules differ a little, which moves the ratio by about 8e-8; a relative tolerance of 1e-6 as before.
        double f = ChinaDefaults.CensusDateYearFraction;
        double stepTfr = (1 - f) * baseline.TotalFertilityRate(2030) + f * baseline.TotalFertilityRate(2031);
        double ratio = (stepTfr + 0.3) / stepTfr;
        TestContext.Out.WriteLine($"births ratio {moreBirths2030 / births2030:R} vs TFR ratio {ratio:R}");
        Assert.That(moreBirths2030 / births2030, Is.EqualTo(ratio).Within(1e-6 * ratio));
    }
}
