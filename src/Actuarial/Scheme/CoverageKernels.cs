using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Actuarial.Dimensions;

namespace Actuarial.Scheme;

/// <summary>
/// The residents' coverage inputs of a (region, sex) in a year, summed over the ages from the residents' first age: the
/// rule of Actuarial.Residents.ResidentsProjector.Cell (its plain reference, a cell at a time) in one pass over the sex's
/// population runs and members. The employee scheme calls it as it steps, right after a sex's last education group,
/// while the year's grid and the members are in cache (<see cref="SchemeEngine.RecordMembersByAge"/>); the residents'
/// projector calls it on the stored grids when the scheme did not. It lives in the scheme's layer, which the residents'
/// layer sits on: the residents pass their ages and shares. Allocation-free.
/// </summary>
internal static class CoverageKernels
{
    /// <summary>
    /// What the residents hand the scheme for <see cref="AddSex"/>: the share not yet in work by education and age
    /// ([education, age]), the residents' first age and their pension age.
    /// </summary>
    internal sealed class Shape
    {
        public Shape(double[] notEntered, int firstAge, int pensionAge)
        {
            ArgumentNullException.ThrowIfNull(notEntered);
            if (notEntered.Length != EducationLevels.Count * A)
            {
                throw new ArgumentException($"expected {EducationLevels.Count} × {A} shares by education and age", nameof(notEntered));
            }
            if ((uint)firstAge >= A || pensionAge < firstAge || pensionAge > A)
            {
                throw new ArgumentOutOfRangeException(nameof(firstAge), $"expected 0 ≤ first age {firstAge} ≤ pension age {pensionAge} ≤ {A}, first age ≤ 100");
            }
            NotEntered = (double[])notEntered.Clone();
            FirstAge = firstAge;
            PensionAge = pensionAge;
        }

        public double[] NotEntered { get; }
        public int FirstAge { get; }
        public int PensionAge { get; }

        /// <summary>Whether these shares and ages give the same sums as this shape.</summary>
        public bool SameAs(ReadOnlySpan<double> notEntered, int firstAge, int pensionAge) =>
            FirstAge == firstAge && PensionAge == pensionAge && notEntered.SequenceEqual(NotEntered);
    }

    private const int A = Ages.Count;

    /// <summary>What a province's coverage adds up over its sexes and ages 16+ in a year.</summary>
    public struct CoverageSums
    {
        /// <summary>Employee-scheme contributors (the cell state's, within the population).</summary>
        public double EmployeeContributors;
        /// <summary>Employee-scheme pensioners who retired before the year.</summary>
        public double EmployeeBeneficiaries;
        /// <summary>In school and in neither scheme.</summary>
        public double InSchool;
        /// <summary>The residual the residents' scheme can reach, from its first age to below its pension age.</summary>
        public double Working;
        /// <summary>The same from its pension age.</summary>
        public double Old;

        /// <summary>The number of sums (<see cref="CopyTo"/>, <see cref="From"/>).</summary>
        public const int Count = 5;

        /// <summary>Writes the sums in the order of the fields.</summary>
        public readonly void CopyTo(Span<double> to)
        {
            to[0] = EmployeeContributors; to[1] = EmployeeBeneficiaries; to[2] = InSchool; to[3] = Working; to[4] = Old;
        }

        /// <summary>Reads sums written by <see cref="CopyTo"/>.</summary>
        public static CoverageSums From(ReadOnlySpan<double> sums) => new()
        {
            EmployeeContributors = sums[0], EmployeeBeneficiaries = sums[1], InSchool = sums[2], Working = sums[3], Old = sums[4],
        };
    }

    /// <summary>
    /// Adds one sex's cells from <paramref name="firstAge"/> to 100 to <paramref name="sums"/>, age by age. A cell's persons
    /// p = Σₑ popₑ and school = Σₑ popₑ × notEnteredₑ over the education runs of the sex (<paramref name="population"/>: the
    /// six runs of 101 ages, education 0 first; <paramref name="notEntered"/>: the share not yet in work, [education, age]),
    /// summed from 0 in education order; W and P the employee workers and pensioners (<paramref name="members"/>: workers by
    /// age 0–100, then pensioners); free = max(p − W − P, 0), in school = free × school / p (0 where p = 0), and the residual
    /// free − in school goes to the working sum below <paramref name="pensionAge"/>, to the old sum from it. Each cell's
    /// values are those of the plain rule (Actuarial.Residents.ResidentsProjector.Cell), computed in lanes of four ages with
    /// the same operations in the same order; the sums are then added in the order of the ages, as the plain loop adds
    /// them, so they are the same bit for bit. Returns the first age from <paramref name="firstAge"/> whose members exceed
    /// its population by more than 1e-6 × max(1, p) (more than float noise), or −1; the caller reports it. Allocation-free.
    /// </summary>
    [SkipLocalsInit] // the scratch rows are written before they are read
    public static int AddSex(ReadOnlySpan<double> members, ReadOnlySpan<double> population, ReadOnlySpan<double> notEntered,
        int firstAge, int pensionAge, ref CoverageSums sums)
    {
        const int E = EducationLevels.Count, Width = 4;
        if (members.Length < 2 * A || population.Length < E * A || notEntered.Length < E * A)
        {
            throw new ArgumentException($"expected {2 * A} member cells and {E} × {A} population cells and shares");
        }
        if ((uint)firstAge >= A || pensionAge < firstAge || pensionAge > A)
        {
            throw new ArgumentOutOfRangeException(nameof(firstAge), $"expected 0 ≤ first age {firstAge} ≤ pension age {pensionAge} ≤ {A}, first age ≤ 100");
        }
        ref double pop = ref MemoryMarshal.GetReference(population);
        ref double share = ref MemoryMarshal.GetReference(notEntered);
        ref double workersByAge = ref MemoryMarshal.GetReference(members);
        ref double pensionersByAge = ref Unsafe.Add(ref workersByAge, A);
        // The cells' values first, in lanes (no chain between lanes), into two rows from the lane of the first age; then the
        // sums, a chain of additions age by age that the lanes would otherwise hold up.
        int start = firstAge / Width * Width;
        Span<double> rows = stackalloc double[2 * A];
        ref double inSchoolByAge = ref MemoryMarshal.GetReference(rows); // from age start
        ref double residualByAge = ref Unsafe.Add(ref inSchoolByAge, A);
        int failed = -1;
        // Lanes to age 99, age 100 on its own (a lane past it would read the next run).
        int a = start;
        for (; a + Width <= A - 1; a += Width)
        {
            nuint at = (nuint)a;
            // Summed from 0 in education order, as the plain loop sums (the six runs written out: a loop here kept the
            // running sums on the stack).
            var p0 = Vector256.LoadUnsafe(ref pop, at);
            var p1 = Vector256.LoadUnsafe(ref pop, at + A);
            var p2 = Vector256.LoadUnsafe(ref pop, at + 2 * A);
            var p3 = Vector256.LoadUnsafe(ref pop, at + 3 * A);
            var p4 = Vector256.LoadUnsafe(ref pop, at + 4 * A);
            var p5 = Vector256.LoadUnsafe(ref pop, at + 5 * A);
            var persons = Vector256<double>.Zero + p0 + p1 + p2 + p3 + p4 + p5;
            var school = Vector256<double>.Zero + p0 * Vector256.LoadUnsafe(ref share, at);
            school += p1 * Vector256.LoadUnsafe(ref share, at + A);
            school += p2 * Vector256.LoadUnsafe(ref share, at + 2 * A);
            school += p3 * Vector256.LoadUnsafe(ref share, at + 3 * A);
            school += p4 * Vector256.LoadUnsafe(ref share, at + 4 * A);
            school += p5 * Vector256.LoadUnsafe(ref share, at + 5 * A);
            var free = persons - Vector256.LoadUnsafe(ref workersByAge, at) - Vector256.LoadUnsafe(ref pensionersByAge, at);
            if (Vector256.LessThanAny(free, Vector256.Create(-1e-6) * Vector256.Max(Vector256<double>.One, persons)) && failed < 0)
            {
                failed = FirstFailure(free, persons, a, firstAge);
            }
            free = Vector256.Max(free, Vector256<double>.Zero); // float noise only (checked above); IEEE maximum, as Math.Max
            var inSchool = Vector256.ConditionalSelect(Vector256.GreaterThan(persons, Vector256<double>.Zero), free * school / persons, Vector256<double>.Zero);
            inSchool.StoreUnsafe(ref inSchoolByAge, (nuint)(a - start));
            (free - inSchool).StoreUnsafe(ref residualByAge, (nuint)(a - start));
        }
        for (; a < A; a++)
        {
            double p = 0, school = 0;
            for (int e = 0; e < E; e++)
            {
                double run = Unsafe.Add(ref pop, e * A + a);
                p += run;
                school += run * Unsafe.Add(ref share, e * A + a);
            }
            double free = p - Unsafe.Add(ref workersByAge, a) - Unsafe.Add(ref pensionersByAge, a);
            if (free < -1e-6 * Math.Max(1, p) && failed < 0 && a >= firstAge) failed = a;
            free = Math.Max(free, 0);
            double inSchool = p > 0 ? free * school / p : 0;
            Unsafe.Add(ref inSchoolByAge, a - start) = inSchool;
            Unsafe.Add(ref residualByAge, a - start) = free - inSchool;
        }
        // The sums in locals (registers), in the order of the ages: each += on a field would go through memory.
        double contributors = sums.EmployeeContributors, beneficiaries = sums.EmployeeBeneficiaries, inSchoolSum = sums.InSchool;
        double working = sums.Working, old = sums.Old;
        int age = firstAge;
        for (; age < pensionAge; age++)
        {
            contributors += Unsafe.Add(ref workersByAge, age);
            beneficiaries += Unsafe.Add(ref pensionersByAge, age);
            inSchoolSum += Unsafe.Add(ref inSchoolByAge, age - start);
            working += Unsafe.Add(ref residualByAge, age - start);
        }
        for (; age < A; age++)
        {
            contributors += Unsafe.Add(ref workersByAge, age);
            beneficiaries += Unsafe.Add(ref pensionersByAge, age);
            inSchoolSum += Unsafe.Add(ref inSchoolByAge, age - start);
            old += Unsafe.Add(ref residualByAge, age - start);
        }
        sums.EmployeeContributors = contributors;
        sums.EmployeeBeneficiaries = beneficiaries;
        sums.InSchool = inSchoolSum;
        sums.Working = working;
        sums.Old = old;
        return failed;
    }

    /// <summary>The first age of the lane from <paramref name="a"/>, from <paramref name="firstAge"/>, whose free persons are below float noise, or −1.</summary>
    private static int FirstFailure(Vector256<double> free, Vector256<double> persons, int a, int firstAge)
    {
        for (int j = 0; j < Vector256<double>.Count; j++)
        {
            if (a + j >= firstAge && free.GetElement(j) < -1e-6 * Math.Max(1, persons.GetElement(j))) return a + j;
        }
        return -1;
    }
}
