namespace Actuarial.Pillars;

/// <summary>
/// The assumptions of the funded pillars (enterprise and occupational annuities, the personal pension). Immutable;
/// China's (<c>ChinaDefaults.Pillars()</c> in Actuarial.China) start from the published end-2024 figures
/// (<c>data/supplementary_pensions_2024.csv</c>). What no source gives is named here as an assumption with its reason.
/// </summary>
public sealed record PillarAssumptions
{
    /// <summary>The pillars at the end of the base year; required (China's: <c>PillarFigures2024.BaseYearFigures</c> in Actuarial.China).</summary>
    internal PillarBaseYearFigures? BaseYearFigures { get; init; }

    /// <summary>The base-year figures in force.</summary>
    /// <exception cref="InputDataException">No figures are set.</exception>
    internal PillarBaseYearFigures EffectiveBaseYearFigures => BaseYearFigures
        ?? throw new InputDataException("pillar assumptions", null, nameof(BaseYearFigures), null, "the pillars' base-year figures (ChinaDefaults.Pillars() for China)");

    /// <summary>
    /// Share of the eligible (employee-scheme contributors and the residents' contributor-status members) who pay into a
    /// personal pension, by year; null = the 2024 share held: 22% of the 72.79 million accounts of November 2024 [S2] over
    /// the eligible of the model's 2024 (ASSUMPTION: no trend of take-up is published). The lever
    /// <c>pillars.personal_pension.take_up</c>.
    /// </summary>
    public AnnualPath? PersonalPensionTakeUp { get; init; }

    /// <summary>
    /// What a contributor pays into the personal pension in 2024, yuan a year, then growing with the average covered
    /// wage up to the 12,000-yuan cap (held nominal: 国办发〔2022〕7号 adjusts it "in due course" with no rule). ASSUMPTION:
    /// 6,000 yuan, half the cap: no published total of contributions was found; reports say most contributors pay well
    /// below the cap (SCMP 2023-11).
    /// </summary>
    public double PersonalPensionContribution2024Yuan { get; init => field = InRange(value, 0, 12_000, nameof(PersonalPensionContribution2024Yuan)); } = 6_000;

    /// <summary>
    /// The marginal income-tax rate at which contributions are deducted (公告2022年第34号: deducted from taxable income);
    /// 0 = no deduction. ASSUMPTION: 10%, the rate of annual taxable income 36,000–144,000 yuan in the individual income tax
    /// law's table, as contributors are mostly middle-income (Xinhua 2024-06-08: middle and high income aged 31–40).
    /// The lever <c>pillars.personal_pension.deduction_tax_rate</c>.
    /// </summary>
    public double DeductionTaxRate { get; init => field = InRange(value, 0, 0.45, nameof(DeductionTaxRate)); } = 0.10;

    /// <summary>The tax on personal-pension withdrawals, 3% (公告2022年第34号). The lever <c>pillars.personal_pension.withdrawal_tax_rate</c>.</summary>
    public double WithdrawalTaxRate { get; init => field = InRange(value, 0, 0.45, nameof(WithdrawalTaxRate)); } = PillarRules.PersonalPensionWithdrawalTaxRate;

    /// <summary>
    /// Extra nominal return of the pillars over the return of the basic pension funds (which the pillars earn otherwise,
    /// on the same economic path). ASSUMPTION: 0; the enterprise annuities' 2007–2024 mean of 6.17% [S2] is above the basic
    /// funds', with more equities, but no projection of the gap was found.
    /// </summary>
    public double ReturnPremium { get; init => field = InRange(value, -0.05, 0.05, nameof(ReturnPremium)); }

    /// <summary>
    /// Completed age whose divisor (the basic pension account's 计发月数) converts a balance to an annuity: 60 (139 months).
    /// ASSUMPTION: the annuities are paid over the divisor of age 60 whatever the retirement age (the occupational rule uses
    /// the member's own age; the statutory ages are 60–63 for men and 55–58 for cadres after the 2025 reform).
    /// </summary>
    public int AnnuityAge { get; init => field = (int)InRange(value, 40, 70, nameof(AnnuityAge)); } = 60;

    private static double InRange(double value, double min, double max, string name) =>
        double.IsFinite(value) && value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"a value in [{min}, {max}]");
}
