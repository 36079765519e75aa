using System.Net.Http.Json;
using FlowCompiler.Editor;
using FlowCompiler.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Editor;

/// <summary>
/// A panel app with the engine on a fresh SQLite file (<c>AddFlowCompiler</c>, mail to an outbox folder) and the editor
/// under <c>/flows</c>, on the ASP.NET test server. <see cref="Client"/> carries the antiforgery cookie and header, as the page does.
/// </summary>
internal sealed class EditorPanel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private EditorPanel(WebApplication app, string folder, HttpClient client)
    {
        _app = app;
        _folder = folder;
        Client = client;
    }

    /// <summary>A client that sends the antiforgery token with every request.</summary>
    public HttpClient Client { get; }

    /// <summary>Where mails go (the outbox folder); a dry run writes nothing here.</summary>
    public string Outbox => Path.Combine(_folder, "outbox");

    public FlowHost Host => _app.Services.GetRequiredService<FlowHost>();

    /// <summary>A client with no antiforgery token, as a cross-site request would be.</summary>
    public HttpClient NewClientWithoutToken() => _app.GetTestClient();

    public static async Task<EditorPanel> StartAsync(Action<FlowEditorOptions>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("flowc-editor-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(EditorEngineSettings.In(folder));
        builder.Services.AddFlowCompiler(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery();
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.MapOpenApi();
        app.MapFlowEditor("/flows", configure);
        await app.StartAsync();

        var client = app.GetTestClient();
        var token = await client.GetAsync("/flows/api/antiforgery");
        if (token.IsSuccessStatusCode)
        {
            var body = await token.Content.ReadFromJsonAsync<AntiforgeryBody>();
            client.DefaultRequestHeaders.Add(body!.HeaderName, body.Token);
            var cookie = token.Headers.GetValues("Set-Cookie").Single();
            client.DefaultRequestHeaders.Add("Cookie", cookie[..cookie.IndexOf(';')]);
        }

        return new EditorPanel(app, folder, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed record AntiforgeryBody(string HeaderName, string Token);
}
