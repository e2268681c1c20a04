namespace Actuarial.China;

/// <summary>Published figures used as defaults and calibration targets, each with its source in the reference file
/// (shared/reference/china-pension-rules.md; section and tag given).</summary>
public static class ChinaFundFigures
{
    /// <summary>
    /// Return on the part of the provincial funds not entrusted to the NCSSF (bank deposits and treasury bonds): 2.0% a
    /// year, an assumption. The reference gives no figure for it; individual accounts were credited at about the
    /// one-year deposit rate, 2%–3.5%, before 2016 (china-pension-rules.md §1.5 [S2]), and deposit rates have fallen
    /// since, so the low end is taken. A scenario should set its own. Blended with the entrusted part it is also the 2024
    /// return at which the scheme's calibration takes the investment income out of the yearbook revenue
    /// (<c>SchemeAssumptions.BaseYearFundReturn</c>).
    /// </summary>
    public const double NonEntrustedFundReturn = 0.02;

    /// <summary>Yuan in one 亿元 (10^8).</summary>
    internal const double YuanPer100Million = 1e8;

    /// <summary>NSSF total assets end-2024: 33,224.62 亿 (reference §8.2 [S2]).</summary>
    public const double NssfAssets2024 = 33_224.62 * YuanPer100Million;

    /// <summary>NSSF annualised return since 2000, as of 2024: 7.39% (reference §8.2 [S2]).</summary>
    public const double NssfAnnualisedReturnSince2000 = 0.0739;

    /// <summary>Central-level transferred state capital at end-2020: 1.68 万亿 (93 enterprises; reference §8.1 [S2]).</summary>
    public const double TransferredStateCapitalCentral2020 = 16_800 * YuanPer100Million;

    /// <summary>Basic pension fund assets entrusted to the NCSSF, end-2023: 22,315.52 亿 (reference §8.2 [S]).</summary>
    public const double EntrustedAssets2023 = 22_315.52 * YuanPer100Million;

    /// <summary>Entrusted basic pension funds' annualised return Dec 2016–2023: 5.00% (reference §8.2 [S]).</summary>
    public const double EntrustedAnnualisedReturn = 0.05;

    /// <summary>Guaranteed floor return on the entrusted funds: 2.88% (reference §8.2 [S]).</summary>
    public const double EntrustedGuaranteedReturn = 0.0288;

    /// <summary>National pooling 2022 budget: pool income 2,175.03 亿, paid by 21 provinces (reference §4.2 [S2]).</summary>
    public const double NationalPool2022 = 2_175.03 * YuanPer100Million;

    /// <summary>Number of provinces paying into the 2022 national pool: 21 (reference §4.2 [S2]).</summary>
    public const int NationalPoolPayers2022 = 21;

    /// <summary>Guangdong's 2022 payment into the national pool: 885.11 亿 (reference §4.2 [S2]).</summary>
    public const double NationalPoolGuangdong2022 = 885.11 * YuanPer100Million;

    /// <summary>Cross-province adjustment actually done in 2022: 2,440 亿 (reference §4.2 [S2], MOHRSS 2022 results).</summary>
    public const double NationalPoolActual2022 = 2_440 * YuanPer100Million;
}
