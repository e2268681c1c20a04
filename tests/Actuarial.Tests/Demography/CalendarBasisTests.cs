using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

/// <summary>The calendar basis: a grid dated f into the year mixes the rates of the two calendar years each step spans.</summary>
[TestFixture]
public sealed class CalendarBasisTests
{
    private static DemographicAssumptions Wpp(double f) =>
        ChinaDefaults.NationalDemography(ObservedYearsBasis.Wpp2024) with { EndYear = 2030, BaseDateYearFraction = f, Education = null };

    [Test]
    public void A_step_applies_the_two_years_rates_weighted_by_the_time_it_spends_in_each()
    {
        const double f = 0.75;
        var compiled = DemographicProjector.Compile(Wpp(f));
        var a = Wpp(f);
        Span<double> step = stackalloc double[Ages.Count], first = stackalloc double[Ages.Count], next = stackalloc double[Ages.Count];
        compiled.FillStepDeathRates(3, Sex.Female, step);
        a.Mortality.FillDeathRates(2023, Sex.Female, first);
        a.Mortality.FillDeathRates(2024, Sex.Female, next);
        for (int age = 0; age < Ages.Count; age++) Assert.That(step[age], Is.EqualTo(0.25 * first[age] + 0.75 * next[age]).Within(1e-15));
        double asfrSum = 0;
        for (int age = 0; age < Ages.Count; age++) asfrSum += compiled.Asfr[3 * Ages.Count + age];
        Assert.That(asfrSum, Is.EqualTo(0.25 * a.Fertility.TotalFertilityRate[2023] + 0.75 * a.Fertility.TotalFertilityRate[2024]).Within(1e-12));
        Assert.That(compiled.CalendarTotalFertilityRate[3], Is.EqualTo(a.Fertility.TotalFertilityRate[2023]));
    }

    [Test]
    public void Base_date_on_1_January_is_the_former_step_bit_for_bit_and_calendar_flows_are_the_steps()
    {
        var p = DemographicProjector.Run(Wpp(0));
        Assert.That(p.FirstCalendarYear, Is.EqualTo(2020));
        Assert.That(p.CalendarYearBirths(2025, 0), Is.EqualTo(p.Births(2025, 0)));
        Assert.That(p.PersonsAgedAtYearEnd(2025, 0, Sex.Male, 0, 100), Is.EqualTo(p.PersonsAged(2026, 0, Sex.Male, 0, 100)));
    }

    [Test]
    public void Calendar_flows_take_each_step_by_the_time_it_spends_in_the_year()
    {
        var p = DemographicProjector.Run(Wpp(ChinaDefaults.CensusDateYearFraction));
        double f = ChinaDefaults.CensusDateYearFraction;
        Assert.That(p.FirstCalendarYear, Is.EqualTo(2021));
        Assert.That(p.CalendarYearDeaths(2024, 0, Sex.Female), Is.EqualTo(f * p.Deaths(2023, 0, Sex.Female) + (1 - f) * p.Deaths(2024, 0, Sex.Female)).Within(1e-6));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.CalendarYearBirths(2020, 0));
    }

    [TestCase(-0.1)]
    [TestCase(1.0)]
    [TestCase(double.NaN)]
    public void A_base_date_outside_the_year_is_rejected(double f) =>
        Assert.Throws<InputDataException>(() => DemographicProjector.Compile(Wpp(0) with { BaseDateYearFraction = f }));

    [Test]
    public void Calendar_table_adds_up_over_regions_and_its_accounts_close_between_year_ends()
    {
        var p = DemographicProjector.Run(ChinaDefaults.Demography() with { EndYear = 2026 });
        var rows = p.CalendarYearTable();
        Assert.That(rows.Select(r => r.Year).Distinct(), Is.EqualTo(new[] { 2021, 2022, 2023, 2024, 2025 }));
        foreach (var year in rows.Where(r => r.RegionCode == 0))
        {
            var provinces = rows.Where(r => r.Year == year.Year && r.RegionCode != 0).ToArray();
            Assert.That(provinces.Sum(r => r.Deaths), Is.EqualTo(year.Deaths).Within(1e-6 * year.Deaths));
            Assert.That(provinces.Sum(r => r.NetInterprovincialMigrants), Is.EqualTo(0).Within(1e-6 * year.YearEndPopulation), "moves between provinces cancel");
        }
        // Year-end stocks interpolate the grids and flows spread the steps with the same weights, so the accounts close exactly.
        var national = rows.Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        for (int year = 2022; year <= 2025; year++)
        {
            var r = national[year];
            Assert.That(r.YearEndPopulation, Is.EqualTo(national[year - 1].YearEndPopulation + r.Births - r.Deaths + r.NetInternationalMigrants).Within(1e-6 * r.YearEndPopulation));
        }
    }
}
