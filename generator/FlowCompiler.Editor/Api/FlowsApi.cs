using FlowCompiler.Editor.Drafts;
using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Generator.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace FlowCompiler.Editor.Api;

/// <summary>
/// The flows API: drafts (saved with optimistic concurrency on their ETag), publishing, versions and runs. A flow is
/// listed when it has a draft or a stored version; the draft of a flow never edited is its newest version.
/// </summary>
internal sealed class FlowsApi(FlowHost host, DraftStore drafts, IFlowVersionStore versions, PanelRunRecordStore runs, DryRunner dryRunner, FlowEditorOptions options)
{
    // A page of runs: enough for the runs panel, bounded so one request cannot read the whole table.
    private const int DefaultRunLimit = 20;
    private const int MaxRunLimit = 200;

    public void Map(RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows");
        flows.MapGet("/", ListAsync).WithName("ListFlows")
            .WithSummary("Every flow: id, name, trigger, published version, draft revision, last run.")
            .Allow(EditorOperation.Read, options);
        flows.MapPost("/", CreateAsync).WithName("CreateFlow")
            .WithSummary("Creates or imports a flow (its JSON) as a new draft; 409 when the id exists.")
            .Accepts<object>("application/json").Produces<DraftResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Allow(EditorOperation.Edit, options);
        flows.MapGet("/{id}/draft", GetDraftAsync).WithName("GetDraft")
            .WithSummary("The flow's draft, with its ETag.")
            .Produces<DraftResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .Allow(EditorOperation.Read, options);
        flows.MapPut("/{id}/draft", SaveDraftAsync).WithName("SaveDraft")
            .WithSummary("Saves the draft; If-Match names the draft it started from (428 without it, 412 when stale).")
            .Accepts<object>("application/json").Produces<DraftResponse>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .Allow(EditorOperation.Edit, options);
        flows.MapPost("/{id}/publish", PublishAsync).WithName("PublishDraft")
            .WithSummary("Publishes exactly the draft If-Match names; 201 { version }, 422 with diagnostics when invalid.")
            .Produces<PublishResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Allow(EditorOperation.Publish, options);
        flows.MapPost("/{id}/dry-run", DryRunAsync).WithName("DryRunDraft")
            .WithSummary("Runs the draft once without any action (spec §6) on { event, data } or { fromRun }.")
            .Accepts<object>("application/json").Produces<DryRunResult>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Allow(EditorOperation.DryRun, options);
        flows.MapGet("/{id}/versions", ListVersionsAsync).WithName("ListVersions")
            .WithSummary("The flow's stored versions: who published each, and when.")
            .Allow(EditorOperation.Read, options);
        flows.MapGet("/{id}/versions/{version:int}", GetVersionAsync).WithName("GetVersion")
            .WithSummary("One stored version, with its canonical flow document.")
            .Produces<VersionSummary>().ProducesProblem(StatusCodes.Status404NotFound)
            .Allow(EditorOperation.Read, options);
        flows.MapPost("/{id}/versions/{version:int}/restore", RestoreAsync).WithName("RestoreVersion")
            .WithSummary("Copies a stored version into the draft (If-Match names the draft it replaces).")
            .Produces<DraftResponse>().ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .Allow(EditorOperation.Edit, options);
        flows.MapPost("/{id}/rollback", RollbackAsync).WithName("Rollback")
            .WithSummary("Publishes a stored version again, as flowc rollback does (no new version).")
            .Accepts<RollbackRequest>("application/json").Produces<PublishResponse>()
            .Allow(EditorOperation.Publish, options);
        flows.MapDelete("/{id}", UnpublishAsync).WithName("Unpublish")
            .WithSummary("Stops running the flow, as flowc unpublish does; its versions and draft stay.")
            .Allow(EditorOperation.Publish, options);
        flows.MapGet("/{id}/runs", ListRunsAsync).WithName("ListRuns")
            .WithSummary("The flow's recent runs, newest first (limit 1–200, default 20; status succeeded or failed).")
            .Allow(EditorOperation.Read, options);
        api.MapGet("/runs/{runId:guid}", GetRunAsync).WithName("GetRun")
            .WithSummary("One run with every node's status, port, duration and error.")
            .Produces<RunSummary>().ProducesProblem(StatusCodes.Status404NotFound)
            .Allow(EditorOperation.Read, options);
    }

    private async Task<IResult> ListAsync(CancellationToken ct)
    {
        var stored = (await versions.ListAsync(ct)).GroupBy(v => v.FlowId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var saved = (await drafts.ListAsync(ct)).ToDictionary(d => d.FlowId, StringComparer.Ordinal);
        var lastRuns = await runs.LatestPerFlowAsync(ct);
        var tiers = host.Active.ToDictionary(a => a.FlowId, a => PublishResponse.TierName(a.Tier), StringComparer.Ordinal);
        var list = stored.Keys.Union(saved.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            var flowVersions = stored.GetValueOrDefault(id) ?? [];
            var latest = flowVersions.MaxBy(v => v.Version);
            var draft = saved.GetValueOrDefault(id);
            return new FlowSummary(
                id,
                draft?.Name ?? latest?.Name,
                draft?.TriggerEvent ?? latest?.EventName,
                flowVersions.FirstOrDefault(v => v.Published)?.Version,
                latest?.Version,
                draft?.Revision,
                draft is not null && draft.Revision != draft.PublishedRevision,
                lastRuns.GetValueOrDefault(id) is { } run ? RunSummary.From(run, withNodes: false) : null,
                tiers.GetValueOrDefault(id));
        });
        return TypedResults.Ok(list.ToList());
    }

    private async Task<IResult> CreateAsync(HttpContext context, CancellationToken ct)
    {
        var (document, json, problem) = await ReadDraftBodyAsync(context.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        return await drafts.CreateAsync(document!, json!, options.Actor(context), ct) is { } created
            ? WithETag(context, created, StatusCodes.Status201Created)
            : EditorProblems.Exists(document!.Id);
    }

    private async Task<IResult> GetDraftAsync(string id, HttpContext context, CancellationToken ct) =>
        await drafts.FindAsync(id, ct) is { } draft ? WithETag(context, draft) : EditorProblems.NoFlow(id);

    private async Task<IResult> SaveDraftAsync(string id, HttpContext context, CancellationToken ct)
    {
        if (Precondition(context.Request, out var expected) is { } refused)
        {
            return refused;
        }

        var (document, json, problem) = await ReadDraftBodyAsync(context.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (document!.Id != id)
        {
            return EditorProblems.Unprocessable("The draft names another flow",
                $"The document's id is '{document.Id}', but this is flow '{id}'. A flow's id cannot change: import it as a new flow instead.");
        }

        return Written(context, await drafts.SaveAsync(expected, document, json!, options.Actor(context), ct), id);
    }

    private async Task<IResult> PublishAsync(string id, HttpContext context, CancellationToken ct)
    {
        if (Precondition(context.Request, out var expected) is { } refused)
        {
            return refused;
        }

        if (await drafts.FindAsync(id, ct) is not { } draft)
        {
            return EditorProblems.NoFlow(id);
        }

        if (draft.Tag != expected)
        {
            return EditorProblems.Stale(draft);
        }

        var result = await host.PublishAsync(System.Text.Encoding.UTF8.GetBytes(draft.Json), options.Actor(context), ct);
        if (!result.Succeeded)
        {
            return result.Error is { } error ? EditorProblems.PublishFailed(error) : EditorProblems.Invalid(result.Diagnostics);
        }

        if (draft.Tag.Revision is { } revision)
        {
            await drafts.MarkPublishedAsync(id, revision, ct);
        }

        return TypedResults.Created($"versions/{result.Version}", PublishResponse.From(result));
    }

    private async Task<IResult> DryRunAsync(string id, HttpRequest request, CancellationToken ct)
    {
        if (await drafts.FindAsync(id, ct) is not { } draft)
        {
            return EditorProblems.NoFlow(id);
        }

        if (await FlowBody.ReadAsync(request, ct) is not { } body)
        {
            return EditorProblems.TooLarge();
        }

        return await dryRunner.RunAsync(draft, body, ct);
    }

    private async Task<IResult> ListVersionsAsync(string id, CancellationToken ct)
    {
        var all = await versions.ListAsync(id, ct);
        if (all.Count == 0 && await drafts.FindAsync(id, ct) is null)
        {
            return EditorProblems.NoFlow(id);
        }

        return TypedResults.Ok(all.Select(v => VersionSummary.From(v, withFlow: false)).ToList());
    }

    private async Task<IResult> GetVersionAsync(string id, int version, CancellationToken ct) =>
        await versions.FindAsync(id, version, ct) is { } stored ? TypedResults.Ok(VersionSummary.From(stored, withFlow: true)) : EditorProblems.NoVersion(id, version);

    private async Task<IResult> RestoreAsync(string id, int version, HttpContext context, CancellationToken ct)
    {
        if (Precondition(context.Request, out var expected) is { } refused)
        {
            return refused;
        }

        if (await versions.FindAsync(id, version, ct) is not { } stored)
        {
            return EditorProblems.NoVersion(id, version);
        }

        var document = new DraftDocument(id, stored.Name, stored.EventName);
        return Written(context, await drafts.SaveAsync(expected, document, stored.CanonicalJson, options.Actor(context), ct), id);
    }

    private async Task<IResult> RollbackAsync(string id, RollbackRequest request, CancellationToken ct)
    {
        if (request.Version < 1)
        {
            return EditorProblems.BadRequest("Name a version", "The body is { \"version\": N } with N a stored version (1 or more).");
        }

        var result = await host.RollbackAsync(id, request.Version, ct);
        if (!result.Succeeded)
        {
            return result switch
            {
                { Diagnostics.Count: > 0 } => EditorProblems.Invalid(result.Diagnostics),
                _ when await versions.FindAsync(id, request.Version, ct) is null => EditorProblems.NoVersion(id, request.Version),
                _ => EditorProblems.PublishFailed(result.Error ?? "The version could not be loaded."),
            };
        }

        return TypedResults.Ok(PublishResponse.From(result));
    }

    private async Task<IResult> UnpublishAsync(string id, CancellationToken ct)
    {
        if (await versions.LatestAsync(id, ct) is null)
        {
            return EditorProblems.NoFlow(id);
        }

        await host.UnpublishAsync(id, ct);
        return TypedResults.NoContent();
    }

    private async Task<IResult> ListRunsAsync(string id, int? limit, string? status, CancellationToken ct)
    {
        if (limit is < 1 or > MaxRunLimit)
        {
            return EditorProblems.BadRequest("limit is out of range", $"limit is how many runs to list: 1 to {MaxRunLimit} (default {DefaultRunLimit}).");
        }

        RunStatus? only;
        switch (status)
        {
            case null or "":
                only = null;
                break;
            case "succeeded":
                only = RunStatus.Succeeded;
                break;
            case "failed":
                only = RunStatus.Failed;
                break;
            default:
                return EditorProblems.BadRequest("Unknown status", $"status is 'succeeded' or 'failed', not '{status}'.");
        }

        var found = await runs.ReadAsync(id, only, limit ?? DefaultRunLimit, ct);
        return TypedResults.Ok(found.Select(r => RunSummary.From(r, withNodes: true)).ToList());
    }

    private async Task<IResult> GetRunAsync(Guid runId, CancellationToken ct) =>
        await runs.FindAsync(runId, ct) is { } run ? TypedResults.Ok(RunSummary.From(run, withNodes: true)) : EditorProblems.NoRun(runId);

    private static async Task<(DraftDocument? Document, string? Json, IResult? Problem)> ReadDraftBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (await FlowBody.ReadAsync(request, ct) is not { } body)
        {
            return (null, null, EditorProblems.TooLarge());
        }

        if (DraftDocument.TryRead(body, out var error) is not { } document)
        {
            // A body that is not even a flow document gets the validator's diagnostics too: they say where the JSON breaks.
            var diagnostics = FlowValidator.Validate(body).Diagnostics;
            return (null, null, Results.Problem(title: "The draft cannot be stored", detail: error, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics.Select(DiagnosticDto.From).ToList() }));
        }

        return (document, System.Text.Encoding.UTF8.GetString(body), null);
    }

    private static IResult? Precondition(HttpRequest request, out DraftTag expected)
    {
        expected = default;
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return EditorProblems.IfMatchRequired();
        }

        if (DraftTag.Parse(header) is not { } tag)
        {
            return EditorProblems.IfMatchUnreadable(header);
        }

        expected = tag;
        return null;
    }

    private static IResult Written(HttpContext context, DraftWrite write, string id) => write switch
    {
        DraftWrite.Saved saved => WithETag(context, saved.Draft),
        DraftWrite.Stale stale => EditorProblems.Stale(stale.Current),
        _ => EditorProblems.NoFlow(id),
    };

    private static IResult WithETag(HttpContext context, FlowDraft draft, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers[HeaderNames.ETag] = draft.Tag.ToString();
        var body = DraftResponse.From(draft);
        return status == StatusCodes.Status201Created ? TypedResults.Created($"{draft.FlowId}/draft", body) : TypedResults.Ok(body);
    }
}
