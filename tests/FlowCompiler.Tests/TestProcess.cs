using System.Runtime.CompilerServices;

namespace FlowCompiler.Tests;

/// <summary>Settings of the test process itself.</summary>
internal static class TestProcess
{
    /// <summary>
    /// The tests run servers in this process (Kestrel for HTTP and the Proxmox emulator, an SMTP server) while
    /// other tests block threads on purpose (hanging actions, synchronous waits in property tests). On a
    /// 2-core machine the thread pool starts with 2 threads and adds about one a second, so a server could
    /// wait seconds for a thread and a client deadline in an unrelated test would expire. Start with more.
    /// </summary>
    [ModuleInitializer]
    internal static void StartWithEnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
