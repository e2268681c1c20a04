using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Actuarial.Dimensions;
using Actuarial.Pensions;
using static Actuarial.Scheme.CellQuantity;

namespace Actuarial.Scheme;

/// <summary>
/// The scheme's year step on one group block (one region's (sex, education) group over ages 0–100), a kernel per step of
/// the model (<see cref="SchemeProjector"/>): <see cref="Initialise"/>, <see cref="Accrue"/>, <see cref="Retire"/> and
/// <see cref="Age"/>. Lanes of <see cref="Vector{T}"/> run over ages. SchemeSpecification is the plain
/// statement of the same model, which the engine must agree with to 1e-9 relative (SchemeSpecificationTests); how the
/// kernels keep their speed is in SchemeKernels.Performance.md.
/// </summary>
internal static class SchemeKernels
{
    private const int A = Ages.Count;

    /// <summary>What <see cref="Initialise"/> reads for one group block, each span from the group's age 0.</summary>
    public ref struct BaseInputs
    {
        public ReadOnlySpan<double> Population, Retired, Covered, Earnings, BaseDeemed, BaseYears, BaseAccountFactor;
        public double RetireeScale, WageScale, AverageWage, Density, PensionLevel, Alignment, FloorShare, CapShare;
    }

    /// <summary>
    /// The base state of a group block. Pensioners P = min(pop, s × pop × R), each with pension λ (s spreads the
    /// region's retirees over the ages past the retirement age). Contributors K = record holders N =
    /// max(0, min(ω × covered × (1 − R), pop − P)). A record holder's years, deemed years and account factor F are the
    /// group's base values (<see cref="SchemeTables"/>); index I = clamp(wage / w, floor, cap); Σ index years = I × years;
    /// account = density × I × w × F. Cells without record holders hold zeros. Returns Σ P × pension and Σ P.
    /// </summary>
    public static (double PensionSum, double PensionerSum) Initialise(GroupBlock block, in BaseInputs c)
    {
        int width = Vector<double>.Count;
        ref double persons = ref MemoryMarshal.GetReference(c.Population);
        ref double retiredShare = ref MemoryMarshal.GetReference(c.Retired);
        ref double covered = ref MemoryMarshal.GetReference(c.Covered);
        ref double wages = ref MemoryMarshal.GetReference(c.Earnings);
        ref double baseDeemed = ref MemoryMarshal.GetReference(c.BaseDeemed);
        ref double baseYears = ref MemoryMarshal.GetReference(c.BaseYears);
        ref double baseAccount = ref MemoryMarshal.GetReference(c.BaseAccountFactor);
        double scale = c.RetireeScale, level = c.PensionLevel, alignment = c.Alignment, w = c.AverageWage, wageScale = c.WageScale, density = c.Density;
        Vector<double> paid = Vector<double>.Zero, pensionersSum = Vector<double>.Zero;
        // Lanes over ages 0–99, age 100 on its own: lanes past it would write into the padding, which must hold zeros.
        int a = 0;
        for (; a + width <= A - 1; a += width)
        {
            nuint at = (nuint)a;
            var people = Vector.LoadUnsafe(ref persons, at);
            var retired = Vector.LoadUnsafe(ref retiredShare, at);
            var p = Vector.MinNative(people, new Vector<double>(scale) * people * retired);
            var pension = Vector.ConditionalSelect(Vector.GreaterThan(p, Vector<double>.Zero), new Vector<double>(level), Vector<double>.Zero);
            block.Store(Pensioners, at, p);
            block.Store(Pension, at, pension);
            paid += p * pension;
            pensionersSum += p;
            var k = Vector.MaxNative(Vector<double>.Zero,
                Vector.MinNative(new Vector<double>(alignment) * Vector.LoadUnsafe(ref covered, at) * (Vector<double>.One - retired), people - p));
            block.Store(Contributors, at, k);
            block.Store(Records, at, k);
            block.Store(NewPensioners, at, Vector<double>.Zero);
            var holding = Vector.GreaterThan(k, Vector<double>.Zero);
            var index = Vector.MinNative(Vector.MaxNative(Vector.LoadUnsafe(ref wages, at) * new Vector<double>(wageScale) / new Vector<double>(w),
                new Vector<double>(c.FloorShare)), new Vector<double>(c.CapShare));
            var years = Vector.LoadUnsafe(ref baseYears, at);
            block.Store(Deemed, at, Vector.ConditionalSelect(holding, Vector.LoadUnsafe(ref baseDeemed, at), Vector<double>.Zero));
            block.Store(Years, at, Vector.ConditionalSelect(holding, years, Vector<double>.Zero));
            block.Store(IndexYears, at, Vector.ConditionalSelect(holding, index * years, Vector<double>.Zero));
            block.Store(Account, at, Vector.ConditionalSelect(holding,
                new Vector<double>(density) * index * new Vector<double>(w) * Vector.LoadUnsafe(ref baseAccount, at), Vector<double>.Zero));
        }
        double pensionSum = Vector.Sum(paid), pensionerSum = Vector.Sum(pensionersSum);
        for (; a < A; a++)
        {
            double people = Unsafe.Add(ref persons, a);
            double retired = Unsafe.Add(ref retiredShare, a);
            double p = Math.Min(people, scale * people * retired);
            block[Pensioners, a] = p;
            block[Pension, a] = p > 0 ? level : 0;
            pensionSum += p * block[Pension, a];
            pensionerSum += p;
            double k = Math.Max(0, Math.Min(alignment * Unsafe.Add(ref covered, a) * (1 - retired), people - p));
            block[Contributors, a] = k;
            block[Records, a] = k;
            block[NewPensioners, a] = 0;
            if (k <= 0)
            {
                block[Years, a] = block[Deemed, a] = block[IndexYears, a] = block[Account, a] = 0;
                continue;
            }
            double index = Math.Clamp(Unsafe.Add(ref wages, a) * wageScale / w, c.FloorShare, c.CapShare);
            block[Deemed, a] = Unsafe.Add(ref baseDeemed, a);
            block[Years, a] = Unsafe.Add(ref baseYears, a);
            block[IndexYears, a] = index * Unsafe.Add(ref baseYears, a);
            block[Account, a] = density * index * w * Unsafe.Add(ref baseAccount, a);
        }
        return (pensionSum, pensionerSum);
    }

    /// <summary>A region's rates of the year for <see cref="Accrue"/> (w: the region's average wage).</summary>
    public readonly struct AccrualRates(double wageScale, double averageWage, double floorShare, double capShare, double creditingRate, double accountContribution)
    {
        public readonly double WageScale = wageScale, InverseWage = 1 / averageWage, FloorWage = floorShare * averageWage, CapWage = capShare * averageWage;
        public readonly double Credited = 1 + creditingRate;
        /// <summary>The employee's paid account rate, credited half a year: min(κ, 1) × ee × (1 + r/2).</summary>
        public readonly double AccountRate = accountContribution * (1 + 0.5 * creditingRate);
    }

    /// <summary>
    /// A year's accrual in a group block at ages [<paramref name="floor"/>, <paramref name="ceiling"/>] (no record holders
    /// elsewhere). Where K &gt; 0 and N &gt; 0, with base = clamp(wage, floor × w, cap × w) and density d = K / N: years += d;
    /// Σ index years += d × base / w; account = account × (1 + r) + d × base × min(κ, 1) × ee × (1 + r/2). Where N &gt; 0 and
    /// K = 0 the account is credited alone. Returns Σ K × base (the ordinary contribution base) and Σ K. A cell's wage is
    /// <paramref name="earnings"/> (the group's, from age 0, readable past age 100) × the rates' wage scale.
    /// </summary>
    public static (double OrdinaryBase, double Contributors) Accrue(GroupBlock block, int floor, int ceiling, ReadOnlySpan<double> earnings, in AccrualRates rates)
    {
        int width = Vector<double>.Count;
        ref double wage = ref MemoryMarshal.GetReference(earnings);
        var scale = new Vector<double>(rates.WageScale);
        var floorWage = new Vector<double>(rates.FloorWage);
        var capWage = new Vector<double>(rates.CapWage);
        var inverseW = new Vector<double>(rates.InverseWage);
        var r1 = new Vector<double>(rates.Credited);
        var accountRate = new Vector<double>(rates.AccountRate);
        Vector<double> ordinary = Vector<double>.Zero, kSum = Vector<double>.Zero;
        // The last lanes may pass the ceiling, or age 100 into the padding: cells with no record holders, left as they are.
        int end = ceiling + 1;
        for (int a = floor; a < end; a += width)
        {
            nuint i = (nuint)a;
            var n = block.Load(Records, i);
            var k = block.Load(Contributors, i);
            kSum += k;
            var withRecords = Vector.GreaterThan(n, Vector<double>.Zero);
            var contributing = (withRecords & Vector.GreaterThan(k, Vector<double>.Zero)).As<long, double>();
            var cellWage = Vector.LoadUnsafe(ref wage, i) * scale;
            var contributionBase = Vector.MinNative(Vector.MaxNative(cellWage, floorWage), capWage); // finite values: as Math.Clamp
            ordinary += (k * contributionBase) & contributing;
            // 0 where nobody contributes (k / n is NaN where n = 0): adding it, or products of it, leaves a value as it is.
            var density = (k / n) & contributing;
            block.Store(Years, i, block.Load(Years, i) + density);
            var credited = density * contributionBase; // the base credited this year, per record holder
            block.Store(IndexYears, i, block.Load(IndexYears, i) + credited * inverseW);
            var acc = block.Load(Account, i);
            block.Store(Account, i, Vector.ConditionalSelect(withRecords, acc * r1 + credited * accountRate, acc));
        }
        return (Vector.Sum(ordinary), Vector.Sum(kSum));
    }

    /// <summary>A year's retirement rules for <see cref="Retire"/>, and the region's rates.</summary>
    public readonly struct RetirementRates
    {
        public BenefitFormula Benefits { get; init; }
        public double MinimumYears { get; init; }
        public bool BuysMissingYears { get; init; }
        public double EmployeeRate { get; init; }
        public double EmployerRate { get; init; }
        public double FloorShare { get; init; }
        /// <summary>The contribution base's floor in yuan (floor share × w).</summary>
        public double FloorWage { get; init; }
        /// <summary>W(t−1): the region's average monthly wage of the year before.</summary>
        public double MonthlyWagePrevious { get; init; }
        /// <summary>1 / the pension index: new pensions are held in index units.</summary>
        public double InversePensionIndex { get; init; }
    }

    /// <summary>What a block's step adds up: set by the engine (paid, pensioners before retiring), <see cref="Accrue"/> and <see cref="Retire"/>.</summary>
    public struct BlockSums
    {
        public double Paid, OrdinaryBase, Contributors, Pensioners, NewPensioners, LumpSums;
    }

    /// <summary>
    /// Retirement in a group block at the year's retiring ages [<paramref name="first"/>, <paramref name="last"/>]: where
    /// q &gt; 0 and N &gt; 0, L = leaving share × N leave the records. With years short of the minimum m they buy the
    /// missing m − years (lump sum L × (m − years) × (er + ee) × floor wage; index years += (m − years) × floor share; account
    /// += ee × floor wage × (m − years)) or, without buying, leave with no pension. The new monthly pension is
    /// basic(W(t−1), I, min(years, 80)) + account / divisor + transitional(W(t−1), I, min(deemed, 80)) with I =
    /// clamp(Σ index years / years, 0, 10) (<see cref="BenefitFormula"/>); P += L at the count-weighted average pension,
    /// and new pensioners = L. <paramref name="pensionSum"/> and <paramref name="pensionerSum"/> (what the next step pays)
    /// take the new pensions; <paramref name="sums"/> the new pensioners, lump sums and pensioners. <paramref name="retiring"/>
    /// (q), <paramref name="leavingShare"/> and <paramref name="inverseDivisor"/> are the group's of the year, from age 0.
    /// </summary>
    public static void Retire(GroupBlock block, int first, int last, ReadOnlySpan<double> retiring, ReadOnlySpan<double> leavingShare,
        ReadOnlySpan<double> inverseDivisor, in RetirementRates c, ref double pensionSum, ref double pensionerSum, ref BlockSums sums)
    {
        var benefits = c.Benefits;
        double minimum = c.MinimumYears, ee = c.EmployeeRate, er = c.EmployerRate, floorWage = c.FloorWage;
        double newPensioners = sums.NewPensioners, lump = sums.LumpSums, pensioners = sums.Pensioners;
        for (int age = first; age <= last; age++)
        {
            newPensioners += block[NewPensioners, age]; // left from an earlier trial step of the same year, else 0
            double n = block[Records, age];
            if (n <= 0) continue;
            if (retiring[age] <= 0) continue;
            double leaving = leavingShare[age] * n;
            block[Records, age] = n - leaving;
            double yrs = block[Years, age], indexYrs = block[IndexYears, age], acc = block[Account, age];
            if (yrs < minimum - 1e-9)
            {
                if (!c.BuysMissingYears) continue;
                double shortfall = minimum - yrs;
                lump += leaving * shortfall * (er + ee) * floorWage;
                yrs = minimum;
                indexYrs += shortfall * c.FloorShare;
                acc += ee * floorWage * shortfall;
            }
            double index = Math.Clamp(indexYrs / yrs, 0, 10);
            double newPension = benefits.BasicPensionUnchecked(c.MonthlyWagePrevious, index, Math.Min(yrs, 80))
                + acc * inverseDivisor[age]
                + benefits.TransitionalPensionUnchecked(c.MonthlyWagePrevious, index, Math.Min(block[Deemed, age], 80));
            double before = block[Pensioners, age];
            double after = before + leaving;
            double newPensionInIndexUnits = newPension * c.InversePensionIndex; // a product, not a division, in the chain of each retirement
            block[Pension, age] = (before * block[Pension, age] + leaving * newPensionInIndexUnits) / after;
            block[Pensioners, age] = after;
            pensionSum += leaving * newPensionInIndexUnits; // paid from the next step of the same year, if any
            pensionerSum += leaving;
            pensioners += leaving;
            newPensioners += leaving - block[NewPensioners, age];
            block[NewPensioners, age] = leaving;
        }
        sums.NewPensioners = newPensioners;
        sums.LumpSums = lump;
        sums.Pensioners = pensioners;
    }

    /// <summary>What <see cref="Age"/> reads besides the block, each span from the group's age 0.</summary>
    public ref struct AgeingInputs
    {
        /// <summary>The group's population of the year and of the next.</summary>
        public ReadOnlySpan<double> From, To;

        /// <summary>The group's covered workers and 1 − R of the next year.</summary>
        public ReadOnlySpan<double> Covered, NotRetired;

        /// <summary>ω of the region.</summary>
        public double Alignment;

        /// <summary>The group's no-entry age, lowest age with pensioners ever, the record floor (below it no records ever) and the deemed floor (below it no deemed years).</summary>
        public int NoEntryAge, PensionFloor, RecordFloor, DeemedFloor;

        /// <summary>The year's retiring ages of the group (their new pensioners are cleared).</summary>
        public int FirstRetiring, LastRetiring;
    }

    /// <summary>
    /// Ages a group block to the next reference date and sets its contributors of the next year. Each cell moves up an
    /// age scaled by the survival ratio S = P(a+1, t+1) / P(a, t) (0 where P(a, t) = 0); 99 and 100+ merge into 100+ with
    /// S = P(100+, t+1) / (P(99, t) + P(100+, t)) and count-weighted averages; age 0 is emptied; new pensioners are cleared.
    /// Contributors K = clamp(ω × covered × (1 − R), 0, pop − P), at most N from the no-entry age; K &gt; N makes K − N new
    /// record holders with no years, who dilute the averages (× N / K). Returns Σ P × pension and Σ P after ageing; the
    /// block's record <paramref name="ceiling"/> and <paramref name="contributorsEnd"/> (no contributors from it up) follow.
    /// </summary>
    public static (double PensionSum, double PensionerSum) Age(GroupBlock block, in AgeingInputs c, ref int ceiling, ref int contributorsEnd)
    {
        ref double from0 = ref MemoryMarshal.GetReference(c.From);
        ref double to1 = ref MemoryMarshal.GetReference(c.To);

        // Open interval: 99 and 100+ merge into 100+.
        {
            double denominator = Unsafe.Add(ref from0, A - 2) + Unsafe.Add(ref from0, A - 1);
            double ratio = denominator > 0 ? Unsafe.Add(ref to1, A - 1) / denominator : 0;
            double n99 = block[Records, A - 2], n100 = block[Records, A - 1];
            double n = n99 + n100;
            if (n > 0)
            {
                foreach (var average in (ReadOnlySpan<CellQuantity>)[Years, Deemed, IndexYears, Account])
                {
                    block[average, A - 1] = (n99 * block[average, A - 2] + n100 * block[average, A - 1]) / n;
                }
            }
            block[Records, A - 1] = n * ratio;
            double p99 = block[Pensioners, A - 2], p100 = block[Pensioners, A - 1];
            double p = p99 + p100;
            block[Pension, A - 1] = p > 0 ? (p99 * block[Pension, A - 2] + p100 * block[Pension, A - 1]) / p : 0;
            block[Pensioners, A - 1] = p * ratio;
        }
        double pensionSum = block[Pensioners, A - 1] * block[Pension, A - 1];
        double pensionerSum = block[Pensioners, A - 1];

        // Ages 1..99 from 0..98, from the top down in lanes (each lane is read before the one below it is written): the
        // pensions down to the pension floor, then the records, with the contributors, from just above the ceiling down to
        // the record floor. The last lanes may reach below the floors, into cells that hold zeros.
        int width = Vector<double>.Count;
        int low = Math.Max(1, c.PensionFloor);
        int d = A - 2; // the highest destination age of the lanes (lanes d − width + 1 .. d)
        Vector<double> paid = Vector<double>.Zero, pSum = Vector<double>.Zero;
        for (; d >= low && d - width + 1 >= 1; d -= width)
        {
            nuint i = (nuint)(d - width + 1), b = i - 1;
            var survival = SurvivalRatio(Vector.LoadUnsafe(ref from0, b), Vector.LoadUnsafe(ref to1, i));
            var pen = block.Load(Pensioners, b) * survival;
            var amount = block.Load(Pension, b);
            block.Store(Pensioners, i, pen);
            block.Store(Pension, i, amount);
            paid += pen * amount;
            pSum += pen;
        }
        pensionSum += Vector.Sum(paid);
        pensionerSum += Vector.Sum(pSum);
        for (; d >= low; d--)
        {
            double pen = block[Pensioners, d - 1] * SurvivalRatio(ref from0, ref to1, d);
            block[Pensioners, d] = pen;
            block[Pension, d] = block[Pension, d - 1];
            pensionSum += pen * block[Pension, d];
            pensionerSum += pen;
        }

        var next = new NextContributors(block, c);
        int top = Math.Min(ceiling + 1, A - 2); // the highest age ageing moves records into
        ceiling = Math.Min(ceiling + 1, A - 1);
        // Contributors are set at ages [record floor, end): up to the ceiling or, if higher, the age before the no-entry
        // age (below it anyone covered may start a record); above that, record holders cap them at none.
        int end = Math.Min(A, Math.Max(ceiling, c.NoEntryAge - 1) + 1);
        // Above the ages moved into (100+, merged above, and any up to the no-entry age): contributors only.
        for (int a = end - 1; a > top; a--) next.Cell(a);
        var omega = new Vector<double>(c.Alignment);
        int noEntryFrom = c.NoEntryAge;
        ref double covered = ref MemoryMarshal.GetReference(c.Covered);
        ref double notRetired = ref MemoryMarshal.GetReference(c.NotRetired);
        low = Math.Max(1, c.RecordFloor);
        // Lanes reaching the deemed floor move the deemed years; those below it leave them alone (they hold zeros).
        d = AgeRecordLanes<FlagOn>(block, ref from0, ref to1, ref covered, ref notRetired, omega, noEntryFrom, top, Math.Max(low, c.DeemedFloor));
        d = AgeRecordLanes<FlagOff>(block, ref from0, ref to1, ref covered, ref notRetired, omega, noEntryFrom, d, low);
        for (; d >= low; d--)
        {
            block[Records, d] = block[Records, d - 1] * SurvivalRatio(ref from0, ref to1, d);
            block[Years, d] = block[Years, d - 1];
            block[Deemed, d] = block[Deemed, d - 1];
            block[IndexYears, d] = block[IndexYears, d - 1];
            block[Account, d] = block[Account, d - 1];
            next.Cell(d);
        }
        foreach (var quantity in (ReadOnlySpan<CellQuantity>)[Records, Years, Deemed, IndexYears, Account, Pensioners, Pension]) block[quantity, 0] = 0;
        // Below the lanes (age 0, with a record floor of 0): once age 0 is cleared.
        for (int a = c.RecordFloor; a < low && a < end; a++) next.Cell(a);
        // Contributors from the end up are 0: clear those set since the block's end was last lowered (usually none).
        for (int a = end; a < contributorsEnd; a++) block[Contributors, a] = 0;
        contributorsEnd = end;
        ceiling = GroupBlock.LowerCeiling(block, end - 1, c.RecordFloor);
        for (int a = c.FirstRetiring; a <= c.LastRetiring; a++) block[NewPensioners, a] = 0;
        return (pensionSum, pensionerSum);
    }

    /// <summary>
    /// The record holders' lanes of <see cref="Age"/>, from the lanes ending at age <paramref name="d"/> down while they
    /// end at or above <paramref name="stop"/> (and start at 1 or above): each moves the records (× S) and their averages
    /// up an age and sets the next year's contributors there; the deemed years too with <typeparamref name="TMoveDeemed"/>
    /// on. Returns the top age of the next lane down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AgeRecordLanes<TMoveDeemed>(GroupBlock block, ref double from0, ref double to1, ref double covered, ref double notRetired,
        Vector<double> omega, int noEntryFrom, int d, int stop)
        where TMoveDeemed : struct, ILoopFlag
    {
        int width = Vector<double>.Count;
        for (; d >= stop && d - width + 1 >= 1; d -= width)
        {
            nuint i = (nuint)(d - width + 1), b = i - 1;
            var persons = Vector.LoadUnsafe(ref to1, i); // also the contributors' population
            var rec = block.Load(Records, b) * SurvivalRatio(Vector.LoadUnsafe(ref from0, b), persons);
            var yrs = block.Load(Years, b);
            var dmd = TMoveDeemed.On ? block.Load(Deemed, b) : default;
            var idx = block.Load(IndexYears, b);
            var acc = block.Load(Account, b);
            var k = omega * Vector.LoadUnsafe(ref covered, i) * Vector.LoadUnsafe(ref notRetired, i);
            k = Vector.MaxNative(Vector<double>.Zero, Vector.MinNative(k, persons - block.Load(Pensioners, i)));
            // From the no-entry age up, at most the record holders (a whole lane, or the one lane the age splits).
            if (d - width + 1 >= noEntryFrom) k = Vector.MinNative(k, rec);
            else if (d >= noEntryFrom)
            {
                var ages = Vector<double>.Indices + new Vector<double>(d - width + 1);
                k = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(ages, new Vector<double>(noEntryFrom)), Vector.MinNative(k, rec), k);
            }
            block.Store(Contributors, i, k);
            if (Vector.GreaterThanAny(k, rec))
            {
                var more = Vector.GreaterThan(k, rec);
                var keep = Vector.ConditionalSelect(more, rec / k, Vector<double>.One);
                yrs *= keep;
                if (TMoveDeemed.On) dmd *= keep;
                idx *= keep;
                acc *= keep;
                rec = Vector.ConditionalSelect(more, k, rec);
            }
            block.Store(Records, i, rec);
            block.Store(Years, i, yrs);
            if (TMoveDeemed.On) block.Store(Deemed, i, dmd);
            block.Store(IndexYears, i, idx);
            block.Store(Account, i, acc);
        }
        return d;
    }

    /// <summary>P(a+1, t+1) / P(a, t) from those lanes of the two populations, 0 where P(a, t) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SurvivalRatio(Vector<double> from, Vector<double> to) =>
        Vector.ConditionalSelect(Vector.GreaterThan(from, Vector<double>.Zero), to / from, Vector<double>.Zero);

    /// <summary>P(d, t+1) / P(d − 1, t) of one cell, 0 where P(d − 1, t) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SurvivalRatio(ref double pop0, ref double pop1, int d)
    {
        double from = Unsafe.Add(ref pop0, d - 1);
        return from > 0 ? Unsafe.Add(ref pop1, d) / from : 0;
    }

    /// <summary>
    /// Adds a group block's members, after retirement and before ageing, to the rows of its (region, sex) over ages 0–100:
    /// contributors += K and pensioners += P − new pensioners (those paid in the year who retired before it), in
    /// <paramref name="members"/> (contributors, then pensioners). The first education group of a sex
    /// (<paramref name="first"/>) writes 0 + its values to the whole rows instead of adding, so nothing clears them; a
    /// later group adds only its contributors at [<paramref name="contributorsFrom"/>, <paramref name="contributorsEnd"/>)
    /// and its pensioners from <paramref name="pensionersFrom"/>: the block holds zeros elsewhere (no records below the
    /// record floor, no contributors from the block's contributors' end, no pensioners below the group's first pension
    /// age), and adding a zero leaves a row's value as it is. The groups come in education order, so each row is the sum
    /// the plain loop takes (0 + x₀ + x₁ + …). One pass over the block instead of one per row; allocation-free.
    /// </summary>
    public static void AddMembers(GroupBlock block, Span<double> members, bool first, int contributorsFrom, int contributorsEnd, int pensionersFrom)
    {
        int width = Vector<double>.Count;
        if (members.Length != 2 * A) throw new ArgumentException($"expected {2 * A} cells", nameof(members));
        ref double contributors = ref MemoryMarshal.GetReference(members);
        ref double pensioners = ref Unsafe.Add(ref contributors, A);
        // The rows are 101 ages without padding: lanes stop before the last whole lane that would pass age 100.
        int a = 0;
        if (first)
        {
            for (; a + width <= A; a += width)
            {
                nuint at = (nuint)a;
                (Vector<double>.Zero + block.Load(Contributors, at)).StoreUnsafe(ref contributors, at);
                (Vector<double>.Zero + (block.Load(Pensioners, at) - block.Load(NewPensioners, at))).StoreUnsafe(ref pensioners, at);
            }
            for (; a < A; a++)
            {
                Unsafe.Add(ref contributors, a) = 0 + block[Contributors, a];
                Unsafe.Add(ref pensioners, a) = 0 + (block[Pensioners, a] - block[NewPensioners, a]);
            }
            return;
        }
        // Lanes from the lane boundary at or below the first age (cells below it add zeros).
        int end = Math.Min(contributorsEnd, A);
        for (a = Math.Max(0, contributorsFrom) / width * width; a < end && a + width <= A; a += width)
        {
            nuint at = (nuint)a;
            (Vector.LoadUnsafe(ref contributors, at) + block.Load(Contributors, at)).StoreUnsafe(ref contributors, at);
        }
        for (; a < end; a++) Unsafe.Add(ref contributors, a) += block[Contributors, a];
        for (a = Math.Max(0, pensionersFrom) / width * width; a + width <= A; a += width)
        {
            nuint at = (nuint)a;
            (Vector.LoadUnsafe(ref pensioners, at) + (block.Load(Pensioners, at) - block.Load(NewPensioners, at))).StoreUnsafe(ref pensioners, at);
        }
        for (; a < A; a++) Unsafe.Add(ref pensioners, a) += block[Pensioners, a] - block[NewPensioners, a];
    }

    /// <summary>The next year's contributors of one cell of <see cref="Age"/> (the lanes' rule, one cell).</summary>
    private readonly ref struct NextContributors(GroupBlock block, in AgeingInputs c)
    {
        private readonly GroupBlock _block = block;
        private readonly ReadOnlySpan<double> _covered = c.Covered, _notRetired = c.NotRetired, _population = c.To;
        private readonly int _noEntryFrom = c.NoEntryAge;
        private readonly double _alignment = c.Alignment;

        public void Cell(int a)
        {
            var b = _block;
            double k = _alignment * _covered[a] * _notRetired[a];
            k = Math.Max(0, Math.Min(k, _population[a] - b[Pensioners, a]));
            double n = b[Records, a];
            if (a >= _noEntryFrom) k = Math.Min(k, n);
            b[Contributors, a] = k;
            if (k > n)
            {
                double keep = n / k;
                b[Years, a] *= keep;
                b[Deemed, a] *= keep;
                b[IndexYears, a] *= keep;
                b[Account, a] *= keep;
                b[Records, a] = k;
            }
        }
    }
}
