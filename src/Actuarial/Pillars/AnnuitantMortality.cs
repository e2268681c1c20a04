using System.Numerics.Tensors;
using Actuarial.Dimensions;
using Actuarial.Scheme;

namespace Actuarial.Pillars;

/// <summary>
/// How the funded pillars' annuitants die and who becomes one: the share of annuitants of a sex and age at the start of a
/// year who die in it, and each year's new annuitants by sex with their mean age. Immutable.
/// </summary>
/// <remarks>
/// <para>Deaths: as the employee scheme's pensioners die (<see cref="OfScheme"/>): the death share of the demographic
/// projection's national table in the step from the year to the next (the step the scheme ages its pensioners by), at
/// <see cref="SchemeAssumptions.InsuredMortalityRatio"/> × the rest of the population (<see cref="InsuredMortality"/>;
/// the members' share of each national sex and age cell, contributors and pensioners over persons, stands for the
/// province cells' shares the scheme uses). A fractional age reads the two completed ages around it linearly.</para>
/// <para>Entrants: the pillars' members retire as the scheme's members do (<see cref="PillarProjector"/>), so each year's
/// new annuitants take the sex mix and mean age of the scheme's new pensioners of the year. The scheme records its
/// pensioners by sex and age, not its new pensioners, so those are read from the record: the pensioners aged a + 1 of the
/// next year who retired before it, less the survivors of this year's pensioners aged a (negative differences count 0;
/// ages up to <see cref="LastEntryAge"/>).
/// These are the new pensioners who survive their first step, dated at the start of their first year of payment, which is
/// the age the pillars' vintages start at. The last year takes the mix of the year before, as does a year without new
/// pensioners (it starts no annuities; the first such years take the first later year's).</para>
/// </remarks>
internal sealed class AnnuitantMortality
{
    private const int A = Ages.Count;

    /// <summary>
    /// The oldest age at the start of a first year of payment read from the record: 70, above the latest retirement the
    /// scheme's rules allow (63 for men after the 2025 reform, 3 years of elastic deferral, a year to the first payment) with
    /// room for members who contribute on to the minimum years. Older differences are the pensioners who move between
    /// provinces with their cell (<see cref="InsuredMortality"/>), not new pensioners.
    /// </summary>
    internal const int LastEntryAge = 70;
    private readonly double[] _deathShare; // [year − FirstYear, sex, age], or the demography's steps from _offset
    private readonly int _offset, _lastRow;
    private readonly double[] _maleShare, _entryAge; // [year − FirstYear], [year − FirstYear, sex]

    /// <summary>
    /// Mortality and entrants from explicit tables (tests, and <see cref="OfScheme"/>): <paramref name="deathShare"/>
    /// [year − first, sex, age] for the years <paramref name="firstYear"/> … <paramref name="lastYear"/>;
    /// <paramref name="maleShareOfEntrants"/> [year − first] and <paramref name="entryAge"/> [year − first, sex] of those who
    /// start an annuity at the end of each year (their age at the start of their first year of payment).
    /// </summary>
    /// <exception cref="ArgumentException">Tables of the wrong length, or a share outside [0, 1] or an age outside 0–100.</exception>
    public AnnuitantMortality(int firstYear, int lastYear, double[] deathShare, double[] maleShareOfEntrants, double[] entryAge)
        : this(firstYear, lastYear, deathShare, 0, lastYear - firstYear, maleShareOfEntrants, entryAge)
    {
        int years = lastYear - firstYear + 1;
        if (years < 1) throw new ArgumentException($"a last year ({lastYear}) not before the first ({firstYear})", nameof(lastYear));
        if (deathShare.Length != years * Sexes.Count * A) throw new ArgumentException($"expected {years} × {Sexes.Count} × {A} death shares", nameof(deathShare));
        foreach (double q in deathShare)
        {
            if (!(q >= 0 && q <= 1)) throw new ArgumentException($"a death share {q} outside [0, 1]", nameof(deathShare));
        }
    }

    private AnnuitantMortality(int firstYear, int lastYear, double[] deathShare, int offset, int lastRow, double[] maleShareOfEntrants, double[] entryAge)
    {
        int years = lastYear - firstYear + 1;
        if (maleShareOfEntrants.Length != years) throw new ArgumentException($"expected {years} male shares", nameof(maleShareOfEntrants));
        if (entryAge.Length != years * Sexes.Count) throw new ArgumentException($"expected {years} × {Sexes.Count} entry ages", nameof(entryAge));
        foreach (double s in maleShareOfEntrants)
        {
            if (!(s >= 0 && s <= 1)) throw new ArgumentException($"a male share {s} outside [0, 1]", nameof(maleShareOfEntrants));
        }
        foreach (double age in entryAge)
        {
            if (!(age >= 0 && age <= Ages.OpenInterval)) throw new ArgumentException($"an entry age {age} outside 0–{Ages.OpenInterval}", nameof(entryAge));
        }
        FirstYear = firstYear;
        LastYear = lastYear;
        _deathShare = deathShare;
        _offset = offset;
        _lastRow = lastRow;
        _maleShare = maleShareOfEntrants;
        _entryAge = entryAge;
    }

    /// <summary>First year with rates.</summary>
    public int FirstYear { get; }

    /// <summary>Last year with rates.</summary>
    public int LastYear { get; }

    /// <summary>
    /// The share of annuitants of <paramref name="sex"/> aged <paramref name="age"/> at the start of <paramref name="year"/>
    /// who die in it: linear between the completed ages around a fractional age, age 100 for 100 and over.
    /// </summary>
    public double DeathShare(int year, Sex sex, double age)
    {
        int row = Row(year);
        int whole = (int)Math.Floor(Math.Clamp(age, 0, Ages.OpenInterval));
        var q = _deathShare.AsSpan(((_offset + Math.Min(row, _lastRow)) * Sexes.Count + (int)sex) * A, A);
        double fraction = Math.Clamp(age, 0, Ages.OpenInterval) - whole;
        return whole == Ages.OpenInterval || fraction == 0 ? q[whole] : (1 - fraction) * q[whole] + fraction * q[whole + 1];
    }

    /// <summary>The men's share of those who start an annuity at the end of <paramref name="year"/>.</summary>
    public double MaleShareOfEntrants(int year) => _maleShare[Row(year)];

    /// <summary>The mean age, at the start of their first year of payment, of those of <paramref name="sex"/> who start an annuity at the end of <paramref name="year"/>.</summary>
    public double EntryAge(int year, Sex sex) => _entryAge[Row(year) * Sexes.Count + (int)sex];

    /// <summary>The same entrants, every death share × <paramref name="factor"/> (at most 1): for tests of monotone responses.</summary>
    public AnnuitantMortality Scaled(double factor)
    {
        if (!(factor >= 0 && double.IsFinite(factor))) throw new ArgumentOutOfRangeException(nameof(factor), factor, "a factor of at least 0");
        int years = LastYear - FirstYear + 1;
        var scaled = new double[years * Sexes.Count * A];
        for (int row = 0; row < years; row++)
        {
            var from = _deathShare.AsSpan(((_offset + Math.Min(row, _lastRow)) * Sexes.Count) * A, Sexes.Count * A);
            var to = scaled.AsSpan(row * Sexes.Count * A, Sexes.Count * A);
            for (int i = 0; i < to.Length; i++) to[i] = Math.Min(1, factor * from[i]);
        }
        return new AnnuitantMortality(FirstYear, LastYear, scaled, _maleShare, _entryAge);
    }

    private int Row(int year) =>
        year >= FirstYear && year <= LastYear ? year - FirstYear : throw new ArgumentOutOfRangeException(nameof(year), year, $"a year in {FirstYear}..{LastYear}");

    /// <summary>
    /// The employee scheme's pensioners' mortality and new pensioners, years <see cref="SchemeProjection.FirstYear"/> …
    /// <see cref="SchemeProjection.EndYear"/> (see the remarks). A year past the demographic projection's last step dies at
    /// its last step's rates. Without an insured-mortality differential the death shares are read where the demography keeps
    /// them, not copied.
    /// </summary>
    /// <param name="scheme">The employee scheme, run recording its members by age.</param>
    /// <param name="population">The population projection the scheme ran on, whose persons by age weigh the members' death
    /// shares under an insured-mortality differential; needed only with a differential.</param>
    /// <exception cref="InvalidOperationException">The scheme did not record its members by age, or a differential is set and no population is given.</exception>
    public static AnnuitantMortality OfScheme(SchemeProjection scheme, Demography.DemographicProjection? population = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (!scheme.HasMembersByAge) throw new InvalidOperationException("the annuitants' mortality reads the scheme's members by age (PensionProjector records them)");
        var (demography, _) = scheme.Assumptions.Demography.Source;
        int first = scheme.FirstYear, last = scheme.EndYear, years = last - first + 1, regions = scheme.Assumptions.Demography.Shape.RegionCount;
        int firstStep = first - demography.BaseYear, lastStep = demography.StepCount - 1;
        if (firstStep < 0 || firstStep > lastStep) throw new InvalidOperationException($"the demography's steps ({demography.BaseYear}..) do not cover the scheme's first year {first}");
        double ratio = scheme.Assumptions.InsuredMortalityRatio;

        // Death shares: the demography's own, read where it keeps them, or with a differential the members' (a table).
        double[] deathShare = demography.DeathShare;
        int offset = firstStep, lastRow = lastStep - firstStep;
        if (ratio != 1)
        {
            if (population is null) throw new InvalidOperationException("an insured-mortality differential weighs the members by the population by age: pass the projection's population (PensionProjection.Demography)");
            deathShare = MemberDeathShares(scheme, population, demography, firstStep, lastStep, ratio);
            (offset, lastRow) = (0, years - 1);
        }

        // New pensioners by sex and age at the start of their first year of payment: the record's next year less the survivors.
        var maleShare = new double[years];
        var entryAge = new double[years * Sexes.Count];
        Span<double> now = stackalloc double[Sexes.Count * A], next = stackalloc double[Sexes.Count * A];
        Span<double> count = stackalloc double[Sexes.Count], ageSum = stackalloc double[Sexes.Count];
        NationalPensioners(scheme, first, regions, now);
        for (int y = 0; y < years - 1; y++)
        {
            NationalPensioners(scheme, first + y + 1, regions, next);
            int row = offset + Math.Min(y, lastRow);
            for (int s = 0; s < Sexes.Count; s++)
            {
                var q = deathShare.AsSpan((row * Sexes.Count + s) * A, A);
                count[s] = ageSum[s] = 0;
                for (int a = 0; a < LastEntryAge; a++)
                {
                    double entrants = next[s * A + a + 1] - now[s * A + a] * (1 - q[a]);
                    if (entrants <= 0) continue;
                    count[s] += entrants;
                    ageSum[s] += entrants * (a + 1);
                }
            }
            double all = count[0] + count[1];
            if (all <= 0)
            {
                // No new pensioners, so no new annuitants: the year keeps the mix of the year before (filled below if it is the first).
                maleShare[y] = double.NaN;
                if (y > 0) (maleShare[y], entryAge[y * Sexes.Count], entryAge[y * Sexes.Count + 1]) = (maleShare[y - 1], entryAge[(y - 1) * Sexes.Count], entryAge[(y - 1) * Sexes.Count + 1]);
                next.CopyTo(now);
                continue;
            }
            maleShare[y] = count[0] / all;
            for (int s = 0; s < Sexes.Count; s++)
            {
                entryAge[y * Sexes.Count + s] = count[s] > 0 ? ageSum[s] / count[s] : ageSum[1 - s] / count[1 - s];
            }
            next.CopyTo(now);
        }
        int before = Math.Max(0, years - 2);
        maleShare[years - 1] = maleShare[before];
        entryAge[(years - 1) * Sexes.Count] = entryAge[before * Sexes.Count];
        entryAge[(years - 1) * Sexes.Count + 1] = entryAge[before * Sexes.Count + 1];
        if (double.IsNaN(maleShare[0]))
        {
            // The first years without new pensioners take the mix of the first year with some.
            int found = Array.FindIndex(maleShare, share => !double.IsNaN(share));
            if (found < 0) throw new InvalidOperationException($"the scheme records no new pensioners in {first}..{last}");
            for (int y = 0; y < found; y++)
            {
                (maleShare[y], entryAge[y * Sexes.Count], entryAge[y * Sexes.Count + 1]) = (maleShare[found], entryAge[found * Sexes.Count], entryAge[found * Sexes.Count + 1]);
            }
        }
        return new AnnuitantMortality(first, last, deathShare, offset, lastRow, maleShare, entryAge);
    }

    /// <summary>
    /// The scheme's pensioners of <paramref name="year"/> who retired before it, summed over the provinces: [sex, age], ages
    /// up to <see cref="LastEntryAge"/> (the older are not read).
    /// </summary>
    private static void NationalPensioners(SchemeProjection scheme, int year, int regions, Span<double> national)
    {
        national.Clear();
        const int read = LastEntryAge + 1;
        for (int s = 0; s < Sexes.Count; s++)
        {
            var row = national.Slice(s * A, read);
            for (int r = 0; r < regions; r++) TensorPrimitives.Add(row, scheme.EmployeeMembers(year, r, (Sex)s).Slice(A, read), row); // workers, then pensioners
        }
    }

    /// <summary>
    /// The members' death shares [year, sex, age] at the insured-mortality ratio (<see cref="InsuredMortality.MemberDeathShare"/>),
    /// the members' share of each national cell being the recorded contributors and pensioners over the persons.
    /// </summary>
    private static double[] MemberDeathShares(SchemeProjection scheme, Demography.DemographicProjection population, Demography.CompiledDemography demography,
        int firstStep, int lastStep, double ratio)
    {
        int first = scheme.FirstYear, years = scheme.EndYear - first + 1, regions = scheme.Assumptions.Demography.Shape.RegionCount;
        var result = new double[years * Sexes.Count * A];
        Span<double> members = stackalloc double[A], persons = stackalloc double[A];
        for (int y = 0; y < years; y++)
        {
            int step = Math.Min(firstStep + y, lastStep);
            for (int s = 0; s < Sexes.Count; s++)
            {
                members.Clear();
                persons.Clear();
                for (int r = 0; r < regions; r++)
                {
                    var recorded = scheme.EmployeeMembers(first + y, r, (Sex)s);
                    TensorPrimitives.Add(members, recorded.Slice(0, A), members);
                    TensorPrimitives.Add(members, recorded.Slice(A, A), members);
                    var grid = population.PersonsAt(first + y);
                    for (int e = 0; e < EducationLevels.Count; e++)
                    {
                        TensorPrimitives.Add(persons, grid.Slice(PopulationShape.RunStart(r, (Sex)s, (EducationLevel)e), A), persons);
                    }
                }
                int row = (y * Sexes.Count + s) * A, stepRow = (step * Sexes.Count + s) * A;
                for (int a = 0; a < A; a++)
                {
                    result[row + a] = InsuredMortality.MemberDeathShare(demography.DeathShare[stepRow + a], persons[a] > 0 ? members[a] / persons[a] : 0, ratio);
                }
            }
        }
        return result;
    }
}
