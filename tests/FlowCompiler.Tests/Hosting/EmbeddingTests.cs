using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Hosting;

/// <summary>The engine as a panel embeds it: the options builder, <see cref="IFlowHost"/>, readiness, typed events.</summary>
public sealed class EmbeddingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flowc-embed-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_options_builder_starts_the_engine_and_publishes_the_flow_folder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "flows"));
        File.WriteAllBytes(Path.Combine(_root, "flows", "login-mail.json"), HostFlows.LoginMail("login-mail", "from-folder"));
        using var app = Build(o => o.UseSqlite("Data Source=panel.db").PublishFrom("flows").UseOutbox("outbox").UseCacheDirectory(TestEngine.SharedCache.Folder));

        await app.StartAsync();
        var flows = app.Services.GetRequiredService<IFlowHost>();
        var summary = await flows.Ready;
        var runs = await flows.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(7));
        await flows.FlushRecordsAsync();
        var records = await flows.ReadRunsAsync("login-mail");
        await app.StopAsync();

        Assert.Same(app.Services.GetRequiredService<FlowHost>(), flows);
        Assert.Equal((0, 0, 1, 0), (summary.Loaded, summary.CacheHits, summary.Published, summary.Failed.Count));
        Assert.Equal(RunStatus.Succeeded, Assert.Single(runs).Result.Status);
        Assert.Equal(Assert.Single(runs).RunId, Assert.Single(records).Id);
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "outbox"), "*.eml"));
        Assert.True(File.Exists(Path.Combine(_root, "panel.db")));
    }

    [Fact]
    public async Task A_second_start_publishes_nothing_new_from_an_unchanged_folder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "flows"));
        File.WriteAllBytes(Path.Combine(_root, "flows", "login-mail.json"), HostFlows.LoginMail("login-mail", "twice"));
        foreach (var expected in new[] { (Loaded: 0, CacheHits: 0, Published: 1), (Loaded: 1, CacheHits: 1, Published: 0) })
        {
            using var app = Build(o => o.UseSqlite("Data Source=panel.db").PublishFrom("flows").UseCacheDirectory(TestEngine.SharedCache.Folder));
            await app.StartAsync();
            var summary = await app.Services.GetRequiredService<IFlowHost>().Ready;
            // The first start serves the flow interpreted and compiles it behind; the second finds it in the cache.
            await app.Services.GetRequiredService<FlowHost>().WhenCompiledAsync();
            await app.StopAsync();

            Assert.Equal((expected.Loaded, expected.CacheHits, expected.Published, 0), (summary.Loaded, summary.CacheHits, summary.Published, summary.Failed.Count));
        }
    }

    [Theory]
    [InlineData("host", "FlowCompiler:Host:RunTimeout must be positive")]
    [InlineData("key", "FlowCompiler:Hots is not a setting or section")]
    [InlineData("database", "FlowCompiler:Database:Provider is not one of Sqlite, PostgreSql, SqlServer")]
    public async Task Settings_from_the_builder_are_checked_as_configured_ones_are(string setting, string expected)
    {
        using var app = Build(o =>
        {
            _ = setting switch
            {
                "host" => o.ConfigureHost(h => h.RunTimeout = TimeSpan.Zero),
                "key" => o.Set("Hots:RunTimeout", "00:01:00"),
                _ => o.Set("Database:Provider", "MySql"),
            };
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains(expected, error is AggregateException many ? string.Join("\n", many.InnerExceptions.Select(e => e.Message)) : error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_folder_that_does_not_exist_stops_start_up_naming_its_key_and_fails_ready()
    {
        using var app = Build(o => o.UseSqlite("Data Source=panel.db").PublishFrom("no-such-folder"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        var flows = app.Services.GetRequiredService<IFlowHost>();

        Assert.Contains("FlowCompiler:Host:PublishDirectory", error.Message, StringComparison.Ordinal);
        Assert.False(flows.IsReady);
        await Assert.ThrowsAsync<InvalidOperationException>(() => flows.Ready);
        var raise = await Assert.ThrowsAsync<InvalidOperationException>(() => flows.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(1)).AsTask());
        Assert.Contains("failed to start", raise.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_before_start_up_finished_is_an_error_not_zero_runs()
    {
        await using var engine = await TestEngine.StartAsync(new ActionSink(), start: false);

        var raise = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Host.RaiseAsync("account.login", HostFlows.Login(1)).AsTask());
        var enqueue = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(1)).AsTask());

        Assert.Contains("has not finished starting", raise.Message, StringComparison.Ordinal);
        Assert.Contains("IFlowHost.Ready", enqueue.Message, StringComparison.Ordinal);
        Assert.False(engine.Host.Ready.IsCompleted);
        await engine.Host.StartAsync();
        Assert.True(engine.Host.IsReady);
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Host.StartAsync());
    }

    [Fact]
    public async Task A_null_payload_or_event_name_is_an_argument_null_exception()
    {
        await using var engine = await TestEngine.StartAsync(new ActionSink());

        await Assert.ThrowsAsync<ArgumentNullException>(() => engine.Host.RaiseAsync("account.login", null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => engine.Host.EnqueueAsync("account.login", null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => engine.Host.RaiseAsync(null!, HostFlows.Login(1)).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => engine.Host.RaiseAsync(FlowEvents.AccountLogin, null!).AsTask());
    }

    [Fact]
    public async Task Typed_events_raise_and_enqueue_by_their_descriptor()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "typed"));
        IFlowHost flows = engine.Host;

        var runs = await flows.RaiseAsync(FlowEvents.AccountLogin, HostFlows.Login(3));
        var queued = await flows.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(4));
        var unheard = await flows.RaiseAsync(FlowEvents.ServerCreated, new ServerEvent { Id = 1 });

        Assert.Equal("account.login", Assert.Single(runs).EventName);
        Assert.Equal(1, queued);
        Assert.Empty(unheard);
    }

    [Fact]
    public void Every_event_of_the_catalog_has_a_typed_descriptor_of_its_payload()
    {
        var descriptors = typeof(FlowEvents).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(FlowEvent<>))
            .Select(p => (FlowEvent)p.GetValue(null)!)
            .ToList();

        Assert.Equal(FlowEvents.All, descriptors);
        Assert.All(descriptors, e => Assert.Equal(e.PayloadType, e.GetType().GetGenericArguments()[0]));
        Assert.Equal("account.registration", FlowEvents.AccountRegistration.Name);
    }

    private IHost Build(Action<FlowCompilerBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Logging.ClearProviders();
        builder.Services.AddFlowCompiler(configure);
        return builder.Build();
    }
}
