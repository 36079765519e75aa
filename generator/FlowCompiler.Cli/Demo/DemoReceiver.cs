using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Cli.Demo;

/// <summary>
/// The demo's stand-in for the internet: an HTTP server on 127.0.0.1 that receives every webhook and REST
/// call of the sample flows (see <see cref="DemoNetworkHandler"/>), records it, and answers the IPAM REST
/// lookup of <c>rest-vlan-lookup</c> the way the real service would.
/// </summary>
internal sealed class DemoReceiver : IAsyncDisposable
{
    /// <summary>The VLAN the demo's IPAM service hands out.</summary>
    public const int Vlan = 120;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private DemoReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(ReceiveAsync);
    }

    /// <summary>Where the receiver listens, e.g. <c>http://127.0.0.1:43121</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<DemoReceiver> StartAsync(CancellationToken ct)
    {
        var receiver = new DemoReceiver();
        await receiver._app.StartAsync(ct);
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseUri = new Uri(address);
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var host = context.Request.Headers[DemoNetworkHandler.OriginalHostHeader].ToString();
        _received.Enqueue(new ReceivedRequest(context.Request.Method, $"https://{host}{context.Request.Path}{context.Request.QueryString}", context.Request.ContentType, body));

        if (host == "ipam.example.com" && context.Request.Path == "/api/vlans")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$$"""{"vlan": {"id": {{{Vlan}}}, "name": "customers"}}""", context.RequestAborted);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the demo receiver got: method, the URL the flow addressed, content type and body.</summary>
internal sealed record ReceivedRequest(string Method, string Url, string? ContentType, string Body);
