using System.Text;
using System.Text.Json;
using FlowCompiler.Editor.Drafts;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Events;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Runtime.Panel;
using Microsoft.AspNetCore.Http;

namespace FlowCompiler.Editor.Api;

/// <summary>
/// Dry-runs a draft (spec §6): compiled through the host's cache, loaded on its own, run once with the services of
/// <c>flowc run --dry-run</c> (reads are real, no action is performed, parameters are checked as the real run checks
/// them), then unloaded. Nothing is recorded. The event is <c>{ "event", "data" }</c>, read with the rules of event
/// files, or <c>{ "fromRun": id }</c>: the event a failed run kept (redacted).
/// </summary>
internal sealed class DryRunner(FlowCache cache, PanelDryRunFlowServices services, PanelRunRecordStore runs)
{
    // A dry run reads the panel database but calls no service; anything longer is a flow stuck on a lock.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<IResult> RunAsync(FlowDraft draft, byte[] body, CancellationToken ct)
    {
        var validation = FlowValidator.Validate(Encoding.UTF8.GetBytes(draft.Json));
        if (validation.Flow is not { } flow)
        {
            return EditorProblems.Invalid(validation.Diagnostics);
        }

        var (eventBytes, problem) = await EventOfAsync(body, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (EventFileReader.Read("the event", eventBytes!, out var error) is not { } input)
        {
            return EditorProblems.Unprocessable("The event cannot be used", error!);
        }

        if (input.Event.Name != flow.Trigger.Event.Name)
        {
            return EditorProblems.Unprocessable("The event does not start this flow",
                $"Flow '{flow.Id}' runs on {flow.Trigger.Event.Name} events, but this is a {input.Event.Name} event.");
        }

        LoadedFlow loaded;
        try
        {
            var outcome = await cache.GetOrCompileAsync(flow, FlowDocumentWriter.WriteUtf8(validation.Document!));
            loaded = LoadedFlow.Load(outcome.Flow);
        }
        catch (Exception failure) when (failure is FlowCacheException or FlowCompilerBugException)
        {
            return EditorProblems.CompileFailed(failure.Message);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            return TypedResults.Ok(DryRunResult.From(await loaded.RunAsync(input.Payload, services, timeout.Token)));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Results.Problem(title: "The dry run took too long", detail: $"The dry run was stopped after {Timeout.TotalSeconds:0} s; a lookup may be waiting on a locked table.",
                statusCode: StatusCodes.Status504GatewayTimeout);
        }
        finally
        {
            loaded.Unload();
        }
    }

    // The event's JSON as an event file holds it: the body itself, or the event a recorded run kept.
    private async Task<(byte[]? Event, IResult? Problem)> EventOfAsync(byte[] body, CancellationToken ct)
    {
        Guid runId;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("fromRun", out var fromRun))
            {
                return (body, null);
            }

            if (fromRun.ValueKind != JsonValueKind.String || !fromRun.TryGetGuid(out runId))
            {
                return (null, EditorProblems.BadRequest("fromRun is not a run id", "fromRun names a recorded run by its id, e.g. \"3f2b…\", as GET api/flows/{id}/runs lists them."));
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the event reader says where it breaks, with line and column.
            return (body, null);
        }

        if (await runs.FindAsync(runId, ct) is not { } run)
        {
            return (null, EditorProblems.NoRun(runId));
        }

        if (run.EventPayload is not { } payload)
        {
            return (null, EditorProblems.Unprocessable("That run kept no event",
                "Only failed runs keep their event (redacted), so successful runs store nothing personal. Pick a failed run, or enter an event."));
        }

        return (Encoding.UTF8.GetBytes($$"""{"event":{{JsonSerializer.Serialize(run.EventName)}},"data":{{payload}}}"""), null);
    }
}
