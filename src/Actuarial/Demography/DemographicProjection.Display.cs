using System.Globalization;
using Actuarial.Display;

namespace Actuarial.Demography;

// How a population projection reads in a notebook, a console or a report: a national overview every few years.
public sealed partial class DemographicProjection : INotebookDisplay
{
    /// <summary>
    /// The national population every <paramref name="step"/> years (and the end year): millions by broad age group,
    /// old-age dependency, TFR and life expectancy at birth.
    /// </summary>
    public DisplayTable ToDisplayTable(int step = 10)
    {
        var projection = this;
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var c = CultureInfo.InvariantCulture;
        var national = projection.Summary().Where(r => r.RegionCode == 0 || projection.Shape.RegionCount == 1)
            .Where(r => (r.Year - projection.BaseYear) % step == 0 || r.Year == projection.EndYear);
        var rows = national.Select(r => (IReadOnlyList<string>)[
            r.Year.ToString(c), (r.Population / 1e6).ToString("F1", c), (r.Aged0To14 / 1e6).ToString("F1", c),
            (r.Aged15To64 / 1e6).ToString("F1", c), (r.Aged65Plus / 1e6).ToString("F1", c), r.OldAgeDependencyRatio.ToString("F3", c),
            r.TotalFertilityRate?.ToString("F2", c) ?? "", r.LifeExpectancyAtBirthMaleYears?.ToString("F1", c) ?? "",
            r.LifeExpectancyAtBirthFemaleYears?.ToString("F1", c) ?? ""]).ToArray();
        string where = projection.Shape.RegionCount == 1 ? projection.Shape.Regions[0].EnglishName : $"China ({projection.Shape.RegionCount} regions)";
        return new DisplayTable($"Population, {where}, {projection.BaseYear}–{projection.EndYear}",
            ["year", "population (m)", "0–14 (m)", "15–64 (m)", "65+ (m)", "65+ per 15–64", "TFR", "e0 male", "e0 female"],
            rows, [true, true, true, true, true, true, true, true, true]);
    }

    /// <summary>The national overview every ten years, as aligned text.</summary>
    public override string ToString() => ToDisplayTable().ToString();

    string INotebookDisplay.ToHtml() => ToDisplayTable().ToHtml();
}
