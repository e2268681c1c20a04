using System.Globalization;
using Actuarial.Dimensions;

namespace Actuarial.Scheme;

/// <summary>One province (or the nation, code 0) of the 2024 calibration: targets, model values and the factors solved.</summary>
/// <param name="RegionCode">GB/T 2260 code; 0 = the sum over the provinces.</param>
/// <param name="Region">English name.</param>
/// <param name="TargetWorkers">Yearbook contributing workers, persons.</param>
/// <param name="Workers">Model contributors (covered workers below the retirement age), persons.</param>
/// <param name="TargetRetirees">Yearbook retirees, persons.</param>
/// <param name="Retirees">Model pensioners at the 2024 reference date, persons.</param>
/// <param name="TargetRevenueNetOfSubsidies">Yearbook revenue × (1 − subsidy share), yuan.</param>
/// <param name="OpeningBalance">Fund balance on 1 January 2024, yuan (yearbook end-2024 balance − revenue + expenditure).</param>
/// <param name="InvestmentIncome">Investment income taken out of the revenue target: the base-year fund return × <paramref name="OpeningBalance"/>, yuan.</param>
/// <param name="TargetContributions">What κ is solved to: <paramref name="TargetRevenueNetOfSubsidies"/> − <paramref name="InvestmentIncome"/>, yuan.</param>
/// <param name="Contributions">Model contributions (employer + employee + lump sums), yuan.</param>
/// <param name="TargetExpenditure">Yearbook expenditure, yuan.</param>
/// <param name="Pensions">Model pensions paid, yuan.</param>
/// <param name="WorkersError">Workers / target − 1.</param>
/// <param name="RetireesError">Retirees / target − 1.</param>
/// <param name="RevenueError">(Contributions + InvestmentIncome) / TargetRevenueNetOfSubsidies − 1: the model's revenue net of
/// subsidies (what the scheme pays in plus what the ledger credits at the same return) against the yearbook's.</param>
/// <param name="ExpenditureError">Pensions / target − 1.</param>
/// <param name="WorkerAlignment">Factor on the labour layer's covered workers (1 when the labour layer is calibrated on the same retirement rule).</param>
/// <param name="Registration">Registered contributing workers per resident contributor (1 unless the resident population cannot hold the yearbook's workers).</param>
/// <param name="Compliance">Contribution-compliance factor on statutory contributions.</param>
/// <param name="PensionLevelYuanPerMonth">Average monthly pension in payment, 2024, yuan.</param>
[CsvHelper.CsvRecord]
internal sealed partial record SchemeCalibrationRow(
    int RegionCode, string Region, double TargetWorkers, double Workers, double TargetRetirees, double Retirees,
    double TargetRevenueNetOfSubsidies, double OpeningBalance, double InvestmentIncome, double TargetContributions, double Contributions,
    double TargetExpenditure, double Pensions,
    double WorkersError, double RetireesError, double RevenueError, double ExpenditureError,
    double WorkerAlignment, double Registration, double Compliance, double PensionLevelYuanPerMonth);

/// <summary>
/// The provincial factors that tie the 2024 base state to the yearbook (NBS yearbook 2025 table 24-26), and how well it
/// fits. What is calibrated, to what and how:
/// <list type="number">
/// <item>Workers: a worker alignment factor ω per province multiplies the labour layer's covered workers so that the
/// covered workers below the statutory retirement age (at the 1 November 2024 reference date) equal the yearbook's
/// workers. With a labour layer calibrated to the same figures ω = 1; it is solved by fixed-point iteration (the cap
/// contributors + pensioners ≤ population may bind), bounded so that no cell's coverage exceeds 100%
/// (ω ≤ 1 / max over cells of covered / population), and held for every year. Where the bound stops it short — Beijing:
/// the yearbook's 15.88 million workers are more than the projected residents aged 16–59 (men) and 16–54 (women),
/// because its fund also registers people who live in other provinces — a registration factor ρ = yearbook workers /
/// modelled resident contributors scales the head count reported to the fund layer
/// (<see cref="Funds.FundFlows.ContributingWorkers"/>); the cell state stays within the resident population. ρ = 1 elsewhere
/// (up to rounding) and is held for every year (assumption).</item>
/// <item>Retirees: by construction (the base state spreads the yearbook's retirees over the cells past the retirement
/// age in proportion to the population).</item>
/// <item>Expenditure: the level of pensions in payment λ (yuan a month, the same in every cell of a province) is
/// expenditure / (12 × retirees); 2024 pensions paid = 12 × Σ pensioners × pension.</item>
/// <item>Revenue: a contribution-compliance factor κ per province scales statutory contributions (employer + employee
/// rate × contribution base × contributors) so that they plus the year's lump-sum purchases of missing years equal the
/// yearbook revenue net of subsidies and of the fund's investment income, revenue × (1 − s) − ρ₂₀₂₄ × B₂₀₂₄.
/// <list type="bullet">
/// <item>Subsidies: provincial subsidies are not published (only national figures were found), so s is the national
/// share (<c>ChinaSchemeTargets.NationalSubsidyShare</c>) — assumption: every province's subsidy share equals the national one.</item>
/// <item>Investment income: the yearbook's revenue (基金收入) has no separate interest line — it contains the income earned
/// on the balance (the roll-forward end balance = opening + revenue − expenditure holds within 1.5% every year 2011–2024,
/// data/README.md) — while the fund ledgers credit a return on the balance every year
/// (<see cref="Funds.FundProjector"/>). Left in the target, the income would be counted twice: once in contributions
/// (which then grow with wages even after the balance is gone) and once by the ledger. So it is taken out at the return
/// the ledgers credit: ρ₂₀₂₄ = <see cref="SchemeAssumptions.EffectiveBaseYearFundReturn"/> (the blended return of the
/// scenario's ledgers in their first year, 3.05% for the defaults), applied as the ledger applies it, to the balance on
/// 1 January 2024, B₂₀₂₄ = end-2024 balance − 2024 revenue + 2024 expenditure from the same yearbook table
/// (<see cref="SchemeBaseYearTarget.OpeningBalanceYuan"/>; nationally 63,651 亿 against the published end-2023 63,639 亿,
/// tagged [U]). Assumption: no 2024 figure of contribution income (征缴收入), interest (利息收入) or investment income of the
/// fund was found, nationally or by province, so the income is the ledger's own return on the balance, not a published
/// figure; the only sourced split of revenue (2011: revenue 16,895, contributions 13,956, subsidies 2,272 亿 [S]) leaves
/// 667 亿 of other income, 4.3% of the opening-2011 balance, a plausible order for the interest. The base year then
/// reproduces the yearbook: contributions + ledger return (ρ₂₀₂₄ × B₂₀₂₄) = revenue net of subsidies, whatever return a
/// scenario assumes.</item>
/// <item>κ also absorbs everything else in the yearbook's revenue that is not modelled (late payments, transfers of members'
/// rights) and under-declared bases; it is held for every year. The yearbook is read as pre-transfer: under the default
/// 2022– rule it cannot be post-transfer (<c>ChinaFunds.PreTransfer2024</c>, Actuarial.China); with a rule of partial coverage,
/// calibrate on <c>ChinaSchemeTargets.PreTransfer2024Targets</c> so that its transfers are not absorbed here and then paid again.</item>
/// </list></item>
/// </list>
/// </summary>
internal sealed class SchemeCalibration
{
    private const double YuanPer100Million = 1e8;
    private const double PersonsPer10k = 1e4;

    /// <summary>Creates a calibration from given factors (e.g. one solved on another scenario, to compare scenarios on the same footing).</summary>
    /// <param name="provinces">Regions in grid order.</param>
    /// <param name="workerAlignment">ω by region.</param>
    /// <param name="compliance">κ by region.</param>
    /// <param name="pensionLevel">λ by region, yuan a month.</param>
    /// <param name="subsidyShare">Subsidy share used for the revenue targets.</param>
    /// <param name="rows">Fit rows, if any.</param>
    /// <param name="registration">ρ by region (registered workers per resident contributor); null for 1 everywhere.</param>
    /// <param name="baseYearFundReturn">Fund return used to take the 2024 investment income out of the revenue targets (0: none).</param>
    public SchemeCalibration(IReadOnlyList<Region> provinces, IReadOnlyList<double> workerAlignment, IReadOnlyList<double> compliance,
        IReadOnlyList<double> pensionLevel, double subsidyShare, IReadOnlyList<SchemeCalibrationRow>? rows = null, IReadOnlyList<double>? registration = null,
        double baseYearFundReturn = 0)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        Provinces = provinces.ToArray();
        WorkerAlignment = Check(workerAlignment, nameof(workerAlignment));
        Registration = Check(registration ?? Enumerable.Repeat(1.0, Provinces.Count).ToArray(), nameof(registration));
        Compliance = Check(compliance, nameof(compliance));
        PensionLevel = Check(pensionLevel, nameof(pensionLevel));
        SubsidyShare = subsidyShare;
        if (!double.IsFinite(baseYearFundReturn) || baseYearFundReturn <= -1)
        {
            throw new InputDataException("scheme calibration", null, nameof(baseYearFundReturn), baseYearFundReturn.ToString("R", CultureInfo.InvariantCulture), "a finite return above −100%");
        }
        BaseYearFundReturn = baseYearFundReturn;
        Rows = rows?.ToArray() ?? [];
    }

    /// <summary>Regions in grid order.</summary>
    public IReadOnlyList<Region> Provinces { get; }

    /// <summary>ω: factor on the labour layer's covered workers, by region.</summary>
    public IReadOnlyList<double> WorkerAlignment { get; }

    /// <summary>ρ: registered contributing workers per resident contributor, by region (the head count reported to the fund layer).</summary>
    public IReadOnlyList<double> Registration { get; }

    /// <summary>κ: contribution-compliance factor, by region.</summary>
    public IReadOnlyList<double> Compliance { get; }

    /// <summary>λ: average monthly pension in payment in 2024, yuan, by region.</summary>
    public IReadOnlyList<double> PensionLevel { get; }

    /// <summary>The subsidy share of revenue used for the revenue targets.</summary>
    public double SubsidyShare { get; }

    /// <summary>The 2024 fund return ρ₂₀₂₄ on the 1 January 2024 balance whose product, the investment income, was taken out of
    /// the revenue targets (<see cref="SchemeAssumptions.EffectiveBaseYearFundReturn"/>).</summary>
    public double BaseYearFundReturn { get; }

    /// <summary>The fit per province and the national sum (code 0, last), empty for a calibration built from given factors.</summary>
    public IReadOnlyList<SchemeCalibrationRow> Rows { get; }

    /// <summary>Solves ω, λ and κ for the assumptions (see the type's summary) and reports the fit.</summary>
    /// <exception cref="InputDataException">Invalid assumptions, or a province with no contributions to calibrate.</exception>
    public static SchemeCalibration Calibrate(SchemeAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        assumptions.Validate();
        var baseOnly = assumptions with { EndYear = assumptions.BaseYear };
        var regions = assumptions.Demography.Shape.Regions;
        int n = regions.Count;
        var targets = assumptions.EffectiveTargets;
        double subsidy = assumptions.EffectiveSubsidyShare;
        double fundReturn = assumptions.EffectiveBaseYearFundReturn;
        var omega = Enumerable.Repeat(1.0, n).ToArray();
        var kappa = Enumerable.Repeat(1.0, n).ToArray();
        var lambda = new double[n];
        var rho = Enumerable.Repeat(1.0, n).ToArray();
        var omegaMax = new double[n];

        // ω: fixed point on the contributors, bounded so that no cell is covered above 100%.
        for (int iteration = 0; iteration < 30; iteration++)
        {
            var engine = new SchemeEngine(baseOnly, new SchemeCalibration(regions, omega, kappa, lambda, subsidy));
            engine.Initialize();
            if (iteration == 0) MaximumAlignment(engine, assumptions.Demography.PersonsAt(assumptions.BaseYear), omegaMax);
            double worst = 0;
            for (int r = 0; r < n; r++)
            {
                double model = SchemeEngine.RegionSum(engine.Contributors, r);
                double target = targets[regions[r].Code].Workers;
                if (model <= 0)
                {
                    if (target > 0) throw Fail(regions[r], "contributors", "covered workers below the retirement age in the base year");
                    continue;
                }
                rho[r] = target / model;
                double next = Math.Min(omegaMax[r], omega[r] * target / model);
                worst = Math.Max(worst, Math.Abs(next / omega[r] - 1));
                omega[r] = next;
            }
            if (worst < 1e-12) break;
        }

        // λ: pensions in payment.
        {
            var engine = new SchemeEngine(baseOnly, new SchemeCalibration(regions, omega, kappa, lambda, subsidy, null, rho));
            engine.Initialize();
            for (int r = 0; r < n; r++)
            {
                double retirees = SchemeEngine.RegionSum(engine.Pensioners, r);
                lambda[r] = retirees > 0 ? targets[regions[r].Code].ExpenditureYuan / (12 * retirees) : 0;
            }
        }

        // κ: compliance, with the year's lump sums (which κ does not scale).
        {
            var engine = new SchemeEngine(baseOnly, new SchemeCalibration(regions, omega, kappa, lambda, subsidy));
            engine.Initialize();
            engine.TrialStep(assumptions.BaseYear);
            for (int r = 0; r < n; r++)
            {
                double statutory = (engine.EmployerRate(assumptions.BaseYear, r) + engine.EmployeeRate(assumptions.BaseYear)) * engine.OrdinaryBase[r];
                double target = ContributionTarget(targets[regions[r].Code], subsidy, fundReturn);
                if (statutory <= 0)
                {
                    if (target > 0) throw Fail(regions[r], "contributions", "a positive contribution base in the base year");
                    kappa[r] = 0;
                    continue;
                }
                kappa[r] = Math.Max(0, (target - engine.LumpSums[r]) / statutory);
            }
        }

        // The fit.
        var final = new SchemeEngine(baseOnly, new SchemeCalibration(regions, omega, kappa, lambda, subsidy, null, rho));
        final.Initialize();
        final.Step(assumptions.BaseYear);
        var flows = final.Flows;
        var rows = new List<SchemeCalibrationRow>(n + 1);
        double[] sums = new double[10];
        for (int r = 0; r < n; r++)
        {
            var t = targets[regions[r].Code];
            double workers = flows.ContributingWorkers(assumptions.BaseYear)[r];
            double retirees = flows.Retirees(assumptions.BaseYear)[r];
            double contributions = flows.Contributions(assumptions.BaseYear)[r];
            double pensions = flows.Pensions(assumptions.BaseYear)[r];
            double revenueTarget = t.RevenueYuan * (1 - subsidy);
            double income = InvestmentIncome(t, fundReturn);
            rows.Add(Row(regions[r], t.Workers, workers, t.Retirees, retirees, revenueTarget, t.OpeningBalanceYuan, income, contributions,
                t.ExpenditureYuan, pensions, omega[r], rho[r], kappa[r], lambda[r]));
            double[] add = [t.Workers, workers, t.Retirees, retirees, revenueTarget, t.OpeningBalanceYuan, income, contributions, t.ExpenditureYuan, pensions];
            for (int k = 0; k < sums.Length; k++) sums[k] += add[k];
        }
        rows.Add(Row(Dimensions.Regions.China, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8], sums[9],
            double.NaN, sums[1] > 0 ? sums[1] / ResidentWorkers(final, n) : double.NaN, double.NaN, sums[3] > 0 ? sums[9] / (12 * sums[3]) : 0));
        return new SchemeCalibration(regions, omega, kappa, lambda, subsidy, rows, rho, fundReturn);
    }

    /// <summary>The investment income of the base year inside the yearbook's revenue, as the ledgers would credit it: the
    /// return × the balance on 1 January (signed, as the ledgers apply it), yuan.</summary>
    /// <param name="target">The province's base-year figures.</param>
    /// <param name="fundReturn">The base-year fund return (<see cref="SchemeAssumptions.EffectiveBaseYearFundReturn"/>).</param>
    public static double InvestmentIncome(SchemeBaseYearTarget target, double fundReturn) => fundReturn * target.OpeningBalanceYuan;

    /// <summary>What the base year's contributions (with lump sums) are calibrated to: revenue × (1 − subsidy share) − investment
    /// income (<see cref="InvestmentIncome"/>), yuan.</summary>
    /// <param name="target">The province's base-year figures.</param>
    /// <param name="subsidyShare">Subsidy share of revenue.</param>
    /// <param name="fundReturn">The base-year fund return.</param>
    public static double ContributionTarget(SchemeBaseYearTarget target, double subsidyShare, double fundReturn) =>
        target.RevenueYuan * (1 - subsidyShare) - InvestmentIncome(target, fundReturn);

    private static double ResidentWorkers(SchemeEngine engine, int regions)
    {
        double sum = 0;
        for (int r = 0; r < regions; r++) sum += SchemeEngine.RegionSum(engine.Contributors, r);
        return sum;
    }

    // ω_max = 1 / max over the region's cells of covered / population.
    private static void MaximumAlignment(SchemeEngine engine, ReadOnlySpan<double> population, double[] omegaMax)
    {
        var covered = engine.Covered;
        for (int r = 0; r < omegaMax.Length; r++)
        {
            double max = 0;
            int start = r * PopulationShape.CellsPerRegion;
            for (int i = start; i < start + PopulationShape.CellsPerRegion; i++)
            {
                if (population[i] > 0) max = Math.Max(max, covered[i] / population[i]);
            }
            omegaMax[r] = max > 0 ? 1 / max : double.PositiveInfinity;
        }
    }

    private static SchemeCalibrationRow Row(Region region, double targetWorkers, double workers, double targetRetirees, double retirees,
        double targetRevenue, double openingBalance, double investmentIncome, double contributions, double targetExpenditure, double pensions,
        double omega, double rho, double kappa, double lambda) =>
        new(region.Code, region.EnglishName, targetWorkers, workers, targetRetirees, retirees, targetRevenue, openingBalance, investmentIncome,
            targetRevenue - investmentIncome, contributions, targetExpenditure, pensions,
            Error(workers, targetWorkers), Error(retirees, targetRetirees), Error(contributions + investmentIncome, targetRevenue), Error(pensions, targetExpenditure),
            omega, rho, kappa, lambda);

    private static double Error(double model, double target) => target > 0 ? model / target - 1 : model == 0 ? 0 : double.PositiveInfinity;

    private static InputDataException Fail(Region region, string what, string expected) =>
        new("scheme calibration", null, $"{what} [{region.EnglishName}]", "0", expected);

    private double[] Check(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count != Provinces.Count)
        {
            throw new InputDataException("scheme calibration", null, name, values.Count.ToString(CultureInfo.InvariantCulture), $"one value per region ({Provinces.Count})");
        }
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || v < 0) throw new InputDataException("scheme calibration", null, name, v.ToString("R", CultureInfo.InvariantCulture), "a finite value ≥ 0");
        }
        return values.ToArray();
    }
}
