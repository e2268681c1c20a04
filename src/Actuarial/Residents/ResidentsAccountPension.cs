namespace Actuarial.Residents;

/// <summary>
/// The residents' individual-account pension (个人账户养老金): the account at 60 divided by 139 a month, the employee
/// scheme's divisor at 60.
/// </summary>
/// <remarks>
/// [S2] the 2011 urban residents' scheme: "the monthly ... personal account pension is the amount stored in the personal
/// account divided by 139 (the same as ... the basic old-age insurance for employees and the new rural insurance)"
/// (https://wodefinance.com/TianTianFund/sqggwmylfu.html); kept by the unified scheme (国发〔2014〕8号) [U]. Pension age 60 for
/// both sexes, with 15 years of contributions (same sources).
/// </remarks>
internal static class ResidentsAccountPension
{
    /// <summary>The divisor, 139 months [S2].</summary>
    public const double DivisorMonths = 139;

    /// <summary>The pension age of the residents' scheme, 60 for both sexes [S2].</summary>
    public const int PensionAge = 60;

    /// <summary>The first age at which residents may join: 16, students excluded [S2] (same source).</summary>
    public const int FirstAge = 16;

    /// <summary>The monthly account pension of an account of <paramref name="balanceYuan"/> at 60.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite balance.</exception>
    public static double Monthly(double balanceYuan)
    {
        if (!double.IsFinite(balanceYuan) || balanceYuan < 0) throw new ArgumentOutOfRangeException(nameof(balanceYuan), balanceYuan, "expected a balance ≥ 0");
        return balanceYuan / DivisorMonths;
    }
}
