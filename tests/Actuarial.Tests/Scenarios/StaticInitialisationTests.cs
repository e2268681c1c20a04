using System.Reflection;
using System.Runtime.Loader;
using Actuarial.Scenarios;
using Actuarial.Stochastic;
using NUnit.Framework;

namespace Actuarial.Tests.Scenarios;

/// <summary>
/// The library works whichever static entry a program touches first: every lever, the Monte Carlo shocks, and every
/// parameterless static method of a public static class (the China defaults, the dimensions, …). Type initialisers run
/// once per process, so each case loads the library afresh into its own load context, where nothing has been
/// initialised, touches one member first there, and then reads the whole lever catalogue.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class StaticInitialisationTests
{
    private static IEnumerable<string> FirstTouches() =>
        typeof(Levers).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => $"{nameof(Levers)}.{p.Name}")
            .Append($"{nameof(PensionMonteCarlo)}.{nameof(PensionMonteCarlo.ShockedLevers)}")
            .Append($"{nameof(PensionMonteCarlo)}.{nameof(PensionMonteCarlo.InflationShock)}")
            .Concat(typeof(Levers).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed && t != typeof(Levers))
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                    .Where(m => m.GetParameters().Length == 0 && !m.IsSpecialName && !m.ContainsGenericParameters)
                    .Select(m => $"{t.Name}.{m.Name}()")));

    [TestCaseSource(nameof(FirstTouches))]
    public void Any_static_entry_touched_first_works_and_leaves_the_lever_catalogue_readable(string firstTouch)
    {
        var context = new AssemblyLoadContext($"first touch {firstTouch}", isCollectible: true);
        try
        {
            var library = context.LoadFromAssemblyPath(typeof(Levers).Assembly.Location);
            var (typeName, memberName) = (firstTouch.Split('.')[0], firstTouch.Split('.')[1]);
            var type = library.GetExportedTypes().Concat(library.GetTypes()).First(t => t.Name == typeName && t.DeclaringType is null);
            const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
            Assert.That(() => memberName.EndsWith("()", StringComparison.Ordinal)
                ? type.GetMethod(memberName[..^2], Statics, Type.EmptyTypes)!.Invoke(null, null)
                : type.GetProperty(memberName, Statics)!.GetValue(null), Throws.Nothing, firstTouch);

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
