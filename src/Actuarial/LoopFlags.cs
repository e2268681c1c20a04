namespace Actuarial;

/// <summary>
/// A yes-or-no known when a generic method is compiled: a hot loop written once as <c>Loop&lt;TFlag&gt;</c> and called
/// with <see cref="FlagOn"/> or <see cref="FlagOff"/> compiles to two loops, each without the test or the branch it
/// leaves out.
/// </summary>
internal interface ILoopFlag
{
    /// <summary>The flag's value, a constant of the type.</summary>
    static abstract bool On { get; }
}

/// <summary>The flag set (see <see cref="ILoopFlag"/>).</summary>
internal readonly struct FlagOn : ILoopFlag
{
    public static bool On => true;
}

/// <summary>The flag not set (see <see cref="ILoopFlag"/>).</summary>
internal readonly struct FlagOff : ILoopFlag
{
    public static bool On => false;
}
