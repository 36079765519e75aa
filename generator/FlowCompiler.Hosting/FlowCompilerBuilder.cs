using System.Globalization;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Proxmox;

namespace FlowCompiler.Hosting;

/// <summary>
/// The engine's settings written in code, for <c>AddFlowCompiler(o =&gt; …)</c>. Each method sets the configuration keys
/// an <c>appsettings.json</c> would (<c>UseSqlite</c> sets <c>FlowCompiler:Database:Provider</c> and
/// <c>ConnectionString</c>), so both ways are checked the same way at start-up. Relative paths are taken from the
/// host's content root.
/// </summary>
public sealed class FlowCompilerBuilder
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<FlowHostOptions>> _host = [];

    internal FlowCompilerBuilder()
    {
    }

    /// <summary>The configuration keys set so far.</summary>
    internal IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>The host settings changed in code, applied after the keys.</summary>
    internal IReadOnlyList<Action<FlowHostOptions>> HostSettings => _host;

    /// <summary>The panel database is a SQLite file: <c>Data Source=panel.db</c>.</summary>
    public FlowCompilerBuilder UseSqlite(string connectionString) => UseDatabase(PanelDatabaseProvider.Sqlite, connectionString);

    /// <summary>The panel database is on PostgreSQL.</summary>
    public FlowCompilerBuilder UsePostgreSql(string connectionString) => UseDatabase(PanelDatabaseProvider.PostgreSql, connectionString);

    /// <summary>The panel database is on SQL Server.</summary>
    public FlowCompilerBuilder UseSqlServer(string connectionString) => UseDatabase(PanelDatabaseProvider.SqlServer, connectionString);

    /// <summary>Publishes the flow files (<c>*.json</c>) of <paramref name="folder"/> at start-up (<see cref="FlowHostOptions.PublishDirectory"/>).</summary>
    public FlowCompilerBuilder PublishFrom(string folder) => Set(FlowHostOptions.Section, nameof(FlowHostOptions.PublishDirectory), folder);

    /// <summary>Keeps compiled flows in <paramref name="folder"/> (<c>FlowCompiler:CacheDirectory</c>).</summary>
    public FlowCompilerBuilder UseCacheDirectory(string folder) => Set(FlowRuntimeSections.Root, nameof(FlowRuntimeOptions.CacheDirectory), folder);

    /// <summary>Writes flow mail as <c>.eml</c> files into <paramref name="folder"/> instead of sending it.</summary>
    public FlowCompilerBuilder UseOutbox(string folder) =>
        Set(FlowRuntimeSections.Mail, nameof(MailOptions.SmtpHost), "").Set(FlowRuntimeSections.Mail, nameof(MailOptions.OutboxDirectory), folder);

    /// <summary>Sends flow mail through an SMTP server (the other mail keys keep their defaults; see <c>FlowCompiler:Mail</c>).</summary>
    public FlowCompilerBuilder UseSmtp(string host, int port, string fromAddress) =>
        Set(FlowRuntimeSections.Mail, nameof(MailOptions.SmtpHost), host)
            .Set(FlowRuntimeSections.Mail, nameof(MailOptions.SmtpPort), port.ToString(CultureInfo.InvariantCulture))
            .Set(FlowRuntimeSections.Mail, nameof(MailOptions.FromAddress), fromAddress);

    /// <summary>The Proxmox VE cluster <c>modifyServer</c> nodes act on, reached with an API token.</summary>
    public FlowCompilerBuilder UseProxmox(Uri baseUrl, string tokenId, string tokenSecret)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return Set(FlowRuntimeSections.Proxmox, nameof(ProxmoxOptions.BaseUrl), baseUrl.ToString())
            .Set(FlowRuntimeSections.Proxmox, nameof(ProxmoxOptions.TokenId), tokenId)
            .Set(FlowRuntimeSections.Proxmox, nameof(ProxmoxOptions.TokenSecret), tokenSecret);
    }

    /// <summary>Changes the host's settings (concurrency, queue, timeout, retention); checked like <c>FlowCompiler:Host</c>.</summary>
    public FlowCompilerBuilder ConfigureHost(Action<FlowHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _host.Add(configure);
        return this;
    }

    /// <summary>Sets any key below <c>FlowCompiler</c>, e.g. <c>Set("Http:Timeout", "00:00:05")</c>; unknown keys fail start-up.</summary>
    /// <param name="key">The key without the <c>FlowCompiler:</c> prefix.</param>
    /// <param name="value">The value, as configuration would hold it.</param>
    public FlowCompilerBuilder Set(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _settings[FlowRuntimeSections.Root + ":" + key] = value;
        return this;
    }

    private FlowCompilerBuilder UseDatabase(PanelDatabaseProvider provider, string connectionString) =>
        Set(FlowRuntimeSections.Database, nameof(PanelDatabaseOptions.Provider), provider.ToString())
            .Set(FlowRuntimeSections.Database, nameof(PanelDatabaseOptions.ConnectionString), connectionString);

    private FlowCompilerBuilder Set(string section, string property, string? value)
    {
        ArgumentNullException.ThrowIfNull(value, property);
        _settings[section + ":" + property] = value;
        return this;
    }
}
