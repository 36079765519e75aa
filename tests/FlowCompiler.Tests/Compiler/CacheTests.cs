using FlowCompiler.Generator.Compilation;

namespace FlowCompiler.Tests.Compiler;

public sealed class CacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "flowc-cache-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Miss_then_hit_in_memory_and_on_disk_and_a_corrupt_file_is_rebuilt()
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText("welcome-mail"));

        var first = await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);
        var cache = new FlowCache(_folder);
        var fromDisk = await cache.GetOrCompileAsync(flow, canonical);
        var fromMemory = await cache.GetOrCompileAsync(flow, canonical);

        Assert.False(first.CacheHit);
        Assert.True(fromDisk.CacheHit);
        Assert.True(fromMemory.CacheHit);
        Assert.Equal(first.Flow.Assembly, fromDisk.Flow.Assembly);
        Assert.True(File.Exists(Path.Combine(_folder, first.Flow.ContentHash + FlowCache.SourceExtension)));

        var dll = Path.Combine(_folder, first.Flow.ContentHash + ".dll");
        File.WriteAllBytes(dll, File.ReadAllBytes(dll)[..100]);
        var rebuilt = await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);

        Assert.False(rebuilt.CacheHit);
        Assert.Equal(first.Flow.Assembly, File.ReadAllBytes(dll));
    }

    [Theory]
    [InlineData(".dll", "truncate")]
    [InlineData(".pdb", "flip")]
    [InlineData(FlowCache.SourceExtension, "truncate")]
    [InlineData(".sha256", "flip")]
    [InlineData(".sha256", "delete")]
    [InlineData(".dll", "empty")]
    public async Task A_corrupt_or_truncated_cache_file_is_detected_and_the_entry_rebuilt(string extension, string damage)
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText("vip-server-webhook"));
        var first = await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);
        var file = Path.Combine(_folder, first.Flow.ContentHash + extension);
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncate":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "flip":
                bytes[bytes.Length / 2] ^= 0x20;
                File.WriteAllBytes(file, bytes);
                break;
            case "empty":
                File.WriteAllBytes(file, []);
                break;
            default:
                File.Delete(file);
                break;
        }

        var rebuilt = await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);
        var hit = await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);

        Assert.False(rebuilt.CacheHit);
        Assert.Equal(first.Flow.Assembly, rebuilt.Flow.Assembly);
        Assert.True(hit.CacheHit);
        Assert.Equal(first.Flow.Assembly, hit.Flow.Assembly);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task A_cache_hit_in_a_fresh_process_never_loads_roslyn()
    {
        var flow = RepositoryPaths.SampleFlow("vip-server-webhook");

        var miss = await Cli.FlowcProcess.RunAsync("compile", flow, "--cache", _folder);
        var hit = await Cli.FlowcProcess.RunAsync("compile", flow, "--cache", _folder);

        Assert.Equal(0, miss.ExitCode);
        Assert.Contains("compiled", miss.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, hit.ExitCode);
        Assert.Contains("cache hit", hit.Stdout, StringComparison.Ordinal);
        Assert.Contains("(Roslyn not loaded)", hit.Stdout, StringComparison.Ordinal);
        Assert.Equal(miss.Stdout.Split(' ')[0], hit.Stdout.Split(' ')[0]);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_key_share_one_compilation()
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText("welcome-mail"));
        var cache = new FlowCache(_folder);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetOrCompileAsync(flow, canonical)));

        Assert.Single(outcomes.Select(o => o.Flow).Distinct());
        Assert.Single(Directory.GetFiles(_folder, "*.dll"));
    }

    // Microsoft.NET.Sdk compiles **/*.cs of the project folder, and the Web SDK publishes *.json and *.config:
    // no cache file may end so, or a cache folder inside a panel's project breaks its build.
    [Fact]
    public async Task No_cache_file_has_a_name_an_sdk_glob_compiles_and_a_former_cs_source_is_removed()
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText("welcome-mail"));
        var key = ContentHash.Of(canonical);
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, key + ".cs"), "// a cache entry written before the source was renamed");

        await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);

        var names = Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { key + ".cs.txt", key + ".dll", key + ".pdb", key + ".sha256" }, names);
    }
}
