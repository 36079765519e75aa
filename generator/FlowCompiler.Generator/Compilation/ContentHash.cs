using System.Security.Cryptography;
using System.Text;
using FlowCompiler.Generator.Emit;

namespace FlowCompiler.Generator.Compilation;

/// <summary>The compile cache key: SHA-256 of the canonical flow JSON, the emitter version and the runtime contract version.</summary>
public static class ContentHash
{
    /// <summary>The key of a flow given as canonical bytes (<c>FlowDocumentWriter.WriteUtf8</c>).</summary>
    public static string Of(ReadOnlySpan<byte> canonicalFlow)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(canonicalFlow);
        hash.AppendData(Encoding.UTF8.GetBytes("\n" + FlowEmitter.Version + "\n" + FlowReferences.RuntimeContractVersion));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
