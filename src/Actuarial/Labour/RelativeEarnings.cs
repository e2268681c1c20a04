using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Labour;

/// <summary>
/// Relative earnings by sex × education × age: a Mincer (1974) earnings function,
/// ln w = ρ·S(e) + β₁·X + β₂·X² + δ·[female], with X = max(0, age − S(e) − school entry age) the potential experience.
/// Only relative values matter: the compiled model rescales them so that the covered-worker-weighted mean of each
/// province equals its average wage. Immutable.
/// </summary>
/// <remarks>
/// Sourced: the return to schooling ρ = 0.102 per year, the OLS estimate for urban China in 2001 of Zhang, Zhao, Park
/// and Song (2005), "Economic returns to schooling in urban China, 1988 to 2001", <i>Journal of Comparative
/// Economics</i> 33(4): 730–752 (abstract: 4.0 % in 1988 rising to 10.2 % in 2001), the latest year of that study.
/// Not sourced, so flat by default (an assumption, said so): the experience terms β₁ = β₂ = 0 (no age-earnings profile)
/// and the sex gap δ = 0. Set them with <c>with</c> once a Chinese estimate is curated.
/// </remarks>
public sealed record RelativeEarnings
{
    /// <summary>Return to one year of schooling (log points), default 0.102 (Zhang et al. 2005, urban China 2001).</summary>
    public double ReturnToSchooling { get; init => field = Check(value, -1, 1, nameof(ReturnToSchooling)); } = 0.102;

    /// <summary>Coefficient of potential experience (log points per year); default 0, ASSUMPTION (not sourced: flat age profile).</summary>
    public double ExperienceLinear { get; init => field = Check(value, -1, 1, nameof(ExperienceLinear)); }

    /// <summary>Coefficient of potential experience squared; default 0, ASSUMPTION (not sourced).</summary>
    public double ExperienceQuadratic { get; init => field = Check(value, -0.1, 0.1, nameof(ExperienceQuadratic)); }

    /// <summary>Log earnings of women relative to men of the same education and age; default 0, ASSUMPTION (not sourced).</summary>
    public double FemaleLogGap { get; init => field = Check(value, -3, 3, nameof(FemaleLogGap)); }

    /// <summary>Years of schooling per level, default <see cref="SchoolingYears.IscedChina"/> (0, 3, 6, 9, 12, 15.5).</summary>
    public SchoolingYears SchoolingYears { get; init => field = value ?? throw new ArgumentNullException(nameof(SchoolingYears)); } = SchoolingYears.IscedChina;

    /// <summary>School entry age used for potential experience, 6 (Compulsory Education Law).</summary>
    public double SchoolEntryAge { get; init => field = Check(value, 0, 20, nameof(SchoolEntryAge)); } = 6;

    /// <summary>Relative earnings exp(ln w) of a cell (unnormalised, &gt; 0).</summary>
    internal double Value(Sex sex, EducationLevel education, int age)
    {
        double s = SchoolingYears[education];
        double x = Math.Max(0, age - s - SchoolEntryAge);
        double ln = ReturnToSchooling * s + ExperienceLinear * x + ExperienceQuadratic * x * x + (sex == Sex.Female ? FemaleLogGap : 0);
        return Math.Exp(ln);
    }

    private static double Check(double value, double min, double max, string field)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new InputDataException(nameof(RelativeEarnings), null, field, value.ToString("R", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"a finite value in [{min}, {max}]"));
        }
        return value;
    }
}
