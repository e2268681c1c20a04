using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Actuarial.Dimensions;

namespace Actuarial.Scheme;

/// <summary>The quantities of a scheme cell (see <see cref="SchemeProjector"/>, state), one array each in a group block.</summary>
internal enum CellQuantity
{
    /// <summary>N: persons with a contribution record who have not retired.</summary>
    Records,

    /// <summary>K: contributors (K ≤ N).</summary>
    Contributors,

    /// <summary>Average contribution years per record holder, deemed years included.</summary>
    Years,

    /// <summary>Average deemed years per record holder.</summary>
    Deemed,

    /// <summary>Average Σ contribution index over the years, per record holder.</summary>
    IndexYears,

    /// <summary>Average individual-account balance per record holder, yuan.</summary>
    Account,

    /// <summary>P: pensioners.</summary>
    Pensioners,

    /// <summary>Average monthly pension per pensioner, in units of the engine's pension index (yuan at the base year).</summary>
    Pension,

    /// <summary>Those who retired in the year's step (0 outside the year's retiring ages).</summary>
    NewPensioners,
}

/// <summary>
/// The scheme's cell state as the kernels work on it: one block per (region, sex, education) group, holding the group's
/// <see cref="CellQuantity"/> arrays over ages 0–100 one after another. This class and <see cref="GroupBlock"/> are the
/// only code that knows the layout (offsets, padding, alignment); everything else reads cells by quantity and age.
/// </summary>
internal sealed class SchemeBlocks
{
    private const int A = Ages.Count;
    private const int Quantities = 9;

    /// <summary>Cells a lane may read or write past age 100 (each holds 0): the kernels' last lanes need no scalar tail.</summary>
    public const int PastAge100 = 3;

    /// <summary>Cells from one quantity's age 0 to the next quantity's: 101 ages and the padding.</summary>
    public const int Stride = A + PastAge100;

    private const int BlockLength = Quantities * Stride;

    private readonly double[] _cells; // pinned, so that the blocks keep the 64-byte alignment _offset gives them
    private readonly int _offset;
    private readonly int _blockCount;
    private readonly double[]?[] _views = new double[Quantities][];
    private readonly int[] _viewVersions = new int[Quantities];
    private int _version = 1;

    public SchemeBlocks(int blockCount)
    {
        _blockCount = blockCount;
        _cells = GC.AllocateArray<double>(blockCount * BlockLength + 8, pinned: true);
        _offset = AlignedOffset(_cells);
        RecordCeiling = new int[blockCount];
        ContributorsEnd = new int[blockCount];
        PensionSum = new double[blockCount];
        PensionerSum = new double[blockCount];
    }

    /// <summary>[block]: the highest age with record holders (below the record floor if none); nothing to accrue, age or contribute above it.</summary>
    public int[] RecordCeiling { get; }

    /// <summary>[block]: no contributors from this age up.</summary>
    public int[] ContributorsEnd { get; }

    /// <summary>[block]: Σ pensioners × pension (index units), what the next step pays; kept up as ageing and retirement change it.</summary>
    public double[] PensionSum { get; }

    /// <summary>[block]: Σ pensioners, alongside <see cref="PensionSum"/>.</summary>
    public double[] PensionerSum { get; }

    /// <summary>Block <paramref name="block"/> (region × 12 + sex × 6 + education).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GroupBlock Block(int block) =>
        new(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cells), _offset + block * BlockLength));

    /// <summary>Marks the state as changed, so the by-cell views gather it again when read.</summary>
    public void Changed() => _version++;

    /// <summary>One quantity by cell of the grid (region, sex, education, age), gathered from the blocks if the state has changed since it was last read.</summary>
    public ReadOnlySpan<double> View(CellQuantity quantity)
    {
        int k = (int)quantity;
        var view = _views[k] ??= new double[_blockCount * A];
        if (_viewVersions[k] != _version)
        {
            for (int b = 0; b < _blockCount; b++) _cells.AsSpan(_offset + b * BlockLength + k * Stride, A).CopyTo(view.AsSpan(b * A, A));
            _viewVersions[k] = _version;
        }
        return view;
    }

    /// <summary>The highest age at or below <paramref name="ceiling"/> with record holders in block <paramref name="block"/> (below <paramref name="floor"/> if none).</summary>
    public int LowerCeiling(int block, int ceiling, int floor) => GroupBlock.LowerCeiling(Block(block), ceiling, floor);

    /// <summary>The first element of <paramref name="cells"/> (pinned) at a 64-byte boundary: every block then starts a cache line (a block is a whole number of lines).</summary>
    private static unsafe int AlignedOffset(double[] cells)
    {
        fixed (double* p = cells) return (int)((64 - ((nuint)p & 63)) & 63) / sizeof(double);
    }
}

/// <summary>
/// One group's block of <see cref="SchemeBlocks"/>: its quantities by age, one cell (<c>block[quantity, age]</c>) or one
/// lane of <see cref="Vector{T}"/> ages at a time. Every quantity is reached from the one reference it holds.
/// </summary>
internal readonly ref struct GroupBlock
{
    private readonly ref double _age0;

    public GroupBlock(ref double age0) => _age0 = ref age0;

    /// <summary>The cell of <paramref name="quantity"/> at <paramref name="age"/> (up to <see cref="SchemeBlocks.PastAge100"/> past 100).</summary>
    public ref double this[CellQuantity quantity, int age]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref _age0, (int)quantity * SchemeBlocks.Stride + age);
    }

    /// <summary>The ages 0–100 of <paramref name="quantity"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<double> Ages(CellQuantity quantity) => MemoryMarshal.CreateReadOnlySpan(ref this[quantity, 0], Dimensions.Ages.Count);

    /// <summary>The lane of <paramref name="quantity"/> from <paramref name="age"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Load(CellQuantity quantity, nuint age) => Vector.LoadUnsafe(ref _age0, (nuint)((int)quantity * SchemeBlocks.Stride) + age);

    /// <summary>
    /// The highest age at or below <paramref name="ceiling"/> with record holders in <paramref name="block"/> (below
    /// <paramref name="floor"/> if none). Static, the block passed by value: an instance method that is not inlined takes
    /// the block by reference, which would keep a caller's block out of a register.
    /// </summary>
    public static int LowerCeiling(GroupBlock block, int ceiling, int floor)
    {
        while (ceiling >= floor && !(block[CellQuantity.Records, ceiling] > 0)) ceiling--;
        return ceiling;
    }

    /// <summary>Stores <paramref name="value"/> as the lane of <paramref name="quantity"/> from <paramref name="age"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(CellQuantity quantity, nuint age, Vector<double> value) => value.StoreUnsafe(ref _age0, (nuint)((int)quantity * SchemeBlocks.Stride) + age);
}
