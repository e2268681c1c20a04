using Actuarial.Pillars;

namespace Actuarial.Scenarios;

// The funded pillars (issue 18 part 3): the personal pension's take-up and its tax treatment. They move the pillars'
// tables only: the basic pension funds do not read them.
public static partial class Levers
{
    /// <summary>Share of the eligible paying into a personal pension. <c>pillars.personal_pension.take_up</c>.</summary>
    public static Lever PersonalPensionTakeUp => PillarLevers.TakeUp;

    /// <summary>Marginal tax rate at which personal-pension contributions are deducted. <c>pillars.personal_pension.deduction_tax_rate</c>.</summary>
    public static Lever PersonalPensionDeductionTaxRate => PillarLevers.DeductionTaxRate;

    /// <summary>Tax on personal-pension withdrawals. <c>pillars.personal_pension.withdrawal_tax_rate</c>.</summary>
    public static Lever PersonalPensionWithdrawalTaxRate => PillarLevers.WithdrawalTaxRate;

    private const string TaxNotice2022 = "财政部 税务总局公告2022年第34号";

    // In a nested class: static fields of a partial class initialise in an order undefined across its files.
    private static class PillarLevers
    {
        internal static readonly Lever TakeUp = new(
            new LeverSpec("pillars.personal_pension.take_up", LeverKind.Path, "share of the eligible", 0, 1,
                "the 2024 share held: 22% of the 72.79 million accounts of November 2024 contributing, over the eligible of 2024",
                $"Share of the eligible (employee-scheme contributors and the residents' scheme's contributor-status members, 国办发〔2022〕7号) who pay into a personal pension each year; each pays the assumed contribution growing with the average wage, at most 12,000 yuan a year; {HoldsToHorizon}."),
            (s, p) => s with { Pillars = s.Pillars with { PersonalPensionTakeUp = AnnualPath.Constant("personal-pension take-up", p.FirstYear, s.EndYear, 0).Map((year, _) => p.At(year)) } });

        internal static readonly Lever DeductionTaxRate = new(
            new LeverSpec("pillars.personal_pension.deduction_tax_rate", LeverKind.Number, "share of the contribution", 0, 0.45, "0.10 (assumed marginal rate of contributors)",
                $"Marginal income-tax rate at which contributions are deducted from taxable income ({TaxNotice2022}); 0 removes the deduction. The budget forgoes this share of the contributions. At most 45%, the top rate of the individual income tax."),
            (s, p) => s with { Pillars = s.Pillars with { DeductionTaxRate = p.Values[0] } });

        internal static readonly Lever WithdrawalTaxRate = new(
            new LeverSpec("pillars.personal_pension.withdrawal_tax_rate", LeverKind.Number, "share of the withdrawal", 0, 0.45, $"0.03 ({TaxNotice2022})",
                "Tax on personal-pension withdrawals, apart from other income; the annuity in the replacement rates is net of it. At most 45%, the top rate of the individual income tax."),
            (s, p) => s with { Pillars = s.Pillars with { WithdrawalTaxRate = p.Values[0] } });
    }

    private static IEnumerable<LeverSpec> PillarSpecs() =>
        [PersonalPensionTakeUp.Spec, PersonalPensionDeductionTaxRate.Spec, PersonalPensionWithdrawalTaxRate.Spec];
}
