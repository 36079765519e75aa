using FlowCompiler.Generator.Model;
using Microsoft.AspNetCore.Http;

namespace FlowCompiler.Editor.Api;

/// <summary>Reads a request body that holds a flow document, bounded by the flow format's size limit.</summary>
internal static class FlowBody
{
    /// <summary>The body's bytes, or null when it is larger than <see cref="FlowLimits.MaxDocumentBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > FlowLimits.MaxDocumentBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > FlowLimits.MaxDocumentBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
