using System.Globalization;
using Actuarial.Dimensions;

namespace Actuarial.Demography;

/// <summary>Observed births and deaths of one calendar year (persons), which a projection is made to meet.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Births">Live births in the year.</param>
/// <param name="Deaths">Deaths in the year.</param>
internal readonly record struct ObservedVitalYear(int Year, double Births, double Deaths);

/// <summary>
/// Makes a projection meet the births and deaths observed in its first calendar years: each observed year's death
/// rates are multiplied by one factor (every age, both sexes: the mortality pattern's age shape is kept) and its TFR
/// by another, solved together so that the projection's calendar-year births and deaths
/// (<see cref="DemographicProjection.CalendarYearBirths"/>, <see cref="DemographicProjection.CalendarYearDeaths"/>)
/// equal the observed ones.
/// </summary>
/// <remarks>
/// <para>Before the first observed year the factors are the first year's (the base date's year is partly in the first
/// step); after the last, each factor is held at the mean of the observed years' (an assumption: the gap between the
/// observed level and the assumption's persists, while the assumption's changes from year to year are kept; the mean,
/// so that one year, such as China's 2023 deaths after the end of COVID-19 restrictions or 2024's dragon-year births,
/// does not set the long run).</para>
/// <para>Why China needs it (issue 15; measured in data/README.md, *Deaths, births and the calendar*): at WPP 2024's own
/// e0 the census base dies 5–6% faster than WPP 2024 counts (11.35 M deaths in 2021 against 10.76 M) and 11–12% faster
/// than NBS counts. The life tables are not the cause (WPP's own graduated rates give the same deaths within 0.5%, and
/// the exposure matches Σ m·PY within 0.01%): the census base holds more people at the oldest ages than WPP's estimate
/// (35.8 M aged 80+; WPP 2019 had 26.6 M for 2020), and NBS's deaths are consistent with the census's ages at
/// death rates 0.88–0.92 × WPP's.</para>
/// <para>Solving. A calendar year's flows come from the two steps that overlap it, each mixing two years' rates, so a
/// factor moves its neighbours' flows a little; each pass multiplies every year's factors by observed ÷ projected and
/// reruns, until every year is met to a relative 1e-9 (4–6 passes for China; at most 50).</para>
/// </remarks>
internal static class ObservedYearsCalibration
{
    private const int MaxPasses = 50;
    private const double Convergence = 1e-9;

    /// <summary>The calibrated assumptions and the factors found.</summary>
    /// <param name="Assumptions">The input assumptions with the scaled mortality and TFR.</param>
    /// <param name="MortalityFactor">Multiplier of the death rates by year.</param>
    /// <param name="FertilityFactor">Multiplier of the TFR by year.</param>
    internal sealed record Result(DemographicAssumptions Assumptions, AnnualPath MortalityFactor, AnnualPath FertilityFactor);

    /// <summary>Solves the yearly factors (method in the remarks).</summary>
    /// <param name="assumptions">The assumptions to calibrate; the runs use the sum of its regions (national totals).</param>
    /// <param name="observed">Consecutive observed calendar years, each with births and deaths &gt; 0.</param>
    /// <exception cref="ArgumentException">The years are not consecutive, are outside the projection's calendar years, or a flow is not &gt; 0.</exception>
    public static Result Calibrate(DemographicAssumptions assumptions, IReadOnlyList<ObservedVitalYear> observed)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(observed);
        if (observed.Count == 0) throw new ArgumentException("no observed years", nameof(observed));
        var years = observed.OrderBy(o => o.Year).ToArray();
        int first = years[0].Year, last = years[^1].Year;
        int firstCalendar = assumptions.BaseDateYearFraction > 0 ? assumptions.BaseYear + 1 : assumptions.BaseYear;
        for (int i = 0; i < years.Length; i++)
        {
            if (years[i].Year != first + i) throw new ArgumentException($"observed years must be consecutive (after {first + i - 1} comes {years[i].Year})", nameof(observed));
            if (!(years[i].Births > 0) || !(years[i].Deaths > 0)) throw new ArgumentException($"observed births and deaths of {years[i].Year} must be > 0", nameof(observed));
        }
        if (first < firstCalendar || last + 1 > assumptions.EndYear)
        {
            throw new ArgumentException($"observed years {first}..{last} must lie within the projection's calendar years {firstCalendar}..{assumptions.EndYear - 1}", nameof(observed));
        }

        var national = assumptions with
        {
            BasePopulation = assumptions.BasePopulation.ToNational(),
            InterprovincialMigration = null,
            Education = null,
            SchoolingYears = null,
            EndYear = last + 1,
        };
        int n = last - first + 1;
        var mortality = Enumerable.Repeat(1.0, n).ToArray();
        var fertility = Enumerable.Repeat(1.0, n).ToArray();
        for (int pass = 1; ; pass++)
        {
            var (mortalityPath, fertilityPath) = Paths(assumptions, first, mortality, fertility);
            var projection = DemographicProjector.Run(Apply(national, mortalityPath, fertilityPath));
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                int year = first + i;
                double deaths = projection.CalendarYearDeaths(year, 0, Sex.Male) + projection.CalendarYearDeaths(year, 0, Sex.Female);
                double births = projection.CalendarYearBirths(year, 0);
                double rd = years[i].Deaths / deaths, rb = years[i].Births / births;
                change = Math.Max(change, Math.Max(Math.Abs(rd - 1), Math.Abs(rb - 1)));
                mortality[i] *= rd;
                fertility[i] *= rb;
            }
            if (change < Convergence || pass >= MaxPasses)
            {
                if (change >= Convergence)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"observed births and deaths {first}..{last} not met after {MaxPasses} passes (largest relative gap {change:G3})"));
                }
                var (m, f) = Paths(assumptions, first, mortality, fertility);
                return new Result(Apply(assumptions, m, f), m, f);
            }
        }
    }

    private static DemographicAssumptions Apply(DemographicAssumptions a, AnnualPath mortalityFactor, AnnualPath fertilityFactor) => a with
    {
        Mortality = new ScaledMortality(a.Mortality, mortalityFactor),
        Fertility = a.Fertility with { TotalFertilityRate = a.Fertility.TotalFertilityRate.Map((year, tfr) => tfr * fertilityFactor[year]) },
    };

    /// <summary>Factor paths over the assumption's years: the first observed year's before it, the observed years' mean after.</summary>
    private static (AnnualPath Mortality, AnnualPath Fertility) Paths(DemographicAssumptions a, int first, double[] mortality, double[] fertility)
    {
        int from = a.Fertility.TotalFertilityRate.FirstYear, to = a.Fertility.TotalFertilityRate.LastYear;
        double meanFertility = fertility.Average(), meanMortality = mortality.Average();
        var m = new double[to - from + 1];
        var f = new double[to - from + 1];
        for (int year = from; year <= to; year++)
        {
            int i = Math.Clamp(year - first, 0, mortality.Length - 1);
            m[year - from] = year - first >= mortality.Length ? meanMortality : mortality[i];
            f[year - from] = year - first >= mortality.Length ? meanFertility : fertility[i];
        }
        return (new AnnualPath("observed-years mortality factor", from, m), new AnnualPath("observed-years fertility factor", from, f));
    }
}
