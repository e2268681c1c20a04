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
    /// 16–59): the cumulative durations of China's school system as NBS converts attainment to years, 0 for never
    /// attended, 6 for primary (NBS counts attended primary, complete or not, so incomplete primary is 6 too), 9 junior
    /// secondary, 12 senior secondary (中专 included) and 16 for every tertiary level (大专及以上: junior college,
    /// bachelor and postgraduate alike), the conversion NBS's yearbook-based figures use (data/README.md, "Schooling").
    /// </summary>
    /// <remarks>
    /// An earlier version valued tertiary at the 2020 census's mix of junior college 15, bachelor 16 and postgraduate 19
    /// (15.632 years); that is a programme-length reading, not NBS's conversion, and put the 2020 mean at ages 15+ 0.069
    /// years below NBS's own arithmetic. <see cref="TertiaryByCensusMix2020"/> keeps it for comparison.
    /// </remarks>
    public static SchoolingYears NbsScale2020 { get; } = new([0.0, 6.0, 6.0, 9.0, 12.0, NbsTertiaryYears]);

    /// <summary>NBS's years for any tertiary attainment (大专及以上).</summary>
    public const double NbsTertiaryYears = 16.0;

    /// <summary>
    /// Tertiary valued by programme length, junior college 15, bachelor 16 and postgraduate 19 years, weighted by the
    /// 2020 census's counts of each (census2020_education_province_sex.csv, national, both sexes): 15.632 years. Not NBS's
    /// conversion (<see cref="NbsScale2020"/>); kept to measure what the choice is worth.
    /// </summary>
    public static double TertiaryByCensusMix2020 => TertiaryMix.Value;

    private static readonly Lazy<double> TertiaryMix = new(() =>
    {
        var national = ChinaData.Census2020EducationProvinceSex().Where(r => r.RegionCode == 0).ToArray();
        double Count(CensusEducation e) => national.Where(r => r.Education == e).Sum(r => (double)r.PopulationPersons);
        double college = Count(CensusEducation.TertiaryJuniorCollege), bachelor = Count(CensusEducation.TertiaryBachelor),
            postgraduate = Count(CensusEducation.Postgraduate);
        return (15 * college + 16 * bachelor + 19 * postgraduate) / (college + bachelor + postgraduate);
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
