using System.Runtime.InteropServices;

namespace FlowCompiler.Bench.Quick;

/// <summary>One line saying what the suite ran on.</summary>
public static class MachineDescription
{
    /// <summary>CPU model, logical cores, memory, OS and .NET runtime.</summary>
    public static string Read()
    {
        var cpu = CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{cpu}, {Environment.ProcessorCount} cores, {memoryGb:0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string? CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        return File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
    }
}
