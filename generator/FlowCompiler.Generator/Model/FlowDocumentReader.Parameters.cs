using System.Collections.Immutable;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

// Parameters: each against its node type's spec, in the spec's canonical order.
public static partial class FlowDocumentReader
{
    private sealed partial class Reader
    {
        // Unread: a parameter was present but not read (reported here), or a name was unreadable or repeated.
        private (ImmutableArray<KeyValuePair<string, ParameterValue>> Values, bool Unread) ReadParameters(
            JsonElement element, string path, string nodeId, NodeTypeSpec? spec)
        {
            var read = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
            var order = new List<string>();
            var present = new HashSet<string>(StringComparer.Ordinal);
            var unread = false;
            foreach (var property in UniqueProperties(element, path, nodeId))
            {
                var propertyPath = JsonPathText.Property(path, property.Name);
                present.Add(property.Name);
                var parameter = spec?.Find(property.Name);
                if (spec is not null && parameter is null)
                {
                    UnknownProperty(propertyPath, nodeId, string.Join(", ", spec.Parameters.Select(s => s.Name)));
                    continue;
                }

                if (ReadParameter(property.Value, propertyPath, nodeId, parameter?.Kinds) is { } value)
                {
                    read[property.Name] = value;
                    order.Add(property.Name);
                }
                else
                {
                    unread = true;
                }
            }

            unread |= present.Count != element.GetPropertyCount();
            if (spec is null)
            {
                return ([.. order.Select(n => KeyValuePair.Create(n, read[n]))], unread);
            }

            // Canonical order; a present parameter of the wrong kind was reported already, not as missing.
            var result = ImmutableArray.CreateBuilder<KeyValuePair<string, ParameterValue>>();
            foreach (var parameter in spec.Parameters)
            {
                if (read.TryGetValue(parameter.Name, out var value))
                {
                    result.Add(KeyValuePair.Create(parameter.Name, value));
                }
                else if (parameter.Required && !present.Contains(parameter.Name))
                {
                    Missing(path, parameter.Name, nodeId);
                }
            }

            return (result.ToImmutable(), unread);
        }

        private ParameterValue? ReadParameter(JsonElement value, string path, string nodeId, ParameterKinds? kinds)
        {
            var allowed = kinds ?? (ParameterKinds.String | ParameterKinds.Number | ParameterKinds.Bool | ParameterKinds.Map | ParameterKinds.Json);
            switch (value.ValueKind)
            {
                case JsonValueKind.String when allowed.HasFlag(ParameterKinds.String):
                    return ReadText(value, path, nodeId) is { } text ? new StringParameter(text) : null;
                case JsonValueKind.Number when allowed.HasFlag(ParameterKinds.Number):
                    return new NumberParameter(value.GetRawText());
                case JsonValueKind.True or JsonValueKind.False when allowed.HasFlag(ParameterKinds.Bool):
                    return new BoolParameter(value.GetBoolean());
                case JsonValueKind.Object or JsonValueKind.Array when allowed.HasFlag(ParameterKinds.Json):
                    return ReadVerbatim(value, path, nodeId) is { } json ? new JsonParameter(json) : null;
                case JsonValueKind.Object when allowed.HasFlag(ParameterKinds.Map):
                    return ReadMap(value, path, nodeId);
                default:
                    diagnostics.Error(DiagnosticCodes.WrongJsonType, nodeId, path,
                        $"expected {DescribeKinds(allowed)}, found {DiagnosticText.JsonKind(value.ValueKind)}.");
                    return null;
            }
        }

        private MapParameter? ReadMap(JsonElement value, string path, string nodeId)
        {
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            var ok = true;
            foreach (var property in UniqueProperties(value, path, nodeId))
            {
                var entryPath = JsonPathText.Property(path, property.Name);
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    diagnostics.Error(DiagnosticCodes.WrongJsonType, nodeId, entryPath,
                        $"expected a string, found {DiagnosticText.JsonKind(property.Value.ValueKind)}.");
                    ok = false;
                    continue;
                }

                if (ReadText(property.Value, entryPath, nodeId) is { } text)
                {
                    entries.Add(KeyValuePair.Create(property.Name, text));
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? new MapParameter(entries.ToImmutable()) : null;
        }

        private static string DescribeKinds(ParameterKinds kinds)
        {
            var names = new List<string>();
            if (kinds.HasFlag(ParameterKinds.String)) names.Add("a string");
            if (kinds.HasFlag(ParameterKinds.Number)) names.Add("a number");
            if (kinds.HasFlag(ParameterKinds.Bool)) names.Add("a boolean");
            if (kinds.HasFlag(ParameterKinds.Map)) names.Add("an object of strings");
            if (kinds.HasFlag(ParameterKinds.Json)) names.Add("a JSON object or array");
            return string.Join(" or ", names);
        }
    }
}
