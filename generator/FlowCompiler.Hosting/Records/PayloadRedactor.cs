using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Hosting.Records;

/// <summary>
/// Writes an event payload as JSON for the record of a failed run, with every <see cref="SensitiveAttribute"/>
/// field (<c>password</c>, <c>confirmationToken</c>) replaced, so secrets never reach the runs table.
/// </summary>
internal static class PayloadRedactor
{
    /// <summary>What a sensitive value is replaced with.</summary>
    public const string Redacted = "[redacted]";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RedactSensitive } },
    };

    /// <summary>The payload as camelCase JSON, sensitive fields redacted.</summary>
    public static string ToJson(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    private static void RedactSensitive(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) != true)
            {
                continue;
            }

            // A string keeps its place with a marker (an admin sees the field was set); anything else is left out.
            if (property.PropertyType == typeof(string) && property.Get is { } read)
            {
                property.Get = payload => read(payload) is null ? null : Redacted;
            }
            else
            {
                property.ShouldSerialize = (_, _) => false;
            }
        }
    }
}
