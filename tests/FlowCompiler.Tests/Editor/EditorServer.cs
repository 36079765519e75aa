using FlowCompiler.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Editor;

/// <summary>
/// The editor mapped under <c>/flows</c> on real Kestrel at 127.0.0.1, on a free port, for a browser to open; the engine
/// runs beside it on a fresh SQLite file, mail going to an outbox folder.
/// </summary>
internal sealed class EditorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private EditorServer(WebApplication app, string folder, Uri page)
    {
        _app = app;
        _folder = folder;
        Page = page;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:41234/flows/</c>.</summary>
    public Uri Page { get; }

    /// <summary>The engine, to raise events as the panel would.</summary>
    public FlowHost Host => _app.Services.GetRequiredService<FlowHost>();

    public static async Task<EditorServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("flowc-page-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(EditorEngineSettings.In(folder));
        builder.Services.AddFlowCompiler(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.MapFlowEditor("/flows", options => options.Actor = context => context.Request.Headers["X-Test-Admin"].FirstOrDefault() ?? "admin");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EditorServer(app, folder, new Uri(address.TrimEnd('/') + "/flows/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
