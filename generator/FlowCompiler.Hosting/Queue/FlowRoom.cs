namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// How many runs of each flow one claim may take: <see cref="PerFlow"/> less those of the flow the worker already runs
/// (<see cref="Running"/>), so a worker never holds more than <see cref="PerFlow"/> runs of a flow, however many are due.
/// </summary>
/// <param name="PerFlow">The most runs of one flow a worker holds at once.</param>
/// <param name="Running">Runs the worker holds now, by flow id; flows not listed hold none.</param>
public sealed record FlowRoom(int PerFlow, IReadOnlyDictionary<string, int> Running)
{
    /// <summary>No limit per flow (a claim takes the oldest due runs, whatever their flow).</summary>
    public static FlowRoom Unlimited { get; } = new(int.MaxValue, new Dictionary<string, int>());

    /// <summary>The flows with no room left: their runs are not even looked at.</summary>
    public IReadOnlyList<string> Full() => [.. Running.Where(p => p.Value >= PerFlow).Select(p => p.Key)];
}
