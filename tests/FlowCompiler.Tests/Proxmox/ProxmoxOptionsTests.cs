using FlowCompiler.Runtime.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

/// <summary>Options that cannot work are refused up front, and the refusal never shows the secret.</summary>
public sealed class ProxmoxOptionsTests
{
    private const string Secret = "8d2c9e4f-1b7a-4e6d-9c3b-5a0f7e2d1c48";

    [Fact]
    public void A_token_id_not_in_user_at_realm_bang_token_form_is_refused()
    {
        foreach (var tokenId in new[] { "panel@pve", "panel!modify", "panel@pve!", "@pve!modify", "panel@pve!mo dify" })
        {
            var exception = Assert.Throws<ArgumentException>(() => new ProxmoxClient(Options(tokenId: tokenId)));
            Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_secret_with_a_line_break_is_refused_without_showing_it()
    {
        const string Broken = "abc\r\nX-Injected: 1";

        var exception = Assert.Throws<ArgumentException>(() => new ProxmoxClient(Options(secret: Broken)));

        Assert.DoesNotContain("abc", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fingerprint_that_is_not_sha256_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ProxmoxClient(Options(pin: "AB:CD")));
        Assert.Throws<ArgumentException>(() => new ProxmoxClient(Options(pin: new string('Z', 64))));
    }

    [Fact]
    public void Fingerprints_are_accepted_with_or_without_colons()
    {
        using var withColons = new ProxmoxClient(Options(pin: string.Join(":", Enumerable.Repeat("AB", 32))));
        using var withoutColons = new ProxmoxClient(Options(pin: new string('a', 64)));
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ProxmoxClient(Options(baseUrl: "ftp://pve.example:8006")));
    }

    private static ProxmoxOptions Options(string tokenId = "panel@pve!modify", string secret = Secret, string? pin = null, string baseUrl = "https://pve.example:8006") => new()
    {
        BaseUrl = new Uri(baseUrl),
        TokenId = tokenId,
        TokenSecret = secret,
        PinnedCertificateSha256 = pin,
    };
}
