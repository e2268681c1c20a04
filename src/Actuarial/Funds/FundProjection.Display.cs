using System.Globalization;
using Actuarial.Display;

namespace Actuarial.Funds;

// How a fund projection reads in a notebook, a console or a report: the national fund every few years.
public sealed partial class FundProjection : INotebookDisplay
{
    /// <summary>
    /// The national fund every <paramref name="step"/> years (and the last year): contributors and retirees
    /// (millions), revenue, spending and year-end balance (trillion yuan), months of payment.
    /// </summary>
    public DisplayTable ToDisplayTable(int step = 5)
    {
        var projection = this;
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var c = CultureInfo.InvariantCulture;
        var rows = projection.YearTable().Where(r => r.RegionCode == 0)
            .Where(r => (r.Year - projection.FirstYear) % step == 0 || r.Year == projection.LastYear)
            .Select(r => (IReadOnlyList<string>)[
                r.Year.ToString(c), (r.ContributingWorkers / 1e6).ToString("F1", c), (r.Retirees / 1e6).ToString("F1", c),
                (r.Revenue / 1e12).ToString("F2", c), (r.Spending / 1e12).ToString("F2", c), (r.ClosingBalance / 1e12).ToString("F2", c),
                r.MonthsOfPayment?.ToString("F1", c) ?? ""]).ToArray();
        return new DisplayTable($"National fund, {projection.FirstYear}–{projection.LastYear}",
            ["year", "contributors (m)", "retirees (m)", "revenue (tn)", "spending (tn)", "balance (tn)", "months of payment"],
            rows, [true, true, true, true, true, true, true]);
    }

    /// <summary>The national fund every five years, as aligned text.</summary>
    public override string ToString() => ToDisplayTable().ToString();

    string INotebookDisplay.ToHtml() => ToDisplayTable().ToHtml();
}
