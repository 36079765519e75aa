using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Panel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Actions.Http;

/// <summary>A failing <c>rest</c> request logs one warning line per attempt, never a stack trace.</summary>
public sealed class HttpLoggingTests
{
    [Theory]
    [InlineData("answering 503")]
    [InlineData("down")]
    public async Task Each_failed_attempt_is_one_warning_line_and_nothing_else_is_logged(string server)
    {
        await using var answering = await HttpTestServer.AnsweringAsync(503, "down for maintenance");
        var url = server == "down" ? $"http://127.0.0.1:{UnusedLoopbackPort.Find()}/api" : $"{answering.BaseUrl}/api?token=secret";
        var log = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        services.AddFlowHttp(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<HttpActionClient>();

        await Assert.ThrowsAsync<HttpActionException>(() => client.SendAsync(new HttpRequestSpec("lookup", url, "GET", "", null, []), CancellationToken.None));

        Assert.Equal(2, log.Lines.Count);
        Assert.All(log.Lines, line =>
        {
            Assert.StartsWith($"Warning {FlowLogCategories.Http}: GET http://127.0.0.1:", line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
        });
        Assert.Contains("attempt 1 of 3 failed", log.Lines[0], StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 3 failed", log.Lines[1], StringComparison.Ordinal);
    }
}
