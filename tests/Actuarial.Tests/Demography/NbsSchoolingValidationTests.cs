using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

/// <summary>
/// Mean years of schooling of the 2020 census base on NBS's scale (<see cref="ChinaEducation.NbsScale2020"/>: 0 / 6 / 9 /
/// 12 / 16) against what NBS publishes: 9.91 years at ages 15+ (7th census communiqué no. 6, 2021-05-11) and 10.75 at
/// ages 16–59 (as issue 15 quotes NBS). The gap is measured part by part, each part computed here from the data:
/// <list type="number">
/// <item><b>Tertiary years</b>: NBS counts every tertiary level (大专及以上) as 16 years; valuing it at the census mix of
/// junior college 15, bachelor 16 and postgraduate 19 (15.632) lowers the mean (the scale the library used before).</item>
/// <item><b>Servicemen</b>: NBS's national figure covers the 31 provinces and the 2,000,000 active servicemen; the census
/// education table the base is built from covers the 31 provinces only. The servicemen's attainment is the communiqué's
/// national counts minus the provinces' (1.14 million tertiary, 0.80 million senior secondary, 0.07 million junior
/// secondary); all are counted at ages 15+ and 16–59.</item>
/// <item><b>Children in the 15+ base</b> (fixed): the education table covers ages 3+ and the base removes the children
/// aged 3–14 by its own single years. It used to split the census's 1–4 group by the census year's average
/// population, which put 42.99 million at ages 0–2 against the census's own 41.64 million (census total − 3+ table),
/// so 1.35 million children aged 3–4 were not removed and stayed in "never attended" at 15+ (−0.011 years). The base
/// now splits the 1–4 group at age 3 by that census count (<see cref="BasePopulation"/>); the part is measured here
/// both ways: what the old split cost, and what is left now (nothing).</item>
/// <item><b>School calendar on census day</b> (1 November): a child aged 6 born in September or October has not yet
/// entered primary (school entry at 6 by 31 August), and a child aged 12 born in those months is still in primary;
/// the base removes all 6–11-year-olds from primary and all 12–14-year-olds from junior secondary. Two birth months of
/// twelve are counted here, with births spread evenly over the year (late entry, repeated grades and drop-outs are
/// not known).</item>
/// </list>
/// Part 4 is an error of the base population's education split, measured and not corrected here: it rests on an
/// assumed spread of births over the year and no late entry, and correcting it moves the base's education shares and so
/// the wage and pension results (golden tables), which is a separate change.
/// </summary>
[TestFixture]
[Category("Validation")]
public class NbsSchoolingValidationTests
{
    // 7th census communiqué no. 6 (NBS, 2021-05-11): persons with each attainment, 31 provinces + servicemen [S].
    private const double CommuniqueTertiary = 218_360_767, CommuniqueSenior = 213_005_258, CommuniqueJunior = 487_163_489,
        CommuniquePrimary = 349_658_828;

    // 7th census communiqué no. 2: national population 1,411,778,724 of which the 31 provinces 1,409,778,724 [S].
    private const double Servicemen = 2_000_000;

    private const double Published15Plus = 9.91, Published16To59 = 10.75;

    internal sealed record Decomposition(
        double Model15Plus, double Model16To59, double TertiaryAt15632Part15Plus, double TertiaryAt15632Part16To59,
        double ServicemenPart15Plus, double ServicemenPart16To59, double ChildrenPart15Plus, double CalendarPart15Plus,
        double NationalModelStyle15Plus, double YearAverageSplitPart15Plus, double YearAverageSplitPart16To59)
    {
        public double Residual15Plus => Published15Plus - Model15Plus - ServicemenPart15Plus - ChildrenPart15Plus - CalendarPart15Plus;
        public double Residual16To59 => Published16To59 - Model16To59 - ServicemenPart16To59;
    }

    internal static Decomposition Measure()
    {
        var grid = ChinaBasePopulation.China2020Grid();
        var persons = grid.Persons.ToArray();
        var nbs = ChinaEducation.NbsScale2020;
        var mix = new SchoolingYears([.. nbs.ByLevel.Take(5), ChinaEducation.TertiaryByCensusMix2020]);

        double model15 = SchoolingYears.MeanYears(persons, grid.Shape, 15, Ages.OpenInterval, nbs);
        double model1659 = SchoolingYears.MeanYears(persons, grid.Shape, 16, 59, nbs);
        double mix15 = SchoolingYears.MeanYears(persons, grid.Shape, 15, Ages.OpenInterval, mix);
        double mix1659 = SchoolingYears.MeanYears(persons, grid.Shape, 16, 59, mix);

        // The base as it was built before the fix: ages 1-4 split by the year-average shape alone.
        var (groups, national, education, seed) = ChinaBasePopulation.China2020Inputs();
        int regions = grid.Shape.Regions.Count;
        var before = BasePopulation.SplitByEducation(BasePopulation.SingleYearByRegion(groups, national, regions), education, seed, regions);
        double before15 = SchoolingYears.MeanYears(before, grid.Shape, 15, Ages.OpenInterval, nbs);
        double before1659 = SchoolingYears.MeanYears(before, grid.Shape, 16, 59, nbs);

        // National single-year counts (both sexes) and head counts by age band.
        var byAge = new double[Ages.Count];
        for (int r = 0; r < grid.Shape.Regions.Count; r++)
            foreach (var sex in Sexes.All)
                foreach (var e in EducationLevels.All)
                    for (int a = 0; a < Ages.Count; a++) byAge[a] += persons[PopulationShape.Index(r, sex, e, a)];
        double Sum(int from, int to) => byAge.AsSpan(from, to - from + 1).ToArray().Sum();
        double p15 = Sum(15, Ages.OpenInterval), p1659 = Sum(16, 59);

        // Servicemen: communiqué counts − the 31 provinces' census table.
        var census = ChinaData.Census2020EducationProvinceSex().Where(r => r.RegionCode == 0).ToArray();
        double Count(params CensusEducation[] levels) => census.Where(r => levels.Contains(r.Education)).Sum(r => (double)r.PopulationPersons);
        double tertiary = Count(CensusEducation.TertiaryJuniorCollege, CensusEducation.TertiaryBachelor, CensusEducation.Postgraduate);
        double senior = Count(CensusEducation.SeniorSecondary), junior = Count(CensusEducation.JuniorSecondary), primary = Count(CensusEducation.Primary);
        double never = Count(CensusEducation.NeverAttended);
        double servicemenYears = 16 * (CommuniqueTertiary - tertiary) + 12 * (CommuniqueSenior - senior) + 9 * (CommuniqueJunior - junior)
            + 6 * (CommuniquePrimary - primary);
        double servicemen15 = (model15 * p15 + servicemenYears) / (p15 + Servicemen) - model15;
        double servicemen1659 = (model1659 * p1659 + servicemenYears) / (p1659 + Servicemen) - model1659;

        // The base's rule at national level: 3–5 out of never attended, 6–11 out of primary, 12–14 out of junior secondary.
        double c35 = Sum(3, 5), c611 = Sum(6, 11), c1214 = Sum(12, 14);
        double margins = never - c35 + primary - c611 + junior - c1214 + senior + tertiary;
        double personYears = 6 * (primary - c611) + 9 * (junior - c1214) + 12 * senior + 16 * tertiary;
        double nationalModelStyle = personYears / margins;
        // Children: the census's own 3+ total leaves exactly the 15+ population; the surplus is at 0 years.
        double childrenPart = personYears / p15 - nationalModelStyle;
        // Calendar: two birth months in twelve at ages 6 (pre-school, not primary) and 12 (primary, not junior).
        double calendarPart = (6 * (byAge[6] - byAge[12]) + 9 * byAge[12]) * 2.0 / 12.0 / p15;

        return new Decomposition(model15, model1659, model15 - mix15, model1659 - mix1659, servicemen15, servicemen1659,
            childrenPart, calendarPart, nationalModelStyle, model15 - before15, model1659 - before1659);
    }

    [Test]
    public void Mean_years_of_schooling_of_the_2020_base_on_NBS_scale_decompose_the_gap_to_NBS()
    {
        var d = Measure();
        var grid = ChinaBasePopulation.China2020Grid();
        var wic = SchoolingYears.WittgensteinSsp2China;
        TestContext.Out.WriteLine($"WIC scale: 15+ {SchoolingYears.MeanYears(grid.Persons, grid.Shape, 15, Ages.OpenInterval, wic):F3}, "
            + $"16-59 {SchoolingYears.MeanYears(grid.Persons, grid.Shape, 16, 59, wic):F3}");
        TestContext.Out.WriteLine($"15+:   base {d.Model15Plus:F3} (tertiary at 15.632 would be {d.Model15Plus - d.TertiaryAt15632Part15Plus:F3}); "
            + $"servicemen {d.ServicemenPart15Plus:+0.000;-0.000}, children {d.ChildrenPart15Plus:+0.000;-0.000}, calendar {d.CalendarPart15Plus:+0.000;-0.000}; "
            + $"published {Published15Plus}, residual {d.Residual15Plus:+0.000;-0.000}; national-level rule {d.NationalModelStyle15Plus:F3}");
        TestContext.Out.WriteLine($"16-59: base {d.Model16To59:F3} (tertiary at 15.632 would be {d.Model16To59 - d.TertiaryAt15632Part16To59:F3}); "
            + $"servicemen {d.ServicemenPart16To59:+0.000;-0.000}; published {Published16To59}, residual {d.Residual16To59:+0.000;-0.000}");
        TestContext.Out.WriteLine($"children 3-14 fixed: the year-average split of 1-4 gave 15+ {d.Model15Plus - d.YearAverageSplitPart15Plus:F3}, "
            + $"16-59 {d.Model16To59 - d.YearAverageSplitPart16To59:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(d.NationalModelStyle15Plus, Is.EqualTo(d.Model15Plus).Within(0.005),
                "the base's 15+ mean is its rule applied to the national table (provinces are split one by one)");
            // Sizes of the parts (measured: +0.069 tertiary, +0.007 servicemen, +0.023 calendar; the children's +0.011 fixed).
            Assert.That(d.TertiaryAt15632Part15Plus, Is.InRange(0.06, 0.08), "16 years for any tertiary against the census mix (15.632)");
            Assert.That(d.ServicemenPart15Plus, Is.InRange(0.0, 0.01), "2 million servicemen among 1,156 million aged 15+");
            Assert.That(d.ChildrenPart15Plus, Is.EqualTo(0).Within(0.0005), "the base removes the census's own 3-14 count");
            Assert.That(d.YearAverageSplitPart15Plus, Is.InRange(0.005, 0.02),
                "the fix: 1.35 million aged 3-4 no longer at 0 years among 1,156 million aged 15+");
            Assert.That(d.CalendarPart15Plus, Is.InRange(0.015, 0.03), "two birth months of twelve at ages 6 and 12");
            // 15+: the four parts leave 0.012 unexplained. Tolerance 0.02: NBS rounds to 0.01 (±0.005) and calls the
            // communiqué preliminary; the calendar part assumes births even over the year and no late entry, repetition
            // or drop-out (a fifth of that part is about 0.005).
            Assert.That(d.Residual15Plus, Is.EqualTo(0).Within(0.02), "9.91 against base + servicemen + children + calendar");
            // The base alone is within 0.05 of 9.91: its measured calendar part (0.023), the servicemen and the residual.
            Assert.That(d.Model15Plus, Is.EqualTo(Published15Plus).Within(0.05), "the base alone at 15+");
            // 16–59: 0.10 is not explained. The split of the census's 15+ totals across single ages comes from WIC's 2020
            // seed (no census age × attainment table is in data/), and how 10.75 was computed is not documented in the
            // project's sources. Tolerance 0.15 bounds that unexplained part; it is not a fit.
            Assert.That(d.Model16To59 + d.ServicemenPart16To59, Is.EqualTo(Published16To59).Within(0.15), "the base at 16-59");
        });
    }
}
