using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ipam;
using FlowCompiler.Runtime.Proxmox;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Panel;

/// <summary>
/// The <c>modifyServer</c> action (spec §5): finds the panel server, changes its VM or container through the
/// Proxmox VE API, then records in the panel database what the panel shows — the new hostname, or the assigned
/// address (marked in use, set as the server's <c>ip</c>/<c>ip6</c>, the address it replaces released). Proxmox
/// is changed first, so a refused change leaves the database as it was.
/// </summary>
/// <param name="database">The panel database.</param>
/// <param name="addresses">IPAM addresses by id, and recording which server uses one.</param>
/// <param name="proxmox">The configured cluster.</param>
public sealed class ServerModifier(PanelDbContextFactory database, IpamAssignments addresses, ProxmoxClientAccessor proxmox)
{
    /// <summary>Applies one change.</summary>
    /// <param name="change">The rendered change.</param>
    /// <param name="ct">Cancels the requests.</param>
    /// <exception cref="FlowValueException">The server, address or a value does not fit; the message says which.</exception>
    /// <exception cref="ProxmoxApiException">Proxmox refused or failed the change, or could not be reached.</exception>
    /// <exception cref="PanelDatabaseException">The panel database is locked or unreachable.</exception>
    /// <exception cref="IpamException">No IPAM address has the id an assign action names.</exception>
    /// <exception cref="InvalidOperationException">No Proxmox cluster is configured.</exception>
    public async Task ApplyAsync(ServerChange change, CancellationToken ct)
    {
        Check(change);
        var client = proxmox.Client;
        var server = await FindServerAsync(change.ServerId, ct);
        try
        {
            switch (change.Action)
            {
                case "setNote":
                    await client.SetNoteAsync(server.Vmid, Text(change, "note"), ct);
                    break;
                case "setHostname":
                    var hostname = Text(change, "hostname");
                    await client.SetHostnameAsync(server.Vmid, hostname, ct);
                    await UpdateServerAsync(server.Id, s => s.SetProperty(row => row.Hostname, hostname), ct);
                    break;
                case "changeVlanTag":
                    await client.SetVlanTagAsync(server.Vmid, Number(change, "tag"), ct);
                    break;
                case "changeRateLimit":
                    await client.SetRateLimitAsync(server.Vmid, Rate(change), ct);
                    break;
                case "assignIpv4":
                    await AssignIpv4Async(client, server, Number(change, "ipv4Id"), ct);
                    break;
                case "assignIpv6":
                    await AssignIpv6Async(client, server, Number(change, "ipv6Id"), ct);
                    break;
                case "setHaStatus":
                    var settings = new ProxmoxHaSettings(Text(change, "group"), Number(change, "maxRelocates"), Number(change, "maxRestarts"));
                    await client.ConfigureHaAsync(server.Vmid, settings, ct);
                    break;
                default:
                    throw new FlowValueException(
                        $"modifyServer has no action \"{change.Action}\": use setNote, setHostname, changeVlanTag, changeRateLimit, assignIpv4, assignIpv6 or setHaStatus.");
            }
        }
        catch (ArgumentException e)
        {
            // The Proxmox client checks values before sending anything; its messages name the value and the rule.
            throw new FlowValueException($"{change.Action} on server {server.Id}: {WithoutParameterName(e)}");
        }
    }

    /// <summary>
    /// Every check <see cref="ApplyAsync"/> makes on the change's own values before it reads or changes anything:
    /// the action is known, its values are there and of their kind, and each is one Proxmox accepts. A dry run
    /// calls it, so it fails the node where the real run would; what the panel database holds (the server, an
    /// IPAM address) is not checked here, as a dry run may be tried on sample events.
    /// </summary>
    /// <param name="change">The rendered change.</param>
    /// <exception cref="FlowValueException">A value does not fit; the message says which and why.</exception>
    public static void Check(ServerChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            switch (change.Action)
            {
                case "setNote":
                    ProxmoxValueRules.ThrowIfNotNote(Text(change, "note"));
                    break;
                case "setHostname":
                    ProxmoxValueRules.ThrowIfNotHostname(Text(change, "hostname"));
                    break;
                case "changeVlanTag":
                    ProxmoxValueRules.ThrowIfNotVlanTag(Number(change, "tag"));
                    break;
                case "changeRateLimit":
                    ProxmoxValueRules.ThrowIfNotRateLimit(Rate(change));
                    break;
                case "assignIpv4":
                    _ = Number(change, "ipv4Id");
                    break;
                case "assignIpv6":
                    _ = Number(change, "ipv6Id");
                    break;
                case "setHaStatus":
                    _ = new ProxmoxHaSettings(Text(change, "group"), Number(change, "maxRelocates"), Number(change, "maxRestarts"));
                    break;
                default:
                    throw new FlowValueException(
                        $"modifyServer has no action \"{change.Action}\": use setNote, setHostname, changeVlanTag, changeRateLimit, assignIpv4, assignIpv6 or setHaStatus.");
            }
        }
        catch (ArgumentException e)
        {
            throw new FlowValueException($"{change.Action} on server {change.ServerId}: {WithoutParameterName(e)}");
        }
    }

    private async Task<ServerRow> FindServerAsync(int serverId, CancellationToken ct)
    {
        var server = await database.UseAsync(db => db.Servers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serverId, ct), ct)
            ?? throw new FlowValueException($"There is no server {serverId} in the panel database: serverId must render the id of a row of servers.");
        return server.Vmid is >= 100 and <= 999_999_999
            ? server
            : throw new FlowValueException(
                $"Server {serverId} has VMID {server.Vmid} in the panel database, which is not a Proxmox VMID (100-999999999): fix the server's vmid.");
    }

    private async Task AssignIpv4Async(ProxmoxClient client, ServerRow server, int addressId, CancellationToken ct)
    {
        var address = await addresses.FindIpv4Async(addressId, ct);
        await ThrowIfHeldByAnotherAsync(server, addressId, s => s.Ip == addressId, "IPv4", address.Ip, ct);
        await client.AssignIpAddressAsync(server.Vmid, Assignment(address.Ip, address.Subnet, address.Gateway, "IPv4", addressId), ct);
        await addresses.AssignIpv4Async(server.Id, addressId, ct);
    }

    private async Task AssignIpv6Async(ProxmoxClient client, ServerRow server, int addressId, CancellationToken ct)
    {
        var subnet = await addresses.FindIpv6Async(addressId, ct);
        await ThrowIfHeldByAnotherAsync(server, addressId, s => s.Ip6 == addressId, "IPv6", subnet.Ip, ct);
        var assignment = Assignment(GuestAddressOf(subnet.Ip, subnet.Prefix), subnet.Prefix, subnet.Gateway, "IPv6", addressId);
        await client.AssignIpAddressAsync(server.Vmid, assignment, ct);
        await addresses.AssignIpv6Async(server.Id, addressId, ct);
    }

    // Checked before Proxmox is changed, so an address in use elsewhere never reaches a second guest;
    // IpamAssignments checks again under the range lock when it records the assignment.
    private async Task ThrowIfHeldByAnotherAsync(
        ServerRow server, int addressId, System.Linq.Expressions.Expression<Func<ServerRow, bool>> holds, string family, string ip, CancellationToken ct)
    {
        var holder = await database.UseAsync(db => db.Servers.AsNoTracking().Where(holds).Where(s => s.Id != server.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct), ct);
        if (holder is { } other)
        {
            throw new FlowValueException(
                $"{family} address {addressId} ({ip}) is already assigned to server {other}: assign a free address, e.g. one an ipam node allocates.");
        }
    }

    // IPAM hands out IPv6 subnets by their network address; the guest takes the subnet's first host address.
    private static string GuestAddressOf(string subnet, int prefixLength)
    {
        if (prefixLength >= 128 || !IPAddress.TryParse(subnet, out var network) || network.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return subnet;
        }

        var bytes = network.GetAddressBytes();
        var hostBits = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true) & ((System.Numerics.BigInteger.One << (128 - prefixLength)) - 1);
        if (!hostBits.IsZero)
        {
            return subnet;
        }

        bytes[15] |= 1;
        return new IPAddress(bytes).ToString();
    }

    private static ProxmoxIpAssignment Assignment(string ip, int prefixLength, string? gateway, string family, int addressId)
    {
        try
        {
            return ProxmoxIpAssignment.Parse(ip, prefixLength, gateway);
        }
        catch (ArgumentException e)
        {
            throw new FlowValueException($"{family} address {addressId} in IPAM cannot be assigned: {WithoutParameterName(e)} Fix its row or its range.");
        }
    }

    private Task UpdateServerAsync(int serverId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ServerRow>> set, CancellationToken ct) =>
        database.UseAsync(db => db.Servers.Where(s => s.Id == serverId).ExecuteUpdateAsync(set, ct), ct);

    private static object Value(ServerChange change, string name)
    {
        foreach (var (key, value) in change.Values)
        {
            if (key == name)
            {
                return value;
            }
        }

        throw new FlowValueException($"{change.Action} needs the value \"{name}\", which the node does not set.");
    }

    private static string Text(ServerChange change, string name) => Convert.ToString(Value(change, name), CultureInfo.InvariantCulture) ?? "";

    private static int Number(ServerChange change, string name) => Value(change, name) switch
    {
        int number => number,
        long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
        var other => FlowValues.ParseInt(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", name, int.MinValue, int.MaxValue),
    };

    private static decimal Rate(ServerChange change) => Value(change, "rate") switch
    {
        decimal rate => rate,
        var other => FlowValues.ParseDecimal(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", "rate", 0m),
    };

    private static string WithoutParameterName(ArgumentException e)
    {
        var message = e.Message;
        var parameter = e.ParamName is null ? -1 : message.IndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }
}
