using System.Runtime.CompilerServices;
using Actuarial.Dimensions;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>
/// The scheme's retirement tables by [year index][sex·6 + education][age]: the share retired before the reference date,
/// the share retiring in the year, 1 / divisor of those retiring, the share of record holders retiring
/// (q / (1 − R), at most 1) and, per (year, group), the first and last age at which anyone retires. They depend only on
/// the retirement-age schedule, the divisor table, the women's cadre shares and the number of years, so they are
/// built once and shared (read-only) by every engine run on the same rules (a small cache per <see cref="SchemeRules"/>).
/// </summary>
internal sealed class RetirementTables
{
    private const int A = Ages.Count;
    private const int Groups = Sexes.Count * EducationLevels.Count;
    private const int Categories = 3;
    private const int CacheEntriesPerRules = 8;

    private static readonly ConditionalWeakTable<SchemeRules, List<RetirementTables>> Cache = new();

    private readonly double[] _cadreShares;

    private RetirementTables(SchemeRules rules, IReadOnlyList<double> cadreShares, int firstYear, int yearCount)
    {
        FirstYear = firstYear;
        YearCount = yearCount;
        _cadreShares = cadreShares.ToArray();
        Retired = new double[yearCount * Groups * A];
        Retiring = new double[yearCount * Groups * A];
        InverseDivisor = new double[yearCount * Groups * A];
        LeavingShare = new double[yearCount * Groups * A];
        FirstRetiringAge = new int[yearCount * Groups];
        LastRetiringAge = new int[yearCount * Groups];
        Fill(rules);
    }

    /// <summary>First year covered: the scheme's base year (<see cref="SchemeAssumptions.BaseYear"/>).</summary>
    public int FirstYear { get; }

    /// <summary>Years covered from <see cref="FirstYear"/>.</summary>
    public int YearCount { get; }

    /// <summary>R: share of the group past its statutory age at the reference date.</summary>
    public double[] Retired { get; }

    /// <summary>q: share of the group retiring in the twelve months after the reference date.</summary>
    public double[] Retiring { get; }

    /// <summary>1 / divisor of those retiring (the women's categories weighted by who retires).</summary>
    public double[] InverseDivisor { get; }

    /// <summary>Share of record holders retiring: 1 − R &gt; 1e-12 ? min(1, q / (1 − R)) : 1 (used where q &gt; 0).</summary>
    public double[] LeavingShare { get; }

    /// <summary>[year index][group]: first age with q &gt; 0 (<see cref="Ages.Count"/> if none).</summary>
    public int[] FirstRetiringAge { get; }

    /// <summary>[year index][group]: last age with q &gt; 0 (−1 if none).</summary>
    public int[] LastRetiringAge { get; }

    /// <summary>
    /// The lowest age with R &gt; 0 or q &gt; 0 in any year and group (<see cref="Ages.Count"/> if none): below it nobody is
    /// retired in the base state or retires later, and ageing only moves pensioners up, so there are never pensioners.
    /// </summary>
    public int FirstPensionAge { get; private set; }

    /// <summary>[group]: <see cref="FirstPensionAge"/> of one (sex, education) group (the men's is higher than the women's).</summary>
    public int[] FirstPensionAgeByGroup { get; } = new int[Groups];

    /// <summary>The tables for the rules, cadre shares, first year and number of years, from the cache or built now. Thread-safe.</summary>
    public static RetirementTables For(SchemeRules rules, IReadOnlyList<double> cadreShares, int firstYear, int yearCount)
    {
        var list = Cache.GetValue(rules, _ => []);
        lock (list)
        {
            foreach (var tables in list)
            {
                if (tables.FirstYear == firstYear && tables.YearCount == yearCount && tables.Matches(cadreShares)) return tables;
            }
        }
        var built = new RetirementTables(rules, cadreShares, firstYear, yearCount);
        lock (list)
        {
            if (list.Count >= CacheEntriesPerRules) list.RemoveAt(0);
            list.Add(built);
        }
        return built;
    }

    private bool Matches(IReadOnlyList<double> cadreShares)
    {
        if (cadreShares.Count != _cadreShares.Length) return false;
        for (int i = 0; i < _cadreShares.Length; i++)
        {
            if (!cadreShares[i].Equals(_cadreShares[i])) return false;
        }
        return true;
    }

    /// <summary>Fills the retirement tables by (sex, education) group, mixing the women's categories by the cadre share.</summary>
    private void Fill(SchemeRules rules)
    {
        var schedule = rules.RetirementAges;
        var divisors = rules.Divisors;
        int firstYear = FirstYear;
        var retired = new double[Categories * A];
        var retiring = new double[Categories * A];
        var inverse = new double[Categories * A];
        FirstPensionAge = A;
        Array.Fill(FirstPensionAgeByGroup, A);
        // Retired before the base reference date: R(t, a) = Σ_k q(t − k, a − k); later years by R(t+1, a+1) = R(t, a) + q(t, a).
        for (int c = 0; c < Categories; c++)
        {
            var category = (RetirementCategory)c;
            for (int a = 1; a < A; a++)
            {
                double sum = 0;
                for (int k = 1; k <= a; k++)
                {
                    if (a - k < 40) break;
                    sum += schedule.ShareOfAgeRetiringInYear(category, firstYear - k, a - k, SchemeAssumptions.ReferenceMonth);
                }
                retired[c * A + a] = Math.Min(1, sum);
            }
        }
        for (int y = 0; y < YearCount; y++)
        {
            int year = firstYear + y;
            int reference = new YearMonth(year, SchemeAssumptions.ReferenceMonth).Index;
            for (int c = 0; c < Categories; c++)
            {
                var category = (RetirementCategory)c;
                if (y > 0)
                {
                    for (int a = A - 1; a >= 1; a--) retired[c * A + a] = Math.Min(1, retired[c * A + a - 1] + retiring[c * A + a - 1]);
                    retired[c * A] = 0;
                }
                schedule.FillSharesRetiringByAge(category, year, retiring.AsSpan(c * A, A), SchemeAssumptions.ReferenceMonth);
                for (int a = 0; a < A; a++)
                {
                    int birth = reference - 12 * a - 6; // the middle birth month of those aged a
                    int months = a < 30 ? schedule.OriginalAgeMonths(category) : schedule.StatutoryAgeMonths(category, YearMonth.FromIndex(birth));
                    months = Math.Clamp(months, 12 * divisors.FirstAge, 12 * divisors.LastAge + 11);
                    inverse[c * A + a] = 1.0 / divisors.ForAgeInMonths(months);
                    // Those retiring at the special-job age (SpecialJobRetirement) take its divisor, weighted by who retires.
                    double special = schedule.SpecialJobShareOfAgeRetiringInYear(category, year, a, SchemeAssumptions.ReferenceMonth);
                    if (special > 0 && retiring[c * A + a] > 0)
                    {
                        int specialMonths = Math.Clamp(SpecialJobRetirement.AgeMonths(category), 12 * divisors.FirstAge, 12 * divisors.LastAge + 11);
                        double q = retiring[c * A + a], statutoryPart = Math.Max(0, q - special);
                        inverse[c * A + a] = (statutoryPart * inverse[c * A + a] + special / divisors.ForAgeInMonths(specialMonths)) / q;
                    }
                }
            }
            for (int g = 0; g < Groups; g++)
            {
                bool male = g < EducationLevels.Count;
                double cadre = male ? 0 : _cadreShares[g % EducationLevels.Count];
                int o = (y * Groups + g) * A;
                for (int a = 0; a < A; a++)
                {
                    if (male)
                    {
                        Retired[o + a] = retired[a];
                        Retiring[o + a] = retiring[a];
                        InverseDivisor[o + a] = inverse[a];
                        continue;
                    }
                    int cA = (int)RetirementCategory.WomenCadres * A + a, wA = (int)RetirementCategory.WomenWorkers * A + a;
                    Retired[o + a] = cadre * retired[cA] + (1 - cadre) * retired[wA];
                    double qc = cadre * retiring[cA], qw = (1 - cadre) * retiring[wA];
                    Retiring[o + a] = qc + qw;
                    InverseDivisor[o + a] = qc + qw > 0 ? (qc * inverse[cA] + qw * inverse[wA]) / (qc + qw) : inverse[wA];
                }
                int first = A, last = -1;
                for (int a = 0; a < A; a++)
                {
                    double q = Retiring[o + a];
                    double remaining = 1 - Retired[o + a];
                    // Everyone left retires where q / remaining is 1 but for rounding (the women's mix of cadres and workers):
                    // without the snap, 1e-14 of a person would stay on record for life.
                    double leaving = remaining > 1e-12 ? q / remaining : 1;
                    LeavingShare[o + a] = leaving > 1 - 1e-9 ? 1 : leaving;
                    if (q > 0)
                    {
                        if (first == A) first = a;
                        last = a;
                    }
                }
                FirstRetiringAge[y * Groups + g] = first;
                LastRetiringAge[y * Groups + g] = last;
                int firstRetired = 0;
                while (firstRetired < A && !(Retired[o + firstRetired] > 0)) firstRetired++;
                FirstPensionAgeByGroup[g] = Math.Min(FirstPensionAgeByGroup[g], Math.Min(first, firstRetired));
                FirstPensionAge = Math.Min(FirstPensionAge, FirstPensionAgeByGroup[g]);
            }
        }
    }
}
