using System.Globalization;
using System.Numerics.Tensors;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Scenarios;
using Actuarial.Scheme;

namespace Actuarial.Stochastic;

/// <summary>
/// Settings of <see cref="PensionPathEvaluator"/>: the central scenario, the shocks, the calibration every path shares,
/// and the histograms of the reported series.
/// </summary>
public sealed record PensionMonteCarloSettings
{
    /// <summary>The central (deterministic) scenario; default <see cref="ChinaDefaults.PensionScenario"/>. Shorten the horizon
    /// with <see cref="PensionMonteCarlo.WithEndYear"/>.</summary>
    public PensionScenario Scenario { get; init; } = ChinaDefaults.PensionScenario();

    /// <summary>The shocks (deviations from the scenario's central paths). Mortality and fertility shocks of year y act on
    /// the demographic step y → y + 1; wage-growth and coverage shocks on the labour layer's year y; return shocks on the
    /// fund year y. See <see cref="PensionMonteCarlo.DefaultShocks"/>.</summary>
    public required ShockModel Shocks { get; init; }

    /// <summary>
    /// The scheme calibration every path uses (<see cref="SchemeProjector.Run(SchemeAssumptions, SchemeCalibration)"/>), so
    /// that paths, and the levers of a goal-seek, are compared on the same footing. Null (default): the scenario's own
    /// calibration, computed once from its deterministic run.
    /// </summary>
    internal SchemeCalibration? Calibration { get; init; }

    /// <summary>b(x) of the Lee–Carter pattern the mortality index moves, men (101 values); default that of <see cref="ChinaDefaults.MortalityPattern"/>.</summary>
    public double[]? MaleBx { get; init; }

    /// <summary>b(x) for women.</summary>
    public double[]? FemaleBx { get; init; }

    /// <summary>Report a balance series (with depletion) for each of the 31 provinces (default true).</summary>
    public bool ProvincialBalances { get; init; } = true;

    /// <summary>Lower edge of the national balance histogram, yuan (default −10^16: a depleted fund's debt compounds).</summary>
    public double BalanceLower { get; init; } = -1e16;

    /// <summary>Upper edge of the national balance histogram, yuan (default 10^15).</summary>
    public double BalanceUpper { get; init; } = 1e15;

    /// <summary>Bins of the national balance histogram (default 11,000: a resolution of 10^12 yuan = 1 万亿).</summary>
    public int BalanceBins { get; init; } = 11_000;

    /// <summary>Lower edge of the provincial balance histograms (each province and the lowest province), yuan (default
    /// −5·10^14 = −500 万亿; deeper debts fall in the underflow bin, whose quantiles interpolate towards the minimum).</summary>
    public double ProvincialBalanceLower { get; init; } = -5e14;

    /// <summary>Upper edge of the provincial balance histograms, yuan (default 5·10^13 = 50 万亿).</summary>
    public double ProvincialBalanceUpper { get; init; } = 5e13;

    /// <summary>Bins of the provincial histograms (default 2,750: a resolution of 2·10^11 yuan = 2,000 亿). Memory: a
    /// summary holds (bins + 2) × years × 8 bytes per series, about 1.7 MB per province for 2025–2100, and each worker
    /// thread has its own summary.</summary>
    public int ProvincialBalanceBins { get; init; } = 2_750;
}

/// <summary>
/// Monte Carlo paths of the full pension projection (<see cref="PensionProjector"/>): 31-province population, labour,
/// scheme state and 31 fund ledgers with pooling, each path with its own mortality, fertility, wage-growth, return and
/// coverage shocks and, on a scenario linked to an economy, its own inflation, long-run real wage trend and indexation
/// share (the scenario re-linked to the path's economy: <see cref="ShockModel.Inflation"/>).
/// </summary>
/// <remarks>
/// <para>Per path, in per-worker buffers: the shocks are drawn (<see cref="CompiledShocks.Draw"/>); the demographic
/// inputs of the shocked steps are recomputed in the worker's copy of the compiled demography (m(x) = m_central(x)·exp(b(x)·δk)
/// with δk the path's deviation of the Lee–Carter index, TFR × exp(x_F); as in <see cref="NationalExampleEvaluator"/>,
/// e0 is not recomputed and migration and education targets are shared); the labour layer is recompiled when wage growth
/// or coverage is shocked (wage growth g(y) + δg(y); the coverage lever
/// <see cref="LabourAssumptions.NonAgriculturalShareScale"/> × exp(x_C(y))); the allocation-free population year loop runs
/// with the scheme (shared calibration, <see cref="PensionMonteCarloSettings.Calibration"/>) stepping inside it, each year
/// as its population is computed, so only two population grids are kept; the fund ledgers run with the blended return
/// plus the return deviation (added to both the entrusted and the other return).</para>
/// <para>Series: <see cref="Population"/> (base year → end), <see cref="DependencyRatio"/> (pensioners per contributor,
/// 2024 → end), <see cref="NationalBalance"/> (sum of the 31 closing balances, with depletion),
/// <see cref="LowestProvincialBalance"/> (the lowest provincial balance: its depletion is the first year any province's
/// fund is negative) and, optionally,
/// <see cref="ProvincialBalance(Region)"/> per province (with depletion), 2025 → end.</para>
/// <para>With every shock at zero variance each path's balances and dependency ratio equal
/// <see cref="PensionProjector.Run(PensionScenario)"/> bit for bit (given the same calibration); the population total is
/// carried from the base by the year's accounts and agrees with the sum of the cells to about 1e-14.</para>
/// <para>Cost (one core, China defaults to 2100): about 10 ms a path, of which the population and scheme year loop about
/// 9 ms (the scheme and its labour fill about 60% of it) and the labour recompile, when shocked, about 1 ms; the life tables of the shocked
/// steps and the fund ledgers are well under a millisecond each. Each worker holds a compiled 31-province demography, its
/// scheme engine and its own summary: run with <see cref="MonteCarloOptions.MaxDegreeOfParallelism"/> = the number of
/// cores.</para>
/// </remarks>
public sealed class PensionPathEvaluator : IPathEvaluator
{
    /// <summary>Name of the national population series.</summary>
    public const string Population = "population";

    /// <summary>Name of the national system dependency ratio series (pensioners per contributor).</summary>
    public const string DependencyRatio = "system dependency ratio";

    /// <summary>Name of the national balance series (sum of the provincial closing balances).</summary>
    public const string NationalBalance = "balance/national";

    /// <summary>Name of the series of the lowest provincial closing balance each year (with depletion: the first year any
    /// province's fund is negative).</summary>
    public const string LowestProvincialBalance = "balance/lowest province";

    /// <summary>Name of a province's balance series (present when <see cref="PensionMonteCarloSettings.ProvincialBalances"/> is on).</summary>
    internal static string ProvincialBalance(Region province) => ProvincialBalance(province.Code);

    /// <summary>Name of a province's balance series, by GB/T code.</summary>
    internal static string ProvincialBalance(int regionCode) => "balance/" + regionCode.ToString(CultureInfo.InvariantCulture);

    /// <summary>The catalogue's lever the coverage driver moves.</summary>
    private static readonly Lever CoverageLever = Levers.OfLabour(LabourLever.NonAgriculturalShareScale);

    private const int A = Ages.Count;
    private readonly double[] _centralMx; // [step][sex][age]
    private readonly double[] _bx;        // [sex][age]
    private readonly double[] _centralTfr;
    private readonly double[] _centralEntrusted;
    private readonly double[] _centralOther;
    private readonly CompiledLabourModel _centralLabour;
    private readonly FundFlows _placeholderFlows;
    private readonly double _basePopulation;

    /// <summary>Compiles the central inputs and, without a calibration in the settings, runs the scenario once to calibrate.</summary>
    /// <exception cref="InputDataException">The scenario does not cover its years, or the demography is not provincial.</exception>
    public PensionPathEvaluator(PensionMonteCarloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scenario = settings.Scenario;
        scenario.Validate();
        Shocks = settings.Shocks.Compile();
        var model = Shocks.Model;
        if ((model.Inflation is not null || model.LongRunRealWageGrowth is not null) && scenario.Economy is null)
        {
            throw new InputDataException("pension Monte Carlo", null, $"Shocks.Inflation ({Levers.PriceGrowth.Key}) / Shocks.LongRunRealWageGrowth ({Levers.RealWageGrowth.Key})",
                "a scenario without an economy",
                "a scenario linked to an economy (PensionScenario.LinkedTo): inflation and the real wage trend are drawn on the economy's paths, through the economy's levers");
        }
        if (model.Coverage is not null && model.FirstYear < Levers.FirstLeverYear)
        {
            throw new InputDataException("pension Monte Carlo", null, $"Shocks.Coverage ({CoverageLever.Key})", model.FirstYear.ToString(CultureInfo.InvariantCulture),
                $"shocks from {Levers.FirstLeverYear} or later: the coverage draw moves the lever, whose paths start in {Levers.FirstLeverYear} (earlier years are calibrated)");
        }
        if (model.IndexationShare is not null && !Levers.IndexationShare.IsUsedBy(scenario))
        {
            throw new InputDataException("pension Monte Carlo", null, $"Shocks.IndexationShare ({Levers.IndexationShare.Key})", scenario.Scheme.Rules.Indexation.FutureRule.GetType().Name,
                $"a scenario whose indexation rule uses the lever the share is drawn for: {Levers.IndexationShare.Key} is used when {Levers.IndexationShare.Spec.UsedWhen}");
        }
        if (scenario.Funds.Stress is { IsEmpty: false })
        {
            // The stress adjusts a copy of the flows when the funds compile; a path refills its own flows afterwards.
            throw new InputDataException("pension Monte Carlo", null, "Scenario.Funds.Stress", "stress shocks or responses",
                "a scenario without fund stress (run a stress scenario with PensionProjector.Run or `actuarial stress`)");
        }
        if (scenario.Scheme.RightsTransfers is not null)
        {
            // A path refills its flows from the engine without the transfers' ledger entries.
            throw new InputDataException("pension Monte Carlo", null, "Scenario.Scheme.RightsTransfers", "transfers of insurance rights between provinces",
                "a scenario without transfers (they move money between provinces, not the national balance; run them with PensionProjector.Run)");
        }
        var d = scenario.Demography;
        if (d.BasePopulation.Shape.RegionCount < 2)
        {
            throw new InputDataException("pension Monte Carlo", null, "Scenario.Demography.BasePopulation", "1 region", "the 31 provinces (the scheme runs on provincial funds)");
        }
        EndYear = scenario.EndYear;
        var demography = d with { EndYear = EndYear };
        Demography = demography;
        var central = DemographicProjector.Compile(demography);
        BaseYear = central.BaseYear;
        int steps = central.StepCount;
        _basePopulation = TensorPrimitives.Sum(demography.BasePopulation.Persons);
        _centralLabour = scenario.Labour.Compile();
        if (settings.Calibration is { } calibration)
        {
            Calibration = calibration;
            _placeholderFlows = SchemeProjector.Run(PensionProjector.SchemeAssumptionsFor(scenario, central.Run(), _centralLabour), calibration).Flows;
        }
        else
        {
            var scheme = SchemeProjector.Run(PensionProjector.SchemeAssumptionsFor(scenario, central.Run(), _centralLabour));
            Calibration = scheme.Calibration;
            _placeholderFlows = scheme.Flows;
        }

        _bx = new double[Sexes.Count * A];
        (settings.MaleBx ?? ChinaDefaults.MortalityPattern(Sex.Male).Bx.ToArray()).AsSpan().CopyTo(_bx.AsSpan(0, A));
        (settings.FemaleBx ?? ChinaDefaults.MortalityPattern(Sex.Female).Bx.ToArray()).AsSpan().CopyTo(_bx.AsSpan(A, A));
        _centralMx = new double[steps * Sexes.Count * A];
        _centralTfr = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            for (int s = 0; s < Sexes.Count; s++) central.FillStepDeathRates(t, (Sex)s, _centralMx.AsSpan((t * Sexes.Count + s) * A, A));
            _centralTfr[t] = central.TotalFertilityRate[t];
        }

        FundFirstYear = ChinaFunds.FirstProjectedYear;
        FundYearCount = EndYear - FundFirstYear + 1;
        _centralEntrusted = new double[FundYearCount];
        _centralOther = new double[FundYearCount];
        for (int t = 0; t < FundYearCount; t++)
        {
            _centralEntrusted[t] = scenario.Funds.EntrustedReturn[FundFirstYear + t];
            _centralOther[t] = scenario.Funds.OtherReturn[FundFirstYear + t];
        }
        Settings = settings;

        var series = new List<SeriesSpec>
        {
            new(Population, BaseYear, EndYear, 0, 2e9, 2000),
            new(DependencyRatio, scenario.Scheme.BaseYear, EndYear, 0, 4, 4000),
            new(NationalBalance, FundFirstYear, EndYear, settings.BalanceLower, settings.BalanceUpper, settings.BalanceBins, TrackDepletion: true),
            new(LowestProvincialBalance, FundFirstYear, EndYear, settings.ProvincialBalanceLower, settings.ProvincialBalanceUpper, settings.ProvincialBalanceBins, TrackDepletion: true),
        };
        if (settings.ProvincialBalances)
        {
            foreach (var p in _placeholderFlows.Provinces)
            {
                series.Add(new SeriesSpec(ProvincialBalance(p.Code), FundFirstYear, EndYear, settings.ProvincialBalanceLower, settings.ProvincialBalanceUpper, settings.ProvincialBalanceBins, TrackDepletion: true));
            }
        }
        foreach (var s in series) s.Validate();
        Series = series;
    }

    /// <summary>The settings.</summary>
    internal PensionMonteCarloSettings Settings { get; }

    /// <summary>The compiled shocks.</summary>
    internal CompiledShocks Shocks { get; }

    /// <summary>The scheme calibration every path uses.</summary>
    internal SchemeCalibration Calibration { get; }

    /// <summary>The demographic assumptions (the scenario's, ending at its end year).</summary>
    internal DemographicAssumptions Demography { get; }

    /// <summary>Base year of the population.</summary>
    internal int BaseYear { get; }

    /// <summary>Last projected year.</summary>
    internal int EndYear { get; }

    /// <summary>First fund year (the ledgers open on its 1 January with the end-2024 balances).</summary>
    internal int FundFirstYear { get; }

    /// <summary>Number of fund years.</summary>
    internal int FundYearCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<SeriesSpec> Series { get; }

    /// <summary>Index of <see cref="NationalBalance"/> in <see cref="Series"/>.</summary>
    internal const int NationalBalanceIndex = 2;

    /// <summary>Index of <see cref="LowestProvincialBalance"/> in <see cref="Series"/>; the provinces follow it.</summary>
    internal const int LowestProvincialBalanceIndex = 3;

    /// <summary>Creates a worker with its own buffers (see <see cref="IPathEvaluator"/>).</summary>
    internal IPathWorker CreateWorker() => new Worker(this);

    IPathWorker IPathEvaluator.CreateWorker() => CreateWorker();

    /// <summary>
    /// The central projection through the public chain (<see cref="PensionProjector.Run(PensionScenario, DemographicProjection)"/>
    /// is not used because it calibrates: this one uses <see cref="Calibration"/>). With every shock at zero variance each
    /// path equals it.
    /// </summary>
    public PensionProjection RunCentral() => PensionMonteCarlo.RunDeterministic(Settings.Scenario, Calibration);

    /// <summary>
    /// Runs paths 0 … <paramref name="pathCount"/> − 1 with <paramref name="seed"/> and returns their summary (fans and
    /// depletion by series: <see cref="NationalBalance"/>, <see cref="LowestProvincialBalance"/>, …). The same bit for bit
    /// whatever <paramref name="options"/> (threads, block size): path i draws from its own stream of the seed.
    /// </summary>
    /// <param name="pathCount">Number of paths (≥ 0).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="options">Threads, block size, cancellation, progress; null for the defaults (all cores).</param>
    public MonteCarloSummary Run(int pathCount, ulong seed, MonteCarloOptions? options = null) => MonteCarlo.Run(pathCount, seed, 0, this, options);

    private sealed class Worker : IPathWorker
    {
        private readonly PensionPathEvaluator _e;
        private readonly CompiledDemography _inputs;
        private readonly ProjectionBuffers _buffers;
        private readonly DemographicProjection _projection;
        private readonly ShockPath _shocks;
        private readonly FundFlows _flows;
        private readonly CompiledFunds _funds;
        private readonly FundBuffers _fundBuffers;
        private readonly double[] _mx = new double[A];
        private readonly bool _labourShocked;
        private readonly bool _economyShocked;
        private SchemeEngine? _scheme;

        public Worker(PensionPathEvaluator e)
        {
            _e = e;
            _inputs = new CompiledDemography(e.Demography); // this worker's copy, overwritten per path
            _buffers = new ProjectionBuffers(_inputs, keepYears: false); // the scheme runs alongside the population: no year's grid is read after
            _projection = new DemographicProjection(_inputs, _buffers);
            _shocks = e.Shocks.CreatePath();
            var provinces = e._placeholderFlows.Provinces;
            _flows = new FundFlows(provinces, e.FundFirstYear, e.FundYearCount);
            e._placeholderFlows.CopyTo(_flows); // valid values so that the funds compile; overwritten per path
            _funds = new CompiledFunds(_flows, e.Settings.Scenario.Funds);
            _fundBuffers = new FundBuffers(_flows.ProvinceCount, _flows.YearCount);
            var model = e.Shocks.Model;
            _economyShocked = model.Inflation is not null || model.LongRunRealWageGrowth is not null || model.IndexationShare is not null;
            _labourShocked = model.WageGrowth is not null || model.Coverage is not null || _economyShocked;
        }

        public void Evaluate(long pathIndex, ref PathRandom random, PathOutput output)
        {
            var e = _e;
            var scenario = e.Settings.Scenario;
            e.Shocks.Draw(ref random, _shocks);
            if (_economyShocked) scenario = PathScenario(scenario);

            // Population, labour and scheme: the engine steps each year as the population projection computes it.
            Recompile();
            var labour = _labourShocked ? ShockedLabour(scenario).Compile() : e._centralLabour;
            // The worker's engine is built on its first path and reused after (its tables and buffers are the same); a path
            // with its own prices or indexation share rebinds the engine to its own rules, which the tables do not read.
            if (_scheme is null) _scheme = new SchemeEngine(PensionProjector.SchemeAssumptionsFor(scenario, _projection, labour), e.Calibration);
            else if (_economyShocked) _scheme.Rebind(PensionProjector.SchemeAssumptionsFor(scenario, _projection, labour));
            else _scheme.Rebind(_projection, labour);
            _scheme.RunAlongsidePopulation();
            // The total from the base and the year's accounts (births − deaths + migrants; the flows between provinces sum
            // to zero): equal to the sum of the cells to about 1e-14 (the path keeps no year's grid to sum).
            var population = output.Values(0);
            double total = e._basePopulation;
            population[0] = total;
            int regions = _inputs.Shape.RegionCount;
            for (int t = 0; t < _inputs.StepCount; t++)
            {
                int year = _inputs.BaseYear + t;
                double flow = 0;
                for (int r = 0; r < regions; r++)
                {
                    flow += _projection.Births(year, r);
                    for (int s = 0; s < Sexes.Count; s++)
                    {
                        var sex = (Sex)s;
                        flow += _projection.NetInternationalMigrants(year, r, sex) + _projection.NetInterprovincialMigrants(year, r, sex) - _projection.Deaths(year, r, sex);
                    }
                }
                total += flow;
                population[t + 1] = total;
            }

            var all = _scheme.Flows;
            var ratio = output.Values(1);
            for (int year = all.FirstYear; year <= e.EndYear; year++)
            {
                double workers = TensorPrimitives.Sum<double>(all.ContributingWorkers(year));
                double retirees = TensorPrimitives.Sum<double>(all.Retirees(year));
                ratio[year - all.FirstYear] = workers > 0 ? retirees / workers : double.NaN;
            }

            // Funds.
            all.CopyTo(_flows);
            _flows.Validate("pension Monte Carlo flows");
            double w = scenario.Funds.EntrustedShare;
            for (int t = 0; t < _flows.YearCount; t++)
            {
                int fundYear = _flows.FirstYear + t;
                double dr = _shocks.InvestmentReturnDeviation(fundYear);
                double entrusted = _economyShocked ? scenario.Funds.EntrustedReturn[fundYear] : e._centralEntrusted[t];
                double other = _economyShocked ? scenario.Funds.OtherReturn[fundYear] : e._centralOther[t];
                double r = w * (entrusted + dr) + (1 - w) * (other + dr);
                if (!(r > -1)) throw new InputDataException("pension Monte Carlo", null, $"return[{_flows.FirstYear + t}]", r.ToString("R", CultureInfo.InvariantCulture), "a return > −100% (the return shock is too large)");
                _funds.BlendedReturn[t] = r;
            }
            FundProjector.RunInto(_funds, _fundBuffers);
            int n = _flows.ProvinceCount;
            var national = output.Values(NationalBalanceIndex);
            var lowest = output.Values(LowestProvincialBalanceIndex);
            bool provinces = output.Series.Count > LowestProvincialBalanceIndex + 1;
            for (int t = 0; t < _flows.YearCount; t++)
            {
                var closing = _fundBuffers.Closing.AsSpan(t * n, n);
                national[t] = TensorPrimitives.Sum<double>(closing);
                lowest[t] = TensorPrimitives.Min<double>(closing);
                if (provinces)
                {
                    for (int i = 0; i < n; i++) output.Values(LowestProvincialBalanceIndex + 1 + i)[t] = closing[i];
                }
            }
        }

        /// <summary>
        /// The scenario of a path with economic draws, moved through the catalogue's levers (the definitions a scenario file
        /// and <see cref="PensionScenario.With(Lever, LeverPath)"/> apply, without their range check: a draw is not a file's
        /// value): <see cref="Levers.PriceGrowth"/> at the economy's CPI growth + the inflation deviation and
        /// <see cref="Levers.RealWageGrowth"/> at its real wage growth + the trend shift, in the years after the observed
        /// ones (each re-links the scenario: nominal wage growth, fund returns and the price growth of the indexation and
        /// crediting rules follow), and <see cref="Levers.IndexationShare"/> at the drawn share.
        /// </summary>
        private PensionScenario PathScenario(PensionScenario central)
        {
            var shocks = _shocks;
            var model = _e.Shocks.Model;
            var scenario = central;
            if (central.Economy is { } economy)
            {
                if (model.Inflation is not null)
                {
                    scenario = Levers.PriceGrowth.Apply(scenario, Drawn(economy.PriceGrowth, shocks.InflationDeviation), checkRange: false);
                }
                if (model.LongRunRealWageGrowth is not null)
                {
                    scenario = Levers.RealWageGrowth.Apply(scenario, Drawn(economy.RealWageGrowth, shocks.RealWageTrendDeviation), checkRange: false);
                }
            }
            if (model.IndexationShare is not null && Levers.ShareOf(scenario.Scheme.Rules.Indexation.FutureRule) is { } centralShare)
            {
                double share = shocks.IndexationShare(centralShare);
                if (share != centralShare) scenario = Levers.IndexationShare.Apply(scenario, new LeverPath(Levers.FirstLeverYear, [share]), checkRange: false);
            }
            return scenario;
        }

        /// <summary>The central path + the path's deviation in the years after the economy's observed ones, as a lever's path to the central path's last year.</summary>
        private static LeverPath Drawn(AnnualPath central, Func<int, double> deviation)
        {
            int first = Actuarial.Economy.EconomicAssumptions.LastObservedYear + 1;
            var values = new double[central.LastYear - first + 1];
            for (int year = first; year <= central.LastYear; year++)
            {
                double x = deviation(year);
                values[year - first] = x == 0 ? central[year] : central[year] + x;
            }
            return new LeverPath(first, values);
        }

        /// <summary>
        /// The path's labour layer: wage growth + the deviation, and the coverage lever
        /// (<c>labour.non_agricultural_share_scale</c>) × exp(x) applied through the catalogue's definition (without the
        /// range check a file's value gets; the labour model still checks its own range).
        /// </summary>
        private LabourAssumptions ShockedLabour(PensionScenario scenario)
        {
            var shocks = _shocks;
            var model = _e.Shocks.Model;
            var central = scenario.Labour;
            var labour = central;
            if (model.WageGrowth is not null)
            {
                labour = labour.WithLever(LabourLever.WageGrowth, central.WageGrowth.Map((year, g) => g + shocks.WageGrowthDeviation(year)));
            }
            if (model.Coverage is not null)
            {
                var scale = central.NonAgriculturalShareScale;
                int first = Math.Max(Levers.FirstLeverYear, scale.FirstYear);
                var values = new double[scale.LastYear - first + 1];
                for (int year = first; year <= scale.LastYear; year++)
                {
                    double x = shocks.CoverageDeviation(year);
                    values[year - first] = x == 0 ? scale[year] : scale[year] * Math.Exp(x);
                }
                labour = CoverageLever.Apply(scenario with { Labour = labour }, new LeverPath(first, values), checkRange: false).Labour;
            }
            return labour;
        }

        /// <summary>Overwrites the shocked steps' mortality and fertility inputs, by the formulas of <see cref="CompiledDemography"/>.</summary>
        private void Recompile()
        {
            var c = _inputs;
            var e = _e;
            for (int t = 0; t < c.StepCount; t++)
            {
                int year = c.BaseYear + t;
                if (year < e.Shocks.FirstYear || year > e.Shocks.LastYear) continue;
                for (int s = 0; s < Sexes.Count; s++)
                {
                    var sex = (Sex)s;
                    int ts = t * Sexes.Count + s;
                    double dk = _shocks.MortalityIndex(year, sex);
                    var central = e._centralMx.AsSpan(ts * A, A);
                    if (dk == 0)
                    {
                        central.CopyTo(_mx);
                    }
                    else
                    {
                        TensorPrimitives.Multiply(e._bx.AsSpan(s * A, A), dk, _mx);
                        TensorPrimitives.Exp(_mx, _mx);
                        TensorPrimitives.Multiply(_mx, central, _mx);
                    }
                    c.SetStepMortality(t, sex, _mx, "stochastic mortality");
                }
                c.SetStepFertility(t, e._centralTfr[t] * _shocks.TfrMultiplier(year));
            }
        }
    }
}
