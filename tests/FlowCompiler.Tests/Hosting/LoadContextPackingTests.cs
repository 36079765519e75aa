using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Dispatch;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Compiler;

namespace FlowCompiler.Tests.Hosting;

/// <summary>
/// Flows published one by one each get a load context; the host repacks them so calls stay fast, and loads
/// every published flow into one context at start.
/// </summary>
public sealed class LoadContextPackingTests
{
    [Fact]
    public void Contexts_within_the_limit_and_none_sparse_are_left_alone()
    {
        var flows = Singles(8);

        Assert.Empty(LoadContextPacking.FlowsToRepack(flows, maxContexts: 8));
        Release(flows);
    }

    [Fact]
    public void One_context_too_many_merges_the_smallest_down_to_half_the_limit()
    {
        var big = Together(4, first: 20);
        var singles = Singles(8);

        var repack = LoadContextPacking.FlowsToRepack([.. big, .. singles], maxContexts: 8);

        // Nine contexts: six singles merge into one; two singles and the big one stay: four in all.
        Assert.Equal(6, repack.Count);
        Assert.All(repack, f => Assert.Equal(1, f.Loaded.Context.Size));
        Release([.. big, .. singles]);
    }

    [Fact]
    public void A_context_with_half_its_flows_released_is_repacked_even_within_the_limit()
    {
        var shared = FlowLoadContext.LoadTogether([.. Enumerable.Range(30, 4).Select(LoadContextTests.Variant)]);
        shared[0].Unload();
        shared[1].Unload();
        var live = shared.Skip(2).Select(f => new ActiveFlow(f, 1, 1)).ToArray();
        var single = Singles(1);

        var repack = LoadContextPacking.FlowsToRepack([.. live, .. single], maxContexts: 8);

        Assert.Equal(live, repack);
        Release([.. live, .. single]);
    }

    [Fact]
    public async Task Flows_published_one_by_one_end_up_in_few_contexts_and_all_still_run()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, new FlowHostOptions { MaxLoadContexts = 4 });

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await engine.Host.PublishAsync(HostFlows.LoginMail($"packed-{i}", $"m{i}"))).Succeeded);
        }

        await engine.Host.Maintenance;
        var runs = await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.InRange(engine.Host.LoadContexts, 1, 4);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"packed-{i}"), engine.Host.Active.Select(a => a.FlowId));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"packed-{i}"), runs.Select(r => r.FlowId));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Result.Status));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i} for Ada Lovelace").Order(), actions.Mails.Select(m => m.Subject).Order());
    }

    [Fact]
    public async Task A_restart_loads_every_published_flow_into_one_context()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("flowc-pack-").FullName, "panel.db");
        await using (var first = await TestEngine.StartAsync(new ActionSink(), databaseFile: database))
        {
            for (var i = 0; i < 5; i++)
            {
                await first.Host.PublishAsync(HostFlows.LoginMail($"restart-{i}", $"r{i}"));
            }

            Assert.Equal(5, first.Host.LoadContexts);
        }

        var actions = new ActionSink();
        await using var second = await TestEngine.StartAsync(actions, databaseFile: database);
        var (loaded, hits) = await second.Host.LoadPublishedAsync();
        await second.Host.Maintenance;
        var runs = await second.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.Equal((5, 5), (loaded, hits));
        Assert.Equal(1, second.Host.LoadContexts);
        Assert.Equal(5, runs.Count(r => r.Result.Status == RunStatus.Succeeded));
        Assert.Equal(5, actions.Mails.Count);
    }

    private static ActiveFlow[] Singles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ActiveFlow(LoadedFlow.Load(LoadContextTests.Variant(i)), 1, 1))];

    private static ActiveFlow[] Together(int count, int first) =>
        [.. FlowLoadContext.LoadTogether([.. Enumerable.Range(first, count).Select(LoadContextTests.Variant)]).Select(f => new ActiveFlow(f, 1, 1))];

    private static void Release(IEnumerable<ActiveFlow> flows)
    {
        foreach (var flow in flows)
        {
            flow.Loaded.Unload();
        }
    }
}
