using Actuarial.China;
using Actuarial.IO;
using Actuarial.Pensions;
using FsCheck;
using FsCheck.Fluent;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Pensions;

[TestFixture]
public sealed class BenefitFormulaTests
{
    private static readonly BenefitFormula Formula = ChinaDefaults.BenefitFormula();

    [Test]
    public void Basic_pension_by_hand()
    {
        // W = 8,000 yuan/month, I = 1.2, Y = 35 years:
        // indexed wage W × I = 9,600; (8,000 + 9,600) / 2 = 8,800; 8,800 × 35 × 1% = 3,080 yuan/month.
        Assert.That(Formula.BasicPension(8000, 1.2, 35), Is.EqualTo(3080).Within(1e-9));
        // W = 6,000, I = 0.6 (the floor), Y = 15: (6,000 + 3,600) / 2 × 15 × 1% = 4,800 × 0.15 = 720.
        Assert.That(Formula.BasicPension(6000, 0.6, 15), Is.EqualTo(720).Within(1e-9));
        // I = 1 means the average wage: W × Y × 1% = 5,000 × 40 × 1% = 2,000.
        Assert.That(Formula.BasicPension(5000, 1.0, 40), Is.EqualTo(2000).Within(1e-9));
    }

    [Test]
    public void Individual_account_pension_by_hand()
    {
        var divisors = ChinaDefaults.Divisors();
        Assert.Multiple(() =>
        {
            // 139,000 yuan at 60 (divisor 139): 139,000 / 139 = 1,000 yuan/month.
            Assert.That(BenefitFormula.IndividualAccountPension(139_000, 139), Is.EqualTo(1000).Within(1e-9));
            // 200,000 yuan at 55 (divisor 170): 200,000 / 170 = 1,176.4705882…
            Assert.That(BenefitFormula.IndividualAccountPension(200_000, divisors, 55 * 12), Is.EqualTo(1176.470588235294).Within(1e-9));
            // 117,000 at 63 years 0 months (divisor 117) = 1,000; at 60 years 7 months the completed age 60 reads 139.
            Assert.That(BenefitFormula.IndividualAccountPension(117_000, divisors, 63 * 12), Is.EqualTo(1000).Within(1e-9));
            Assert.That(BenefitFormula.IndividualAccountPension(139_000, divisors, 60 * 12 + 7), Is.EqualTo(1000).Within(1e-9));
        });
    }

    [Test]
    public void Transitional_pension_and_the_total_by_hand()
    {
        // W × I × deemed years × 1.2% = 8,000 × 1.2 × 10 × 0.012 = 9,600 × 0.12 = 1,152.
        Assert.That(Formula.TransitionalPension(8000, 1.2, 10), Is.EqualTo(1152).Within(1e-9));
        // Coefficient 1.4%: 9,600 × 10 × 0.014 = 1,344.
        Assert.That((Formula with { TransitionalCoefficient = 0.014 }).TransitionalPension(8000, 1.2, 10), Is.EqualTo(1344).Within(1e-9));
        // Total: 3,080 (basic, Y = 35 incl. 10 deemed) + 1,000 (139,000 / 139) + 1,152 = 5,232.
        var pension = ChinaDefaults.SchemeRules().NewPension(8000, 1.2, 35, 10, 139_000, 60 * 12 + 7);
        Assert.Multiple(() =>
        {
            Assert.That(pension.Basic, Is.EqualTo(3080).Within(1e-9));
            Assert.That(pension.IndividualAccount, Is.EqualTo(1000).Within(1e-9));
            Assert.That(pension.Transitional, Is.EqualTo(1152).Within(1e-9));
            Assert.That(pension.Total, Is.EqualTo(5232).Within(1e-9));
        });
    }

    [Test]
    public void Bad_parameters_and_arguments_are_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<InputDataException>(() => _ = Formula with { TransitionalCoefficient = 0.03 });
            Assert.Throws<InputDataException>(() => _ = Formula with { AccrualRatePerYear = -0.01 });
            Assert.Throws<ArgumentOutOfRangeException>(() => Formula.BasicPension(0, 1, 10));
            Assert.Throws<ArgumentOutOfRangeException>(() => Formula.BasicPension(8000, 1, -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => BenefitFormula.IndividualAccountPension(1000, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => BenefitFormula.IndividualAccountPension(-1, 139));
            Assert.Throws<ArgumentOutOfRangeException>(() => Formula.NewPension(8000, 1, 10, 12, 0, 139), "more deemed years than years");
        });
    }

    private static readonly Arbitrary<(double Wage, double Index, double Years, double Extra, double Deemed, double Balance, int Age)> Persons =
        Gen.Zip(Gen.Zip(Gen.Zip(Gen.Choose(1000, 30_000), Gen.Choose(60, 300)), Gen.Zip(Gen.Choose(0, 450), Gen.Choose(0, 200))),
                Gen.Zip(Gen.Zip(Gen.Choose(0, 100), Gen.Choose(0, 1_000_000)), Gen.Choose(40 * 12, 70 * 12)))
            .Select(t => ((double)t.Item1.Item1.Item1, t.Item1.Item1.Item2 / 100.0, t.Item1.Item2.Item1 / 10.0, t.Item1.Item2.Item2 / 10.0,
                t.Item2.Item1.Item1 / 100.0, (double)t.Item2.Item1.Item2, t.Item2.Item2))
            .ToArbitrary();

    [FsProperty(MaxTest = 500)]
    public Property More_contribution_years_never_lower_a_pension() => Prop.ForAll(Persons, p =>
    {
        var rules = ChinaDefaults.SchemeRules();
        double deemed = p.Deemed * p.Years; // a share of the shorter career
        var shorter = rules.NewPension(p.Wage, p.Index, p.Years, deemed, p.Balance, p.Age);
        var longer = rules.NewPension(p.Wage, p.Index, p.Years + p.Extra, deemed, p.Balance, p.Age);
        return longer.Total >= shorter.Total && longer.Basic >= shorter.Basic
               && (p.Extra == 0 || longer.Basic > shorter.Basic || p.Years + p.Extra == 0);
    });
}
