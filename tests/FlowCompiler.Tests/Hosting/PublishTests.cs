using System.Security.Cryptography;
using System.Text;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Runtime.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlowCompiler.Tests.Hosting;

public sealed class PublishTests
{
    [Fact]
    public async Task A_published_flow_runs_on_its_event_and_the_run_is_recorded()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions);

        var published = await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "first"));
        var runs = await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));
        await engine.Host.FlushRecordsAsync();

        Assert.True(published.Succeeded);
        Assert.Equal(1, published.Version);
        var run = Assert.Single(runs);
        Assert.Equal(("login-mail", 1, RunStatus.Succeeded), (run.FlowId, run.Version, run.Result.Status));
        Assert.Equal("first for Ada Lovelace", Assert.Single(actions.Mails).Subject);
        var record = Assert.Single(await engine.Runs.ReadAsync(null, failedOnly: false, limit: 10, CancellationToken.None));
        Assert.Equal((run.RunId, "login-mail", 1, "account.login", RunStatus.Succeeded), (record.Id, record.FlowId, record.FlowVersion, record.EventName, record.Status));
        Assert.Equal(["trigger", "known", "mail"], record.Nodes.Select(n => n.NodeId));
        Assert.Equal("true", record.Nodes[1].Port);
        Assert.Null(record.EventPayload);
    }

    [Fact]
    public async Task An_invalid_flow_is_refused_with_diagnostics_and_the_running_version_stays()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "good"));

        var broken = Encoding.UTF8.GetString(HostFlows.LoginMail("login-mail", "broken")).Replace("\"field\": \"id\"", "\"field\": \"idd\"");
        var refused = await engine.Host.PublishAsync(Encoding.UTF8.GetBytes(broken));
        await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Diagnostics, d => d.NodeId == "known" && d.Message.Contains("idd", StringComparison.Ordinal));
        Assert.Equal("good for Ada Lovelace", Assert.Single(actions.Mails).Subject);
        Assert.Equal([1], (await engine.Host.ListAsync()).Select(v => v.Version));
    }

    [Fact]
    public async Task Versions_can_be_listed_exported_rolled_back_and_unpublished()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions);
        var first = await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "one"));
        var second = await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "two"));
        var again = await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "two"));

        Assert.Equal((1, 2, 2), (first.Version, second.Version, again.Version));
        Assert.True(again.Unchanged);
        Assert.Contains("\"name\": \"Login mail one\"", await engine.Host.ExportAsync("login-mail", 1));
        Assert.Contains("\"name\": \"Login mail two\"", await engine.Host.ExportAsync("login-mail"));
        Assert.Null(await engine.Host.ExportAsync("login-mail", 3));

        var rolledBack = await engine.Host.RollbackAsync("login-mail", 1);
        await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));
        var versions = await engine.Host.ListAsync();

        Assert.True(rolledBack.Succeeded);
        Assert.Equal("one for Ada Lovelace", Assert.Single(actions.Mails).Subject);
        Assert.Equal([(1, true), (2, false)], versions.Select(v => (v.Version, v.Published)));

        Assert.True(await engine.Host.UnpublishAsync("login-mail"));
        Assert.Empty(await engine.Host.RaiseAsync("account.login", HostFlows.Login(100)));
        Assert.DoesNotContain(await engine.Host.ListAsync(), v => v.Published);
    }

    [Fact]
    public async Task A_new_host_on_the_same_database_loads_the_published_flows_from_the_cache()
    {
        var actions = new ActionSink();
        var database = Path.Combine(Directory.CreateTempSubdirectory("flowc-restart-").FullName, "panel.db");
        await using (var first = await TestEngine.StartAsync(actions, databaseFile: database))
        {
            await first.Host.PublishAsync(HostFlows.LoginMail("login-mail", "kept"));
            await first.Host.PublishAsync(HostFlows.LoginMail("other-mail", "unpublished"));
            await first.Host.UnpublishAsync("other-mail");
        }

        await using var second = await TestEngine.StartAsync(actions, databaseFile: database, start: false);
        var (loaded, cacheHits, _, _) = await second.Host.StartAsync();
        var runs = await second.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.Equal((1, 1), (loaded, cacheHits));
        Assert.Equal("login-mail", Assert.Single(runs).FlowId);
    }

    [Fact]
    public async Task A_flow_whose_assembly_will_not_load_is_refused_and_never_stored_as_published()
    {
        // A cache entry that passes the hash manifest and the audit but lacks the flow's class: the load fails.
        var cache = Directory.CreateTempSubdirectory("flowc-broken-cache-").FullName;
        var json = HostFlows.LoginMail("login-mail", "broken-cache");
        PlantEntryWithoutTheFlowClass(cache, json);
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, cache: new FlowCache(cache));

        var refused = await engine.Host.PublishAsync(json);
        var runs = await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.False(refused.Succeeded);
        Assert.StartsWith("Flow 'login-mail' compiled but could not be loaded, so it was not published:", refused.Error, StringComparison.Ordinal);
        Assert.Empty(await engine.Host.ListAsync());
        Assert.Empty(engine.Host.Active);
        Assert.Empty(runs);
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_written_fails_the_publish_and_the_host_keeps_running()
    {
        // Without tiered activation the publish waits for the compile, and so for the cache (tiered: the flow stays interpreted).
        var folder = Path.Combine(Directory.CreateTempSubdirectory("flowc-unwritable-cache-").FullName, "cache");
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, new FlowCompiler.Hosting.FlowHostOptions { TieredActivation = false }, cache: new FlowCache(folder));
        Assert.True((await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "kept " + Guid.NewGuid()))).Succeeded);

        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "a file where the cache folder was");
        var refused = await engine.Host.PublishAsync(HostFlows.LoginMail("other-mail", "new " + Guid.NewGuid()));
        var runs = await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));

        Assert.False(refused.Succeeded);
        Assert.Equal($"Flow 'other-mail' compiled, but its assembly cannot be kept: the compile cache folder '{folder}' cannot be written: it is a file, not a folder. Check FlowCompiler:CacheDirectory.", refused.Error);
        Assert.Equal(["login-mail"], (await engine.Host.ListAsync()).Select(v => v.FlowId));
        Assert.Equal("login-mail", Assert.Single(runs).FlowId);

        File.Delete(folder);
        var again = await engine.Host.PublishAsync(HostFlows.LoginMail("other-mail", "again " + Guid.NewGuid()));
        Assert.True(again.Succeeded, again.Error);
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public async Task A_flow_saved_with_a_utf8_byte_order_mark_publishes_and_a_utf16_one_is_refused_saying_so()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions);
        var json = HostFlows.LoginMail("login-mail", "bom");

        var published = await engine.Host.PublishAsync(Encoding.UTF8.GetPreamble().Concat(json).ToArray());
        var refused = await engine.Host.PublishAsync(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(json)));

        Assert.True(published.Succeeded);
        Assert.False(refused.Succeeded);
        Assert.Contains("saved as UTF-16 (little-endian), but it must be UTF-8", Assert.Single(refused.Diagnostics).Message, StringComparison.Ordinal);
    }

    private static void PlantEntryWithoutTheFlowClass(string folder, byte[] json)
    {
        var validation = FlowValidator.Validate(json);
        var key = ContentHash.Of(FlowDocumentWriter.WriteUtf8(validation.Document!));
        var compilation = CSharpCompilation.Create(
            "NotAFlow", [CSharpSyntaxTree.ParseText("public static class NotAFlow { }")], FlowReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var (dll, pdb, source) = (image.ToArray(), Array.Empty<byte>(), Encoding.UTF8.GetBytes("// not the flow"));
        File.WriteAllBytes(Path.Combine(folder, key + ".dll"), dll);
        File.WriteAllBytes(Path.Combine(folder, key + ".pdb"), pdb);
        File.WriteAllBytes(Path.Combine(folder, key + FlowCache.SourceExtension), source);
        File.WriteAllText(Path.Combine(folder, key + ".sha256"), string.Concat(new[] { dll, pdb, source }.Select(b => Convert.ToHexStringLower(SHA256.HashData(b)) + "\n")));
    }
}
