using System.Reflection;
using System.Runtime.Loader;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Scenarios;

/// <summary>
/// The catalogue works whichever lever a program touches first. Type initialisers run once per process, so each case loads
/// the library afresh into its own load context, where nothing has been initialised, and touches one member first there.
/// </summary>
public class LeverInitialisationTests
{
    private static IEnumerable<string> FirstTouches() =>
        typeof(Levers).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => $"{nameof(Levers)}.{p.Name}")
            .Append($"{nameof(PensionMonteCarlo)}.{nameof(PensionMonteCarlo.ShockedLevers)}")
            .Append($"{nameof(PensionMonteCarlo)}.{nameof(PensionMonteCarlo.InflationShock)}");

    [TestCaseSource(nameof(FirstTouches))]
    public void Any_lever_touched_first_leaves_the_whole_catalogue_readable(string firstTouch)
    {
        var context = new AssemblyLoadContext($"first touch {firstTouch}", isCollectible: true);
        try
        {
            var library = context.LoadFromAssemblyPath(typeof(Levers).Assembly.Location);
            var (typeName, memberName) = (firstTouch.Split('.')[0], firstTouch.Split('.')[1]);
            var type = library.GetTypes().Single(t => t.Name == typeName && t.Namespace is "Actuarial.Scenarios" or "Actuarial.Stochastic");
            Assert.That(() => type.GetProperty(memberName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null), Throws.Nothing, firstTouch);

            var all = (System.Collections.IEnumerable)library.GetType("Actuarial.Scenarios.Levers")!
                .GetProperty(nameof(Levers.All))!.GetValue(null)!;
            Assert.That(all.Cast<object>().Count(), Is.EqualTo(Levers.All.Count), "the catalogue read after " + firstTouch);
            Assert.That(all.Cast<object>(), Has.None.Null);
        }
        finally
        {
            context.Unload();
        }
    }
}
