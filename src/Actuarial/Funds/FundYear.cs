namespace Actuarial.Funds;

/// <summary>
/// What a pooling or subsidy rule sees of one projection year: the year's flows and the provincial ledgers' state,
/// one value per province in the axis order of <see cref="FundFlows.Provinces"/>. A stack-only view over the
/// engine's buffers; rules read it and write their result into a span they are given, so the year loop allocates
/// nothing.
/// </summary>
internal readonly ref struct FundYear
{
    /// <summary>Creates a view (the engine does this; tests may, to call a rule directly).</summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="contributions">Contributions to the pooled funds, yuan.</param>
    /// <param name="pensions">Pensions paid, yuan.</param>
    /// <param name="contributingWorkers">Insured contributing workers.</param>
    /// <param name="retirees">Retirees.</param>
    /// <param name="averageWage">Average wage, yuan per year.</param>
    /// <param name="coveredWageBill">Covered wage bill, yuan.</param>
    /// <param name="openingBalance">Balances on 1 January, yuan.</param>
    /// <param name="investmentReturn">The year's investment return on the opening balances, yuan.</param>
    /// <param name="scheduledSubsidies">Subsidies already decided before transfers (empty while they are being computed), yuan.</param>
    public FundYear(int year, ReadOnlySpan<double> contributions, ReadOnlySpan<double> pensions, ReadOnlySpan<double> contributingWorkers,
        ReadOnlySpan<double> retirees, ReadOnlySpan<double> averageWage, ReadOnlySpan<double> coveredWageBill,
        ReadOnlySpan<double> openingBalance, ReadOnlySpan<double> investmentReturn, ReadOnlySpan<double> scheduledSubsidies)
    {
        Year = year;
        Contributions = contributions;
        Pensions = pensions;
        ContributingWorkers = contributingWorkers;
        Retirees = retirees;
        AverageWage = averageWage;
        CoveredWageBill = coveredWageBill;
        OpeningBalance = openingBalance;
        InvestmentReturn = investmentReturn;
        ScheduledSubsidies = scheduledSubsidies;
    }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Number of provinces.</summary>
    public int ProvinceCount => Contributions.Length;

    /// <summary>Contributions to the pooled funds, yuan.</summary>
    public ReadOnlySpan<double> Contributions { get; }

    /// <summary>Pensions paid, yuan.</summary>
    public ReadOnlySpan<double> Pensions { get; }

    /// <summary>Insured contributing workers, persons.</summary>
    public ReadOnlySpan<double> ContributingWorkers { get; }

    /// <summary>Retirees, persons.</summary>
    public ReadOnlySpan<double> Retirees { get; }

    /// <summary>Average wage, yuan per worker per year.</summary>
    public ReadOnlySpan<double> AverageWage { get; }

    /// <summary>Covered wage bill, yuan.</summary>
    public ReadOnlySpan<double> CoveredWageBill { get; }

    /// <summary>Fund balances on 1 January, yuan.</summary>
    public ReadOnlySpan<double> OpeningBalance { get; }

    /// <summary>Investment return of the year on the opening balances, yuan.</summary>
    public ReadOnlySpan<double> InvestmentReturn { get; }

    /// <summary>Fiscal subsidies decided before transfers (by <see cref="ISubsidyRule.Scheduled"/>), yuan; empty while those are computed.</summary>
    public ReadOnlySpan<double> ScheduledSubsidies { get; }
}
