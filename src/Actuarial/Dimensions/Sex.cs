namespace Actuarial.Dimensions;

/// <summary>Sex of a population cell. The numeric values index the grid's sex axis.</summary>
public enum Sex
{
    /// <summary>Males (index 0).</summary>
    Male = 0,
    /// <summary>Females (index 1).</summary>
    Female = 1,
}

/// <summary>Helpers for the sex axis.</summary>
public static class Sexes
{
    /// <summary>Number of sexes on the grid.</summary>
    public const int Count = 2;

    /// <summary>Both sexes in grid order.</summary>
    public static IReadOnlyList<Sex> All { get; } = [Sex.Male, Sex.Female];

    /// <summary>Lower-case English label used in CSV files: <c>male</c> or <c>female</c>.</summary>
    public static string Label(this Sex sex) => sex == Sex.Male ? "male" : "female";
}
