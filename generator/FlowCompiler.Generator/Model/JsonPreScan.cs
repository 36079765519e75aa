using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// One forward pass over the raw bytes before any tree is built: reports malformed JSON with its line
/// and column, and nesting deeper than <see cref="FlowLimits.MaxJsonDepth"/>, without recursion, so a
/// hostile file can neither overflow the stack nor make a huge DOM.
/// </summary>
internal static class JsonPreScan
{
    public static bool Check(ReadOnlySpan<byte> utf8, DiagnosticBag diagnostics)
    {
        // A depth far above our own limit: the reader itself never recurses, and we stop at ours first.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4096 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= FlowLimits.MaxJsonDepth)
                {
                    diagnostics.Error(DiagnosticCodes.LimitExceeded, null, "$",
                        $"the JSON is nested more than {FlowLimits.MaxJsonDepth} levels deep (at {JsonTextPosition.Of(utf8, reader.TokenStartIndex)}); flatten \"meta\" or \"exampleResponse\".");
                    return false;
                }
            }

            if (reader.BytesConsumed == 0)
            {
                diagnostics.Error(DiagnosticCodes.MalformedJson, null, "$", "the file is empty; a flow is a JSON object.");
                return false;
            }

            return true;
        }
        catch (JsonException e)
        {
            var position = new JsonTextPosition((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            diagnostics.Error(DiagnosticCodes.MalformedJson, null, "$",
                $"the file is not valid JSON: {position}: {FirstSentence(e.Message)}");
            return false;
        }
    }

    // System.Text.Json appends its own "LineNumber: … | BytePositionInLine: …" which we already say better.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
