namespace FlowCompiler.Bench.Probes;

/// <summary>The child-process side of the process-level measurements: prints one result line on stdout.</summary>
public static class ProbeEntry
{
    /// <summary>Runs the probe named <paramref name="probe"/> with its arguments.</summary>
    public static int Run(string probe, string[] args)
    {
        switch (probe, args)
        {
            case (ColdCompileProbe.Name, [var cache]):
                Console.Out.WriteLine(ColdCompileProbe.Measure(cache).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case (PublishProbe.Name, [var cache, var count]):
                Console.Out.WriteLine(PublishProbe.Measure(cache, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
                return 0;
            case (RecordsProbe.Name, [var cache, var raises, .. var postgres]) when postgres.Length <= 1:
                Console.Out.WriteLine(RecordsProbe.Measure(cache, int.Parse(raises, System.Globalization.CultureInfo.InvariantCulture), postgres.FirstOrDefault()));
                return 0;
            case (AcceptProbe.Name, [var cache, var events, .. var postgres]) when postgres.Length <= 1:
                Console.Out.WriteLine(AcceptProbe.Measure(cache, int.Parse(events, System.Globalization.CultureInfo.InvariantCulture), postgres.FirstOrDefault()));
                return 0;
            default:
                Console.Error.WriteLine($"unknown probe \"{probe}\" or wrong arguments; probes: {ColdCompileProbe.Name} CACHE, {PublishProbe.Name} CACHE COUNT, {RecordsProbe.Name} CACHE RAISES [POSTGRES-SERVER], {AcceptProbe.Name} CACHE EVENTS [POSTGRES-SERVER]");
                return 2;
        }
    }
}
