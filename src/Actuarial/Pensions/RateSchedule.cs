using Actuarial.IO;

namespace Actuarial.Pensions;

/// <summary>A contribution rate that applies from the first day of <see cref="From"/> until the next step.</summary>
/// <param name="From">First month in which the rate applies.</param>
/// <param name="Rate">Share of the contribution base, in [0, 1].</param>
internal readonly record struct RateStep(YearMonth From, double Rate);

/// <summary>
/// A piecewise-constant contribution rate by calendar month: each step holds from its month until the next step, and
/// the last step holds indefinitely (the rule in force stays in force). Months before the first step are outside the
/// schedule and asking for them is an error, never an extrapolation. Immutable.
/// </summary>
/// <remarks>
/// Two views: <see cref="Monthly(YearMonth)"/> is the rate in force in a month; <see cref="AnnualEffective"/> is the mean of the
/// twelve monthly rates of a calendar year, the rate that applied to a base spread evenly over the year. Example: the
/// employer rate 20% until April 2019 and 16% from May 2019 (国办发〔2019〕13号) gives
/// <c>(4 × 20% + 8 × 16%) / 12 = 17.333…%</c> for 2019.
/// </remarks>
internal sealed class RateSchedule
{
    private readonly RateStep[] _steps;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<RateStep> _view;

    /// <summary>Creates a schedule from steps in strictly increasing month order, each rate in [0, 1].</summary>
    /// <param name="name">What the rate is (used in error messages), e.g. "employer rate to the pooled fund".</param>
    /// <param name="steps">At least one step; months strictly increasing.</param>
    /// <exception cref="InputDataException">No steps, a rate outside [0, 1], or months not strictly increasing.</exception>
    public RateSchedule(string name, IEnumerable<RateStep> steps)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToArray();
        if (_steps.Length == 0) throw new InputDataException(name, null, "steps", "(empty)", "at least one rate step");
        for (int i = 0; i < _steps.Length; i++)
        {
            RuleChecks.Rate(_steps[i].Rate, name, $"rate from {_steps[i].From}");
            if (i > 0 && _steps[i].From <= _steps[i - 1].From)
            {
                throw new InputDataException(name, null, "from", _steps[i].From.ToString(),
                    $"a month after {_steps[i - 1].From} (steps in strictly increasing month order)");
            }
        }
        Name = name;
        _view = Array.AsReadOnly(_steps);
    }

    /// <summary>A single rate from <paramref name="from"/> onwards.</summary>
    public static RateSchedule Constant(string name, YearMonth from, double rate) => new(name, [new RateStep(from, rate)]);

    /// <summary>Name used in error messages.</summary>
    public string Name { get; }

    /// <summary>The steps, in month order.</summary>
    public IReadOnlyList<RateStep> Steps => _view;

    /// <summary>First month covered.</summary>
    public YearMonth From => _steps[0].From;

    /// <summary>The rate in force in a month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month is before <see cref="From"/>.</exception>
    public double Monthly(YearMonth month)
    {
        if (month < From) throw new ArgumentOutOfRangeException(nameof(month), month, $"{Name} starts in {From}");
        int i = _steps.Length - 1;
        while (_steps[i].From > month) i--;
        return _steps[i].Rate;
    }

    /// <summary>The rate in force in month <paramref name="month"/> (1..12) of <paramref name="year"/>.</summary>
    public double Monthly(int year, int month) => Monthly(new YearMonth(year, month));

    /// <summary>The annual-effective rate of a calendar year: the mean of its twelve monthly rates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">January of the year is before <see cref="From"/>.</exception>
    public double AnnualEffective(int year)
    {
        double sum = 0;
        for (int m = 1; m <= 12; m++) sum += Monthly(new YearMonth(year, m));
        return sum / 12;
    }
}
