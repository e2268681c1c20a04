using System.Globalization;
using Actuarial.Dimensions;
using Actuarial.Funds;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>
/// The scheme model of <see cref="SchemeProjector"/> written plainly: one array per quantity by cell [region, sex,
/// education, age], one loop per step of the model, in the model's order, with no regard for speed. It is the readable
/// specification of <see cref="SchemeEngine"/>, which must agree with it to 1e-9 relative in every cell, year and
/// flow (SchemeSpecificationTests): the engine holds pensions in index units, multiplies by 1 / w where this divides,
/// and adds its sums in another order. Read each method next to the paragraph of the model it is named after.
/// </summary>
internal sealed class SchemeSpecification
{
    private const int A = Ages.Count;
    private const int Groups = Sexes.Count * EducationLevels.Count;

    private readonly SchemeAssumptions _a;
    private readonly SchemeRules _rules;
    private readonly int _regions;
    private readonly int _cells;
    private readonly RetirementTables _retirement;
    private readonly double[] _alignment, _compliance, _registration, _pensionLevel;

    // The state by cell (see SchemeProjector, state).
    private readonly double[] _covered, _wage;
    private readonly double[] _contributors, _records, _years, _deemed, _indexYears, _account, _pensioners, _pension, _newPensioners;

    // By region, for the current year.
    private readonly double[] _averageWage, _averageWagePrevious, _ordinaryBase, _lumpSums, _pensionsPaid;
    private readonly double[] _employerContributions, _newPensionersByRegion; // [year index][region]
    private double _nationalWage;
    private double _creditingRate;

    internal SchemeSpecification(SchemeAssumptions assumptions, SchemeCalibration calibration)
    {
        assumptions.Validate();
        _a = assumptions;
        _rules = assumptions.Rules;
        _regions = assumptions.Demography.Shape.RegionCount;
        _cells = assumptions.Demography.Shape.CellCount;
        Regions = assumptions.Demography.Shape.Regions;
        YearCount = assumptions.EndYear - assumptions.BaseYear + 1;
        _retirement = RetirementTables.For(_rules, assumptions.WomenCadreShareByEducation, assumptions.BaseYear, YearCount);
        _alignment = calibration.WorkerAlignment.ToArray();
        _compliance = calibration.Compliance.ToArray();
        _registration = calibration.Registration.ToArray();
        _pensionLevel = calibration.PensionLevel.ToArray();
        foreach (var factor in new[] { _alignment, _compliance, _registration, _pensionLevel })
        {
            if (factor.Length != _regions) throw new InputDataException("scheme calibration", null, "factors", factor.Length.ToString(CultureInfo.InvariantCulture), $"one value per region ({_regions})");
        }
        double[] Cells() => new double[_cells];
        (_covered, _wage) = (Cells(), Cells());
        (_contributors, _records, _years, _deemed, _indexYears) = (Cells(), Cells(), Cells(), Cells(), Cells());
        (_account, _pensioners, _pension, _newPensioners) = (Cells(), Cells(), Cells(), Cells());
        (_averageWage, _averageWagePrevious) = (new double[_regions], new double[_regions]);
        (_ordinaryBase, _lumpSums, _pensionsPaid) = (new double[_regions], new double[_regions], new double[_regions]);
        Flows = new FundFlows(Regions, _a.BaseYear, YearCount);
        _employerContributions = new double[YearCount * _regions];
        _newPensionersByRegion = new double[YearCount * _regions];
    }

    internal IReadOnlyList<Region> Regions { get; }
    internal int YearCount { get; }
    internal FundFlows Flows { get; }
    internal int Year { get; private set; }
    internal ReadOnlySpan<double> Contributors => _contributors;
    internal ReadOnlySpan<double> Records => _records;
    internal ReadOnlySpan<double> ContributionYears => _years;
    internal ReadOnlySpan<double> DeemedYears => _deemed;
    internal ReadOnlySpan<double> IndexYears => _indexYears;
    internal ReadOnlySpan<double> Accounts => _account;
    internal ReadOnlySpan<double> Pensioners => _pensioners;
    internal ReadOnlySpan<double> Pensions => _pension;
    internal ReadOnlySpan<double> NewPensioners => _newPensioners;
    internal ReadOnlySpan<double> AverageWages => _averageWage;
    internal ReadOnlySpan<double> OrdinaryBase => _ordinaryBase;
    internal ReadOnlySpan<double> LumpSums => _lumpSums;
    internal ReadOnlySpan<double> PensionsPaid => _pensionsPaid;
    internal double CreditingRate => _creditingRate;

    /// <summary>[year index][region]: the employer's part of the contributions (with its share of the lump sums), and the new pensioners.</summary>
    internal ReadOnlySpan<double> EmployerContributions => _employerContributions;
    internal ReadOnlySpan<double> NewPensionersByRegion => _newPensionersByRegion;

    /// <summary>Region, group (sex × 6 + education) and age of cell <paramref name="i"/>.</summary>
    private static (int Region, int Group, int Age) Cell(int i) => (i / (Groups * A), i / A % Groups, i % A);

    private int Table(int year, int group, int age) => ((year - _a.BaseYear) * Groups + group) * A + age;

    /// <summary>Base state: retirees, contributors and record holders of the base year.</summary>
    internal void Initialize()
    {
        int year = _a.BaseYear;
        Year = year;
        var pop = _a.Demography.PersonsAt(year);
        FillLabour(year, pop);
        for (int r = 0; r < _regions; r++)
        {
            if (!(_averageWage[r] > 0)) throw new InputDataException("labour layer", null, $"covered workers [{year}, {Regions[r].EnglishName}]", "0", "a positive wage in every province");
            _averageWagePrevious[r] = _averageWage[r] / (1 + _a.HistoricalWageGrowth);
        }
        _creditingRate = _rules.CreditingRates.Rate(year, _a.HistoricalWageGrowth, _a.PriceGrowthIn(year));

        // Retirees by province spread over the cells in proportion to population × share past the retirement age.
        var exposed = new double[_regions];
        for (int i = 0; i < _cells; i++)
        {
            var (r, g, a) = Cell(i);
            exposed[r] += pop[i] * _retirement.Retired[Table(year, g, a)];
        }
        var targets = _a.EffectiveTargets;
        var accountFactor = BaseAccountFactors();
        int accountYears = year - _a.AccountsStartYear;
        for (int i = 0; i < _cells; i++)
        {
            var (r, g, a) = Cell(i);
            double retired = _retirement.Retired[Table(year, g, a)];
            double scale = exposed[r] > 0 ? targets[Regions[r].Code].Retirees / exposed[r] : 0;
            _pensioners[i] = Math.Min(pop[i], scale * pop[i] * retired);
            _pension[i] = _pensioners[i] > 0 ? _pensionLevel[r] : 0;
            _contributors[i] = Math.Max(0, Math.Min(_alignment[r] * _covered[i] * (1 - retired), pop[i] - _pensioners[i]));
            _records[i] = _contributors[i];
            _newPensioners[i] = 0;
            if (_records[i] <= 0) continue;
            // Every contributor is a record holder: contributed years with accounts, deemed years before them.
            double career = Math.Max(0, a - _a.CareerEntryAgeByEducation[g % EducationLevels.Count]);
            double withAccounts = Math.Min(career, accountYears);
            double index = Math.Clamp(_wage[i] / _averageWage[r], _rules.ContributionBase.FloorShare, _rules.ContributionBase.CapShare);
            _deemed[i] = _a.DeemedServiceShare * (career - withAccounts);
            _years[i] = _deemed[i] + _a.ContributionDensity * withAccounts;
            _indexYears[i] = index * _years[i];
            _account[i] = _a.ContributionDensity * index * _averageWage[r] * Interpolate(accountFactor, withAccounts);
        }
    }

    /// <summary>The year: pensions paid, accrual, retirement, the flows; then ageing and the next year's start.</summary>
    internal void Step(int year)
    {
        if (year != Year) throw new InvalidOperationException($"the scheme state is at {Year}, not {year}");
        PayPensions();
        AccrueContributions(year);
        Retire(year);
        RecordFlows(year);
        if (year == _a.EndYear) return;
        Age(year);
        StartYear(year + 1);
    }

    /// <summary>Timing: the pensioners at the reference date are paid 12 months of their pension.</summary>
    private void PayPensions()
    {
        Array.Clear(_pensionsPaid);
        for (int i = 0; i < _cells; i++) _pensionsPaid[Cell(i).Region] += 12 * _pensioners[i] * _pension[i];
    }

    /// <summary>
    /// Accrual: each record holder gains K/N years and K/N × base / w index years; the account is credited at r on the
    /// balance and r/2 on the year's paid employee contributions, min(κ, 1) × ee × base × K/N.
    /// </summary>
    private void AccrueContributions(int year)
    {
        double ee = _rules.Contributions.EmployeeAnnual(year);
        Array.Clear(_ordinaryBase);
        for (int i = 0; i < _cells; i++)
        {
            int r = Cell(i).Region;
            double n = _records[i], k = _contributors[i], w = _averageWage[r];
            if (n <= 0) continue;
            if (k <= 0)
            {
                _account[i] *= 1 + _creditingRate;
                continue;
            }
            double contributionBase = Math.Clamp(_wage[i], _rules.ContributionBase.FloorShare * w, _rules.ContributionBase.CapShare * w);
            _ordinaryBase[r] += k * contributionBase;
            double density = k / n;
            _years[i] += density;
            _indexYears[i] += density * contributionBase / w;
            _account[i] = _account[i] * (1 + _creditingRate) + Math.Min(1, _compliance[r]) * ee * contributionBase * density * (1 + 0.5 * _creditingRate);
        }
    }

    /// <summary>
    /// Retirement: q / (1 − R) of the record holders retire (all of them when 1 − R is nil). Those short of the minimum
    /// years buy the missing years at the floor base, or get no pension. The new pension is the benefit formula's; new
    /// pensioners join the cell's pensioners at the count-weighted average pension.
    /// </summary>
    private void Retire(int year)
    {
        double ee = _rules.Contributions.EmployeeAnnual(year);
        double minimum = _rules.MinimumContributionYears.ForRetirementYear(year);
        double floorShare = _rules.ContributionBase.FloorShare;
        Array.Clear(_lumpSums);
        for (int i = 0; i < _cells; i++)
        {
            var (r, g, a) = Cell(i);
            int t = Table(year, g, a);
            double q = _retirement.Retiring[t], notRetired = 1 - _retirement.Retired[t];
            if (_records[i] <= 0 || q <= 0) continue;
            double share = notRetired > 1e-12 ? q / notRetired : 1;
            if (share > 1 - 1e-9) share = 1; // everyone left retires: a share of 1 but for rounding
            double leaving = share * _records[i];
            _records[i] -= leaving;
            double years = _years[i], indexYears = _indexYears[i], account = _account[i], floorWage = floorShare * _averageWage[r];
            if (years < minimum - 1e-9)
            {
                if (_a.ShortOfMinimumYears != ShortfallRule.BuyMissingYears) continue;
                double shortfall = minimum - years;
                _lumpSums[r] += leaving * shortfall * (_rules.Contributions.EmployerAnnualAfterRelief(year, Regions[r].Code) + ee) * floorWage;
                years = minimum;
                indexYears += shortfall * floorShare;
                account += ee * floorWage * shortfall;
            }
            double index = Math.Clamp(indexYears / years, 0, 10);
            double monthlyWagePrevious = _averageWagePrevious[r] / 12;
            double pension = _rules.Benefits.BasicPension(monthlyWagePrevious, index, Math.Min(years, 80))
                + account * _retirement.InverseDivisor[t]
                + _rules.Benefits.TransitionalPension(monthlyWagePrevious, index, Math.Min(_deemed[i], 80));
            double after = _pensioners[i] + leaving;
            _pension[i] = (_pensioners[i] * _pension[i] + leaving * pension) / after;
            _pensioners[i] = after;
            _newPensioners[i] = leaving;
        }
    }

    /// <summary>Money and FundFlows: κ × (er + ee) × ordinary base + lump sums in, pensions out; the stocks at the reference date.</summary>
    private void RecordFlows(int year)
    {
        double ee = _rules.Contributions.EmployeeAnnual(year);
        for (int r = 0; r < _regions; r++)
        {
            double er = _rules.Contributions.EmployerAnnualAfterRelief(year, Regions[r].Code);
            double contributors = 0, pensioners = 0, newPensioners = 0;
            for (int i = r * PopulationShape.CellsPerRegion; i < (r + 1) * PopulationShape.CellsPerRegion; i++)
            {
                contributors += _contributors[i];
                pensioners += _pensioners[i];
                newPensioners += _newPensioners[i];
            }
            Flows.Contributions(year)[r] = _compliance[r] * (er + ee) * _ordinaryBase[r] + _lumpSums[r];
            Flows.Pensions(year)[r] = _pensionsPaid[r];
            Flows.ContributingWorkers(year)[r] = _registration[r] * contributors;
            Flows.Retirees(year)[r] = pensioners - newPensioners;
            Flows.AverageWage(year)[r] = _averageWage[r];
            Flows.CoveredWageBill(year)[r] = _compliance[r] * _ordinaryBase[r];
            int o = (year - _a.BaseYear) * _regions + r;
            _employerContributions[o] = _compliance[r] * er * _ordinaryBase[r] + (er + ee > 0 ? _lumpSums[r] * er / (er + ee) : 0);
            _newPensionersByRegion[o] = newPensioners;
        }
    }

    /// <summary>
    /// Ageing and mortality: every cell moves up an age, × P(a+1, t+1) / P(a, t); 99 and 100+ merge into 100+ (count-weighted
    /// averages, × P(100+, t+1) / (P(99, t) + P(100+, t))); age 0 starts empty; nobody is a new pensioner any more.
    /// With an insured-mortality ratio other than 1, members' P(a, t) is divided by their survival factor first
    /// (<see cref="InsuredMortality.SurvivalFactor"/>, from the cell's members' share and the sex's death share of the step).
    /// </summary>
    private void Age(int year)
    {
        var pop0 = _a.Demography.PersonsAt(year).ToArray();
        var pop1 = _a.Demography.PersonsAt(year + 1);
        static double Ratio(double to, double from) => from > 0 ? to / from : 0;
        if (_a.InsuredMortalityRatio != 1)
        {
            var (demography, _) = _a.Demography.Source;
            int step = year - demography.BaseYear;
            for (int i = 0; i < _cells; i++)
            {
                if (pop0[i] <= 0) continue;
                int sex = i / A % Groups / EducationLevels.Count, age = i % A;
                double q = demography.DeathShare[(step * Sexes.Count + sex) * A + age];
                pop0[i] /= InsuredMortality.SurvivalFactor(q, (_records[i] + _pensioners[i]) / pop0[i], _a.InsuredMortalityRatio);
            }
        }
        for (int start = 0; start < _cells; start += A)
        {
            int i99 = start + A - 2, i100 = start + A - 1;
            double n = _records[i99] + _records[i100], p = _pensioners[i99] + _pensioners[i100];
            if (n > 0)
            {
                foreach (var average in new[] { _years, _deemed, _indexYears, _account })
                {
                    average[i100] = (_records[i99] * average[i99] + _records[i100] * average[i100]) / n;
                }
            }
            _pension[i100] = p > 0 ? (_pensioners[i99] * _pension[i99] + _pensioners[i100] * _pension[i100]) / p : 0;
            double openRatio = Ratio(pop1[i100], pop0[i99] + pop0[i100]);
            _records[i100] = n * openRatio;
            _pensioners[i100] = p * openRatio;
            for (int i = i99; i > start; i--)
            {
                double survival = Ratio(pop1[i], pop0[i - 1]);
                _records[i] = _records[i - 1] * survival;
                _pensioners[i] = _pensioners[i - 1] * survival;
                foreach (var moved in new[] { _years, _deemed, _indexYears, _account, _pension }) moved[i] = moved[i - 1];
            }
            foreach (var cells in new[] { _records, _years, _deemed, _indexYears, _account, _pensioners, _pension }) cells[start] = 0;
        }
        Array.Clear(_newPensioners);
    }

    /// <summary>
    /// The next year: wages from the labour layer, indexation of every pension by the national covered-wage growth, the
    /// crediting rate, and contributors = ω × covered × (1 − R), within [0, pop − P], at most N from the no-entry age;
    /// more contributors than record holders make new record holders with no years, who dilute the averages.
    /// </summary>
    private void StartYear(int year)
    {
        Year = year;
        var pop = _a.Demography.PersonsAt(year);
        _averageWage.CopyTo(_averageWagePrevious, 0);
        double previousNational = _nationalWage;
        FillLabour(year, pop);
        for (int r = 0; r < _regions; r++)
        {
            // Nobody covered: the last wage carried at the year's price growth (held in real terms, not in yuan).
            if (!(_averageWage[r] > 0)) _averageWage[r] = _averageWagePrevious[r] * (1 + _a.PriceGrowthIn(year));
        }
        double growth = previousNational > 0 && _nationalWage > 0 ? _nationalWage / previousNational - 1 : 0;
        double increase = _rules.Indexation.Increase(year, growth, _a.PriceGrowthIn(year));
        for (int i = 0; i < _cells; i++) _pension[i] *= 1 + increase;
        _creditingRate = _rules.CreditingRates.Rate(year, growth, _a.PriceGrowthIn(year));
        int menNoEntry = _rules.RetirementAges.OriginalAgeMonths(RetirementCategory.Men) / 12, womenNoEntry = _rules.RetirementAges.OriginalAgeMonths(RetirementCategory.WomenWorkers) / 12;
        for (int i = 0; i < _cells; i++)
        {
            var (r, g, a) = Cell(i);
            double k = _alignment[r] * _covered[i] * (1 - _retirement.Retired[Table(year, g, a)]);
            k = Math.Max(0, Math.Min(k, pop[i] - _pensioners[i]));
            if (a >= (g < EducationLevels.Count ? menNoEntry : womenNoEntry)) k = Math.Min(k, _records[i]);
            _contributors[i] = k;
            if (k <= _records[i]) continue;
            double keep = _records[i] / k;
            _years[i] *= keep;
            _deemed[i] *= keep;
            _indexYears[i] *= keep;
            _account[i] *= keep;
            _records[i] = k;
        }
    }

    /// <summary>Covered workers and wages of the year from the labour layer, checked; the average wage by region and nationally.</summary>
    private void FillLabour(int year, ReadOnlySpan<double> pop)
    {
        _a.Workforce.FillCoveredWorkers(year, pop, _covered, _wage);
        double allWorkers = 0, allWages = 0;
        for (int r = 0; r < _regions; r++)
        {
            double workers = 0, wages = 0;
            for (int i = r * PopulationShape.CellsPerRegion; i < (r + 1) * PopulationShape.CellsPerRegion; i++)
            {
                if (!(_covered[i] >= 0) || !double.IsFinite(_covered[i]) || !(_wage[i] >= 0) || !double.IsFinite(_wage[i]))
                {
                    throw new InputDataException("labour layer", null, $"{PopulationGrid.DescribeCell(_a.Demography.Shape, i)} in {year}",
                        string.Create(CultureInfo.InvariantCulture, $"covered {_covered[i]:R}, wage {_wage[i]:R}"), "finite covered workers ≥ 0 and a finite wage ≥ 0");
                }
                workers += _covered[i];
                wages += _covered[i] * _wage[i];
            }
            _averageWage[r] = workers > 0 ? wages / workers : 0;
            allWorkers += workers;
            allWages += wages;
        }
        _nationalWage = allWorkers > 0 ? allWages / allWorkers : 0;
    }

    /// <summary>Base state's account factor F(n): the balance of n years of contributions of 1 × the base-year wage, back-cast and credited.</summary>
    private double[] BaseAccountFactors()
    {
        int max = _a.BaseYear - _a.AccountsStartYear;
        var factor = new double[max + 1];
        for (int n = 1; n <= max; n++)
        {
            for (int year = _a.BaseYear - n; year < _a.BaseYear; year++)
            {
                double ee = _rules.Contributions.EmployeeAnnual(Math.Max(year, _rules.Contributions.EmployeeToAccount.From.Year));
                double wage = Math.Pow(1 + _a.HistoricalWageGrowth, year - _a.BaseYear);
                factor[n] = (factor[n] + ee * wage) * (1 + _rules.CreditingRates.Rate(year, _a.HistoricalWageGrowth, _a.PriceGrowthIn(year)));
            }
        }
        return factor;
    }

    private static double Interpolate(double[] factor, double years)
    {
        int whole = (int)Math.Floor(years);
        return whole + 1 < factor.Length ? factor[whole] + (years - whole) * (factor[whole + 1] - factor[whole]) : factor[whole];
    }
}
