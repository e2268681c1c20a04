using Actuarial.Funds;
using NUnit.Framework;

namespace Actuarial.Tests.Funds;

/// <summary>
/// Why the tornado's low-cost real-wage path can show a slightly worse 75-year actuarial balance than the high-cost one
/// (−42.7% against −42.2% of the wage bill) while it lowers the cost rate of every year, delays depletion and raises
/// the peak: the balance is a ratio of present values at the funds' returns, which do not move with wages. A wage bill
/// that grows faster gives the late years, where the cost rate is highest, more weight, and makes the opening fund a
/// smaller share of the discounted wage bill. An effect of the measure (r − g), not a sign or label error.
/// </summary>
[TestFixture]
public sealed class ActuarialBalanceWeightingTests
{
    [Test]
    public void A_faster_growing_wage_bill_can_worsen_the_balance_while_every_years_cost_rate_falls()
    {
        const int years = 75;
        const double contributionRate = 0.24, fundReturn = 0.05, openingFund = 0.5;
        (double Balance, double[] CostRates) Run(double wageGrowth, double costCut)
        {
            var income = new double[years];
            var cost = new double[years];
            var wages = new double[years];
            var rates = new double[years];
            var costRates = new double[years];
            double w = 1;
            for (int k = 0; k < years; k++)
            {
                // The cost rate rises from 27% to 100% of the wage bill with ageing (as in the baseline, 2025 → 2100).
                costRates[k] = (0.27 + 0.73 * k / (years - 1)) * (1 - costCut);
                wages[k] = w;
                income[k] = contributionRate * w;
                cost[k] = costRates[k] * w;
                rates[k] = fundReturn;
                w *= 1 + wageGrowth;
            }
            return (SolvencyMeasures.ActuarialBalance(income, cost, wages, openingFund, rates, (1 - costCut) * w).ActuarialBalance, costRates);
        }
        // Faster wages: a 5% lower cost rate every year (indexation below wage growth), and a wage bill growing 5% a year
        // instead of 2%, against the same 5% return.
        var fast = Run(wageGrowth: 0.05, costCut: 0.05);
        var slow = Run(wageGrowth: 0.02, costCut: 0);
        for (int k = 0; k < years; k++) Assert.That(fast.CostRates[k], Is.LessThan(slow.CostRates[k]));
        Assert.That(fast.Balance, Is.LessThan(slow.Balance), "the late, costly years weigh more when the wage bill grows faster than before");
    }
}
