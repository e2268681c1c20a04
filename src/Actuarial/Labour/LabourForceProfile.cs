using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Labour;

/// <summary>
/// The base labour-force profile: participation (economically active / population) by sex × education × single
/// year of age, and unemployment (unemployed / active) by sex × education. Immutable; every rate is in [0, 1].
/// Scenario levers (<see cref="LabourLever"/>) move these base rates over the years; the profile itself has no year.
/// </summary>
public sealed class LabourForceProfile
{
    /// <summary>Cells of one profile: sexes × education levels × ages (the layout of one region of <see cref="PopulationShape"/>).</summary>
    internal const int Cells = PopulationShape.CellsPerRegion;

    private readonly double[] _participation;
    private readonly double[] _unemployment;

    /// <summary>Creates a profile; the arrays are copied and checked.</summary>
    /// <param name="participation">Participation rates in the layout of one region of <see cref="PopulationShape"/> ([sex, education, age], age fastest; 1,212 values).</param>
    /// <param name="unemployment">Unemployment rates by [sex, education] (12 values, education fastest).</param>
    /// <param name="source">Name used in error messages.</param>
    /// <exception cref="InputDataException">Wrong lengths, or a rate outside [0, 1].</exception>
    internal LabourForceProfile(ReadOnlySpan<double> participation, ReadOnlySpan<double> unemployment, string source = "labour force profile")
    {
        if (participation.Length != Cells)
        {
            throw new InputDataException(source, null, "participation", participation.Length.ToString(CultureInfo.InvariantCulture),
                $"{Cells} values (2 sexes × 6 education levels × 101 ages)");
        }
        if (unemployment.Length != Sexes.Count * EducationLevels.Count)
        {
            throw new InputDataException(source, null, "unemployment", unemployment.Length.ToString(CultureInfo.InvariantCulture),
                "12 values (2 sexes × 6 education levels)");
        }
        for (int i = 0; i < participation.Length; i++)
        {
            CheckRate(source, $"participation[{Describe(i)}]", participation[i]);
        }
        for (int i = 0; i < unemployment.Length; i++)
        {
            CheckRate(source, $"unemployment[{((Sex)(i / EducationLevels.Count)).Label()}, {((EducationLevel)(i % EducationLevels.Count)).Label()}]", unemployment[i]);
        }
        _participation = participation.ToArray();
        _unemployment = unemployment.ToArray();
        Source = source;
    }

    /// <summary>Name used in error messages (and where the profile came from).</summary>
    public string Source { get; }

    /// <summary>All participation rates in the [sex, education, age] layout.</summary>
    internal ReadOnlySpan<double> Participation => _participation;

    /// <summary>All unemployment rates in the [sex, education] layout.</summary>
    internal ReadOnlySpan<double> Unemployment => _unemployment;

    /// <summary>Participation rate of one cell.</summary>
    public double ParticipationRate(Sex sex, EducationLevel education, int age) => _participation[Index(sex, education, age)];

    /// <summary>Unemployment rate of a sex and education level.</summary>
    public double UnemploymentRate(Sex sex, EducationLevel education) => _unemployment[(int)sex * EducationLevels.Count + (int)education];

    /// <summary>Index of a cell in <see cref="Participation"/>.</summary>
    internal static int Index(Sex sex, EducationLevel education, int age) => ((int)sex * EducationLevels.Count + (int)education) * Ages.Count + age;

    internal static string Describe(int cell)
    {
        int age = cell % Ages.Count;
        int rest = cell / Ages.Count;
        return $"{((Sex)(rest / EducationLevels.Count)).Label()}, {((EducationLevel)(rest % EducationLevels.Count)).Label()}, age {Ages.Label(age)}";
    }

    internal static void CheckRate(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new InputDataException(source, null, field, value.ToString("R", CultureInfo.InvariantCulture), "a rate in [0, 1] (0 % to 100 %)");
        }
    }
}

/// <summary>
/// The age shape of participation: a documented functional form (a double logistic), because no participation rates by
/// single year or five-year group of age were found for China (data/README.md, "Gaps"). The level by sex × education
/// is calibrated to data separately (<c>LabourCalibration.CalibrateLabourForce</c>, Actuarial.China); this record only gives the shape.
/// </summary>
/// <remarks>
/// shape(sex, e, a) = 0 for a &lt; <see cref="MinimumWorkingAge"/>, else
/// 1 / (1 + exp(−(a − m_e) / <see cref="EntryScaleYears"/>)) × 1 / (1 + exp((a − x_sex) / <see cref="ExitScaleYears"/>)),
/// with the entry midpoint m_e = max(<see cref="MinimumWorkingAge"/>, <see cref="SchoolEntryAge"/> + years of schooling of level e)
/// and the exit midpoint x_sex = <see cref="ExitMidpointMale"/> or <see cref="ExitMidpointFemale"/>.
/// </remarks>
internal sealed record ParticipationAgeShape
{
    /// <summary>Minimum working age, 16: the Labour Law of the PRC (1994), art. 15, forbids employing minors under 16 [S, law]. Participation below it is 0.</summary>
    public int MinimumWorkingAge { get; init; } = 16;

    /// <summary>School entry age, 6: the age of entry to primary school under the Compulsory Education Law [S, law]; entry to work follows the end of schooling.</summary>
    public double SchoolEntryAge { get; init; } = 6;

    /// <summary>Years of schooling per level that set the end of schooling; default <see cref="SchoolingYears.IscedChina"/> (6-3-3 system, post-secondary 15.5).</summary>
    public SchoolingYears SchoolingYears { get; init; } = SchoolingYears.IscedChina;

    /// <summary>Spread of labour-market entry around the end of schooling, 1 year: ASSUMPTION (no data by age; entry spread over about ±2 years).</summary>
    public double EntryScaleYears { get; init; } = 1.0;

    /// <summary>
    /// Age at which half of men have left the labour force, 65: ASSUMPTION. No age data; the profile is of the whole
    /// population (the census and WDI rates it is calibrated to include rural people, many of whom farm past 60), so exit
    /// is later than the statutory age of 60. Retirement from covered employment is applied by the scheme layer, not here.
    /// </summary>
    public double ExitMidpointMale { get; init; } = 65;

    /// <summary>
    /// Age at which half of women have left the labour force, 65: ASSUMPTION, the same as men's, because no age data
    /// separates them; the difference in level between the sexes is carried by the calibrated level factors.
    /// </summary>
    public double ExitMidpointFemale { get; init; } = 65;

    /// <summary>Spread of exit around the midpoint, 4 years: ASSUMPTION (exit spread over roughly ±8 years).</summary>
    public double ExitScaleYears { get; init; } = 4.0;

    /// <summary>The shape value (in [0, 1)) of a cell.</summary>
    internal double Value(Sex sex, EducationLevel education, int age)
    {
        if (age < MinimumWorkingAge) return 0;
        double entryMid = Math.Max(MinimumWorkingAge, SchoolEntryAge + SchoolingYears[education]);
        double exitMid = sex == Sex.Male ? ExitMidpointMale : ExitMidpointFemale;
        double entry = 1 / (1 + Math.Exp(-(age - entryMid) / EntryScaleYears));
        double exit = 1 / (1 + Math.Exp((age - exitMid) / ExitScaleYears));
        return entry * exit;
    }
}
