namespace FlowCompiler.Bench.Probes;

/// <summary>A burst of calls kept <c>inFlight</c> at a time, as a panel's many request threads make them.</summary>
internal static class InFlightBurst
{
    /// <summary>Starts <paramref name="call"/> <paramref name="count"/> times, waiting for each group of <paramref name="inFlight"/>.</summary>
    public static async Task RunAsync(int count, int inFlight, Func<Task> call)
    {
        var pending = new List<Task>(inFlight);
        for (var i = 0; i < count; i++)
        {
            pending.Add(call());
            if (pending.Count == inFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }
}
