using FlowCompiler.Generator.Compilation;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// Where the host's flows are loaded, and their JIT warm-up: all published flows into one context at start,
/// publishes into a shared open context (closed when full or mostly replaced), copies into a new context for a
/// repack (see <see cref="FlowLoadContext"/> for why contexts are shared). The host calls it under its publish
/// lock, except <see cref="Prepare"/> and <see cref="LoadCopies"/>, which touch no shared state.
/// </summary>
internal sealed partial class FlowLoader(FlowHostOptions options, ILogger logger)
{
    private FlowLoadContext? _open;

    /// <summary>The context publishes load into, if one is open.</summary>
    public FlowLoadContext? Open => _open;

    /// <summary>Closes the open context when nothing in it runs any more, so its code unloads now rather than at the next publish.</summary>
    public void CloseOpenIfEmpty()
    {
        if (_open is { Live: 0 })
        {
            _open.Close();
            _open = null;
        }
    }

    /// <summary>Loads copies of <paramref name="flows"/> into one new context and, unless turned off, JIT-compiles them; on failure nothing stays loaded.</summary>
    public IReadOnlyList<LoadedFlow> LoadCopies(IReadOnlyList<ActiveFlow> flows, CancellationToken ct)
    {
        var copies = FlowLoadContext.LoadTogether([.. flows.Select(f => f.Loaded!.Compiled)]);
        try
        {
            if (options.PrepareFlows)
            {
                Prepare(copies, ct);
            }

            return copies;
        }
        catch
        {
            Release(copies);
            throw;
        }
    }

    /// <summary>Releases every one of <paramref name="flows"/>.</summary>
    public static void Release(IEnumerable<LoadedFlow> flows)
    {
        foreach (var flow in flows)
        {
            flow.Unload();
        }
    }

    /// <summary>Loads the published flows at start: one shared context for all; if any will not load, each alone, so one bad flow costs only itself.</summary>
    public List<(LoadedFlow Flow, int Version)> LoadAtStart(List<(CompiledFlow Flow, int Version)> compiled)
    {
        try
        {
            var together = FlowLoadContext.LoadTogether([.. compiled.Select(c => c.Flow)]);
            return [.. together.Select((flow, i) => (flow, compiled[i].Version))];
        }
        catch (Exception) when (compiled.Count > 1)
        {
            var loaded = new List<(LoadedFlow, int)>(compiled.Count);
            foreach (var (flow, version) in compiled)
            {
                try
                {
                    loaded.Add((LoadedFlow.Load(flow), version));
                }
                catch (Exception e)
                {
                    LogLoadFailed(logger, flow.ClassName, e);
                }
            }

            return loaded;
        }
    }

    /// <summary>Loads a published flow into the open context, opening a new one when it is full or half replaced code; null, with the error an admin sees, when it will not load.</summary>
    public LoadedFlow? LoadPublished(CompiledFlow compiled, string flowId, out string? error)
    {
        if (_open is null || _open.Size >= options.FlowsPerLoadContext || _open.IsSparse)
        {
            _open?.Close();
            _open = new FlowLoadContext("published flows");
        }

        try
        {
            error = null;
            return _open.Load(compiled);
        }
        catch (Exception e)
        {
            LogLoadFailed(logger, flowId, e);
            error = e is FlowCompilerBugException ? e.Message : $"Flow '{flowId}' compiled but could not be loaded, so it was not published: {e.Message}";
            return null;
        }
    }

    /// <summary>JIT-compiles flows ahead of their first event; a flow replaced before its turn is skipped, one that cannot be prepared is compiled by its first event.</summary>
    public void Prepare(IReadOnlyList<LoadedFlow> flows, CancellationToken ct)
    {
        foreach (var flow in flows)
        {
            ct.ThrowIfCancellationRequested();
            if (flow.Released)
            {
                continue;
            }

            try
            {
                flow.Prepare();
            }
            catch (Exception e)
            {
                LogPrepareFailed(logger, flow.Descriptor.FlowId, e);
            }
        }
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Flow {FlowId} compiled but could not be loaded; it was not activated")]
    private static partial void LogLoadFailed(ILogger logger, string flowId, Exception exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Flow {FlowId} could not be JIT-compiled ahead; its first event will compile it")]
    private static partial void LogPrepareFailed(ILogger logger, string flowId, Exception exception);
}
