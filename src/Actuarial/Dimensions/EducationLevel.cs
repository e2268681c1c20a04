namespace Actuarial.Dimensions;

/// <summary>
/// Educational attainment: the Wittgenstein Centre's six-level scheme (WIC Data Explorer v2, 2018),
/// which the default path of attainment (SSP2 for China) is published in. Children carry
/// <see cref="NoEducation"/> until the attainment transitions that start at age 15.
/// </summary>
public enum EducationLevel
{
    /// <summary>Never attended school (WIC "No Education").</summary>
    NoEducation = 0,
    /// <summary>Some primary, not completed (WIC "Incomplete Primary").</summary>
    IncompletePrimary = 1,
    /// <summary>Primary completed (WIC "Primary").</summary>
    Primary = 2,
    /// <summary>Lower secondary completed (WIC "Lower Secondary"; China's junior middle school).</summary>
    LowerSecondary = 3,
    /// <summary>Upper secondary completed (WIC "Upper Secondary"; senior middle and vocational school).</summary>
    UpperSecondary = 4,
    /// <summary>Any post-secondary (WIC "Post Secondary": short-cycle, bachelor, master and higher).</summary>
    PostSecondary = 5,
}

/// <summary>Helpers for the education axis.</summary>
public static class EducationLevels
{
    /// <summary>Number of education levels on the grid.</summary>
    public const int Count = 6;

    /// <summary>All levels in grid order, lowest first.</summary>
    public static IReadOnlyList<EducationLevel> All { get; } =
        [EducationLevel.NoEducation, EducationLevel.IncompletePrimary, EducationLevel.Primary,
         EducationLevel.LowerSecondary, EducationLevel.UpperSecondary, EducationLevel.PostSecondary];

    /// <summary>The label used in the library's CSV files (snake case).</summary>
    public static string Label(this EducationLevel level) => level switch
    {
        EducationLevel.NoEducation => "no_education",
        EducationLevel.IncompletePrimary => "incomplete_primary",
        EducationLevel.Primary => "primary",
        EducationLevel.LowerSecondary => "lower_secondary",
        EducationLevel.UpperSecondary => "upper_secondary",
        EducationLevel.PostSecondary => "post_secondary",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown education level"),
    };

    /// <summary>Parses a CSV label written by <see cref="Label"/>; returns false for anything else.</summary>
    public static bool TryParse(string text, out EducationLevel level)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Label(), text, StringComparison.Ordinal))
            {
                level = candidate;
                return true;
            }
        }
        level = default;
        return false;
    }
}
