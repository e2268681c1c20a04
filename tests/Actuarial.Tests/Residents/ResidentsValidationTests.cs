using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Residents;
using Actuarial.Scenarios;
using NUnit.Framework;

namespace Actuarial.Tests.Residents;

/// <summary>The residents' scheme against the published 2024 provincial table and the 2025 national figures.</summary>
public class ResidentsValidationTests
{
    private static readonly Lazy<PensionProjection> Baseline = new(() => PensionProjector.Run(ChinaDefaults.PensionScenario()));

    private static ResidentsProjection Residents => Baseline.Value.Residents;

    [Test]
    public void Print_calibration()
    {
        var cal = Residents.Calibration;
        for (int r = 0; r < cal.Provinces.Count; r++)
        {
            TestContext.Out.WriteLine($"{cal.Provinces[r].EnglishName,-15} κ {cal.ContributorTakeUp[r]:F3} ρc {cal.ContributorRegistration[r]:F3} β {cal.BeneficiaryTakeUp[r]:F3} ρb {cal.BeneficiaryRegistration[r]:F3} a {cal.AccountPension2024YuanPerYear[r]:F0} topup {cal.ProvincialTopUp2024YuanPerMonth[r]:F1} c {cal.AccountCredit2024YuanPerYear[r]:F0}");
        }
        foreach (var row in Residents.YearTable().Where(r => r.RegionCode == 0 && r.Year <= 2030 || r.RegionCode == 0 && r.Year % 10 == 0))
            TestContext.Out.WriteLine(row.ToString());
        foreach (var row in Residents.CoverageTable().Where(r => r.RegionCode == 0 && (r.Year <= 2026 || r.Year % 25 == 0)))
            TestContext.Out.WriteLine(row.ToString());
    }
}
