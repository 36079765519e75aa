using System.Net.Sockets;
using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Proxmox;
using MailKit;
using MailKit.Net.Smtp;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// Tells failures that may pass on their own (retry later) from those that will not (the run is dead at once): a
/// timeout, a connection that failed, a 5xx, 408 or 429 answer, an SMTP 4xx reply and a locked or unreachable database
/// are transient; a 4xx answer, a value that does not parse, a missing row or setting are permanent.
/// </summary>
public static class TransientFaults
{
    /// <summary>Whether <paramref name="error"/> (or what it wraps) is worth another attempt.</summary>
    public static bool IsTransient(Exception error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case HttpActionException http when http.StatusCode is { } status:
                    return IsTransientStatus(status);
                case ProxmoxApiException proxmox when proxmox.StatusCode is { } status:
                    return IsTransientStatus(status);
                case SmtpCommandException smtp:
                    return (int)smtp.StatusCode is >= 400 and < 500;
                case PanelDatabaseException or TimeoutException or OperationCanceledException or SocketException or IOException
                    or HttpRequestException or SmtpProtocolException or ServiceNotConnectedException:
                    return true;
            }
        }

        // An HTTP or Proxmox call that got no answer at all (no status) is transient: the server may come back.
        return error is HttpActionException or ProxmoxApiException { StatusCode: null };
    }

    private static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;
}
