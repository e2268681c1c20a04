using Actuarial.China;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Validation;

/// <summary>The accrued-to-date liability of the baseline: a closed group's pensions, discounted.</summary>
[TestFixture]
public sealed class ImplicitDebtTests
{
    private static readonly Lazy<PensionProjection> Baseline = ChinaBaseline.Projection;

    [Test]
    public void The_closed_group_pays_less_than_the_open_scheme_and_runs_down()
    {
        var debt = AccruedToDateLiability.Compute(Baseline.Value, 0.03);
        var open = Baseline.Value.Funds.YearTable().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year, r => r.Spending);
        TestContext.Out.WriteLine($"ADL at 3%: {debt.AccruedToDateLiabilityYuan / 1e12:F1} trillion yuan; net of funds {debt.NetImplicitDebtYuan / 1e12:F1}");
        // 2025: the closed group has the same pensioners as the open scheme, so spending starts equal (within the new
        // retirees of 2025, who retire in both), then falls below it as nobody new accrues.
        Assert.That(debt.AccruedPaymentsYuan[0], Is.EqualTo(open[2025]).Within(0.02 * open[2025]));
        Assert.That(debt.AccruedPaymentsYuan[2050 - debt.FirstYear], Is.LessThan(open[2050]));
        Assert.That(debt.AccruedPaymentsYuan[^1], Is.LessThan(debt.AccruedPaymentsYuan[2040 - debt.FirstYear]));
        Assert.That(debt.NetImplicitDebtYuan, Is.EqualTo(debt.AccruedToDateLiabilityYuan - debt.FundYuan).Within(1));
    }

    [Test]
    public void A_lower_discount_rate_gives_a_larger_liability()
    {
        var atThree = AccruedToDateLiability.Compute(Baseline.Value, 0.03);
        var atTwo = AccruedToDateLiability.Compute(Baseline.Value, 0.02);
        Assert.That(atTwo.AccruedToDateLiabilityYuan, Is.GreaterThan(atThree.AccruedToDateLiabilityYuan));
    }
}
