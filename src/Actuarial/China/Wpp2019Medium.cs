using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.China;

/// <summary>
/// The UN World Population Prospects 2019 medium variant for China as the engine's inputs: base population 1 July
/// 2020 (WPP 2019 estimate, five-year groups graduated to single years), and the medium variant's period death
/// rates, TFR, age pattern of fertility, sex ratio at birth and net migration. Used to validate the engine against
/// WPP 2019's own projection; a template for bringing any other published projection's inputs.
/// </summary>
internal static class Wpp2019Medium
{
    /// <summary>Base year of WPP 2019's projection (1 July 2020).</summary>
    public const int BaseYear = 2020;

    /// <summary>Last year of WPP 2019's projection.</summary>
    public const int EndYear = 2100;

    /// <summary>
    /// The year whose WPP 2024 age-sex pattern of net migration shapes WPP 2019's migration totals. WPP 2019 does
    /// not publish its age pattern of migration; WPP 2024's first year by age (2023) is the nearest in time, and an
    /// assumption.
    /// </summary>
    public const int MigrationPatternYear = 2023;

    /// <summary>National assumptions for China from the WPP 2019 medium variant (education is not projected: everyone
    /// is held at <see cref="EducationLevel.NoEducation"/>, since WPP does not project by education).</summary>
    public static DemographicAssumptions ChinaNational()
    {
        var shape = new PopulationShape([Regions.China]);
        var persons = new double[shape.CellCount];
        var basePopulation = ChinaData.Wpp2019PopulationAge5().Where(r => r.Year == BaseYear && r.Variant == "estimate").ToArray();
        foreach (var sex in Sexes.All)
        {
            var groups = basePopulation.Where(r => r.Sex == sex).OrderBy(r => r.AgeGroup.Start).ToArray();
            var single = Graduation.Graduate(groups.Select(g => g.AgeGroup.Start).ToArray(), groups.Select(g => g.PopThousands * 1000).ToArray(),
                "wpp2019_population_age5.csv");
            single.CopyTo(persons, PopulationShape.RunStart(0, sex, EducationLevel.NoEducation));
        }

        var mortality = DataConversions.TabulatedFromAbridged(ChinaData.Wpp2019MxAbridged(), BaseYear, EndYear, "wpp2019_mx_abridged.csv");

        var tfr = new List<(int, double)>();
        var srb = new List<(int, double)>();
        var schedules = new List<double[]>();
        var migrants = new List<double[]>();
        var tfrRows = ChinaData.Wpp2019Tfr().Where(r => r.Variant is "medium" or "estimate").ToArray();
        var pattern = DataConversions.MigrantsForYear(ChinaData.Wpp2024NetMigrationByAge(), MigrationPatternYear);
        double patternTotal = pattern.Sum();
        for (int year = BaseYear; year <= EndYear; year++)
        {
            int periodStart = year == EndYear ? EndYear - 5 : BaseYear + (year - BaseYear) / 5 * 5;
            tfr.Add((year, tfrRows.Single(r => r.PeriodStart == periodStart && r.Variant == (periodStart < BaseYear ? "estimate" : "medium")).Tfr));
            srb.Add((year, ChinaData.Wpp2019Srb().Single(r => r.PeriodStart == periodStart).SrbMalesPerFemale));
            schedules.Add(DataConversions.ScheduleFromPasfr(
                ChinaData.Wpp2019Pasfr().Where(r => r.PeriodStart == periodStart).Select(r => (r.AgeGroup, r.PasfrPercent)).ToArray(),
                $"wpp2019_pasfr.csv {periodStart}"));
            double perYear = ChinaData.Wpp2019NetMigration().Single(r => r.PeriodStart == periodStart).NetMigrantsThousandsPerPeriod * 1000 / 5;
            migrants.Add(pattern.Select(m => perYear * m / patternTotal).ToArray());
        }

        return new DemographicAssumptions
        {
            BasePopulation = new PopulationGrid(shape, persons, "wpp2019_population_age5.csv"),
            BaseYear = BaseYear,
            EndYear = EndYear,
            Mortality = mortality,
            Fertility = new FertilityAssumption(
                AnnualPath.FromYears("wpp2019 tfr", tfr, 0, 15),
                new FertilityAgeSchedule("wpp2019_pasfr.csv", BaseYear, schedules),
                AnnualPath.FromYears("wpp2019 srb", srb, 0.5, 2)),
            InternationalMigration = new InternationalMigrationAssumption("wpp2019_net_migration.csv", BaseYear, migrants),
        };
    }
}
