using System.Text.Json;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests.Compiler;

/// <summary>The sample flows and events as tests use them, and binding, compiling and loading flows for tests.</summary>
internal static class CompilerTestFlows
{
    public static IEnumerable<object[]> SampleNames() => RepositoryPaths.SampleFlowNames.Select(n => new object[] { n });

    public static string SampleText(string name) => File.ReadAllText(RepositoryPaths.SampleFlow(name));

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
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.SampleEvent(eventName)));
        var flowEvent = FlowEvents.Find(eventName)!;
        return document.RootElement.GetProperty("data").Deserialize(flowEvent.PayloadType, JsonSerializerOptions.Web)!;
    }
}
