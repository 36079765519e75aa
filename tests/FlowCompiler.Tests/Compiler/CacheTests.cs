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
        Assert.True(File.Exists(Path.Combine(_folder, first.Flow.ContentHash + ".cs")));

        var dll = Path.Combine(_folder, first.Flow.ContentHash + ".dll");
        File.WriteAllBytes(dll, File.ReadAllBytes(dll)[..100]);
        var rebuilt = await new FlowCache(_folder).GetOrCompileAsync(flow, canonical);

        Assert.False(rebuilt.CacheHit);
        Assert.Equal(first.Flow.Assembly, File.ReadAllBytes(dll));
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
}
