namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// Proxmox refused or failed a request, a task it ran failed, or it could not be reached in time.
/// The message is meant for an admin and never contains the token secret.
/// </summary>
public sealed class ProxmoxApiException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">What went wrong, for an admin.</param>
    public ProxmoxApiException(string message)
        : this(message, null, null, null, null)
    {
    }

    /// <summary>Creates an exception caused by another one.</summary>
    /// <param name="message">What went wrong, for an admin.</param>
    /// <param name="innerException">The cause.</param>
    public ProxmoxApiException(string message, Exception? innerException)
        : this(message, null, null, null, innerException)
    {
    }

    /// <summary>Creates an exception carrying what Proxmox answered.</summary>
    /// <param name="message">What went wrong, for an admin.</param>
    /// <param name="statusCode">The HTTP status Proxmox answered with, if it answered.</param>
    /// <param name="proxmoxMessage">Proxmox's own text: the body's message, the reason phrase or a task's exit status.</param>
    /// <param name="parameterErrors">Proxmox's per-parameter errors of a 400 answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ProxmoxApiException(
        string message,
        int? statusCode,
        string? proxmoxMessage,
        IReadOnlyDictionary<string, string>? parameterErrors,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ProxmoxMessage = proxmoxMessage;
        ParameterErrors = parameterErrors ?? new Dictionary<string, string>();
    }

    /// <summary>The HTTP status Proxmox answered with; null when there was no HTTP answer or no HTTP error.</summary>
    public int? StatusCode { get; }

    /// <summary>Proxmox's own text, e.g. <c>VM 100 is locked (backup)</c>; null when Proxmox said nothing.</summary>
    public string? ProxmoxMessage { get; }

    /// <summary>Proxmox's errors by parameter name, from a <c>400 Parameter verification failed</c> answer.</summary>
    public IReadOnlyDictionary<string, string> ParameterErrors { get; }
}
