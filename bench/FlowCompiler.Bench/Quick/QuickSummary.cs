using System.Text.Json.Serialization;

namespace FlowCompiler.Bench.Quick;

/// <summary>The content of <c>bench/results/summary.json</c>, with exactly the keys issue 6 names.</summary>
/// <param name="Machine">CPU, cores, memory, OS and .NET version.</param>
/// <param name="Date">When the run finished (UTC, ISO 8601).</param>
/// <param name="Ratios">Slower over faster: above 1 means FlowCompiler wins (except compiled vs hand-written).</param>
/// <param name="Absolute">Times and sizes.</param>
public sealed record QuickSummary(
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("ratios")] QuickRatios Ratios,
    [property: JsonPropertyName("absolute")] QuickAbsolutes Absolute);

/// <summary>The ratios of <see cref="QuickSummary"/>; null where an alternative was not available in the run.</summary>
/// <param name="CompiledVsHandwritten">Compiled time over hand-written time, geometric mean over the six dispatch cases (1.0 is the limit).</param>
/// <param name="InterpreterVsCompiled">Interpreter time over compiled time, geometric mean over the passing dispatch cases.</param>
/// <param name="ScribanVsLowered">Scriban time over lowered time, geometric mean over the three templates.</param>
/// <param name="FluidVsLowered">Fluid time over lowered time, geometric mean over the three templates.</param>
/// <param name="HandlebarsVsLowered">Handlebars.Net time over lowered time, geometric mean over the three templates.</param>
/// <param name="RulesengineVsCompiled">RulesEngine time over compiled filter time, geometric mean over the three conditions.</param>
/// <param name="LoweredVsHandwrittenWorst">Lowered template time over hand-written interpolation, on the template where it is largest (≤ 1.0 is the target).</param>
/// <param name="HandlebarsVsLoweredLeast">Handlebars.Net time over lowered time, on the template where it is smallest (≥ 3 is the target).</param>
public sealed record QuickRatios(
    [property: JsonPropertyName("compiled_vs_handwritten")] double CompiledVsHandwritten,
    [property: JsonPropertyName("interpreter_vs_compiled")] double? InterpreterVsCompiled,
    [property: JsonPropertyName("scriban_vs_lowered")] double ScribanVsLowered,
    [property: JsonPropertyName("fluid_vs_lowered")] double FluidVsLowered,
    [property: JsonPropertyName("handlebars_vs_lowered")] double HandlebarsVsLowered,
    [property: JsonPropertyName("rulesengine_vs_compiled")] double RulesengineVsCompiled,
    [property: JsonPropertyName("lowered_vs_handwritten_worst")] double LoweredVsHandwrittenWorst,
    [property: JsonPropertyName("handlebars_vs_lowered_least")] double HandlebarsVsLoweredLeast);

/// <summary>The absolute figures of <see cref="QuickSummary"/>.</summary>
/// <param name="FilteredOutAllocBytes">Bytes allocated by one event that every flow filters out (the most over 1, 10, 100 flows).</param>
/// <param name="PassingAllocBytes">Bytes allocated by one event through one passing flow that renders and sends its HTML mail.</param>
/// <param name="ColdCompileMs">Median over fresh processes of the first validate + compile + cache write.</param>
/// <param name="WarmCompile10NodesMs">Median warm compile (emit + Roslyn + PDB) of a 10-node flow.</param>
/// <param name="CacheHitLoadMs">Median flow file to callable delegate, from the disk cache.</param>
/// <param name="FirstInvokeAfterLoadMs">Median first run of a freshly loaded flow after <c>LoadedFlow.Prepare</c>, as the host runs it after each load.</param>
/// <param name="Validate1000NodesMs">Median validation of a 1,000-node flow.</param>
/// <param name="Publish1000FlowsS">Publishing 1,000 different flows in a fresh process with an empty cache.</param>
/// <param name="MemoryAfter1000FlowsMb">The managed heap after that publish, after a full collection.</param>
/// <param name="RecordedRunsPerS">Run records written to SQLite per second in a burst of 100,000 raises, first raise to flushed.</param>
/// <param name="RecordsLost">Raises of that burst (and of the PostgreSQL one) whose record is missing from the runs table (must be 0).</param>
/// <param name="RecordedRunsPerSPostgres">The same burst on PostgreSQL, or null when no server was configured.</param>
/// <param name="DurableAcceptPerS">Runs durably accepted per second on SQLite, 256 callers enqueueing at once (group commit).</param>
/// <param name="DurableAcceptPerSPostgres">The same on PostgreSQL, or null when no server was configured.</param>
/// <param name="DurableEnqueueLatencyMs">One enqueue on its own, SQLite, until its run is committed (median).</param>
/// <param name="PublishToActiveColdMs">The first publish in a fresh process with an empty cache, until the flow runs (tiered: on the interpreter).</param>
/// <param name="Publish1000FlowsServingS">The 1,000-flow publish until every flow runs (tiered: before they are compiled).</param>
public sealed record QuickAbsolutes(
    [property: JsonPropertyName("filtered_out_alloc_bytes")] long FilteredOutAllocBytes,
    [property: JsonPropertyName("passing_alloc_bytes")] long PassingAllocBytes,
    [property: JsonPropertyName("cold_compile_ms")] double ColdCompileMs,
    [property: JsonPropertyName("warm_compile_10_nodes_ms")] double WarmCompile10NodesMs,
    [property: JsonPropertyName("cache_hit_load_ms")] double CacheHitLoadMs,
    [property: JsonPropertyName("first_invoke_after_load_ms")] double FirstInvokeAfterLoadMs,
    [property: JsonPropertyName("validate_1000_nodes_ms")] double Validate1000NodesMs,
    [property: JsonPropertyName("publish_1000_flows_s")] double Publish1000FlowsS,
    [property: JsonPropertyName("memory_after_1000_flows_mb")] double MemoryAfter1000FlowsMb,
    [property: JsonPropertyName("recorded_runs_per_s")] double RecordedRunsPerS,
    [property: JsonPropertyName("records_lost")] int RecordsLost,
    [property: JsonPropertyName("recorded_runs_per_s_postgres")] double? RecordedRunsPerSPostgres,
    [property: JsonPropertyName("durable_accept_per_s")] double DurableAcceptPerS,
    [property: JsonPropertyName("durable_accept_per_s_postgres")] double? DurableAcceptPerSPostgres,
    [property: JsonPropertyName("durable_enqueue_latency_ms")] double DurableEnqueueLatencyMs,
    [property: JsonPropertyName("publish_to_active_cold_ms")] double PublishToActiveColdMs,
    [property: JsonPropertyName("publish_1000_flows_serving_s")] double Publish1000FlowsServingS);
