using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Tests.Persistence;

namespace FlowCompiler.Tests.Hosting;

/// <summary>
/// Publishes that race each other from several hosts on one panel database (as several <c>flowc publish</c>
/// processes do): one content stores one version, different contents one version each. The store decides, so
/// no host's own look at the newest version can let a duplicate through.
/// </summary>
public sealed class ConcurrentPublishTests
{
    private const int Hosts = 4;

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public Task Concurrent_publishes_of_identical_content_store_one_version(PanelDatabaseProvider provider) =>
        WithHostsAsync(provider, async engines =>
        {
            var flow = HostFlows.LoginMail("login-mail", "same");

            var results = await Task.WhenAll(engines.Select(e => Task.Run(() => e.Host.PublishAsync(flow)))).WaitAsync(TimeSpan.FromMinutes(2));

            Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
            Assert.All(results, r => Assert.Equal(1, r.Version));
            Assert.Single(results, r => !r.Unchanged);
            var stored = Assert.Single(await engines[0].Host.ListAsync());
            Assert.Equal((1, true), (stored.Version, stored.Published));
        });

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public Task Concurrent_publishes_of_different_content_store_one_version_each(PanelDatabaseProvider provider) =>
        WithHostsAsync(provider, async engines =>
        {
            var results = await Task.WhenAll(engines.Select((e, i) => Task.Run(() => e.Host.PublishAsync(HostFlows.LoginMail("login-mail", $"content {i}")))))
                .WaitAsync(TimeSpan.FromMinutes(2));

            Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
            Assert.Equal(Enumerable.Range(1, Hosts), results.Select(r => r.Version).Order());
            var versions = await engines[0].Host.ListAsync();
            Assert.Equal(Enumerable.Range(1, Hosts), versions.Select(v => v.Version).Order());
            Assert.Equal(Hosts, Assert.Single(versions, v => v.Published).Version);
        });

    private static async Task WithHostsAsync(PanelDatabaseProvider provider, Func<IReadOnlyList<TestEngine>, Task> test)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var engines = new List<TestEngine>();
        try
        {
            for (var i = 0; i < Hosts; i++)
            {
                engines.Add(await TestEngine.StartAsync(new ActionSink(), migrated: database.Factory));
            }

            await test(engines);
        }
        finally
        {
            foreach (var engine in engines)
            {
                await engine.DisposeAsync();
            }
        }
    }
}
