using System.Globalization;
using Actuarial.Demography;
using Actuarial.Dimensions;
using Actuarial.IO;
using Actuarial.Pensions;

namespace Actuarial.Scheme;

/// <summary>What happens to people who reach the statutory retirement age short of the minimum contribution years.</summary>
internal enum ShortfallRule
{
    /// <summary>
    /// They buy the missing years with a lump sum (补缴) at the contribution-base floor and both contribution rates, paid
    /// into the fund in the year of retirement, and then draw a pension (the default; the law lets people short of the
    /// minimum extend or top up contributions, [U] in the rules reference §2.3).
    /// </summary>
    BuyMissingYears = 0,

    /// <summary>They leave the scheme without a pension of this scheme (their records are dropped; the residents' scheme or a refund is outside the model).</summary>
    NoPension = 1,
}

/// <summary>The 2024 figures a province is calibrated to (yearbook scope: revenue includes fiscal subsidies and the fund's
/// investment income).</summary>
/// <param name="Workers">Contributing workers 在职参保人数, persons.</param>
/// <param name="Retirees">Retirees 离退休人数, persons.</param>
/// <param name="RevenueYuan">Fund revenue 基金收入 including fiscal subsidies and investment income, yuan.</param>
/// <param name="ExpenditureYuan">Fund expenditure 基金支出, yuan.</param>
/// <param name="OpeningBalanceYuan">Fund balance on 1 January of the base year, yuan, on which the calibration computes the
/// investment income inside <paramref name="RevenueYuan"/> (<see cref="SchemeCalibration"/>); 0 (the default) takes no
/// investment income out of the revenue target.</param>
internal readonly record struct SchemeBaseYearTarget(double Workers, double Retirees, double RevenueYuan, double ExpenditureYuan, double OpeningBalanceYuan = 0);

/// <summary>
/// Everything a scheme projection needs: the demographic projection, the labour layer, the scheme rules and the named
/// assumptions of the cell model. Immutable; change one piece with <c>with</c>. Every default is documented on its
/// property with the reason for its value.
/// </summary>
public sealed record SchemeAssumptions
{
    /// <summary>
    /// Base year of the scheme state, the year its targets describe; required (China's: 2024, the yearbook,
    /// <c>ChinaDefaults.SchemeBaseYear</c> in Actuarial.China).
    /// </summary>
    public int BaseYear { get; init; }

    /// <summary>Month of the grid's reference date (1 November, the census date), passed to <see cref="RetirementAgeSchedule.ShareOfAgeRetiringInYear"/>.</summary>
    internal const int ReferenceMonth = 11;

    /// <summary>
    /// The population projection; it must cover <see cref="BaseYear"/>..<see cref="EndYear"/> on a grid of provinces (no
    /// national region). Left unset in a scenario's template: <see cref="Scenarios.PensionProjector"/> supplies it.
    /// </summary>
    public DemographicProjection Demography { get; init; } = null!;

    /// <summary>The labour layer: covered workers and wages by cell. Left unset in a scenario's template: <see cref="Scenarios.PensionProjector"/> supplies it.</summary>
    internal ICoveredWorkforce Workforce { get; init; } = null!;

    /// <summary>Last projection year (flows are produced for <see cref="BaseYear"/>..EndYear); a scenario's template takes the scenario's.</summary>
    public int EndYear { get; init; }

    /// <summary>The scheme rules (China's, with the 2025 reform of retirement ages: <c>ChinaDefaults.SchemeRules()</c> in Actuarial.China); required.</summary>
    public SchemeRules Rules { get; init; } = null!;

    /// <summary>
    /// Share of women in cadre (managerial and technical) posts, original retirement age 55, by education level (grid
    /// order); the rest are women workers (original age 50). Default 0, 0, 0, 0, 0, 1: women with post-secondary education
    /// are cadres, all others workers. Assumption: the category is a post, not a level of schooling, and no source read
    /// gives the split; the default is the labour layer's (<c>LabourAssumptions.FemaleCadreShareByEducation</c>), which
    /// must be the same for its 2024 calibration (covered workers below the retirement age = yearbook workers) to carry
    /// over here (worker alignment ω = 1).
    /// </summary>
    public IReadOnlyList<double> WomenCadreShareByEducation { get; init => field = Shares(value, nameof(WomenCadreShareByEducation)); } =
        [0, 0, 0, 0, 0, 1];

    /// <summary>
    /// Age at which careers start, by education level (base state only). Default 16, 16, 16, 17, 19, 22: the minimum working
    /// age 16 for primary or less, then the usual end of the level's schooling (junior middle 15–16, senior middle 18–19,
    /// post-secondary 20–22). Assumption.
    /// </summary>
    public IReadOnlyList<double> CareerEntryAgeByEducation { get; init => field = EntryAges(value, nameof(CareerEntryAgeByEducation)); } =
        [16, 16, 16, 17, 19, 22];

    /// <summary>
    /// Base state: share of the years since career entry and since <see cref="AccountsStartYear"/> in which a 2024
    /// contributor contributed. Default 0.85 (assumption: interrupted careers and late enrolment in the 2000s; a
    /// contributor aged 50 in 2024 then has about 22 years with accounts plus deemed years).
    /// </summary>
    public double ContributionDensity { get; init => field = Unit(value, nameof(ContributionDensity)); } = 0.85;

    /// <summary>
    /// Base state: share of the service before <see cref="AccountsStartYear"/> recognised as deemed years (视同缴费年限).
    /// Default 0.5 (assumption: only service in state and urban collective units before the accounts is deemed; about half
    /// of today's older urban contributors had such jobs).
    /// </summary>
    public double DeemedServiceShare { get; init => field = Unit(value, nameof(DeemedServiceShare)); } = 0.5;

    /// <summary>
    /// First year of individual accounts: 1998, the unified national scheme of 国发〔1997〕26号 ([U], rules reference §1.3
    /// says "1996-ish"); service before it counts as deemed years (transitional pension), service after it as
    /// contributions with an account.
    /// </summary>
    public int AccountsStartYear { get; init => field = InRangeInt(value, 1990, 2006, nameof(AccountsStartYear)); } = 1998;

    /// <summary>
    /// Nominal growth of wages before 2024, used to back-cast the wages behind the base individual-account balances and the
    /// 2023 average wage of the 2024 benefit formula. Default 0.08: the national non-private average wage grew from 62,029
    /// (2015) to 124,110 yuan (2024), 8.0% a year [D] from <c>average_wage_national.csv</c>.
    /// </summary>
    public double HistoricalWageGrowth { get; init => field = InRange(value, -0.5, 1, nameof(HistoricalWageGrowth)); } = 0.08;

    /// <summary>Price growth passed to the future rules of indexation and crediting (used only by a rule that reads it). Default 2% (assumption: the PBoC's usual CPI target).</summary>
    public double PriceGrowth { get; init => field = InRange(value, -0.5, 1, nameof(PriceGrowth)); } = 0.02;

    /// <summary>
    /// Consumer-price growth by year read by the future rules of indexation and crediting; years outside the path read
    /// <see cref="PriceGrowth"/>. Null (the default of a bare record) uses <see cref="PriceGrowth"/> every year; a linked
    /// scenario sets the economy's CPI path (<see cref="Scenarios.PensionScenario.LinkedTo"/>).
    /// </summary>
    public AnnualPath? PriceGrowthPath { get; init; }

    /// <summary>The price growth of a year: the path's value where it covers the year, else <see cref="PriceGrowth"/>.</summary>
    internal double PriceGrowthIn(int year) => PriceGrowthPath is { } path && year >= path.FirstYear && year <= path.LastYear ? path[year] : PriceGrowth;

    /// <summary>
    /// The transfer of insurance rights between provinces (<see cref="Scheme.RightsTransfers"/>); null (the default):
    /// not recorded, and the funds keep what is paid to them. Needs interprovincial migration in the demography.
    /// </summary>
    internal RightsTransferRules? RightsTransfers { get; init; }

    /// <summary>
    /// Mortality of the scheme's members (record holders and pensioners) as a ratio to the death probability of the rest
    /// of their cell (<see cref="InsuredMortality"/>): the population and its deaths stay as projected and the rest dies
    /// what the members do not. Default 1 (no differential: no published mortality of the scheme's members; an
    /// assumption); at least 0.4, the life-insurance annuity experience table's level against the census.
    /// </summary>
    public double InsuredMortalityRatio { get; init => field = InRange(value, InsuredMortality.MinimumRatio, 1, nameof(InsuredMortalityRatio)); } = 1;

    /// <summary>People short of the minimum years at retirement; default <see cref="ShortfallRule.BuyMissingYears"/>.</summary>
    internal ShortfallRule ShortOfMinimumYears { get; init; } = ShortfallRule.BuyMissingYears;

    /// <summary>
    /// Share of base-year fund revenue that is fiscal subsidy, the same in every province; required (China's: the national
    /// share, <c>ChinaSchemeTargets.NationalSubsidyShare()</c> in Actuarial.China; provincial subsidies are not published).
    /// </summary>
    public double? SubsidyShare { get; init => field = value is { } v ? Unit(v, nameof(SubsidyShare)) : null; }

    /// <summary>The base-year calibration targets by GB/T code; required (China's: the 2024 yearbook, <c>ChinaSchemeTargets.Yearbook2024Targets()</c> in Actuarial.China).</summary>
    internal IReadOnlyDictionary<int, SchemeBaseYearTarget>? Targets { get; init; }

    /// <summary>
    /// Return the funds earned in 2024 on their 1 January balance, used by the calibration to take the investment income
    /// out of the yearbook revenue (<see cref="SchemeCalibration"/>): the fund ledgers credit that income themselves, so
    /// contributions must not carry it too. Null (the default) takes none out;
    /// <see cref="Scenarios.PensionProjector"/> sets it, when null, to the blended return of the scenario's fund ledgers in
    /// their first year (<see cref="Funds.FundAssumptions.BlendedReturn"/> of 2025), so that the income taken out is what the
    /// ledgers put back whatever return a scenario assumes. Assumption: no 2024 interest or investment income of the fund
    /// is published (nationally or by province) in the sources read, and the return paths of the ledgers start in 2025, so
    /// 2024 is taken to have earned the first ledger year's return.
    /// </summary>
    public double? BaseYearFundReturn { get; init => field = value is { } v ? InRange(v, -0.5, 1, nameof(BaseYearFundReturn)) : null; }

    /// <summary>The subsidy share in force.</summary>
    /// <exception cref="InputDataException">No subsidy share is set.</exception>
    public double EffectiveSubsidyShare => SubsidyShare ?? throw Missing(nameof(SubsidyShare), "the subsidy share of base-year revenue (ChinaSchemeTargets.NationalSubsidyShare() for China)");

    /// <summary>The base-year fund return in force (the explicit one, else 0: no investment income taken out of the revenue targets).</summary>
    internal double EffectiveBaseYearFundReturn => BaseYearFundReturn ?? 0;

    /// <summary>The targets in force.</summary>
    /// <exception cref="InputDataException">No targets are set.</exception>
    internal IReadOnlyDictionary<int, SchemeBaseYearTarget> EffectiveTargets => Targets ?? throw Missing(nameof(Targets), "base-year targets by province (ChinaSchemeTargets.Yearbook2024Targets() for China)");

    private static InputDataException Missing(string name, string expected) => new("scheme assumptions", null, name, null, expected);

    /// <summary>Checks the assumptions against each other (years covered, provincial grid, targets present).</summary>
    /// <exception cref="InputDataException">A year not covered, a national grid, or a province without a target.</exception>
    internal void Validate()
    {
        if (Demography is null) throw new InputDataException("scheme assumptions", null, nameof(Demography), null, "a demographic projection (PensionProjector sets it from the scenario)");
        if (Workforce is null) throw new InputDataException("scheme assumptions", null, nameof(Workforce), null, "a covered workforce (PensionProjector sets it from the scenario's labour assumptions)");
        if (BaseYear <= 0) throw Missing(nameof(BaseYear), "the base year of the scheme state (ChinaDefaults.SchemeBaseYear for China)");
        if (Rules is null) throw Missing(nameof(Rules), "the scheme rules (ChinaDefaults.SchemeRules() for China)");
        _ = EffectiveSubsidyShare;
        if (Demography.BaseYear > BaseYear || Demography.EndYear < EndYear || EndYear < BaseYear)
        {
            throw new InputDataException("scheme assumptions", null, nameof(EndYear), EndYear.ToString(CultureInfo.InvariantCulture),
                $"a year in {BaseYear}..{Demography.EndYear} with a demographic projection starting by {BaseYear} (it covers {Demography.BaseYear}..{Demography.EndYear})");
        }
        var targets = EffectiveTargets;
        foreach (var region in Demography.Shape.Regions)
        {
            if (region.IsNational)
            {
                throw new InputDataException("scheme assumptions", null, "regions", region.EnglishName, "a grid of provinces (the scheme is run by provincial funds)");
            }
            if (!targets.ContainsKey(region.Code))
            {
                throw new InputDataException("scheme assumptions", null, nameof(Targets), region.EnglishName, $"a 2024 target for province {region.Code}");
            }
        }
    }

    private static IReadOnlyList<double> Shares(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != EducationLevels.Count) throw new InputDataException("scheme assumptions", null, name, values.Count.ToString(CultureInfo.InvariantCulture), "one value per education level (6)");
        foreach (var v in values) Unit(v, name);
        return values.ToArray();
    }

    private static IReadOnlyList<double> EntryAges(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != EducationLevels.Count) throw new InputDataException("scheme assumptions", null, name, values.Count.ToString(CultureInfo.InvariantCulture), "one value per education level (6)");
        foreach (var v in values) InRange(v, 10, 40, name);
        return values.ToArray();
    }

    private static double Unit(double value, string name) => InRange(value, 0, 1, name);

    private static double InRange(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new InputDataException("scheme assumptions", null, name, value.ToString("R", CultureInfo.InvariantCulture), $"a value in [{min}, {max}]");
        }
        return value;
    }

    private static int InRangeInt(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new InputDataException("scheme assumptions", null, name, value.ToString(CultureInfo.InvariantCulture), $"a year in [{min}, {max}]");
        }
        return value;
    }
}
