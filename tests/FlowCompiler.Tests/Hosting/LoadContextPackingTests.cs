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
    public void Full_closed_contexts_and_the_open_one_are_left_alone()
    {
        var full = Together(4, first: 0);
        var open = new FlowLoadContext("open");
        var published = Enumerable.Range(4, 3).Select(i => ActiveFlow.Compiled(open.Load(LoadContextTests.Variant(i)), 1, 1)).ToArray();

        Assert.Empty(LoadContextPacking.FlowsToRepack([.. full, .. published], open, flowsPerContext: 8));
        Release([.. full, .. published]);
    }

    [Fact]
    public void A_closed_context_with_half_its_flows_released_is_repacked()
    {
        var shared = FlowLoadContext.LoadTogether([.. Enumerable.Range(30, 4).Select(LoadContextTests.Variant)]);
        shared[0].Unload();
        shared[1].Unload();
        var live = shared.Skip(2).Select(f => ActiveFlow.Compiled(f, 1, 1)).ToArray();
        var full = Together(4, first: 0);

        var repack = LoadContextPacking.FlowsToRepack([.. live, .. full], open: null, flowsPerContext: 8);

        Assert.Equal(live, repack);
        Release([.. live, .. full]);
    }

    [Fact]
    public void Small_closed_contexts_are_merged_once_there_are_two()
    {
        var one = Together(1, first: 10);
        var two = Together(1, first: 11);

        Assert.Empty(LoadContextPacking.FlowsToRepack(one, open: null, flowsPerContext: 64));
        Assert.Equal([.. one, .. two], LoadContextPacking.FlowsToRepack([.. one, .. two], open: null, flowsPerContext: 64));
        Release([.. one, .. two]);
    }

    [Fact]
    public async Task Flows_published_one_by_one_end_up_in_few_contexts_and_all_still_run()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, new FlowHostOptions { FlowsPerLoadContext = 4 });
        var ids = Enumerable.Range(0, 10).Select(i => $"packed-{i}").ToArray();

        foreach (var id in ids)
        {
            Assert.True((await engine.Host.PublishAsync(HostFlows.LoginMail(id, "first"))).Succeeded);
        }

        await engine.Host.Maintenance;
        var contextsAfterFirst = engine.Host.LoadContexts;
        foreach (var id in ids)
        {
            Assert.True((await engine.Host.PublishAsync(HostFlows.LoginMail(id, "second"))).Succeeded);
        }

        await engine.Host.Maintenance;
        var runs = await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));

        // Four to a context: 4 + 4 + 2. The second round replaces every flow: the first round's contexts
        // unload or are repacked, and the second round fills three contexts again.
        Assert.Equal(3, contextsAfterFirst);
        Assert.InRange(engine.Host.LoadContexts, 3, 4);
        Assert.Equal(ids, engine.Host.Active.Select(a => a.FlowId));
        Assert.Equal(ids, runs.Select(r => r.FlowId));
        Assert.All(runs, r => Assert.Equal((RunStatus.Succeeded, 2), (r.Result.Status, r.Version)));
        Assert.All(actions.Mails, m => Assert.Equal("second for Ada Lovelace", m.Subject));
    }

    [Fact]
    public async Task A_restart_loads_every_published_flow_into_one_context()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("flowc-pack-").FullName, "panel.db");
        await using (var first = await TestEngine.StartAsync(new ActionSink(), new FlowHostOptions { FlowsPerLoadContext = 1 }, databaseFile: database))
        {
            for (var i = 0; i < 5; i++)
            {
                await first.Host.PublishAsync(HostFlows.LoginMail($"restart-{i}", $"r{i}"));
            }

            // One flow a context: background repacks merge some, never all five into one.
            await first.Host.Maintenance;
            Assert.InRange(first.Host.LoadContexts, 2, 5);
        }

        var actions = new ActionSink();
        await using var second = await TestEngine.StartAsync(actions, databaseFile: database, start: false);
        var (loaded, hits, _, _) = await second.Host.StartAsync();
        await second.Host.Maintenance;
        var runs = await second.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.Equal((5, 5), (loaded, hits));
        Assert.Equal(1, second.Host.LoadContexts);
        Assert.Equal(5, runs.Count(r => r.Result.Status == RunStatus.Succeeded));
        Assert.Equal(5, actions.Mails.Count);
    }

    private static ActiveFlow[] Together(int count, int first) =>
        [.. FlowLoadContext.LoadTogether([.. Enumerable.Range(first, count).Select(LoadContextTests.Variant)]).Select(f => ActiveFlow.Compiled(f, 1, 1))];

    private static void Release(IEnumerable<ActiveFlow> flows)
    {
        foreach (var flow in flows)
        {
            flow.Release();
        }
    }
}
