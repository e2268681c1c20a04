using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

/// <summary>Meeting observed births and deaths with one factor per year on the death rates and one on the TFR.</summary>
[TestFixture]
public sealed class ObservedYearsCalibrationTests
{
    private static DemographicAssumptions Wpp => ChinaDefaults.NationalDemography(ObservedYearsBasis.Wpp2024) with { EndYear = 2030, Education = null };

    [Test]
    public void WPP_2024s_own_births_and_deaths_are_met_each_year_and_the_mean_factor_holds_after()
    {
        var vital = ChinaData.Wpp2024VitalTotals().Where(r => r.Year is >= 2021 and <= 2023)
            .Select(r => new ObservedVitalYear(r.Year, r.BirthsThousands * 1e3, r.DeathsThousands * 1e3)).ToArray();
        var result = ObservedYearsCalibration.Calibrate(Wpp, vital);
        var p = DemographicProjector.Run(result.Assumptions);
        foreach (var year in vital)
        {
            double deaths = p.CalendarYearDeaths(year.Year, 0, Sex.Male) + p.CalendarYearDeaths(year.Year, 0, Sex.Female);
            Assert.That(p.CalendarYearBirths(year.Year, 0), Is.EqualTo(year.Births).Within(1e-8 * year.Births), $"births {year.Year}");
            Assert.That(deaths, Is.EqualTo(year.Deaths).Within(1e-8 * year.Deaths), $"deaths {year.Year}");
            // WPP's own counts at WPP's own rates need lower rates on the census base: its old ages are larger than WPP's.
            Assert.That(result.MortalityFactor[year.Year], Is.LessThan(1));
        }
        double mean = vital.Average(v => result.MortalityFactor[v.Year]);
        Assert.That(result.MortalityFactor[2020], Is.EqualTo(result.MortalityFactor[2021]));
        Assert.That(result.MortalityFactor[2030], Is.EqualTo(mean).Within(1e-15));
        Assert.That(result.FertilityFactor[2030], Is.EqualTo(vital.Average(v => result.FertilityFactor[v.Year])).Within(1e-15));
    }

    [Test]
    public void More_observed_deaths_give_a_larger_mortality_factor()
    {
        var low = ObservedYearsCalibration.Calibrate(Wpp, [new ObservedVitalYear(2022, 9.5e6, 10.0e6)]);
        var high = ObservedYearsCalibration.Calibrate(Wpp, [new ObservedVitalYear(2022, 9.5e6, 11.0e6)]);
        Assert.That(high.MortalityFactor[2022], Is.GreaterThan(low.MortalityFactor[2022]));
        Assert.That(high.FertilityFactor[2022], Is.EqualTo(low.FertilityFactor[2022]).Within(1e-3), "births hardly depend on deaths");
    }

    [Test]
    public void Years_that_are_not_consecutive_or_outside_the_calendar_years_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ObservedYearsCalibration.Calibrate(Wpp, [new(2021, 1e7, 1e7), new(2023, 1e7, 1e7)]));
        Assert.Throws<ArgumentException>(() => ObservedYearsCalibration.Calibrate(Wpp, [new(2020, 1e7, 1e7)]), "2020 is only partly projected from the 1 November base");
        Assert.Throws<ArgumentException>(() => ObservedYearsCalibration.Calibrate(Wpp, [new(2030, 1e7, 1e7)]));
        Assert.Throws<ArgumentException>(() => ObservedYearsCalibration.Calibrate(Wpp, [new(2022, 0, 1e7)]));
    }
}
