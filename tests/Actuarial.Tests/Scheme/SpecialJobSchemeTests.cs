using Actuarial.Pensions;
using Actuarial.Scheme;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using FsProperty = FsCheck.NUnit.PropertyAttribute;

namespace Actuarial.Tests.Scheme;

/// <summary>Early retirement in special jobs (<see cref="SpecialJobRetirement"/>) in the scheme projection.</summary>
[TestFixture]
public sealed class SpecialJobSchemeTests
{
    [FsProperty(MaxTest = 8)]
    public void More_special_job_retirement_gives_no_more_contributors_and_more_pensioners_in_the_long_run(PositiveInt seed, NormalFloat share)
    {
        // Retiring earlier moves people from contributing to drawing: on the same calibration, no more contributors in any
        // year and province, and more pensioners at the horizon. Not more pensioners every year: the base year's published
        // retirees are a fixed count, which special jobs spread over younger ages, so the first years' new retirees (a
        // share of the cohorts at 45 and 55 against a share fewer at the statutory ages) can be fewer.
        double s = 0.05 + Math.Abs(share.Get) % 0.5;
        var baseline = SchemeTestData.Synthetic(seed.Get % 1000, regions: 2, horizon: 14);
        var calibration = SchemeCalibration.Calibrate(baseline);
        var ages = baseline.Rules.RetirementAges with { SpecialJobs = new SpecialJobRetirement(s) };
        var a = SchemeProjector.Run(baseline, calibration).Flows;
        var b = SchemeProjector.Run(baseline with { Rules = baseline.Rules with { RetirementAges = ages } }, calibration).Flows;
        for (int year = a.FirstYear + 1; year <= a.LastYear; year++)
        {
            for (int r = 0; r < a.ProvinceCount; r++)
            {
                Assert.That(b.ContributingWorkers(year)[r], Is.LessThanOrEqualTo(a.ContributingWorkers(year)[r] * (1 + 1e-9) + 1e-6), $"contributors {year} region {r} (share {s})");
            }
        }
        Assert.That(b.Retirees(a.LastYear).ToArray().Sum(), Is.GreaterThan(a.Retirees(a.LastYear).ToArray().Sum()), "the share moves the pensioners");
    }
}
