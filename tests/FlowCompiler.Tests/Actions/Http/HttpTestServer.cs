using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Actions.Http;

/// <summary>
/// Kestrel inside the test process on 127.0.0.1 and a port the OS picks. It records every request, then lets
/// the test answer it; <c>attempt</c> counts from 1. Disposing it stops it.
/// </summary>
internal sealed class HttpTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private HttpTestServer(Func<HttpContext, int, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);

            // Header values are UTF-8 on our side; read them back the same way.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
        });

        app = builder.Build();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.ContentType,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await respond(context, requests.Count);
        });
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<HttpTestServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var server = new HttpTestServer(respond);
        await server.app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        server.BaseUrl = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return server;
    }

    /// <summary>A server answering every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static Task<HttpTestServer> AnsweringAsync(int status, string body = "", string contentType = "text/plain") =>
        StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await app.DisposeAsync();
    }
}
