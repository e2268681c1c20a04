namespace Actuarial.Tests.Funds;

/// <summary>
/// The ledger written as plainly as possible, one province and one year at a time, with its own copies of the
/// central adjustment and national pooling formulas: the reference the engine is checked against.
/// </summary>
internal static class ScalarReferenceLedger
{
    public enum Pooling { None, CentralAdjustment, NationalPooling }

    /// <summary>Year-end balances [year][province].</summary>
    public static double[][] Run(
        double[][] contributions, double[][] pensions, double[][] workers, double[][] retirees, double[][] wages,
        double[] opening, double entrustedShare, double entrustedReturn, double otherReturn,
        double subsidyShareOfSpending, bool floorAtZero, Pooling pooling, double ratio)
    {
        int years = contributions.Length, n = opening.Length;
        var closing = new double[years][];
        var balance = (double[])opening.Clone();
        double rate = entrustedShare * entrustedReturn + (1 - entrustedShare) * otherReturn;
        for (int t = 0; t < years; t++)
        {
            var subsidy = new double[n];
            for (int i = 0; i < n; i++) subsidy[i] = subsidyShareOfSpending * pensions[t][i];

            var paid = new double[n];
            var got = new double[n];
            if (pooling == Pooling.CentralAdjustment)
            {
                double pool = 0, allRetirees = 0;
                for (int i = 0; i < n; i++)
                {
                    paid[i] = wages[t][i] * 0.9 * workers[t][i] * ratio;
                    pool += paid[i];
                    allRetirees += retirees[t][i];
                }
                for (int i = 0; i < n; i++) got[i] = retirees[t][i] * (pool / allRetirees);
            }
            else if (pooling == Pooling.NationalPooling)
            {
                double surplus = 0, gap = 0;
                for (int i = 0; i < n; i++)
                {
                    double s = contributions[t][i] + subsidy[i] - pensions[t][i];
                    if (s > 0) surplus += s; else gap += -s;
                }
                double pool = Math.Min(gap, surplus);
                for (int i = 0; i < n; i++)
                {
                    double s = contributions[t][i] + subsidy[i] - pensions[t][i];
                    if (pool <= 0) continue;
                    if (s > 0) paid[i] = pool * s / surplus; else got[i] = pool * -s / gap;
                }
            }

            closing[t] = new double[n];
            for (int i = 0; i < n; i++)
            {
                double b = balance[i] * (1 + rate) + contributions[t][i] + subsidy[i] + got[i] - pensions[t][i] - paid[i];
                if (floorAtZero && b < 0) b = 0;
                closing[t][i] = b;
                balance[i] = b;
            }
        }
        return closing;
    }
}
