using System.Collections.Frozen;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>
/// Contribution rates of the urban employee basic pension: the employer's rate to the pooled fund (统筹基金) and the
/// employee's rate to the individual account (个人账户), both as shares of the contribution base
/// (<see cref="ContributionBase"/>), by calendar month, with an optional per-province employer rate and a temporary
/// relief lever. Immutable; override a piece with <c>with</c>.
/// </summary>
/// <remarks>
/// <para>China defaults (<c>ChinaDefaults.ContributionRates()</c> in Actuarial.China):</para>
/// <list type="bullet">
/// <item>Employer to the pooled fund: 20% from 2006-01 (the typical rate before 2016; [S2] CASS 中国社会保障发展报告(2019)),
/// 16% from 2019-05-01 ([S] 国务院办公厅《降低社会保险费率综合方案》国办发〔2019〕13号). The national schedule ignores the
/// optional 2016-05 cut to 19% that some provinces took (which provinces is not in the sources).</item>
/// <item>Employee to the individual account: 8% from 2006-01 ([S] 国发〔2005〕38号 as applied, e.g. Shanghai's 2019 notice
/// "个人缴费比例不作调整，仍为8%"). The pre-2006 11% account credit is [U] and not shipped: the schedule starts in 2006-01.</item>
/// <item>Province override: Shanghai (31) 21% before 2016-05 ([S2] CASS 2019 via 3150.net; the 2006-01 start of the 21% is
/// an assumption), 20% from 2016-05 ([S2] the 2016 temporary cut: provinces above 20% → 20% from 2016-05-01), 16% from
/// 2019-05 ([S] 沪人社规〔2019〕14号).</item>
/// <item>Relief: none. The 2020 COVID waivers of employer contributions (recalled as 人社部发〔2020〕11号: waived or halved
/// from February 2020 depending on firm size, later extended) are [U] — the sources only say 2020 revenue fell because
/// of them and give no national share waived — so the lever is supported but empty.</item>
/// </list>
/// </remarks>
public sealed record ContributionRates
{
    /// <summary>Creates the rates.</summary>
    /// <param name="employerToPool">Employer rate to the pooled fund, national rule.</param>
    /// <param name="employeeToAccount">Employee rate to the individual account.</param>
    /// <param name="provincialEmployerRates">Employer rates of provinces whose rate differs from the national rule, keyed by GB/T 2260 code; null or empty for none.</param>
    /// <param name="relief">Temporary relief on employer contributions; null for none.</param>
    internal ContributionRates(RateSchedule employerToPool, RateSchedule employeeToAccount,
        IReadOnlyDictionary<int, RateSchedule>? provincialEmployerRates = null, ContributionRelief? relief = null)
    {
        EmployerToPool = employerToPool;
        EmployeeToAccount = employeeToAccount;
        ProvincialEmployerRates = provincialEmployerRates ?? FrozenDictionary<int, RateSchedule>.Empty;
        Relief = relief ?? ContributionRelief.None;
    }

    /// <summary>Employer rate to the pooled fund (national rule).</summary>
    internal RateSchedule EmployerToPool { get; init => field = RuleChecks.NotNull(value, nameof(EmployerToPool)); }

    /// <summary>Employee rate to the individual account.</summary>
    internal RateSchedule EmployeeToAccount { get; init => field = RuleChecks.NotNull(value, nameof(EmployeeToAccount)); }

    /// <summary>Employer rates of provinces whose rate differs from <see cref="EmployerToPool"/>, by GB/T 2260 code.</summary>
    /// <exception cref="InputDataException">A key is not one of the 31 province codes.</exception>
    internal IReadOnlyDictionary<int, RateSchedule> ProvincialEmployerRates
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var code in value.Keys)
            {
                if (Regions.ProvinceIndex(code) < 0)
                {
                    throw new InputDataException(nameof(ContributionRates), null, nameof(ProvincialEmployerRates), RuleChecks.Show(code),
                        "a GB/T 2260 code of one of the 31 provinces (11..65)");
                }
                RuleChecks.NotNull(value[code], nameof(ProvincialEmployerRates));
            }
            field = value.ToFrozenDictionary();
        }
    }

    /// <summary>Temporary relief on employer contributions (a share waived by year).</summary>
    internal ContributionRelief Relief { get; init => field = RuleChecks.NotNull(value, nameof(Relief)); }

    /// <summary>The employer's statutory rate to the pooled fund in a month (before relief).</summary>
    /// <param name="month">Calendar month.</param>
    /// <param name="provinceCode">GB/T 2260 code; 0 (the default) or a province without an override uses the national rule.</param>
    internal double EmployerMonthly(YearMonth month, int provinceCode = 0) => EmployerSchedule(provinceCode).Monthly(month);

    /// <summary>The employer's annual-effective statutory rate (mean of the year's twelve monthly rates, before relief).</summary>
    internal double EmployerAnnual(int year, int provinceCode = 0) => EmployerSchedule(provinceCode).AnnualEffective(year);

    /// <summary>The employer's annual-effective rate after relief: <c>EmployerAnnual × (1 − share waived that year)</c>.</summary>
    internal double EmployerAnnualAfterRelief(int year, int provinceCode = 0) => EmployerAnnual(year, provinceCode) * (1 - Relief.WaivedShare(year));

    /// <summary>The employee's rate to the individual account in a month.</summary>
    internal double EmployeeMonthly(YearMonth month) => EmployeeToAccount.Monthly(month);

    /// <summary>The employee's annual-effective rate to the individual account.</summary>
    public double EmployeeAnnual(int year) => EmployeeToAccount.AnnualEffective(year);

    /// <summary>The employer schedule that applies in a province (its override, else the national rule).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is neither 0 nor one of the 31 province codes.</exception>
    internal RateSchedule EmployerSchedule(int provinceCode = 0)
    {
        if (ProvincialEmployerRates.TryGetValue(provinceCode, out var schedule)) return schedule;
        if (provinceCode != 0 && Regions.ProvinceIndex(provinceCode) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(provinceCode), provinceCode, "expected 0 (national) or a GB/T 2260 province code (11..65)");
        }
        return EmployerToPool;
    }
}

/// <summary>
/// Temporary relief on employer contributions to the pooled fund: for a calendar year, the share of the employer's
/// contributions that is waived (0 = none, 1 = all). Years not listed have no relief. Immutable.
/// </summary>
/// <remarks>
/// The lever models measures such as the 2020 COVID waivers (recalled as 人社部发〔2020〕11号, [U]); the national share
/// actually waived is not in the sources, so <see cref="None"/> is the default.
/// </remarks>
internal sealed record ContributionRelief
{
    /// <summary>Creates the relief table.</summary>
    /// <param name="waivedShareByYear">Share of employer contributions waived, by calendar year, each in [0, 1].</param>
    /// <exception cref="InputDataException">A share outside [0, 1].</exception>
    public ContributionRelief(IReadOnlyDictionary<int, double> waivedShareByYear)
    {
        WaivedShareByYear = waivedShareByYear;
    }

    /// <summary>No relief in any year.</summary>
    public static ContributionRelief None { get; } = new(new Dictionary<int, double>());

    /// <summary>Share of employer contributions waived, by calendar year.</summary>
    public IReadOnlyDictionary<int, double> WaivedShareByYear
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var (year, share) in value) RuleChecks.Rate(share, nameof(ContributionRelief), $"waived share [{year}]");
            field = value.ToFrozenDictionary();
        }
    }

    /// <summary>The share waived in a year (0 when the year is not listed).</summary>
    public double WaivedShare(int year) => WaivedShareByYear.TryGetValue(year, out var share) ? share : 0;
}
