using System.Collections.Immutable;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

// The JSON readers every part shares: unique properties, keys, free text, verbatim JSON, and the common diagnostics.
public static partial class FlowDocumentReader
{
    private sealed partial class Reader
    {
        // JsonDocument keeps duplicate keys; a flow with two values for one property is ambiguous.
        private IEnumerable<JsonProperty> UniqueProperties(JsonElement element, string path, string? nodeId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                string name;
                try
                {
                    name = property.Name;
                }
                catch (InvalidOperationException)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, path,
                        "a property name holds an invalid Unicode escape (a lone surrogate); remove it.");
                    continue;
                }

                if (!seen.Add(name))
                {
                    diagnostics.Error(DiagnosticCodes.MalformedJson, nodeId, JsonPathText.Property(path, name),
                        $"property \"{DiagnosticText.Printable(name)}\" appears twice; keep one.");
                    continue;
                }

                yield return property;
            }
        }

        // An id, node type, edge end or port that cannot be read (a lone surrogate or a control character) is reported
        // once and then stands in as written in the file, so the node and the edges that name it still connect and
        // nothing further is reported about it.
        private string? ReadKey(JsonElement value, string path, string? nodeId, out bool reported)
        {
            reported = true;
            if (!ExpectKind(value, JsonValueKind.String, path, nodeId, "a string"))
            {
                return null;
            }

            if (ReadText(value, path, nodeId) is { } text)
            {
                reported = false;
                return text;
            }

            return value.GetRawText()[1..^1];
        }

        // Kept as written (meta, exampleResponse): every name and string must be readable text, or the copy would fail.
        private string? ReadVerbatim(JsonElement value, string path, string? nodeId)
        {
            var readable = true;
            Check(value, path);
            return readable ? Compact(value) : null;

            void Check(JsonElement element, string at)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            string name;
                            try
                            {
                                name = property.Name;
                            }
                            catch (InvalidOperationException)
                            {
                                diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, at,
                                    "a property name holds an invalid Unicode escape (a lone surrogate); remove it.");
                                readable = false;
                                continue;
                            }

                            Check(property.Value, JsonPathText.Property(at, name));
                        }

                        break;
                    case JsonValueKind.Array:
                        var index = 0;
                        foreach (var item in element.EnumerateArray())
                        {
                            Check(item, JsonPathText.Index(at, index++));
                        }

                        break;
                    case JsonValueKind.String:
                        try
                        {
                            element.GetString();
                        }
                        catch (InvalidOperationException)
                        {
                            diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, at, LoneSurrogate);
                            readable = false;
                        }

                        break;
                }
            }
        }

        private string? ReadString(JsonElement value, string path, string? nodeId)
        {
            if (!ExpectKind(value, JsonValueKind.String, path, nodeId, "a string"))
            {
                return null;
            }

            return ReadText(value, path, nodeId);
        }

        // Free text may hold tabs and line breaks; any other C0 control character (NUL, ESC…) is damage
        // or an attack on a terminal or protocol downstream.
        private string? ReadText(JsonElement value, string path, string? nodeId)
        {
            if (!ExpectKind(value, JsonValueKind.String, path, nodeId, "a string"))
            {
                return null;
            }

            string text;
            try
            {
                text = value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, path, LoneSurrogate);
                return null;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < ' ' && c is not ('\t' or '\n' or '\r'))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, path,
                        $"the string holds the control character U+{(int)c:X4} at position {i + 1}; remove it.");
                    return null;
                }
            }

            return text;
        }

        private bool ExpectKind(JsonElement value, JsonValueKind kind, string path, string? nodeId, string expected)
        {
            if (value.ValueKind == kind)
            {
                return true;
            }

            diagnostics.Error(DiagnosticCodes.WrongJsonType, nodeId, path, $"expected {expected}, found {DiagnosticText.JsonKind(value.ValueKind)}.");
            return false;
        }

        private void UnknownProperty(string path, string? nodeId, string allowed)
        {
            var name = path[(path.LastIndexOfAny(['.', '[']) + 1)..].Trim('[', ']', '\'');
            var suggestion = NameSuggester.Closest(name, allowed.Split(", "));
            diagnostics.Error(DiagnosticCodes.UnknownProperty, nodeId, path,
                $"unknown property \"{DiagnosticText.Printable(name)}\"{NameSuggester.DidYouMean(suggestion)}. Allowed here: {allowed}.");
        }

        private void Missing(string parent, string name, string? nodeId) =>
            diagnostics.Error(DiagnosticCodes.MissingProperty, nodeId, JsonPathText.Property(parent, name),
                $"required property \"{name}\" is missing.");

        private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);

        // The reader sees only UTF-8 (JsonFileText checked the bytes), so a string that cannot be read holds an escaped lone surrogate.
        private const string LoneSurrogate = "the string holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.";
    }
}
