using System.Collections.Immutable;
using FlowCompiler.Runtime.Execution;
using Microsoft.CodeAnalysis;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// The only assemblies generated code compiles against: the runtime contract, Scriban (for expression
/// holes) and the BCL assemblies the emitter uses. Created once per process; loading them is the slow part of a cold compile.
/// </summary>
public static class FlowReferences
{
    private static readonly ImmutableArray<string> BclAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Memory", "System.Linq",
        "System.Text.Json", "System.Text.RegularExpressions", "System.Text.Encodings.Web", "System.Threading",
        "System.Threading.Tasks", "System.ObjectModel", "netstandard",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> Shared = new(Create);

    /// <summary>The references, created on first use.</summary>
    public static ImmutableArray<MetadataReference> All => Shared.Value;

    private static ImmutableArray<MetadataReference> Create()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var paths = BclAssemblies.Where(platform.ContainsKey).Select(name => platform[name])
            .Append(typeof(FlowRun).Assembly.Location)
            .Append(typeof(Scriban.Runtime.ScriptObject).Assembly.Location);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
