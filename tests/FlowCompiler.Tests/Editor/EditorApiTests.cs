using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowCompiler.Editor;
using FlowCompiler.Generator.Model;
using FlowCompiler.Tests.Compiler;

namespace FlowCompiler.Tests.Editor;

public sealed class EditorApiTests
{
    [Fact]
    public async Task The_catalog_lists_every_event_node_type_and_table_with_types()
    {
        await using var app = await EditorApp.StartAsync();

        using var catalog = JsonDocument.Parse(await app.Client.GetStringAsync("/flows/api/catalog"));

        var root = catalog.RootElement;
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Runtime.Events.FlowEvents.All.Select(e => e.Name), events.Select(e => e.GetProperty("name").GetString()));
        var server = events.Single(e => e.GetProperty("name").GetString() == "server.created");
        Assert.Contains(server.GetProperty("fields").EnumerateArray(), f => f.GetProperty("path").GetString() == "charges.amount" && f.GetProperty("type").GetString() == "decimal");

        var types = root.GetProperty("nodeTypes").EnumerateArray().ToList();
        Assert.Equal(NodeTypes.All.Select(t => t.Type), types.Select(t => t.GetProperty("type").GetString()));
        var filter = types.Single(t => t.GetProperty("type").GetString() == "filter");
        Assert.Equal(["true", "false"], filter.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
        var mail = types.Single(t => t.GetProperty("type").GetString() == "sendMail");
        var subject = mail.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "subject");
        Assert.True(subject.GetProperty("template").GetBoolean());
        Assert.True(subject.GetProperty("required").GetBoolean());

        var users = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "users");
        Assert.Contains(users.GetProperty("columns").EnumerateArray(), c => c.GetProperty("path").GetString() == "email");
    }

    [Fact]
    public async Task Analyze_returns_the_diagnostics_and_the_typed_scope_of_every_node_even_with_errors()
    {
        await using var app = await EditorApp.StartAsync();
        var flow = CompilerTestFlows.SampleText("addon-charge-mail").Replace("{{owner.email}}", "{{owner.emial}}", StringComparison.Ordinal);

        using var response = await app.Client.PostAsync("/flows/api/analyze", Json(flow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var analysis = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostic = Assert.Single(analysis.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("confirm", diagnostic.GetProperty("nodeId").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Contains("email", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);

        var confirm = analysis.RootElement.GetProperty("scopes").GetProperty("confirm").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal("string", confirm["owner.email"]);
        Assert.Equal("string", confirm["hostname"]);
        // Below the filter's true port, charges is narrowed to the charge that passed.
        Assert.DoesNotContain("array", confirm["charges"], StringComparison.Ordinal);
        Assert.Equal("decimal", confirm["charges.amount"]);
        var trigger = analysis.RootElement.GetProperty("scopes").GetProperty("trigger").EnumerateArray().Select(f => f.GetProperty("path").GetString());
        Assert.DoesNotContain("owner", trigger);
    }

    [Fact]
    public async Task Emit_returns_the_generated_code_with_the_lines_of_each_node()
    {
        await using var app = await EditorApp.StartAsync();

        using var response = await app.Client.PostAsync("/flows/api/emit", Json(CompilerTestFlows.SampleText("vip-server-webhook")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var lines = code.RootElement.GetProperty("source").GetString()!.Split('\n');
        var notify = code.RootElement.GetProperty("nodes").GetProperty("notify");
        Assert.StartsWith("// [node notify] webhook", lines[notify.GetProperty("startLine").GetInt32() - 1].Trim(), StringComparison.Ordinal);
        Assert.True(notify.GetProperty("endLine").GetInt32() > notify.GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task Emit_of_an_invalid_flow_is_a_problem_with_its_diagnostics()
    {
        await using var app = await EditorApp.StartAsync();

        using var response = await app.Client.PostAsync("/flows/api/emit", Json("""{ "format": "flowc/1", "id": "x" """));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(422, problem.RootElement.GetProperty("status").GetInt32());
        var diagnostic = problem.RootElement.GetProperty("diagnostics").EnumerateArray().First();
        Assert.Equal("FLOW0001", diagnostic.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_without_reading_it_all()
    {
        await using var app = await EditorApp.StartAsync();
        var huge = new ByteArrayContent(new byte[FlowLimits.MaxDocumentBytes + 1]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await app.Client.PostAsync("/flows/api/analyze", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_authorization_hook_sees_each_operation_and_a_denial_is_403()
    {
        var asked = new List<EditorOperation>();
        await using var app = await EditorApp.StartAsync(o => o.Authorize = (_, operation) =>
        {
            lock (asked)
            {
                asked.Add(operation);
            }

            return ValueTask.FromResult(false);
        });

        using var response = await app.Client.GetAsync("/flows/api/catalog");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([EditorOperation.Read], asked);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_editor_endpoints()
    {
        await using var app = await EditorApp.StartAsync();

        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/flows/api/catalog", out _));
        Assert.True(paths.GetProperty("/flows/api/analyze").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/flows/api/emit").TryGetProperty("post", out _));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_page_is_served_compressed_with_validators_and_the_right_cache_lifetimes()
    {
        await using var app = await EditorApp.StartAsync();

        using var bare = await app.Client.GetAsync("/flows?flow=vip");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/flows/?flow=vip", bare.Headers.Location?.OriginalString);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/flows/");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var index = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("gzip", Assert.Single(index.Content.Headers.ContentEncoding));
        Assert.True(index.Headers.CacheControl?.NoCache);
        var html = await Gunzip(index);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"\\./(assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var asset = await app.Client.GetAsync("/flows/" + script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/flows/" + script);
        again.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
        using var notModified = await app.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_pages_javascript_stays_within_its_350_KB_gzip_budget()
    {
        await using var app = await EditorApp.StartAsync();
        var html = await app.Client.GetStringAsync("/flows/");
        var total = 0L;
        foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "(assets/[^\"]+\\.js)"))
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, "/flows/" + script.Value);
            get.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await app.Client.SendAsync(get);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.InRange(total, 1, 350 * 1024);
    }

    private static async Task<string> Gunzip(HttpResponseMessage response)
    {
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }
}
