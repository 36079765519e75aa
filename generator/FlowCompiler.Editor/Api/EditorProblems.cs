using FlowCompiler.Editor.Drafts;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using Microsoft.AspNetCore.Http;

namespace FlowCompiler.Editor.Api;

/// <summary>The editor API's errors, as <c>application/problem+json</c> (RFC 9457) that say what to fix.</summary>
internal static class EditorProblems
{
    public static IResult TooLarge() => Results.Problem(
        title: "The flow is too large",
        detail: $"A flow document may hold at most {FlowLimits.MaxDocumentBytes / (1024 * 1024)} MiB; split it into several flows.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult Invalid(IEnumerable<FlowDiagnostic> diagnostics) => Results.Problem(
        title: "The flow has errors",
        detail: "Fix the errors listed in diagnostics; nothing was generated.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics.Select(DiagnosticDto.From).ToList() });

    public static IResult Forbidden(EditorOperation operation, bool readOnly) => Results.Problem(
        title: "Not allowed",
        detail: readOnly
            ? "The editor is read-only here; flows can be viewed but not changed."
            : $"You may not {operation switch { EditorOperation.Edit => "edit flows", EditorOperation.Publish => "publish flows", EditorOperation.DryRun => "dry-run flows", _ => "read flows" }}; ask an administrator for access.",
        statusCode: StatusCodes.Status403Forbidden);
    public static IResult NoFlow(string flowId) => Results.Problem(
        title: "No such flow",
        detail: $"There is no flow '{flowId}'; GET api/flows lists the flows, POST api/flows creates one.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult NoVersion(string flowId, int version) => Results.Problem(
        title: "No such version",
        detail: $"Flow '{flowId}' has no version {version}; GET api/flows/{flowId}/versions lists its versions.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult NoRun(Guid runId) => Results.Problem(
        title: "No such run",
        detail: $"There is no recorded run {runId}; runs are pruned after the configured retention.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult Exists(string flowId) => Results.Problem(
        title: "The flow exists",
        detail: $"A flow with id '{flowId}' exists already. Open it and save its draft, or import under another id.",
        statusCode: StatusCodes.Status409Conflict);

    public static IResult BadRequest(string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Unprocessable(string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult IfMatchRequired() => Results.Problem(
        title: "If-Match is required",
        detail: "Name the draft you started from: send the ETag that GET api/flows/{id}/draft returned in an If-Match header.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    public static IResult IfMatchUnreadable(string? value) => Results.Problem(
        title: "The If-Match header names no draft",
        detail: $"If-Match must be one ETag as GET api/flows/{{id}}/draft returns it (e.g. \"r3\"), not '{value}'.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    /// <summary>The draft changed since the writer read it: who saved the newer one and when, so the page can say so.</summary>
    public static IResult Stale(FlowDraft current) => Results.Problem(
        title: "The draft was changed by someone else",
        detail: $"{current.SavedBy} saved this flow at {current.SavedAt:u} after you opened it. Reload it to see their changes; nothing of yours was saved over theirs.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?>
        {
            ["etag"] = current.Tag.ToString(),
            ["savedBy"] = current.SavedBy,
            ["savedAt"] = current.SavedAt,
        });

    public static IResult CompileFailed(string detail) => Results.Problem(
        title: "The flow could not be compiled",
        detail: detail,
        statusCode: StatusCodes.Status500InternalServerError);

    public static IResult PublishFailed(string detail) => Results.Problem(
        title: "The flow could not be published",
        detail: detail,
        statusCode: StatusCodes.Status500InternalServerError);
}
