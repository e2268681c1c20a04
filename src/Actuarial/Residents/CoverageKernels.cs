using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Actuarial.Dimensions;

namespace Actuarial.Residents;

/// <summary>
/// The residents' coverage inputs of a (region, sex) in a year, summed over ages 16–100: the rule of
/// <see cref="ResidentsProjector.Cell"/> (its plain reference, a cell at a time) in one pass over the sex's population
/// runs and members. The employee scheme calls it as it steps, right after a sex's last education group, while the
/// year's grid and the members are in cache (<see cref="Scheme.SchemeEngine.RecordMembersByAge"/>);
/// <see cref="ResidentsProjector"/> calls it on the stored grids when the scheme did not. Allocation-free.
/// </summary>
internal static class CoverageKernels
{
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
        /// <summary>The residual the residents' scheme can reach, aged 16–59.</summary>
        public double Working;
        /// <summary>The same aged 60+.</summary>
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
    /// Adds one sex's cells aged 16–100 to <paramref name="sums"/>, age by age. A cell's persons p = Σₑ popₑ and school =
    /// Σₑ popₑ × notEnteredₑ over the education runs of the sex (<paramref name="population"/>: the six runs of 101 ages,
    /// education 0 first; <paramref name="notEntered"/>: the share not yet in work, [education, age]), summed from 0 in
    /// education order; W and P the employee workers and pensioners (<paramref name="members"/>: workers by age 0–100,
    /// then pensioners); free = max(p − W − P, 0), in school = free × school / p (0 where p = 0), and the residual free − in
    /// school goes to the 16–59 or the 60+ sum. Each cell's values are those of <see cref="ResidentsProjector.Cell"/> (its
    /// plain reference), computed in lanes of four ages with the same operations in the same order; the sums are then
    /// added in the order of the ages, as the plain loop adds them, so they are the same bit for bit. Returns the first
    /// age whose members exceed its population by more than 1e-6 × max(1, p) (more than float noise), or −1; the caller
    /// reports it. Allocation-free.
    /// </summary>
    [SkipLocalsInit] // the scratch rows are written before they are read
    public static int AddSex(ReadOnlySpan<double> members, ReadOnlySpan<double> population, ReadOnlySpan<double> notEntered, ref CoverageSums sums)
    {
        const int E = EducationLevels.Count, Width = 4, First = ResidentsAccountPension.FirstAge, Cells = A - First;
        if (members.Length < 2 * A || population.Length < E * A || notEntered.Length < E * A)
        {
            throw new ArgumentException($"expected {2 * A} member cells and {E} × {A} population cells and shares");
        }
        ref double pop = ref MemoryMarshal.GetReference(population);
        ref double share = ref MemoryMarshal.GetReference(notEntered);
        ref double workersByAge = ref MemoryMarshal.GetReference(members);
        ref double pensionersByAge = ref Unsafe.Add(ref workersByAge, A);
        // The cells' values first, in lanes (no chain between lanes), into two rows from age 16; then the sums, a chain of
        // additions age by age that the lanes would otherwise hold up.
        Span<double> rows = stackalloc double[2 * Cells];
        ref double inSchoolByAge = ref MemoryMarshal.GetReference(rows);
        ref double residualByAge = ref Unsafe.Add(ref inSchoolByAge, Cells);
        int failed = -1;
        // Lanes over ages 16–99, age 100 on its own (a lane past it would read the next run).
        for (int a = First; a + Width <= A - 1; a += Width)
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
                failed = FirstFailure(free, persons, a);
            }
            free = Vector256.Max(free, Vector256<double>.Zero); // float noise only (checked above); IEEE maximum, as Math.Max
            var inSchool = Vector256.ConditionalSelect(Vector256.GreaterThan(persons, Vector256<double>.Zero), free * school / persons, Vector256<double>.Zero);
            inSchool.StoreUnsafe(ref inSchoolByAge, (nuint)(a - First));
            (free - inSchool).StoreUnsafe(ref residualByAge, (nuint)(a - First));
        }
        {
            const int a = A - 1;
            double p = 0, school = 0;
            for (int e = 0; e < E; e++)
            {
                double run = Unsafe.Add(ref pop, e * A + a);
                p += run;
                school += run * Unsafe.Add(ref share, e * A + a);
            }
            double free = p - Unsafe.Add(ref workersByAge, a) - Unsafe.Add(ref pensionersByAge, a);
            if (free < -1e-6 * Math.Max(1, p) && failed < 0) failed = a;
            free = Math.Max(free, 0);
            double inSchool = p > 0 ? free * school / p : 0;
            Unsafe.Add(ref inSchoolByAge, a - First) = inSchool;
            Unsafe.Add(ref residualByAge, a - First) = free - inSchool;
        }
        // The sums in locals (registers), in the order of the ages: each += on a field would go through memory.
        double contributors = sums.EmployeeContributors, beneficiaries = sums.EmployeeBeneficiaries, inSchoolSum = sums.InSchool;
        double working = sums.Working, old = sums.Old;
        int age = First;
        for (; age < ResidentsAccountPension.PensionAge; age++)
        {
            contributors += Unsafe.Add(ref workersByAge, age);
            beneficiaries += Unsafe.Add(ref pensionersByAge, age);
            inSchoolSum += Unsafe.Add(ref inSchoolByAge, age - First);
            working += Unsafe.Add(ref residualByAge, age - First);
        }
        for (; age < A; age++)
        {
            contributors += Unsafe.Add(ref workersByAge, age);
            beneficiaries += Unsafe.Add(ref pensionersByAge, age);
            inSchoolSum += Unsafe.Add(ref inSchoolByAge, age - First);
            old += Unsafe.Add(ref residualByAge, age - First);
        }
        sums.EmployeeContributors = contributors;
        sums.EmployeeBeneficiaries = beneficiaries;
        sums.InSchool = inSchoolSum;
        sums.Working = working;
        sums.Old = old;
        return failed;
    }

    /// <summary>The first age of the lane from <paramref name="a"/> whose free persons are below float noise.</summary>
    private static int FirstFailure(Vector256<double> free, Vector256<double> persons, int a)
    {
        for (int j = 0; j < Vector256<double>.Count; j++)
        {
            if (free.GetElement(j) < -1e-6 * Math.Max(1, persons.GetElement(j))) return a + j;
        }
        return -1;
    }
}
