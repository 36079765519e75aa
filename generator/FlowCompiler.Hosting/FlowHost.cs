using System.Diagnostics;
using System.Text;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Hosting.Dispatch;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Hosting.Records;
using FlowCompiler.Hosting.Telemetry;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ledger;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting;

/// <summary>
/// What the panel embeds: publishes flows (validate, compile or cache hit, store a version, swap it in),
/// loads the published ones at start, and runs every listening flow when the panel raises an event.
/// Raising reads an immutable dispatch table without locks; an event no flow accepts allocates nothing.
/// Queued events go to the durable run queue, which the host works in the background (FlowHost.Durable.cs).
/// Events can be raised once <see cref="StartAsync"/> has finished (<see cref="Ready"/>), until <see cref="StopAsync"/>.
/// </summary>
public sealed partial class FlowHost : IFlowHost, IAsyncDisposable
{
    private static readonly IReadOnlyList<CompletedRun> NoRuns = [];

    private readonly FlowCache _cache;
    private readonly IFlowVersionStore _store;
    private readonly IRunRecordStore _records;
    private readonly FlowHostOptions _options;
    private readonly RetryPolicy _retry;
    private readonly FlowTelemetry _telemetry;
    private readonly ILogger _publishLog;
    private readonly ILogger _loadLog;
    private readonly RunRecorder _recorder;
    private readonly FlowRunner _runner;
    private readonly IFlowServices _services;
    private readonly IFlowVersionStore _versions;

    // Publishes, unpublishes and rollbacks are serialized; raises never take this lock.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private DispatchTable _table = DispatchTable.Empty;
    private readonly FlowLoader _loader;
    private readonly BackgroundWork _background;
    private readonly TaskCompletionSource<StartupSummary> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starting;
    private int _stopped;
    private int _disposed;

    /// <summary>Creates a host; call <see cref="StartAsync"/> (the hosted service does) to load the published flows before raising events.</summary>
    public FlowHost(
        FlowCache cache,
        IFlowVersionStore store,
        IRunRecordStore records,
        IFlowServices services,
        IDurableRunQueue queue,
        RunLedger ledger,
        FlowHostOptions options,
        FlowTelemetry telemetry,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        if (options.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _cache = cache;
        _store = store;
        _records = records;
        _options = options;
        _telemetry = telemetry;
        _publishLog = loggers.CreateLogger(FlowLogCategories.Publishing);
        _loadLog = loggers.CreateLogger(FlowLogCategories.Loading);
        _recorder = new RunRecorder(records, options, time, loggers.CreateLogger(FlowLogCategories.Records));
        _runner = new FlowRunner(services, options, _recorder, telemetry, time, loggers.CreateLogger(FlowLogCategories.Dispatch));
        _services = services;
        _versions = store;
        _durable = queue;
        _ledger = ledger;
        _time = time;
        _queueLog = loggers.CreateLogger(FlowLogCategories.Queue);
        _retry = options.DefaultRetry;
        _worker = new QueueWorker(queue, RunClaimedAsync, _retry, time, _queueLog)
        {
            MaxConcurrentRuns = options.MaxConcurrentRuns,
            MaxConcurrentRunsPerFlow = options.MaxConcurrentRunsPerFlow,
            Lease = options.QueueLease,
            Idle = options.QueuePollInterval,
            Signal = _signal,
        };
        _background = new BackgroundWork(_loadLog);
        _loader = new FlowLoader(options, _loadLog);
    }

    /// <inheritdoc />
    public Task<StartupSummary> Ready => _started.Task;

    /// <inheritdoc />
    public bool IsReady => _started.Task.IsCompletedSuccessfully;

    /// <inheritdoc />
    public IReadOnlyList<(string FlowId, int Version, string EventName, FlowTier Tier)> Active =>
        [.. _table.All.Select(f => (f.Id, f.Version, f.EventName, f.Tier))];


    /// <summary>
    /// Starts the host once: loads every published flow (<see cref="LoadPublishedAsync(CancellationToken)"/>), then publishes the flow
    /// files of <see cref="FlowHostOptions.PublishDirectory"/> when it is set. A flow that cannot be loaded or
    /// published is logged and named in the summary; the others run. Then <see cref="Ready"/> completes and events
    /// can be raised. The hosted service of <c>AddFlowCompiler</c> calls this after migrating the database.
    /// </summary>
    /// <exception cref="InvalidOperationException">The host was started already, or the publish folder does not exist.</exception>
    public async Task<StartupSummary> StartAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _starting, 1) == 1)
        {
            throw new InvalidOperationException("The flow host was started already; it starts once (the hosted service of AddFlowCompiler does it).");
        }

        try
        {
            var failed = new List<string>();
            var (loaded, cacheHits) = await LoadPublishedAsync(failed, ct);
            var published = _options.PublishDirectory is { } folder ? await PublishFolderAsync(folder, failed, ct) : 0;
            var summary = new StartupSummary(loaded, cacheHits, published, failed);
            StartWorking();
            WarmUpPublishing();
            _started.TrySetResult(summary);
            return summary;
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }
    }

    /// <summary>Fails <see cref="Ready"/> with an error of start-up before the host's own part (the database migration).</summary>
    internal void FailStart(Exception error)
    {
        Interlocked.Exchange(ref _starting, 1);
        _started.TrySetException(error);
    }

    // Flow files are published in ordinal order of their names; content published already makes no new version.
    private async Task<int> PublishFolderAsync(string folder, List<string> failed, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"{FlowHostOptions.Section}:{nameof(FlowHostOptions.PublishDirectory)} names the folder \"{Path.GetFullPath(folder)}\", which does not exist: create it, or remove the setting.");
        }

        var published = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var result = await PublishAsync(await File.ReadAllBytesAsync(file, ct), StartupActor, ct);
            if (result.Succeeded)
            {
                published += result.Unchanged ? 0 : 1;
                continue;
            }

            var reason = result.Error ?? string.Join("; ", result.Diagnostics.Where(d => d.Severity == Generator.Diagnostics.FlowSeverity.Error).Take(3));
            LogFileNotPublished(_publishLog, Path.GetFileName(file), reason);
            failed.Add(Path.GetFileName(file));
        }

        return published;
    }

    /// <summary>Who publishes the flow files of <see cref="FlowHostOptions.PublishDirectory"/>, as stored on their versions.</summary>
    public const string StartupActor = "start-up";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, CancellationToken ct = default) =>
        RaiseAsync(eventName, payload, RunCancellation.StopWaiting, ct);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, RunCancellation onCancel, CancellationToken ct)
    {
        var listeners = ListenersOf(eventName, payload);
        var first = FirstAccepting(listeners, payload);
        return first < 0 ? new ValueTask<IReadOnlyList<CompletedRun>>(NoRuns) : RunAllAsync(listeners, first, eventName, payload, onCancel, ct);
    }


    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(string? flowId = null, bool failedOnly = false, int limit = 100, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _records.ReadAsync(flowId, failedOnly, limit, ct);
    }

    /// <inheritdoc />
    public Task FlushRecordsAsync(CancellationToken ct = default) => _recorder.FlushAsync(ct);

    /// <summary>Applies the retention settings to the runs table now (the host also does it as it writes).</summary>
    public Task PruneRecordsAsync(CancellationToken ct = default) => _recorder.PruneAsync(ct);

    private ActiveFlow[] ListenersOf(string eventName, object payload)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        if (!IsReady || Volatile.Read(ref _stopped) == 1)
        {
            if (Volatile.Read(ref _stopped) == 1)
            {
                throw new InvalidOperationException($"The flow host has stopped, so '{eventName}' would run no flow: raise events before the application stops.");
            }

            throw new InvalidOperationException(_started.Task.IsFaulted
                ? $"The flow host failed to start, so '{eventName}' cannot run: {_started.Task.Exception!.InnerException!.Message}"
                : $"The flow host has not finished starting, so '{eventName}' would run no flow: raise events once IFlowHost.Ready has completed (the application has started).");
        }

        var index = DispatchTable.IndexOf(eventName);
        if (index < 0)
        {
            throw new ArgumentException($"Unknown event '{eventName}'. Events: {string.Join(", ", FlowEvents.All.Select(e => e.Name))}.", nameof(eventName));
        }

        var expected = FlowEvents.All[index].PayloadType;
        if (payload.GetType() != expected)
        {
            throw new ArgumentException($"The payload of '{eventName}' must be a {expected.Name}, not a {payload.GetType().Name}.", nameof(payload));
        }

        return Volatile.Read(ref _table).Listeners(index);
    }

    private static int FirstAccepting(ActiveFlow[] listeners, object payload)
    {
        for (var i = 0; i < listeners.Length; i++)
        {
            if (listeners[i].Accepts(payload))
            {
                return i;
            }
        }

        return -1;
    }

    // Stopping the wait leaves the runs to finish on their own (they never throw); cancelling them hands them the token.
    private async ValueTask<IReadOnlyList<CompletedRun>> RunAllAsync(ActiveFlow[] listeners, int first, string eventName, object payload, RunCancellation onCancel, CancellationToken ct)
    {
        var runToken = onCancel == RunCancellation.CancelRuns ? ct : CancellationToken.None;
        var runs = new List<Task<CompletedRun>>(listeners.Length - first);
        for (var i = first; i < listeners.Length; i++)
        {
            if (i == first || listeners[i].Accepts(payload))
            {
                runs.Add(_runner.RunAsync(listeners[i], eventName, payload, runToken));
            }
        }

        var all = Task.WhenAll(runs);
        return await (ct.CanBeCanceled && !runToken.CanBeCanceled ? all.WaitAsync(ct) : all);
    }

    /// <inheritdoc />
    public Task<PublishResult> PublishAsync(ReadOnlyMemory<byte> flowJson, CancellationToken ct = default) => PublishAsync(flowJson, actor: null, ct);

    /// <inheritdoc />
    public async Task<PublishResult> PublishAsync(ReadOnlyMemory<byte> flowJson, string? actor, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        using var activity = FlowTelemetry.Source.StartActivity("flow.publish");
        var validation = FlowValidator.Validate(flowJson);
        if (validation.Flow is null || validation.Document is null)
        {
            return new PublishResult { Succeeded = false, FlowId = validation.Document?.Id, Diagnostics = validation.Diagnostics, Elapsed = clock.Elapsed };
        }

        var flowId = validation.Flow.Id;
        activity?.SetTag("flow.id", flowId);
        var canonical = FlowDocumentWriter.WriteUtf8(validation.Document);
        var hash = ContentHash.Of(canonical);
        await _publishing.WaitAsync(ct);
        try
        {
            var latest = await _store.LatestAsync(flowId, ct);
            if (latest is { Published: true } && latest.ContentHash == hash && _table.Find(flowId)?.Version == latest.Version)
            {
                return Published(latest, cacheHit: true, unchanged: true, validation, clock);
            }

            // Not compiled yet: stored and served by the interpreter now, compiled behind (FlowHost.Tiers.cs).
            if (ServesInterpretedFirst(canonical))
            {
                var (version, isNew) = await _store.AddPublishedAsync(flowId, validation.Flow.Name, validation.Flow.Trigger.Event.Name, Encoding.UTF8.GetString(canonical), hash, actor, ct);
                Activate(Interpreted(validation.Flow, canonical, version.Version));
                if (isNew)
                {
                    LogPublished(_publishLog, flowId, version.Version, cacheHit: false);
                }

                return Published(version, cacheHit: false, unchanged: !isNew, validation, clock) with { Tier = FlowTier.Interpreted };
            }

            var attempt = await CompileAsync(validation.Flow, canonical, flowId, ct);
            if (attempt.Flow is not { } compiled)
            {
                return Failed(flowId, attempt.Error!, validation, clock);
            }

            // Loaded before it is stored: a flow that cannot load is never marked published.
            if (_loader.LoadPublished(compiled, flowId, out var error) is not { } loaded)
            {
                return Failed(flowId, error!, validation, clock);
            }

            // The store decides whether this is a new version: another process may have published this content
            // since the check above. Either way this host now runs the version that is published.
            StoredFlowVersion stored;
            bool added;
            try
            {
                (stored, added) = await _store.AddPublishedAsync(flowId, validation.Flow.Name, validation.Flow.Trigger.Event.Name, Encoding.UTF8.GetString(canonical), hash, actor, ct);
            }
            catch
            {
                loaded.Unload();
                throw;
            }

            Activate(ActiveFlow.Compiled(loaded, stored.Version, _options.MaxConcurrentRunsPerFlow));
            if (added)
            {
                LogPublished(_publishLog, flowId, stored.Version, attempt.CacheHit);
            }

            return Published(stored, attempt.CacheHit, unchanged: !added, validation, clock);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> UnpublishAsync(string flowId, CancellationToken ct = default)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            await _store.SetPublishedAsync(flowId, null, ct);
            var active = _table.Find(flowId);
            Volatile.Write(ref _table, _table.Without(flowId));
            active?.Release();
            _loader.CloseOpenIfEmpty();
            ScheduleRepack();
            return active is not null;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <inheritdoc />
    public async Task<PublishResult> RollbackAsync(string flowId, int version, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var stored = await _store.FindAsync(flowId, version, ct);
        if (stored is null)
        {
            return new PublishResult { Succeeded = false, FlowId = flowId, Error = $"Flow '{flowId}' has no version {version}; 'flowc list' shows the stored versions." };
        }

        var validation = FlowValidator.Validate(Encoding.UTF8.GetBytes(stored.CanonicalJson));
        if (validation.Flow is null)
        {
            return new PublishResult { Succeeded = false, FlowId = flowId, Diagnostics = validation.Diagnostics, Elapsed = clock.Elapsed };
        }

        await _publishing.WaitAsync(ct);
        try
        {
            var attempt = await CompileAsync(validation.Flow, Encoding.UTF8.GetBytes(stored.CanonicalJson), flowId, ct);
            if (attempt.Flow is not { } compiled)
            {
                return Failed(flowId, $"Version {version}: {attempt.Error}", validation, clock);
            }

            if (_loader.LoadPublished(compiled, flowId, out var error) is not { } loaded)
            {
                return Failed(flowId, $"Version {version}: {error}", validation, clock);
            }

            try
            {
                await _store.SetPublishedAsync(flowId, version, ct);
            }
            catch
            {
                loaded.Unload();
                throw;
            }

            Activate(ActiveFlow.Compiled(loaded, version, _options.MaxConcurrentRunsPerFlow));
            return Published(stored with { Published = true }, attempt.CacheHit, unchanged: false, validation, clock);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFlowVersion>> ListAsync(CancellationToken ct = default) => _store.ListAsync(ct);

    /// <inheritdoc />
    public async Task<string?> ExportAsync(string flowId, int? version = null, CancellationToken ct = default)
    {
        var stored = version is { } v ? await _store.FindAsync(flowId, v, ct) : await _store.LatestAsync(flowId, ct);
        return stored?.CanonicalJson;
    }

    /// <summary>
    /// Loads every published flow from the database through the compile cache (with a warm cache Roslyn is
    /// never loaded), all into one shared load context. A flow that cannot be loaded is logged and skipped;
    /// the others still run. The flows run at once; their code is compiled to machine code in the background
    /// (<see cref="LoadedFlow.Prepare"/>), so start-up does not wait for the JIT.
    /// </summary>
    /// <returns>How many flows were loaded, and how many of them came from the cache.</returns>
    public Task<(int Loaded, int CacheHits)> LoadPublishedAsync(CancellationToken ct = default) => LoadPublishedAsync(failed: [], ct);

    private async Task<(int Loaded, int CacheHits)> LoadPublishedAsync(List<string> failed, CancellationToken ct)
    {
        var hits = 0;
        await _publishing.WaitAsync(ct);
        try
        {
            var published = await _store.PublishedAsync(ct);
            var compiled = new List<(CompiledFlow Flow, int Version)>(published.Count);
            var interpreted = new List<(Generator.Binding.BoundFlow Flow, byte[] Canonical, int Version)>();
            foreach (var stored in published)
            {
                var bytes = Encoding.UTF8.GetBytes(stored.CanonicalJson);
                var validation = FlowValidator.Validate(bytes);
                if (validation.Flow is null)
                {
                    LogUnloadable(_loadLog, stored.FlowId, stored.Version, "it no longer validates: " + string.Join("; ", validation.Diagnostics.Take(3)));
                    failed.Add(stored.FlowId);
                    continue;
                }

                if (ServesInterpretedFirst(bytes))
                {
                    interpreted.Add((validation.Flow, bytes, stored.Version));
                    continue;
                }

                var attempt = await CompileAsync(validation.Flow, bytes, stored.FlowId, ct);
                if (attempt.Flow is { } flow)
                {
                    compiled.Add((flow, stored.Version));
                    hits += attempt.CacheHit ? 1 : 0;
                }
                else
                {
                    LogUnloadable(_loadLog, stored.FlowId, stored.Version, attempt.Error!);
                    failed.Add(stored.FlowId);
                }
            }

            var loaded = compiled.Count == 0 ? [] : _loader.LoadAtStart(compiled);
            var table = _table;
            var replaced = new List<ActiveFlow>();
            foreach (var active in loaded.Select(l => ActiveFlow.Compiled(l.Flow, l.Version, _options.MaxConcurrentRunsPerFlow))
                .Concat(interpreted.Select(i => Interpreted(i.Flow, i.Canonical, i.Version))))
            {
                if (table.Find(active.Id) is { } old)
                {
                    replaced.Add(old);
                }

                table = table.With(active);
            }

            Volatile.Write(ref _table, table);
            foreach (var old in replaced)
            {
                old.Release();
            }

            PrepareInBackground([.. loaded.Select(l => l.Flow)]);
            return (loaded.Count + interpreted.Count, hits);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>The background work in progress (warm-up after start, repacking), for tests to wait on.</summary>
    internal Task Maintenance => _background.Idle;

    /// <summary>How many load contexts hold the active flows.</summary>
    internal int LoadContexts => _table.All.Where(f => f.Loaded is not null).Select(f => f.Loaded!.Context).Distinct().Count();

    // Compiled, or taken from the cache; a compiler bug or a cache folder that cannot be written fails this flow
    // only, with the message the admin sees. Loading audits the assembly.
    private async Task<CompileAttempt> CompileAsync(Generator.Binding.BoundFlow flow, ReadOnlyMemory<byte> canonical, string flowId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var outcome = await _cache.GetOrCompileAsync(flow, canonical).WaitAsync(ct);
            _telemetry.FlowLoaded(flowId, clock.Elapsed, outcome.CacheHit);
            return new CompileAttempt(outcome.Flow, outcome.CacheHit, null);
        }
        catch (FlowCompilerBugException bug)
        {
            LogCompilerBug(_publishLog, flowId, bug.Message, string.Join(Environment.NewLine, bug.Diagnostics));
            return new CompileAttempt(null, false, bug.Message);
        }
        catch (FlowCacheException cache)
        {
            var error = $"Flow '{flowId}' compiled, but its assembly cannot be kept: {cache.Message}. Check FlowCompiler:CacheDirectory.";
            LogCacheUnwritable(_publishLog, flowId, error);
            return new CompileAttempt(null, false, error);
        }
    }

    /// <summary>A compiled flow, or why it could not be had (a compiler bug, a cache folder that cannot be written).</summary>
    private readonly record struct CompileAttempt(CompiledFlow? Flow, bool CacheHit, string? Error);

    // The new table is built aside and swapped in one write; the replaced version is released, and its code
    // unloads with its context once its runs end. The new flow is JIT-compiled in the background: the publish
    // does not wait for that, and an event that comes first JIT-compiles what it runs.
    private void Activate(ActiveFlow flow)
    {
        var replaced = _table.Find(flow.Id);
        Volatile.Write(ref _table, _table.With(flow));
        replaced?.Release();
        if (flow.Loaded is { } loaded)
        {
            PrepareInBackground([loaded]);
        }

        ScheduleRepack();
    }

    private void PrepareInBackground(IReadOnlyList<LoadedFlow> flows)
    {
        if (_options.PrepareFlows)
        {
            _background.Run(ct =>
            {
                _loader.Prepare(flows, ct);
                return Task.CompletedTask;
            });
        }
    }

    // Replaced versions stay loaded until their context unloads: once LoadContextPacking finds a context
    // mostly made of them, or small contexts to merge, the live flows are loaded again together, in the background.
    private void ScheduleRepack()
    {
        if (LoadContextPacking.FlowsToRepack(_table.All, _loader.Open, _options.FlowsPerLoadContext).Count > 0)
        {
            _background.Run(RepackAsync);
        }
    }

    // The copies are loaded and JIT-compiled outside the publish lock, then swapped in for the flows that are
    // still active as they were; a flow published meanwhile keeps its new version and its copy is released.
    // Runs in flight keep the code they started on.
    private async Task RepackAsync(CancellationToken ct)
    {
        IReadOnlyList<ActiveFlow> flows;
        await _publishing.WaitAsync(ct);
        try
        {
            flows = LoadContextPacking.FlowsToRepack(_table.All, _loader.Open, _options.FlowsPerLoadContext);
        }
        finally
        {
            _publishing.Release();
        }

        if (flows.Count == 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var copies = _loader.LoadCopies(flows, ct);

        await _publishing.WaitAsync(CancellationToken.None);
        try
        {
            var current = _table.All.ToHashSet();
            var swapped = flows.Select((flow, i) => (Old: flow, New: flow.Reloaded(copies[i]))).Where(p => current.Contains(p.Old)).ToList();
            Volatile.Write(ref _table, _table.Replacing([.. swapped.Select(p => p.New)]));
            foreach (var (old, _) in swapped)
            {
                old.Release();
            }

            var used = swapped.Select(p => p.New.Loaded).ToHashSet();
            FlowLoader.Release(copies.Where(c => !used.Contains(c)));

            LogRepacked(_loadLog, swapped.Count, LoadContexts, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            _publishing.Release();
        }
    }

    private static PublishResult Published(StoredFlowVersion stored, bool cacheHit, bool unchanged, FlowValidation validation, Stopwatch clock) => new()
    {
        Succeeded = true,
        FlowId = stored.FlowId,
        Version = stored.Version,
        ContentHash = stored.ContentHash,
        CacheHit = cacheHit,
        Unchanged = unchanged,
        Diagnostics = validation.Diagnostics,
        Elapsed = clock.Elapsed,
    };

    private static PublishResult Failed(string flowId, string error, FlowValidation validation, Stopwatch clock) => new()
    {
        Succeeded = false,
        FlowId = flowId,
        Error = error,
        Diagnostics = validation.Diagnostics,
        Elapsed = clock.Elapsed,
    };

    /// <summary>
    /// Stops the host (as <see cref="StopAsync"/> with <see cref="FlowHostOptions.ShutdownTimeout"/> as its deadline, unless
    /// it was stopped already), writes the remaining records, and releases its resources.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using (var deadline = new CancellationTokenSource(_options.ShutdownTimeout))
        {
            await StopAsync(deadline.Token);
        }

        await _background.DisposeAsync();
        await _recorder.DisposeAsync();
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Published flow {FlowId} v{Version} (cache hit: {CacheHit})")]
    private static partial void LogPublished(ILogger logger, string flowId, int version, bool cacheHit);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Internal compiler error in flow {FlowId}; it was not activated: {Error}\n{Diagnostics}")]
    private static partial void LogCompilerBug(ILogger logger, string flowId, string error, string diagnostics);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Compile cache for flow {FlowId}: {Error}")]
    private static partial void LogCacheUnwritable(ILogger logger, string flowId, string error);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Loaded {Flows} flows again into one shared load context in {Milliseconds:0} ms; {Contexts} contexts hold the active flows")]
    private static partial void LogRepacked(ILogger logger, int flows, int contexts, double milliseconds);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Published flow {FlowId} v{Version} was not loaded: {Reason}")]
    private static partial void LogUnloadable(ILogger logger, string flowId, int version, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Flow file {File} was not published at start-up; the flow's stored version, if any, keeps running: {Reason}")]
    private static partial void LogFileNotPublished(ILogger logger, string file, string reason);
}
