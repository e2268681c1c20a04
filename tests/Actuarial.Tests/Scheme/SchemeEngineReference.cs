using System.Globalization;
using System.Numerics.Tensors;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Pensions;
using Actuarial.Scheme;

namespace Actuarial.Tests.Scheme;

/// <summary>
/// The scheme engine as it was before the vectorised <see cref="SchemeEngine"/>: a plain per-cell loop, kept verbatim
/// as the reference the fast engine must agree with (SchemeEngineAgreementTests). Do not optimise.
/// </summary>
internal sealed class SchemeEngineReference
{
    private const int A = Ages.Count;
    private const int Groups = Sexes.Count * EducationLevels.Count; // (sex, education) runs per region
    private const int Categories = 3;

    private readonly SchemeAssumptions _a;
    private readonly SchemeRules _rules;
    private readonly ICoveredWorkforce _workforce;
    private readonly int _regions;
    private readonly int _cells;
    private readonly double _floor;
    private readonly double _cap;

    // [year index][sex·6 + education][age]: share retired before the reference date, share retiring in the year, 1 / divisor of those retiring.
    private readonly double[] _retired;
    private readonly double[] _retiring;
    private readonly double[] _inverseDivisor;
    private readonly double[] _employerRate; // [year index][region]
    private readonly double[] _employeeRate; // [year index]
    private readonly double[] _minimumYears; // [year index]
    private readonly double[] _baseAccountFactor; // [account years 0..]: Σ ee · (wage then / wage 2024) · interest to 2024

    // Calibration factors by region.
    private readonly double[] _alignment;
    private readonly double[] _compliance;
    private readonly double[] _registration;
    private readonly double[] _pensionLevel;
    private readonly double[] _retireeTargets;

    // State by cell.
    private readonly double[] _covered;
    private readonly double[] _wage;
    private readonly double[] _contributors;
    private readonly double[] _records;        // persons with a contribution record below retirement (N)
    private readonly double[] _years;          // average contribution years incl. deemed, per record
    private readonly double[] _deemed;         // average deemed years per record
    private readonly double[] _indexYears;     // average Σ contribution index over years, per record
    private readonly double[] _account;        // average individual-account balance per record, yuan
    private readonly double[] _pensioners;
    private readonly double[] _pension;        // average monthly pension per pensioner, yuan
    private readonly double[] _newPensioners;

    // By region, for the current year.
    private readonly double[] _averageWage;
    private readonly double[] _averageWagePrevious;
    private readonly double[] _ordinaryBase;   // Σ contributors × contribution base
    private readonly double[] _lumpSums;
    private readonly double[] _pensionsPaid;
    private double _nationalWage;
    private double _wageGrowth;
    private double _creditingRate;

    internal SchemeEngineReference(SchemeAssumptions assumptions, SchemeCalibration calibration)
    {
        assumptions.Validate();
        _a = assumptions;
        _rules = assumptions.Rules;
        _workforce = assumptions.Workforce;
        var shape = assumptions.Demography.Shape;
        _regions = shape.RegionCount;
        _cells = shape.CellCount;
        Regions = shape.Regions;
        YearCount = assumptions.EndYear - SchemeAssumptions.BaseYear + 1;
        _floor = _rules.ContributionBase.FloorShare;
        _cap = _rules.ContributionBase.CapShare;

        _alignment = Align(calibration.WorkerAlignment, "worker alignment");
        _compliance = Align(calibration.Compliance, "compliance");
        _registration = Align(calibration.Registration, "registration");
        _pensionLevel = Align(calibration.PensionLevel, "pension level");
        var targets = assumptions.EffectiveTargets;
        _retireeTargets = new double[_regions];
        for (int r = 0; r < _regions; r++) _retireeTargets[r] = targets[Regions[r].Code].Retirees;

        _retired = new double[YearCount * Groups * A];
        _retiring = new double[YearCount * Groups * A];
        _inverseDivisor = new double[YearCount * Groups * A];
        PrepareRetirement();
        _employerRate = new double[YearCount * _regions];
        _employeeRate = new double[YearCount];
        _minimumYears = new double[YearCount];
        for (int y = 0; y < YearCount; y++)
        {
            int year = SchemeAssumptions.BaseYear + y;
            for (int r = 0; r < _regions; r++) _employerRate[y * _regions + r] = _rules.Contributions.EmployerAnnualAfterRelief(year, Regions[r].Code);
            _employeeRate[y] = _rules.Contributions.EmployeeAnnual(year);
            _minimumYears[y] = _rules.MinimumContributionYears.ForRetirementYear(year);
        }
        _baseAccountFactor = PrepareBaseAccounts();

        _covered = new double[_cells];
        _wage = new double[_cells];
        _contributors = new double[_cells];
        _records = new double[_cells];
        _years = new double[_cells];
        _deemed = new double[_cells];
        _indexYears = new double[_cells];
        _account = new double[_cells];
        _pensioners = new double[_cells];
        _pension = new double[_cells];
        _newPensioners = new double[_cells];
        _averageWage = new double[_regions];
        _averageWagePrevious = new double[_regions];
        _ordinaryBase = new double[_regions];
        _lumpSums = new double[_regions];
        _pensionsPaid = new double[_regions];

        Flows = new FundFlows(Regions, SchemeAssumptions.BaseYear, YearCount);
        int n = YearCount * _regions;
        OutContributors = new double[n];
        OutPensioners = new double[n];
        OutNewPensioners = new double[n];
        OutContributions = new double[n];
        OutEmployerContributions = new double[n];
        OutPensions = new double[n];
    }

    internal IReadOnlyList<Region> Regions { get; }
    internal int YearCount { get; }
    internal SchemeAssumptions Assumptions => _a;
    internal FundFlows Flows { get; }
    internal double[] OutContributors { get; }
    internal double[] OutPensioners { get; }
    internal double[] OutNewPensioners { get; }
    internal double[] OutContributions { get; }
    internal double[] OutEmployerContributions { get; }
    internal double[] OutPensions { get; }

    /// <summary>The year whose state the engine holds (reference date of that year).</summary>
    internal int Year { get; private set; }

    internal ReadOnlySpan<double> Contributors => _contributors;
    internal ReadOnlySpan<double> Covered => _covered;
    internal ReadOnlySpan<double> Records => _records;
    internal ReadOnlySpan<double> Pensioners => _pensioners;
    internal ReadOnlySpan<double> OrdinaryBase => _ordinaryBase;
    internal ReadOnlySpan<double> ContributionYears => _years;
    internal ReadOnlySpan<double> DeemedYears => _deemed;
    internal ReadOnlySpan<double> IndexYears => _indexYears;
    internal ReadOnlySpan<double> Accounts => _account;
    internal ReadOnlySpan<double> Pensions => _pension;
    internal ReadOnlySpan<double> NewPensioners => _newPensioners;
    internal ReadOnlySpan<double> AverageWages => _averageWage;
    internal ReadOnlySpan<double> AverageWagesPrevious => _averageWagePrevious;
    internal double CreditingRate => _creditingRate;

    /// <summary>Share retiring, share retired and 1 / divisor of a (sex, education, age) group in a year.</summary>
    internal (double Retired, double Retiring, double InverseDivisor) Retirement(int year, Sex sex, EducationLevel education, int age)
    {
        int o = ((year - SchemeAssumptions.BaseYear) * Groups + (int)sex * EducationLevels.Count + (int)education) * A + age;
        return (_retired[o], _retiring[o], _inverseDivisor[o]);
    }
    internal ReadOnlySpan<double> LumpSums => _lumpSums;
    internal ReadOnlySpan<double> PensionsPaid => _pensionsPaid;
    internal double EmployerRate(int year, int region) => _employerRate[(year - SchemeAssumptions.BaseYear) * _regions + region];
    internal double EmployeeRate(int year) => _employeeRate[year - SchemeAssumptions.BaseYear];

    /// <summary>Sum of a cell array over a region.</summary>
    internal static double RegionSum(ReadOnlySpan<double> cells, int region) =>
        TensorPrimitives.Sum(cells.Slice(region * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion));

    /// <summary>Sets the 2024 base state (see <see cref="SchemeProjector"/>, base state).</summary>
    internal void Initialize()
    {
        const int year = SchemeAssumptions.BaseYear;
        Year = year;
        var pop = _a.Demography.PersonsAt(year);
        _workforce.FillCoveredWorkers(year, pop, _covered, _wage);
        CheckWorkforce(year);
        ComputeAverageWages(out _nationalWage);
        for (int r = 0; r < _regions; r++)
        {
            if (!(_averageWage[r] > 0))
            {
                throw new InputDataException("labour layer", null, $"covered workers [{year}, {Regions[r].EnglishName}]", "0",
                    "covered workers with a positive wage in every province in the base year");
            }
            _averageWagePrevious[r] = _averageWage[r] / (1 + _a.HistoricalWageGrowth);
        }
        _wageGrowth = _a.HistoricalWageGrowth;
        _creditingRate = _rules.CreditingRates.Rate(year, _wageGrowth, _a.PriceGrowthIn(year));

        int accountYearsMax = year - _a.AccountsStartYear;
        for (int r = 0; r < _regions; r++)
        {
            // Retirees spread over ages past the retirement age in proportion to the population.
            double exposed = 0;
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A;
                exposed += TensorPrimitives.Dot(pop.Slice(start, A), _retired.AsSpan(g * A, A));
            }
            double scale = exposed > 0 ? _retireeTargets[r] / exposed : 0;
            if (exposed <= 0 && _retireeTargets[r] > 0)
            {
                throw new InputDataException("scheme base state", null, $"retirees [{Regions[r].EnglishName}]", _retireeTargets[r].ToString("R", CultureInfo.InvariantCulture),
                    "a province with population past the retirement age");
            }
            double w = _averageWage[r];
            for (int g = 0; g < Groups; g++)
            {
                var education = (EducationLevel)(g % EducationLevels.Count);
                double entry = _a.CareerEntryAgeByEducation[(int)education];
                int start = r * PopulationShape.CellsPerRegion + g * A;
                for (int a = 0; a < A; a++)
                {
                    int i = start + a;
                    double retired = _retired[g * A + a];
                    double p = Math.Min(pop[i], scale * pop[i] * retired);
                    _pensioners[i] = p;
                    _pension[i] = p > 0 ? _pensionLevel[r] : 0;
                    double k = Math.Max(0, Math.Min(_alignment[r] * _covered[i] * (1 - retired), pop[i] - p));
                    _contributors[i] = k;
                    _records[i] = k;
                    _newPensioners[i] = 0;
                    if (k <= 0)
                    {
                        _years[i] = _deemed[i] = _indexYears[i] = _account[i] = 0;
                        continue;
                    }
                    double career = Math.Max(0, a - entry);
                    double withAccounts = Math.Min(career, accountYearsMax);
                    double deemed = _a.DeemedServiceShare * (career - withAccounts);
                    double contributed = _a.ContributionDensity * withAccounts;
                    double index = Math.Clamp(_wage[i] / w, _floor, _cap);
                    _deemed[i] = deemed;
                    _years[i] = deemed + contributed;
                    _indexYears[i] = index * _years[i];
                    _account[i] = _a.ContributionDensity * index * w * BaseAccountFactor(withAccounts);
                }
            }
        }
    }

    /// <summary>
    /// Flows of <paramref name="year"/> (the engine's current year), accrual, retirement; with <paramref name="advance"/>,
    /// ageing to the next reference date and the next year's contributors. Allocation-free.
    /// </summary>
    internal void Step(int year, bool advance = true)
    {
        if (year != Year) throw new InvalidOperationException($"the scheme state is at {Year}, not {year}");
        int y = year - SchemeAssumptions.BaseYear;
        double ee = _employeeRate[y];
        double minimum = _minimumYears[y];
        double r1 = 1 + _creditingRate, rHalf = 1 + 0.5 * _creditingRate;
        bool buy = _a.ShortOfMinimumYears == ShortfallRule.BuyMissingYears;
        var benefits = _rules.Benefits;
        for (int r = 0; r < _regions; r++)
        {
            double w = _averageWage[r], floorWage = _floor * w, capWage = _cap * w;
            double er = _employerRate[y * _regions + r];
            double accountCompliance = Math.Min(1, _compliance[r]);
            double monthlyWagePrevious = _averageWagePrevious[r] / 12;
            double ordinary = 0, lump = 0, paid = 0;
            for (int g = 0; g < Groups; g++)
            {
                int start = r * PopulationShape.CellsPerRegion + g * A;
                int pre = (y * Groups + g) * A;
                for (int a = 0; a < A; a++)
                {
                    int i = start + a;
                    paid += _pensioners[i] * _pension[i];
                    double n = _records[i];
                    double k = _contributors[i];
                    if (n <= 0) continue;
                    if (k > 0)
                    {
                        double contributionBase = Math.Clamp(_wage[i], floorWage, capWage);
                        ordinary += k * contributionBase;
                        double density = k / n;
                        _years[i] += density;
                        _indexYears[i] += density * contributionBase / w;
                        _account[i] = _account[i] * r1 + accountCompliance * ee * contributionBase * density * rHalf;
                    }
                    else
                    {
                        _account[i] *= r1;
                    }

                    double remaining = 1 - _retired[pre + a];
                    double retiring = _retiring[pre + a];
                    if (retiring <= 0) continue;
                    double share = remaining > 1e-12 ? retiring / remaining : 1;
                    if (share > 1 - 1e-9) share = 1; // everyone left retires (a share of 1 but for rounding)
                    double leaving = share * n;
                    _records[i] = n - leaving;
                    double years = _years[i], indexYears = _indexYears[i], account = _account[i];
                    if (years < minimum - 1e-9)
                    {
                        if (!buy) continue;
                        double shortfall = minimum - years;
                        lump += leaving * shortfall * (er + ee) * floorWage;
                        years = minimum;
                        indexYears += shortfall * _floor;
                        account += ee * floorWage * shortfall;
                    }
                    double index = Math.Clamp(indexYears / years, 0, 10);
                    double pension = benefits.BasicPension(monthlyWagePrevious, index, Math.Min(years, 80))
                        + account * _inverseDivisor[pre + a]
                        + benefits.TransitionalPension(monthlyWagePrevious, index, Math.Min(_deemed[i], 80));
                    double before = _pensioners[i];
                    double after = before + leaving;
                    _pension[i] = (before * _pension[i] + leaving * pension) / after;
                    _pensioners[i] = after;
                    _newPensioners[i] = leaving;
                }
            }
            _ordinaryBase[r] = ordinary;
            _lumpSums[r] = lump;
            _pensionsPaid[r] = 12 * paid;
            double compliance = _compliance[r];
            double contributions = compliance * (er + ee) * ordinary + lump;
            double employer = compliance * er * ordinary + (er + ee > 0 ? lump * er / (er + ee) : 0);
            int o = y * _regions + r;
            if (advance)
            {
                Flows.Contributions(year)[r] = contributions;
                Flows.Pensions(year)[r] = _pensionsPaid[r];
                Flows.ContributingWorkers(year)[r] = _registration[r] * RegionSum(_contributors, r);
                Flows.Retirees(year)[r] = RegionSum(_pensioners, r) - RegionSum(_newPensioners, r);
                Flows.AverageWage(year)[r] = w;
                Flows.CoveredWageBill(year)[r] = compliance * ordinary;
                OutContributors[o] = Flows.ContributingWorkers(year)[r];
                OutPensioners[o] = Flows.Retirees(year)[r];
                OutNewPensioners[o] = RegionSum(_newPensioners, r);
                OutContributions[o] = contributions;
                OutEmployerContributions[o] = employer;
                OutPensions[o] = _pensionsPaid[r];
            }
        }
        if (advance && year < _a.EndYear)
        {
            Age(year);
            Begin(year + 1);
        }
    }

    /// <summary>Ages the state one year: each cell moves up an age, scaled by the ratio of consecutive population cells.</summary>
    private void Age(int year)
    {
        var pop0 = _a.Demography.PersonsAt(year);
        var pop1 = _a.Demography.PersonsAt(year + 1);
        for (int run = 0; run < _regions * Groups; run++)
        {
            int s = run * A;
            // Open interval: 99 and 100+ merge into 100+.
            int i99 = s + A - 2, i100 = s + A - 1;
            double denominator = pop0[i99] + pop0[i100];
            double ratio = denominator > 0 ? pop1[i100] / denominator : 0;
            double n = _records[i99] + _records[i100];
            if (n > 0)
            {
                _years[i100] = (_records[i99] * _years[i99] + _records[i100] * _years[i100]) / n;
                _deemed[i100] = (_records[i99] * _deemed[i99] + _records[i100] * _deemed[i100]) / n;
                _indexYears[i100] = (_records[i99] * _indexYears[i99] + _records[i100] * _indexYears[i100]) / n;
                _account[i100] = (_records[i99] * _account[i99] + _records[i100] * _account[i100]) / n;
            }
            _records[i100] = n * ratio;
            double p = _pensioners[i99] + _pensioners[i100];
            _pension[i100] = p > 0 ? (_pensioners[i99] * _pension[i99] + _pensioners[i100] * _pension[i100]) / p : 0;
            _pensioners[i100] = p * ratio;
            for (int a = A - 2; a >= 1; a--)
            {
                int i = s + a;
                double from = pop0[i - 1];
                ratio = from > 0 ? pop1[i] / from : 0;
                _records[i] = _records[i - 1] * ratio;
                _years[i] = _years[i - 1];
                _deemed[i] = _deemed[i - 1];
                _indexYears[i] = _indexYears[i - 1];
                _account[i] = _account[i - 1];
                _pensioners[i] = _pensioners[i - 1] * ratio;
                _pension[i] = _pension[i - 1];
            }
            _records[s] = _years[s] = _deemed[s] = _indexYears[s] = _account[s] = _pensioners[s] = _pension[s] = 0;
        }
        _newPensioners.AsSpan().Clear();
    }

    /// <summary>Starts <paramref name="year"/>: wages, indexation, the crediting rate and the contributors.</summary>
    private void Begin(int year)
    {
        Year = year;
        int y = year - SchemeAssumptions.BaseYear;
        var pop = _a.Demography.PersonsAt(year);
        _workforce.FillCoveredWorkers(year, pop, _covered, _wage);
        CheckWorkforce(year);
        _averageWage.CopyTo(_averageWagePrevious, 0);
        double previousNational = _nationalWage;
        ComputeAverageWages(out _nationalWage);
        for (int r = 0; r < _regions; r++)
        {
            if (!(_averageWage[r] > 0)) _averageWage[r] = _averageWagePrevious[r]; // nobody covered: keep the last wage
        }
        _wageGrowth = previousNational > 0 && _nationalWage > 0 ? _nationalWage / previousNational - 1 : 0;
        double increase = _rules.Indexation.Increase(year, _wageGrowth, _a.PriceGrowthIn(year));
        TensorPrimitives.Multiply(_pension, 1 + increase, _pension);
        _creditingRate = _rules.CreditingRates.Rate(year, _wageGrowth, _a.PriceGrowthIn(year));

        for (int r = 0; r < _regions; r++)
        {
            double alignment = _alignment[r];
            for (int g = 0; g < Groups; g++)
            {
                int noEntryFrom = g < EducationLevels.Count ? 60 : 50; // the lowest original statutory age of the sex
                int start = r * PopulationShape.CellsPerRegion + g * A;
                int pre = (y * Groups + g) * A;
                for (int a = 0; a < A; a++)
                {
                    int i = start + a;
                    double k = alignment * _covered[i] * (1 - _retired[pre + a]);
                    k = Math.Max(0, Math.Min(k, pop[i] - _pensioners[i]));
                    double n = _records[i];
                    if (a >= noEntryFrom) k = Math.Min(k, n);
                    _contributors[i] = k;
                    if (k > n)
                    {
                        double keep = n / k;
                        _years[i] *= keep;
                        _deemed[i] *= keep;
                        _indexYears[i] *= keep;
                        _account[i] *= keep;
                        _records[i] = k;
                    }
                }
            }
        }
    }

    private void ComputeAverageWages(out double national)
    {
        double allWorkers = 0, allWages = 0;
        for (int r = 0; r < _regions; r++)
        {
            var covered = _covered.AsSpan(r * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion);
            double workers = TensorPrimitives.Sum(covered);
            double wages = TensorPrimitives.Dot(covered, _wage.AsSpan(r * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion));
            _averageWage[r] = workers > 0 ? wages / workers : 0;
            allWorkers += workers;
            allWages += wages;
        }
        national = allWorkers > 0 ? allWages / allWorkers : 0;
    }

    // The labour layer's counts must be finite and ≥ 0; counts above the population are not an error here (they are
    // capped by contributors + pensioners ≤ population, and what the cap removes shows up in the registration factor).
    private void CheckWorkforce(int year)
    {
        for (int i = 0; i < _cells; i++)
        {
            double c = _covered[i], w = _wage[i];
            if (!(c >= 0) || !double.IsFinite(c) || !(w >= 0) || !double.IsFinite(w)) ThrowWorkforce(year, i, c, w);
        }
    }

    private void ThrowWorkforce(int year, int i, double covered, double wage) =>
        throw new InputDataException("labour layer", null, $"{PopulationGrid.DescribeCell(_a.Demography.Shape, i)} in {year}",
            string.Create(CultureInfo.InvariantCulture, $"covered {covered:R}, wage {wage:R}"), "finite covered workers ≥ 0 and a finite wage ≥ 0");

    private double BaseAccountFactor(double accountYears)
    {
        int whole = (int)Math.Floor(accountYears);
        double fraction = accountYears - whole;
        double f = _baseAccountFactor[whole];
        if (fraction > 0 && whole + 1 < _baseAccountFactor.Length) f += fraction * (_baseAccountFactor[whole + 1] - f);
        return f;
    }

    /// <summary>
    /// F(n) = Σ over the n years before 2024 of ee(y) × (1 + g)^(y − 2024) × Π crediting factors from y to 2023: the 2024
    /// balance per unit of (density × index × 2024 average wage) of n years of contributions.
    /// </summary>
    private double[] PrepareBaseAccounts()
    {
        int max = SchemeAssumptions.BaseYear - _a.AccountsStartYear;
        var factor = new double[max + 1];
        for (int n = 1; n <= max; n++)
        {
            double balance = 0;
            for (int year = SchemeAssumptions.BaseYear - n; year < SchemeAssumptions.BaseYear; year++)
            {
                double ee = _rules.Contributions.EmployeeAnnual(Math.Max(year, _rules.Contributions.EmployeeToAccount.From.Year));
                double wage = Math.Pow(1 + _a.HistoricalWageGrowth, year - SchemeAssumptions.BaseYear);
                double rate = _rules.CreditingRates.Rate(year, _a.HistoricalWageGrowth, _a.PriceGrowthIn(year));
                balance = (balance + ee * wage) * (1 + rate);
            }
            factor[n] = balance;
        }
        return factor;
    }

    /// <summary>Fills the retirement tables by (sex, education) group, mixing the women's categories by the cadre share.</summary>
    private void PrepareRetirement()
    {
        var schedule = _rules.RetirementAges;
        var divisors = _rules.Divisors;
        int firstYear = SchemeAssumptions.BaseYear;
        var retired = new double[Categories * A];
        var retiring = new double[Categories * A];
        var inverse = new double[Categories * A];
        // Retired before the base reference date: R(t, a) = Σ_k q(t − k, a − k); later years by R(t+1, a+1) = R(t, a) + q(t, a).
        for (int c = 0; c < Categories; c++)
        {
            var category = (RetirementCategory)c;
            for (int a = 1; a < A; a++)
            {
                double sum = 0;
                for (int k = 1; k <= a; k++)
                {
                    if (a - k < 40) break;
                    sum += schedule.ShareOfAgeRetiringInYear(category, firstYear - k, a - k, SchemeAssumptions.ReferenceMonth);
                }
                retired[c * A + a] = Math.Min(1, sum);
            }
        }
        for (int y = 0; y < YearCount; y++)
        {
            int year = firstYear + y;
            int reference = new YearMonth(year, SchemeAssumptions.ReferenceMonth).Index;
            for (int c = 0; c < Categories; c++)
            {
                var category = (RetirementCategory)c;
                if (y > 0)
                {
                    for (int a = A - 1; a >= 1; a--) retired[c * A + a] = Math.Min(1, retired[c * A + a - 1] + retiring[c * A + a - 1]);
                    retired[c * A] = 0;
                }
                schedule.FillSharesRetiringByAge(category, year, retiring.AsSpan(c * A, A), SchemeAssumptions.ReferenceMonth);
                for (int a = 0; a < A; a++)
                {
                    int birth = reference - 12 * a - 6; // the middle birth month of those aged a
                    int months = a < 30 ? category.OriginalAgeMonths() : schedule.StatutoryAgeMonths(category, YearMonth.FromIndex(birth));
                    months = Math.Clamp(months, 12 * divisors.FirstAge, 12 * divisors.LastAge + 11);
                    inverse[c * A + a] = 1.0 / divisors.ForAgeInMonths(months);
                }
            }
            for (int g = 0; g < Groups; g++)
            {
                bool male = g < EducationLevels.Count;
                double cadre = male ? 0 : _a.WomenCadreShareByEducation[g % EducationLevels.Count];
                int o = (y * Groups + g) * A;
                for (int a = 0; a < A; a++)
                {
                    if (male)
                    {
                        _retired[o + a] = retired[a];
                        _retiring[o + a] = retiring[a];
                        _inverseDivisor[o + a] = inverse[a];
                        continue;
                    }
                    int cA = (int)RetirementCategory.WomenCadres * A + a, wA = (int)RetirementCategory.WomenWorkers * A + a;
                    _retired[o + a] = cadre * retired[cA] + (1 - cadre) * retired[wA];
                    double qc = cadre * retiring[cA], qw = (1 - cadre) * retiring[wA];
                    _retiring[o + a] = qc + qw;
                    _inverseDivisor[o + a] = qc + qw > 0 ? (qc * inverse[cA] + qw * inverse[wA]) / (qc + qw) : inverse[wA];
                }
            }
        }
    }

    private double[] Align(IReadOnlyList<double> values, string name)
    {
        if (values.Count != _regions)
        {
            throw new InputDataException("scheme calibration", null, name, values.Count.ToString(CultureInfo.InvariantCulture), $"one value per region ({_regions})");
        }
        return values.ToArray();
    }
}
