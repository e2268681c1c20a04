using System.Reflection;
using Actuarial.Charts.Reports;
using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Residents;
using Actuarial.Scenarios;
using Actuarial.Scheme;
using NUnit.Framework;

namespace Actuarial.Cli.Tests;

/// <summary>
/// Every row type a run can write has a unit rule for each of its columns, whether or not the baseline writes it (the
/// reserve, stress and rights-transfer tables appear only when a scenario asks for them): a missing rule is found here,
/// not by a user's run.
/// </summary>
[TestFixture]
public sealed class ResultTableUnitTests
{
    private static readonly Type[] RowTypes =
    [
        typeof(FundYearRow), typeof(FundRunSummaryRow), typeof(SchemeYearRow), typeof(DemographicSummaryRow), typeof(EconomicYearRow),
        typeof(ReplacementRateRow), typeof(StrategicReserveRow), typeof(FundStressRow), typeof(RightsTransferRow), typeof(ResidentsYearRow),
        typeof(CoverageRow), typeof(SystemYearRow),
    ];

    [TestCaseSource(nameof(RowTypes))]
    public void Every_column_of_the_row_type_has_a_unit_rule(Type rowType)
    {
        var of = typeof(ResultTables).GetMethod(nameof(ResultTables.Of), BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(rowType);
        var empty = Array.CreateInstance(rowType, 0);
        var table = (ReportTable)of.Invoke(null, [empty, "t", "t"])!;
        Assert.That(table.Columns, Is.Not.Empty);
    }
}
