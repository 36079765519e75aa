using Microsoft.AspNetCore.Http;

namespace FlowCompiler.Editor;

/// <summary>How a panel embeds the editor: who may do what, and who they are.</summary>
public sealed class FlowEditorOptions
{
    /// <summary>
    /// Decides whether the request may perform the operation; null allows everything (the panel then guards
    /// the route group with its own <c>RequireAuthorization</c>). A denied request gets 403.
    /// </summary>
    public Func<HttpContext, EditorOperation, ValueTask<bool>>? Authorize { get; set; }

    /// <summary>Who the request acts for, recorded on every saved revision and version; by default the user's name, or "anonymous".</summary>
    public Func<HttpContext, string> Actor { get; set; } = context => context.User.Identity?.Name ?? "anonymous";

    /// <summary>When true, only <see cref="EditorOperation.Read"/> is allowed.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// When true (the default), every write must carry the antiforgery token the page gets from <c>GET api/antiforgery</c>,
    /// so a cross-site request riding on the panel's cookie is refused; it needs <c>services.AddAntiforgery()</c>. Set it
    /// false only when the editor's API is authenticated without cookies (bearer tokens), where no browser adds credentials on its own.
    /// </summary>
    public bool Antiforgery { get; set; } = true;
}
