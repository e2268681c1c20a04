namespace Actuarial.Dimensions;

/// <summary>
/// The age axis: single years 0..99 and the open interval 100+ (stored at index 100).
/// </summary>
public static class Ages
{
    /// <summary>Number of age cells (0..100).</summary>
    public const int Count = 101;

    /// <summary>The open interval's index: age 100 stands for 100 and over.</summary>
    public const int OpenInterval = 100;

    /// <summary>Label of an age cell: "0".."99" or "100+".</summary>
    public static string Label(int age) => age == OpenInterval ? "100+" : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
