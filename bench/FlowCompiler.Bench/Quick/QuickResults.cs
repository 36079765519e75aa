using FlowCompiler.Bench.Probes;
using FlowCompiler.Bench.Suites;

namespace FlowCompiler.Bench.Quick;

/// <summary>Everything one quick run measured, and the summary figures derived from it.</summary>
/// <param name="Dispatch">The dispatch suite.</param>
/// <param name="Templates">The template suite.</param>
/// <param name="Predicates">The predicate suite.</param>
/// <param name="Compiler">The compiler suite.</param>
/// <param name="Scale">The scale suite.</param>
/// <param name="LoadContexts">Shared against per-flow load contexts.</param>
/// <param name="Cold">The cold-compile samples.</param>
/// <param name="Publish">The 1,000-flow publish.</param>
/// <param name="Records">The burst of raises with their run records on SQLite.</param>
/// <param name="PostgresRecords">The same on PostgreSQL, when <c>FLOWC_TEST_POSTGRES</c> named a server.</param>
/// <param name="Accept">Durable accepting on SQLite.</param>
/// <param name="PostgresAccept">The same on PostgreSQL, when a server was named.</param>
public sealed record QuickResults(
    SuiteFigures Dispatch,
    SuiteFigures Templates,
    SuiteFigures Predicates,
    SuiteFigures Compiler,
    SuiteFigures Scale,
    SuiteFigures LoadContexts,
    IReadOnlyList<ColdCompileSample> Cold,
    PublishSample Publish,
    RecordsSample Records,
    RecordsSample? PostgresRecords,
    AcceptSample Accept,
    AcceptSample? PostgresAccept)
{
    /// <summary>The flow counts of the dispatch suite.</summary>
    public static readonly int[] FlowCounts = [1, 10, 100];

    /// <summary>Whether the reference interpreter was part of the run.</summary>
    public bool HasInterpreter => Dispatch.Has("Interpreter");

    /// <summary>The figures of summary.json.</summary>
    public QuickSummary ToSummary(string machine, string date) => new(
        machine,
        date,
        new QuickRatios(
            CompiledVsHandwritten: Round(Dispatch.GeometricMeanRatio("Compiled", "HandWritten"), 2),
            InterpreterVsCompiled: HasInterpreter ? Round(Dispatch.GeometricMeanRatio("Interpreter", "Compiled", ("Case", DispatchCase.Passing)), 1) : null,
            ScribanVsLowered: Round(Templates.GeometricMeanRatio("Scriban", "Lowered"), 2),
            FluidVsLowered: Round(Templates.GeometricMeanRatio("Fluid", "Lowered"), 2),
            HandlebarsVsLowered: Round(Templates.GeometricMeanRatio("Handlebars", "Lowered"), 2),
            RulesengineVsCompiled: Round(Predicates.GeometricMeanRatio("RulesEngine", "Compiled"), 1),
            LoweredVsHandwrittenWorst: Round(Templates.WorstRatio("Lowered", "HandWritten"), 2),
            HandlebarsVsLoweredLeast: Round(Templates.LeastRatio("Handlebars", "Lowered"), 2)),
        new QuickAbsolutes(
            FilteredOutAllocBytes: FlowCounts.Max(n => Dispatch.AllocatedBytes("Compiled", ("Flows", n), ("Case", DispatchCase.FilteredOut))),
            PassingAllocBytes: Dispatch.AllocatedBytes("Compiled", ("Flows", 1), ("Case", DispatchCase.Passing)),
            ColdCompileMs: Round(ProcessMeasurements.Median(Cold.Select(c => c.CompileMs)), 1),
            WarmCompile10NodesMs: Milliseconds(Compiler.MedianNs("WarmCompile10Nodes")),
            CacheHitLoadMs: Milliseconds(Compiler.MedianNs("CacheHitLoad")),
            FirstInvokeAfterLoadMs: Milliseconds(Compiler.MedianNs("FirstInvokeAfterPrepare")),
            Validate1000NodesMs: Milliseconds(Compiler.MedianNs("Validate1000Nodes")),
            Publish1000FlowsS: Round(Publish.Seconds, 2),
            MemoryAfter1000FlowsMb: Round(Publish.ManagedMb, 1),
            RecordedRunsPerS: Math.Round(Records.RecordsPerSecond),
            RecordsLost: Records.Lost + (PostgresRecords?.Lost ?? 0),
            RecordedRunsPerSPostgres: PostgresRecords is { } postgres ? Math.Round(postgres.RecordsPerSecond) : null,
            DurableAcceptPerS: Math.Round(Accept.AcceptedPerSecond),
            DurableAcceptPerSPostgres: PostgresAccept is { } accepted ? Math.Round(accepted.AcceptedPerSecond) : null,
            DurableEnqueueLatencyMs: Round(Accept.LatencyMs, 2),
            PublishToActiveColdMs: Round(Publish.FirstActiveMs, 1),
            Publish1000FlowsServingS: Round(Publish.ServingSeconds, 2)));

    private static double Milliseconds(double nanoseconds) => Round(nanoseconds / 1e6, 3);

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
