using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Scenarios;

/// <summary>Turns the published tables (five-year groups, periods, thousands) into the engine's inputs.</summary>
internal static class DataConversions
{
    /// <summary>
    /// A fertility age schedule from WPP's percentage distribution by five-year group of mother's age: each group's
    /// share is graduated to single years (<see cref="Graduation.GraduateSchedule"/>) and the year's shares are
    /// divided by their sum, because WPP publishes the percentages rounded (they sum to 100 within ±0.01) while the
    /// engine requires a schedule to sum to one.
    /// </summary>
    public static double[] ScheduleFromPasfr(IReadOnlyList<(AgeGroup Group, double Percent)> groups, string source)
    {
        var ordered = groups.OrderBy(g => g.Group.Start).ToArray();
        var boundaries = new int[ordered.Length + 1];
        var rates = new double[ordered.Length];
        for (int g = 0; g < ordered.Length; g++)
        {
            var group = ordered[g].Group;
            if (group.End is not { } end)
            {
                throw new InputDataException(source, null, "age_end", "(open)", "closed age groups of mother's age");
            }
            if (g > 0 && group.Start != boundaries[g])
            {
                throw new InputDataException(source, null, "age_start", group.Start.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{boundaries[g]} (age groups must be contiguous)");
            }
            boundaries[g] = group.Start;
            boundaries[g + 1] = end + 1;
            rates[g] = ordered[g].Percent / 100 / (end + 1 - group.Start);
        }
        var single = Graduation.GraduateSchedule(boundaries, rates, source);
        double sum = single.Sum();
        if (Math.Abs(sum - 1) > 1e-3)
        {
            throw new InputDataException(source, null, "pasfr_percent (sum)", (100 * sum).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                "100 within 0.1 (percentages of the TFR by age group)");
        }
        for (int a = 0; a < single.Length; a++) single[a] /= sum;
        return single;
    }

    /// <summary>Single-year death rates of a period by sex from abridged WPP rows (0, 1-4, 5-9 … 95-99, 100+).</summary>
    public static double[] SingleYearMx(IEnumerable<MxAbridgedRow> periodRows, Sex sex, string source)
    {
        var want = sex == Sex.Male ? SexOrBoth.Male : SexOrBoth.Female;
        var abridged = periodRows.Where(r => r.Sex == want).OrderBy(r => r.AgeGroup.Start).Select(r => r.Mx).ToArray();
        return MortalityGraduation.AbridgedToSingleYear(abridged, sex, source);
    }

    /// <summary>Tabulated mortality from abridged WPP periods (held constant within each period).</summary>
    public static TabulatedMortality TabulatedFromAbridged(IReadOnlyList<MxAbridgedRow> rows, int fromYear, int toYear, string source)
    {
        var periods = rows.Where(r => r.PeriodEnd > fromYear && r.PeriodStart <= toYear)
            .GroupBy(r => (r.PeriodStart, r.PeriodEnd)).OrderBy(g => g.Key.PeriodStart)
            .Select(g => new TabulatedMortality.Period(g.Key.PeriodStart, g.Key.PeriodEnd,
                SingleYearMx(g, Sex.Male, $"{source} {g.Key.PeriodStart}-{g.Key.PeriodEnd}"),
                SingleYearMx(g, Sex.Female, $"{source} {g.Key.PeriodStart}-{g.Key.PeriodEnd}")))
            .ToArray();
        return new TabulatedMortality(periods, source);
    }

    /// <summary>Net migrants by sex and age (persons) for one year from a WPP by-age table in thousands.</summary>
    public static double[] MigrantsForYear(IReadOnlyList<YearNetMigrationByAgeRow> rows, int year)
    {
        var result = new double[Sexes.Count * Ages.Count];
        foreach (var row in rows)
        {
            if (row.Year == year) result[(int)row.Sex * Ages.Count + row.Age] = row.NetMigrantsThousands * 1000;
        }
        return result;
    }
}
