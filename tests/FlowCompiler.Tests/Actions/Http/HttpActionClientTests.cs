using System.Text;
using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Execution;
using Microsoft.AspNetCore.Http;
using FlowCompiler.Tests.Panel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Actions.Http;

public sealed class HttpActionClientTests : IDisposable
{
    private readonly CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));
    private readonly List<ServiceProvider> providers = [];

    public static TheoryData<string> HostileBodies => new()
    {
        "{\"host\": \"web-1\", \"cores\": 4}",
        "ä 😀 漢字 \u2028\u2029 \u0085",
        "\"quotes\" \\backslash\\ \0nul \t tab",
        "line\r\nX-Injected: 1\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: evil\r\n\r\n",
        "lone surrogate \ud800 end",
        "",
    };

    public void Dispose()
    {
        providers.ForEach(p => p.Dispose());
        deadline.Dispose();
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Sends_the_body_as_exact_UTF8_bytes_without_a_byte_order_mark(string content)
    {
        await using var server = await HttpTestServer.AnsweringAsync(204);
        var client = Client();

        await client.SendAsync(Request(server, "POST", content) with { ContentType = "application/json" }, deadline.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/servers/1", request.PathAndQuery);
        Assert.Equal(Encoding.UTF8.GetBytes(content), request.Body);
        Assert.False(request.Body.AsSpan().StartsWith("\uFEFF"u8));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/vnd.panel+json; version=2")]
    public async Task Sends_the_content_type_exactly_as_given(string contentType)
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        await client.SendAsync(Request(server, "PUT", "{}") with { ContentType = contentType }, deadline.Token);

        Assert.Equal(contentType, Assert.Single(server.Requests).ContentType);
    }

    [Theory]
    [InlineData("text/plain", "text/plain; charset=utf-8")]
    [InlineData("TEXT/CSV", "TEXT/CSV; charset=utf-8")]
    [InlineData("text/plain; format=flowed", "text/plain; format=flowed; charset=utf-8")]
    public async Task A_text_body_without_a_charset_is_sent_as_utf8_and_says_so(string contentType, string sent)
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        await client.SendAsync(Request(server, "POST", "Grüße ä 😀") with { ContentType = contentType }, deadline.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal(sent, request.ContentType);
        Assert.Equal(Encoding.UTF8.GetBytes("Grüße ä 😀"), request.Body);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("post")]
    public async Task Sends_the_method(string method)
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        await client.SendAsync(Request(server, method), deadline.Token);

        Assert.Equal(method.ToUpperInvariant(), Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task A_request_without_content_has_no_body_and_no_content_type()
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        await client.SendAsync(Request(server, "GET") with { ContentType = "application/json" }, deadline.Token);

        var request = Assert.Single(server.Requests);
        Assert.Empty(request.Body);
        Assert.Null(request.ContentType);
    }

    [Fact]
    public async Task Header_values_lose_their_line_breaks_so_they_cannot_add_headers()
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();
        var headers = new Dictionary<string, string>
        {
            ["X-Note"] = "first\r\nX-Injected: evil\nsecond\r",
            ["X-Server"] = "web-ä-😀",
            ["Authorization"] = "Bearer abc",
        };

        await client.SendAsync(Request(server, "POST", "{}") with { Headers = [.. headers] }, deadline.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("firstX-Injected: evilsecond", request.Headers["X-Note"]);
        Assert.False(request.Headers.ContainsKey("X-Injected"));
        Assert.Equal("web-%C3%A4-%F0%9F%98%80", request.Headers["X-Server"]);
        Assert.Equal("Bearer abc", request.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("Grüße 100% ä", "Gr%C3%BC%C3%9Fe 100%25 %C3%A4")]
    [InlineData("tab\tand \u0001 control\u007F", "tab\tand %01 control%7F")]
    [InlineData("emoji 😀", "emoji %F0%9F%98%80")]
    [InlineData("plain ASCII: 100% done ~!", "plain ASCII: 100% done ~!")]
    public async Task Header_values_beyond_printable_ASCII_go_out_percent_encoded_as_UTF8(string value, string sent)
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        await client.SendAsync(Request(server, "POST", "{}") with { Headers = [KeyValuePair.Create("X-Note", value)] }, deadline.Token);

        var received = Assert.Single(server.Requests).Headers["X-Note"];
        Assert.Equal(sent, received);
        Assert.All(received, c => Assert.True(c is '\t' or (>= ' ' and <= '~'), $"U+{(int)c:X4} went out raw"));
        Assert.Equal(value, Uri.UnescapeDataString(received));
    }

    // Not theory data: xUnit's serialization would turn the lone surrogate into replacement characters.
    [Fact]
    public async Task A_lone_surrogate_in_a_header_value_goes_out_as_an_encoded_replacement_character()
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        await client.SendAsync(Request(server, "POST", "{}") with { Headers = [KeyValuePair.Create("X-Note", "lone \ud800 end")] }, deadline.Token);

        Assert.Equal("lone %EF%BF%BD end", Assert.Single(server.Requests).Headers["X-Note"]);
    }

    [Theory]
    [InlineData("Content-Length", "2")]
    [InlineData("content-type", "text/html")]
    [InlineData("Host", "evil.example")]
    [InlineData("Transfer-Encoding", "chunked")]
    [InlineData("Connection", "close")]
    public async Task Headers_the_transport_sets_are_refused_before_sending(string name, string value)
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => client.SendAsync(Request(server, "POST", "{}") with { Headers = [KeyValuePair.Create(name, value)] }, deadline.Token));

        Assert.Contains($"Header '{name}' is set by the HTTP transport", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Body_headers_go_with_the_body()
    {
        await using var server = await HttpTestServer.AnsweringAsync(200);
        var client = Client();
        var headers = new Dictionary<string, string> { ["Content-Language"] = "de" };

        await client.SendAsync(Request(server, "POST", "{}") with { ContentType = "application/json", Headers = [.. headers] }, deadline.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("de", request.Headers["Content-Language"]);
        Assert.Equal("application/json", request.ContentType);
    }

    [Fact]
    public async Task A_non_2xx_answer_fails_with_the_status_and_the_start_of_the_body()
    {
        var page = "<html>\n  <body>Not here</body>\n</html>" + new string('x', 1000);
        await using var server = await HttpTestServer.AnsweringAsync(404, page, "text/html");
        var client = Client();

        var error = await Assert.ThrowsAsync<HttpActionException>(
            () => client.SendAsync(Request(server, "POST", "{}") with { Url = $"{server.BaseUrl}/hooks?token=s3cr3t" }, deadline.Token));

        Assert.Equal(404, error.StatusCode);
        Assert.StartsWith("<html> <body>Not here</body> </html>xxx", error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.True(error.ResponseExcerpt!.Length <= 201);
        Assert.StartsWith($"POST {server.BaseUrl}/hooks answered 404 Not Found: <html>", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Idempotent_requests_are_retried_after_503_until_they_succeed(string method)
    {
        await using var server = await HttpTestServer.StartAsync(async (context, attempt) =>
        {
            context.Response.StatusCode = attempt <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            await context.Response.WriteAsync($"attempt {attempt}");
        });
        var client = Client();

        await client.SendAsync(Request(server, method, "{\"same\": true}"), deadline.Token);

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("{\"same\": true}", Encoding.UTF8.GetString(r.Body)));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task Requests_that_are_not_idempotent_are_never_retried(string method)
    {
        await using var server = await HttpTestServer.AnsweringAsync(503, "down for maintenance");
        var client = Client();

        var error = await Assert.ThrowsAsync<HttpActionException>(
            () => client.SendAsync(Request(server, method, "{}"), deadline.Token));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("down for maintenance", error.ResponseExcerpt);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        await using var server = await HttpTestServer.AnsweringAsync(500, "broken");
        var client = Client(o => o.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAsync<HttpActionException>(() => client.SendAsync(Request(server, "GET"), deadline.Token));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_fails_the_request()
    {
        await using var server = await HttpTestServer.StartAsync(NeverAnswerAsync);
        var client = Client(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<HttpActionException>(() => client.SendAsync(Request(server, "POST", "{}"), deadline.Token));

        Assert.Contains("got no answer within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task An_idempotent_request_that_times_out_is_retried()
    {
        await using var server = await HttpTestServer.StartAsync(NeverAnswerAsync);
        var client = Client(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetryAttempts = 2;
        });

        var error = await Assert.ThrowsAsync<HttpActionException>(() => client.SendAsync(Request(server, "GET"), deadline.Token));

        Assert.Contains("got no answer within 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task The_total_timeout_bounds_all_attempts_together()
    {
        await using var server = await HttpTestServer.StartAsync(NeverAnswerAsync);
        var client = Client(o => o.TotalTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<HttpActionException>(() => client.SendAsync(Request(server, "GET"), deadline.Token));

        Assert.Contains("got no answer within 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_down_fails_clearly()
    {
        var url = $"http://127.0.0.1:{UnusedLoopbackPort.Find()}/hooks";
        var client = Client(o => o.MaxRetryAttempts = 1);

        var error = await Assert.ThrowsAsync<HttpActionException>(
            () => client.SendAsync(Request(url, "GET"), deadline.Token));

        Assert.StartsWith($"GET {url} failed: Connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the server is up", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_server_that_is_down_is_one_log_line_per_retried_attempt_without_a_stack_trace()
    {
        var url = $"http://127.0.0.1:{UnusedLoopbackPort.Find()}/hooks";
        var logs = new RecordingLoggerProvider();
        var client = Client(o => o.MaxRetryAttempts = 2, logs);

        await Assert.ThrowsAsync<HttpActionException>(() => client.SendAsync(Request(url + "?token=secret", "GET"), deadline.Token));

        // Warnings and errors are what flowc writes to stderr.
        var shown = logs.Lines.Where(l => l.Split(' ')[0] is "Warning" or "Error" or "Critical").ToList();
        Assert.Equal(2, shown.Count);
        Assert.All(shown, line => Assert.DoesNotContain("\n", line, StringComparison.Ordinal));
        Assert.StartsWith($"Warning {FlowLogCategories.Http}: GET {url}: attempt 1 of 3 failed: Connection refused", shown[0], StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 3 failed", shown[1], StringComparison.Ordinal);
        Assert.DoesNotContain(shown, l => l.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_returns_the_JSON_answer()
    {
        await using var server = await HttpTestServer.AnsweringAsync(200, "{\"id\": 7, \"name\": \"Grüße 😀\", \"tags\": [\"vip\"]}", "application/json; charset=utf-8");
        var client = Client();

        var json = await client.SendForJsonAsync(Request(server, "GET"), deadline.Token);

        Assert.Equal(7, json.GetProperty("id").GetInt32());
        Assert.Equal("Grüße 😀", json.GetProperty("name").GetString());
        Assert.Equal("vip", json.GetProperty("tags")[0].GetString());
    }

    [Theory]
    [InlineData("<html><body>Login required</body></html>", "is not JSON")]
    [InlineData("{\"id\": 7", "is not JSON")]
    [InlineData("", "empty body")]
    public async Task Rest_fails_clearly_when_the_answer_is_not_JSON(string body, string expected)
    {
        await using var server = await HttpTestServer.AnsweringAsync(200, body, "text/html");
        var client = Client();

        var error = await Assert.ThrowsAsync<HttpActionException>(() => client.SendForJsonAsync(Request(server, "GET"), deadline.Token));

        Assert.Contains("answered 200", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(body, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com/x", "GET", "is not an absolute http or https URL")]
    [InlineData("/relative", "GET", "is not an absolute http or https URL")]
    [InlineData("http://127.0.0.1/x", "GET /", "is not an HTTP method")]
    public async Task An_unusable_request_is_refused_before_sending(string url, string method, string expected)
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => client.SendAsync(Request(url, method), deadline.Token));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    // Holds the request open until the client gives up (or 30 s pass), so the test server always stops.
    private static async Task NeverAnswerAsync(HttpContext context, int attempt)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static HttpRequestSpec Request(HttpTestServer server, string method, string? content = null) =>
        Request($"{server.BaseUrl}/hooks/servers/1", method, content);

    private static HttpRequestSpec Request(string url, string method, string? content = null) =>
        new("hook", url, method, "", content, []);

    // Short waits between retries keep the suite fast; the behaviour is the same as with the defaults.
    private HttpActionClient Client(Action<HttpActionOptions>? configure = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        services.AddFlowHttp(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider.GetRequiredService<HttpActionClient>();
    }
}
