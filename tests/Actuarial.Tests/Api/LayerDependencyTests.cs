using Actuarial.China;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NUnit.Framework;

namespace Actuarial.Tests.Api;

/// <summary>
/// The library's namespaces are layers, and no layer uses a layer above it: the engine (demography, economy, rules,
/// labour, funds, scheme) knows nothing of China's defaults or of scenario files, and shared vocabulary
/// (the annual path, the input error, the dimensions) sits at the bottom. The test reads
/// the compiled assembly (Mono.Cecil) and follows every type a type names: base type, interfaces, fields, properties,
/// method signatures, attributes and every type and member its method bodies touch.
/// </summary>
[TestFixture]
public sealed class LayerDependencyTests
{
    /// <summary>Layers from the bottom; a namespace may use its own layer and those listed before it.</summary>
    private static readonly string[][] Layers =
    [
        ["Actuarial"],
        ["Actuarial.Dimensions"],
        // Tables for reading; each result type gives its own (PensionSummary.ToDisplayTable()), so this layer knows none.
        ["Actuarial.Display"],
        ["Actuarial.IO"],
        ["Actuarial.Demography"],
        ["Actuarial.Economy"],
        ["Actuarial.Pensions"],
        ["Actuarial.Funds"],
        // The scheme engine defines the covered workforce it reads (ICoveredWorkforce); the labour model implements it.
        ["Actuarial.Scheme"],
        ["Actuarial.Labour"],
        // The residents' scheme reads the employee scheme's members and the labour layer's schooling.
        ["Actuarial.Residents"],
        // The funded pillars read both basic schemes' members and wages; nothing reads them back.
        ["Actuarial.Pillars"],
        // China's defaults are composed from every engine layer into a PensionScenario, and the scenario model's
        // levers and files start from those defaults: one composition layer.
        ["Actuarial.China", "Actuarial.Scenarios"],
        ["Actuarial.Stochastic"],
    ];

    private static int LayerOf(string ns)
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            if (Array.IndexOf(Layers[i], ns) >= 0) return i;
        }
        return -1;
    }

    [Test]
    public void Every_namespace_of_the_library_has_a_layer()
    {
        var namespaces = LoadLibrary().MainModule.Types.Select(t => t.Namespace)
            .Where(n => n.StartsWith("Actuarial", StringComparison.Ordinal)).Distinct().Order().ToList();
        Assert.That(namespaces.Where(n => LayerOf(n) < 0), Is.Empty, "add new namespaces to LayerDependencyTests.Layers");
    }

    [Test]
    public void No_layer_uses_a_layer_above_it()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in LoadLibrary().MainModule.GetTypes())
        {
            string from = OuterMost(type).Namespace;
            int fromLayer = LayerOf(from);
            if (fromLayer < 0) continue;
            foreach (var used in TypesUsedBy(type))
            {
                var target = OuterMost(used);
                if (target.Scope is not ModuleDefinition && target.Module?.Assembly?.Name.Name != "Actuarial") continue;
                int toLayer = LayerOf(target.Namespace);
                if (toLayer > fromLayer)
                {
                    violations.Add($"{type.FullName} ({from}) uses {target.FullName} ({target.Namespace})");
                }
            }
        }
        Assert.That(violations, Is.Empty, "upward dependencies:\n" + string.Join("\n", violations));
    }

    [Test]
    public void The_test_sees_an_upward_dependency_when_there_is_one()
    {
        // Stochastic uses the scenario layer (PensionPathEvaluator defaults to ChinaDefaults.PensionScenario()):
        // reading the rule the other way round must find it, so the scan is not blind.
        var evaluator = LoadLibrary().MainModule.GetTypes().Single(t => t.FullName == "Actuarial.Stochastic.PensionPathEvaluator");
        Assert.That(TypesUsedBy(evaluator).Select(t => OuterMost(t).Namespace), Does.Contain("Actuarial.Scenarios").Or.Contain("Actuarial.China"));
    }

    /// <summary>The engine: every layer below the composition layer of China's defaults and the scenario model.</summary>
    private static readonly int CompositionLayer = LayerOf("Actuarial.China");

    [Test]
    public void No_engine_layer_uses_China()
    {
        // China's data readers, published figures, defaults and calibration targets live in Actuarial.China; the engine
        // takes its base year, regions, targets and rules from its inputs, so none of its types names a China type.
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in LoadLibrary().MainModule.GetTypes())
        {
            int fromLayer = LayerOf(OuterMost(type).Namespace);
            if (fromLayer < 0 || fromLayer >= CompositionLayer) continue;
            foreach (var used in TypesUsedBy(type))
            {
                if (OuterMost(used).Namespace == "Actuarial.China") violations.Add($"{type.FullName} uses {used.FullName}");
            }
        }
        Assert.That(violations, Is.Empty, "engine types that use Actuarial.China:\n" + string.Join("\n", violations));
    }

    [Test]
    public void The_scan_sees_China_where_it_is_used()
    {
        // The scenario model starts from China's defaults (PensionScenario's scheme template is ChinaDefaults.Scheme()):
        // the same scan must find that use, so an empty result above is not a blind one.
        var scenario = LoadLibrary().MainModule.GetTypes().Single(t => t.FullName == "Actuarial.Scenarios.PensionScenario");
        Assert.That(TypesUsedBy(scenario).Select(t => OuterMost(t).Namespace), Does.Contain("Actuarial.China"));
    }

    [Test]
    public void Only_China_reads_the_embedded_data()
    {
        // The embedded CSV files are China's data: only Actuarial.China opens assembly resources.
        var readers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in LoadLibrary().MainModule.GetTypes())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                if (method.Body.Instructions.Any(i => i.Operand is MethodReference { Name: "GetManifestResourceStream" }))
                {
                    readers.Add(OuterMost(type).Namespace);
                }
            }
        }
        Assert.That(readers, Is.EquivalentTo(new[] { "Actuarial.China" }));
    }

    private static AssemblyDefinition LoadLibrary() => AssemblyDefinition.ReadAssembly(typeof(ChinaDefaults).Assembly.Location);

    private static TypeReference OuterMost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<TypeReference> TypesUsedBy(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null: return;
                case GenericParameter: return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments) Add(a);
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void AddAttributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes) Add(a.AttributeType);
        }
        void AddMember(MemberReference m)
        {
            Add(m.DeclaringType);
            switch (m)
            {
                case GenericInstanceMethod gm:
                    foreach (var a in gm.GenericArguments) Add(a);
                    AddMember(gm.ElementMethod);
                    break;
                case MethodReference mr:
                    Add(mr.ReturnType);
                    foreach (var p in mr.Parameters) Add(p.ParameterType);
                    break;
                case FieldReference fr:
                    Add(fr.FieldType);
                    break;
            }
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        AddAttributes(type);
        foreach (var f in type.Fields) { Add(f.FieldType); AddAttributes(f); }
        foreach (var p in type.Properties) { Add(p.PropertyType); AddAttributes(p); }
        foreach (var m in type.Methods)
        {
            Add(m.ReturnType);
            AddAttributes(m);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType);
            foreach (Instruction ins in m.Body.Instructions)
            {
                switch (ins.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MemberReference mr: AddMember(mr); break;
                }
            }
        }
        return found;
    }
}
