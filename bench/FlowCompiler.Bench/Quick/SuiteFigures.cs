using System.Globalization;
using BenchmarkDotNet.Reports;

namespace FlowCompiler.Bench.Quick;

/// <summary>Reads one benchmark's figures out of a BenchmarkDotNet summary, by method name and parameter values.</summary>
public sealed class SuiteFigures(Summary summary)
{
    /// <summary>The summary read.</summary>
    public Summary Summary { get; } = summary;

    /// <summary>The median time of one operation, in nanoseconds.</summary>
    public double MedianNs(string method, params (string Name, object Value)[] parameters) => Statistics(method, parameters).Median;

    /// <summary>The bytes one operation allocated.</summary>
    public long AllocatedBytes(string method, params (string Name, object Value)[] parameters)
    {
        var report = Report(method, parameters);
        return report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)
            ?? throw new InvalidOperationException($"{method} has no allocation figure: is [MemoryDiagnoser] on its class?");
    }

    /// <summary>Whether the summary holds a benchmark of that name (the interpreter's are missing until it lands).</summary>
    public bool Has(string method) => Summary.Reports.Any(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

    /// <summary>
    /// The geometric mean of the median times of <paramref name="slower"/>/<paramref name="faster"/> over every
    /// parameter combination the two share (medians: other processes on a shared machine make outliers).
    /// </summary>
    public double GeometricMeanRatio(string slower, string faster, params (string Name, object Value)[] filter)
    {
        var logs = Summary.Reports
            .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == slower && Matches(r, filter))
            .Select(r => Math.Log(r.ResultStatistics!.Median / Statistics(faster, ParametersOf(r)).Median))
            .ToList();
        return logs.Count == 0 ? throw new InvalidOperationException($"no result for {slower}") : Math.Exp(logs.Average());
    }

    /// <summary>The largest ratio of median times <paramref name="slower"/>/<paramref name="faster"/> over the parameter combinations they share.</summary>
    public double WorstRatio(string slower, string faster) => Ratios(slower, faster).Max();

    /// <summary>The smallest ratio of median times <paramref name="slower"/>/<paramref name="faster"/> over the parameter combinations they share.</summary>
    public double LeastRatio(string slower, string faster) => Ratios(slower, faster).Min();

    private IEnumerable<double> Ratios(string slower, string faster) => Summary.Reports
        .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == slower)
        .Select(r => r.ResultStatistics!.Median / Statistics(faster, ParametersOf(r)).Median)
        .DefaultIfEmpty(double.NaN);

    private static (string Name, object Value)[] ParametersOf(BenchmarkReport report) =>
        [.. report.BenchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value))];

    private BenchmarkDotNet.Mathematics.Statistics Statistics(string method, (string Name, object Value)[] parameters) =>
        Report(method, parameters).ResultStatistics ?? throw new InvalidOperationException($"{method} {Describe(parameters)} has no result: it failed, see the log above");

    private BenchmarkReport Report(string method, (string Name, object Value)[] parameters) =>
        Summary.Reports.SingleOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && Matches(r, parameters))
        ?? throw new InvalidOperationException($"no result for {method} {Describe(parameters)}");

    private static bool Matches(BenchmarkReport report, (string Name, object Value)[] parameters) =>
        parameters.All(p => string.Equals(
            Convert.ToString(report.BenchmarkCase.Parameters[p.Name], CultureInfo.InvariantCulture),
            Convert.ToString(p.Value, CultureInfo.InvariantCulture),
            StringComparison.Ordinal));

    private static string Describe((string Name, object Value)[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}"));
}
