using FlowCompiler.Editor;
using FlowCompiler.Editor.Api;
using FlowCompiler.Editor.Page;
using FlowCompiler.Generator.Emit;
using FlowCompiler.Generator.Validation;
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

        var group = app.MapGroup(prefix);
        PageEndpoints.MapPage(group, context => MayAsync(context, EditorOperation.Read, options));
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

    // Every endpoint names the operation it performs, so the hook and read-only mode see each request.
    private static RouteHandlerBuilder Allow(this RouteHandlerBuilder endpoint, EditorOperation operation, FlowEditorOptions options) =>
        endpoint.AddEndpointFilter(async (context, next) =>
            await MayAsync(context.HttpContext, operation, options)
                ? await next(context)
                : EditorProblems.Forbidden(operation, options.ReadOnly && operation != EditorOperation.Read));

    private static async ValueTask<bool> MayAsync(HttpContext context, EditorOperation operation, FlowEditorOptions options) =>
        (!options.ReadOnly || operation == EditorOperation.Read)
        && (options.Authorize is not { } authorize || await authorize(context, operation));
}
