using System.Globalization;
using System.Text;
using FlowCompiler.Bench.Probes;
using FlowCompiler.Bench.Suites;
using FlowCompiler.Bench.Templates;

namespace FlowCompiler.Bench.Quick;

/// <summary>Writes <c>bench/results/summary.md</c>: the targets of issue 6 met or missed, then every suite's figures.</summary>
public static class SummaryMarkdown
{
    /// <summary>The document for one run.</summary>
    public static string Write(QuickSummary summary, QuickResults run, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        var r = summary.Ratios;
        var a = summary.Absolute;
        Line(md, "# Benchmark summary (quick mode)");
        Line(md);
        Line(md, $"- Machine: {summary.Machine}");
        Line(md, $"- Date: {summary.Date}; the whole quick run took {elapsed.TotalSeconds:0} s");
        Line(md, "- Command: `dotnet run -c Release --project bench/FlowCompiler.Bench -- --quick` (BenchmarkDotNet in process, 2 warm-up + 7 measured iterations)");
        Line(md, "- Times are BenchmarkDotNet medians (robust to other processes on a shared machine); ratios are geometric means of median ratios over a suite's cases; allocations are per operation.");
        Line(md);
        Line(md, "## Targets");
        Line(md);
        Line(md, "| target | measured | |");
        Line(md, "| --- | --- | --- |");
        Target(md, "compiled ≤ 1.2× hand-written (dispatch, 6 cases)", $"{r.CompiledVsHandwritten:0.00}×", r.CompiledVsHandwritten <= 1.2);
        if (r.InterpreterVsCompiled is { } interpreter)
        {
            Target(md, "≥ 20× faster than the interpreter (passing, 1/10/100 flows)", $"{interpreter:0.0}×", interpreter >= 20);
        }
        else
        {
            Line(md, "| ≥ 20× faster than the interpreter | not measured: the interpreter was not on main for this run | — |");
        }

        Target(md, "lowered ≥ 3× faster than Scriban", $"{r.ScribanVsLowered:0.00}×", r.ScribanVsLowered >= 3);
        Target(md, "lowered ≥ 3× faster than Fluid", $"{r.FluidVsLowered:0.00}×", r.FluidVsLowered >= 3);
        Target(md, "lowered ≥ 3× faster than Handlebars.Net", $"{r.HandlebarsVsLowered:0.00}×", r.HandlebarsVsLowered >= 3);
        Target(md, "0 B allocated for a filtered-out event", $"{a.FilteredOutAllocBytes} B", a.FilteredOutAllocBytes == 0);
        Target(md, "warm compile of a 10-node flow ≤ 30 ms", $"{a.WarmCompile10NodesMs:0.0} ms", a.WarmCompile10NodesMs <= 30);
        Target(md, "cache-hit load (file to callable delegate) ≤ 2 ms", $"{a.CacheHitLoadMs:0.00} ms", a.CacheHitLoadMs <= 2);
        Line(md, $"| first invoke after a load (prepared in the background, as the host does): as low as possible | {a.FirstInvokeAfterLoadMs:0.00} ms | — |");
        Target(md, "cold compile ≤ 0.5 s (median of fresh processes)", $"{a.ColdCompileMs:0} ms", a.ColdCompileMs <= 500);
        Target(md, "validation of a 1,000-node flow well under 50 ms", $"{a.Validate1000NodesMs:0.0} ms", a.Validate1000NodesMs < 50);
        Line(md, $"| RulesEngine vs compiled filter (no target) | {r.RulesengineVsCompiled:0.0}× | — |");
        Line(md, $"| publish 1,000 flows, empty cache, until all run compiled (no target) | {a.Publish1000FlowsS:0.0} s, {a.MemoryAfter1000FlowsMb:0} MB managed after | — |");
        Target(md, "publish 1,000 flows, empty cache, until all serve (tiered) within 2 s", $"{a.Publish1000FlowsServingS:0.00} s", a.Publish1000FlowsServingS <= 2);
        Target(md, "first publish in a fresh process, empty cache, active ≤ 50 ms", $"{a.PublishToActiveColdMs:0.0} ms", a.PublishToActiveColdMs <= 50);
        Target(md, "lowered templates at least as fast as hand-written interpolation (worst template)", $"{r.LoweredVsHandwrittenWorst:0.00}", r.LoweredVsHandwrittenWorst <= 1.0);
        Target(md, "Handlebars.Net ≥ 3× slower than lowered on every template (least)", $"{r.HandlebarsVsLoweredLeast:0.00}×", r.HandlebarsVsLoweredLeast >= 3);
        Target(md, "≥ 50,000 recorded runs per second on SQLite (burst of 100,000 raises)", $"{a.RecordedRunsPerS:N0}/s", a.RecordedRunsPerS >= 50_000);
        Target(md, "no run record lost in that burst", $"{a.RecordsLost}", a.RecordsLost == 0);
        Line(md, $"| recorded runs per second on PostgreSQL, same burst (no target) | {(a.RecordedRunsPerSPostgres is { } pg ? $"{pg:N0}/s" : "not measured: FLOWC_TEST_POSTGRES unset")} | — |");
        Target(md, "≥ 20,000 durably accepted events per second on SQLite (256 callers)", $"{a.DurableAcceptPerS:N0}/s", a.DurableAcceptPerS >= 20_000);
        Line(md, $"| durably accepted events per second on PostgreSQL (target ≥ 20,000) | {(a.DurableAcceptPerSPostgres is { } accepted ? $"{accepted:N0}/s" : "not measured: FLOWC_TEST_POSTGRES unset")} | {(a.DurableAcceptPerSPostgres is { } met ? (met >= 20_000 ? "met" : "**missed**") : "—")} |");
        Line(md, $"| one durable enqueue on its own, SQLite, until committed (no target) | {a.DurableEnqueueLatencyMs:0.00} ms | — |");
        Line(md);

        Dispatch(md, run);
        Templates(md, run.Templates);
        Predicates(md, run);
        Compiler(md, run);
        Scale(md, run);
        LoadContexts(md, run);
        return md.ToString();
    }

    private static void Dispatch(StringBuilder md, QuickResults run)
    {
        var d = run.Dispatch;
        Line(md, "## Dispatch: one event through N copies of the mail flow");
        Line(md);
        var interpreter = run.HasInterpreter;
        Line(md, interpreter
            ? "| flows | case | hand-written | compiled | interpreter | compiled / hand-written | interpreter / compiled | allocated (hand-written / compiled / interpreter) |"
            : "| flows | case | hand-written | compiled | compiled / hand-written | allocated (hand-written / compiled) |");
        Line(md, interpreter ? "| --- | --- | --- | --- | --- | --- | --- | --- |" : "| --- | --- | --- | --- | --- | --- |");
        foreach (var flows in QuickResults.FlowCounts)
        {
            foreach (var c in new[] { DispatchCase.FilteredOut, DispatchCase.Passing })
            {
                (string, object)[] p = [("Flows", flows), ("Case", c)];
                var hand = d.MedianNs("HandWritten", p);
                var compiled = d.MedianNs("Compiled", p);
                if (interpreter)
                {
                    var interpreted = d.MedianNs("Interpreter", p);
                    Line(md, $"| {flows} | {c} | {Time(hand)} | {Time(compiled)} | {Time(interpreted)} | {compiled / hand:0.00} | {interpreted / compiled:0.0} | {d.AllocatedBytes("HandWritten", p)} B / {d.AllocatedBytes("Compiled", p)} B / {d.AllocatedBytes("Interpreter", p)} B |");
                }
                else
                {
                    Line(md, $"| {flows} | {c} | {Time(hand)} | {Time(compiled)} | {compiled / hand:0.00} | {d.AllocatedBytes("HandWritten", p)} B / {d.AllocatedBytes("Compiled", p)} B |");
                }
            }
        }

        Line(md);
    }

    private static void Templates(StringBuilder md, SuiteFigures t)
    {
        string[] engines = ["Lowered", "HandWritten", "Scriban", "Fluid", "Handlebars"];
        Line(md, "## Templates: one render, hostile values, outputs checked equal");
        Line(md);
        Line(md, "| template | " + string.Join(" | ", engines) + " |");
        Line(md, "| --- |" + string.Concat(engines.Select(_ => " --- |")));
        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            var lowered = t.MedianNs("Lowered", ("Template", kind));
            var cells = engines.Select(e =>
            {
                var median = t.MedianNs(e, ("Template", kind));
                return $"{Time(median)} ({median / lowered:0.00}×, {t.AllocatedBytes(e, ("Template", kind))} B)";
            });
            Line(md, $"| {kind} | " + string.Join(" | ", cells) + " |");
        }

        Line(md);
    }

    private static void Predicates(StringBuilder md, QuickResults run)
    {
        var p = run.Predicates;
        string[] methods = p.Has("Interpreter") ? ["Compiled", "RulesEngine", "Interpreter"] : ["Compiled", "RulesEngine"];
        Line(md, "## Predicates: one condition, one event");
        Line(md);
        Line(md, "| condition | " + string.Join(" | ", methods) + " |");
        Line(md, "| --- |" + string.Concat(methods.Select(_ => " --- |")));
        foreach (var condition in Enum.GetValues<PredicateCondition>())
        {
            var compiled = p.MedianNs("Compiled", ("Condition", condition));
            var cells = methods.Select(m =>
            {
                var median = p.MedianNs(m, ("Condition", condition));
                return $"{Time(median)} ({median / compiled:0.0}×, {p.AllocatedBytes(m, ("Condition", condition))} B)";
            });
            Line(md, $"| {condition} | " + string.Join(" | ", cells) + " |");
        }

        Line(md);
    }

    private static void Compiler(StringBuilder md, QuickResults run)
    {
        var c = run.Compiler;
        Line(md, "## Compiler (warm process, medians of single operations)");
        Line(md);
        Line(md, "| operation | median | allocated |");
        Line(md, "| --- | --- | --- |");
        foreach (var method in new[] { "WarmCompile1Node", "WarmCompile10Nodes", "WarmCompile100Nodes", "CacheHitLoad", "FirstInvokeAfterLoad", "PrepareAfterLoad", "FirstInvokeAfterPrepare", "Validate1000Nodes" })
        {
            Line(md, $"| {method} | {Time(c.MedianNs(method))} | {c.AllocatedBytes(method) / 1024.0:0.0} KB |");
        }

        Line(md);
        Line(md, $"Cold compile, {run.Cold.Count} fresh processes (validate + compile + cache write inside the process; whole process wall time in brackets): " +
            string.Join(", ", run.Cold.Select(s => $"{s.CompileMs:0} ms ({s.ProcessMs:0} ms)")) +
            $"; median {ProcessMeasurements.Median(run.Cold.Select(s => s.CompileMs)):0} ms ({ProcessMeasurements.Median(run.Cold.Select(s => s.ProcessMs)):0} ms).");
        Line(md);
    }

    private static void Scale(StringBuilder md, QuickResults run)
    {
        var s = run.Scale;
        var alone = s.MedianNs("OneFlowAlone");
        var among = s.MedianNs("OneFlowAmongOthers");
        var hostAlone = s.MedianNs("ViaHostAlone");
        var hostAmong = s.MedianNs("ViaHostAmongOthers");
        Line(md, "## Scale");
        Line(md);
        Line(md, $"- Publish {run.Publish.Flows:N0} different flows through `FlowHost.PublishAsync` (validate, compile, cache, store the version in SQLite, load, activate; one at a time) in a fresh process with an empty cache: {run.Publish.Seconds:0.0} s; managed heap afterwards {run.Publish.ManagedMb:0} MB.");
        Line(md, $"- One passing event through its flow, over the loaded flows indexed by event: alone {Time(alone)} ({s.AllocatedBytes("OneFlowAlone")} B); with {ScaleBenchmarks.OtherFlows:N0} flows on other events published {Time(among)} ({s.AllocatedBytes("OneFlowAmongOthers")} B) — {among / alone:0.00}×.");
        Line(md, $"- A burst of {run.Records.Raises:N0} raises through `FlowHost.RaiseAsync` ({RecordsProbe.InFlight} in flight, one passing mail flow), every run recorded in a SQLite file: {run.Records.RecordsPerSecond:N0} records/s from the first raise until the flush returned; {run.Records.Lost} records missing afterwards.");
        Line(md, $"- The same through `FlowHost.RaiseAsync` (run record queued for SQLite included): alone {Time(hostAlone)} ({s.AllocatedBytes("ViaHostAlone")} B); among {ScaleBenchmarks.OtherFlows:N0} others {Time(hostAmong)} ({s.AllocatedBytes("ViaHostAmongOthers")} B) — {hostAmong / hostAlone:0.00}×.");
        Line(md);
    }

    private static void LoadContexts(StringBuilder md, QuickResults run)
    {
        var shared = run.LoadContexts.MedianNs("SharedContext");
        var own = run.LoadContexts.MedianNs("OwnContexts");
        Line(md, "## Load contexts");
        Line(md);
        Line(md, $"One filtered-out event through 100 compiled flows: all in one shared collectible context {Time(shared)} ({shared / 100:0.0} ns a flow); " +
            $"each in its own context {Time(own)} ({own / 100:0.0} ns a flow) — {own / shared:0.0}× slower. The host loads flows together at start and repacks flows published one by one.");
        Line(md);
    }

    private static void Target(StringBuilder md, string target, string measured, bool met) =>
        Line(md, $"| {target} | {measured} | {(met ? "met" : "**missed**")} |");

    private static string Time(double ns) => ns switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns:0.0} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.00} ms"),
    };

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
