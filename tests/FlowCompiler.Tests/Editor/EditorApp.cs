using FlowCompiler.Editor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCompiler.Tests.Editor;

/// <summary>A minimal panel app that maps the editor under <c>/flows</c>, served by the ASP.NET test server.</summary>
internal sealed class EditorApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EditorApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<EditorApp> StartAsync(Action<FlowEditorOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.MapOpenApi();
        app.MapFlowEditor("/flows", configure);
        await app.StartAsync();
        return new EditorApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
