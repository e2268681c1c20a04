using Actuarial.Demography;
using Actuarial.IO;

namespace Actuarial.China;

/// <summary>
/// China's education inputs from the embedded data: the Wittgenstein Centre (2018) SSP2 attainment path, the years of
/// schooling fitted to it, and NBS's scale of years of schooling weighted by the 2020 census.
/// </summary>
internal static class ChinaEducation
{
    private static readonly Lazy<AttainmentPath> Wittgenstein = new(() => AttainmentPath.FromWittgensteinData(WittgensteinData()));

    /// <summary>
    /// The default path: the Wittgenstein Centre (2018) SSP2 projection for China, years 2015–2100, from the
    /// library's embedded copy of <c>data/wic2018_ssp2_population_age_sex_education.csv</c>.
    /// </summary>
    /// <remarks>Source: Wittgenstein Centre for Demography and Global Human Capital, Wittgenstein Centre Data Explorer Version 2.0 (2018).</remarks>
    /// <exception cref="InputDataException">The embedded data are missing a cell or hold a bad value.</exception>
    public static AttainmentPath WittgensteinSsp2() => Wittgenstein.Value;

    /// <summary>
    /// NBS's scale, the default for the national figures NBS publishes (mean years of schooling of those aged 15+ or
    /// 16–59): the cumulative durations of China's school system, 0 for never attended, 6 for primary (NBS counts
    /// attended primary, complete or not, so incomplete primary is 6 too), 9 junior secondary, 12 senior secondary, and
    /// post-secondary the mean of junior college 15, bachelor 16 and postgraduate 19 (3, 4 and about 7 years after senior
    /// secondary: programme lengths, a named assumption) weighted by the 2020 census's counts of each
    /// (census2020_education_province_sex.csv, national, both sexes).
    /// </summary>
    public static SchoolingYears NbsScale2020 => NbsScale.Value;

    private static readonly Lazy<SchoolingYears> NbsScale = new(() =>
    {
        var national = ChinaData.Census2020EducationProvinceSex().Where(r => r.RegionCode == 0).ToArray();
        double Count(CensusEducation e) => national.Where(r => r.Education == e).Sum(r => (double)r.PopulationPersons);
        double college = Count(CensusEducation.TertiaryJuniorCollege), bachelor = Count(CensusEducation.TertiaryBachelor),
            postgraduate = Count(CensusEducation.Postgraduate);
        double postSecondary = (15 * college + 16 * bachelor + 19 * postgraduate) / (college + bachelor + postgraduate);
        return new SchoolingYears([0.0, 6.0, 6.0, 9.0, 12.0, postSecondary]);
    });

    /// <summary>
    /// Recomputes <see cref="SchoolingYears.WittgensteinSsp2China"/> from the embedded Wittgenstein Centre (2018) SSP2 tables:
    /// years 2015–2100 × male, female × age groups 15–19 … 100+, level shares against published MYS, equal weights.
    /// </summary>
    public static SchoolingYearsFit FitWittgensteinSsp2() => SchoolingYears.FitWittgensteinSsp2(WittgensteinData());

    /// <summary>The embedded Wittgenstein Centre (2018) SSP2 tables for China, indexed.</summary>
    internal static EducationWittgensteinData WittgensteinData() =>
        EducationWittgensteinData.FromRows(ChinaData.Wic2018Ssp2PopulationAgeSexEducation(), ChinaData.Wic2018Ssp2MeanYearsSchooling());
}
