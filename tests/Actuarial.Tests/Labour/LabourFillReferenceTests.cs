using Actuarial.Dimensions;
using Actuarial.Labour;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Tests.Labour;

/// <summary>
/// The vectorised <see cref="CompiledLabourModel.FillCoveredWorkers"/> against its formula written as a plain loop, the
/// region-at-a-time fill the scheme uses against the whole-grid fill, and the first covered age the scheme relies on.
/// </summary>
[TestFixture]
public sealed class LabourFillReferenceTests
{
    private static readonly int Cells = SyntheticLabour.Cells;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Fill_covered_workers_is_its_formula_written_as_a_plain_loop(int seed)
    {
        var assumptions = SyntheticLabour.Assumptions(seed);
        var model = assumptions.Compile();
        var pop = SyntheticLabour.Population(seed);
        var covered = new double[Cells];
        var wages = new double[Cells];
        var employed = new double[PopulationShape.CellsPerRegion];
        for (int year = SyntheticLabour.First; year <= SyntheticLabour.Last; year++)
        {
            model.FillCoveredWorkers(year, pop, covered, wages);
            model.FillEmployedShare(year, employed);
            double scale = assumptions.NonAgriculturalShareScale[year], joining = assumptions.UncoveredWorkersJoining[year];
            double density = assumptions.ContributionDensity[year];
            for (int r = 0; r < Regions.Provinces.Count; r++)
            {
                double sumCovered = 0, sumWeighted = 0;
                var expected = new double[PopulationShape.CellsPerRegion];
                for (int i = 0; i < expected.Length; i++)
                {
                    double s = Math.Min(1, employed[i] * model.Coverage(r) * scale);
                    expected[i] = pop[r * expected.Length + i] * (s + joining * Math.Max(0, employed[i] - s)) * density;
                    sumCovered += expected[i];
                    sumWeighted += expected[i] * Earnings(assumptions, i);
                }
                double provinceWage = model.AverageWage(year, r) * (sumWeighted > 0 ? sumCovered / sumWeighted : 1);
                for (int i = 0; i < expected.Length; i++)
                {
                    int cell = r * expected.Length + i;
                    Assert.That(covered[cell], Is.EqualTo(expected[i]).Within(1e-12 * expected[i]), $"covered, {year}, cell {cell}");
                    double wage = provinceWage * Earnings(assumptions, i);
                    Assert.That(wages[cell], Is.EqualTo(wage).Within(1e-12 * wage), $"wage, {year}, cell {cell}");
                }
            }
        }
    }

    [Test]
    public void Filling_one_region_at_a_time_writes_what_the_whole_grid_fill_writes()
    {
        var model = SyntheticLabour.Assumptions(9).Compile();
        IRegionalCoveredWorkforce regional = model;
        var pop = SyntheticLabour.Population(9);
        var covered = new double[Cells];
        var wages = new double[Cells];
        var coveredByRegion = new double[Cells];
        var wagesByRegion = new double[Cells];
        model.FillCoveredWorkers(2027, pop, covered, wages);
        for (int r = 0; r < Regions.Provinces.Count; r++)
        {
            var (workers, wageBill, wageScale) = regional.FillCoveredWorkersOfRegion(2027, r, pop, coveredByRegion.AsSpan(r * 1212, 1212));
            // A cell's wage is its relative earnings × the region's wage scale.
            for (int i = 0; i < 1212; i++) wagesByRegion[r * 1212 + i] = regional.RelativeEarnings[i] * wageScale;
            // The totals it returns are the sums over the region's cells (to rounding: they are gathered another way).
            double sumCovered = 0, sumBill = 0;
            for (int i = r * 1212; i < (r + 1) * 1212; i++)
            {
                sumCovered += coveredByRegion[i];
                sumBill += coveredByRegion[i] * wagesByRegion[i];
            }
            Assert.That(workers, Is.EqualTo(sumCovered).Within(1e-12 * sumCovered), $"workers, region {r}");
            Assert.That(wageBill, Is.EqualTo(sumBill).Within(1e-12 * sumBill), $"wage bill, region {r}");
        }
        Assert.That(coveredByRegion, Is.EqualTo(covered));
        Assert.That(wagesByRegion, Is.EqualTo(wages));
    }

    [Test]
    public void Nobody_is_covered_below_the_first_covered_age()
    {
        var assumptions = SyntheticLabour.Assumptions(4);
        var model = assumptions.Compile();
        int first = ((IRegionalCoveredWorkforce)model).FirstCoveredAge;
        Assert.That(first, Is.EqualTo(16), "the synthetic participation starts at 16");
        var pop = SyntheticLabour.Population(4);
        var covered = new double[Cells];
        var wages = new double[Cells];
        for (int year = SyntheticLabour.First; year <= SyntheticLabour.Last; year++)
        {
            model.FillCoveredWorkers(year, pop, covered, wages);
            for (int i = 0; i < Cells; i++)
            {
                if (i % Ages.Count < first) Assert.That(covered[i], Is.Zero, $"{year}, cell {i}");
            }
        }
    }

    [Test]
    public void A_bad_population_count_is_still_named_by_its_cell()
    {
        var model = SyntheticLabour.Assumptions(6).Compile();
        var pop = SyntheticLabour.Population(6);
        int cell = PopulationShape.Index(3, Sex.Female, EducationLevel.UpperSecondary, 40);
        pop[cell] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => model.FillCoveredWorkers(2024, pop, new double[Cells], new double[Cells]));
        Assert.That(ex!.Message, Does.Contain(PopulationGrid.DescribeCell(new PopulationShape(Regions.Provinces), cell)));
    }

    private static double Earnings(LabourAssumptions assumptions, int i) =>
        assumptions.Earnings.Value((Sex)(i / (EducationLevels.Count * Ages.Count)), (EducationLevel)(i / Ages.Count % EducationLevels.Count), i % Ages.Count);
}
