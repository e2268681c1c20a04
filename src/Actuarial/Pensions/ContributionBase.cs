namespace Actuarial.Pensions;

/// <summary>
/// The individual contribution base (缴费基数): the person's own wage held between a floor and a cap set as shares of
/// the provincial average wage. Defaults 60% and 300% ([S] 国务院常务会议 2019-03-26 and 国办发〔2019〕13号: the base is
/// bounded by 60%–300% of the 全口径城镇单位就业人员平均工资, the weighted average wage of urban non-private and private
/// units, from 2019). The employer's base is the sum of its employees' bases. Immutable; change a bound with <c>with</c>.
/// </summary>
public sealed record ContributionBase
{
    /// <summary>Default floor: 60% of the provincial average wage.</summary>
    public const double DefaultFloorShare = 0.60;

    /// <summary>Default cap: 300% of the provincial average wage.</summary>
    public const double DefaultCapShare = 3.00;

    /// <summary>Creates the rule.</summary>
    /// <param name="floorShare">Floor as a share of the average wage, in [0, 10] and not above the cap.</param>
    /// <param name="capShare">Cap as a share of the average wage, in [0, 10] and not below the floor.</param>
    /// <exception cref="Actuarial.InputDataException">A bound outside [0, 10], or the floor above the cap.</exception>
    public ContributionBase(double floorShare = DefaultFloorShare, double capShare = DefaultCapShare)
    {
        FloorShare = floorShare;
        CapShare = capShare;
    }

    /// <summary>Floor as a share of the provincial average wage (when raising both bounds with <c>with</c>, set <see cref="CapShare"/> first: each bound is checked against the other as it is set).</summary>
    public double FloorShare
    {
        get;
        init
        {
            RuleChecks.InRange(value, 0, 10, nameof(ContributionBase), nameof(FloorShare));
            if (CapShare != 0 && value > CapShare) ThrowOrder(value, CapShare);
            field = value;
        }
    }

    /// <summary>Cap as a share of the provincial average wage.</summary>
    public double CapShare
    {
        get;
        init
        {
            RuleChecks.InRange(value, 0, 10, nameof(ContributionBase), nameof(CapShare));
            if (value < FloorShare) ThrowOrder(FloorShare, value);
            field = value;
        }
    }

    private static void ThrowOrder(double floor, double cap) =>
        throw new Actuarial.InputDataException(nameof(ContributionBase), null, nameof(FloorShare), RuleChecks.Show(floor),
            $"a floor not above the cap ({RuleChecks.Show(cap)})");

    /// <summary>The contribution base of one wage: <c>clamp(wage, floor × averageWage, cap × averageWage)</c>.</summary>
    /// <param name="wage">The person's own wage (same period as <paramref name="averageWage"/>), ≥ 0.</param>
    /// <param name="averageWage">The provincial average wage, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite wage, or a non-positive average wage.</exception>
    public double Base(double wage, double averageWage)
    {
        CheckAverage(averageWage);
        RuleChecks.Argument(wage, 0, double.MaxValue, nameof(wage));
        return Math.Clamp(wage, FloorShare * averageWage, CapShare * averageWage);
    }

    /// <summary>The contribution index of one wage: its base over the average wage, in [floor, cap].</summary>
    internal double Index(double wage, double averageWage) => Base(wage, averageWage) / averageWage;

    /// <summary>Fills <paramref name="bases"/> with the contribution base of each wage; allocation-free.</summary>
    /// <param name="wages">Own wages, each ≥ 0.</param>
    /// <param name="averageWage">The provincial average wage, &gt; 0.</param>
    /// <param name="bases">Destination, the same length as <paramref name="wages"/> (may be the same memory).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite wage, or a non-positive average wage.</exception>
    internal void Bases(ReadOnlySpan<double> wages, double averageWage, Span<double> bases)
    {
        if (wages.Length != bases.Length) throw new ArgumentException($"{wages.Length} wages but {bases.Length} destination cells", nameof(bases));
        CheckAverage(averageWage);
        double floor = FloorShare * averageWage, cap = CapShare * averageWage;
        for (int i = 0; i < wages.Length; i++)
        {
            double wage = wages[i];
            if (!(wage >= 0) || double.IsPositiveInfinity(wage)) RuleChecks.Argument(wage, 0, double.MaxValue, $"{nameof(wages)}[{i}]");
            bases[i] = Math.Clamp(wage, floor, cap);
        }
    }

    private static void CheckAverage(double averageWage)
    {
        if (!double.IsFinite(averageWage) || averageWage <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(averageWage), averageWage, "expected a finite average wage > 0");
        }
    }
}
