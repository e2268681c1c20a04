using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;

namespace Actuarial.Demography;

/// <summary>
/// International net migration for the whole country: persons per calendar year by sex and single year of age
/// (age at the end of the year; 100 = 100+). Positive is net immigration. In a provincial run the national
/// figure is shared among provinces in proportion to their population of that sex and age (an assumption: no
/// province-level data on international migration is published), and within a province among education levels
/// in proportion to their population.
/// </summary>
public sealed class InternationalMigrationAssumption
{
    private readonly double[] _persons; // [year][sex][age]

    /// <summary>Creates the assumption from rows [year][sex][age] of persons per year.</summary>
    public InternationalMigrationAssumption(string source, int firstYear, IReadOnlyList<double[]> personsByYearSexAge)
    {
        ArgumentNullException.ThrowIfNull(personsByYearSexAge);
        if (personsByYearSexAge.Count == 0) throw new InputDataException(source, null, "year", "(none)", "at least one year");
        const int perYear = Sexes.Count * Ages.Count;
        _persons = new double[personsByYearSexAge.Count * perYear];
        for (int y = 0; y < personsByYearSexAge.Count; y++)
        {
            var row = personsByYearSexAge[y];
            if (row.Length != perYear)
            {
                throw new InputDataException(source, null, $"migrants[{firstYear + y}]", $"{row.Length} cells", $"{perYear} cells (2 sexes × 101 ages)");
            }
            for (int i = 0; i < perYear; i++)
            {
                if (!double.IsFinite(row[i]))
                {
                    throw new InputDataException(source, null, $"migrants[{firstYear + y}, {(Sex)(i / Ages.Count)}, age {i % Ages.Count}]",
                        row[i].ToString("R", CultureInfo.InvariantCulture), "a finite number of persons");
                }
            }
            row.CopyTo(_persons, y * perYear);
        }
        FirstYear = firstYear;
        Source = source;
    }

    /// <summary>No international migration over [firstYear, lastYear].</summary>
    public static InternationalMigrationAssumption None(int firstYear, int lastYear) =>
        new("no international migration", firstYear,
            Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(_ => new double[Sexes.Count * Ages.Count]).ToArray());

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>First calendar year covered.</summary>
    public int FirstYear { get; }

    /// <summary>Last calendar year covered.</summary>
    public int LastYear => FirstYear + _persons.Length / (Sexes.Count * Ages.Count) - 1;

    /// <summary>Net migrants in a year for one sex, by age (101 values).</summary>
    internal ReadOnlySpan<double> PersonsFor(int year, Sex sex)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"{Source} covers {FirstYear}..{LastYear}");
        }
        return _persons.AsSpan(((year - FirstYear) * Sexes.Count + (int)sex) * Ages.Count, Ages.Count);
    }

    /// <summary>A copy with every flow multiplied by <paramref name="factor"/> (a lever: 0 closes the border, 2 doubles flows).</summary>
    public InternationalMigrationAssumption Scaled(double factor)
    {
        if (!double.IsFinite(factor)) throw new InputDataException(Source, null, "scale", factor.ToString(CultureInfo.InvariantCulture), "a finite factor");
        const int perYear = Sexes.Count * Ages.Count;
        var rows = new double[_persons.Length / perYear][];
        for (int y = 0; y < rows.Length; y++)
        {
            rows[y] = new double[perYear];
            for (int i = 0; i < perYear; i++) rows[y][i] = _persons[y * perYear + i] * factor;
        }
        return new InternationalMigrationAssumption($"{Source} × {factor.ToString(CultureInfo.InvariantCulture)}", FirstYear, rows);
    }
}
