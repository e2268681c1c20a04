using System.Globalization;
using System.Numerics.Tensors;
using Actuarial.IO;

namespace Actuarial.Funds;

/// <summary>
/// Runs the provincial fund ledgers over the years of a <see cref="FundFlows"/>. Each year, for every province:
/// <list type="number">
/// <item>return ρ_t on the opening balance (blend of the entrusted and other returns);</item>
/// <item>scheduled subsidies (<see cref="ISubsidyRule.Scheduled"/>);</item>
/// <item>transfers by the pooling rule in force (<see cref="PoolingSchedule"/>), checked to sum to zero;</item>
/// <item>draws on the strategic reserve up to a floor (<see cref="ReserveDraws"/>), limited by what the reserve holds;</item>
/// <item>top-up subsidies (<see cref="ISubsidyRule.TopUp"/>);</item>
/// <item>closing balance B(t+1) = B(t) + return + contributions + subsidies + transfers in + reserve draws − pensions − transfers out.</item>
/// </list>
/// The year loop works in preallocated buffers and allocates nothing (the rules are required not to either).
/// </summary>
internal static class FundProjector
{
    /// <summary>Relative tolerance of the check that a pooling rule's transfers sum to zero.</summary>
    public const double TransferBalanceTolerance = 1e-9;

    /// <summary>Validates the inputs, runs the ledgers and returns the projection.</summary>
    /// <exception cref="InputDataException">A flow is negative or non-finite, a province lacks an opening balance, a
    /// return path or the pooling schedule does not cover a year, or a parameter is out of range.</exception>
    public static FundProjection Run(FundFlows flows, FundAssumptions assumptions)
    {
        var compiled = new CompiledFunds(flows, assumptions);
        var buffers = new FundBuffers(flows.ProvinceCount, flows.YearCount, compiled.Stress is not null);
        RunInto(compiled, buffers);
        return new FundProjection(compiled, buffers);
    }

    /// <summary>The allocation-free loop over the years.</summary>
    internal static void RunInto(CompiledFunds c, FundBuffers b)
    {
        var flows = c.Flows;
        int n = flows.ProvinceCount;
        for (int t = 0; t < flows.YearCount; t++)
        {
            int year = flows.FirstYear + t;
            var row = new Range(t * n, (t + 1) * n);
            var open = b.Opening.AsSpan(row);
            if (t == 0) c.OpeningBalances.CopyTo(open); else b.Closing.AsSpan((t - 1) * n, n).CopyTo(open);
            var ret = b.Return.AsSpan(row);
            TensorPrimitives.Multiply(open, c.BlendedReturn[t], ret);

            ReadOnlySpan<double> contributions = flows.AllContributions[row], pensions = flows.AllPensions[row];
            var scheduled = b.Scheduled.AsSpan(row);
            scheduled.Clear();
            c.Subsidies.Scheduled(new FundYear(year, contributions, pensions, flows.AllContributingWorkers[row], flows.AllRetirees[row],
                flows.AllAverageWages[row], flows.AllCoveredWageBills[row], open, ret, default), scheduled);
            var context = new FundYear(year, contributions, pensions, flows.AllContributingWorkers[row], flows.AllRetirees[row],
                flows.AllAverageWages[row], flows.AllCoveredWageBills[row], open, ret, scheduled);

            var paidOut = b.PaidOut.AsSpan(row);
            var received = b.Received.AsSpan(row);
            paidOut.Clear();
            received.Clear();
            var rule = c.Rules[t];
            rule.ComputeTransfers(context, paidOut, received);
            CheckTransfers(rule, year, paidOut, received);

            var pre = b.PreTopUp.AsSpan();
            for (int i = 0; i < n; i++)
            {
                pre[i] = open[i] + ret[i] + contributions[i] + scheduled[i] + received[i] - pensions[i] - paidOut[i];
            }

            var fromReserve = b.FromReserve.AsSpan(row);
            fromReserve.Clear();
            if (c.Reserve is { } reserve)
            {
                double reserveOpen = t == 0 ? reserve.OpeningBalance : b.ReserveClosing[t - 1];
                double reserveReturn = reserveOpen * c.ReserveReturn[t];
                double inflow = c.ReserveAllocation[t] + reserve.StateCapital * reserve.DividendYield;
                double available = Math.Max(0, reserveOpen + reserveReturn + inflow);
                double drawn = 0;
                if (reserve.Draws is { } draws && year >= draws.FirstYear && available > 0)
                {
                    double shortfall = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double s = draws.FloorMonthsOfSpending * pensions[i] / 12.0 - pre[i];
                        fromReserve[i] = s > 0 ? s : 0;
                        shortfall += fromReserve[i];
                    }
                    if (shortfall > 0)
                    {
                        drawn = Math.Min(shortfall, available);
                        if (drawn < shortfall) TensorPrimitives.Multiply(fromReserve, drawn / shortfall, fromReserve);
                        drawn = TensorPrimitives.Sum<double>(fromReserve);
                        TensorPrimitives.Add(pre, fromReserve, pre);
                    }
                }
                b.ReserveOpening[t] = reserveOpen;
                b.ReserveReturn[t] = reserveReturn;
                b.ReserveInflow[t] = inflow;
                b.ReserveDrawn[t] = drawn;
                b.ReserveClosing[t] = reserveOpen + reserveReturn + inflow - drawn;
            }

            var topUp = b.TopUp.AsSpan(row);
            topUp.Clear();
            // Stress responses (central transfers into the top-up, bridge loans into the balance) before the subsidy rule's backstop.
            if (c.Stress is not null) StressResponses(c, b, t, pensions, pre, topUp);
            c.Subsidies.TopUp(context, pre, topUp);
            var closing = b.Closing.AsSpan(row);
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(topUp[i]) || topUp[i] < 0)
                {
                    throw new InvalidOperationException($"subsidy rule '{c.Subsidies.Name}' gave a top-up of {topUp[i]} to province {flows.Provinces[i]} in {year}; top-ups must be finite and ≥ 0");
                }
                closing[i] = open[i] + ret[i] + contributions[i] + scheduled[i] + topUp[i] + received[i] + fromReserve[i] - pensions[i] - paidOut[i];
            }
            if (c.Stress is not null) TensorPrimitives.Add(closing, b.BridgeNet.AsSpan(row), closing);
        }
    }

    /// <summary>
    /// Extra central transfers up to their floor (written into <paramref name="topUp"/>, which the subsidy rule's backstop
    /// then sees), then bridge borrowing up to its floor and the repayment of bridge loans (added to <paramref name="pre"/> and
    /// kept in <see cref="FundBuffers.BridgeNet"/>). Allocation-free.
    /// </summary>
    private static void StressResponses(CompiledFunds c, FundBuffers b, int t, ReadOnlySpan<double> pensions, Span<double> pre, Span<double> topUp)
    {
        int n = pre.Length;
        double central = c.CentralFloorMonths[t];
        if (central >= 0)
        {
            var transfers = b.CentralTransfers.AsSpan(t * n, n);
            for (int i = 0; i < n; i++)
            {
                double shortfall = central * pensions[i] / 12.0 - pre[i];
                transfers[i] = shortfall > 0 ? shortfall : 0;
                topUp[i] += transfers[i];
            }
        }
        var net = b.BridgeNet.AsSpan(t * n, n);
        var debt = b.BridgeDebt.AsSpan(t * n, n);
        double floor = c.BridgeFloorMonths[t];
        int repaymentsLeft = c.BridgeRepaymentsLeft[t];
        for (int i = 0; i < n; i++)
        {
            double owed = t == 0 ? 0 : b.BridgeDebt[(t - 1) * n + i] * (1 + c.BlendedReturn[t]);
            double borrowed = 0, repaid = 0;
            if (floor >= 0)
            {
                double shortfall = floor * pensions[i] / 12.0 - pre[i] - topUp[i];
                borrowed = shortfall > 0 ? shortfall : 0;
            }
            else if (repaymentsLeft > 0 && owed > 0)
            {
                repaid = owed / repaymentsLeft;
            }
            debt[i] = owed + borrowed - repaid;
            net[i] = borrowed - repaid;
            pre[i] += net[i];
        }
    }

    private static void CheckTransfers(IPoolingRule rule, int year, ReadOnlySpan<double> paidOut, ReadOnlySpan<double> received)
    {
        double paid = 0, got = 0;
        for (int i = 0; i < paidOut.Length; i++)
        {
            if (!(paidOut[i] >= 0) || !(received[i] >= 0) || !double.IsFinite(paidOut[i]) || !double.IsFinite(received[i]))
            {
                throw new InvalidOperationException($"pooling rule '{rule.Name}' in {year}: province {i} pays {paidOut[i]} and receives {received[i]}; both must be finite and ≥ 0");
            }
            paid += paidOut[i];
            got += received[i];
        }
        if (Math.Abs(paid - got) > TransferBalanceTolerance * Math.Max(paid, got) + 1e-6)
        {
            throw new InvalidOperationException($"pooling rule '{rule.Name}' in {year}: provinces pay {paid} and receive {got}; transfers must sum to zero");
        }
    }
}

/// <summary>Validated inputs in the layout the loop reads.</summary>
internal sealed class CompiledFunds
{
    public CompiledFunds(FundFlows flows, FundAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(assumptions.OpeningBalances);
        ArgumentNullException.ThrowIfNull(assumptions.Pooling);
        ArgumentNullException.ThrowIfNull(assumptions.Subsidies);
        flows.Validate();
        Flows = flows;
        Assumptions = assumptions;
        Subsidies = assumptions.Subsidies;
        Subsidies.Validate(flows);

        int n = flows.ProvinceCount;
        OpeningBalances = new double[n];
        for (int i = 0; i < n; i++)
        {
            var province = flows.Provinces[i];
            if (!assumptions.OpeningBalances.TryGetValue(province.Code, out double balance))
            {
                throw new InputDataException("opening balances", null, $"{province.EnglishName} ({province.Code})", null,
                    "an opening balance in yuan for every province of the flows");
            }
            if (!double.IsFinite(balance))
            {
                throw new InputDataException("opening balances", null, $"{province.EnglishName} ({province.Code})",
                    balance.ToString("R", CultureInfo.InvariantCulture), "a finite amount in yuan");
            }
            OpeningBalances[i] = balance;
        }
        foreach (int code in assumptions.OpeningBalances.Keys)
        {
            if (flows.IndexOf(code) < 0)
            {
                throw new InputDataException("opening balances", null, "region code", code.ToString(CultureInfo.InvariantCulture),
                    "a province of the flows (every balance must belong to a fund that is projected)");
            }
        }

        double w = assumptions.EntrustedShare;
        if (!double.IsFinite(w) || w < 0 || w > 1)
        {
            throw new InputDataException("fund assumptions", null, "EntrustedShare", w.ToString("R", CultureInfo.InvariantCulture), "a share in [0, 1]");
        }
        CheckCovers(assumptions.EntrustedReturn, flows, "EntrustedReturn");
        CheckCovers(assumptions.OtherReturn, flows, "OtherReturn");
        BlendedReturn = new double[flows.YearCount];
        Rules = new IPoolingRule[flows.YearCount];
        for (int t = 0; t < flows.YearCount; t++)
        {
            int year = flows.FirstYear + t;
            double r = assumptions.BlendedReturn(year);
            if (!(r > -1)) throw new InputDataException("fund assumptions", null, $"return[{year}]", r.ToString("R", CultureInfo.InvariantCulture), "a return > −100%");
            BlendedReturn[t] = r;
            Rules[t] = assumptions.Pooling.RuleFor(year);
        }

        ReserveReturn = new double[flows.YearCount];
        ReserveAllocation = new double[flows.YearCount];
        if (assumptions.Reserve is { } reserve)
        {
            Reserve = reserve;
            CheckNonNegative(reserve.OpeningBalance, "Reserve.OpeningBalance");
            CheckNonNegative(reserve.StateCapital, "Reserve.StateCapital");
            CheckNonNegative(reserve.DividendYield, "Reserve.DividendYield");
            if (reserve.Draws is { } d) CheckNonNegative(d.FloorMonthsOfSpending, "Reserve.Draws.FloorMonthsOfSpending");
            CheckCovers(reserve.Return, flows, "Reserve.Return");
            if (reserve.FiscalAllocations is { } a) CheckCovers(a, flows, "Reserve.FiscalAllocations");
            for (int t = 0; t < flows.YearCount; t++)
            {
                int year = flows.FirstYear + t;
                ReserveReturn[t] = reserve.Return[year];
                if (!(ReserveReturn[t] > -1)) throw new InputDataException("strategic reserve", null, $"Return[{year}]", ReserveReturn[t].ToString("R", CultureInfo.InvariantCulture), "a return > −100%");
                double allocation = reserve.FiscalAllocations?[year] ?? 0;
                CheckNonNegative(allocation, $"Reserve.FiscalAllocations[{year}]");
                ReserveAllocation[t] = allocation;
            }
        }
        if (assumptions.Stress is { IsEmpty: false } stress) ApplyStress(stress);
    }

    /// <summary>
    /// The shocks that move the inputs (<see cref="FundStress"/>): returns lower by the fall; the flows copied with
    /// contributions less evasion and deferrals plus repayments, and pensions with improper payments and deferred
    /// indexation; the responses' floors by year for the loop (−1 in a year without one).
    /// </summary>
    private void ApplyStress(FundStress stress)
    {
        var flows = Flows;
        int n = flows.ProvinceCount, years = flows.YearCount;
        Stress = stress;
        for (int t = 0; t < years; t++)
        {
            int year = flows.FirstYear + t;
            double fall = FundStress.At(stress.ReturnFall, year);
            BlendedReturn[t] -= fall;
            if (!(BlendedReturn[t] > -1)) throw new InputDataException("fund stress", null, $"ReturnFall[{year}]", fall.ToString("R", CultureInfo.InvariantCulture), "a fall that keeps the return > −100%");
            if (Reserve is not null)
            {
                ReserveReturn[t] -= fall;
                if (!(ReserveReturn[t] > -1)) throw new InputDataException("fund stress", null, $"ReturnFall[{year}]", fall.ToString("R", CultureInfo.InvariantCulture), "a fall that keeps the reserve's return > −100%");
            }
        }

        var shocked = new FundFlows(flows.Provinces, flows.FirstYear, years);
        flows.CopyTo(shocked);
        Deferred = new double[n * years];
        Repaid = new double[n * years];
        var outstanding = new double[n];
        // Deferral cohorts are repaid in equal instalments of what each still owes; one balance per province suffices when
        // every cohort has the same number of instalments, so keep one per cohort year.
        var cohorts = new List<(int LastRepaymentT, double[] Owed)>();
        for (int t = 0; t < years; t++)
        {
            int year = flows.FirstYear + t;
            var contributions = shocked.Contributions(year);
            var pensions = shocked.Pensions(year);
            double evaded = FundStress.At(stress.UnderDeclaredBase, year) + FundStress.At(stress.UnregisteredWorkers, year);
            if (evaded > 1) throw new InputDataException("fund stress", null, $"UnderDeclaredBase + UnregisteredWorkers [{year}]", evaded.ToString("R", CultureInfo.InvariantCulture), "a total share of contributions lost ≤ 1");
            double deferredShare = FundStress.At(stress.ContributionDeferral, year);
            foreach (var (lastT, owed) in cohorts)
            {
                if (t > lastT) continue;
                int left = lastT - t + 1;
                for (int i = 0; i < n; i++)
                {
                    owed[i] *= 1 + stress.DeferralInterestShare * BlendedReturn[t];
                    double instalment = owed[i] / left;
                    owed[i] -= instalment;
                    Repaid[t * n + i] += instalment;
                }
            }
            var deferredNow = new double[n];
            for (int i = 0; i < n; i++)
            {
                double paid = contributions[i] * (1 - evaded);
                double deferred = deferredShare * paid;
                deferredNow[i] = deferred;
                Deferred[t * n + i] = deferred;
                contributions[i] = paid - deferred + Repaid[t * n + i];
            }
            if (deferredShare > 0) cohorts.Add((t + stress.DeferralRepaymentYears, deferredNow));

            double improper = FundStress.At(stress.ImproperPayments, year) * (1 - stress.ImproperPaymentRecovery);
            double months = FundStress.At(stress.DeferredIndexationMonths, year);
            double saved = 0;
            if (months > 0)
            {
                if (!stress.IndexationIncreases.TryGetValue(year, out double increase))
                {
                    throw new InputDataException("fund stress", null, $"IndexationIncreases[{year}]", null, "the year's general pension increase, for the deferred indexation of that year");
                }
                saved = months / 12 * increase / (1 + increase);
            }
            for (int i = 0; i < n; i++) pensions[i] = pensions[i] * (1 + improper) * (1 - saved);
        }
        shocked.Validate("fund flows under stress");
        Flows = shocked;

        CentralFloorMonths = new double[years];
        BridgeFloorMonths = new double[years];
        BridgeRepaymentsLeft = new int[years];
        int lastBorrowing = stress.BridgeFloorMonths.Count == 0 ? int.MinValue : stress.BridgeFloorMonths.Keys.Max();
        for (int t = 0; t < years; t++)
        {
            int year = flows.FirstYear + t;
            CentralFloorMonths[t] = stress.CentralTransferFloorMonths.TryGetValue(year, out double c) ? c : -1;
            BridgeFloorMonths[t] = stress.BridgeFloorMonths.TryGetValue(year, out double f) ? f : -1;
            BridgeRepaymentsLeft[t] = year > lastBorrowing && year <= (long)lastBorrowing + stress.BridgeRepaymentYears
                ? (int)((long)lastBorrowing + stress.BridgeRepaymentYears - year + 1) : 0;
        }
    }

    public FundFlows Flows { get; private set; }
    public FundAssumptions Assumptions { get; }

    /// <summary>The stress acting on the ledgers, or null (then the arrays below are empty).</summary>
    public FundStress? Stress { get; private set; }
    public double[] Deferred { get; private set; } = [];
    public double[] Repaid { get; private set; } = [];
    public double[] CentralFloorMonths { get; private set; } = [];
    public double[] BridgeFloorMonths { get; private set; } = [];
    public int[] BridgeRepaymentsLeft { get; private set; } = [];
    public ISubsidyRule Subsidies { get; }
    public double[] OpeningBalances { get; }
    public double[] BlendedReturn { get; }
    public IPoolingRule[] Rules { get; }
    public StrategicReserve? Reserve { get; }
    public double[] ReserveReturn { get; }
    public double[] ReserveAllocation { get; }

    private static void CheckCovers(AnnualPath path, FundFlows flows, string field)
    {
        ArgumentNullException.ThrowIfNull(path, field);
        if (!path.Covers(flows.FirstYear, flows.LastYear))
        {
            throw new InputDataException("fund assumptions", null, field, $"{path.FirstYear}–{path.LastYear}", $"a path covering {flows.FirstYear}–{flows.LastYear}");
        }
    }

    private static void CheckNonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new InputDataException("strategic reserve", null, field, value.ToString("R", CultureInfo.InvariantCulture), "a finite value ≥ 0");
        }
    }
}

/// <summary>Result buffers, flat [year, province] for the provinces and [year] for the reserve.</summary>
internal sealed class FundBuffers
{
    public FundBuffers(int provinces, int years, bool stress = false)
    {
        int n = provinces * years;
        // The responses' buffers exist only under stress, so that a run without one allocates and reads nothing more.
        CentralTransfers = stress ? new double[n] : [];
        BridgeNet = stress ? new double[n] : [];
        BridgeDebt = stress ? new double[n] : [];
        Opening = new double[n];
        Return = new double[n];
        Scheduled = new double[n];
        TopUp = new double[n];
        PaidOut = new double[n];
        Received = new double[n];
        FromReserve = new double[n];
        Closing = new double[n];
        PreTopUp = new double[provinces];
        ReserveOpening = new double[years];
        ReserveReturn = new double[years];
        ReserveInflow = new double[years];
        ReserveDrawn = new double[years];
        ReserveClosing = new double[years];
    }

    public double[] Opening { get; }
    public double[] Return { get; }
    public double[] Scheduled { get; }
    public double[] TopUp { get; }
    public double[] PaidOut { get; }
    public double[] Received { get; }
    public double[] FromReserve { get; }
    public double[] Closing { get; }
    public double[] PreTopUp { get; }
    public double[] CentralTransfers { get; }
    public double[] BridgeNet { get; }
    public double[] BridgeDebt { get; }
    public double[] ReserveOpening { get; }
    public double[] ReserveReturn { get; }
    public double[] ReserveInflow { get; }
    public double[] ReserveDrawn { get; }
    public double[] ReserveClosing { get; }
}
