using Actuarial.IO;
using Actuarial.Pensions;
using FsCheck;
using FsCheck.Fluent;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Pensions;

[TestFixture]
public sealed class RetirementAgeScheduleTests
{
    private static readonly RetirementAgeSchedule Reform = RetirementAgeSchedule.Reform2025;

    // Every test vector of the rules reference, §2.2 (men 60 → 63, women 55 → 58 by 1 month per 4; women 50 → 55 by 1 per 2).
    [TestCase(RetirementCategory.Men, 1965, 1, 60, 1)]
    [TestCase(RetirementCategory.Men, 1965, 4, 60, 1)]
    [TestCase(RetirementCategory.Men, 1965, 5, 60, 2)]
    [TestCase(RetirementCategory.Men, 1976, 8, 62, 11)]
    [TestCase(RetirementCategory.Men, 1976, 9, 63, 0)]
    [TestCase(RetirementCategory.WomenWorkers, 1975, 1, 50, 1)]
    [TestCase(RetirementCategory.WomenWorkers, 1975, 3, 50, 2)]
    [TestCase(RetirementCategory.WomenWorkers, 1984, 10, 54, 11)]
    [TestCase(RetirementCategory.WomenWorkers, 1984, 11, 55, 0)]
    [TestCase(RetirementCategory.WomenCadres, 1970, 1, 55, 1)]
    [TestCase(RetirementCategory.WomenCadres, 1981, 9, 58, 0)]
    // The end points of the closed form and the cohorts just before the reform.
    [TestCase(RetirementCategory.Men, 1964, 12, 60, 0)]
    [TestCase(RetirementCategory.Men, 1990, 6, 63, 0)]
    [TestCase(RetirementCategory.WomenCadres, 1969, 12, 55, 0)]
    [TestCase(RetirementCategory.WomenCadres, 1981, 8, 57, 11)]
    [TestCase(RetirementCategory.WomenWorkers, 1974, 12, 50, 0)]
    [TestCase(RetirementCategory.WomenWorkers, 1975, 2, 50, 1)]
    public void Statutory_age_matches_the_reference_vectors(RetirementCategory category, int birthYear, int birthMonth, int years, int months)
    {
        Assert.That(Reform.StatutoryAgeMonths(category, birthYear, birthMonth), Is.EqualTo(12 * years + months));
    }

    [Test]
    public void First_cohorts_at_the_target_age()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Reform.Men.FirstBirthAtTarget(720), Is.EqualTo(new YearMonth(1976, 9)));
            Assert.That(Reform.WomenCadres.FirstBirthAtTarget(660), Is.EqualTo(new YearMonth(1981, 9)));
            Assert.That(Reform.WomenWorkers.FirstBirthAtTarget(600), Is.EqualTo(new YearMonth(1984, 11)));
        });
    }

    [Test]
    public void Retirement_months_follow_birth_month_plus_age()
    {
        Assert.Multiple(() =>
        {
            // Born 1965-01, age 60y1m = 721 months → 1965-01 + 721 months = 2025-02.
            Assert.That(Reform.StatutoryRetirementMonth(RetirementCategory.Men, new YearMonth(1965, 1)), Is.EqualTo(new YearMonth(2025, 2)));
            // Born 1964-12, age 60y → 2024-12: untouched by the reform, which starts 2025-01.
            Assert.That(Reform.StatutoryRetirementMonth(RetirementCategory.Men, new YearMonth(1964, 12)), Is.EqualTo(new YearMonth(2024, 12)));
            // Born 1984-11, age 55y → 2039-11.
            Assert.That(Reform.StatutoryRetirementMonth(RetirementCategory.WomenWorkers, new YearMonth(1984, 11)), Is.EqualTo(new YearMonth(2039, 11)));
        });
    }

    [Test]
    public void Pre_reform_schedule_keeps_the_original_ages()
    {
        var pre = RetirementAgeSchedule.PreReform;
        Assert.Multiple(() =>
        {
            Assert.That(pre.StatutoryAgeMonths(RetirementCategory.Men, 1980, 6), Is.EqualTo(720));
            Assert.That(pre.StatutoryAgeMonths(RetirementCategory.WomenCadres, 1980, 6), Is.EqualTo(660));
            Assert.That(pre.StatutoryAgeMonths(RetirementCategory.WomenWorkers, 1990, 6), Is.EqualTo(600));
        });
    }

    [Test]
    public void Share_of_a_birth_year_retiring_in_each_calendar_year()
    {
        // Men born 1965: Jan–Apr +1 month → retire 2025-02..05; May–Aug +2 → 2025-07..10; Sep +3 → 2025-12;
        // Oct–Dec +3 → 2026-01..03. So 9/12 retire in 2025 and 3/12 in 2026.
        Assert.Multiple(() =>
        {
            Assert.That(Reform.ShareRetiringInYear(RetirementCategory.Men, 1965, 2024), Is.Zero);
            Assert.That(Reform.ShareRetiringInYear(RetirementCategory.Men, 1965, 2025), Is.EqualTo(9.0 / 12).Within(1e-15));
            Assert.That(Reform.ShareRetiringInYear(RetirementCategory.Men, 1965, 2026), Is.EqualTo(3.0 / 12).Within(1e-15));
            Assert.That(Reform.ShareRetiredByEndOfYear(RetirementCategory.Men, 1965, 2025), Is.EqualTo(9.0 / 12).Within(1e-15));
            Assert.That(Reform.ShareRetiredByEndOfYear(RetirementCategory.Men, 1965, 2026), Is.EqualTo(1.0).Within(1e-15));
            // Aged 59 on 1 January 2025 = born 1965.
            Assert.That(Reform.ShareOfAgeRetiringInYear(RetirementCategory.Men, 2025, 59), Is.EqualTo(9.0 / 12).Within(1e-15));
            Assert.That(RetirementAgeSchedule.PreReform.ShareRetiringInYear(RetirementCategory.Men, 1965, 2025), Is.EqualTo(1.0).Within(1e-15));
            // Men born 1980 retire at 63 exactly, in 2043.
            Assert.That(Reform.ShareRetiringInYear(RetirementCategory.Men, 1980, 2043), Is.EqualTo(1.0).Within(1e-15));
        });
    }

    [Test]
    public void Share_of_a_single_year_of_age_at_a_reference_date()
    {
        // Men aged 59 on 1 November 2024 were born 1964-11 … 1965-10; the window is 2024-11 … 2025-10.
        // 1964-11, 1964-12: 60y → 2024-11, 2024-12 (in); 1965-01..04: +1 → 2025-02..05 (in); 1965-05..08: +2 → 2025-07..10 (in);
        // 1965-09: +3 → 2025-12 (out); 1965-10: +3 → 2026-01 (out). So 10/12.
        Assert.That(Reform.ShareOfAgeRetiringInYear(RetirementCategory.Men, 2024, 59, referenceMonth: 11), Is.EqualTo(10.0 / 12).Within(1e-15));
        // The same cohort is aged 60 on 1 November 2025; only 1965-09 (→ 2025-12) and 1965-10 (→ 2026-01) retire in
        // 2025-11 … 2026-10: 2/12.
        Assert.That(Reform.ShareOfAgeRetiringInYear(RetirementCategory.Men, 2025, 60, referenceMonth: 11), Is.EqualTo(2.0 / 12).Within(1e-15));
        var shares = new double[101];
        Reform.FillSharesRetiringByAge(RetirementCategory.WomenWorkers, 2030, shares);
        Assert.Multiple(() =>
        {
            for (int age = 0; age <= 100; age++)
            {
                Assert.That(shares[age], Is.EqualTo(Reform.ShareRetiringInYear(RetirementCategory.WomenWorkers, 2030 - age - 1, 2030)).Within(1e-15), $"age {age}");
            }
            // In 2030 women workers' age rises by 1 month per 2 months of birth, so the retirement month moves 1.5 months per
            // birth month: one calendar year holds the retirements of 12 / 1.5 = 8 birth months, 8/12 of a cohort.
            Assert.That(shares.Sum(), Is.EqualTo(8.0 / 12).Within(1e-12));
            Assert.That(shares[..49].Sum() + shares[53..].Sum(), Is.Zero, "women workers retire at 50–55 in 2030");
        });
    }

    [Test]
    public void Elastic_choices_spread_retirement_and_early_retirement_stops_at_the_original_age()
    {
        var elastic = Reform with { Elastic = new ElasticRetirement([new RetirementOption(12, 0.2)]) };
        Assert.Multiple(() =>
        {
            // 80% at the statutory age (9/12 in 2025, 3/12 in 2026); 20% one year later (9/12 in 2026, 3/12 in 2027).
            Assert.That(elastic.ShareRetiringInYear(RetirementCategory.Men, 1965, 2025), Is.EqualTo(0.8 * 9 / 12).Within(1e-15));
            Assert.That(elastic.ShareRetiringInYear(RetirementCategory.Men, 1965, 2026), Is.EqualTo(0.8 * 3 / 12 + 0.2 * 9 / 12).Within(1e-15));
            Assert.That(elastic.ShareRetiringInYear(RetirementCategory.Men, 1965, 2027), Is.EqualTo(0.2 * 3 / 12).Within(1e-15));
            // Early: born 1965-01, statutory 721 months; 36 months early would be 685 < 720, held at 720.
            Assert.That(Reform.EarliestAgeMonths(RetirementCategory.Men, new YearMonth(1965, 1)), Is.EqualTo(720));
            // Born 1980: statutory 756; 36 months early = 720, allowed.
            Assert.That(Reform.EarliestAgeMonths(RetirementCategory.Men, new YearMonth(1980, 1)), Is.EqualTo(720));
            Assert.That(Reform.ElasticAgeMonths(RetirementCategory.WomenWorkers, new YearMonth(1990, 1), -24), Is.EqualTo(660 - 24));
            Assert.That(Reform.LatestAgeMonths(RetirementCategory.WomenCadres, new YearMonth(1990, 1)), Is.EqualTo(696 + 36));
        });
    }

    [Test]
    public void Pace_and_target_levers()
    {
        var faster = Reform with { Men = Reform.Men with { BirthMonthsPerExtraMonth = 2 } };
        var higher = Reform with { Men = Reform.Men with { TargetAgeMonths = 65 * 12 } };
        Assert.Multiple(() =>
        {
            Assert.That(faster.StatutoryAgeMonths(RetirementCategory.Men, 1965, 3), Is.EqualTo(722)); // k = 2 → 2/2 + 1
            Assert.That(faster.Men.FirstBirthAtTarget(720), Is.EqualTo(new YearMonth(1970, 11))); // 1965-01 + 35 × 2 months
            Assert.That(higher.StatutoryAgeMonths(RetirementCategory.Men, 1976, 9), Is.EqualTo(756), "unchanged before 63");
            Assert.That(higher.Men.FirstBirthAtTarget(720), Is.EqualTo(new YearMonth(1984, 9))); // 1965-01 + 59 × 4 months
            Assert.That(higher.StatutoryAgeMonths(RetirementCategory.Men, 1990, 1), Is.EqualTo(780));
        });
    }

    [Test]
    public void An_age_below_the_legal_floor_and_other_bad_levers_are_rejected()
    {
        var ex = Assert.Throws<InputDataException>(() => _ = Reform with { Men = Reform.Men with { TargetAgeMonths = 59 * 12 } })!;
        Assert.That(ex.Value, Is.EqualTo("708"));
        Assert.That(ex.ValidRange, Does.Contain("720"));
        Assert.Multiple(() =>
        {
            Assert.Throws<InputDataException>(() => _ = Reform with { WomenWorkers = Reform.WomenWorkers with { TargetAgeMonths = 49 * 12 } });
            Assert.Throws<InputDataException>(() => _ = new RetirementAgeSchedule(Reform.Men, Reform.WomenCadres with { TargetAgeMonths = 54 * 12 }, Reform.WomenWorkers));
            Assert.Throws<InputDataException>(() => _ = Reform.Men with { BirthMonthsPerExtraMonth = 0 });
            Assert.Throws<InputDataException>(() => _ = new ElasticRetirement([new RetirementOption(-48, 0.1)]));
            Assert.Throws<InputDataException>(() => _ = new ElasticRetirement([new RetirementOption(-12, 0.6), new RetirementOption(12, 0.6)]));
            Assert.Throws<InputDataException>(() => Reform.ElasticAgeMonths(RetirementCategory.Men, new YearMonth(1980, 1), 37));
        });
    }

    // ---------------------------------------------------------------- properties

    private static readonly Gen<(RetirementCategory Category, int Birth1, int Birth2)> BirthPairs =
        Gen.Zip(Gen.Elements(RetirementCategory.Men, RetirementCategory.WomenCadres, RetirementCategory.WomenWorkers),
                Gen.Zip(Gen.Choose(12 * 1940, 12 * 2010), Gen.Choose(0, 600)))
            .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item1 + t.Item2.Item2));

    private static readonly Gen<RetirementAgeSchedule> Schedules =
        Gen.Zip(Gen.Zip(Gen.Choose(1, 12), Gen.Choose(0, 120)), Gen.Zip(Gen.Choose(1, 12), Gen.Choose(0, 120)))
            .Select(t => RetirementAgeSchedule.Reform2025 with
            {
                Men = RetirementAgeSchedule.Reform2025.Men with { BirthMonthsPerExtraMonth = t.Item1.Item1, TargetAgeMonths = 720 + t.Item1.Item2 },
                WomenWorkers = RetirementAgeSchedule.Reform2025.WomenWorkers with { BirthMonthsPerExtraMonth = t.Item2.Item1, TargetAgeMonths = 600 + t.Item2.Item2 },
            });

    [FsProperty(MaxTest = 500)]
    public Property A_later_born_cohort_never_retires_earlier_nor_at_a_lower_age() =>
        Prop.ForAll(Gen.Zip(BirthPairs, Gen.Frequency((3, Gen.Constant(RetirementAgeSchedule.Reform2025)), (2, Schedules))).ToArbitrary(), c =>
        {
            var ((category, i1, i2), schedule) = c;
            YearMonth b1 = YearMonth.FromIndex(i1), b2 = YearMonth.FromIndex(i2);
            int a1 = schedule.StatutoryAgeMonths(category, b1), a2 = schedule.StatutoryAgeMonths(category, b2);
            return a2 >= a1
                   && schedule.StatutoryRetirementMonth(category, b2) >= schedule.StatutoryRetirementMonth(category, b1)
                   && a1 >= category.OriginalAgeMonths();
        });

    [FsProperty(MaxTest = 200)]
    public Property Shares_of_a_birth_year_over_calendar_years_sum_to_one() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(Gen.Elements(RetirementCategory.Men, RetirementCategory.WomenCadres, RetirementCategory.WomenWorkers), Gen.Choose(1940, 2010)),
                            Gen.Zip(Gen.Choose(-36, 36), Gen.Choose(0, 100))).ToArbitrary(), c =>
        {
            var ((category, birthYear), (offset, percent)) = c;
            var schedule = RetirementAgeSchedule.Reform2025 with { Elastic = new ElasticRetirement([new RetirementOption(offset, percent / 100.0)]) };
            double sum = 0;
            for (int year = birthYear + 45; year <= birthYear + 70; year++) sum += schedule.ShareRetiringInYear(category, birthYear, year);
            return Math.Abs(sum - 1) < 1e-12
                   && Math.Abs(schedule.ShareRetiredByEndOfYear(category, birthYear, birthYear + 70) - 1) < 1e-12;
        });
}

[TestFixture]
public sealed class ElasticRetirementEffectiveDateTests
{
    /// <summary>
    /// 《实施弹性退休制度暂行办法》 (effective 2025-01-01): elastic early or late retirement moves statutory dates from January
    /// 2025 on; a man born in 1960 reached 60 in 2020 and retired then, whatever the choices.
    /// </summary>
    [Test]
    public void Elastic_choices_move_only_statutory_dates_from_2025()
    {
        var schedule = RetirementAgeSchedule.Reform2025 with { Elastic = new ElasticRetirement([new RetirementOption(24, 0.5), new RetirementOption(-36, 0.3)]) };
        Assert.Multiple(() =>
        {
            Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1960, 2020), Is.EqualTo(1).Within(1e-15));
            Assert.That(schedule.ShareRetiringInYear(RetirementCategory.Men, 1960, 2022), Is.Zero);
            int born1964Dec = new YearMonth(1964, 12).Index;
            Assert.That(ElasticRetirement.RetirementMonth(born1964Dec, 720, 720, 24), Is.EqualTo(new YearMonth(2024, 12).Index), "statutory date December 2024: not moved");
            int born1970Jan = new YearMonth(1970, 1).Index;
            Assert.That(ElasticRetirement.RetirementMonth(born1970Jan, 736, 720, 24), Is.EqualTo(born1970Jan + 760), "late by 24 months");
            Assert.That(ElasticRetirement.RetirementMonth(born1970Jan, 736, 720, -36), Is.EqualTo(born1970Jan + 720), "early, held at the original age 60");
        });
    }

    /// <summary>
    /// Monotone take-up: a larger early share never leaves fewer of a cohort retired by any year's end, a larger late share
    /// never more (《实施弹性退休制度暂行办法》: early up to 3 years, late up to 3 years).
    /// </summary>
    [FsProperty(MaxTest = 100)]
    public Property More_early_take_up_never_retires_fewer_and_more_late_take_up_never_more() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(Gen.Elements(RetirementCategory.Men, RetirementCategory.WomenCadres, RetirementCategory.WomenWorkers), Gen.Choose(1955, 2000)),
                            Gen.Zip(Gen.Choose(1, 36), Gen.Zip(Gen.Choose(0, 50), Gen.Choose(0, 50)))).ToArbitrary(), c =>
        {
            var ((category, birthYear), (months, (low, extra))) = c;
            ElasticRetirement Early(double share) => new([new RetirementOption(-months, share)]);
            ElasticRetirement Late(double share) => new([new RetirementOption(months, share)]);
            var schedule = RetirementAgeSchedule.Reform2025;
            for (int year = birthYear + 48; year <= birthYear + 70; year++)
            {
                double a = (schedule with { Elastic = Early(low / 100.0) }).ShareRetiredByEndOfYear(category, birthYear, year);
                double b = (schedule with { Elastic = Early((low + extra) / 100.0) }).ShareRetiredByEndOfYear(category, birthYear, year);
                double c1 = (schedule with { Elastic = Late(low / 100.0) }).ShareRetiredByEndOfYear(category, birthYear, year);
                double d = (schedule with { Elastic = Late((low + extra) / 100.0) }).ShareRetiredByEndOfYear(category, birthYear, year);
                if (b < a - 1e-12 || d > c1 + 1e-12) return false;
            }
            return true;
        });
}
