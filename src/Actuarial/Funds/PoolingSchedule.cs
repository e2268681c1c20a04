using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Funds;

/// <summary>One pooling rule in force over the calendar years [<paramref name="FirstYear"/>, <paramref name="LastYear"/>].</summary>
/// <param name="FirstYear">First calendar year the rule applies to.</param>
/// <param name="LastYear">Last calendar year (use <see cref="int.MaxValue"/> for "from then on").</param>
/// <param name="Rule">The rule.</param>
internal sealed record PoolingPeriod(int FirstYear, int LastYear, IPoolingRule Rule);

/// <summary>
/// Which pooling rule applies in which year. Periods may not overlap (an <see cref="InputDataException"/> otherwise);
/// a year no period covers is an error when a projection reaches it, never a silent default.
/// </summary>
public sealed class PoolingSchedule
{
    private readonly PoolingPeriod[] _periods;

    /// <summary>Creates a schedule; the periods are sorted by first year and checked.</summary>
    /// <exception cref="InputDataException">A period is empty (last year before first) or two periods overlap.</exception>
    internal PoolingSchedule(IEnumerable<PoolingPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        _periods = periods.OrderBy(p => p.FirstYear).ToArray();
        if (_periods.Length == 0) throw new InputDataException("pooling schedule", null, "periods", "(empty)", "at least one period");
        for (int i = 0; i < _periods.Length; i++)
        {
            var p = _periods[i];
            if (p.Rule is null) throw new InputDataException("pooling schedule", null, $"periods[{p.FirstYear}].Rule", null, "a pooling rule");
            if (p.LastYear < p.FirstYear)
            {
                throw new InputDataException("pooling schedule", null, $"period {p.Rule.Name}", Years(p), "last year ≥ first year");
            }
            if (i > 0 && p.FirstYear <= _periods[i - 1].LastYear)
            {
                throw new InputDataException("pooling schedule", null, $"period {p.Rule.Name}", Years(p),
                    $"years not overlapping the period {Years(_periods[i - 1])} ({_periods[i - 1].Rule.Name})");
            }
        }
    }

    /// <summary>The periods in year order.</summary>
    internal IReadOnlyList<PoolingPeriod> Periods => _periods;

    /// <summary>The rule in force in a year.</summary>
    /// <exception cref="InputDataException">No period covers the year.</exception>
    public IPoolingRule RuleFor(int year)
    {
        foreach (var p in _periods)
        {
            if (year >= p.FirstYear && year <= p.LastYear) return p.Rule;
        }
        throw new InputDataException("pooling schedule", null, "year", year.ToString(CultureInfo.InvariantCulture), "a year covered by one of the periods " +
            string.Join(", ", _periods.Select(Years)));
    }

    /// <summary>The same rule in every year.</summary>
    public static PoolingSchedule Always(IPoolingRule rule) => new([new PoolingPeriod(int.MinValue, int.MaxValue, rule)]);

    private static string Years(PoolingPeriod p) =>
        $"{(p.FirstYear == int.MinValue ? "…" : p.FirstYear.ToString(CultureInfo.InvariantCulture))}–{(p.LastYear == int.MaxValue ? "…" : p.LastYear.ToString(CultureInfo.InvariantCulture))}";
}
