using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// REST responses become sealed classes shaped like <c>exampleResponse</c>, read from a <c>JsonElement</c> by
/// generated code that names the field in its message when the answer does not match the example.
/// </summary>
public sealed partial class FlowEmitter
{
    private readonly Dictionary<ObjectType, ResponseClass> _responseClasses = [];
    private readonly Dictionary<string, string> _responseReaders = new(StringComparer.Ordinal);
    private readonly List<ObjectType> _responseOrder = [];

    private void NameResponseClasses(BoundRest rest)
    {
        _responseReaders[rest.Id] = _members.Reserve("Read" + _nodeNames[rest.Id] + "Response");
        NameShape(rest.Response, _nodeNames[rest.Id] + "Response", "");
    }

    private void NameShape(FlowType type, string name, string path)
    {
        switch (type)
        {
            case ArrayType array:
                NameShape(array.Element, name, path + "[]");
                break;
            case ObjectType obj when !_responseClasses.ContainsKey(obj):
                var properties = new IdentifierSet([]);
                var map = obj.Fields.ToDictionary(f => f.Name, f => properties.ReservePascal(f.Name), StringComparer.Ordinal);
                _responseClasses[obj] = new ResponseClass(_members.Reserve(name), map, path);
                _responseOrder.Add(obj);
                foreach (var field in obj.Fields)
                {
                    NameShape(field.Type, name + map[field.Name], path.Length == 0 ? field.Name : path + "." + field.Name);
                }

                break;
        }
    }

    private void EmitResponseReader(BoundRest rest)
    {
        var w = _writer;
        w.WriteLine();
        using (w.Block($"private static {TypeName(rest.Response)} {_responseReaders[rest.Id]}(string json)"))
        {
            w.WriteLine($"using var document = ResponseReader.Parse(json, {CSharpText.Literal(rest.Id)});");
            w.WriteLine($"return {ReadValue(rest.Response, "document.RootElement", "", 0)};");
        }
    }

    private string ReadValue(FlowType type, string element, string path, int depth)
    {
        var p = CSharpText.Literal(path);
        return type switch
        {
            ScalarType { Kind: ScalarKind.Int } => $"ResponseReader.Int({element}, {p})",
            ScalarType { Kind: ScalarKind.Decimal } => $"ResponseReader.Decimal({element}, {p})",
            ScalarType { Kind: ScalarKind.Bool } => $"ResponseReader.Bool({element}, {p})",
            ScalarType { Kind: ScalarKind.String, IsNullable: true } => $"ResponseReader.NullableString({element}, {p})",
            ScalarType { Kind: ScalarKind.String } => $"ResponseReader.String({element}, {p})",
            ArrayType array => $"ResponseReader.List({element}, {p}, static item{depth} => {ReadValue(array.Element, "item" + depth, path + "[]", depth + 1)})",
            ObjectType obj => $"Read{_responseClasses[obj].Name}({element})",
            _ => throw new InvalidOperationException($"A REST response cannot hold {type.Display}."),
        };
    }

    private void EmitResponseClasses()
    {
        var w = _writer;
        foreach (var obj in _responseOrder)
        {
            var shape = _responseClasses[obj];
            w.WriteLine();
            w.WriteLine($"/// <summary>{CSharpText.DocComment($"The REST response shape at {(shape.Path.Length == 0 ? "(response)" : shape.Path)}.")}</summary>");
            using (w.Block($"private sealed class {shape.Name}"))
            {
                foreach (var field in obj.Fields)
                {
                    w.WriteLine($"public required {TypeName(field.Type)} {shape.Properties[field.Name]} {{ get; init; }}");
                }
            }

            w.WriteLine();
            w.WriteLine($"private static {shape.Name} Read{shape.Name}(JsonElement json) => new()");
            w.WriteLine("{");
            foreach (var field in obj.Fields)
            {
                var path = shape.Path.Length == 0 ? field.Name : shape.Path + "." + field.Name;
                var element = $"ResponseReader.Property(json, {CSharpText.Literal(field.Name)}, {CSharpText.Literal(path)})";
                w.WriteLine($"    {shape.Properties[field.Name]} = {ReadValue(field.Type, element, path, 0)},");
            }

            w.WriteLine("};");
        }
    }
}
