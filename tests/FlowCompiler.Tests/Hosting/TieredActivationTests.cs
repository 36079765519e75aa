using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Hosting;

/// <summary>
/// Tiered activation: a version the compile cache does not hold runs on the reference interpreter from the moment it is
/// published or loaded, and on its compiled code, the same version, once that is ready; a cached one runs compiled at once.
/// Each test has a compile cache of its own, so "not compiled yet" is true when it starts.
/// </summary>
public sealed class TieredActivationTests : IDisposable
{
    private readonly string _cacheFolder = Directory.CreateTempSubdirectory("flowc-tiers-").FullName;

    [Fact]
    public async Task A_flow_published_into_an_empty_cache_runs_interpreted_at_once_then_compiled_as_the_same_version()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, cache: new FlowCache(_cacheFolder));

        var published = await engine.Host.PublishAsync(HostFlows.LoginMail("welcome", "tiers"));
        Assert.Equal((true, FlowTier.Interpreted, false), (published.Succeeded, published.Tier, published.CacheHit));
        var first = Assert.Single(await engine.Host.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(1)));

        await engine.Host.WhenCompiledAsync();
        var second = Assert.Single(await engine.Host.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(2)));

        Assert.Equal((FlowTier.Interpreted, FlowTier.Compiled), (first.Tier, second.Tier));
        Assert.Equal((published.Version, published.Version), (first.Version, second.Version));
        // Both tiers did the same: the same nodes with the same outcome, and a mail each.
        Assert.Equal(first.Result.Nodes.Select(n => (n.Id, n.Status, n.Port)), second.Result.Nodes.Select(n => (n.Id, n.Status, n.Port)));
        Assert.Equal(2, actions.Mails.Count);

        // The records say which tier ran each, newest first.
        await engine.Host.FlushRecordsAsync();
        Assert.Equal([false, true], (await engine.Host.ReadRunsAsync("welcome")).Select(r => r.Interpreted));
    }

    [Fact]
    public async Task A_flow_the_cache_holds_runs_compiled_from_its_publish()
    {
        var cache = new FlowCache(_cacheFolder);
        await using (var warm = await TestEngine.StartAsync(new ActionSink(), cache: cache))
        {
            await warm.Host.PublishAsync(HostFlows.LoginMail("welcome", "cached"));
            await warm.Host.WhenCompiledAsync();
        }

        await using var engine = await TestEngine.StartAsync(new ActionSink(), cache: new FlowCache(_cacheFolder));
        var published = await engine.Host.PublishAsync(HostFlows.LoginMail("welcome", "cached"));

        Assert.Equal((FlowTier.Compiled, true), (published.Tier, published.CacheHit));
        Assert.Equal(FlowTier.Compiled, Assert.Single(await engine.Host.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(1))).Tier);
    }

    [Fact]
    public async Task A_start_with_a_cold_cache_serves_every_stored_flow_at_once_and_compiles_them_behind()
    {
        var actions = new ActionSink();
        await using var first = await TestEngine.StartAsync(actions, options: new FlowHostOptions { TieredActivation = false }, cache: new FlowCache(_cacheFolder));
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await first.Host.PublishAsync(HostFlows.LoginMail($"flow-{i}", "cold-start"))).Succeeded);
        }

        // The same database, another process with an empty cache (a panel upgrade that invalidated it).
        var emptyCache = Directory.CreateTempSubdirectory("flowc-tiers-empty-").FullName;
        await using var restarted = await TestEngine.StartAsync(actions, migrated: first.Database, cache: new FlowCache(emptyCache));

        var runs = await restarted.Host.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(1));
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal(FlowTier.Interpreted, r.Tier));

        await restarted.Host.WhenCompiledAsync();
        Assert.All(await restarted.Host.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(2)), r => Assert.Equal(FlowTier.Compiled, r.Tier));
        Directory.Delete(emptyCache, recursive: true);
    }

    [Fact]
    public async Task A_version_replaced_while_it_compiles_gives_way_to_the_newer_one()
    {
        await using var engine = await TestEngine.StartAsync(new ActionSink(), cache: new FlowCache(_cacheFolder));
        await engine.Host.PublishAsync(HostFlows.LoginMail("welcome", "v1"));
        var second = await engine.Host.PublishAsync(HostFlows.LoginMail("welcome", "v2"));

        await engine.Host.WhenCompiledAsync();

        var run = Assert.Single(await engine.Host.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(1)));
        Assert.Equal((second.Version, FlowTier.Compiled), (run.Version, run.Tier));
    }

    public void Dispose() => Directory.Delete(_cacheFolder, recursive: true);
}
