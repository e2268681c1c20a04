using Actuarial.Dimensions;

namespace Actuarial.Pillars;

/// <summary>
/// One funded pillar's money and annuitants (<see cref="PillarProjector"/>): the members' pool and the annuity vintages
/// paying out of it, one vintage for each year's retiring members. Plain arrays allocated once, one fund per pillar and run.
/// </summary>
/// <remarks>
/// <para>The rule (《机关事业单位职业年金办法》, 国办发〔2015〕18号, art. 9, for the occupational annuity; the enterprise annuity
/// and the personal pension pay alike): the monthly annuity is the balance at retirement over the divisor of the
/// retirement age (<see cref="PillarRules.MonthlyAnnuity"/>), paid until the account runs out (发完为止); when the annuitant
/// dies, what is left in the account goes to the heirs (可以继承).</para>
/// <para>A year of a vintage: its balance earns the year's return; the annuitants who die in the year
/// (<see cref="AnnuitantMortality.DeathShare"/> at their age) leave their share of the balance, return included, to
/// their heirs in one payment at the year's end, and take no annuity that year; the survivors are paid their annuity at the
/// year's end, at most what is left. Everyone in a vintage holds the same balance, so deaths do not change when it runs out:
/// the survivors of the year it does stop being annuitants (exhausted).</para>
/// </remarks>
internal sealed class AnnuityFund
{
    private readonly int _divisorMonths;
    private readonly AnnuitantMortality _mortality;
    private readonly double[] _balance, _payment, _men, _women, _menAge, _womenAge; // per vintage; ages at the start of the first year of payment
    private readonly int[] _firstPaymentYear;
    private int _vintages;
    private double _pool;

    /// <param name="capacity">Most vintages the fund holds: one per projected year and one for the annuities in payment at the start.</param>
    /// <param name="divisorMonths">Months over which a balance is paid (<see cref="PillarRules.MonthlyAnnuity"/>).</param>
    /// <param name="mortality">How the annuitants die and who becomes one.</param>
    public AnnuityFund(int capacity, int divisorMonths, AnnuitantMortality mortality)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least one vintage");
        if (divisorMonths <= 0) throw new ArgumentOutOfRangeException(nameof(divisorMonths), divisorMonths, "a divisor of at least one month");
        _divisorMonths = divisorMonths;
        _mortality = mortality ?? throw new ArgumentNullException(nameof(mortality));
        _balance = new double[capacity];
        _payment = new double[capacity];
        _men = new double[capacity];
        _women = new double[capacity];
        _menAge = new double[capacity];
        _womenAge = new double[capacity];
        _firstPaymentYear = new int[capacity];
    }

    /// <summary>The members' pool at the start: all the assets.</summary>
    public void Start(double assets) => _pool = assets;

    /// <summary>
    /// Annuities already in payment: their balance leaves the members' pool (the assets are the same), paying
    /// <paramref name="payment"/> a year to <paramref name="count"/> annuitants of the sex mix of the year before
    /// <paramref name="firstPaymentYear"/>'s entrants, aged <paramref name="menAge"/> and <paramref name="womenAge"/> at its start.
    /// </summary>
    /// <exception cref="InvalidOperationException">A balance above the pool.</exception>
    public void PayFromPool(double balance, double payment, double count, int firstPaymentYear, double menAge, double womenAge)
    {
        if (balance > _pool) throw new InvalidOperationException("annuities in payment above the fund's assets");
        _pool -= balance;
        double men = _mortality.MaleShareOfEntrants(firstPaymentYear - 1) * count;
        AddVintage(balance, payment, men, count - men, menAge, womenAge, firstPaymentYear);
    }

    private void AddVintage(double balance, double payment, double men, double women, double menAge, double womenAge, int firstPaymentYear)
    {
        if (_vintages == _balance.Length) throw new InvalidOperationException($"more than the {_balance.Length} vintages the fund was made for");
        int v = _vintages++;
        (_balance[v], _payment[v], _men[v], _women[v], _menAge[v], _womenAge[v], _firstPaymentYear[v]) =
            (balance, payment, men, women, menAge, womenAge, firstPaymentYear);
    }

    /// <summary>
    /// A year: the members' pool and every vintage earn the return on their opening balance; each vintage's deaths leave
    /// their balance to the heirs and its survivors are paid their annuity, at most what is left; contributions join the pool
    /// at the year's end; then the retiring members' balance (at most the pool) becomes a new vintage, paid from the next
    /// year, with the sex mix and ages of the year's entrants (<see cref="AnnuitantMortality"/>).
    /// </summary>
    /// <param name="year">The calendar year.</param>
    /// <param name="contributions">Contributions of the year, yuan.</param>
    /// <param name="rate">Nominal return of the year.</param>
    /// <param name="retiringBalance">What the members retiring at the year's end hold, yuan.</param>
    /// <param name="retiringMembers">Members retiring at the year's end.</param>
    public AnnuityYear Year(int year, double contributions, double rate, double retiringBalance, double retiringMembers)
    {
        double opening = _pool, returns = _pool * rate, payouts = 0, inherited = 0, annuitants = 0, deaths = 0, exhausted = 0;
        _pool += returns;
        for (int v = 0; v < _vintages; v++)
        {
            double balance = _balance[v];
            if (balance <= 0) continue;
            opening += balance;
            double earned = balance * rate;
            returns += earned;
            double men = _men[v], women = _women[v], heirs = 0;
            int years = year - _firstPaymentYear[v];
            double menDying = men > 0 ? men * _mortality.DeathShare(year, Sex.Male, _menAge[v] + years) : 0;
            double womenDying = women > 0 ? women * _mortality.DeathShare(year, Sex.Female, _womenAge[v] + years) : 0;
            double dying = menDying + womenDying;
            if (dying > 0)
            {
                // The dead's share of the balance, the year's return included, to the heirs; the survivors keep theirs and their annuity.
                double share = dying / (men + women);
                heirs = (balance + earned) * share;
                _payment[v] *= 1 - share;
                _men[v] = men -= menDying;
                _women[v] = women -= womenDying;
                inherited += heirs;
                deaths += dying;
            }
            double available = balance + earned - heirs;
            double paid = Math.Min(_payment[v], available);
            payouts += paid;
            annuitants += men + women;
            if (paid >= available)
            {
                // The account has run out (发完为止): its survivors stop being annuitants.
                _balance[v] = 0;
                exhausted += men + women;
            }
            else
            {
                _balance[v] = balance + (earned - heirs - paid);
            }
        }
        _pool += contributions;
        double retiring = Math.Min(retiringBalance, _pool), newAnnuitants = 0;
        if (retiring > 0 && retiringMembers > 0)
        {
            _pool -= retiring;
            newAnnuitants = retiringMembers;
            double men = _mortality.MaleShareOfEntrants(year) * retiringMembers;
            AddVintage(retiring, 12 * PillarRules.MonthlyAnnuity(retiring, _divisorMonths), men, retiringMembers - men,
                _mortality.EntryAge(year, Sex.Male), _mortality.EntryAge(year, Sex.Female), year + 1);
        }
        double closing = _pool;
        for (int v = 0; v < _vintages; v++) closing += _balance[v];
        return new AnnuityYear(opening, contributions, returns, payouts, inherited, closing, newAnnuitants, annuitants, deaths, exhausted);
    }
}

/// <summary>A year of an <see cref="AnnuityFund"/>: money in yuan, people in persons.</summary>
/// <param name="Opening">Assets at the start of the year.</param>
/// <param name="Contributions">Contributions of the year.</param>
/// <param name="Returns">Returns of the year.</param>
/// <param name="Payouts">Annuities paid to the survivors.</param>
/// <param name="InheritedPayouts">Balances of the annuitants who died, paid to their heirs.</param>
/// <param name="Closing">Assets at the year's end = opening + contributions + returns − payouts − inherited payouts.</param>
/// <param name="NewAnnuitants">Members starting an annuity at the year's end (paid from the next year).</param>
/// <param name="Annuitants">Annuitants paid in the year (those in payment at its start less those who died in it).</param>
/// <param name="Deaths">Annuitants who died in the year.</param>
/// <param name="Exhausted">Annuitants whose account ran out with the year's payment.</param>
internal readonly record struct AnnuityYear(double Opening, double Contributions, double Returns, double Payouts, double InheritedPayouts, double Closing,
    double NewAnnuitants, double Annuitants, double Deaths, double Exhausted);
