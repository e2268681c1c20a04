using System.Globalization;
using Actuarial.Demography;
using Actuarial.IO;

namespace Actuarial.Economy;

/// <summary>
/// The macro-economic path every other layer reads: consumer-price growth, real average-wage growth, real fund returns
/// (a spread over prices), the real discount rate and the level of nominal GDP in 2024. Every nominal quantity of a
/// linked scenario is a real path × the price level (<see cref="Scenarios.PensionScenario.LinkedTo"/>): nominal wage
/// growth (1 + real)(1 + π) − 1, nominal returns (1 + real spread)(1 + π) − 1, pension increases and crediting by rules
/// on real wage growth plus prices. So a change of inflation alone, with the real paths fixed, moves every nominal
/// amount by the same price level and leaves every real amount and every ratio where it was (tested:
/// EconomyPropertyTests.No_money_illusion).
/// <para>Years up to <see cref="LastObservedYear"/> are observed: their nominal wage growth is the published one
/// (the labour layer's path) and their nominal fund returns are the ledgers' own; only later years are built from the
/// real paths. Immutable; change a path with <c>with</c>.</para>
/// </summary>
public sealed record EconomicAssumptions
{
    /// <summary>The year whose prices are 1 (constant-yuan outputs are in 2024 yuan) and whose GDP is the published level.</summary>
    public const int PriceBaseYear = 2024;

    /// <summary>The last year with a published nominal average-wage growth (2025: +4.3%, low trust) and the ledgers' first year;
    /// the real paths set the nominal ones from the year after.</summary>
    public const int LastObservedYear = 2025;

    /// <summary>Consumer-price growth π by year, from <see cref="PriceBaseYear"/> + 1 to the horizon, in [−0.1, 0.3].</summary>
    public required AnnualPath PriceGrowth { get; init => field = Check(value, nameof(PriceGrowth), -0.1, 0.3); }

    /// <summary>Real growth of the average wage (nominal growth deflated by the CPI) from <see cref="LastObservedYear"/> + 1, in [−0.2, 0.3].</summary>
    public required AnnualPath RealWageGrowth { get; init => field = Check(value, nameof(RealWageGrowth), -0.2, 0.3); }

    /// <summary>Real return (spread over the CPI) on the part of the funds entrusted to the NCSSF, from <see cref="LastObservedYear"/> + 1.</summary>
    public required AnnualPath RealEntrustedReturn { get; init => field = Check(value, nameof(RealEntrustedReturn), -0.5, 0.5); }

    /// <summary>Real return on the rest of the funds (deposits, bonds), from <see cref="LastObservedYear"/> + 1.</summary>
    public required AnnualPath RealOtherReturn { get; init => field = Check(value, nameof(RealOtherReturn), -0.5, 0.5); }

    /// <summary>Real discount rate of the present-value measures in constant yuan (<see cref="NominalDiscountRate"/>), in [−0.05, 0.2].</summary>
    public double RealDiscountRate { get; init => field = CheckNumber(value, nameof(RealDiscountRate), -0.05, 0.2); }

    /// <summary>Nominal GDP of <see cref="PriceBaseYear"/>, yuan (&gt; 0).</summary>
    public double NominalGdp2024Yuan { get; init => field = CheckNumber(value, nameof(NominalGdp2024Yuan), 1, double.MaxValue); }

    /// <summary>General public budget revenue as a share of GDP, held at its 2024 level (&gt; 0, ≤ 1); reads subsidies against the budget.</summary>
    public double BudgetRevenueShareOfGdp { get; init => field = CheckNumber(value, nameof(BudgetRevenueShareOfGdp), 1e-6, 1); } = 1;

    /// <summary>Last year every path covers.</summary>
    public int LastYear => Math.Min(Math.Min(PriceGrowth.LastYear, RealWageGrowth.LastYear), Math.Min(RealEntrustedReturn.LastYear, RealOtherReturn.LastYear));

    /// <summary>The price level of a year, 2024 = 1: Π over 2025..year of (1 + π).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year before 2024 or past the price path.</exception>
    public double PriceLevel(int year)
    {
        if (year < PriceBaseYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"a year from {PriceBaseYear}");
        double level = 1;
        for (int y = PriceBaseYear + 1; y <= year; y++) level *= 1 + PriceGrowth[y];
        return level;
    }

    /// <summary>Nominal wage growth of a year after the observed years: (1 + real)(1 + π) − 1.</summary>
    public double NominalWageGrowth(int year) => Nominal(RealWageGrowth[year], year);

    /// <summary>A real rate made nominal at a year's inflation: (1 + real)(1 + π) − 1.</summary>
    public double Nominal(double realRate, int year) => (1 + realRate) * (1 + PriceGrowth[year]) - 1;

    /// <summary>The nominal discount rate of a year: (1 + <see cref="RealDiscountRate"/>)(1 + π) − 1.</summary>
    public double NominalDiscountRate(int year) => Nominal(RealDiscountRate, year);

    /// <summary>
    /// The labour layer's nominal wage-growth path with every year after <see cref="LastObservedYear"/> replaced by
    /// <see cref="NominalWageGrowth"/>; the observed years keep the published growth.
    /// </summary>
    internal AnnualPath LinkWageGrowth(AnnualPath published) =>
        published.Map((year, g) => year > LastObservedYear ? NominalWageGrowth(year) : g);

    /// <summary>A fund return path with every year after <see cref="LastObservedYear"/> replaced by the real return made nominal.</summary>
    internal AnnualPath LinkReturn(AnnualPath nominal, AnnualPath real) =>
        nominal.Map((year, r) => year > LastObservedYear ? Nominal(real[year], year) : r);

    /// <summary>First age of the working-age population that scales GDP with employment (<see cref="NominalGdp"/>).</summary>
    public const int GdpWorkingAgeFrom = 20;

    /// <summary>Last age of the working-age population that scales GDP.</summary>
    public const int GdpWorkingAgeTo = 64;

    /// <summary>
    /// Nominal GDP, yuan, from 2025 to <paramref name="lastYear"/>: the published 2024 level (<see cref="NominalGdp2024Yuan"/>)
    /// grown each year by the nominal average-wage growth × the growth of the population aged 20–64. Assumption: a constant
    /// labour share of income and employment moving with the working-age population, so GDP per worker grows with the
    /// average wage and GDP is real × prices like every other nominal amount.
    /// </summary>
    /// <param name="nominalWageGrowth">The (linked) nominal average-wage growth, covering 2025..lastYear.</param>
    /// <param name="demography">A population projection covering 2024..lastYear.</param>
    /// <param name="lastYear">Last year of the path.</param>
    public AnnualPath NominalGdp(AnnualPath nominalWageGrowth, DemographicProjection demography, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(nominalWageGrowth);
        ArgumentNullException.ThrowIfNull(demography);
        double WorkingAge(int year)
        {
            double persons = 0;
            for (int r = 0; r < demography.Shape.RegionCount; r++)
            {
                persons += demography.PersonsAged(year, r, Dimensions.Sex.Male, GdpWorkingAgeFrom, GdpWorkingAgeTo)
                    + demography.PersonsAged(year, r, Dimensions.Sex.Female, GdpWorkingAgeFrom, GdpWorkingAgeTo);
            }
            return persons;
        }
        double baseWorkers = WorkingAge(PriceBaseYear), wageIndex = 1;
        var values = new double[lastYear - PriceBaseYear];
        for (int year = PriceBaseYear + 1; year <= lastYear; year++)
        {
            wageIndex *= 1 + nominalWageGrowth[year];
            values[year - PriceBaseYear - 1] = NominalGdp2024Yuan * wageIndex * WorkingAge(year) / baseWorkers;
        }
        return new AnnualPath("nominal GDP", PriceBaseYear + 1, values, 0);
    }

    private static AnnualPath Check(AnnualPath path, string name, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (int y = path.FirstYear; y <= path.LastYear; y++) CheckNumber(path[y], $"{name}[{y}]", min, max);
        return path;
    }

    private static double CheckNumber(double value, string name, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new InputDataException("economic assumptions", null, name, value.ToString("R", CultureInfo.InvariantCulture), $"a value in [{min}, {max}]");
        }
        return value;
    }
}
