using Actuarial.Funds;

namespace Actuarial.Scheme;

/// <summary>
/// Projects the urban employee scheme's cell state year by year from the 2024 base and produces the fund layer's input
/// (<see cref="FundFlows"/>) for 2024..EndYear.
/// </summary>
/// <remarks>
/// <para><b>State</b>, per cell [region, sex, education, age] of the population grid (structure of arrays): contributors
/// K; persons with a contribution record who have not retired N (K ≤ N) with their average contribution years (deemed
/// years included), deemed years, Σ contribution index over years and notional individual-account balance; pensioners
/// P and their average monthly pension. Cells are homogeneous: every record holder of a cell has the cell's averages
/// (assumption: no distribution of careers within a cell).</para>
/// <para><b>Timing.</b> Stocks are at the grid's reference date (1 November) of year t; the flows of step t are
/// attributed to calendar year t: contributions are paid by the contributors at the reference date for the whole year,
/// pensions are paid to the pensioners at the reference date for 12 months, and those who retire in the following
/// twelve months are paid from year t + 1 (assumption, a shift of about 2 months).</para>
/// <para><b>Ageing and mortality.</b> Each year every cell moves up an age and is multiplied by the ratio of consecutive
/// population cells of the demographic projection, P(a+1, t+1) / P(a, t) (the open interval: P(100+, t+1) / (P(99, t) +
/// P(100+, t))). This is survival and also migration between provinces and movement between education levels: members
/// move with the population they belong to, with the cell's averages. It keeps every contributor and pensioner a member
/// of the projected population: K + P ≤ N + P ≤ population in every cell, every year.</para>
/// <para><b>Contributors</b> = covered workers × ω × (1 − share of the cell past its statutory retirement age at the reference
/// date), at most population − pensioners. Retirement ages come from <see cref="Pensions.RetirementAgeSchedule"/> by birth
/// cohort (2025 reform included), evaluated with the 1 November reference date; women are split into cadres (original
/// age 55) and workers (original age 50) by <see cref="SchemeAssumptions.WomenCadreShareByEducation"/>. A cell with more
/// contributors than record holders gains new record holders with no years (they dilute the averages); nobody starts a
/// record at or past the lowest original statutory age of the sex (60 men, 50 women), so past it contributors ≤ record
/// holders (assumption: late entrants would not reach the minimum years).</para>
/// <para><b>Accrual.</b> Each record holder gains K/N contribution years and K/N × own index (contribution base /
/// provincial average wage, held within the 60%–300% base bounds); the account is credited with the crediting rate of the
/// year (<see cref="Pensions.AccountCreditingRates"/>) on the opening balance and half of it on the year's contributions,
/// which are 8% × base × min(κ, 1) (paid employee contributions).</para>
/// <para><b>Retirement.</b> The share of record holders retiring in the year is q / (1 − R), with q the share of the cell
/// retiring in the twelve months after the reference date and R the share past the age already. Those with at least the
/// minimum years (<see cref="Pensions.MinimumContributionYears"/> of the year) draw a pension; those short of it follow
/// <see cref="SchemeAssumptions.ShortOfMinimumYears"/>. The new monthly pension is
/// <see cref="Pensions.BenefitFormula"/>: basic 1% × years × W(t−1) × (1 + I) / 2, with W(t−1) the province's previous-year
/// average monthly wage and I the average index; individual account / divisor (the completed statutory age of the
/// middle birth month of the cell, the women's categories weighted by who retires); transitional W(t−1) × I × deemed
/// years × the provincial coefficient (a parameter of the formula). New pensioners join the cell's pensioners at the
/// count-weighted average pension.</para>
/// <para><b>Indexation.</b> Pensions in payment rise each year by <see cref="Pensions.Indexation"/> (published to 2025,
/// then the scenario rule, given the national covered-wage growth and the year's price growth, <see cref="SchemeAssumptions.PriceGrowthIn"/>).</para>
/// <para><b>Money and FundFlows.</b> The yearbook's revenue and expenditure, and the accumulated balance that opens the fund
/// layer, are one pot: individual accounts are largely notional (their money was spent on current pensions), so
/// <see cref="FundFlows.Contributions"/> carries all contributions that reach the fund — employer (pooled fund) plus
/// employee (individual account) contributions, κ × (employer rate + 8%) × contribution base × contributors, plus
/// lump-sum purchases of missing years — and <see cref="FundFlows.Pensions"/> carries all pensions paid (basic,
/// transitional and individual-account pensions). Fiscal subsidies and the fund's investment income are excluded (the
/// fund layer adds them), which is why the calibration target is revenue net of subsidies and of the investment income
/// the ledgers credit (<see cref="SchemeCalibration"/>). The employer part alone is in
/// <see cref="SchemeYearRow.EmployerContributions"/>. ContributingWorkers and Retirees are the stocks at the reference
/// date; AverageWage is the covered-worker-weighted mean of the labour layer's cell wages (the average wage of the
/// contribution base and the benefit formula); CoveredWageBill is κ × Σ contributors × contribution base.</para>
/// <para><b>Base state 2024</b>: retirees by province = the yearbook's, spread over
/// the cells in proportion to population × share past the statutory retirement age, each with the province's calibrated
/// pension λ; contributors from the labour layer; every contributor is a record holder with years = deemed + contributed,
/// contributed = <see cref="SchemeAssumptions.ContributionDensity"/> × min(age − entry age, 2024 − 1998), deemed =
/// <see cref="SchemeAssumptions.DeemedServiceShare"/> × the service before 1998; the index of every past year = the cell's
/// 2024 index; the account = density × Σ over the account years of 8% × index × the province's average wage back-cast at
/// <see cref="SchemeAssumptions.HistoricalWageGrowth"/>, credited at the historical crediting rates (the 11% account rate
/// before 2006 is not shipped: 8% throughout, a named simplification).</para>
/// </remarks>
internal static class SchemeProjector
{
    /// <summary>Calibrates to 2024 (<see cref="SchemeCalibration.Calibrate"/>) and projects.</summary>
    public static SchemeProjection Run(SchemeAssumptions assumptions) => Run(assumptions, SchemeCalibration.Calibrate(assumptions));

    /// <summary>Projects with given calibration factors (e.g. those of a baseline, to compare scenarios on the same footing).</summary>
    /// <exception cref="Actuarial.InputDataException">Invalid assumptions or calibration, or a labour layer that breaks its contract.</exception>
    public static SchemeProjection Run(SchemeAssumptions assumptions, SchemeCalibration calibration) => Run(assumptions, calibration, recordMembersByAge: false);

    /// <summary>
    /// As <see cref="Run(SchemeAssumptions, SchemeCalibration)"/>, optionally recording the members by region, sex and age
    /// each year (<see cref="SchemeProjection.EmployeeMembers"/>) and, with <paramref name="coverage"/>, the
    /// residents' coverage inputs (<see cref="SchemeProjection.CoverageInputs"/>).
    /// </summary>
    internal static SchemeProjection Run(SchemeAssumptions assumptions, SchemeCalibration calibration, bool recordMembersByAge, CoverageKernels.Shape? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(calibration);
        var engine = new SchemeEngine(assumptions, calibration);
        if (recordMembersByAge) engine.RecordMembersByAge(coverage);
        engine.Run();
        return new SchemeProjection(engine, calibration);
    }
}
