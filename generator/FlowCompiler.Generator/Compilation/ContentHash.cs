using System.Security.Cryptography;
using System.Text;
using FlowCompiler.Generator.Emit;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Compilation;

/// <summary>The compile cache key: SHA-256 of the canonical flow JSON, the compiler version and the runtime contract version.</summary>
public static class ContentHash
{
    // The generator's module id changes with any change to binder or emitter, so a stale entry is never reused.
    // Kept here, not in FlowReferences: touching that class loads Roslyn, and a cache hit must not.
    private static readonly string RuntimeContractVersion = typeof(FlowRun).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static readonly string CompilerVersion = FlowEmitter.Version + "+" + typeof(FlowEmitter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The key of a flow given as canonical bytes (<c>FlowDocumentWriter.WriteUtf8</c>).</summary>
    public static string Of(ReadOnlySpan<byte> canonicalFlow)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(canonicalFlow);
        hash.AppendData(Encoding.UTF8.GetBytes("\n" + CompilerVersion + "\n" + RuntimeContractVersion));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
