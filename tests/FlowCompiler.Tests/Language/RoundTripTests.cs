using System.Collections.Immutable;
using System.Text;
using CsCheck;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Tests.Language;

public class RoundTripTests
{
    public static TheoryData<string> Samples => [.. TestFlows.SampleFiles.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Export_of_import_is_byte_identical_and_samples_are_canonical(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, file));
        var first = Import(bytes);
        var exported = FlowDocumentWriter.WriteUtf8(first);
        var again = FlowDocumentWriter.WriteUtf8(Import(exported));

        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again));
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(exported));
    }

    [Fact]
    public void Export_orders_edges_depth_first_from_the_trigger_and_drops_the_default_port()
    {
        var json = TestFlows.Flow("server.created", """
            { "id": "a", "type": "addField", "parameters": { "as": "a", "value": "x" } },
            { "id": "b", "type": "addField", "parameters": { "as": "b", "value": "x" } },
            { "id": "c", "type": "addField", "parameters": { "as": "c", "value": "x" } }
            """, """
            { "from": "trigger", "port": "out", "to": "a" }, { "from": "trigger", "to": "b" }, { "from": "a", "to": "c" }
            """);
        var exported = FlowDocumentWriter.Write(Import(Encoding.UTF8.GetBytes(json)));
        var edges = TestFlows.Parse(exported)["edges"]!.AsArray().Select(e => $"{e!["from"]}>{e["to"]}").ToList();

        Assert.Equal(["trigger>a", "a>c", "trigger>b"], edges);
        Assert.DoesNotContain("\"port\"", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", exported, StringComparison.Ordinal);
        Assert.EndsWith("}\n", exported, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_documents_survive_export_import_export_byte_for_byte()
    {
        GenDocument.Sample(document =>
        {
            var once = FlowDocumentWriter.WriteUtf8(document);
            var twice = FlowDocumentWriter.WriteUtf8(Import(once));
            Assert.Equal(Encoding.UTF8.GetString(once), Encoding.UTF8.GetString(twice));
        }, iter: 300);
    }

    private static FlowDocument Import(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var document = FlowDocumentReader.Read(bytes, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToImmutable()));
        return document!;
    }

    // Text with the characters that break naive writers: quotes, backslashes, line separators, emoji, HTML.
    private static readonly Gen<string> GenText = Gen.OneOf(
        Gen.String[Gen.Char["a-zA-Z0-9 {}\"\\/<>&'\t\n\u2028\u0085é"], 0, 20],
        Gen.OneOf("", "{{hostname}}", "\"quoted\"", "</script>", "line\nbreak", "\u2028", "😀 emoji"));

    private static readonly Gen<ParameterValue> GenValue = Gen.OneOf<ParameterValue>(
        GenText.Select(t => (ParameterValue)new StringParameter(t)),
        Gen.Int[-1000, 1000].Select(i => (ParameterValue)new NumberParameter(i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Bool.Select(b => (ParameterValue)new BoolParameter(b)));

    private static readonly Gen<FlowDocument> GenDocument =
        from count in Gen.Int[1, 12]
        from types in Gen.OneOf(NodeTypes.All.Skip(1).ToArray()).Array[count]
        from values in GenValue.Array[count]
        from parents in Gen.Int[0, 1000].Array[count]
        from name in GenText
        from withMeta in Gen.Bool
        from withPosition in Gen.Bool
        select Build(types, values, parents, name, withMeta, withPosition);

    // The reader is strict about JSON kinds, so a value the parameter does not take is written as text.
    private static ParameterValue Fit(ParameterValue value, ParameterKinds kinds) => value switch
    {
        StringParameter when kinds.HasFlag(ParameterKinds.String) => value,
        NumberParameter when kinds.HasFlag(ParameterKinds.Number) => value,
        BoolParameter when kinds.HasFlag(ParameterKinds.Bool) => value,
        _ when kinds.HasFlag(ParameterKinds.Map) => new MapParameter([KeyValuePair.Create("X-Value", value.Text)]),
        _ when kinds.HasFlag(ParameterKinds.Json) => new JsonParameter("{\"value\":[1,2.50,\"x\"]}"),
        _ when kinds.HasFlag(ParameterKinds.String) => new StringParameter(value.Text),
        _ => new BoolParameter(value.Text.Length % 2 == 0),
    };

    private static FlowDocument Build(NodeTypeSpec[] types, ParameterValue[] values, int[] parents, string name, bool withMeta, bool withPosition)
    {
        var nodes = ImmutableArray.CreateBuilder<FlowNode>();
        nodes.Add(new FlowNode("trigger", NodeTypes.Event, [KeyValuePair.Create("event", (ParameterValue)new StringParameter("server.created"))], null, 0));
        var edges = ImmutableArray.CreateBuilder<FlowEdge>();
        for (var i = 0; i < types.Length; i++)
        {
            var spec = types[i];
            var parameters = spec.Parameters.Where(p => p.Required || i % 2 == 0).Select(p => KeyValuePair.Create(p.Name, Fit(values[i], p.Kinds))).ToImmutableArray();
            nodes.Add(new FlowNode($"n{i}", spec.Type, parameters, withPosition ? new FlowPosition(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "-1.5") : null, i + 1));
            var parent = nodes[parents[i] % (i + 1)];
            var port = parent.Type == NodeTypes.Filter ? (parents[i] % 2 == 0 ? "true" : "false") : FlowEdge.OutPort;
            edges.Add(new FlowEdge(parent.Id, port, $"n{i}", i));
        }

        var meta = withMeta ? "{\"editor\":{\"zoom\":1.25,\"tags\":[\"a\",null,true]}}" : null;
        return new FlowDocument("random-flow", name, withMeta ? name : null, nodes.ToImmutable(), edges.ToImmutable(), meta);
    }
}
