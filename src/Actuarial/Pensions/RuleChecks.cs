using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>Validation shared by the scheme rules: a bad parameter throws <see cref="InputDataException"/>, never a clamp.</summary>
internal static class RuleChecks
{
    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns <paramref name="value"/> when it is finite and in [min, max]; throws otherwise.</summary>
    internal static double InRange(double value, double min, double max, string source, string field)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new InputDataException(source, null, field, Show(value), $"a finite value in [{Show(min)}, {Show(max)}]");
        }
        return value;
    }

    /// <summary>Returns <paramref name="value"/> when it is in [min, max]; throws otherwise.</summary>
    internal static int InRange(int value, int min, int max, string source, string field)
    {
        if (value < min || value > max)
        {
            throw new InputDataException(source, null, field, Show(value), $"an integer in [{Show(min)}, {Show(max)}]");
        }
        return value;
    }

    /// <summary>A rate (a share of a wage or of a contribution) must be in [0, 1].</summary>
    internal static double Rate(double value, string source, string field) => InRange(value, 0, 1, source, field);

    /// <summary>Checks a per-call argument; a bad argument is a programming error, so this throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    internal static double Argument(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"expected a finite value in [{Show(min)}, {Show(max)}]");
        }
        return value;
    }

    internal static T NotNull<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentNullException(name);
}
