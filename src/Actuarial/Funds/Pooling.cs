using System.Globalization;
using System.Numerics.Tensors;
using Actuarial.IO;

namespace Actuarial.Funds;

/// <summary>
/// A rule for transfers between the provincial funds in one year. The rule writes, for every province, what it pays
/// to the common pool (<c>paidOut</c>, ≥ 0) and what it receives from it (<c>received</c>, ≥ 0); the pool neither
/// earns nor keeps anything, so Σ paid = Σ received (the engine checks this and non-negativity after every call and
/// throws <see cref="InvalidOperationException"/> for a rule that breaks it). Both spans arrive cleared.
/// Implementations must not allocate. A user adds a rule (a cap on any province's payment, a different burden
/// share) by implementing this interface and putting it in a <see cref="PoolingSchedule"/>; the engine is unchanged.
/// </summary>
public interface IPoolingRule
{
    /// <summary>Short description for tables and messages.</summary>
    string Name { get; }

    /// <summary>Computes the year's transfers.</summary>
    /// <param name="year">The year's flows and ledger state (scheduled subsidies included).</param>
    /// <param name="paidOut">Per province: paid to the pool, yuan (上解).</param>
    /// <param name="received">Per province: received from the pool, yuan (拨付).</param>
    internal void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received);
}

/// <summary>Provincial pooling (省级统筹, the regime up to 2018-06): each province's fund stands alone, no transfers.</summary>
internal sealed record ProvincialPooling : IPoolingRule
{
    /// <inheritdoc />
    public string Name => "provincial pooling";

    /// <inheritdoc />
    public void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received) { }
}

/// <summary>The counterfactual "no transfer at all", for any year (e.g. 2018+ as if neither the central adjustment nor national pooling existed).</summary>
internal sealed record NoTransfers : IPoolingRule
{
    /// <inheritdoc />
    public string Name => "no transfers (counterfactual)";

    /// <inheritdoc />
    public void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received) { }
}

/// <summary>
/// The central adjustment system 企业职工基本养老保险基金中央调剂制度, 国发〔2018〕18号, 2018-07-01 to 2021
/// (reference §3.1 [S]):
/// <code>
/// paid_i     = AvgWage_i × 90% × N_i × r × f          (上解额; f = fraction of the year in force, ½ in 2018)
/// A          = Σ_j paid_j / Σ_j R_j                     (全国人均拨付额, "以收定支")
/// received_i = R_i × A                                  (拨付额)
/// </code>
/// with N = <see cref="FundFlows.ContributingWorkers"/> (the statute's 在职应参保人数 — the average of insured workers
/// and NBS enterprise employment, [U] in the reference — is for the scheme layer to put there if wanted) and
/// R = <see cref="FundFlows.Retirees"/>. The ratio r is the lever (3% → 4.5% historically; 6%, 9% … as scenarios).
/// </summary>
internal sealed record CentralAdjustment : IPoolingRule
{
    /// <summary>Share of the average wage that is the contribution base of the adjustment: 90% (国发〔2018〕18号, reference §3.1 [S]).</summary>
    public const double StatutoryWageBaseShare = 0.90;

    /// <summary>Creates the rule.</summary>
    /// <param name="ratio">The 上解比例 r, in [0, 1].</param>
    /// <param name="yearFraction">Fraction of the year the system is in force, in (0, 1] (½ for 2018, in force from 1 July).</param>
    /// <param name="wageBaseShare">Share of the average wage used as base, in (0, 1]; default 90%.</param>
    public CentralAdjustment(double ratio, double yearFraction = 1, double wageBaseShare = StatutoryWageBaseShare)
    {
        if (!double.IsFinite(ratio) || ratio < 0 || ratio > 1)
        {
            throw new InputDataException("central adjustment", null, "ratio", ratio.ToString("R", CultureInfo.InvariantCulture), "a ratio in [0, 1] (0–100%)");
        }
        if (!double.IsFinite(yearFraction) || yearFraction <= 0 || yearFraction > 1)
        {
            throw new InputDataException("central adjustment", null, "yearFraction", yearFraction.ToString("R", CultureInfo.InvariantCulture), "a fraction in (0, 1]");
        }
        if (!double.IsFinite(wageBaseShare) || wageBaseShare <= 0 || wageBaseShare > 1)
        {
            throw new InputDataException("central adjustment", null, "wageBaseShare", wageBaseShare.ToString("R", CultureInfo.InvariantCulture), "a share in (0, 1]");
        }
        Ratio = ratio;
        YearFraction = yearFraction;
        WageBaseShare = wageBaseShare;
    }

    /// <summary>The 上解比例 r.</summary>
    public double Ratio { get; }

    /// <summary>Fraction of the year in force.</summary>
    public double YearFraction { get; }

    /// <summary>Share of the average wage used as base.</summary>
    public double WageBaseShare { get; }

    /// <inheritdoc />
    public string Name => YearFraction == 1
        ? $"central adjustment {Ratio:P1}"
        : $"central adjustment {Ratio:P1} × {YearFraction:0.##} year";

    /// <inheritdoc />
    public void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received)
    {
        TensorPrimitives.Multiply(year.AverageWage, year.ContributingWorkers, paidOut);
        TensorPrimitives.Multiply(paidOut, WageBaseShare * Ratio * YearFraction, paidOut);
        double retirees = TensorPrimitives.Sum(year.Retirees);
        if (retirees <= 0)
        {
            paidOut.Clear();
            return;
        }
        double perRetiree = TensorPrimitives.Sum<double>(paidOut) / retirees;
        TensorPrimitives.Multiply(year.Retirees, perRetiree, received);
    }
}

/// <summary>
/// National pooling 全国统筹 (from 2022-01-01; reference §4.1): current-year surpluses and gaps of the provincial funds
/// are adjusted nationally. The published statutes give no formula (§4.1: "not found"); this rule is the reading that
/// only surplus provinces pay in (gross ≈ net):
/// <code>
/// s_i  = contributions_i + scheduled subsidies_i − pensions_i      (current-year result; subsidies counted when CountSubsidies)
/// G    = Σ_i max(0, −s_i),  S = Σ_i max(0, s_i)
/// pool = min(PoolShareOfGaps × G, MaxLevyOnSurplus × S)
/// paid_i     = pool × max(0, s_i) / S                      (surplus provinces, in proportion to their surplus)
/// received_i = pool × max(0, −s_i) / G                     (gap provinces, in proportion to their gap)
/// </code>
/// <see cref="PoolShareOfGaps"/> is the central (national) burden share of provincial gaps; the rest, 1 − share,
/// stays the province's responsibility (its accumulated balance, then the subsidy backstop).
/// <para>Calibration (<c>ChinaFunds.ApplyTo2024Table</c> in Actuarial.China; no projected 2022 flows exist): taking 2024 revenue −
/// expenditure by province as the current result, the defaults (1, 1) give a pool of 2,259 亿 paid by 20 provinces,
/// Guangdong 868 亿 (38.4%), Liaoning receiving 848 and Heilongjiang 662, against the 2022 budget of 2,175 亿 from 21
/// provinces, Guangdong 885 亿 (40.7%), Liaoning and Heilongjiang each &gt; 800 (reference §4.2 [S2]). Scaled to 2022 by
/// national expenditure (59,035 / 67,656) the pool would be ≈1,971 亿. Whether the table's revenue and expenditure
/// already hold the pooling receipts and payments the sources do not say (data/README.md). With the defaults they cannot:
/// after full coverage no province stays in deficit, and the table has 11 (<c>ChinaFunds.PreTransfer2024</c> finds
/// no fixed point), so the default reading is pre-transfer. Read as post-transfer, results are the pre-transfer ones scaled
/// by (1 − levy) and (1 − coverage), which leaves the payers and Guangdong's share unchanged, while the pool size needs an
/// outside figure: with the 2022 actual of 2,440 亿 the implied coverage is 2,440 / (2,259 + 2,440) = 52% of gaps and the
/// levy 2,440 / (9,288 + 2,440) = 21% of surpluses [D]; calibrate on <c>ChinaSchemeTargets.PreTransfer2024Targets</c> then.</para>
/// </summary>
internal sealed record NationalPooling : IPoolingRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="poolShareOfGaps">Share of each gap province's current gap the national pool covers, in [0, 1].</param>
    /// <param name="maxLevyOnSurplus">Largest share of a surplus province's current surplus it can be asked to pay, in [0, 1].</param>
    /// <param name="countSubsidies">Whether scheduled fiscal subsidies count in the current surplus ("after local fiscal responsibility").</param>
    public NationalPooling(double poolShareOfGaps = 1, double maxLevyOnSurplus = 1, bool countSubsidies = true)
    {
        CheckShare(poolShareOfGaps, "poolShareOfGaps");
        CheckShare(maxLevyOnSurplus, "maxLevyOnSurplus");
        PoolShareOfGaps = poolShareOfGaps;
        MaxLevyOnSurplus = maxLevyOnSurplus;
        CountSubsidies = countSubsidies;
    }

    /// <summary>Share of provincial gaps the national pool covers (the central burden share; 1 − it is the provincial share).</summary>
    public double PoolShareOfGaps { get; }

    /// <summary>Largest share of a provincial surplus that is levied.</summary>
    public double MaxLevyOnSurplus { get; }

    /// <summary>Whether scheduled subsidies count in the current surplus.</summary>
    public bool CountSubsidies { get; }

    /// <inheritdoc />
    public string Name => $"national pooling (gaps {PoolShareOfGaps:P0}, levy ≤ {MaxLevyOnSurplus:P0})";

    /// <inheritdoc />
    public void ComputeTransfers(in FundYear year, Span<double> paidOut, Span<double> received)
    {
        double surplus = 0, gap = 0;
        bool subsidies = CountSubsidies && year.ScheduledSubsidies.Length == paidOut.Length;
        for (int i = 0; i < paidOut.Length; i++)
        {
            double s = CurrentResult(year, i, subsidies);
            if (s > 0) surplus += s; else gap -= s;
        }
        double pool = Math.Min(PoolShareOfGaps * gap, MaxLevyOnSurplus * surplus);
        if (!(pool > 0)) return;
        double payRate = pool / surplus, receiveRate = pool / gap;
        for (int i = 0; i < paidOut.Length; i++)
        {
            double s = CurrentResult(year, i, subsidies);
            if (s > 0) paidOut[i] = s * payRate; else received[i] = -s * receiveRate;
        }
    }

    private static double CurrentResult(in FundYear year, int i, bool subsidies) =>
        year.Contributions[i] + (subsidies ? year.ScheduledSubsidies[i] : 0) - year.Pensions[i];

    private static void CheckShare(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new InputDataException("national pooling", null, field, value.ToString("R", CultureInfo.InvariantCulture), "a share in [0, 1]");
        }
    }
}
