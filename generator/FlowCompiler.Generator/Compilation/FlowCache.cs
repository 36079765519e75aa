using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Emit;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// Compiled flows by content hash, in memory and on disk (<c>HASH.dll</c>, <c>HASH.pdb</c>, the C# source as
/// <c>HASH.cs.txt</c>, and <c>HASH.sha256</c> listing the hashes of the other three). The source is not named
/// <c>.cs</c>: no SDK glob takes it, so a cache folder inside a project folder does not get compiled into that
/// project (a second cache folder there would give duplicate types). Files are written to a temporary name
/// and renamed, so a reader never sees half a file; a file whose hash does not match is rebuilt.
/// Concurrent requests for one key share one compilation. A hit never touches Roslyn.
/// </summary>
public sealed class FlowCache
{
    /// <summary>The environment variable that overrides the default cache folder.</summary>
    public const string FolderVariable = "FLOWC_CACHE";

    /// <summary>How the generated C# source of an entry ends: <c>HASH.cs.txt</c>, a name no SDK compiles.</summary>
    public const string SourceExtension = ".cs.txt";

    // Caches written before the source was renamed hold HASH.cs; rewriting an entry removes it.
    private const string FormerSourceExtension = ".cs";

    private readonly ConcurrentDictionary<string, Lazy<Task<CompileOutcome>>> _memory = new(StringComparer.Ordinal);

    /// <summary>Creates a cache over <paramref name="folder"/> (created on first write).</summary>
    public FlowCache(string folder) => Folder = folder;

    /// <summary>The folder: <c>$FLOWC_CACHE</c>, else <c>.flowc/cache</c> under the current directory.</summary>
    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : Path.Combine(Environment.CurrentDirectory, ".flowc", "cache");

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    /// <summary>The compiled flow for <paramref name="flow"/>, whose canonical bytes are <paramref name="canonicalFlow"/>.</summary>
    /// <exception cref="FlowCacheException">It was compiled, but the cache folder cannot be written.</exception>
    public Task<CompileOutcome> GetOrCompileAsync(BoundFlow flow, ReadOnlyMemory<byte> canonicalFlow)
    {
        var key = ContentHash.Of(canonicalFlow.Span);
        var entry = _memory.GetOrAdd(key, k => new Lazy<Task<CompileOutcome>>(() => Task.Run(() => Build(flow, k))));
        return entry.Value.IsCompletedSuccessfully ? Task.FromResult(entry.Value.Result with { CacheHit = true }) : Awaited(key, entry);
    }

    /// <summary>
    /// Whether the flow whose canonical bytes are <paramref name="canonicalFlow"/> is compiled already, in memory or on
    /// disk (its manifest is there; the files are checked when they are read), so getting it costs no compile.
    /// </summary>
    public bool Holds(ReadOnlyMemory<byte> canonicalFlow)
    {
        var key = ContentHash.Of(canonicalFlow.Span);
        return _memory.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            || File.Exists(PathOf(key, ".sha256"));
    }

    // A failed compilation is not cached: the next request tries again.
    private async Task<CompileOutcome> Awaited(string key, Lazy<Task<CompileOutcome>> entry)
    {
        try
        {
            return await entry.Value;
        }
        catch
        {
            _memory.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private CompileOutcome Build(BoundFlow flow, string key)
    {
        if (TryReadDisk(flow, key) is { } cached)
        {
            return new CompileOutcome(cached, CacheHit: true);
        }

        var compiled = FlowAssemblyCompiler.Compile(flow, key);
        try
        {
            WriteDisk(compiled);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FlowCacheException(Folder, e);
        }

        return new CompileOutcome(compiled, CacheHit: false);
    }

    private string PathOf(string key, string extension) => Path.Combine(Folder, key + extension);

    private CompiledFlow? TryReadDisk(BoundFlow flow, string key)
    {
        try
        {
            var manifest = File.ReadAllText(PathOf(key, ".sha256")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var dll = File.ReadAllBytes(PathOf(key, ".dll"));
            var pdb = File.ReadAllBytes(PathOf(key, ".pdb"));
            var source = File.ReadAllBytes(PathOf(key, SourceExtension));
            if (manifest.Length != 3 || manifest[0] != Hash(dll) || manifest[1] != Hash(pdb) || manifest[2] != Hash(source))
            {
                return null;
            }

            return new CompiledFlow(key, $"{FlowEmitter.Namespace}.{FlowEmitter.ClassNameOf(flow.Id)}", dll, pdb, Encoding.UTF8.GetString(source));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The manifest is written last: until it exists and matches, the entry counts as missing.
    private void WriteDisk(CompiledFlow compiled)
    {
        Directory.CreateDirectory(Folder);
        var source = Encoding.UTF8.GetBytes(compiled.Source);
        WriteAtomically(PathOf(compiled.ContentHash, ".dll"), compiled.Assembly);
        WriteAtomically(PathOf(compiled.ContentHash, ".pdb"), compiled.Pdb);
        WriteAtomically(PathOf(compiled.ContentHash, SourceExtension), source);
        var manifest = $"{Hash(compiled.Assembly)}\n{Hash(compiled.Pdb)}\n{Hash(source)}\n";
        WriteAtomically(PathOf(compiled.ContentHash, ".sha256"), Encoding.UTF8.GetBytes(manifest));
        File.Delete(PathOf(compiled.ContentHash, FormerSourceExtension));
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch when (File.Exists(temporary))
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
