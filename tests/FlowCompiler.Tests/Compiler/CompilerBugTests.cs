using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Emit;

namespace FlowCompiler.Tests.Compiler;

/// <summary>
/// The emitter cannot be made to write code Roslyn rejects, so these tests break its real output by hand and
/// check what an admin would then see: a bug report naming the node, not a compiler dump, and nothing loaded.
/// </summary>
public sealed class CompilerBugTests
{
    [Theory]
    [InlineData("notify")]
    [InlineData("is-vip")]
    [InlineData("tags")]
    public void A_roslyn_error_inside_a_nodes_code_names_that_node(string nodeId)
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText("vip-server-webhook"));
        var emitted = FlowEmitter.EmitWithSpans(flow);
        var source = emitted with { Source = BreakFirstStatementAfter(emitted.Source, $"// [node {nodeId}]") };

        var bug = Assert.Throws<FlowCompilerBugException>(() => FlowAssemblyCompiler.CompileSource(flow.Id, source, ContentHash.Of(canonical)));

        Assert.Equal(nodeId, bug.NodeId);
        Assert.Equal("vip-server-webhook", bug.FlowId);
        Assert.StartsWith($"flowc bug: the generated code of flow \"vip-server-webhook\" (node \"{nodeId}\") was rejected, so the flow was not activated.", bug.Message, StringComparison.Ordinal);
        Assert.Contains("not a mistake in the flow", bug.Message, StringComparison.Ordinal);
        Assert.Contains("CS0103", bug.Reason, StringComparison.Ordinal);
        Assert.Contains(UndefinedName, bug.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', bug.Message);
        Assert.Contains(bug.Diagnostics, d => d.Contains("error CS0103", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_outside_every_node_names_the_flow_only()
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText("vip-server-webhook"));
        var emitted = FlowEmitter.EmitWithSpans(flow);
        var at = emitted.Source.IndexOf("\nnamespace ", StringComparison.Ordinal);
        Assert.True(at > 0);
        var source = emitted with { Source = emitted.Source.Insert(at + 1, $"using {UndefinedName};\n") };

        var bug = Assert.Throws<FlowCompilerBugException>(() => FlowAssemblyCompiler.CompileSource(flow.Id, source, ContentHash.Of(canonical)));

        Assert.Null(bug.NodeId);
        Assert.StartsWith("flowc bug: the generated code of flow \"vip-server-webhook\" was rejected", bug.Message, StringComparison.Ordinal);
        Assert.Contains("CS0246", bug.Reason, StringComparison.Ordinal);
    }

    private const string UndefinedName = "NoSuchSymbolFromTheEmitter";

    // Replaces the first statement line (ending in ';') below the node's comment with one that names nothing.
    private static string BreakFirstStatementAfter(string source, string marker)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(marker + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no line starts with {marker}");
        var statement = Array.FindIndex(lines, start + 1, l => l.TrimEnd().EndsWith(';') && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        var indent = lines[statement][..(lines[statement].Length - lines[statement].TrimStart().Length)];
        lines[statement] = indent + UndefinedName + "();";
        return string.Join('\n', lines);
    }
}
