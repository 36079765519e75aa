using FlowCompiler.Editor.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCompiler.Editor;

/// <summary>
/// Guards every editor endpoint: read-only mode, the panel's <see cref="FlowEditorOptions.Authorize"/> hook, and, on
/// writes, the antiforgery token the page sends in a header (a cross-site form post carries the panel's cookie, never the token).
/// </summary>
internal static class EditorAuthorization
{
    /// <summary>Names the operation an endpoint performs, so the hook, read-only mode and antiforgery see each request.</summary>
    public static RouteHandlerBuilder Allow(this RouteHandlerBuilder endpoint, EditorOperation operation, FlowEditorOptions options) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!await MayAsync(http, operation, options))
            {
                return EditorProblems.Forbidden(operation, options.ReadOnly && operation != EditorOperation.Read);
            }

            if (operation != EditorOperation.Read && options.Antiforgery && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return EditorProblems.BadRequest("The request has no valid antiforgery token",
                    $"Writes carry the token from GET api/antiforgery in its header; reload the page. A panel whose API clients authenticate without cookies sets {nameof(FlowEditorOptions)}.{nameof(FlowEditorOptions.Antiforgery)} = false.");
            }

            return await next(context);
        });

    /// <summary>Whether the request may perform the operation (read-only mode and the hook).</summary>
    public static async ValueTask<bool> MayAsync(HttpContext context, EditorOperation operation, FlowEditorOptions options) =>
        (!options.ReadOnly || operation == EditorOperation.Read)
        && (options.Authorize is not { } authorize || await authorize(context, operation));
}
