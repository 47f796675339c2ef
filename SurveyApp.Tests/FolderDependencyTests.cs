using Mono.Cecil;
using Xunit;

namespace SurveyApp.Tests;

/// <summary>
/// Reads the compiled app and checks which of its folders use which. A feature (what a user does) may
/// use the shared folders, and another feature only where <see cref="AllowedBetweenFeatures"/> says so;
/// a shared folder uses no feature; and no two folders use each other, directly or round a longer
/// circle. Razor pages count too, since they are compiled into the same assembly.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly string[] Features = ["Responding", "Analysis", "Export", "Administration"];

    // The app's shell (Program, App, Routes, the layout) and first-start seeding put the features together.
    private static readonly string[] Composition = ["", "Components", "Seeding"];

    private static readonly (string From, string To, string Why)[] AllowedBetweenFeatures =
    [
        ("Export", "Analysis", "a workbook holds the results of a wave as the results pages show them, hidden groups included"),
        ("Administration", "Responding", "administrators hand out and test the respondents' links"),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<(string To, string Type)>>> Uses = new(ReadUses);

    [Fact]
    public void NoSharedFolderUsesAFeature()
    {
        var wrong = Uses.Value
            .Where(u => !Features.Contains(u.Key) && !Composition.Contains(u.Key))
            .SelectMany(u => u.Value.Where(t => Features.Contains(t.To)).Select(t => $"{u.Key} uses {t.To} ({t.Type})"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void AFeatureUsesAnotherOnlyWhereThatIsAllowed()
    {
        var wrong = Uses.Value
            .Where(u => Features.Contains(u.Key))
            .SelectMany(u => u.Value
                .Where(t => Features.Contains(t.To) && t.To != u.Key && !AllowedBetweenFeatures.Any(a => a.From == u.Key && a.To == t.To))
                .Select(t => $"{u.Key} uses {t.To} ({t.Type})"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void NoFoldersUseEachOtherInACircle()
    {
        var graph = Uses.Value.ToDictionary(u => u.Key, u => u.Value.Select(t => t.To).Where(t => t != u.Key).ToHashSet());
        var circles = graph.Keys.Where(start => !Composition.Contains(start))
            .Select(start => CircleFrom(start, graph))
            .OfType<string>()
            .ToList();
        Assert.True(circles.Count == 0, string.Join("\n", circles));
    }

    [Fact]
    public void TheCheckSeesWhatTheAppUses()
    {
        // Guards the reading itself: uses known to exist must be found, or the other checks prove nothing.
        Assert.Contains(Uses.Value["Export"], t => t.To == "Analysis");
        Assert.Contains(Uses.Value["Responding"], t => t.To == "Storage");
        Assert.Contains(Uses.Value["Storage"], t => t.To == "Domain");
    }

    /// <summary>A circle back to <paramref name="start"/> through folders other than the composition, if there is one.</summary>
    private static string? CircleFrom(string start, Dictionary<string, HashSet<string>> graph)
    {
        var path = new Stack<string>();
        var seen = new HashSet<string>();
        bool Visit(string folder)
        {
            path.Push(folder);
            foreach (var next in graph.GetValueOrDefault(folder, []).Where(n => !Composition.Contains(n)))
            {
                if (next == start || (seen.Add(next) && Visit(next)))
                {
                    return true;
                }
            }
            path.Pop();
            return false;
        }
        return Visit(start) ? string.Join(" → ", path.Reverse().Append(start)) : null;
    }

    private static IReadOnlyDictionary<string, IReadOnlySet<(string, string)>> ReadUses()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(Program).Assembly.Location);
        var module = assembly.MainModule;
        var uses = new Dictionary<string, HashSet<(string, string)>>();
        foreach (var type in module.GetTypes())
        {
            var from = FolderOf(type);
            if (from is null) continue;
            var found = uses.TryGetValue(from, out var set) ? set : uses[from] = [];
            foreach (var used in UsedBy(type))
            {
                foreach (var definition in Named(used).Where(t => t is TypeDefinition || t.Scope == module))
                {
                    if (FolderOf(definition) is { } to)
                    {
                        found.Add((to, definition.FullName));
                    }
                }
            }
        }
        return uses.ToDictionary(u => u.Key, u => (IReadOnlySet<(string, string)>)u.Value);
    }

    /// <summary>The app folder a type of the app is in: the part of its namespace after "SurveyApp".</summary>
    private static string? FolderOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        if (type.Namespace == "SurveyApp") return "";
        return type.Namespace.StartsWith("SurveyApp.", StringComparison.Ordinal) ? type.Namespace.Split('.')[1] : null;
    }

    private static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference method:
                        yield return method.DeclaringType;
                        yield return method.ReturnType;
                        foreach (var p in method.Parameters) yield return p.ParameterType;
                        if (method is GenericInstanceMethod generic)
                        {
                            foreach (var g in generic.GenericArguments) yield return g;
                        }
                        break;
                    case FieldReference field:
                        yield return field.DeclaringType;
                        yield return field.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>The named types inside a type: the element of an array or reference, a generic type and its arguments.</summary>
    private static IEnumerable<TypeReference> Named(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Named(generic.ElementType)) yield return t;
                foreach (var t in generic.GenericArguments.SelectMany(Named)) yield return t;
                break;
            case TypeSpecification specification:
                foreach (var t in Named(specification.ElementType)) yield return t;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
