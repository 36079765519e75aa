using System.Text.Json;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// Reads a REST answer into plain values shaped like its <c>exampleResponse</c>: an object is a dictionary
/// of its typed fields, an array a list; every read goes through <see cref="ResponseReader"/> with the
/// same field paths as generated code, so a mismatching answer fails with the same message.
/// </summary>
internal static class ResponseValues
{
    public static object? Read(string json, BoundRest rest)
    {
        using var document = ResponseReader.Parse(json, rest.Id);
        return Value(rest.Response, document.RootElement, "");
    }

    private static object? Value(FlowType type, JsonElement element, string path) => type switch
    {
        ScalarType { Kind: ScalarKind.Int } => ResponseReader.Int(element, path),
        ScalarType { Kind: ScalarKind.Decimal } => ResponseReader.Decimal(element, path),
        ScalarType { Kind: ScalarKind.Bool } => ResponseReader.Bool(element, path),
        ScalarType { Kind: ScalarKind.String, IsNullable: true } => ResponseReader.NullableString(element, path),
        ScalarType { Kind: ScalarKind.String } => ResponseReader.String(element, path),
        ArrayType array => ResponseReader.List(element, path, item => Value(array.Element, item, path + "[]")),
        ObjectType obj => Object(obj, element, path),
        _ => throw new InvalidOperationException($"A REST response cannot hold {type.Display}."),
    };

    private static Dictionary<string, object?> Object(ObjectType type, JsonElement element, string path)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var fieldPath = path.Length == 0 ? field.Name : path + "." + field.Name;
            fields[field.Name] = Value(field.Type, ResponseReader.Property(element, field.Name, fieldPath), fieldPath);
        }

        return fields;
    }
}
