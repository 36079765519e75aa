using System.Text.Json;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests.Compiler;

/// <summary>Finds the repository's sample flows and events, and binds, compiles and loads flows for tests.</summary>
internal static class CompilerTestFlows
{
    public static IEnumerable<object[]> SampleNames() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "flows"), "*.json")
            .Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal))
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) })
            .OrderBy(a => (string)a[0], StringComparer.Ordinal);

    public static string SampleText(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "flows", name + ".json"));

    public static (BoundFlow Flow, byte[] Canonical) Bind(string json)
    {
        var validation = FlowValidator.Validate(json);
        Assert.True(validation.Flow is not null, string.Join("\n", validation.Diagnostics.Select(d => d.Message)));
        return (validation.Flow!, FlowDocumentWriter.WriteUtf8(validation.Document!));
    }

    public static LoadedFlow Load(string json)
    {
        var (flow, canonical) = Bind(json);
        return LoadedFlow.Load(FlowAssemblyCompiler.Compile(flow, ContentHash.Of(canonical)));
    }

    /// <summary>Reads a sample event file (<c>{ "event", "data" }</c>) into its payload.</summary>
    public static object SampleEvent(string eventName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "flows", "events", eventName + ".json")));
        var flowEvent = FlowEvents.Find(eventName)!;
        return document.RootElement.GetProperty("data").Deserialize(flowEvent.PayloadType, JsonSerializerOptions.Web)!;
    }
}
