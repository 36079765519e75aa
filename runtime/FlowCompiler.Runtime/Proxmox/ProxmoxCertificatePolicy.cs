using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// Decides whether a server certificate is accepted: the pinned fingerprint when there is one,
/// otherwise the machine's trust store unless verification is turned off.
/// </summary>
internal sealed class ProxmoxCertificatePolicy(bool verifyTls, byte[]? pinnedSha256)
{
    /// <summary>The policy the options ask for.</summary>
    public static ProxmoxCertificatePolicy For(ProxmoxOptions options) =>
        new(options.VerifyTls, options.PinnedFingerprintBytes);

    /// <summary>Whether the platform's default validation alone is what the options ask for.</summary>
    public bool IsPlatformDefault => verifyTls && pinnedSha256 is null;

    /// <summary>Whether a TLS connection presenting this certificate may go on.</summary>
    public bool Accepts(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (pinnedSha256 is not null)
        {
            // Proxmox nodes ship self-signed certificates: the pin replaces chain and name checks.
            return certificate is not null
                && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinnedSha256);
        }

        return !verifyTls || errors == SslPolicyErrors.None;
    }

    /// <summary>What an admin should check when the certificate of <paramref name="authority"/> was refused.</summary>
    public string DescribeRejection(string authority) =>
        pinnedSha256 is not null
            ? $"The TLS certificate of {authority} does not match the pinned SHA-256 fingerprint (FlowCompiler:Proxmox:PinnedCertificateSha256). " +
              "Compare it with the fingerprint shown under the node's System > Certificates in Proxmox."
            : $"The TLS certificate of {authority} is not trusted by this machine. Install the cluster's CA, " +
              "or set FlowCompiler:Proxmox:PinnedCertificateSha256 to the certificate's fingerprint shown under the node's System > Certificates.";
}
