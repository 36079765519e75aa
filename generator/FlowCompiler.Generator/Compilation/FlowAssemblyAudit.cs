using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// Checks a compiled flow before it is cached or loaded: it may use only the runtime contract and the BCL types
/// the emitter needs. Every type a flow uses from another assembly is a row of the TypeRef table, so checking
/// those rows (and that there are no native imports) covers every call, field and signature; anything else
/// (files, reflection, processes, environment, interop…) is a compiler bug and the flow is never activated.
/// </summary>
public static class FlowAssemblyAudit
{
    /// <summary>The assemblies a flow may reference.</summary>
    public static ImmutableHashSet<string> AllowedAssemblies { get; } =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Memory", "System.Text.Json", "System.Text.RegularExpressions",
        "System.Threading", "System.Threading.Tasks", "FlowCompiler.Runtime", "Scriban.Signed",
    ];

    /// <summary>The runtime contract's namespaces a flow may use whole: payloads, rows, enricher outputs and what generated code calls.</summary>
    public static ImmutableHashSet<string> AllowedNamespaces { get; } =
    [
        "FlowCompiler.Runtime.Events", "FlowCompiler.Runtime.Data", "FlowCompiler.Runtime.Enrichers", "FlowCompiler.Runtime.Execution",
    ];

    /// <summary>The other types a flow may use, by full name (nested types as <c>Outer+Inner</c>).</summary>
    public static ImmutableHashSet<string> AllowedTypes { get; } =
    [
        // Values and the few BCL calls generated code makes.
        "System.Object", "System.Type", "System.ValueType", "System.String", "System.Int32", "System.Int64", "System.Decimal",
        "System.Boolean", "System.DateTime", "System.DateTimeKind", "System.TimeSpan", "System.Nullable`1", "System.Array",
        "System.Exception", "System.StringComparison", "System.Func`2", "System.IDisposable",
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.KeyValuePair`2",
        "System.Threading.CancellationToken", "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1",
        "System.Text.Json.JsonDocument", "System.Text.Json.JsonElement",
        "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.RegexOptions",
        "Scriban.Runtime.ScriptObject", "Scriban.Runtime.ScriptArray", "Scriban.Runtime.ScriptArray`1",

        // What the C# compiler itself emits: async state machines, string interpolation, the read-only list behind a
        // collection expression, nullable and metadata attributes.
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", "System.Runtime.CompilerServices.IAsyncStateMachine",
        "System.Runtime.CompilerServices.AsyncTaskMethodBuilder", "System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1",
        "System.Runtime.CompilerServices.TaskAwaiter", "System.Runtime.CompilerServices.TaskAwaiter`1",
        "System.Collections.IEnumerable", "System.Collections.IEnumerator", "System.Collections.ICollection", "System.Collections.IList",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.EqualityComparer`1",
        "System.NotSupportedException", "System.IndexOutOfRangeException",
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute", "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
        "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute", "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
        "System.Runtime.CompilerServices.NullableAttribute", "System.Runtime.CompilerServices.NullableContextAttribute",
        "System.Runtime.CompilerServices.IsReadOnlyAttribute", "System.Runtime.CompilerServices.RequiredMemberAttribute",
        "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute", "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.IsExternalInit", "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
        "System.Diagnostics.DebuggableAttribute", "System.Diagnostics.DebuggableAttribute+DebuggingModes", "System.Diagnostics.DebuggerHiddenAttribute",
        "System.Diagnostics.DebuggerBrowsableAttribute", "System.Diagnostics.DebuggerBrowsableState", "System.ObsoleteAttribute",

        // The emitter's own mark on every flow class.
        "System.CodeDom.Compiler.GeneratedCodeAttribute",
    ];

    /// <summary>
    /// Allowed types whose members are limited: <c>System.Type</c> appears in the signatures of the attributes
    /// the compiler emits (<c>[AsyncStateMachine(typeof(…))]</c>) but no member of it may be used, so no reflection.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableHashSet<string>> AllowedMembers { get; } = new Dictionary<string, ImmutableHashSet<string>>
    {
        ["System.Type"] = [],
        ["System.Object"] = [".ctor", "ToString", "Equals", "GetHashCode"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Throws <see cref="FlowCompilerBugException"/> when the assembly uses anything outside the allow-lists.</summary>
    /// <param name="flowId">The flow, for the message.</param>
    /// <param name="assembly">The IL image.</param>
    public static void Check(string flowId, byte[] assembly)
    {
        var violations = Violations(assembly);
        if (violations.Count > 0)
        {
            throw new FlowCompilerBugException(flowId, null, "the compiled flow uses what flows may not: " + string.Join(", ", violations));
        }
    }

    /// <summary>Everything the assembly uses outside the allow-lists; empty when it is clean.</summary>
    public static IReadOnlyList<string> Violations(byte[] assembly)
    {
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        if (!pe.HasMetadata)
        {
            return ["no metadata (not a .NET assembly)"];
        }

        var metadata = pe.GetMetadataReader();
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.AssemblyReferences)
        {
            var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
            if (!AllowedAssemblies.Contains(name))
            {
                violations.Add("assembly " + name);
            }
        }

        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            var name = FullName(metadata, reference);
            var allowed = AllowedTypes.Contains(name)
                || (reference.ResolutionScope.Kind == HandleKind.AssemblyReference && AllowedNamespaces.Contains(metadata.GetString(reference.Namespace)));
            if (!allowed)
            {
                violations.Add("type " + name);
            }
        }

        // Members of limited types must be listed; members of forbidden types are named, so the report says what the code calls.
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var owner = FullName(metadata, metadata.GetTypeReference((TypeReferenceHandle)member.Parent));
            var name = metadata.GetString(member.Name);
            if (violations.Contains("type " + owner) || (AllowedMembers.TryGetValue(owner, out var members) && !members.Contains(name)))
            {
                violations.Add($"member {owner}.{name}");
            }
        }

        if (metadata.GetTableRowCount(TableIndex.ModuleRef) > 0 || metadata.GetTableRowCount(TableIndex.ImplMap) > 0)
        {
            violations.Add("native code imports");
        }

        return [.. violations];
    }

    private static string FullName(MetadataReader metadata, TypeReference reference)
    {
        var name = metadata.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(metadata, metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope)) + "+" + name;
        }

        var space = metadata.GetString(reference.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
