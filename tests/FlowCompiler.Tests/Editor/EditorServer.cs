using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Editor;

/// <summary>The editor mapped under <c>/flows</c> on real Kestrel at 127.0.0.1, on a free port, for a browser to open.</summary>
internal sealed class EditorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EditorServer(WebApplication app, Uri page)
    {
        _app = app;
        Page = page;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:41234/flows/</c>.</summary>
    public Uri Page { get; }

    public static async Task<EditorServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.MapFlowEditor("/flows");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EditorServer(app, new Uri(address.TrimEnd('/') + "/flows/"));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
