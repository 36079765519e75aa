using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Compiler;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Panel;

/// <summary>
/// Proxmox TLS as configured through <c>FlowCompiler:Proxmox</c>: verification is on unless turned off, and a
/// pinned fingerprint is how a node's self-signed certificate is trusted.
/// </summary>
public sealed class PanelProxmoxTlsTests : IAsyncLifetime
{
    private X509Certificate2 certificate = null!;
    private ProxmoxEmulator pve = null!;

    public async Task InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        certificate = new CertificateRequest("CN=pve-fra-1.example", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        pve = await ProxmoxEmulator.StartAsync(certificate);
        pve.AddGuest(PanelRows.Vmid, PanelRows.Node, "qemu", running: true, ("name", "ubuntu-2204"));
        pve.State.HaGroups.Add("fra-1");
    }

    public async Task DisposeAsync()
    {
        await pve.DisposeAsync();
        certificate.Dispose();
    }

    [Fact]
    public async Task By_default_a_self_signed_certificate_is_refused_and_the_node_says_how_to_trust_it()
    {
        var result = await RunHaSampleAsync(PanelEndToEndTests.ProxmoxSettings(pve));

        var node = result.Node("join-ha");
        Assert.Equal(NodeStatus.Failed, node.Status);
        Assert.Contains("is not trusted by this machine", node.Error, StringComparison.Ordinal);
        Assert.Contains("PinnedCertificateSha256", node.Error, StringComparison.Ordinal);
        Assert.Empty(pve.Requests);
    }

    [Fact]
    public async Task A_pinned_fingerprint_from_configuration_trusts_the_certificate()
    {
        var settings = PanelEndToEndTests.ProxmoxSettings(pve);
        settings["Proxmox:PinnedCertificateSha256"] = string.Join(":",
            certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

        var result = await RunHaSampleAsync(settings);

        LivePanel.AssertSucceeded(result);
        Assert.Equal("fra-1", pve.State.HaResources["vm:4711"].Group);
    }

    private static async Task<RunResult> RunHaSampleAsync(Dictionary<string, string?> settings)
    {
        await using var panel = await LivePanel.StartAsync(settings);
        await panel.SeedAsync(PanelRows.Server());
        return await panel.RunAsync(CompilerTestFlows.Load(CompilerTestFlows.SampleText("ha-group-for-node")), CompilerTestFlows.SampleEvent("server.created"));
    }
}
