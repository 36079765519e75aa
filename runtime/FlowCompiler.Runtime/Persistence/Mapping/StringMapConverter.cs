using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>Stores <c>packages.meta</c> (a string-to-string map) as one JSON object column, the same on every provider.</summary>
internal sealed class StringMapConverter() : ValueConverter<IReadOnlyDictionary<string, string>, string>(
    map => JsonSerializer.Serialize(map, (JsonSerializerOptions?)null),
    json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>())
{
    /// <summary>Compares maps by content, so a changed entry is saved.</summary>
    public static ValueComparer<IReadOnlyDictionary<string, string>> Comparer { get; } = new(
        (a, b) => a == b || (a != null && b != null && a.Count == b.Count && a.All(e => b.Contains(e))),
        map => map.Aggregate(0, (hash, e) => HashCode.Combine(hash, e.Key, e.Value)),
        map => new Dictionary<string, string>(map));
}
