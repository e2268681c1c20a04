using Actuarial.China;
using NUnit.Framework;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// What the sources found say about the public-institution (机关事业单位) members' money, computed from the data files
/// (data/README.md, "Public-institution members inside the employee scheme"). No national figure of the
/// public-institution fund itself was found, so the projection splits the scheme's money by a documented rule
/// (<see cref="Actuarial.Scheme.PublicInstitutionSplit"/>, tested in <see cref="PublicInstitutionSplitTests"/>) whose
/// benefit ratio is Fujian's 2021 figure; these tests keep the evidence (and the figures README quotes from it) tied to the files.
/// </summary>
[TestFixture]
public sealed class PublicInstitutionEvidenceTests
{
    private static double Fujian(int year, PensionScope scope, string item) =>
        PensionData.PublicInstitutionPensionProvince().Single(r => r.Year == year && r.RegionCode == 35 && r.Scope == scope && r.Item == item).Value;

    private static double National(int year, PensionScope scope, string item) =>
        PensionData.UrbanEmployeePensionNational().Single(r => r.Year == year && r.Scope == scope && r.Item == item).Value;

    /// <summary>Spending per retiree, public institution / enterprise.</summary>
    private static double FujianSpendingPerRetireeRatio(int year) =>
        Fujian(year, PensionScope.PublicInstitution, "expenditure") / Fujian(year, PensionScope.PublicInstitution, "retirees")
        / (Fujian(year, PensionScope.Enterprise, "expenditure") / Fujian(year, PensionScope.Enterprise, "retirees"));

    /// <summary>The relative spending per retiree implied by a part's share of spending and of retirees.</summary>
    private static double RelativeSpendingPerRetiree(double spendingShare, double retireeShare) =>
        spendingShare / (1 - spendingShare) / (retireeShare / (1 - retireeShare));

    [Test]
    public void Fujian_public_institution_fund_rolls_forward_and_spends_about_twice_as_much_per_retiree()
    {
        // The public-institution fund's balance moves by revenue − expenditure: 150.26 − 147.67 = 334.69 − 332.10 = 2.59 (亿元).
        double roll = Fujian(2021, PensionScope.PublicInstitution, "balance") - Fujian(2020, PensionScope.PublicInstitution, "balance");
        Assert.That(roll, Is.EqualTo(Fujian(2021, PensionScope.PublicInstitution, "revenue") - Fujian(2021, PensionScope.PublicInstitution, "expenditure")).Within(0.005));
        double r2020 = FujianSpendingPerRetireeRatio(2020), r2021 = FujianSpendingPerRetireeRatio(2021);
        double retireeShare2021 = Fujian(2021, PensionScope.PublicInstitution, "retirees")
            / (Fujian(2021, PensionScope.PublicInstitution, "retirees") + Fujian(2021, PensionScope.Enterprise, "retirees"));
        TestContext.Out.WriteLine($"Fujian spending per retiree, public institution / enterprise: 2020 {r2020:F2}, 2021 {r2021:F2}; "
            + $"public-institution share of retirees 2021 {retireeShare2021:P1}");
        Assert.Multiple(() =>
        {
            // 2020: 355.42 / 49.63 = 71,615 yuan against 532.89 / 159.34 = 33,443 → 2.14; 2021: 65,775 against 35,175 → 1.87.
            Assert.That(r2020, Is.EqualTo(2.14).Within(0.005));
            Assert.That(r2021, Is.EqualTo(1.87).Within(0.005));
            Assert.That(retireeShare2021, Is.EqualTo(0.230).Within(0.0005), "Fujian's share is well above the national 15.5%");
        });
    }

    [Test]
    public void National_public_institution_part_derived_as_all_minus_enterprise_is_indicative_only()
    {
        // 2017: the scheme's totals are [U] (reference section 5, no source read); the enterprise fund's are MOF's final
        // accounts [S2]. The difference is the public-institution part [D], only as good as the [U] totals.
        double spending = National(2017, PensionScope.All, "expenditure") - National(2017, PensionScope.Enterprise, "expenditure");
        double revenue = National(2017, PensionScope.All, "revenue") - National(2017, PensionScope.Enterprise, "revenue");
        double balance = National(2017, PensionScope.All, "balance") - National(2017, PensionScope.Enterprise, "balance");
        double share2017 = spending / National(2017, PensionScope.All, "expenditure");
        double retireeShare = Actuarial.Scheme.PublicInstitutionSplit.RetireeShare; // 2022's, the only one published
        double relative2017 = RelativeSpendingPerRetiree(share2017, retireeShare);
        // 2018 from MOF's rounded enterprise figures (3.2 trillion yuan spent).
        double share2018 = 1 - National(2018, PensionScope.Enterprise, "expenditure") / National(2018, PensionScope.All, "expenditure");
        double relative2018 = RelativeSpendingPerRetiree(share2018, retireeShare);
        TestContext.Out.WriteLine($"2017 public institutions (all − enterprise): revenue {revenue:F0}, expenditure {spending:F0}, balance {balance:F0} 亿元; "
            + $"share of spending {share2017:P1}; spending per retiree {relative2017:F2}× enterprise at the 2022 retiree share");
        TestContext.Out.WriteLine($"2018: share of spending {share2018:P1}; spending per retiree {relative2018:F2}×");
        Assert.Multiple(() =>
        {
            Assert.That(revenue, Is.EqualTo(9768).Within(0.5));
            Assert.That(spending, Is.EqualTo(9485).Within(0.5));
            Assert.That(balance, Is.EqualTo(2311).Within(0.5));
            Assert.That(share2017, Is.EqualTo(0.249).Within(0.0005));
            Assert.That(relative2017, Is.EqualTo(1.81).Within(0.005));
            Assert.That(share2018, Is.EqualTo(0.283).Within(0.0005));
            Assert.That(relative2018, Is.EqualTo(2.16).Within(0.005));
        });
    }
}
