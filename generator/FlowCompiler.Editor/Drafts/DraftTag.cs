using System.Globalization;

namespace FlowCompiler.Editor.Drafts;

/// <summary>
/// A draft's entity tag: <c>"r7"</c> for revision 7 of a saved draft, <c>"v3"</c> for a draft that is still version 3
/// as published. A save or a publish must name the tag it started from (<c>If-Match</c>), so it never overwrites or
/// publishes work it has not seen.
/// </summary>
internal readonly record struct DraftTag(int? Revision, int? Version)
{
    /// <summary>The tag of a saved revision.</summary>
    public static DraftTag OfRevision(int revision) => new(revision, null);

    /// <summary>The tag of a draft that is a stored version.</summary>
    public static DraftTag OfVersion(int version) => new(null, version);

    /// <summary>The quoted ETag, as HTTP headers carry it.</summary>
    public override string ToString() => Revision is { } revision ? $"\"r{revision}\"" : $"\"v{Version}\"";

    /// <summary>Reads an <c>If-Match</c> value; null when it names no single draft tag (a list, <c>*</c>, a weak or foreign tag).</summary>
    public static DraftTag? Parse(string? header)
    {
        var value = header?.Trim();
        if (value is not { Length: >= 4 } || value[0] != '"' || value[^1] != '"')
        {
            return null;
        }

        var kind = value[1];
        if (!int.TryParse(value.AsSpan(2, value.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return null;
        }

        return kind switch
        {
            'r' => OfRevision(number),
            'v' => OfVersion(number),
            _ => null,
        };
    }
}
