using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FlowCompiler.Bench.Probes;
using FlowCompiler.Bench.Suites;

namespace FlowCompiler.Bench.Quick;

/// <summary>
/// <c>--quick</c>: the process-level probes (cold compiles, the 1,000-flow publish), then every suite with the
/// quick job, then <c>bench/results/summary.json</c> and <c>summary.md</c> written from BenchmarkDotNet's
/// reports. Ratios come from one run of one class each, so they hold on a noisy machine.
/// </summary>
public static class QuickRun
{
    /// <summary>Fresh processes for the cold compile median.</summary>
    public const int ColdSamples = 5;

    /// <summary>Flows in the publish probe.</summary>
    public const int PublishedFlows = 1000;

    /// <summary>Raises in the run-record burst.</summary>
    public const int RecordedRaises = 100_000;

    /// <summary>Events enqueued in the durable-accept probe's measured burst.</summary>
    public const int AcceptedEvents = 50_000;

    /// <summary>Runs everything; returns the exit code.</summary>
    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        var results = Path.Combine(RepositoryPaths.Root(), "bench", "results");

        Console.Out.WriteLine($"cold compile in {ColdSamples} fresh processes…");
        var cold = ProcessMeasurements.ColdCompiles(ColdSamples);
        Console.Out.WriteLine($"publishing {PublishedFlows} flows in a fresh process…");
        var publish = ProcessMeasurements.Publish(PublishedFlows);
        Console.Out.WriteLine($"raising {RecordedRaises:N0} events with their run records in a fresh process…");
        var records = ProcessMeasurements.Records(RecordedRaises);
        var postgresServer = Environment.GetEnvironmentVariable("FLOWC_TEST_POSTGRES") is { Length: > 0 } server ? server : null;
        var postgres = postgresServer is null ? null : ProcessMeasurements.Records(RecordedRaises, postgresServer);
        Console.Out.WriteLine($"enqueueing {AcceptedEvents:N0} events durably in a fresh process…");
        var accept = ProcessMeasurements.Accept(AcceptedEvents);
        var postgresAccept = postgresServer is null ? null : ProcessMeasurements.Accept(AcceptedEvents, postgresServer);

        var config = QuickConfig.Create(Path.Combine(Path.GetTempPath(), "flowc-bench-artifacts"));
        var summaries = BenchmarkRunner.Run(
            [typeof(DispatchBenchmarks), typeof(TemplateBenchmarks), typeof(PredicateBenchmarks), typeof(CompilerBenchmarks), typeof(ScaleBenchmarks), typeof(LoadContextBenchmarks)],
            config);
        var run = new QuickResults(
            Dispatch: Of<DispatchBenchmarks>(summaries),
            Templates: Of<TemplateBenchmarks>(summaries),
            Predicates: Of<PredicateBenchmarks>(summaries),
            Compiler: Of<CompilerBenchmarks>(summaries),
            Scale: Of<ScaleBenchmarks>(summaries),
            LoadContexts: Of<LoadContextBenchmarks>(summaries),
            Cold: cold,
            Publish: publish,
            Records: records,
            PostgresRecords: postgres,
            Accept: accept,
            PostgresAccept: postgresAccept);
        var summary = run.ToSummary(MachineDescription.Read(), DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(results, "summary.md"), SummaryMarkdown.Write(summary, run, clock.Elapsed));
        Console.Out.WriteLine($"wrote {results}/summary.json and summary.md in {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static SuiteFigures Of<TSuite>(Summary[] summaries) =>
        new(summaries.SingleOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(TSuite)))
            ?? throw new InvalidOperationException($"{typeof(TSuite).Name} did not run"));
}
