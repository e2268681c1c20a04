using Actuarial.Dimensions;
using Actuarial.Funds;

namespace Actuarial.Scheme;

/// <summary>
/// The result of a scheme projection: the fund layer's input (<see cref="Flows"/>), the calibration it ran on and tidy
/// rows by year and province.
/// </summary>
public sealed class SchemeProjection
{
    private readonly SchemeEngine _engine;

    internal SchemeProjection(SchemeEngine engine, SchemeCalibration calibration)
    {
        _engine = engine;
        Calibration = calibration;
    }

    /// <summary>The flows by year and province, 2024..EndYear (see <see cref="SchemeProjector"/> for what each field holds).</summary>
    internal FundFlows Flows => _engine.Flows;

    /// <summary>The transfers of insurance rights between provinces, or null when the assumptions do not ask for them (<see cref="SchemeAssumptions.RightsTransfers"/>).</summary>
    internal RightsTransfers? RightsTransfers => _engine.Transfers;

    /// <summary>The calibration factors used.</summary>
    internal SchemeCalibration Calibration { get; }

    /// <summary>The assumptions the projection ran on.</summary>
    internal SchemeAssumptions Assumptions => _engine.Assumptions;

    /// <summary>First year (2024).</summary>
    public int FirstYear => _engine.Assumptions.BaseYear;

    /// <summary>Last year.</summary>
    public int EndYear => Assumptions.EndYear;

    /// <summary>Whether the run recorded its members by age (<see cref="EmployeeMembers"/>).</summary>
    internal bool HasMembersByAge => !_engine.MembersByAge.IsEmpty;

    /// <summary>
    /// The scheme's members of <paramref name="year"/> in a province by sex and age (0..100), workers then pensioners: contributors as the cell
    /// state holds them (within the resident population; the registration factor that scales the head count reported to the
    /// fund layer is not applied) and pensioners who retired before the year. Recorded only when the projection was asked to (<see cref="HasMembersByAge"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The run did not record members by age.</exception>
    internal ReadOnlySpan<double> EmployeeMembers(int year, int region, Sex sex)
    {
        var all = _engine.MembersByAge;
        if (all.IsEmpty) throw new InvalidOperationException("this scheme projection did not record its members by age (PensionProjector records them)");
        if (year < FirstYear || year > EndYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"expected a year in [{FirstYear}, {EndYear}]");
        if ((uint)region >= (uint)_engine.Regions.Count) throw new ArgumentOutOfRangeException(nameof(region), region, "expected a region index of the grid");
        int length = SchemeEngine.MemberKinds * Ages.Count;
        var members = all.Slice((((year - FirstYear) * _engine.Regions.Count + region) * Sexes.Count + (int)sex) * length, length);
        return members; // workers by age, then pensioners by age
    }

    /// <summary>
    /// Whether the run summed the residents' coverage inputs as it stepped, with the shares not yet in work
    /// <paramref name="notEntered"/> ([education, age]) and these ages (see <see cref="CoverageInputs"/> and
    /// <see cref="SchemeProjector.Run(SchemeAssumptions, SchemeCalibration, bool, CoverageKernels.Shape)"/>).
    /// </summary>
    internal bool HasCoverageInputs(ReadOnlySpan<double> notEntered, int firstAge, int pensionAge) =>
        _engine.CoverageShape is { } shape && !_engine.CoverageInputs.IsEmpty && shape.SameAs(notEntered, firstAge, pensionAge);

    /// <summary>
    /// The residents' coverage sums of <paramref name="year"/> in a province over its sexes and ages 16+, as the run took
    /// them while each year's grid and members were in cache (<see cref="HasCoverageInputs"/>,
    /// <see cref="CoverageKernels.CoverageSums"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The run did not record them.</exception>
    internal CoverageKernels.CoverageSums CoverageInputs(int year, int region)
    {
        var all = _engine.CoverageInputs;
        if (all.IsEmpty) throw new InvalidOperationException("this scheme projection did not record the residents' coverage inputs (PensionProjector records them)");
        if (year < FirstYear || year > EndYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"expected a year in [{FirstYear}, {EndYear}]");
        if ((uint)region >= (uint)_engine.Regions.Count) throw new ArgumentOutOfRangeException(nameof(region), region, "expected a region index of the grid");
        const int count = CoverageKernels.CoverageSums.Count;
        return CoverageKernels.CoverageSums.From(all.Slice(((year - FirstYear) * _engine.Regions.Count + region) * count, count));
    }

    /// <summary>The first cell (year, region, sex, age order) whose employee members exceeded its population while the run summed the coverage inputs, or null.</summary>
    internal SchemeEngine.CoverageFailure? FirstCoverageFailure => _engine.FirstCoverageFailure;

    /// <summary>One row per year and province, then a national row (code 0) per year.</summary>
    public IReadOnlyList<SchemeYearRow> Summary()
    {
        int n = _engine.Regions.Count;
        var rows = new List<SchemeYearRow>(_engine.YearCount * (n + 1));
        for (int y = 0; y < _engine.YearCount; y++)
        {
            int year = FirstYear + y;
            double[] total = new double[7];
            for (int r = 0; r < n; r++)
            {
                int o = y * n + r;
                double wage = Flows.AverageWage(year)[r];
                double workers = _engine.OutContributors[o];
                rows.Add(Row(year, _engine.Regions[r], workers, _engine.OutPensioners[o], _engine.OutNewPensioners[o],
                    _engine.OutContributions[o], _engine.OutEmployerContributions[o], _engine.OutPensions[o], wage));
                total[0] += workers;
                total[1] += _engine.OutPensioners[o];
                total[2] += _engine.OutNewPensioners[o];
                total[3] += _engine.OutContributions[o];
                total[4] += _engine.OutEmployerContributions[o];
                total[5] += _engine.OutPensions[o];
                total[6] += wage * workers;
            }
            rows.Add(Row(year, Regions.China, total[0], total[1], total[2], total[3], total[4], total[5], total[0] > 0 ? total[6] / total[0] : 0));
        }
        return rows;
    }

    private static SchemeYearRow Row(int year, Region region, double contributors, double pensioners, double newPensioners,
        double contributions, double employer, double pensions, double wage) =>
        new(year, region.Code, region.EnglishName, contributors, pensioners, newPensioners,
            pensioners > 0 ? pensions / (12 * pensioners) : 0, contributions, employer, pensions,
            contributors > 0 ? pensioners / contributors : null, wage);
}

/// <summary>One year × province of a scheme projection (tidy). Stocks at the reference date, flows of the calendar year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="RegionCode">GB/T 2260 code; 0 = China (sum of the provinces).</param>
/// <param name="Region">English name.</param>
/// <param name="Contributors">Contributing workers, persons.</param>
/// <param name="Pensioners">Pensioners paid in the year, persons.</param>
/// <param name="NewPensioners">Persons retiring with a pension in the twelve months after the reference date (paid from the next year).</param>
/// <param name="AveragePensionYuanPerMonth">Pensions / (12 × pensioners), yuan a month.</param>
/// <param name="Contributions">All contributions to the fund (employer + employee + lump sums), yuan; <see cref="FundFlows.Contributions"/>.</param>
/// <param name="EmployerContributions">The employer (pooled-fund) part of <paramref name="Contributions"/>, yuan.</param>
/// <param name="Pensions">All pensions paid (basic, transitional, individual account), yuan; <see cref="FundFlows.Pensions"/>.</param>
/// <param name="SystemDependencyRatio">Pensioners per contributor; empty without contributors (e.g. a contribution density of 0).</param>
/// <param name="AverageWageYuan">Average annual wage of covered workers, yuan.</param>
[CsvHelper.CsvRecord]
public sealed partial record SchemeYearRow(
    int Year, int RegionCode, string Region, double Contributors, double Pensioners, double NewPensioners,
    double AveragePensionYuanPerMonth, double Contributions, double EmployerContributions, double Pensions,
    double? SystemDependencyRatio, double AverageWageYuan);
