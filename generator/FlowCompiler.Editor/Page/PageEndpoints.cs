using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace FlowCompiler.Editor.Page;

/// <summary>
/// Serves the embedded page: <c>index.html</c> at the group's root (revalidated on every load, so a new
/// engine's page shows at once) and Vite's content-hashed <c>assets/</c> as immutable for a year; gzip when
/// the browser takes it; ETags and 304s.
/// </summary>
internal static class PageEndpoints
{
    public static void MapPage(RouteGroupBuilder group, Func<HttpContext, ValueTask<bool>> mayRead)
    {
        // Cast to Delegate: a handler of HttpContext alone would otherwise bind as a RequestDelegate and drop its result.
        group.MapGet("/", (Delegate)((HttpContext context) => ServeIndexAsync(context, mayRead))).ExcludeFromDescription();
        group.MapGet("/assets/{file}", (HttpContext context, string file) => ServeAsync(context, "assets/" + file, mayRead)).ExcludeFromDescription();
    }

    // Routing matches /flows and /flows/ alike, but relative asset URLs need the slash: /flows becomes /flows/.
    private static Task<IResult> ServeIndexAsync(HttpContext context, Func<HttpContext, ValueTask<bool>> mayRead) =>
        context.Request.Path.Value?.EndsWith('/') == false
            ? Task.FromResult(Results.Redirect(context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString))
            : ServeAsync(context, "index.html", mayRead);

    private static async Task<IResult> ServeAsync(HttpContext context, string path, Func<HttpContext, ValueTask<bool>> mayRead)
    {
        if (!await mayRead(context))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!PageAssets.All.TryGetValue(path, out var asset))
        {
            return Results.NotFound();
        }

        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = asset.IsImmutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var acceptsGzip = context.Request.Headers.AcceptEncoding.Any(v => v?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        if (acceptsGzip && asset.Gzip is { } gzip)
        {
            response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(gzip, asset.ContentType);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
