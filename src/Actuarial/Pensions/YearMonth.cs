using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>
/// A calendar month (year and month 1..12), the time grain of the scheme rules: contribution rates change on the
/// first day of a month, and a statutory retirement age is a whole number of months reached in the month of birth
/// plus that many months. Values compare and subtract through <see cref="Index"/>, the months since year 0.
/// </summary>
internal readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Creates a calendar month.</summary>
    /// <param name="year">Calendar year, 1..9999.</param>
    /// <param name="month">Month, 1 (January) .. 12 (December).</param>
    /// <exception cref="InputDataException">The year or month is out of range.</exception>
    public YearMonth(int year, int month)
    {
        Year = RuleChecks.InRange(year, 1, 9999, nameof(YearMonth), nameof(year));
        Month = RuleChecks.InRange(month, 1, 12, nameof(YearMonth), nameof(month));
    }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Month of the year, 1..12.</summary>
    public int Month { get; }

    /// <summary>Months since January of year 0: <c>12 × Year + Month − 1</c>.</summary>
    public int Index => 12 * Year + Month - 1;

    /// <summary>The month with a given <see cref="Index"/>.</summary>
    public static YearMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    /// <summary>True when <paramref name="a"/> is earlier than <paramref name="b"/>.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;

    /// <summary>True when <paramref name="a"/> is later than <paramref name="b"/>.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;

    /// <summary>True when <paramref name="a"/> is not later than <paramref name="b"/>.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;

    /// <summary>True when <paramref name="a"/> is not earlier than <paramref name="b"/>.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    /// <inheritdoc />
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
