using Actuarial.China;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.IO;

/// <summary>The embedded data files load, have the documented row counts and hold the source's values.</summary>
[TestFixture]
public sealed class ChinaDataTests
{
    private static readonly (string File, Func<int> Load, int Rows)[] Expected =
    [
        ("census_population_province_age5.csv", () => ChinaData.CensusPopulationProvinceAge5().Count, 2816),
        ("census_national_single_age.csv", () => ChinaData.CensusNationalSingleAge().Count, 606),
        ("census2020_education_province_sex.csv", () => ChinaData.Census2020EducationProvinceSex().Count, 448),
        ("wpp2024_tfr.csv", () => ChinaData.Wpp2024Tfr().Count, 613),
        ("wpp2024_pasfr.csv", () => ChinaData.Wpp2024Pasfr().Count, 1359),
        ("wpp2024_srb.csv", () => ChinaData.Wpp2024Srb().Count, 151),
        ("wpp2024_e0.csv", () => ChinaData.Wpp2024E0().Count, 1377),
        ("wpp2024_mx_abridged.csv", () => ChinaData.Wpp2024MxAbridged().Count, 1980),
        ("wpp2024_net_migration_by_age.csv", () => ChinaData.Wpp2024NetMigrationByAge().Count, 15756),
        ("wpp2024_population_total.csv", () => ChinaData.Wpp2024PopulationTotal().Count, 77),
        ("wpp2024_vital_totals.csv", () => ChinaData.Wpp2024VitalTotals().Count, 151),
        ("wpp2024_net_migration_total.csv", () => ChinaData.Wpp2024NetMigrationTotal().Count, 151),
        ("nbs_population_vital.csv", () => ChinaData.NbsPopulationVital().Count, 4),
        ("wpp2019_population_age5.csv", () => ChinaData.Wpp2019PopulationAge5().Count, 1302),
        ("wpp2019_mx_abridged.csv", () => ChinaData.Wpp2019MxAbridged().Count, 1320),
        ("wpp2019_tfr.csv", () => ChinaData.Wpp2019Tfr().Count, 30),
        ("wpp2019_pasfr.csv", () => ChinaData.Wpp2019Pasfr().Count, 210),
        ("wpp2019_srb.csv", () => ChinaData.Wpp2019Srb().Count, 30),
        ("wpp2019_net_migration.csv", () => ChinaData.Wpp2019NetMigration().Count, 30),
        ("wpp2019_e0.csv", () => ChinaData.Wpp2019E0().Count, 60),
        ("wic2018_ssp2_population_age_sex_education.csv", () => ChinaData.Wic2018Ssp2PopulationAgeSexEducation().Count, 9114),
        ("wic2018_ssp2_mean_years_schooling.csv", () => ChinaData.Wic2018Ssp2MeanYearsSchooling().Count, 1791),
        ("wic2018_ssp2_population_age_sex.csv", () => ChinaData.Wic2018Ssp2PopulationAgeSex().Count, 1302),
    ];

    private static IEnumerable<TestCaseData> RowCountCases() =>
        Expected.Select(e => new TestCaseData(e.Load, e.Rows).SetArgDisplayNames(e.File));

    [TestCaseSource(nameof(RowCountCases))]
    public void Embedded_file_loads_with_expected_row_count(Func<int> load, int rows) =>
        Assert.That(load(), Is.EqualTo(rows));

    [Test]
    public void Every_embedded_file_is_listed_and_covered()
    {
        Assert.That(ChinaData.EmbeddedFileNames, Is.EquivalentTo(Expected.Select(e => e.File)));
        var resources = typeof(ChinaData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ChinaData.ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ChinaData.ResourcePrefix.Length..]);
        Assert.That(resources, Is.EquivalentTo(ChinaData.EmbeddedFileNames.Concat(PensionData.EmbeddedFileNames)));
    }

    [Test]
    public void Embedded_lists_are_cached_and_read_only()
    {
        var first = ChinaData.Wpp2024Tfr();
        Assert.That(ChinaData.Wpp2024Tfr(), Is.SameAs(first));
        Assert.That(first, Is.Not.InstanceOf<List<YearTfrRow>>());
        Assert.Throws<NotSupportedException>(() => ((IList<YearTfrRow>)first).Add(default));
    }

    [Test]
    public void Census_population_spot_checks()
    {
        var rows = ChinaData.CensusPopulationProvinceAge5();
        var male0 = rows.Single(r => r.CensusYear == 2020 && r.RegionCode == 0 && r.Sex == Sex.Male && r.AgeGroup == new AgeGroup(0, 0));
        Assert.That(male0.PopulationPersons, Is.EqualTo(6_312_409));
        var female1to4 = rows.Single(r => r.CensusYear == 2020 && r.RegionCode == 0 && r.Sex == Sex.Female && r.AgeGroup == new AgeGroup(1, 4));
        Assert.That(female1to4.PopulationPersons, Is.EqualTo(31_238_909));
        var beijing = rows.Where(r => r.CensusYear == 2020 && r.RegionCode == 11).Sum(r => r.PopulationPersons);
        Assert.That(beijing, Is.EqualTo(21_893_095), "Beijing 2020 census total");
        var henanMale100 = rows.Single(r => r.CensusYear == 2010 && r.RegionCode == 44 && r.Sex == Sex.Male && r.AgeGroup.IsOpen);
        Assert.That(henanMale100.PopulationPersons, Is.EqualTo(866));
        Assert.That(henanMale100.AgeGroup.ToString(), Is.EqualTo("100+"));
    }

    [TestCase(2010, 1_332_810_869L)]
    [TestCase(2020, 1_409_778_724L)]
    public void Census_national_totals_and_provinces_add_up(int year, long total)
    {
        var rows = ChinaData.CensusPopulationProvinceAge5().Where(r => r.CensusYear == year).ToList();
        Assert.That(rows.Where(r => r.RegionCode == 0).Sum(r => r.PopulationPersons), Is.EqualTo(total));
        Assert.That(rows.Select(r => r.RegionCode).Distinct().Count(), Is.EqualTo(32));
        var national = rows.Where(r => r.RegionCode == 0).ToDictionary(r => (r.Sex, r.AgeGroup), r => r.PopulationPersons);
        var provinces = rows.Where(r => r.RegionCode != 0).GroupBy(r => (r.Sex, r.AgeGroup))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.PopulationPersons));
        Assert.That(provinces, Is.EquivalentTo(national));
    }

    [Test]
    public void Census_single_age_spot_checks()
    {
        var rows = ChinaData.CensusNationalSingleAge();
        var m0 = rows.Single(r => r.CensusYear == 2020 && r.Sex == Sex.Male && r.Age == 0);
        Assert.That(m0.AveragePopulationPersons, Is.EqualTo(7_164_434));
        Assert.That(m0.DeathsPersons, Is.EqualTo(11_906));
        var f100 = rows.Single(r => r.CensusYear == 2020 && r.Sex == Sex.Female && r.Age == Ages.OpenInterval);
        Assert.That(f100.AveragePopulationPersons, Is.EqualTo(82_244));
        Assert.That(f100.DeathsPersons, Is.EqualTo(20_675));
        var m0Y2000 = rows.Single(r => r.CensusYear == 2000 && r.Sex == Sex.Male && r.Age == 0);
        Assert.That(m0Y2000.AveragePopulationPersons, Is.EqualTo(6_896_315.5));
        Assert.That(rows.Where(r => r.CensusYear == 2020).Sum(r => r.DeathsPersons), Is.EqualTo(7_965_772));
        Assert.That(m0.Mx, Is.EqualTo(11_906.0 / 7_164_434.0));
    }

    [Test]
    public void Census_education_spot_checks()
    {
        var rows = ChinaData.Census2020EducationProvinceSex();
        Assert.That(rows.Single(r => r.RegionCode == 0 && r.Sex == Sex.Male && r.Education == CensusEducation.NeverAttended).PopulationPersons,
            Is.EqualTo(42_324_709));
        Assert.That(rows.Single(r => r.RegionCode == 65 && r.Sex == Sex.Female && r.Education == CensusEducation.Postgraduate).PopulationPersons,
            Is.EqualTo(44_785));
        Assert.That(rows.Where(r => r.RegionCode == 0).Sum(r => r.PopulationPersons), Is.EqualTo(1_368_140_098), "population aged 3+");
        Assert.That(rows.Where(r => r.RegionCode != 0).Sum(r => r.PopulationPersons), Is.EqualTo(1_368_140_098));
    }

    [Test]
    public void Wpp_2024_spot_checks()
    {
        Assert.That(ChinaData.Wpp2024Tfr().Single(r => r.Year == 1950 && r.Variant == "estimate").Tfr, Is.EqualTo(5.813));
        Assert.That(ChinaData.Wpp2024Tfr().Single(r => r.Year == 2100 && r.Variant == "pi95_upper").Tfr, Is.EqualTo(1.993));
        Assert.That(ChinaData.Wpp2024Pasfr().Single(r => r.Year == 1950 && r.AgeGroup == new AgeGroup(10, 14)).PasfrPercent, Is.EqualTo(0.105112));
        Assert.That(ChinaData.Wpp2024Srb().Single(r => r.Year == 2100).SrbMalesPerFemale, Is.EqualTo(1.061));
        Assert.That(ChinaData.Wpp2024E0().Single(r => r.Year == 1950 && r.Sex == SexOrBoth.Male && r.Variant == "estimate").E0Years, Is.EqualTo(42.1791));
        Assert.That(ChinaData.Wpp2024E0().Single(r => r.Year == 2100 && r.Sex == SexOrBoth.Both && r.Variant == "median").E0Years, Is.EqualTo(89.7949));

        var mx = ChinaData.Wpp2024MxAbridged();
        Assert.That(mx.Single(r => r.PeriodStart == 1950 && r.PeriodEnd == 1955 && r.Sex == SexOrBoth.Male && r.AgeGroup == new AgeGroup(0, 0)).Mx, Is.EqualTo(0.139529));
        Assert.That(mx.Single(r => r.PeriodStart == 1950 && r.Sex == SexOrBoth.Male && r.AgeGroup == new AgeGroup(1, 4)).Mx, Is.EqualTo(0.02137838));
        Assert.That(mx.Single(r => r.PeriodStart == 1950 && r.Sex == SexOrBoth.Both && r.AgeGroup == new AgeGroup(0, 0)).Mx, Is.EqualTo(0.13232288));
        Assert.That(mx.Single(r => r.PeriodStart == 2095 && r.Sex == SexOrBoth.Both && r.AgeGroup.IsOpen).Mx, Is.EqualTo(0.33583796));

        var mig = ChinaData.Wpp2024NetMigrationByAge();
        Assert.That(mig.Single(r => r.Year == 2023 && r.Sex == Sex.Male && r.Age == 0).NetMigrantsThousands, Is.EqualTo(-4.547));
        Assert.That(mig.Single(r => r.Year == 2023 && r.Sex == Sex.Female && r.Age == 0).NetMigrantsThousands, Is.EqualTo(-4.531));

        var pop = ChinaData.Wpp2024PopulationTotal().Single(r => r.Year == 2100);
        Assert.That((pop.PopMaleThousands, pop.PopFemaleThousands, pop.PopTotalThousands), Is.EqualTo((317292.91, 310758.505, 628051.415)));
        var vital = ChinaData.Wpp2024VitalTotals();
        Assert.That(vital.Single(r => r.Year == 1950).BirthsThousands, Is.EqualTo(22293.375));
        Assert.That(vital.Single(r => r.Year == 2100).Variant, Is.EqualTo("median"));
        Assert.That(vital.Single(r => r.Year == 2100).DeathsThousands, Is.EqualTo(13655.448));
    }

    [Test]
    public void Wpp_2024_pasfr_sums_to_one_hundred_each_year()
    {
        foreach (var year in ChinaData.Wpp2024Pasfr().GroupBy(r => r.Year))
        {
            Assert.That(year.Sum(r => r.PasfrPercent), Is.EqualTo(100).Within(1e-5), $"year {year.Key}");
            Assert.That(year.Count(), Is.EqualTo(9));
        }
    }

    [Test]
    public void Wpp_2019_spot_checks()
    {
        Assert.That(ChinaData.Wpp2019PopulationAge5().Single(r => r.Year == 1950 && r.Sex == Sex.Male && r.AgeGroup == new AgeGroup(0, 4)).PopThousands,
            Is.EqualTo(39673.73));
        var old = ChinaData.Wpp2019PopulationAge5().Single(r => r.Year == 2100 && r.Sex == Sex.Female && r.AgeGroup.IsOpen);
        Assert.That((old.Variant, old.PopThousands), Is.EqualTo(("medium", 2995.609)));
        Assert.That(ChinaData.Wpp2019PopulationAge5().Select(r => r.Variant).Distinct(), Is.EquivalentTo(new[] { "estimate", "medium" }));
        Assert.That(ChinaData.Wpp2019MxAbridged().Single(r => r.PeriodStart == 1950 && r.Sex == SexOrBoth.Male && r.AgeGroup.Start == 0).Mx,
            Is.EqualTo(0.14293147));
        Assert.That(ChinaData.Wpp2019MxAbridged().Single(r => r.PeriodStart == 2095 && r.Sex == SexOrBoth.Female && r.AgeGroup.IsOpen).Mx,
            Is.EqualTo(0.28389848));
        Assert.That(ChinaData.Wpp2019Tfr().Single(r => r.PeriodStart == 1950).Tfr, Is.EqualTo(6.11));
        var tfr2020 = ChinaData.Wpp2019Tfr().Single(r => r.PeriodStart == 2020);
        Assert.That((tfr2020.PeriodEnd, tfr2020.Variant, tfr2020.Tfr), Is.EqualTo((2025, "medium", 1.7048)));
        Assert.That(ChinaData.Wpp2019Pasfr().Single(r => r.PeriodStart == 1950 && r.AgeGroup == new AgeGroup(15, 19)).PasfrPercent, Is.EqualTo(7.90196));
        Assert.That(ChinaData.Wpp2019Srb().Single(r => r.PeriodStart == 1990).SrbMalesPerFemale, Is.EqualTo(1.12));
        Assert.That(ChinaData.Wpp2019NetMigration().Single(r => r.PeriodStart == 1950).NetMigrantsThousandsPerPeriod, Is.EqualTo(-256.027));
        var e0 = ChinaData.Wpp2019E0().Single(r => r.PeriodStart == 2095 && r.Sex == Sex.Female);
        Assert.That((e0.Variant, e0.E0Years), Is.EqualTo(("median", 88.82)));
    }

    [Test]
    public void Wic_2018_spot_checks()
    {
        var edu = ChinaData.Wic2018Ssp2PopulationAgeSexEducation();
        var children = edu.Single(r => r.Year == 1950 && r.Sex == Sex.Male && r.AgeGroup == new AgeGroup(0, 4) && r.IsUnder15);
        Assert.That(children.PopThousands, Is.EqualTo(39673.7));
        var cell = edu.Single(r => r.Year == 2015 && r.Sex == Sex.Female && r.AgeGroup == new AgeGroup(30, 34) && r.Education == EducationLevel.LowerSecondary);
        Assert.That(cell.PopThousands, Is.EqualTo(24927.2));
        Assert.That(edu.Single(r => r.Year == 2015 && r.Sex == Sex.Female && r.AgeGroup == new AgeGroup(30, 34) && r.Education == EducationLevel.PostSecondary).PopThousands,
            Is.EqualTo(10477.4));
        Assert.That(edu.Select(r => r.Education).Distinct().Count(), Is.EqualTo(7), "six levels plus under 15");

        var female3034 = edu.Where(r => r.Year == 2015 && r.Sex == Sex.Female && r.AgeGroup == new AgeGroup(30, 34)).Sum(r => r.PopThousands);
        var total = ChinaData.Wic2018Ssp2PopulationAgeSex().Single(r => r.Year == 2015 && r.Sex == Sex.Female && r.AgeGroup == new AgeGroup(30, 34));
        Assert.That(total.PopThousands, Is.EqualTo(49655.8));
        Assert.That(female3034, Is.EqualTo(total.PopThousands).Within(0.25), "levels add up to the age-sex total (WIC rounds to 0.1 thousand)");

        var mys = ChinaData.Wic2018Ssp2MeanYearsSchooling();
        Assert.That(mys.Single(r => r.Year == 2015 && r.Sex == SexOrBoth.Both && r.AgeGroup == new AgeGroup(25, 29)).MeanYearsSchooling, Is.EqualTo(9.95));
        Assert.That(mys.Single(r => r.Year == 2015 && r.Sex == SexOrBoth.Male && r.AgeGroup == new AgeGroup(25, 29)).MeanYearsSchooling, Is.EqualTo(9.98));
    }

    [Test]
    public void Path_overload_reads_the_same_format()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actuarial-io-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "year,srb_males_per_female\n2030,1.07\n2031,1.068\n");
            var rows = ChinaData.ReadWpp2024Srb(path);
            Assert.That(rows, Is.EqualTo(new[] { new YearSrbRow(2030, 1.07), new YearSrbRow(2031, 1.068) }));

            File.WriteAllText(path, "year,srb_males_per_female\n2030,1.07\n2031,-1\n");
            var error = Assert.Throws<InputDataException>(() => ChinaData.ReadWpp2024Srb(path));
            Assert.That((error!.Source, error.Line, error.Field, error.Value), Is.EqualTo((path, 3, "srb_males_per_female", "-1")));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
