using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>
/// A typical worker for replacement rates (the PROST convention): a wage that is a constant multiple of the provincial
/// average wage through an uninterrupted career that ends at the statutory retirement age.
/// </summary>
/// <param name="Name">Label of the profile.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Education">Education level (a label of the profile: the career length carries its effect).</param>
/// <param name="Category">Retirement category (sets the statutory age).</param>
/// <param name="WageLevel">Own wage / provincial average wage, every year, &gt; 0.</param>
/// <param name="CareerYears">Contribution years up to retirement (deemed years before individual accounts included), in [1, 50].</param>
internal sealed record TypicalWorker(string Name, Sex Sex, EducationLevel Education, RetirementCategory Category, double WageLevel, int CareerYears)
{
    /// <summary>
    /// Default profiles: a man with upper-secondary schooling at the average wage for 35 years; a tertiary-educated man at
    /// twice the average for 38 years; a low-paid man (60%) with 20 years (the minimum from 2039); a woman worker with
    /// lower-secondary schooling at 60% for 30 years; a woman cadre with tertiary education at the average for 33 years.
    /// </summary>
    public static IReadOnlyList<TypicalWorker> Defaults { get; } =
    [
        new("man, upper secondary, average wage, 35 years", Sex.Male, EducationLevel.UpperSecondary, RetirementCategory.Men, 1.0, 35),
        new("man, post-secondary, 2x average wage, 38 years", Sex.Male, EducationLevel.PostSecondary, RetirementCategory.Men, 2.0, 38),
        new("man, lower secondary, 60% of average wage, 20 years", Sex.Male, EducationLevel.LowerSecondary, RetirementCategory.Men, 0.6, 20),
        new("woman worker, lower secondary, 60% of average wage, 30 years", Sex.Female, EducationLevel.LowerSecondary, RetirementCategory.WomenWorkers, 0.6, 30),
        new("woman cadre, post-secondary, average wage, 33 years", Sex.Female, EducationLevel.PostSecondary, RetirementCategory.WomenCadres, 1.0, 33),
    ];
}

/// <summary>The pension at retirement of a typical worker and its replacement rates (gross, first pension over wages).</summary>
/// <param name="Profile">Profile name.</param>
/// <param name="Sex">male or female.</param>
/// <param name="Education">Education label.</param>
/// <param name="WageLevel">Own wage / average wage.</param>
/// <param name="BirthYear">Year of birth (born in July).</param>
/// <param name="RetirementYear">Calendar year of retirement.</param>
/// <param name="RetirementAgeYears">Statutory retirement age, years (months / 12).</param>
/// <param name="ContributionYears">Contribution years (deemed included).</param>
/// <param name="DeemedYears">Deemed years (service before the accounts).</param>
/// <param name="MeetsMinimumYears">Whether the years meet the minimum of the retirement year (if not, the pension shown is the formula's, not payable).</param>
/// <param name="BasicPensionYuanPerMonth">Basic pension.</param>
/// <param name="AccountPensionYuanPerMonth">Individual-account pension.</param>
/// <param name="TransitionalPensionYuanPerMonth">Transitional pension.</param>
/// <param name="PensionYuanPerMonth">Total first monthly pension.</param>
/// <param name="ReplacementOfOwnWage">12 × pension / own wage of the year before retirement.</param>
/// <param name="ReplacementOfAverageWage">12 × pension / provincial average wage of the year before retirement.</param>
[CsvHelper.CsvRecord]
public sealed partial record ReplacementRateRow(
    string Profile, string Sex, string Education, double WageLevel, int BirthYear, int RetirementYear, double RetirementAgeYears,
    double ContributionYears, double DeemedYears, bool MeetsMinimumYears, double BasicPensionYuanPerMonth, double AccountPensionYuanPerMonth,
    double TransitionalPensionYuanPerMonth, double PensionYuanPerMonth, double ReplacementOfOwnWage, double ReplacementOfAverageWage);

/// <summary>
/// Replacement rates of typical workers under the scheme rules (an output function, as PROST reports them): the first
/// pension of a worker with a constant relative wage over an uninterrupted career ending at the statutory age, over the
/// own and the average wage of the year before retirement. Contributions are credited to the account at the year's
/// crediting rate; service before <c>accountsStartYear</c> counts as deemed years with no account (transitional pension).
/// </summary>
internal static class ReplacementRates
{
    /// <summary>Replacement rates with the average wage growing at a constant rate from a given year's level.</summary>
    /// <param name="rules">Scheme rules.</param>
    /// <param name="workers">Profiles (default <see cref="TypicalWorker.Defaults"/>).</param>
    /// <param name="birthYears">Birth years to evaluate.</param>
    /// <param name="wageGrowth">Nominal growth of the average wage, every year (also passed to the future rules).</param>
    /// <param name="wageYear">The year of <paramref name="averageWage"/>.</param>
    /// <param name="averageWage">Average annual wage in <paramref name="wageYear"/>, yuan (only scales the yuan amounts; the rates do not depend on it).</param>
    /// <param name="priceGrowth">Price growth passed to the future rules.</param>
    /// <param name="accountsStartYear">First year of individual accounts (1998).</param>
    public static IReadOnlyList<ReplacementRateRow> Compute(SchemeRules rules, IEnumerable<TypicalWorker> workers, IEnumerable<int> birthYears,
        double wageGrowth, int wageYear, double averageWage, double priceGrowth = 0.02, int accountsStartYear = 1998)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(birthYears);
        return Compute(rules, workers, birthYears, year => averageWage * Math.Pow(1 + wageGrowth, year - wageYear), priceGrowth, accountsStartYear);
    }

    /// <summary>
    /// Replacement rates on the average-wage path of one province of a projection (before 2024 back-cast at the
    /// assumptions' historical wage growth; after the end year extended at the last year's growth).
    /// </summary>
    /// <param name="projection">A scheme projection.</param>
    /// <param name="regionCode">GB/T code of the province.</param>
    /// <param name="workers">Profiles.</param>
    /// <param name="birthYears">Birth years.</param>
    public static IReadOnlyList<ReplacementRateRow> Compute(SchemeProjection projection, int regionCode, IEnumerable<TypicalWorker> workers, IEnumerable<int> birthYears)
    {
        ArgumentNullException.ThrowIfNull(projection);
        int r = projection.Flows.IndexOf(regionCode);
        if (r < 0) throw new ArgumentOutOfRangeException(nameof(regionCode), regionCode, "not a province of the projection");
        var a = projection.Assumptions;
        int first = projection.FirstYear, last = projection.EndYear;
        double w0 = projection.Flows.AverageWage(first)[r], wN = projection.Flows.AverageWage(last)[r];
        double tailGrowth = last > first ? projection.Flows.AverageWage(last)[r] / projection.Flows.AverageWage(last - 1)[r] - 1 : a.HistoricalWageGrowth;
        double Wage(int year) =>
            year < first ? w0 * Math.Pow(1 + a.HistoricalWageGrowth, year - first)
            : year > last ? wN * Math.Pow(1 + tailGrowth, year - last)
            : projection.Flows.AverageWage(year)[r];
        return Compute(a.Rules, workers, birthYears, Wage, a.PriceGrowthIn, a.AccountsStartYear);
    }

    /// <summary>The core: replacement rates on any average-wage path.</summary>
    /// <param name="rules">Scheme rules.</param>
    /// <param name="workers">Profiles.</param>
    /// <param name="birthYears">Birth years.</param>
    /// <param name="averageWage">Average annual wage by calendar year, yuan, &gt; 0.</param>
    /// <param name="priceGrowth">Price growth passed to the future rules.</param>
    /// <param name="accountsStartYear">First year of individual accounts.</param>
    public static IReadOnlyList<ReplacementRateRow> Compute(SchemeRules rules, IEnumerable<TypicalWorker> workers, IEnumerable<int> birthYears,
        Func<int, double> averageWage, double priceGrowth, int accountsStartYear = 1998) =>
        Compute(rules, workers, birthYears, averageWage, _ => priceGrowth, accountsStartYear);

    /// <summary>The core with price growth by year (the projection's CPI path).</summary>
    internal static IReadOnlyList<ReplacementRateRow> Compute(SchemeRules rules, IEnumerable<TypicalWorker> workers, IEnumerable<int> birthYears,
        Func<int, double> averageWage, Func<int, double> priceGrowth, int accountsStartYear = 1998)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(birthYears);
        ArgumentNullException.ThrowIfNull(averageWage);
        var rows = new List<ReplacementRateRow>();
        var years = birthYears.ToArray();
        foreach (var worker in workers)
        {
            ArgumentNullException.ThrowIfNull(worker);
            if (!(worker.WageLevel > 0) || !double.IsFinite(worker.WageLevel) || worker.CareerYears < 1 || worker.CareerYears > 50)
            {
                throw new InputDataException("typical worker", null, worker.Name,
                    string.Create(CultureInfo.InvariantCulture, $"wage level {worker.WageLevel}, career {worker.CareerYears}"), "a wage level > 0 and a career of 1..50 years");
            }
            foreach (int birthYear in years) rows.Add(One(rules, worker, birthYear, averageWage, priceGrowth, accountsStartYear));
        }
        return rows;
    }

    private static ReplacementRateRow One(SchemeRules rules, TypicalWorker worker, int birthYear, Func<int, double> averageWage, Func<int, double> priceGrowth, int accountsStartYear)
    {
        var birth = new YearMonth(birthYear, 7);
        int ageMonths = rules.RetirementAges.StatutoryAgeMonths(worker.Category, birth);
        int retirementYear = birth.AddMonths(ageMonths).Year;
        int firstYear = retirementYear - worker.CareerYears;
        double accountYearsStart = Math.Max(firstYear, accountsStartYear);
        double account = 0, indexSum = 0;
        int eeFrom = rules.Contributions.EmployeeToAccount.From.Year;
        for (int year = firstYear; year < retirementYear; year++)
        {
            double w = averageWage(year);
            double growth = averageWage(year) / averageWage(year - 1) - 1;
            double contributionBase = rules.ContributionBase.Base(worker.WageLevel * w, w);
            indexSum += contributionBase / w;
            if (year < accountYearsStart) continue;
            double ee = rules.Contributions.EmployeeAnnual(Math.Max(year, eeFrom));
            double rate = rules.CreditingRates.Rate(year, growth, priceGrowth(year));
            account = (account + ee * contributionBase) * (1 + rate);
        }
        double years = worker.CareerYears;
        double deemed = Math.Max(0, Math.Min(years, accountsStartYear - firstYear));
        double index = indexSum / years;
        double previous = averageWage(retirementYear - 1);
        double monthly = previous / 12;
        var pension = rules.NewPension(monthly, index, years, deemed, account, Math.Clamp(ageMonths, 12 * rules.Divisors.FirstAge, 12 * rules.Divisors.LastAge + 11));
        return new ReplacementRateRow(worker.Name, worker.Sex.Label(), worker.Education.Label(), worker.WageLevel, birthYear, retirementYear, ageMonths / 12.0,
            years, deemed, rules.MinimumContributionYears.IsEligible(years, retirementYear), pension.Basic, pension.IndividualAccount, pension.Transitional,
            pension.Total, 12 * pension.Total / (worker.WageLevel * previous), 12 * pension.Total / previous);
    }
}
