using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using NUnit.Framework;

namespace Actuarial.Tests.Demography;

/// <summary>Life expectancy from WPP 2024's abridged death rates against WPP 2024's own published e0.</summary>
[TestFixture]
[Category("Validation")]
public sealed class MortalityValidationTests
{
    // China's famine years: annual e0 fell from 47 (1958) to 32 (1960, males) and recovered by 1962. Over a period
    // containing them, e0 of the pooled rates (deaths over person-years, dominated by the crisis years) is far below
    // the mean of the annual e0s, because e0 is convex in the death rates; no life-table method can close that gap.
    private static bool OverlapsFamine(int start, int end) => start < 1962 && end > 1959;

    [Test]
    public void E0_from_WPP_2024_abridged_rates_matches_WPP_e0()
    {
        // For each five-year period and sex: graduate the period's abridged rates to single years
        // (MortalityGraduation), build the single-year life table, and compare its e0 with the mean of WPP 2024's
        // annual e0 over the period. WPP's periods run from 1 July of the start year to 30 June of the end year, so
        // the mean that covers the same time weighs the calendar years start and end by one half and the years
        // between by one (centred on 1 January of start + 3, like the period). The plain mean over the calendar
        // years start..end−1 is centred half a year earlier and, with e0 rising 0.3-0.7 years a year, sits
        // 0.1-0.4 years below the period's e0; it is printed too. Annual e0 is the estimate variant up to 2023 and
        // the median after. Even so, the period rates are deaths over person-years of the whole period, so the
        // period e0 is not exactly a mean of annual e0s; 0.2 years allows for that, except across the famine.
        var e0 = ChinaData.Wpp2024E0()
            .Where(r => r.Variant is "estimate" or "median" && r.Sex != SexOrBoth.Both)
            .GroupBy(r => (r.Year, r.Sex))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Variant == "estimate" ? 0 : 1).First().E0Years);
        var periods = ChinaData.Wpp2024MxAbridged().Select(r => (r.PeriodStart, r.PeriodEnd)).Distinct().OrderBy(p => p.PeriodStart).ToList();
        Assert.That(periods, Is.Not.Empty);

        double worst = 0, worstPlain = 0, worstFamine = 0;
        string worstWhere = "";
        var failures = new List<string>();
        foreach (var (start, end) in periods)
        {
            foreach (var sex in Sexes.All)
            {
                var key = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
                var abridged = MortalityTestData.Wpp2024Abridged(start, sex);
                double computed = new LifeTable(MortalityGraduation.AbridgedToSingleYear(abridged, sex), sex).E0;
                double plain = Enumerable.Range(start, end - start).Average(y => e0[(y, key)]);
                bool hasEnd = e0.ContainsKey((end, key));
                double midYear = hasEnd
                    ? (0.5 * e0[(start, key)] + Enumerable.Range(start + 1, end - start - 1).Sum(y => e0[(y, key)]) + 0.5 * e0[(end, key)]) / (end - start)
                    : plain; // 2095-2100: WPP's annual series ends in 2100, so this branch is not taken with the shipped data
                double error = computed - midYear;
                TestContext.Out.WriteLine($"{start}-{end} {sex,-6}: computed {computed:F3}, WPP Jul-Jun mean {midYear:F3} (Δ {error:+0.000;-0.000;0.000}), calendar mean {plain:F3} (Δ {computed - plain:+0.000;-0.000;0.000})");
                if (OverlapsFamine(start, end))
                {
                    worstFamine = Math.Max(worstFamine, Math.Abs(error));
                    if (Math.Abs(error) > 2.5) failures.Add($"{start}-{end} {sex} (famine): Δ {error:F3}");
                    continue;
                }
                worstPlain = Math.Max(worstPlain, Math.Abs(computed - plain));
                if (Math.Abs(error) > Math.Abs(worst)) { worst = error; worstWhere = $"{start}-{end} {sex}"; }
                if (Math.Abs(error) > 0.2) failures.Add($"{start}-{end} {sex}: Δ {error:F3}");
            }
        }
        TestContext.Out.WriteLine($"largest |Δe0| outside the famine = {Math.Abs(worst):F3} years ({worstWhere}); against the calendar-year mean {worstPlain:F3}; famine periods {worstFamine:F3}");
        Assert.That(failures, Is.Empty);
    }
}
