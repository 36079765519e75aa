using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Panel;
using FlowCompiler.Runtime.Proxmox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Configuration;

public sealed class RuntimeConfigurationTests
{
    private const string Secret = "s3cr3t-Vq7!pw";

    [Fact]
    public void With_no_settings_at_all_the_embedded_defaults_start()
    {
        using var provider = RuntimeConfiguration.Build(new Dictionary<string, string?>());

        RuntimeConfiguration.ValidateAtStart(provider);

        var outbox = Assert.IsType<OutboxMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.Equal(Path.GetFullPath("outbox"), outbox.OutboxDirectory);
        Assert.Equal(TimeSpan.FromSeconds(10), provider.GetRequiredService<IOptions<HttpActionOptions>>().Value.Timeout);
        Assert.False(provider.GetRequiredService<ProxmoxClientAccessor>().IsConfigured);
        Assert.Equal(Path.Combine(".flowc", "cache"), provider.GetRequiredService<IOptions<FlowRuntimeOptions>>().Value.CacheDirectory);
        var database = provider.GetRequiredService<IOptions<PanelDatabaseOptions>>().Value;
        Assert.Equal((PanelDatabaseProvider.Sqlite, "Data Source=panel.db"), (database.Provider, database.ConnectionString));
        Assert.IsType<PanelFlowServices>(provider.GetRequiredService<IFlowServices>());
    }

    [Fact]
    public void Sections_of_other_parts_below_the_root_are_left_to_them()
    {
        using var provider = RuntimeConfiguration.Build(new Dictionary<string, string?> { ["FlowCompiler:Host:Workers"] = "4" });

        RuntimeConfiguration.ValidateAtStart(provider);
    }

    [Fact]
    public void Environment_variables_with_double_underscores_set_nested_keys()
    {
        var prefix = $"FLOWC_TEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["FlowCompiler__Mail__SmtpHost"] = "smtp.example.org",
            ["FlowCompiler__Mail__SmtpPort"] = "2525",
            ["FlowCompiler__Mail__Security"] = "Tls",
            ["FlowCompiler__Mail__FromAddress"] = "panel@example.org",
            ["FlowCompiler__Http__Timeout"] = "00:00:03",
            ["FlowCompiler__CacheDirectory"] = "/var/cache/flowc",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, value);
            }

            // The prefix keeps this test's variables apart from the machine's and from tests running alongside.
            using var provider = RuntimeConfiguration.Build(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());
            RuntimeConfiguration.ValidateAtStart(provider);

            Assert.IsType<SmtpMailSender>(provider.GetRequiredService<IMailSender>());
            var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            Assert.Equal(("smtp.example.org", 2525, SmtpSecurity.Tls), (mail.SmtpHost, mail.EffectiveSmtpPort, mail.Security));
            Assert.Equal(TimeSpan.FromSeconds(3), provider.GetRequiredService<IOptions<HttpActionOptions>>().Value.Timeout);
            Assert.Equal("/var/cache/flowc", provider.GetRequiredService<IOptions<FlowRuntimeOptions>>().Value.CacheDirectory);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public void Appsettings_json_configures_proxmox()
    {
        var folder = Directory.CreateTempSubdirectory("flowc-settings-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "appsettings.json"), """
                {
                  "FlowCompiler": {
                    "Proxmox": {
                      "BaseUrl": "https://pve.example.org:8006",
                      "TokenId": "panel@pve!flows",
                      "TokenSecret": "8d2c9e4f-1b7a-4e6d-9c3b-5a0f7e2d1c48",
                      "PinnedCertificateSha256": "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
                    }
                  }
                }
                """);
            var configuration = new ConfigurationBuilder().SetBasePath(folder.FullName).AddJsonFile("appsettings.json").Build();
            using var provider = RuntimeConfiguration.Build(configuration);

            RuntimeConfiguration.ValidateAtStart(provider);

            var proxmox = provider.GetRequiredService<IOptions<ProxmoxOptions>>().Value;
            Assert.Equal(new Uri("https://pve.example.org:8006"), proxmox.BaseUrl);
            Assert.True(proxmox.VerifyTls);
            Assert.True(provider.GetRequiredService<ProxmoxClientAccessor>().IsConfigured);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("FlowCompiler:Proxmox:BaseUrl", "https://pve.example.org:8006", "FlowCompiler:Proxmox:TokenSecret is missing")]
    [InlineData("FlowCompiler:Proxmox:TokenSecret", Secret, "FlowCompiler:Proxmox:BaseUrl is missing")]
    [InlineData("FlowCompiler:Mail:SmtpHost", "smtp.example.org", "FlowCompiler:Mail:FromAddress is empty")]
    [InlineData("FlowCompiler:Mail:Username", "panel", "FlowCompiler:Mail:Username is set but FlowCompiler:Mail:Password is not")]
    public void A_missing_setting_fails_start_up_naming_its_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "FlowCompiler:Mail:Username")
        {
            settings["FlowCompiler:Mail:SmtpHost"] = "smtp.example.org";
            settings["FlowCompiler:Mail:FromAddress"] = "panel@example.org";
        }

        Assert.Contains(expected, RuntimeConfiguration.StartupError(settings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FlowCompiler:Mail:Security", "ssl", "FlowCompiler:Mail:Security is not one of None, StartTls, Tls")]
    [InlineData("FlowCompiler:Http:RetryDelay", "soon", "FlowCompiler:Http:RetryDelay is not a time span such as 00:00:10")]
    [InlineData("FlowCompiler:Proxmox:VerifyTls", "yes", "FlowCompiler:Proxmox:VerifyTls is not true or false")]
    [InlineData("FlowCompiler:Mail:SmtpPort", "70000", "FlowCompiler:Mail:SmtpPort 70000 is not a TCP port")]
    [InlineData("FlowCompiler:Http:Timeout", "00:00:00", "FlowCompiler:Http:Timeout is 00:00:00")]
    [InlineData("FlowCompiler:Http:MaxRetryAttempts", "-1", "FlowCompiler:Http:MaxRetryAttempts is -1")]
    [InlineData("FlowCompiler:Http:TotalTimeout", "00:00:01", "FlowCompiler:Http:TotalTimeout (00:00:01) is shorter than FlowCompiler:Http:Timeout")]
    [InlineData("FlowCompiler:Proxmox:TokenId", "panel-without-realm", "FlowCompiler:Proxmox:TokenId: TokenId must look like USER@REALM!TOKENID")]
    [InlineData("FlowCompiler:Proxmox:PinnedCertificateSha256", "AB:CD", "FlowCompiler:Proxmox:PinnedCertificateSha256: ")]
    [InlineData("FlowCompiler:Mail:SmtpHots", "smtp.example.org", "FlowCompiler:Mail:SmtpHots is not a setting. The keys of FlowCompiler:Mail are: FromAddress, ")]
    [InlineData("FlowCompiler:CacheFolder", "/tmp", "FlowCompiler:CacheFolder is not a setting")]
    [InlineData("FlowCompiler:Hots:RunTimeout", "00:01:00", "FlowCompiler:Hots is not a setting or section. The keys of FlowCompiler are: CacheDirectory; its sections: Database, Host, Http, Mail, Proxmox.")]
    [InlineData("FlowCompiler:CacheDirectory", " ", "FlowCompiler:CacheDirectory is empty")]
    [InlineData("FlowCompiler:Database:Provider", "MySql", "FlowCompiler:Database:Provider is not one of Sqlite, PostgreSql, SqlServer")]
    [InlineData("FlowCompiler:Database:ConnectionString", "", "FlowCompiler:Database:ConnectionString is empty")]
    [InlineData("FlowCompiler:Database:CommandTimeout", "00:00:00", "FlowCompiler:Database:CommandTimeout is 00:00:00")]
    public void A_bad_setting_fails_start_up_naming_its_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FlowCompiler:Mail:SmtpHost"] = "smtp.example.org",
            ["FlowCompiler:Mail:FromAddress"] = "panel@example.org",
            [key] = value,
        };
        if (key.StartsWith("FlowCompiler:Proxmox:", StringComparison.Ordinal))
        {
            settings.TryAdd("FlowCompiler:Proxmox:BaseUrl", "https://pve.example.org:8006");
            settings.TryAdd("FlowCompiler:Proxmox:TokenId", "panel@pve!flows");
            settings.TryAdd("FlowCompiler:Proxmox:TokenSecret", Secret);
        }

        var error = RuntimeConfiguration.StartupError(settings);

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_stay_out_of_start_up_errors_and_of_the_options_text()
    {
        var settings = new Dictionary<string, string?>
        {
            ["FlowCompiler:Mail:SmtpHost"] = "smtp.example.org",
            ["FlowCompiler:Mail:SmtpPort"] = "0",
            ["FlowCompiler:Mail:Username"] = "panel",
            ["FlowCompiler:Mail:Password"] = Secret,
            ["FlowCompiler:Mail:FromAddress"] = "panel@example.org",
            ["FlowCompiler:Proxmox:BaseUrl"] = "https://pve.example.org:8006",
            ["FlowCompiler:Proxmox:TokenId"] = "bad token id",
            ["FlowCompiler:Proxmox:TokenSecret"] = Secret,
            ["FlowCompiler:Database:Provider"] = "PostgreSql",
            ["FlowCompiler:Database:ConnectionString"] = $"Host=db.example.org;Password={Secret};Unknown Keyword=1",
        };

        var error = RuntimeConfiguration.StartupError(settings);

        Assert.Contains("FlowCompiler:Database:ConnectionString is not a valid PostgreSql connection string", error, StringComparison.Ordinal);
        Assert.Contains("FlowCompiler:Mail:SmtpPort", error, StringComparison.Ordinal);
        Assert.Contains("FlowCompiler:Proxmox:TokenId", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);

        settings["FlowCompiler:Mail:SmtpPort"] = "587";
        settings["FlowCompiler:Proxmox:TokenId"] = "panel@pve!flows";
        settings["FlowCompiler:Database:ConnectionString"] = $"Host=db.example.org;Username=panel;Password={Secret}";
        using var provider = RuntimeConfiguration.Build(settings);
        RuntimeConfiguration.ValidateAtStart(provider);
        Assert.DoesNotContain(Secret, provider.GetRequiredService<IOptions<MailOptions>>().Value.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, provider.GetRequiredService<IOptions<ProxmoxOptions>>().Value.ToString(), StringComparison.Ordinal);
        var database = provider.GetRequiredService<IOptions<PanelDatabaseOptions>>().Value;
        Assert.Equal(PanelDatabaseProvider.PostgreSql, database.Provider);
        Assert.DoesNotContain(Secret, database.ToString(), StringComparison.Ordinal);
    }
}
