using FlowCompiler.Runtime.Configuration;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// The one <see cref="ProxmoxClient"/> of the configured cluster, created on first use and shared. Proxmox is
/// optional: without <c>FlowCompiler:Proxmox</c> settings, asking for the client fails with a message saying
/// which settings to add, so a <c>modifyServer</c> node fails clearly and every other node still works.
/// </summary>
public sealed class ProxmoxClientAccessor : IDisposable
{
    private readonly ProxmoxOptions _options;
    private readonly Lazy<ProxmoxClient> _client;

    /// <summary>Creates the accessor; the client itself is created on first use.</summary>
    /// <param name="options">The cluster's settings, checked at start-up by the runtime's validation.</param>
    public ProxmoxClientAccessor(IOptions<ProxmoxOptions> options)
    {
        _options = options.Value;
        _client = new Lazy<ProxmoxClient>(() => new ProxmoxClient(_options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether a cluster is configured.</summary>
    public bool IsConfigured => HasCluster(_options);

    /// <summary>The client.</summary>
    /// <exception cref="InvalidOperationException">No cluster is configured; the message names the settings to add.</exception>
    public ProxmoxClient Client => IsConfigured
        ? _client.Value
        : throw new InvalidOperationException(
            $"No Proxmox cluster is configured, so servers cannot be changed: set {FlowRuntimeSections.Proxmox}:BaseUrl, " +
            $"{FlowRuntimeSections.Proxmox}:TokenId and {FlowRuntimeSections.Proxmox}:TokenSecret.");

    /// <summary>Closes the client's connections, if it was created.</summary>
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    // Bound options leave BaseUrl null when the section is absent, whatever its declaration says.
    internal static bool HasCluster(ProxmoxOptions options) => options.BaseUrl is not null;
}
