using System.Globalization;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// The Proxmox VE API operations of the <c>modifyServer</c> action, addressed by VMID. Each operation
/// first looks up the guest's node and type, so it keeps working after a migration. Thread-safe; keep one
/// per cluster.
/// </summary>
public sealed class ProxmoxClient : IDisposable
{
    private readonly ProxmoxApiConnection _api;
    private readonly ProxmoxGuestLocator _locator;
    private readonly ProxmoxGuestConfigWriter _configs;
    private readonly ProxmoxHaConfigurator _ha;

    /// <summary>A client with the handler <see cref="ProxmoxHttpHandler.Create"/> builds from the options.</summary>
    /// <param name="options">The cluster to reach.</param>
    /// <exception cref="ArgumentException">The options cannot work.</exception>
    public ProxmoxClient(ProxmoxOptions options)
        : this(options, ProxmoxHttpHandler.Create(options))
    {
    }

    /// <summary>A client sending through <paramref name="handler"/>, which it disposes.</summary>
    /// <param name="options">The cluster to reach.</param>
    /// <param name="handler">The HTTP handler; it should honour the options' TLS settings.</param>
    /// <exception cref="ArgumentException">The options cannot work.</exception>
    public ProxmoxClient(ProxmoxOptions options, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.ThrowIfInvalid();

        _api = new ProxmoxApiConnection(options, handler);
        _locator = new ProxmoxGuestLocator(_api);
        _configs = new ProxmoxGuestConfigWriter(_api, new ProxmoxTaskWaiter(_api, options));
        _ha = new ProxmoxHaConfigurator(_api);
    }

    /// <summary>Finds the guest's node, type and run state (<c>GET /cluster/resources?type=vm</c>).</summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ProxmoxApiException">Proxmox failed, or has no such guest.</exception>
    public Task<ProxmoxGuest> FindGuestAsync(int vmid, CancellationToken cancellationToken)
    {
        ThrowIfNotVmid(vmid);
        return _locator.FindAsync(vmid, cancellationToken);
    }

    /// <summary>Sets the guest's note (<c>description</c>); an empty note removes it.</summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="note">The note, at most 8192 characters.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait for the task.</param>
    /// <exception cref="ArgumentException">The note is too long.</exception>
    /// <exception cref="ProxmoxApiException">Proxmox refused or failed the change.</exception>
    public async Task SetNoteAsync(int vmid, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        ThrowIfNotVmid(vmid);
        ProxmoxValueRules.ThrowIfNotNote(note);

        var guest = await _locator.FindAsync(vmid, cancellationToken);
        // Proxmox keeps an empty description as an empty comment; deleting the key is what clearing means.
        KeyValuePair<string, string> change = note.Length == 0 ? new("delete", "description") : new("description", note);
        await _configs.EditAsync(guest, _ => [change], cancellationToken);
    }

    /// <summary>Renames the guest: <c>name</c> of a VM, <c>hostname</c> of a container.</summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="hostname">A DNS name: labels of letters, digits and inner hyphens, separated by dots.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait for the task.</param>
    /// <exception cref="ArgumentException">The hostname is not a DNS name; nothing was sent.</exception>
    /// <exception cref="ProxmoxApiException">Proxmox refused or failed the change.</exception>
    public async Task SetHostnameAsync(int vmid, string hostname, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        ThrowIfNotVmid(vmid);
        ProxmoxValueRules.ThrowIfNotHostname(hostname);

        var guest = await _locator.FindAsync(vmid, cancellationToken);
        var key = guest.Type == ProxmoxGuestType.Qemu ? "name" : "hostname";
        await _configs.EditAsync(guest, _ => [new(key, hostname)], cancellationToken);
    }

    /// <summary>Sets the VLAN tag of the guest's first network device, keeping its MAC and every other setting.</summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="tag">The VLAN id, 1–4094.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait for the task.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tag is not 1–4094; nothing was sent.</exception>
    /// <exception cref="ProxmoxApiException">Proxmox refused or failed the change, or the guest has no network device.</exception>
    public async Task SetVlanTagAsync(int vmid, int tag, CancellationToken cancellationToken)
    {
        ThrowIfNotVmid(vmid);
        ProxmoxValueRules.ThrowIfNotVlanTag(tag);

        await EditFirstNetworkDeviceAsync(vmid, "tag", tag.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>Sets the rate limit of the guest's first network device, keeping its MAC and every other setting.</summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="megabytesPerSecond">The limit in MB/s (Proxmox's <c>rate</c>), 0 or more.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait for the task.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is negative; nothing was sent.</exception>
    /// <exception cref="ProxmoxApiException">Proxmox refused or failed the change, or the guest has no network device.</exception>
    public async Task SetRateLimitAsync(int vmid, decimal megabytesPerSecond, CancellationToken cancellationToken)
    {
        ThrowIfNotVmid(vmid);
        ProxmoxValueRules.ThrowIfNotRateLimit(megabytesPerSecond);

        // Plain decimal notation without trailing zeros (12.50m is sent as 12.5), never an exponent.
        var rate = megabytesPerSecond.ToString("0.############", CultureInfo.InvariantCulture);
        await EditFirstNetworkDeviceAsync(vmid, "rate", rate, cancellationToken);
    }

    /// <summary>
    /// Gives the guest's first interface an IPv4 or IPv6 address, keeping the other family's settings:
    /// a VM's cloud-init <c>ipconfigN</c> (N of the first <c>netN</c>), a container's <c>netN</c>.
    /// A VM's guest sees the change when cloud-init next runs, usually at its next boot.
    /// </summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="assignment">Address, prefix length and optional gateway; without a gateway any old one is removed.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait for the task.</param>
    /// <exception cref="ProxmoxApiException">Proxmox refused or failed the change, or the guest has no network device.</exception>
    public async Task AssignIpAddressAsync(int vmid, ProxmoxIpAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ThrowIfNotVmid(vmid);

        var guest = await _locator.FindAsync(vmid, cancellationToken);
        await _configs.EditAsync(guest, config =>
        {
            var index = config.FirstNetworkIndex(guest);
            var key = guest.Type == ProxmoxGuestType.Qemu ? $"ipconfig{index}" : $"net{index}";
            var value = ProxmoxPropertyString.Parse(config.Get(key)).With(assignment.AddressKey, assignment.Cidr);
            value = assignment.Gateway is null
                ? value.Without(assignment.GatewayKey)
                : value.With(assignment.GatewayKey, assignment.Gateway.ToString());
            return [new(key, value.ToString())];
        }, cancellationToken);
    }

    /// <summary>
    /// Makes the guest HA-managed with these settings, or updates its HA resource. The requested state is always
    /// sent: a new resource gets the guest's current one (started if running, else stopped), an existing resource
    /// keeps its own, so configuring HA never starts or stops the guest.
    /// </summary>
    /// <param name="vmid">The guest's VMID.</param>
    /// <param name="settings">Group, max_relocate and max_restart.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Whether the resource was created or updated.</returns>
    /// <exception cref="ProxmoxApiException">
    /// Proxmox refused the change, e.g. a group on Proxmox VE 9, where groups were migrated to rules.
    /// </exception>
    public async Task<ProxmoxHaChange> ConfigureHaAsync(int vmid, ProxmoxHaSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ThrowIfNotVmid(vmid);

        var guest = await _locator.FindAsync(vmid, cancellationToken);
        return await _ha.ConfigureAsync(guest, settings, cancellationToken);
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _api.Dispose();

    private async Task EditFirstNetworkDeviceAsync(int vmid, string propertyKey, string propertyValue, CancellationToken cancellationToken)
    {
        var guest = await _locator.FindAsync(vmid, cancellationToken);
        await _configs.EditAsync(guest, config =>
        {
            var key = $"net{config.FirstNetworkIndex(guest)}";
            // Only this key changes inside the full string: a device sent without its MAC would get a new one.
            var value = ProxmoxPropertyString.Parse(config.Get(key)).With(propertyKey, propertyValue);
            return [new(key, value.ToString())];
        }, cancellationToken);
    }

    private static void ThrowIfNotVmid(int vmid) => ProxmoxValueRules.ThrowIfNotVmid(vmid);
}
