using System.Text.RegularExpressions;
using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// How to reach one Proxmox VE cluster through its HTTP API with an API token.
/// </summary>
public sealed partial class ProxmoxOptions
{
    /// <summary>
    /// Address of the API of any cluster node: scheme, host and port, e.g. <c>https://pve.example:8006</c>.
    /// The client adds <c>/api2/json</c> itself.
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>API token id in Proxmox's form <c>USER@REALM!TOKENID</c>, e.g. <c>panel@pve!modify</c>.</summary>
    public required string TokenId { get; init; }

    /// <summary>
    /// The token's secret. It is only ever written into the <c>Authorization</c> header,
    /// never into an exception message.
    /// </summary>
    [Sensitive]
    public required string TokenSecret { get; init; }

    /// <summary>
    /// Whether the server certificate must be trusted by this machine. Ignored when
    /// <see cref="PinnedCertificateSha256"/> is set, because the pin then decides.
    /// </summary>
    public bool VerifyTls { get; init; } = true;

    /// <summary>
    /// SHA-256 fingerprint of the server certificate as Proxmox shows it
    /// (<c>AB:CD:…</c>, 32 bytes; colons optional). When set, exactly that certificate is accepted,
    /// which is how Proxmox's self-signed node certificates are trusted safely.
    /// </summary>
    public string? PinnedCertificateSha256 { get; init; }

    /// <summary>How long one HTTP request may take, connecting and reading the answer included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two reads of a running task's status.</summary>
    public TimeSpan TaskPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a Proxmox task (a qemu configuration change) before giving up.</summary>
    public TimeSpan TaskWaitLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The pinned fingerprint as bytes, or null when no pin is set.</summary>
    internal byte[]? PinnedFingerprintBytes =>
        PinnedCertificateSha256 is null ? null : Convert.FromHexString(PinnedCertificateSha256.Replace(":", "", StringComparison.Ordinal));

    /// <summary>The value of the <c>Authorization</c> header Proxmox expects for API tokens.</summary>
    internal string AuthorizationHeaderValue => $"PVEAPIToken={TokenId}={TokenSecret}";

    /// <summary>
    /// Rejects options that cannot work, before any request is sent.
    /// Messages name the setting, never the secret's value.
    /// </summary>
    internal void ThrowIfInvalid()
    {
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"BaseUrl must be an absolute http(s) address such as https://pve.example:8006, not '{BaseUrl}'.", nameof(BaseUrl));
        }

        if (!TokenIdPattern().IsMatch(TokenId))
        {
            throw new ArgumentException($"TokenId must look like USER@REALM!TOKENID (e.g. panel@pve!modify), not '{TokenId}'.", nameof(TokenId));
        }

        // A line break or space would let the secret end the header early or add another one.
        if (TokenSecret.Length == 0 || TokenSecret.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("TokenSecret must be the token's secret, non-empty and without spaces or line breaks.", nameof(TokenSecret));
        }

        if (PinnedCertificateSha256 is not null && !FingerprintPattern().IsMatch(PinnedCertificateSha256))
        {
            throw new ArgumentException(
                "PinnedCertificateSha256 must be a SHA-256 fingerprint: 32 bytes in hex, colons optional (AB:CD:…).",
                nameof(PinnedCertificateSha256));
        }

        if (Timeout <= TimeSpan.Zero || TaskPollInterval <= TimeSpan.Zero || TaskWaitLimit <= TimeSpan.Zero)
        {
            throw new ArgumentException("Timeout, TaskPollInterval and TaskWaitLimit must be positive.");
        }
    }

    // Proxmox's user id is NAME@REALM (realm starts with a letter), the token name follows '!'.
    [GeneratedRegex(@"^[^\s:/]+@[A-Za-z][A-Za-z0-9.\-_]+![A-Za-z][A-Za-z0-9.\-_]+\z")]
    private static partial Regex TokenIdPattern();

    [GeneratedRegex(@"^(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}\z|^[0-9A-Fa-f]{64}\z")]
    private static partial Regex FingerprintPattern();
}
