using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

/// <summary>
/// Proxmox nodes ship self-signed certificates: trusted only through a pinned fingerprint, or with verification off.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(60));
    private X509Certificate2 _certificate = null!;
    private ProxmoxEmulator _pve = null!;

    public async Task InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=pve1.example", key, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _pve = await ProxmoxEmulator.StartAsync(_certificate);
        _pve.AddGuest(StandardCluster.Vm, StandardCluster.VmNode, "qemu", running: true, ("name", "web1"));
    }

    public async Task DisposeAsync()
    {
        await _pve.DisposeAsync();
        _certificate.Dispose();
        _bound.Dispose();
    }

    [Fact]
    public async Task A_self_signed_certificate_is_accepted_when_its_fingerprint_is_pinned()
    {
        var fingerprint = string.Join(":", _certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        using var client = new ProxmoxClient(Options(verifyTls: true, pin: fingerprint));

        var guest = await client.FindGuestAsync(StandardCluster.Vm, _bound.Token);

        Assert.Equal("web1", guest.Name);
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_the_pin_is_refused()
    {
        using var client = new ProxmoxClient(Options(verifyTls: false, pin: new string('A', 64)));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.FindGuestAsync(StandardCluster.Vm, _bound.Token));

        Assert.Contains("does not match the pinned SHA-256 fingerprint", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_pve.Requests);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_when_verification_is_on()
    {
        using var client = new ProxmoxClient(Options(verifyTls: true, pin: null));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.FindGuestAsync(StandardCluster.Vm, _bound.Token));

        Assert.Contains("is not trusted by this machine", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_pve.Requests);
    }

    [Fact]
    public async Task Any_certificate_is_accepted_when_verification_is_off()
    {
        using var client = new ProxmoxClient(Options(verifyTls: false, pin: null));

        var guest = await client.FindGuestAsync(StandardCluster.Vm, _bound.Token);

        Assert.Equal(StandardCluster.VmNode, guest.Node);
    }

    private ProxmoxOptions Options(bool verifyTls, string? pin) => new()
    {
        BaseUrl = new Uri(_pve.BaseUrl.AbsoluteUri.Replace("http://", "https://", StringComparison.Ordinal)),
        TokenId = ProxmoxEmulator.TokenId,
        TokenSecret = ProxmoxEmulator.TokenSecret,
        VerifyTls = verifyTls,
        PinnedCertificateSha256 = pin,
        Timeout = TimeSpan.FromSeconds(10),
    };
}
