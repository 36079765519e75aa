using System.Net;
using System.Net.Sockets;

namespace FlowCompiler.Tests.Actions.Mail;

/// <summary>Accepts connections on 127.0.0.1 and never says anything: a server that hangs.</summary>
internal sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public SilentTcpServer()
    {
        // The backlog holds the connection: the handshake completes without anyone accepting it.
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Dispose() => listener.Stop();
}
