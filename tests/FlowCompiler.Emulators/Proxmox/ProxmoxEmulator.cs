using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using FlowCompiler.Runtime.Proxmox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// A Proxmox VE API on 127.0.0.1 (random port) for tests: guests, tasks and HA resources in memory, the token
/// checked, every parameter verified, every request recorded, and faults on demand.
/// </summary>
internal sealed class ProxmoxEmulator : IAsyncDisposable
{
    public const string TokenId = "panel@pve!modify";
    public const string TokenSecret = "8d2c9e4f-1b7a-4e6d-9c3b-5a0f7e2d1c48";

    private const string ApiRoot = "/api2/json";

    private readonly WebApplication _app;
    private readonly EmulatorRouter _router;
    private readonly CancellationTokenSource _stopping = new();

    private ProxmoxEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        State = state;
        _router = new EmulatorRouter(state);
        app.Run(HandleAsync);
    }

    public EmulatorState State { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => State.Requests;

    /// <summary>Starts the emulator; with a certificate it speaks HTTPS, as Proxmox does.</summary>
    public static async Task<ProxmoxEmulator> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            // HTTP/1.1 only: the reason phrase, where older Proxmox servers put their error text, exists only there.
            listen.Protocols = HttpProtocols.Http1;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));

        var emulator = new ProxmoxEmulator(builder.Build(), new EmulatorState(TokenId));
        await emulator._app.StartAsync();
        var address = emulator._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        emulator.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return emulator;
    }

    /// <summary>Adds a guest with its configuration lines, in file order.</summary>
    public EmulatedGuest AddGuest(int vmid, string node, string type, bool running, params (string Key, string Value)[] config)
    {
        var guest = new EmulatedGuest(vmid, node, type, running);
        foreach (var (key, value) in config)
        {
            guest.Config[key] = value;
        }

        lock (State.Gate)
        {
            State.Guests[vmid] = guest;
        }

        return guest;
    }

    public EmulatedGuest Guest(int vmid)
    {
        lock (State.Gate)
        {
            return State.Guests[vmid];
        }
    }

    /// <summary>Client options pointing at the emulator, with short limits so that no test can hang.</summary>
    public ProxmoxOptions ClientOptions(string secret = TokenSecret, TimeSpan? timeout = null, TimeSpan? taskWaitLimit = null) => new()
    {
        BaseUrl = BaseUrl,
        TokenId = TokenId,
        TokenSecret = secret,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        TaskPollInterval = TimeSpan.FromMilliseconds(10),
        TaskWaitLimit = taskWaitLimit ?? TimeSpan.FromSeconds(10),
    };

    public ProxmoxClient CreateClient(string secret = TokenSecret, TimeSpan? timeout = null, TimeSpan? taskWaitLimit = null) =>
        new(ClientOptions(secret, timeout, taskWaitLimit));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        State.Record(request);

        if (State.TakeFault(request) is { } fault)
        {
            if (fault.Hangs)
            {
                await HangAsync(context);
                return;
            }

            await WriteAsync(context, EmulatorResponse.Error(fault.Status, fault.Message, fault.Errors));
            return;
        }

        if (request.Authorization != $"PVEAPIToken={TokenId}={TokenSecret}")
        {
            // Proxmox answers a failed authentication with the reason in the status line and no body.
            context.Response.StatusCode = 401;
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase =
                request.Authorization is null ? "No ticket" : "invalid token value!";
            return;
        }

        await WriteAsync(context, context.Request.Path.StartsWithSegments(ApiRoot) ? await _router.DispatchAsync(request, context.RequestAborted) : EmulatorResponse.Error(404, "Not Found"));
    }

    private async Task HangAsync(HttpContext context)
    {
        using var until = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, until.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping: nothing left to answer.
        }
    }

    private static async Task<RecordedRequest> ReadAsync(HttpContext context)
    {
        var path = context.Request.Path.StartsWithSegments(ApiRoot, out var below) ? below.Value ?? "" : context.Request.Path.Value ?? "";

        var parameters = context.Request.Query
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? "")))
            .ToList();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            parameters.AddRange(form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))));
        }

        var authorization = context.Request.Headers.Authorization;
        return new RecordedRequest(
            context.Request.Method,
            path,
            parameters,
            authorization.Count == 0 ? null : authorization.ToString(),
            context.Request.ContentType);
    }

    private async Task WriteAsync(HttpContext context, EmulatorResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = response.Reason.Split('\n')[0];
        context.Response.ContentType = "application/json;charset=UTF-8";

        var body = new JsonObject { ["data"] = response.Data?.DeepClone() };
        if (response.Message is not null && !State.LegacyErrorBodies)
        {
            body["message"] = response.Message + "\n";
        }

        if (response.Errors is { Count: > 0 })
        {
            body["errors"] = new JsonObject(response.Errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));
        }

        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
