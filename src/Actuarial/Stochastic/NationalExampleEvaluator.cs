using System.Globalization;
using System.Numerics.Tensors;
using Actuarial.China;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Scenarios;

namespace Actuarial.Stochastic;

/// <summary>
/// Settings of <see cref="NationalExampleEvaluator"/>. <b>An example until the scheme layer lands</b>: the fund flows
/// are synthetic (see the evaluator), not the pension scheme's.
/// </summary>
internal sealed record NationalExampleSettings
{
    /// <summary>
    /// Central demographic assumptions (a single region); default <see cref="ChinaDefaults.NationalDemography()"/> without
    /// education transitions. Death and birth rates do not depend on education, so moving people between levels
    /// leaves every total by sex and age unchanged (up to rounding) while it costs about nine tenths of a national
    /// run's time; put <see cref="ChinaDefaults.Education"/> back for outputs by education.
    /// </summary>
    public DemographicAssumptions Demography { get; init; } = ChinaDefaults.NationalDemography() with { Education = null, SchoolingYears = null };

    /// <summary>b(x) of the Lee–Carter pattern the mortality index moves, men (101 values); default that of <see cref="ChinaDefaults.MortalityPattern"/>.</summary>
    public double[]? MaleBx { get; init; }

    /// <summary>b(x) for women.</summary>
    public double[]? FemaleBx { get; init; }

    /// <summary>The shocks; their years must cover the demographic steps and fund years to be shocked.</summary>
    public required ShockModel Shocks { get; init; }

    /// <summary>Fund assumptions (31 provincial funds opening on 1 January 2025); default
    /// <see cref="ChinaFunds.China2024"/> to 2100 with a 2.5% return on the part not entrusted.</summary>
    public FundAssumptions? Funds { get; init; }

    /// <summary>Lever on contributions (1 = the 2024 revenue per working-age person, growing with wages).</summary>
    public double ContributionScale { get; init; } = 1;

    /// <summary>Central nominal wage growth per year.</summary>
    public double WageGrowth { get; init; } = 0.04;

    /// <summary>Average annual wage in 2024, yuan (an example value; only the national pooling rule's transfers use it).</summary>
    public double AverageWage2024 { get; init; } = 120_000;

    /// <summary>Report a balance series (with depletion) for each of the 31 provinces too.</summary>
    public bool ProvincialBalances { get; init; }

    /// <summary>Lower edge of the national balance histogram, yuan (default −10^16 = −10,000 万亿: a depleted fund's debt
    /// compounds). Provincial histograms use a tenth of the national range.</summary>
    public double BalanceLower { get; init; } = -1e16;

    /// <summary>Upper edge of the national balance histogram, yuan (default 10^15 = 1,000 万亿).</summary>
    public double BalanceUpper { get; init; } = 1e15;

    /// <summary>Bins of the balance histograms (default 11,000: a resolution of 10^12 yuan = 1 万亿 nationally, 10^11 per province).</summary>
    public int BalanceBins { get; init; } = 11_000;
}

/// <summary>
/// An end-to-end path evaluator on what exists now: the national demographic engine and the provincial fund layer.
/// <b>The fund flows are an example until the scheme layer lands</b>: each province's contributions are its 2024
/// revenue scaled by the national population aged 20–59 relative to 2024, a wage index and coverage; its pensions are
/// its 2024 expenditure scaled by the population aged 60+ and the wage index (so pensions per head grow with wages);
/// contributors and retirees are the 2024 counts scaled the same way (the 2024 revenue includes fiscal subsidies).
/// </summary>
/// <remarks>
/// <para>Per path: the shocks are drawn (<see cref="CompiledShocks.Draw"/>); for every step from the first shocked year
/// the death rates are m(x) = m_central(x)·exp(b(x) δk) (the Lee–Carter index moved by δk from its central path), the TFR
/// is TFR_central·exp(x_F); only those steps' life tables, survival ratios, ASFR and birth weights are recomputed, in a
/// per-worker copy of the compiled inputs (a lighter per-path compile: international migration and education targets
/// are shared and e0 is not recomputed), and the engine's allocation-free year loop runs into per-worker buffers. The
/// fund returns are the central ones plus the return deviation (added to both the entrusted and the other return), the
/// wage index grows at the central rate plus the wage deviation, coverage multiplies contributors by exp(x_C); the
/// fund ledgers run in per-worker buffers.</para>
/// <para>Series: "population" and "old-age dependency ratio" (65+ / 15–64) from the base year to the end year,
/// "balance/national" (sum of the provincial closing balances, with depletion) and optionally "balance/&lt;code&gt;"
/// per province.</para>
/// </remarks>
internal sealed class NationalExampleEvaluator : IPathEvaluator
{
    /// <summary>Name of the national population series.</summary>
    public const string Population = "population";

    /// <summary>Name of the old-age dependency ratio series.</summary>
    public const string DependencyRatio = "old-age dependency ratio";

    /// <summary>Name of the national balance series.</summary>
    public const string NationalBalance = "balance/national";

    /// <summary>Name of a province's balance series.</summary>
    public static string ProvincialBalance(int regionCode) => "balance/" + regionCode.ToString(CultureInfo.InvariantCulture);

    private const int A = Ages.Count;
    private readonly CompiledDemography _central;
    private readonly double[] _centralMx; // [step][sex][age]
    private readonly double[] _bx;        // [sex][age]
    private readonly double[] _centralTfr;
    private readonly FundAssumptions _funds;
    private readonly FundFlows _flows2024;
    private readonly double[] _centralEntrusted;
    private readonly double[] _centralOther;

    /// <summary>Compiles the central inputs once.</summary>
    /// <exception cref="InputDataException">The demography is not a single region, or a setting is out of range.</exception>
    public NationalExampleEvaluator(NationalExampleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var d = settings.Demography;
        if (d.BasePopulation.Shape.RegionCount != 1)
        {
            throw new InputDataException("national example", null, "Demography.BasePopulation", $"{d.BasePopulation.Shape.RegionCount} regions", "a single (national) region");
        }
        if (!(settings.ContributionScale >= 0) || !double.IsFinite(settings.ContributionScale))
        {
            throw new InputDataException("national example", null, "ContributionScale", settings.ContributionScale.ToString("R", CultureInfo.InvariantCulture), "a finite scale ≥ 0");
        }
        Shocks = settings.Shocks.Compile();
        if (Shocks.Model.Inflation is not null || Shocks.Model.LongRunRealWageGrowth is not null || Shocks.Model.IndexationShare is not null)
        {
            throw new InputDataException("national example", null, "Shocks.Inflation / LongRunRealWageGrowth / IndexationShare", "set",
                "none of them: the national example has no economy or indexation rule to draw on (use PensionPathEvaluator)");
        }
        _central = DemographicProjector.Compile(d);
        _bx = new double[Sexes.Count * A];
        (settings.MaleBx ?? ChinaDefaults.MortalityPattern(Sex.Male).Bx.ToArray()).AsSpan().CopyTo(_bx.AsSpan(0, A));
        (settings.FemaleBx ?? ChinaDefaults.MortalityPattern(Sex.Female).Bx.ToArray()).AsSpan().CopyTo(_bx.AsSpan(A, A));
        _centralMx = new double[_central.StepCount * Sexes.Count * A];
        _centralTfr = new double[_central.StepCount];
        for (int t = 0; t < _central.StepCount; t++)
        {
            for (int s = 0; s < Sexes.Count; s++) _central.FillStepDeathRates(t, (Sex)s, _centralMx.AsSpan((t * Sexes.Count + s) * A, A));
            _centralTfr[t] = _central.TotalFertilityRate[t];
        }

        int end = _central.BaseYear + _central.StepCount;
        _funds = settings.Funds ?? ChinaFunds.China2024(end, otherReturn: 0.025);
        _flows2024 = ChinaFunds.Flows2024();
        FundFirstYear = ChinaFunds.FirstProjectedYear;
        FundYearCount = end - FundFirstYear + 1;
        if (FundYearCount < 1) throw new InputDataException("national example", null, "Demography.EndYear", end.ToString(CultureInfo.InvariantCulture), $"a year ≥ {FundFirstYear}");
        _centralEntrusted = new double[FundYearCount];
        _centralOther = new double[FundYearCount];
        for (int t = 0; t < FundYearCount; t++)
        {
            _centralEntrusted[t] = _funds.EntrustedReturn[FundFirstYear + t];
            _centralOther[t] = _funds.OtherReturn[FundFirstYear + t];
        }

        var series = new List<SeriesSpec>
        {
            new(Population, _central.BaseYear, end, 0, 2e9, 2000),
            new(DependencyRatio, _central.BaseYear, end, 0, 2, 2000),
            new(NationalBalance, FundFirstYear, end, settings.BalanceLower, settings.BalanceUpper, settings.BalanceBins, TrackDepletion: true),
        };
        if (settings.ProvincialBalances)
        {
            foreach (var p in _flows2024.Provinces)
            {
                series.Add(new SeriesSpec(ProvincialBalance(p.Code), FundFirstYear, end, settings.BalanceLower / 10, settings.BalanceUpper / 10, settings.BalanceBins, TrackDepletion: true));
            }
        }
        Series = series;
    }

    /// <summary>The settings.</summary>
    public NationalExampleSettings Settings { get; }

    /// <summary>The compiled shocks.</summary>
    public CompiledShocks Shocks { get; }

    /// <summary>First fund year (the 2024 balances open it).</summary>
    public int FundFirstYear { get; }

    /// <summary>Number of fund years.</summary>
    public int FundYearCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<SeriesSpec> Series { get; }

    /// <inheritdoc />
    public IPathWorker CreateWorker() => new Worker(this);

    /// <summary>
    /// The central (unshocked) projection through the public engines: <see cref="DemographicProjector.Run"/> on the
    /// settings' demography and <see cref="FundProjector.Run"/> on the example flows built from it. With every shock at
    /// zero variance each path equals it exactly.
    /// </summary>
    public (DemographicProjection Demography, FundProjection Funds) RunCentral()
    {
        var demography = DemographicProjector.Run(Settings.Demography);
        var flows = new FundFlows(_flows2024.Provinces, FundFirstYear, FundYearCount);
        FillFlows(flows, y => demography.PersonsAt(y), null);
        return (demography, FundProjector.Run(flows, _funds));
    }

    /// <summary>Persons aged <paramref name="from"/>..<paramref name="to"/> in a flat national grid, summed run by run in a fixed order.</summary>
    internal static double PersonsAged(ReadOnlySpan<double> persons, int from, int to)
    {
        double sum = 0;
        for (int s = 0; s < Sexes.Count; s++)
        {
            for (int e = 0; e < EducationLevels.Count; e++)
            {
                sum += TensorPrimitives.Sum(persons.Slice(PopulationShape.Index(0, (Sex)s, (EducationLevel)e, from), to - from + 1));
            }
        }
        return sum;
    }

    /// <summary>Fills the example flows from the population at each year's reference date; <paramref name="shocks"/> null for the central path.</summary>
    private void FillFlows(FundFlows flows, PersonsAtYear personsAt, ShockPath? shocks)
    {
        const int baseYear = 2024;
        var p2024 = personsAt(baseYear);
        double workers2024 = PersonsAged(p2024, 20, 59), retirees2024 = PersonsAged(p2024, 60, Ages.OpenInterval);
        double wageIndex = 1;
        var c0 = _flows2024.Contributions(baseYear);
        var b0 = _flows2024.Pensions(baseYear);
        var w0 = _flows2024.ContributingWorkers(baseYear);
        var r0 = _flows2024.Retirees(baseYear);
        double scale = Settings.ContributionScale;
        for (int t = 0; t < flows.YearCount; t++)
        {
            int year = flows.FirstYear + t;
            var persons = personsAt(year);
            double workers = PersonsAged(persons, 20, 59) / workers2024;
            double retirees = PersonsAged(persons, 60, Ages.OpenInterval) / retirees2024;
            double growth = Settings.WageGrowth + (shocks?.WageGrowthDeviation(year) ?? 0);
            wageIndex *= 1 + growth;
            double coverage = shocks is null ? 1 : Math.Exp(shocks.CoverageDeviation(year));
            var c = flows.Contributions(year);
            var b = flows.Pensions(year);
            var w = flows.ContributingWorkers(year);
            var r = flows.Retirees(year);
            var wage = flows.AverageWage(year);
            var bill = flows.CoveredWageBill(year);
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = c0[i] * scale * workers * coverage * wageIndex;
                b[i] = b0[i] * retirees * wageIndex;
                w[i] = w0[i] * workers * coverage;
                r[i] = r0[i] * retirees;
                wage[i] = Settings.AverageWage2024 * wageIndex;
                bill[i] = w[i] * wage[i];
            }
        }
    }

    private delegate ReadOnlySpan<double> PersonsAtYear(int year);

    private sealed class Worker : IPathWorker
    {
        private readonly NationalExampleEvaluator _e;
        private readonly CompiledDemography _inputs;
        private readonly ProjectionBuffers _buffers;
        private readonly ShockPath _shocks;
        private readonly FundFlows _flows;
        private readonly CompiledFunds _funds;
        private readonly FundBuffers _fundBuffers;
        private readonly double[] _mx = new double[A];
        private readonly int _balance;

        public Worker(NationalExampleEvaluator e)
        {
            _e = e;
            _inputs = new CompiledDemography(e.Settings.Demography); // this worker's copy, overwritten per path
            _buffers = new ProjectionBuffers(_inputs);
            _shocks = e.Shocks.CreatePath();
            _flows = new FundFlows(e._flows2024.Provinces, e.FundFirstYear, e.FundYearCount);
            e.FillFlows(_flows, y => e._central.Assumptions.BasePopulation.Persons, null); // placeholder values ≥ 0 so the funds compile
            _funds = new CompiledFunds(_flows, e._funds);
            _fundBuffers = new FundBuffers(_flows.ProvinceCount, _flows.YearCount);
            _balance = e.Series.Select((s, i) => (s, i)).First(p => p.s.Name == NationalBalance).i;
        }

        public void Evaluate(long pathIndex, ref PathRandom random, PathOutput output)
        {
            var e = _e;
            e.Shocks.Draw(ref random, _shocks);
            Recompile();
            DemographicProjector.RunInto(_inputs, _buffers);

            int cells = _inputs.Shape.CellCount;
            var population = output.Values(0);
            var ratio = output.Values(1);
            for (int t = 0; t <= _inputs.StepCount; t++)
            {
                var persons = _buffers.Population.AsSpan(t * cells, cells);
                population[t] = TensorPrimitives.Sum<double>(persons);
                double working = PersonsAged(persons, 15, 64);
                ratio[t] = working > 0 ? PersonsAged(persons, 65, Ages.OpenInterval) / working : double.NaN;
            }

            var buffers = _buffers;
            int baseYear = _inputs.BaseYear;
            e.FillFlows(_flows, y => buffers.Population.AsSpan((y - baseYear) * cells, cells), _shocks);
            _flows.Validate("national example flows");
            double w = e._funds.EntrustedShare;
            for (int t = 0; t < _flows.YearCount; t++)
            {
                double d = _shocks.InvestmentReturnDeviation(_flows.FirstYear + t);
                double r = w * (e._centralEntrusted[t] + d) + (1 - w) * (e._centralOther[t] + d);
                if (!(r > -1)) throw new InputDataException("national example", null, $"return[{_flows.FirstYear + t}]", r.ToString("R", CultureInfo.InvariantCulture), "a return > −100% (the return shock is too large)");
                _funds.BlendedReturn[t] = r;
            }
            FundProjector.RunInto(_funds, _fundBuffers);
            int n = _flows.ProvinceCount;
            var national = output.Values(_balance);
            for (int t = 0; t < _flows.YearCount; t++)
            {
                var closing = _fundBuffers.Closing.AsSpan(t * n, n);
                national[t] = TensorPrimitives.Sum<double>(closing);
                if (output.Series.Count > _balance + 1)
                {
                    for (int i = 0; i < n; i++) output.Values(_balance + 1 + i)[t] = closing[i];
                }
            }
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
                        central.CopyTo(_mx); // exactly the central rates
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
