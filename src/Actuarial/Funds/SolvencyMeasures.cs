namespace Actuarial.Funds;

/// <summary>
/// Present-value measures of a fund's long-run balance. Conventions match the ledger (<see cref="FundProjector"/>):
/// year k = 1..n of the horizon has its flows at the year's end and earns i_k on the balance at its start, so the
/// discount factor to the start of year 1 is v_k = Π_{s=1..k} 1/(1 + i_s). With these, a fund that starts at F₀
/// and receives X_k − Y_k at the end of each year ends year n with F_n = (F₀ + Σ v_k (X_k − Y_k)) / v_n exactly.
/// </summary>
internal static class SolvencyMeasures
{
    /// <summary>Discount factors v_k = Π_{s≤k} 1/(1 + i_s) for end-of-year flows.</summary>
    /// <param name="rates">Annual rates i_1..i_n (each &gt; −1).</param>
    /// <param name="factors">Receives v_1..v_n (same length as <paramref name="rates"/>).</param>
    public static void DiscountFactors(ReadOnlySpan<double> rates, Span<double> factors)
    {
        if (factors.Length != rates.Length) throw new ArgumentException("one factor per rate", nameof(factors));
        double v = 1;
        for (int k = 0; k < rates.Length; k++)
        {
            if (!(rates[k] > -1)) throw new ArgumentOutOfRangeException(nameof(rates), rates[k], "a rate > −100%");
            v /= 1 + rates[k];
            factors[k] = v;
        }
    }

    /// <summary>Present value at the start of year 1 of end-of-year amounts: Σ v_k · amount_k.</summary>
    public static double PresentValue(ReadOnlySpan<double> amounts, ReadOnlySpan<double> rates)
    {
        if (amounts.Length != rates.Length) throw new ArgumentException("one rate per amount", nameof(rates));
        double v = 1, pv = 0;
        for (int k = 0; k < amounts.Length; k++)
        {
            if (!(rates[k] > -1)) throw new ArgumentOutOfRangeException(nameof(rates), rates[k], "a rate > −100%");
            v /= 1 + rates[k];
            pv += v * amounts[k];
        }
        return pv;
    }

    /// <summary>
    /// The general average premium (GAP; ILO, Plamondon et al. 2002, <i>Actuarial Practice in Social Security</i>,
    /// ch. on financing systems): the constant contribution rate on the covered wage bill that, with the opening fund,
    /// pays the spending over the horizon and leaves <paramref name="targetFund"/> at its end:
    /// <code>π = (Σ_k v_k E_k + v_n F_target − F₀) / Σ_k v_k W_k</code>
    /// Equivalently PV(π·W) + F₀ = PV(E) + PV(F_target). Running the ledger with contributions π·W_k, no subsidy and no
    /// transfers, at the same rates, ends at exactly F_target.
    /// </summary>
    /// <param name="spending">E_k, yuan per year.</param>
    /// <param name="wageBill">W_k, covered wage bill, yuan per year.</param>
    /// <param name="openingFund">F₀ at the start of year 1, yuan.</param>
    /// <param name="rates">i_k, the discount (fund return) rates.</param>
    /// <param name="targetFund">F_target at the end of year n, yuan (0: the pure GAP).</param>
    public static double GeneralAveragePremium(ReadOnlySpan<double> spending, ReadOnlySpan<double> wageBill, double openingFund,
        ReadOnlySpan<double> rates, double targetFund = 0)
    {
        if (spending.Length != wageBill.Length || spending.Length != rates.Length) throw new ArgumentException("spending, wage bill and rates must have one value per year");
        double pvWages = PresentValue(wageBill, rates);
        if (!(pvWages > 0)) throw new ArgumentException("the present value of the wage bill must be > 0", nameof(wageBill));
        double vn = 1;
        foreach (double r in rates) vn /= 1 + r;
        return (PresentValue(spending, rates) + vn * targetFund - openingFund) / pvWages;
    }

    /// <summary>
    /// The actuarial balance as the US Social Security Trustees define it (2024 OASDI Trustees Report, Glossary:
    /// "Actuarial balance", "Summarized income rate", "Summarized cost rate"; §IV.B.4): over a valuation period
    /// (75 years by default in <see cref="FundProjection.ActuarialBalance(Dimensions.Region, int, bool)"/>),
    /// <code>
    /// summarized income rate = (F₀ + Σ_k v_k I_k) / Σ_k v_k W_k
    /// summarized cost rate   = (Σ_k v_k E_k + v_n · E_{n+1}) / Σ_k v_k W_k      (target fund = 100% of the next year's cost)
    /// actuarial balance      = income rate − cost rate
    /// </code>
    /// with I non-interest income, E cost and W the taxable (here: covered) payroll. A negative balance is the
    /// immediate, permanent rise in the contribution rate that would meet the target.
    /// </summary>
    /// <param name="income">I_k, non-interest income, yuan.</param>
    /// <param name="cost">E_k, yuan.</param>
    /// <param name="wageBill">W_k, yuan.</param>
    /// <param name="openingFund">F₀, yuan.</param>
    /// <param name="rates">i_k.</param>
    /// <param name="costAfterPeriod">E_{n+1}, the cost of the year after the period (the target fund).</param>
    public static ActuarialBalanceResult ActuarialBalance(ReadOnlySpan<double> income, ReadOnlySpan<double> cost, ReadOnlySpan<double> wageBill,
        double openingFund, ReadOnlySpan<double> rates, double costAfterPeriod)
    {
        if (income.Length != cost.Length || cost.Length != wageBill.Length || cost.Length != rates.Length)
        {
            throw new ArgumentException("income, cost, wage bill and rates must have one value per year");
        }
        double pvWages = PresentValue(wageBill, rates);
        if (!(pvWages > 0)) throw new ArgumentException("the present value of the wage bill must be > 0", nameof(wageBill));
        double vn = 1;
        foreach (double r in rates) vn /= 1 + r;
        return new ActuarialBalanceResult(
            (openingFund + PresentValue(income, rates)) / pvWages,
            (PresentValue(cost, rates) + vn * costAfterPeriod) / pvWages);
    }
}

/// <summary>Summarized rates over a valuation period (shares of the present value of the covered wage bill).</summary>
/// <param name="SummarizedIncomeRate">(F₀ + PV income) / PV wage bill.</param>
/// <param name="SummarizedCostRate">(PV cost + PV target fund) / PV wage bill.</param>
public readonly record struct ActuarialBalanceResult(double SummarizedIncomeRate, double SummarizedCostRate)
{
    /// <summary>Summarized income rate − summarized cost rate.</summary>
    public double ActuarialBalance => SummarizedIncomeRate - SummarizedCostRate;
}

/// <summary>
/// The implicit pension debt hook. The accrued-to-date liability (ADL; Holzmann, Palacios &amp; Zviniene 2004, World Bank
/// SP Discussion Paper 0403) is the present value of the pensions owed on rights earned by the valuation date:
/// <code>ADL = Σ_k v_k · B_k^accrued,   net implicit debt = ADL − F₀</code>
/// The fund layer supplies the discounting; the input it needs from the scheme layer is B_k^accrued for k = 1, 2, …
/// (until the last survivor, ~100 years): the survival-weighted, indexed pensions of (a) today's retirees and
/// (b) today's workers for the contribution years served to date only (pooled-account basic pension,
/// 国发〔2005〕38号 formula with years to date; individual accounts excluded or added as a separate line), per
/// province, in yuan per calendar year, with the same indexation as the projection.
/// </summary>
internal static class ImplicitPensionDebt
{
    /// <summary>Accrued-to-date liability: PV of the accrued benefit payments.</summary>
    /// <param name="accruedBenefitPayments">B_k^accrued for years 1..n after the valuation date, yuan.</param>
    /// <param name="rates">Discount rates i_1..i_n.</param>
    public static double AccruedToDateLiability(ReadOnlySpan<double> accruedBenefitPayments, ReadOnlySpan<double> rates) =>
        SolvencyMeasures.PresentValue(accruedBenefitPayments, rates);

    /// <summary>Net implicit debt: ADL minus the fund on hand at the valuation date.</summary>
    public static double Net(ReadOnlySpan<double> accruedBenefitPayments, ReadOnlySpan<double> rates, double fund) =>
        AccruedToDateLiability(accruedBenefitPayments, rates) - fund;
}
