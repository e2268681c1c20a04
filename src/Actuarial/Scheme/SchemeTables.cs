using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>
/// What the scheme's rules, assumptions and calibration fix before the first year: rates by year and region, the
/// retirement tables, the base record holders' years and account factors by (sex, education, age), the calibration
/// factors by region. Built once per engine, read-only afterwards, and kept when the engine is pointed at another
/// population or labour layer (<see cref="SchemeEngine.Rebind(SchemeAssumptions)"/>). Groups are indexed sex × 6 + education.
/// </summary>
internal sealed class SchemeTables
{
    private const int A = Ages.Count;

    /// <summary>(sex, education) groups of a region.</summary>
    public const int Groups = Sexes.Count * EducationLevels.Count;

    public SchemeTables(SchemeAssumptions assumptions, SchemeCalibration calibration, IReadOnlyList<Region> regions, int yearCount)
    {
        var rules = assumptions.Rules;
        int regionCount = regions.Count;
        RegionCount = regionCount;
        YearCount = yearCount;
        FloorShare = rules.ContributionBase.FloorShare;
        CapShare = rules.ContributionBase.CapShare;
        BuysMissingYears = assumptions.ShortOfMinimumYears == ShortfallRule.BuyMissingYears;

        Alignment = Align(calibration.WorkerAlignment, "worker alignment", regionCount);
        Compliance = Align(calibration.Compliance, "compliance", regionCount);
        Registration = Align(calibration.Registration, "registration", regionCount);
        PensionLevel = Align(calibration.PensionLevel, "pension level", regionCount);
        var targets = assumptions.EffectiveTargets;
        RetireeTargets = new double[regionCount];
        for (int r = 0; r < regionCount; r++) RetireeTargets[r] = targets[regions[r].Code].Retirees;

        Retirement = RetirementTables.For(rules, assumptions.WomenCadreShareByEducation, assumptions.BaseYear, yearCount);
        NotRetired = new double[Retirement.Retired.Length];
        for (int i = 0; i < NotRetired.Length; i++) NotRetired[i] = 1 - Retirement.Retired[i];
        NoEntryAge = new int[Groups];
        var ages = rules.RetirementAges;
        int menAge = ages.OriginalAgeMonths(RetirementCategory.Men) / 12;
        int womenAge = Math.Min(ages.OriginalAgeMonths(RetirementCategory.WomenCadres), ages.OriginalAgeMonths(RetirementCategory.WomenWorkers)) / 12;
        for (int g = 0; g < Groups; g++) NoEntryAge[g] = g < EducationLevels.Count ? menAge : womenAge;

        EmployerRate = new double[yearCount * regionCount];
        EmployeeRate = new double[yearCount];
        MinimumYears = new double[yearCount];
        for (int y = 0; y < yearCount; y++)
        {
            int year = assumptions.BaseYear + y;
            for (int r = 0; r < regionCount; r++) EmployerRate[y * regionCount + r] = rules.Contributions.EmployerAnnualAfterRelief(year, regions[r].Code);
            EmployeeRate[y] = rules.Contributions.EmployeeAnnual(year);
            MinimumYears[y] = rules.MinimumContributionYears.ForRetirementYear(year);
        }

        var accountFactor = BaseAccountFactors(assumptions);
        int accountYearsMax = assumptions.BaseYear - assumptions.AccountsStartYear;
        BaseDeemed = new double[Groups * A];
        BaseYears = new double[Groups * A];
        BaseAccountFactor = new double[Groups * A];
        int deemedFloor = A - 1;
        for (int g = 0; g < Groups; g++)
        {
            double entry = assumptions.CareerEntryAgeByEducation[g % EducationLevels.Count];
            for (int a = 0; a < A; a++)
            {
                double career = Math.Max(0, a - entry);
                double withAccounts = Math.Min(career, accountYearsMax);
                double deemed = assumptions.DeemedServiceShare * (career - withAccounts);
                BaseDeemed[g * A + a] = deemed;
                BaseYears[g * A + a] = deemed + assumptions.ContributionDensity * withAccounts;
                BaseAccountFactor[g * A + a] = Interpolate(accountFactor, withAccounts);
                if (deemed > 0) deemedFloor = Math.Min(deemedFloor, a);
            }
        }
        BaseDeemedFloor = deemedFloor;
    }

    public int RegionCount { get; }
    public int YearCount { get; }

    /// <summary>The contribution base's floor and cap as shares of the provincial average wage.</summary>
    public double FloorShare { get; }
    public double CapShare { get; }

    /// <summary>Whether record holders short of the minimum years buy the missing years (else they get no pension).</summary>
    public bool BuysMissingYears { get; }

    /// <summary>ω, κ, the registration factor and λ by region (<see cref="SchemeCalibration"/>).</summary>
    public double[] Alignment { get; }
    public double[] Compliance { get; }
    public double[] Registration { get; }
    public double[] PensionLevel { get; }

    /// <summary>The base year's retirees by region.</summary>
    public double[] RetireeTargets { get; }

    /// <summary>R, q, 1 / divisor and the leaving share by [year index][group][age], and the retiring ages (shared between engines).</summary>
    public RetirementTables Retirement { get; }

    /// <summary>1 − R by [year index][group][age]: the contributors' factor.</summary>
    public double[] NotRetired { get; }

    /// <summary>[group]: the age from which nobody starts a record (the lowest original statutory age of the sex).</summary>
    public int[] NoEntryAge { get; }

    /// <summary>[year index][region]: the employer's rate after relief; [year index]: the employee's rate and the minimum years.</summary>
    public double[] EmployerRate { get; }
    public double[] EmployeeRate { get; }
    public double[] MinimumYears { get; }

    /// <summary>[group][age]: a base-year record holder's deemed years, years (deemed and contributed) and account factor F.</summary>
    public double[] BaseDeemed { get; }
    public double[] BaseYears { get; }
    public double[] BaseAccountFactor { get; }

    /// <summary>The lowest age holding deemed years in the base state (ageing raises it a year a year: new record holders have none).</summary>
    public int BaseDeemedFloor { get; }

    /// <summary>
    /// F(n) = Σ over the n years before the base year of ee(y) × (1 + g)^(y − base) × Π crediting factors from y to the
    /// year before the base: the base-year balance per unit of (density × index × base-year average wage) of n years of
    /// contributions.
    /// </summary>
    public static double[] BaseAccountFactors(SchemeAssumptions assumptions)
    {
        var rules = assumptions.Rules;
        int max = assumptions.BaseYear - assumptions.AccountsStartYear;
        var factor = new double[max + 1];
        for (int n = 1; n <= max; n++)
        {
            double balance = 0;
            for (int year = assumptions.BaseYear - n; year < assumptions.BaseYear; year++)
            {
                double ee = rules.Contributions.EmployeeAnnual(Math.Max(year, rules.Contributions.EmployeeToAccount.From.Year));
                double wage = Math.Pow(1 + assumptions.HistoricalWageGrowth, year - assumptions.BaseYear);
                double rate = rules.CreditingRates.Rate(year, assumptions.HistoricalWageGrowth, assumptions.PriceGrowthIn(year));
                balance = (balance + ee * wage) * (1 + rate);
            }
            factor[n] = balance;
        }
        return factor;
    }

    /// <summary>F at a fractional number of account years: linear between whole years.</summary>
    public static double Interpolate(double[] factor, double accountYears)
    {
        int whole = (int)Math.Floor(accountYears);
        double fraction = accountYears - whole;
        double f = factor[whole];
        if (fraction > 0 && whole + 1 < factor.Length) f += fraction * (factor[whole + 1] - f);
        return f;
    }

    /// <summary>A calibration factor by region, checked to have one value per region.</summary>
    public static double[] Align(IReadOnlyList<double> values, string name, int regions)
    {
        if (values.Count != regions)
        {
            throw new InputDataException("scheme calibration", null, name, values.Count.ToString(CultureInfo.InvariantCulture), $"one value per region ({regions})");
        }
        return values.ToArray();
    }
}
