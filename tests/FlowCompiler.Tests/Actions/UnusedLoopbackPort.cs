using System.Net;
using System.Net.Sockets;

namespace FlowCompiler.Tests.Actions;

/// <summary>A port on 127.0.0.1 that nothing listens on, for "server down" tests.</summary>
internal static class UnusedLoopbackPort
{
    // The OS hands out ephemeral ports in turn, so a port just released is not reused at once.
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
