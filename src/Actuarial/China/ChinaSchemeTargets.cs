using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Scheme;

namespace Actuarial.China;

/// <summary>Where the national subsidy share comes from: the latest year with a verified national fiscal subsidy and a revenue figure.</summary>
/// <param name="Year">Year of the figures.</param>
/// <param name="SubsidyYuan">Fiscal subsidy to the urban employee scheme, yuan.</param>
/// <param name="RevenueYuan">Fund revenue (including the subsidy), yuan.</param>
/// <param name="SubsidyTag">How the subsidy figure was obtained.</param>
/// <param name="RevenueTag">How the revenue figure was obtained.</param>
internal readonly record struct SubsidyShareSource(int Year, double SubsidyYuan, double RevenueYuan, SourceTag SubsidyTag, SourceTag RevenueTag)
{
    /// <summary>Subsidy / revenue.</summary>
    public double Share => SubsidyYuan / RevenueYuan;
}

/// <summary>
/// What the scheme's 2024 calibration (<see cref="SchemeCalibration"/>) is given for China, built from the embedded
/// 2024 yearbook and national figures: the provincial targets and the national subsidy share of revenue.
/// </summary>
internal static class ChinaSchemeTargets
{
    private const double YuanPer100Million = 1e8;
    private const double PersonsPer10k = 1e4;

    /// <summary>
    /// The 2024 yearbook by province (<see cref="PensionData.UrbanEmployeePensionProvince2024"/>; 10,000 persons and 100
    /// million yuan converted to persons and yuan), keyed by GB/T code; the national row is left out. The balance on 1 January
    /// 2024 is derived from the same row: end-2024 accumulated balance − revenue + expenditure (the roll-forward the
    /// yearbook's figures satisfy; revenue includes the year's investment income).
    /// </summary>
    public static IReadOnlyDictionary<int, SchemeBaseYearTarget> Yearbook2024Targets()
    {
        var targets = new Dictionary<int, SchemeBaseYearTarget>();
        foreach (var row in PensionData.UrbanEmployeePensionProvince2024())
        {
            if (row.RegionCode == 0) continue;
            targets[row.RegionCode] = new SchemeBaseYearTarget(row.WorkersTenThousands * PersonsPer10k, row.RetireesTenThousands * PersonsPer10k,
                row.RevenueHundredMillionYuan * YuanPer100Million, row.ExpenditureHundredMillionYuan * YuanPer100Million,
                (row.AccumulatedBalanceHundredMillionYuan - row.RevenueHundredMillionYuan + row.ExpenditureHundredMillionYuan) * YuanPer100Million);
        }
        return targets;
    }

    /// <summary>
    /// The 2024 calibration targets on <b>pre-transfer</b> flows: the yearbook's workers, retirees and 1 January 2024 balance
    /// (<see cref="Yearbook2024Targets"/>) with revenue and expenditure net of the national pooling transfers that
    /// <paramref name="rule"/> implies as a fixed point (<see cref="ChinaFunds.PreTransfer2024"/>). For calibrating a
    /// projection whose 2022– pooling rule is <paramref name="rule"/> under the reading that the yearbook is post-transfer, so
    /// that the rule's transfers are not absorbed into compliance and pension levels and then paid again (pass the result as
    /// <see cref="SchemeAssumptions.Targets"/>).
    /// </summary>
    /// <param name="rule">The pooling rule taken to have produced the 2024 transfers.</param>
    /// <exception cref="InputDataException">No pre-transfer flows give the yearbook under <paramref name="rule"/>.</exception>
    public static IReadOnlyDictionary<int, SchemeBaseYearTarget> PreTransfer2024Targets(IPoolingRule rule)
    {
        var yearbook = Yearbook2024Targets();
        var targets = new Dictionary<int, SchemeBaseYearTarget>(yearbook.Count);
        foreach (var row in ChinaFunds.PreTransfer2024(rule))
        {
            targets[row.RegionCode] = yearbook[row.RegionCode] with { RevenueYuan = row.PreTransferRevenue, ExpenditureYuan = row.PreTransferExpenditure };
        }
        return targets;
    }

    /// <summary>
    /// The national subsidy share of revenue from <see cref="PensionData.UrbanEmployeePensionNational"/>: the latest year
    /// with a fiscal subsidy figure (scope "all") that is not tagged unverified, over that year's revenue. With the embedded
    /// data: 2019, 10,318.66 亿 ([S2], 2019 national fiscal final accounts) over 52,919 亿 (revenue, tagged [U], the only
    /// 2019 revenue figure) = 19.5%. No 2024 subsidy figure is in the data.
    /// </summary>
    /// <exception cref="InputDataException">No such pair of figures.</exception>
    public static SubsidyShareSource NationalSubsidyShare()
    {
        var rows = PensionData.UrbanEmployeePensionNational();
        PensionNationalFigureRow? subsidy = null;
        foreach (var row in rows)
        {
            if (row.Scope != PensionScope.All || row.Item != "fiscal_subsidy" || row.Tag == SourceTag.Unverified) continue;
            if (!rows.Any(x => x.Year == row.Year && x.Scope == PensionScope.All && x.Item == "revenue")) continue;
            if (subsidy is null || row.Year > subsidy.Value.Year) subsidy = row;
        }
        if (subsidy is not { } s)
        {
            throw new InputDataException("urban_employee_pension_national.csv", null, "fiscal_subsidy", null,
                "a verified national fiscal subsidy with a revenue figure of the same year");
        }
        var revenue = rows.First(x => x.Year == s.Year && x.Scope == PensionScope.All && x.Item == "revenue");
        return new SubsidyShareSource(s.Year, s.Value * YuanPer100Million, revenue.Value * YuanPer100Million, s.Tag, revenue.Tag);
    }
}
