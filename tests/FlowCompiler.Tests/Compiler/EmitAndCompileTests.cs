using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Emit;

namespace FlowCompiler.Tests.Compiler;

public sealed class EmitAndCompileTests
{
    public static IEnumerable<object[]> Samples() => CompilerTestFlows.SampleNames();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_compiles_without_warnings(string name)
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText(name));

        // Compile treats every warning as a compiler bug and throws.
        var compiled = FlowAssemblyCompiler.Compile(flow, ContentHash.Of(canonical));

        Assert.NotEmpty(compiled.Assembly);
        Assert.NotEmpty(compiled.Pdb);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Emitting_twice_gives_the_same_bytes(string name)
    {
        var text = CompilerTestFlows.SampleText(name);

        var first = FlowEmitter.Emit(CompilerTestFlows.Bind(text).Flow);
        var second = FlowEmitter.Emit(CompilerTestFlows.Bind(text).Flow);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Compiling_twice_gives_the_same_assembly_and_pdb_bytes(string name)
    {
        var text = CompilerTestFlows.SampleText(name);
        var (flow, canonical) = CompilerTestFlows.Bind(text);
        var (again, canonicalAgain) = CompilerTestFlows.Bind(text);

        var first = FlowAssemblyCompiler.Compile(flow, ContentHash.Of(canonical));
        var second = FlowAssemblyCompiler.Compile(again, ContentHash.Of(canonicalAgain));

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(first.Assembly, second.Assembly);
        Assert.Equal(first.Pdb, second.Pdb);
    }

    [Theory]
    [MemberData(nameof(CompilerTestFlows.SampleNames), MemberType = typeof(CompilerTestFlows))]
    public void Every_node_has_the_lines_of_its_own_code_and_no_two_overlap(string name)
    {
        var flow = CompilerTestFlows.Bind(CompilerTestFlows.SampleText(name)).Flow;
        var emitted = FlowEmitter.EmitWithSpans(flow);
        var lines = emitted.Source.Split('\n');

        Assert.Equal(flow.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), emitted.NodeSpans.Keys.Order(StringComparer.Ordinal));
        foreach (var node in flow.Nodes)
        {
            var span = emitted.NodeSpans[node.Id];
            var code = lines[(span.StartLine - 1)..span.EndLine];
            if (node == flow.Trigger)
            {
                Assert.Matches($@"^public static (async )?Task {FlowEmitter.EntryMethod}\(", code[0].Trim());
            }
            else
            {
                Assert.StartsWith($"// [node {node.Id}] ", code[0].Trim(), StringComparison.Ordinal);
            }

            Assert.Equal("}", code[^1].Trim());
            Assert.Equal(node.Id, emitted.NodeAt(span.StartLine));
        }

        var ordered = emitted.NodeSpans.Values.OrderBy(s => s.StartLine).ToList();
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.EndLine < pair.Second.StartLine));
    }
}
