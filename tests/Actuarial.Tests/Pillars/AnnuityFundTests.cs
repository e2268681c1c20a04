using Actuarial.China;
using Actuarial.Dimensions;
using Actuarial.Pillars;
using Actuarial.Scenarios;
using FsCheck;
using FsCheck.Fluent;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

namespace Actuarial.Tests.Pillars;

/// <summary>
/// The annuities in payment with mortality (<see cref="AnnuityFund"/>): by hand, the people and money they conserve, the
/// rule without deaths, monotone responses to mortality, and the entrants read from the employee scheme.
/// </summary>
[TestFixture]
public sealed class AnnuityFundTests
{
    private const int First = 2024, Last = 2045, A = Ages.Count;

    /// <summary>Death shares by age (the same every year and for both sexes), men's share of the entrants and their ages.</summary>
    private static AnnuitantMortality Mortality(Func<int, double> deathShareAtAge, double maleShare = 1, double menAge = 60, double womenAge = 60)
    {
        int years = Last - First + 1;
        var q = new double[years * Sexes.Count * A];
        for (int i = 0; i < q.Length; i++) q[i] = deathShareAtAge(i % A);
        return new AnnuitantMortality(First, Last, q, Enumerable.Repeat(maleShare, years).ToArray(),
            Enumerable.Range(0, years * Sexes.Count).Select(i => i % 2 == 0 ? menAge : womenAge).ToArray());
    }

    /// <summary>
    /// 国办发〔2015〕18号 art. 9: the monthly annuity is the balance at retirement over the divisor of the retirement age, paid
    /// until the account runs out (发完为止); when the annuitant dies the rest of the account goes to the heirs (可以继承).
    /// </summary>
    [Test]
    public void One_vintage_by_hand()
    {
        // Ten men retire at the end of 2025 with 1,000 yuan between them, aged 60 in 2026; a divisor of 24 months pays
        // 1,000 / 24 × 12 = 500 yuan a year; a tenth die at 60, a fifth at 61, none after; the return is 10% a year.
        var fund = new AnnuityFund(2, 24, Mortality(age => age switch { 60 => 0.1, 61 => 0.2, _ => 0 }));
        fund.Start(0);
        var y2025 = fund.Year(2025, contributions: 1_000, rate: 0.10, retiringBalance: 1_000, retiringMembers: 10);
        Assert.That(y2025.NewAnnuitants, Is.EqualTo(10));
        Assert.That(y2025.Closing, Is.EqualTo(1_000));

        // 2026: 1,000 earns 100; 1 of 10 dies and leaves a tenth of 1,100 = 110 to the heirs; 9 are paid 9 × 50 = 450; 540 left.
        var y2026 = fund.Year(2026, 0, 0.10, 0, 0);
        Assert.That(y2026.Returns, Is.EqualTo(100).Within(1e-9));
        Assert.That(y2026.Deaths, Is.EqualTo(1).Within(1e-12));
        Assert.That(y2026.InheritedPayouts, Is.EqualTo(110).Within(1e-9));
        Assert.That(y2026.Annuitants, Is.EqualTo(9).Within(1e-12));
        Assert.That(y2026.Payouts, Is.EqualTo(450).Within(1e-9));
        Assert.That(y2026.Closing, Is.EqualTo(540).Within(1e-9));

        // 2027: 540 earns 54; a fifth of 9 = 1.8 die and leave a fifth of 594 = 118.8; 7.2 are paid 7.2 × 50 = 360; 115.2 left.
        var y2027 = fund.Year(2027, 0, 0.10, 0, 0);
        Assert.That(y2027.Deaths, Is.EqualTo(1.8).Within(1e-12));
        Assert.That(y2027.InheritedPayouts, Is.EqualTo(118.8).Within(1e-9));
        Assert.That(y2027.Payouts, Is.EqualTo(360).Within(1e-9));
        Assert.That(y2027.Closing, Is.EqualTo(115.2).Within(1e-9));
        Assert.That(y2027.Exhausted, Is.Zero);

        // 2028: 115.2 earns 11.52; nobody dies; 126.72 is less than the 360 due, so it is all paid and the account has run out.
        var y2028 = fund.Year(2028, 0, 0.10, 0, 0);
        Assert.That(y2028.Payouts, Is.EqualTo(126.72).Within(1e-9));
        Assert.That(y2028.Exhausted, Is.EqualTo(7.2).Within(1e-12));
        Assert.That(y2028.Closing, Is.Zero);

        // 2029: nobody is paid. The ten: 1 + 1.8 died, 7.2 ran out.
        var y2029 = fund.Year(2029, 0, 0.10, 0, 0);
        Assert.That((y2029.Annuitants, y2029.Payouts, y2029.InheritedPayouts), Is.EqualTo((0.0, 0.0, 0.0)));
    }

    /// <summary>A fund's history: the years from 2025 with its inputs, and an annuity vintage in payment at the start.</summary>
    private sealed record History(double[] Contributions, double[] Rates, double[] RetiringBalance, double[] RetiringMembers, double InitialBalance, double InitialCount)
    {
        public AnnuityYear[] Run(AnnuitantMortality mortality, int divisorMonths = 139)
        {
            var fund = new AnnuityFund(Contributions.Length + 1, divisorMonths, mortality);
            fund.Start(InitialBalance * 2);
            fund.PayFromPool(InitialBalance, InitialBalance * 12 / divisorMonths * 2, InitialCount, 2025, 66, 62);
            return Contributions.Select((c, i) => fund.Year(2025 + i, c, Rates[i], RetiringBalance[i], RetiringMembers[i])).ToArray();
        }
    }

    // Rates up to 6% a year: below 12 / 139 = 8.6%, the share of the balance a year pays, so every account falls each year.
    private static readonly Arbitrary<History> Histories =
        Gen.ArrayOf(Gen.Choose(0, 1000), 4 * 16 + 2).Select(raw => new History(
            raw[..16].Select(x => (double)x).ToArray(), raw[16..32].Select(x => x * 0.00006).ToArray(),
            raw[32..48].Select(x => x * 2.0).ToArray(), raw[48..64].Select(x => x / 20.0).ToArray(), raw[64] * 10.0 + 1, raw[65] / 10.0)).ToArbitrary();

    /// <summary>Gompertz-like death shares, base at 60 × 1.09 a year of age, at most 1.</summary>
    private static AnnuitantMortality Gompertz(double atSixty, double maleShare = 0.6) =>
        Mortality(age => Math.Min(1, atSixty * Math.Pow(1.09, age - 60)), maleShare, 58, 54);

    /// <summary>
    /// People are conserved: those who ever started an annuity are those still in payment, those who died and those whose
    /// account ran out; those in payment at a year's end are the next year's annuitants and its deaths.
    /// </summary>
    [FsProperty(MaxTest = 200)]
    public Property People_are_conserved() => Prop.ForAll(Histories, Gen.Choose(0, 300).ToArbitrary(), (h, permille) =>
    {
        var years = h.Run(Gompertz(permille / 1000.0));
        double entrants = h.InitialCount, gone = 0, inPayment = h.InitialCount;
        foreach (var y in years)
        {
            if (Math.Abs(y.Annuitants + y.Deaths - inPayment) > 1e-9 * Math.Max(1, inPayment)) return false;
            entrants += y.NewAnnuitants;
            gone += y.Deaths + y.Exhausted;
            inPayment = y.Annuitants - y.Exhausted + y.NewAnnuitants;
            if (Math.Abs(entrants - (inPayment + gone)) > 1e-9 * entrants) return false;
            if (y.Deaths < 0 || y.Exhausted < 0 || y.Annuitants < -1e-12) return false;
        }
        return true;
    });

    /// <summary>Money: closing = opening + contributions + returns − payouts − inherited payouts each year, and the next year opens at it.</summary>
    [FsProperty(MaxTest = 200)]
    public Property Money_identity_each_year() => Prop.ForAll(Histories, Gen.Choose(0, 300).ToArbitrary(), (h, permille) =>
    {
        double previous = h.InitialBalance * 2;
        foreach (var y in h.Run(Gompertz(permille / 1000.0)))
        {
            double expected = PillarRules.ClosingAssets(y.Opening, y.Contributions, y.Returns, y.Payouts, y.InheritedPayouts);
            if (Math.Abs(y.Closing - expected) > 1e-9 * Math.Max(1, y.Closing)) return false;
            if (Math.Abs(y.Opening - previous) > 1e-9 * Math.Max(1, previous)) return false;
            if (y.Closing < 0 || y.Payouts < 0 || y.InheritedPayouts < 0) return false;
            previous = y.Closing;
        }
        return true;
    });

    /// <summary>
    /// Without deaths the fund is the rule it had before mortality, bit for bit: each vintage's annuity paid in full, the
    /// head count constant, until the balance runs out (<see cref="NoDeaths"/>, the arithmetic of that version).
    /// </summary>
    [FsProperty(MaxTest = 200)]
    public Property Zero_mortality_is_the_rule_without_deaths() => Prop.ForAll(Histories, h =>
    {
        var withMortality = h.Run(Gompertz(0));
        var reference = new NoDeaths(h.Contributions.Length + 1, 139);
        reference.Start(h.InitialBalance * 2);
        reference.PayFromPool(h.InitialBalance, h.InitialBalance * 12 / 139 * 2, h.InitialCount);
        for (int i = 0; i < withMortality.Length; i++)
        {
            var y = withMortality[i];
            var r = reference.Year(h.Contributions[i], h.Rates[i], h.RetiringBalance[i], h.RetiringMembers[i]);
            if ((y.Opening, y.Contributions, y.Returns, y.Payouts, y.Closing, y.NewAnnuitants, y.Annuitants) != r) return false;
            if (y.Deaths != 0 || y.InheritedPayouts != 0) return false;
        }
        return true;
    });

    /// <summary>
    /// Higher mortality (every death share × a larger factor) leaves more to the heirs by every year, and fewer annuitants
    /// in every year: the dead's accounts are paid out earlier, and each account's balance falls year by year.
    /// </summary>
    [FsProperty(MaxTest = 200)]
    public Property Higher_mortality_pays_heirs_more_and_earlier() => Prop.ForAll(Histories, Gen.Choose(0, 200).ToArbitrary(), Gen.Choose(0, 200).ToArbitrary(),
        (h, x, z) =>
        {
            var baseRates = Gompertz(0.01);
            var low = h.Run(baseRates.Scaled(Math.Min(x, z) / 100.0));
            var high = h.Run(baseRates.Scaled(Math.Max(x, z) / 100.0));
            double inheritedLow = 0, inheritedHigh = 0, deathsLow = 0, deathsHigh = 0;
            for (int i = 0; i < low.Length; i++)
            {
                inheritedLow += low[i].InheritedPayouts;
                inheritedHigh += high[i].InheritedPayouts;
                deathsLow += low[i].Deaths;
                deathsHigh += high[i].Deaths;
                double tolerance = 1e-9 * Math.Max(1, inheritedHigh);
                if (inheritedHigh < inheritedLow - tolerance || deathsHigh < deathsLow - 1e-9 * Math.Max(1, deathsHigh)) return false;
                if (high[i].Annuitants > low[i].Annuitants + 1e-9 * Math.Max(1, low[i].Annuitants)) return false;
            }
            return true;
        });

    /// <summary>The fund as it was before mortality (its arithmetic, with an account that runs out set to zero).</summary>
    private sealed class NoDeaths(int capacity, int divisorMonths)
    {
        private readonly double[] _balance = new double[capacity], _payment = new double[capacity], _count = new double[capacity];
        private int _vintages;
        private double _pool;

        public void Start(double assets) => _pool = assets;

        public void PayFromPool(double balance, double payment, double count)
        {
            _pool -= balance;
            (_balance[_vintages], _payment[_vintages], _count[_vintages]) = (balance, payment, count);
            _vintages++;
        }

        public (double, double, double, double, double, double, double) Year(double contributions, double rate, double retiringBalance, double retiringMembers)
        {
            double opening = _pool, returns = _pool * rate, payouts = 0, annuitants = 0;
            _pool += returns;
            for (int v = 0; v < _vintages; v++)
            {
                if (_balance[v] <= 0) continue;
                opening += _balance[v];
                double earned = _balance[v] * rate;
                returns += earned;
                double paid = Math.Min(_payment[v], _balance[v] + earned);
                _balance[v] = paid >= _balance[v] + earned ? 0 : _balance[v] + (earned - paid);
                payouts += paid;
                annuitants += _count[v];
            }
            _pool += contributions;
            double retiring = Math.Min(retiringBalance, _pool), newAnnuitants = 0;
            if (retiring > 0 && retiringMembers > 0)
            {
                _pool -= retiring;
                newAnnuitants = retiringMembers;
                (_balance[_vintages], _payment[_vintages], _count[_vintages]) = (retiring, 12 * PillarRules.MonthlyAnnuity(retiring, divisorMonths), retiringMembers);
                _vintages++;
            }
            double closing = _pool;
            for (int v = 0; v < _vintages; v++) closing += _balance[v];
            return (opening, contributions, returns, payouts, closing, newAnnuitants, annuitants);
        }
    }

    private static readonly Lazy<PensionProjection> Baseline = ChinaBaseline.Projection;

    /// <summary>
    /// The entrants read from the scheme's record (the pensioners of the next year who retired before it, less the
    /// survivors of this year's, at ages up to <see cref="AnnuitantMortality.LastEntryAge"/>) are its new pensioners who
    /// survive their first step: their count within 1% of the scheme's new pensioners every year (deaths at 50–65 take
    /// about 0.5–1% in a step; pensioners moving between provinces with their cell and the differences clamped at zero
    /// move it a little either way; measured: −0.5% in 2025, within 0.2% from 2030); men's share and mean ages printed.
    /// </summary>
    [Test]
    [Category("Validation")]
    public void Entrants_from_the_scheme_record_are_its_new_pensioners()
    {
        var scheme = Baseline.Value.Scheme;
        var mortality = AnnuitantMortality.OfScheme(scheme);
        var national = scheme.Summary().Where(r => r.RegionCode == 0).ToDictionary(r => r.Year);
        var (demography, _) = scheme.Assumptions.Demography.Source;
        for (int year = scheme.FirstYear; year < scheme.EndYear; year++)
        {
            // The record's difference, summed over sexes and ages, as AnnuitantMortality reads it.
            double entrants = 0;
            int step = year - demography.BaseYear;
            foreach (var sex in Sexes.All)
            {
                double[] now = new double[A], next = new double[A];
                for (int r = 0; r < demography.Shape.RegionCount; r++)
                {
                    var a = scheme.EmployeeMembers(year, r, sex).Slice(A, A);
                    var b = scheme.EmployeeMembers(year + 1, r, sex).Slice(A, A);
                    for (int age = 0; age < A; age++) { now[age] += a[age]; next[age] += b[age]; }
                }
                for (int age = 0; age < AnnuitantMortality.LastEntryAge; age++)
                {
                    entrants += Math.Max(0, next[age + 1] - now[age] * (1 - demography.DeathShare[(step * Sexes.Count + (int)sex) * A + age]));
                }
            }
            double error = entrants / national[year].NewPensioners - 1;
            if (year % 25 == 0)
            {
                TestContext.Out.WriteLine($"{year}: entrants {entrants / 1e4:F1} 万 against new pensioners {national[year].NewPensioners / 1e4:F1} 万 ({error:+0.0%;-0.0%}); " +
                    $"men {mortality.MaleShareOfEntrants(year):P1}, mean age men {mortality.EntryAge(year, Sex.Male):F3}, women {mortality.EntryAge(year, Sex.Female):F3}");
            }
            Assert.That(Math.Abs(error), Is.LessThan(0.01), $"{year}: {error:+0.0%;-0.0%}");
        }
    }

    /// <summary>The projection's annuitants die: deaths and inherited payouts each year after the first, none without mortality.</summary>
    [Test]
    public void The_pillars_annuitants_die_as_the_schemes_pensioners_do()
    {
        var p = Baseline.Value;
        var scheme = AnnuitantMortality.OfScheme(p.Scheme);
        var none = PillarProjector.Run(p.Scenario.Pillars, p.Scheme, p.Residents, p.PillarReturn, p.NationalAverageWage(), scheme.Scaled(0));
        var pillars = p.Pillars;
        foreach (var pillar in SupplementaryPillars.All)
        {
            for (int year = 2030; year <= pillars.LastYear; year += 10)
            {
                var with = pillars.Row(pillar, year);
                var without = none.Row(pillar, year);
                Assert.That(with.AnnuitantDeaths, Is.GreaterThan(0), $"{pillar} {year}");
                Assert.That(with.InheritedPayoutsYuan, Is.GreaterThan(0), $"{pillar} {year}");
                Assert.That(with.Annuitants, Is.LessThan(without.Annuitants), $"{pillar} {year}");
                Assert.That((without.AnnuitantDeaths, without.InheritedPayoutsYuan), Is.EqualTo((0.0, 0.0)));
            }
        }
        // The annuitants' death shares are the table's (no insured-mortality differential in the baseline): men aged 70 in 2030.
        var (demography, _) = p.Scheme.Assumptions.Demography.Source;
        Assert.That(scheme.DeathShare(2030, Sex.Male, 70), Is.EqualTo(demography.DeathShare[((2030 - demography.BaseYear) * Sexes.Count) * A + 70]));
    }

    /// <summary>A differential weighs the members by the persons of each cell, so it cannot be read without the population.</summary>
    [Test]
    public void An_insured_mortality_differential_without_the_population_is_refused()
    {
        var lower = PensionProjector.Run(ChinaDefaults.PensionScenario().With(Levers.InsuredMortalityRatio, 0.6), Baseline.Value.Demography);
        var e = Assert.Throws<InvalidOperationException>(() => AnnuitantMortality.OfScheme(lower.Scheme));
        Assert.That(e!.Message, Does.Contain("population by age"));
        Assert.That(AnnuitantMortality.OfScheme(Baseline.Value.Scheme).FirstYear, Is.EqualTo(Baseline.Value.Scheme.FirstYear), "no differential: no population needed");
    }

    /// <summary>
    /// With members dying at 0.6 × the rest of their cell (<see cref="Actuarial.Scheme.InsuredMortality"/>), the annuitants
    /// die at the members' death share of the national cell: below the table's at every age of payment, and fewer of them
    /// die in the pillars.
    /// </summary>
    [Test]
    public void An_insured_mortality_differential_reaches_the_annuitants()
    {
        var baseline = Baseline.Value;
        var lower = PensionProjector.Run(ChinaDefaults.PensionScenario().With(Levers.InsuredMortalityRatio, 0.6), baseline.Demography);
        var table = AnnuitantMortality.OfScheme(baseline.Scheme);
        var members = AnnuitantMortality.OfScheme(lower.Scheme, lower.Demography);
        foreach (var sex in Sexes.All)
        {
            for (int age = 55; age <= 95; age += 5)
            {
                Assert.That(members.DeathShare(2040, sex, age), Is.LessThan(table.DeathShare(2040, sex, age)).And.GreaterThanOrEqualTo(0.6 * table.DeathShare(2040, sex, age)),
                    $"{sex} {age}");
            }
        }
        var row = lower.Pillars.Row(SupplementaryPillar.OccupationalAnnuity, 2050);
        Assert.That(row.AnnuitantDeaths, Is.LessThan(baseline.Pillars.Row(SupplementaryPillar.OccupationalAnnuity, 2050).AnnuitantDeaths));
    }
}
