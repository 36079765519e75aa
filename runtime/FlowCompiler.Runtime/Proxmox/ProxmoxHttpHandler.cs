namespace FlowCompiler.Runtime.Proxmox;

/// <summary>Builds the HTTP handler a <see cref="ProxmoxClient"/> talks through.</summary>
public static class ProxmoxHttpHandler
{
    /// <summary>
    /// A handler that honours <see cref="ProxmoxOptions.VerifyTls"/> and
    /// <see cref="ProxmoxOptions.PinnedCertificateSha256"/>, and connects within <see cref="ProxmoxOptions.Timeout"/>.
    /// </summary>
    /// <param name="options">The cluster to reach.</param>
    /// <returns>A new handler; whoever owns it disposes it (a <see cref="ProxmoxClient"/> does).</returns>
    public static SocketsHttpHandler Create(ProxmoxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            // Long-lived clients still notice a node's address or certificate change.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        var policy = ProxmoxCertificatePolicy.For(options);
        if (!policy.IsPlatformDefault)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => policy.Accepts(certificate, errors);
        }

        return handler;
    }
}
