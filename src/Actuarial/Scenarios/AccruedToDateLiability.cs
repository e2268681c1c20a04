using Actuarial.China;
using Actuarial.Funds;
using Actuarial.Scheme;

namespace Actuarial.Scenarios;

/// <summary>
/// The implicit pension debt of a projection, as the accrued-to-date liability (ADL): the present value at the start of
/// the fund projection of the pensions already earned — those in payment and those the insured have accrued by their
/// contributions so far — with no further contributions or accrual (Holzmann, Palacios and Zviniene 2004, World Bank SP
/// Discussion Paper 0403, "accrued-to-date liabilities").
/// </summary>
/// <remarks>
/// Computed by re-running the calibrated scheme as a closed group: the same 2024 state, then nobody covered after the
/// valuation year, so record holders keep the years they have, retire at their statutory ages under the scenario's rules
/// and are paid, and pensioners die off with the population. Real wages stop rising with the workforce (the average
/// wage is its last covered value carried at the price growth of each year, SchemeEngine), so new pensions are valued
/// on today's real wages: an accrued-benefit (ABO-type) measure in constant yuan. Carried in yuan instead, the 2024 wage
/// would lose its value to inflation until each cohort retires, and the debt would shrink as inflation rises (money
/// illusion: 220% against 238% of 2024 GDP at 2% and 0% inflation to 2070, before this rule). People short of the minimum years follow the scenario's shortfall rule. Pensions after the projection's
/// end year (mostly those of today's youngest workers) are not counted, so the figure is a lower bound when the horizon
/// is short.
/// </remarks>
internal static class AccruedToDateLiability
{
    /// <summary>Computes the ADL of a projection, discounted at a constant annual rate.</summary>
    /// <param name="projection">A projection from <see cref="PensionProjector"/>.</param>
    /// <param name="discountRatePerYear">Nominal discount rate, e.g. the funds' blended return; above −1.</param>
    public static ImplicitPensionDebtResult Compute(PensionProjection projection, double discountRatePerYear)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (!(discountRatePerYear > -1) || !double.IsFinite(discountRatePerYear))
        {
            throw new InputDataException("accrued-to-date liability", null, nameof(discountRatePerYear),
                discountRatePerYear.ToString(System.Globalization.CultureInfo.InvariantCulture), "a finite rate above −1");
        }
        return Compute(projection, _ => discountRatePerYear, discountRatePerYear);
    }

    /// <summary>
    /// Computes the ADL of a projection discounted at a rate by year (e.g. a real rate made nominal at each year's
    /// inflation, <see cref="Economy.EconomicAssumptions.NominalDiscountRate"/>, so that the measure has no money illusion).
    /// </summary>
    /// <param name="projection">A projection from <see cref="PensionProjector"/>.</param>
    /// <param name="discountRate">Nominal discount rate of each calendar year; above −1.</param>
    /// <param name="reportedRate">The rate reported in the result (e.g. the long-run rate).</param>
    public static ImplicitPensionDebtResult Compute(PensionProjection projection, Func<int, double> discountRate, double reportedRate)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(discountRate);
        var scheme = projection.Scheme;
        // Wages stop rising in a closed group, so rules linked to wage growth would read a fall of real wages: the closed
        // group is given the increases and crediting rates the open projection actually applied, year by year.
        var a = scheme.Assumptions;
        var wages = scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year, r => r.AverageWageYuan);
        var increases = new List<(int, double)>();
        var crediting = new List<(int, double)>();
        for (int year = a.Rules.Indexation.Published.FirstYear; year <= scheme.EndYear; year++)
        {
            // As the engine reads it: a year with nobody covered (no average wage) has no wage growth.
            double growth = wages.TryGetValue(year, out var w) && wages.TryGetValue(year - 1, out var w0)
                ? (w > 0 && w0 > 0 ? w / w0 - 1 : 0)
                : a.HistoricalWageGrowth;
            increases.Add((year, a.Rules.Indexation.Increase(year, growth, a.PriceGrowthIn(year))));
            crediting.Add((year, a.Rules.CreditingRates.Rate(year, growth, a.PriceGrowthIn(year))));
        }
        var rules = a.Rules with
        {
            Indexation = a.Rules.Indexation with { Published = AnnualPath.FromYears("applied increases", increases, 0, 1) },
            CreditingRates = a.Rules.CreditingRates with { Published = AnnualPath.FromYears("applied crediting rates", crediting, 0, 1) },
        };
        var closed = SchemeProjector.Run(
            a with { Rules = rules, Workforce = new ClosedGroupWorkforce(a.Workforce, a.BaseYear) },
            scheme.Calibration);
        int first = ChinaFunds.FirstProjectedYear, last = closed.EndYear;
        var payments = new double[last - first + 1];
        var rates = new double[payments.Length];
        for (int year = first; year <= last; year++)
        {
            double paid = 0;
            foreach (double p in closed.Flows.Pensions(year)) paid += p;
            payments[year - first] = paid;
            rates[year - first] = discountRate(year);
            if (!(rates[year - first] > -1) || !double.IsFinite(rates[year - first]))
            {
                throw new InputDataException("accrued-to-date liability", null, "discountRate", rates[year - first].ToString(System.Globalization.CultureInfo.InvariantCulture), $"a finite rate above −1 in {year}");
            }
        }
        double fund = projection.Scenario.Funds.OpeningBalances.Values.Sum();
        double liability = ImplicitPensionDebt.AccruedToDateLiability(payments, rates);
        return new ImplicitPensionDebtResult(first, last, reportedRate, liability, fund, liability - fund, payments);
    }

    /// <summary>The workforce of a closed group: as given up to the valuation year, nobody covered after it.</summary>
    private sealed class ClosedGroupWorkforce(ICoveredWorkforce inner, int valuationYear) : ICoveredWorkforce
    {
        public void FillCoveredWorkers(int year, ReadOnlySpan<double> population, Span<double> coveredWorkers, Span<double> annualWageYuan)
        {
            inner.FillCoveredWorkers(year, population, coveredWorkers, annualWageYuan);
            if (year > valuationYear) coveredWorkers.Clear();
        }
    }
}

/// <summary>The implicit pension debt at the start of the fund projection.</summary>
/// <param name="FirstYear">First year of payments counted (the valuation is at its 1 January).</param>
/// <param name="LastYear">Last year of payments counted.</param>
/// <param name="DiscountRatePerYear">Discount rate used.</param>
/// <param name="AccruedToDateLiabilityYuan">Present value of the accrued pensions, yuan.</param>
/// <param name="FundYuan">Funds on hand at the valuation date (the opening balances), yuan.</param>
/// <param name="NetImplicitDebtYuan">Liability minus funds on hand, yuan.</param>
/// <param name="AccruedPaymentsYuan">Accrued pensions paid each year from <paramref name="FirstYear"/>, yuan (undiscounted).</param>
internal sealed record ImplicitPensionDebtResult(
    int FirstYear, int LastYear, double DiscountRatePerYear, double AccruedToDateLiabilityYuan, double FundYuan, double NetImplicitDebtYuan,
    IReadOnlyList<double> AccruedPaymentsYuan);
