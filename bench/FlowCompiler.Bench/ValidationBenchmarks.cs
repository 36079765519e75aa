using System.Text;
using BenchmarkDotNet.Attributes;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Bench;

/// <summary>
/// Validation cost of the front end (import, graph rules, binding) on a realistic sample and on a
/// 1,000-node flow: a tree of filters, joins and templated actions. The target is well under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private byte[] _sample = [];
    private byte[] _thousandNodes = [];

    /// <summary>Loads a sample and builds the large flow once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sample = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root(), "flows", "vip-server-webhook.json"));
        _thousandNodes = Encoding.UTF8.GetBytes(LargeFlow.Build(1000));
        if (FlowValidator.Validate(_thousandNodes).HasErrors)
        {
            throw new InvalidOperationException("the generated 1,000-node flow must be valid");
        }
    }

    /// <summary>One sample flow of four nodes.</summary>
    [Benchmark(Baseline = true)]
    public bool Sample() => FlowValidator.Validate(_sample).HasErrors;

    /// <summary>A 1,000-node flow.</summary>
    [Benchmark]
    public bool ThousandNodes() => FlowValidator.Validate(_thousandNodes).HasErrors;
}
