namespace Actuarial.Pillars;

/// <summary>
/// The rules of the funded pillars, each from its policy document. Money in nominal yuan; rates are shares of a base.
/// </summary>
internal static class PillarRules
{
    /// <summary>
    /// Occupational annuity: the employer pays 8% of the member's contribution base (本单位工资总额的8%) and the member 4% of
    /// the same base as the basic pension (本人缴费工资的4%), 《机关事业单位职业年金办法》 (国办发〔2015〕18号, from 1 October 2014,
    /// with 国发〔2015〕2号).
    /// </summary>
    public const double OccupationalEmployerRate = 0.08, OccupationalMemberRate = 0.04;

    /// <summary>
    /// Enterprise annuity: the employer pays at most 8% of the wage bill and employer + employee at most 12%
    /// (《企业年金办法》, 人社部令第36号, from 1 February 2018, art. 15).
    /// </summary>
    public const double EnterpriseEmployerRateCap = 0.08, EnterpriseCombinedRateCap = 0.12;

    /// <summary>Personal pension: at most 12,000 yuan a year (国办发〔2022〕7号), also the tax deduction's cap (财政部 税务总局公告2022年第34号).</summary>
    public const double PersonalPensionAnnualCapYuan = 12_000;

    /// <summary>Personal pension withdrawals are taxed at 3%, apart from other income (财政部 税务总局公告2022年第34号).</summary>
    public const double PersonalPensionWithdrawalTaxRate = 0.03;

    /// <summary>
    /// A fund's year: closing = opening + contributions + returns − annuities paid − balances of the annuitants who died,
    /// paid to their heirs: the occupational annuity's balance can be inherited (可以继承, 国办发〔2015〕18号 art. 9), as can the
    /// personal pension's (参加人死亡后，其个人养老金资金账户中的资产可以继承, 国办发〔2022〕7号).
    /// </summary>
    public static double ClosingAssets(double opening, double contributions, double returns, double payouts, double inheritedPayouts) =>
        opening + contributions + returns - payouts - inheritedPayouts;

    /// <summary>
    /// The monthly annuity of a balance: the balance over the divisor of the retirement age, the months of the basic pension's
    /// individual account (按照本人退休时对应的计发月数计发, 国办发〔2015〕18号 art. 9 for the occupational annuity), paid until the
    /// balance runs out (发完为止), the rest going to the heirs.
    /// </summary>
    public static double MonthlyAnnuity(double balance, int divisorMonths)
    {
        if (divisorMonths <= 0) throw new ArgumentOutOfRangeException(nameof(divisorMonths), divisorMonths, "a divisor of at least one month");
        return balance / divisorMonths;
    }

    /// <summary>A personal-pension contribution: what the person means to pay, at most the yearly cap.</summary>
    public static double PersonalPensionContribution(double intendedYuan) => Math.Clamp(intendedYuan, 0, PersonalPensionAnnualCapYuan);

    /// <summary>The tax a contribution saves: it is deducted from taxable income (公告2022年第34号), so the saving is the contributor's marginal rate × the contribution.</summary>
    public static double TaxSaved(double contributionYuan, double marginalTaxRate) => contributionYuan * marginalTaxRate;

    /// <summary>What a withdrawal pays after the withdrawal tax.</summary>
    public static double NetOfWithdrawalTax(double grossYuan, double withdrawalTaxRate) => grossYuan * (1 - withdrawalTaxRate);
}
