using Actuarial.Dimensions;
using Actuarial.Residents;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary><see cref="CoverageKernels.AddSex"/> against its plain reference, <see cref="ResidentsProjector.Cell"/> cell by cell.</summary>
[TestFixture]
public sealed class CoverageKernelsTests
{
    private const int A = Ages.Count, First = ResidentsAccountPension.FirstAge, Pension = ResidentsAccountPension.PensionAge;

    [TestCase(1, First, Pension)]
    [TestCase(2, First, Pension)]
    [TestCase(3, 17, 61)] // ages off the lanes' boundaries
    [TestCase(4, 0, A)]
    [TestCase(5, 99, 100)]
    public void A_sex_adds_what_the_plain_loop_over_its_cells_adds_bit_for_bit(int seed, int firstAge, int pensionAge)
    {
        // Arbitrary cells (some empty, some wholly in the employee scheme): the kernel on the sex's runs, and the plain rule
        // on the grid cell by cell, from the same starting sums.
        var random = new Random(seed);
        var (grid, members, shares) = RandomCells(random);
        var sums = new CoverageKernels.CoverageSums { EmployeeContributors = 1e3, EmployeeBeneficiaries = 2e3, InSchool = 3e3, Working = 4e3, Old = 5e3 };
        double contributors = sums.EmployeeContributors, beneficiaries = sums.EmployeeBeneficiaries, inSchool = sums.InSchool, working = sums.Working, old = sums.Old;

        int failed = CoverageKernels.AddSex(members, FemaleRuns(grid), shares, firstAge, pensionAge, ref sums);

        for (int a = firstAge; a < A; a++)
        {
            var cell = ResidentsProjector.Cell(grid, members, shares, 0, Sex.Female, a, 2030, Regions.Provinces[0]);
            contributors += cell.Workers;
            beneficiaries += cell.Pensioners;
            inSchool += cell.InSchool;
            if (a < pensionAge) working += cell.Residual; else old += cell.Residual;
        }
        Assert.That(failed, Is.EqualTo(-1));
        Assert.That(new[] { sums.EmployeeContributors, sums.EmployeeBeneficiaries, sums.InSchool, sums.Working, sums.Old },
            Is.EqualTo(new[] { contributors, beneficiaries, inSchool, working, old }).AsCollection);
    }

    [Test]
    public void It_reports_the_first_age_with_more_members_than_persons_where_the_plain_rule_throws()
    {
        var (grid, members, shares) = RandomCells(new Random(4));
        var persons = new double[A];
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            for (int a = 0; a < A; a++) persons[a] += grid[PopulationShape.Index(0, Sex.Female, (EducationLevel)e, a)];
        }
        members[40] = persons[40] + 1; // one worker too many at 40, and at 70
        members[A + 70] += persons[70];
        members[25] = persons[25] - members[A + 25] + 1e-9 * persons[25]; // float noise above the population: not a failure
        var sums = new CoverageKernels.CoverageSums();

        Assert.That(CoverageKernels.AddSex(members, FemaleRuns(grid), shares, First, Pension, ref sums), Is.EqualTo(40));
        Assert.That(CoverageKernels.AddSex(members, FemaleRuns(grid), shares, 41, Pension, ref sums), Is.EqualTo(70), "below the first age: not counted");
        // In the last lane (97) and at age 100 on its own too.
        var (grid2, members2, shares2) = RandomCells(new Random(5));
        members2[A + 97] += 2 * grid2[PopulationShape.Index(0, Sex.Female, EducationLevel.Primary, 97)] + 1e7;
        Assert.That(CoverageKernels.AddSex(members2, FemaleRuns(grid2), shares2, First, Pension, ref sums), Is.EqualTo(97));
        var (grid3, members3, shares3) = RandomCells(new Random(6));
        members3[A - 1] += 1e7;
        Assert.That(CoverageKernels.AddSex(members3, FemaleRuns(grid3), shares3, First, Pension, ref sums), Is.EqualTo(A - 1));
        Assert.Throws<InputDataException>(() => ResidentsProjector.Cell(grid3, members3, shares3, 0, Sex.Female, A - 1, 2030, Regions.Provinces[0]));
        Assert.DoesNotThrow(() => ResidentsProjector.Cell(grid, members, shares, 0, Sex.Female, 25, 2030, Regions.Provinces[0]));
        Assert.Throws<InputDataException>(() => ResidentsProjector.Cell(grid, members, shares, 0, Sex.Female, 40, 2030, Regions.Provinces[0]));
    }

    private static ReadOnlySpan<double> FemaleRuns(double[] grid) =>
        grid.AsSpan(PopulationShape.RunStart(0, Sex.Female, 0), PopulationShape.CellsPerSex);

    /// <summary>One region's grid (female cells filled), members of its female cells within their population, and shares by education and age.</summary>
    private static (double[] Grid, double[] Members, double[] Shares) RandomCells(Random random)
    {
        var grid = new double[PopulationShape.CellsPerRegion];
        var shares = new double[EducationLevels.Count * A];
        for (int e = 0; e < EducationLevels.Count; e++)
        {
            for (int a = 0; a < A; a++)
            {
                grid[PopulationShape.Index(0, Sex.Female, (EducationLevel)e, a)] = a % 17 == 3 ? 0 : random.NextDouble() * 1e5;
                shares[e * A + a] = random.NextDouble();
            }
        }
        var members = new double[2 * A];
        for (int a = 0; a < A; a++)
        {
            double persons = 0;
            for (int e = 0; e < EducationLevels.Count; e++) persons += grid[PopulationShape.Index(0, Sex.Female, (EducationLevel)e, a)];
            double share = a % 13 == 5 ? 1 : random.NextDouble(); // some cells wholly in the scheme
            members[a] = share * persons * random.NextDouble();
            members[A + a] = share * persons - members[a];
        }
        return (grid, members, shares);
    }
}
