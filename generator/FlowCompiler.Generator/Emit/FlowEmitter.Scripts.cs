using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Scriban sees scope values as <c>ScriptObject</c>s keyed by the names flows use (<c>createdAt</c>, not
/// Scriban's renamed <c>created_at</c>): one typed converter per object or list type, no reflection.
/// </summary>
public sealed partial class FlowEmitter
{
    private readonly HashSet<FlowType> _scriptTypes = [];

    private void EmitScriptConverters()
    {
        var emitted = new HashSet<FlowType>();
        while (_scriptTypes.Except(emitted).OrderBy(t => t.Display, StringComparer.Ordinal).FirstOrDefault() is { } type)
        {
            emitted.Add(type);
            _writer.WriteLine();
            EmitScriptConverter(type);
        }
    }

    private void EmitScriptConverter(FlowType type)
    {
        var w = _writer;
        switch (type)
        {
            case ObjectType obj:
                {
                    var entries = obj.Fields.Select(f => $"[{CSharpText.Literal(f.Name)}] = {ScriptConversion("value." + PropertyName(obj, f), f.Type)}");
                    w.WriteLine($"private static ScriptObject? ToScript({TypeName(obj)}? value) =>");
                    w.WriteLine($"    value is null ? null : new ScriptObject {{ {string.Join(", ", entries)} }};");
                    break;
                }

            case ArrayType array:
                using (w.Block($"private static ScriptArray ToScript({TypeName(array)} values)"))
                {
                    w.WriteLine("var array = new ScriptArray();");
                    using (w.Block("foreach (var item in values)"))
                    {
                        w.WriteLine($"array.Add({ScriptConversion("item", array.Element)});");
                    }

                    w.WriteLine("return array;");
                }

                break;
            case MapType:
                using (w.Block("private static ScriptObject ToScript(IReadOnlyDictionary<string, string> values)"))
                {
                    w.WriteLine("var map = new ScriptObject();");
                    using (w.Block("foreach (var pair in values)"))
                    {
                        w.WriteLine("map[pair.Key] = pair.Value;");
                    }

                    w.WriteLine("return map;");
                }

                break;
        }
    }
}
