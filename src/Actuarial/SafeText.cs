using System.Globalization;
using System.Text;

namespace Actuarial;

/// <summary>Text that reaches a terminal, a file name or a chart: control characters made visible, long values cut.</summary>
internal static class SafeText
{
    /// <summary>Longest value echoed in a message.</summary>
    public const int MaxShownLength = 200;

    /// <summary>True when <paramref name="c"/> would act on a terminal or reorder text: C0 and C1 controls, DEL, the bidirectional overrides and isolates, and the line and paragraph separators.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c is '\u200E' or '\u200F';

    /// <summary>The first unsafe character's index, or −1.</summary>
    public static int FirstUnsafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i])) return i;
        }
        return -1;
    }

    /// <summary>The value as it may be printed: each unsafe character as \uXXXX, and at most <see cref="MaxShownLength"/> characters (then "… (N characters)").</summary>
    public static string Show(string? text)
    {
        if (text is null) return "";
        var shown = text.Length > MaxShownLength ? text[..MaxShownLength] : text;
        if (FirstUnsafe(shown) >= 0)
        {
            var sb = new StringBuilder(shown.Length + 16);
            foreach (char c in shown) sb.Append(IsUnsafe(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString());
            shown = sb.ToString();
        }
        return text.Length > MaxShownLength ? string.Create(CultureInfo.InvariantCulture, $"{shown}… ({text.Length} characters)") : shown;
    }
}
