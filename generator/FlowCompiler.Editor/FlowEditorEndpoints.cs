using FlowCompiler.Editor;
using FlowCompiler.Editor.Api;
using FlowCompiler.Editor.Drafts;
using FlowCompiler.Hosting;
using FlowCompiler.Editor.Page;
using FlowCompiler.Generator.Emit;
using FlowCompiler.Generator.Validation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the flow editor's HTTP API into a panel's app in one call.</summary>
public static class FlowEditorEndpoints
{
    /// <summary>
    /// Maps the editor's page at <c>{prefix}/</c> and its API under <c>{prefix}/api</c>, and returns the route group, so the panel can add its
    /// own <c>RequireAuthorization(...)</c>. Options come from <c>services.Configure&lt;FlowEditorOptions&gt;</c>
    /// (or <paramref name="configure"/>); every endpoint is checked against <see cref="FlowEditorOptions.Authorize"/>
    /// and <see cref="FlowEditorOptions.ReadOnly"/>. Errors are <c>application/problem+json</c>.
    /// </summary>
    /// <param name="app">The app's endpoints.</param>
    /// <param name="prefix">Where the editor lives, e.g. <c>/flows</c>; empty for the root.</param>
    /// <param name="configure">Changes to the options for this mapping.</param>
    public static RouteGroupBuilder MapFlowEditor(this IEndpointRouteBuilder app, string prefix = "", Action<FlowEditorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetService<IOptions<FlowEditorOptions>>()?.Value ?? new FlowEditorOptions();
        configure?.Invoke(options);

        if (options.Antiforgery && app.ServiceProvider.GetService<IAntiforgery>() is null)
        {
            throw new InvalidOperationException(
                "The flow editor protects its writes with antiforgery tokens: call builder.Services.AddAntiforgery(), or set FlowEditorOptions.Antiforgery = false when its API is authenticated without cookies.");
        }

        var group = app.MapGroup(prefix);
        PageEndpoints.MapPage(group, context => EditorAuthorization.MayAsync(context, EditorOperation.Read, options));
        var api = group.MapGroup("/api").WithTags("Flow editor");

        api.MapGet("/catalog", () => TypedResults.Ok(Catalog.Instance))
            .WithName("GetCatalog")
            .WithSummary("Events, node types with their parameters and ports, and panel tables: everything the page draws forms from.")
            .Allow(EditorOperation.Read, options);

        api.MapPost("/analyze", AnalyzeAsync)
            .WithName("Analyze")
            .WithSummary("Validates a flow (saved or not): its diagnostics and the typed scope at every node.")
            .Accepts<object>("application/json")
            .Produces<Analysis>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Allow(EditorOperation.Read, options);

        api.MapPost("/emit", EmitAsync)
            .WithName("Emit")
            .WithSummary("The C# a valid flow compiles to, with the lines of each node's code.")
            .Accepts<object>("application/json")
            .Produces<GeneratedCode>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Allow(EditorOperation.Read, options);

        if (options.Antiforgery)
        {
            api.MapGet("/antiforgery", (HttpContext context) =>
                {
                    var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                    var tokens = antiforgery.GetAndStoreTokens(context);
                    return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
                })
                .WithName("GetAntiforgeryToken")
                .WithSummary("The token every write carries in the named header (its cookie is set with it).")
                .Allow(EditorOperation.Read, options);
        }

        // The flows, drafts, versions and runs need the engine; a panel that registers only the editor gets the stateless part.
        if (app.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(FlowHost)) == true)
        {
            var services = app.ServiceProvider;
            var drafts = ActivatorUtilities.CreateInstance<DraftStore>(services);
            var runner = ActivatorUtilities.CreateInstance<DryRunner>(services);
            ActivatorUtilities.CreateInstance<FlowsApi>(services, drafts, runner, options).Map(api);
        }

        return group;
    }

    private static async Task<IResult> AnalyzeAsync(HttpRequest request, CancellationToken ct) =>
        await FlowBody.ReadAsync(request, ct) is { } body
            ? TypedResults.Ok(Analysis.From(FlowValidator.Validate(body)))
            : EditorProblems.TooLarge();

    private static async Task<IResult> EmitAsync(HttpRequest request, CancellationToken ct)
    {
        if (await FlowBody.ReadAsync(request, ct) is not { } body)
        {
            return EditorProblems.TooLarge();
        }

        var validation = FlowValidator.Validate(body);
        return validation.Flow is { } flow
            ? TypedResults.Ok(GeneratedCode.From(FlowEmitter.EmitWithSpans(flow)))
            : EditorProblems.Invalid(validation.Diagnostics);
    }
}
