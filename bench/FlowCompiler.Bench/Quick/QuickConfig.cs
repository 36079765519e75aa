using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace FlowCompiler.Bench.Quick;

/// <summary>
/// The quick job: in process (no generated project to build), 2 warm-up and 7 measured iterations of about
/// 100 ms each. Enough for ratios that hold on a quiet 2-core machine, fast enough for five minutes.
/// </summary>
public static class QuickConfig
{
    /// <summary>The configuration, writing its reports under <paramref name="artifacts"/>.</summary>
    public static IConfig Create(string artifacts) => ManualConfig.CreateEmpty()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("Quick"))
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddLogger(ConsoleLogger.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .WithArtifactsPath(artifacts)
        .WithOptions(ConfigOptions.DisableLogFile);
}
