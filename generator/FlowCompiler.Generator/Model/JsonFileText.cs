using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// Checks that the bytes of a JSON file (a flow or an event) are UTF-8 before anything parses them, as RFC 8259
/// requires. A UTF-8 byte order mark, which Notepad writes, is skipped; UTF-16 and UTF-32, with or without a
/// mark, and bytes that are not UTF-8 get one sentence that says how to save the file.
/// </summary>
public static class JsonFileText
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The JSON text of <paramref name="bytes"/> without a UTF-8 byte order mark. When the file is not UTF-8 it
    /// returns false, and <paramref name="problem"/> completes a sentence that names the file (<c>"'x.json' " + problem</c>).
    /// </summary>
    public static bool TryGetUtf8(ReadOnlyMemory<byte> bytes, out ReadOnlyMemory<byte> json, out string? problem)
    {
        json = bytes.Span.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
        problem = OtherEncoding(json.Span) is { } encoding
            ? $"is saved as {encoding}, but it must be UTF-8: save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)."
            : InvalidUtf8(json.Span);
        return problem is null;
    }

    // A JSON text starts with two ASCII characters (RFC 4627 §3), so the zero bytes among the first four show
    // UTF-16 or UTF-32 even without a byte order mark.
    private static string? OtherEncoding(ReadOnlySpan<byte> text) => text switch
    {
        [0x00, 0x00, 0xFE, 0xFF, ..] or [0x00, 0x00, 0x00, not 0x00, ..] => "UTF-32 (big-endian)",
        [0xFF, 0xFE, 0x00, 0x00, ..] or [not 0x00, 0x00, 0x00, 0x00, ..] => "UTF-32 (little-endian)",
        [0xFE, 0xFF, ..] or [0x00, not 0x00, ..] => "UTF-16 (big-endian)",
        [0xFF, 0xFE, ..] or [not 0x00, 0x00, ..] => "UTF-16 (little-endian)",
        _ => null,
    };

    private static string? InvalidUtf8(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return $"is not UTF-8: the byte 0x{text[offset]:X2} at {JsonTextPosition.Of(text, offset)} is not part of any UTF-8 character. Save the file as UTF-8.";
    }
}
