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
}
