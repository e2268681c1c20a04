using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Labour;
using Actuarial.Pensions;

namespace Actuarial.China;

// China's labour defaults: the labour layer's calibration (LabourCalibration) run on China's data and demography.
public static partial class ChinaDefaults
{
    private static readonly Lazy<LabourCalibrationResult> DefaultLabour = new(CalibrateLabour);

    /// <summary>China's calibrated labour assumptions (<see cref="CalibratedLabour"/>; cached after the first call).</summary>
    public static LabourAssumptions Labour() => DefaultLabour.Value.Assumptions;

    /// <summary>
    /// China's calibrated labour assumptions with the calibration's diagnostics (cached; the first call runs the
    /// demographic engine to 2024): participation fitted to WDI 2024 and the 2010 census by education, wages from the
    /// 2024 yearbooks, coverage by province meeting the yearbook's 2024 workers, and the coverage path.
    /// </summary>
    internal static LabourCalibrationResult CalibratedLabour() => DefaultLabour.Value;

    private static LabourCalibrationResult CalibrateLabour()
    {
        const int firstYear = BaseYear, lastYear = EndYear;
        var projection = DemographicProjector.Run(Demography() with { EndYear = LabourCalibration.CalibrationYear });
        var national2024 = LabourCalibration.NationalSum(projection.PersonsAt(LabourCalibration.CalibrationYear));
        var rates = PensionData.LabourForceRatesNational();
        double femaleLfpr = rates.Single(r => r.Year == LabourCalibration.WdiYear && r.Sex == SexOrBoth.Female && r.AgeStart == 15 && r.AgeEnd is null
            && r.Indicator == LabourForceIndicator.LabourForceParticipationRate).ValuePercent / 100;
        double employment = rates.Single(r => r.Year == LabourCalibration.WdiYear && r.Sex == SexOrBoth.Both && r.AgeStart == 15 && r.AgeEnd is null
            && r.Indicator == LabourForceIndicator.EmploymentToPopulationRatio).ValuePercent / 100;
        var (profile, fit) = LabourCalibration.CalibrateLabourForce(new ParticipationAgeShape(), PensionData.Census2010ActivityByEducationSex(), LabourCalibration.WittgensteinPopulation(LabourCalibration.GradientYear), national2024, femaleLfpr, employment);

        var fullCaliber = PensionData.AverageWageFullCaliberProvince();
        var nonPrivate = PensionData.AverageWageNonPrivateProvince();
        var national = PensionData.AverageWageNational();
        var (ratio, pairs) = LabourCalibration.FullCaliberToNonPrivateRatio(LabourCalibration.CalibrationYear - 1, LabourCalibration.CalibrationYear, fullCaliber, nonPrivate);
        var (wages, origins) = LabourCalibration.ProvinceAverageWages(LabourCalibration.CalibrationYear, ratio, fullCaliber, nonPrivate, national);
        var (growth, longRun) = LabourCalibration.DefaultWageGrowth(national, firstYear, lastYear);

        var uncalibrated = new LabourAssumptions
        {
            FirstYear = firstYear,
            LastYear = lastYear,
            LabourForce = profile,
            Coverage = new ProvinceValues("coverage", Regions.Provinces.Select(p => (p.Code, 1.0)), 0, LabourAssumptions.MaxCoverage),
            WageBaseYear = LabourCalibration.CalibrationYear,
            AverageWage = wages,
            Earnings = ChinaDefaults.RelativeEarnings(),
            FemaleParticipationGain = LabourAssumptions.NeutralLever(LabourLever.FemaleParticipationGain, firstYear, lastYear),
            OlderWorkerParticipationGain = LabourAssumptions.NeutralLever(LabourLever.OlderWorkerParticipationGain, firstYear, lastYear),
            UnemploymentScale = LabourAssumptions.NeutralLever(LabourLever.UnemploymentScale, firstYear, lastYear),
            NonAgriculturalShareScale = LabourAssumptions.NeutralLever(LabourLever.NonAgriculturalShareScale, firstYear, lastYear),
            UncoveredWorkersJoining = LabourAssumptions.NeutralLever(LabourLever.UncoveredWorkersJoining, firstYear, lastYear),
            ContributionDensity = LabourAssumptions.NeutralLever(LabourLever.ContributionDensity, firstYear, lastYear),
            WageGrowth = growth,
            FemaleCadreShareByEducation = [0, 0, 0, 0, 0, 1],
            RetirementAges = ChinaDefaults.RetirementAges(),
        };
        var (calibrated, rows) = CoverageCalibration.Calibrate(uncalibrated, projection.PersonsAt(LabourCalibration.CalibrationYear), LabourCalibration.CalibrationYear, LabourCalibration.YearbookWorkers(LabourCalibration.CalibrationYear));
        var coverage = LabourCalibration.EstimateCoveragePath(calibrated, projection);
        calibrated = calibrated with { UncoveredWorkersJoining = coverage.Path.ToLeverPath(firstYear, lastYear), JoiningPath = coverage.Path };
        return new LabourCalibrationResult(calibrated, rows, fit, ratio, pairs, origins, longRun) { CoveragePath = coverage };
    }
}
