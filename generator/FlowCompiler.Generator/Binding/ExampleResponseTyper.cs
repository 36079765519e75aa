using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// Types a REST response from the admin's <c>exampleResponse</c>: objects become object types, arrays take
/// their first element's shape, whole numbers that fit are <c>int</c>, other numbers <c>decimal</c>, and a
/// <c>null</c> in the example makes a nullable string. Keys that are not field names cannot be addressed
/// in paths and are left out.
/// </summary>
public static class ExampleResponseTyper
{
    /// <summary>Types the example; returns null and an explanation when it cannot be typed.</summary>
    public static FlowType? Type(string json, string name, out string? problem)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = FlowLimits.MaxJsonDepth + 1 });
        problem = null;
        var root = document.RootElement;
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            problem = "the example response must be a JSON object or array, as the REST resource answers";
            return null;
        }

        return TypeOf(root, name, "", ref problem);
    }

    private static FlowType? TypeOf(JsonElement value, string name, string path, ref string? problem)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var fields = ImmutableArray.CreateBuilder<FieldSymbol>();
                foreach (var property in value.EnumerateObject())
                {
                    if (!FlowIdentifiers.IsFieldName(property.Name))
                    {
                        continue;
                    }

                    var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (TypeOf(property.Value, property.Name, childPath, ref problem) is not { } type)
                    {
                        return null;
                    }

                    fields.Add(new FieldSymbol(property.Name, type, null, false));
                }

                return new ObjectType(name, fields.ToImmutable(), null, false);
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0)
                {
                    problem = $"the array \"{(path.Length == 0 ? "(response)" : path)}\" is empty, so its elements cannot be typed; put one example element in it";
                    return null;
                }

                return TypeOf(value[0], name + " item", path, ref problem) is { } element ? new ArrayType(element) : null;
            case JsonValueKind.String:
                return new ScalarType(ScalarKind.String, false);
            case JsonValueKind.Number:
                return value.TryGetInt32(out _) && !value.GetRawText().AsSpan().ContainsAny(".eE")
                    ? new ScalarType(ScalarKind.Int, false)
                    : decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                        ? new ScalarType(ScalarKind.Decimal, false)
                        : Fail(ref problem, $"the number at \"{path}\" is out of range");
            case JsonValueKind.True or JsonValueKind.False:
                return new ScalarType(ScalarKind.Bool, false);
            default:
                return new ScalarType(ScalarKind.String, true);
        }
    }

    private static FlowType? Fail(ref string? problem, string message)
    {
        problem = message;
        return null;
    }
}
