using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Enrichers;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// What <c>modifyServer</c>'s <c>assignIpv4</c>/<c>assignIpv6</c> need from the panel database: the address
/// behind an IPAM id (for the Proxmox <c>ipconfigN</c>), and recording that a server now uses it.
/// </summary>
public sealed class IpamAssignments(PanelDbContextFactory database)
{
    /// <summary>The IPv4 address with IPAM id <paramref name="addressId"/>, with its range's gateway and subnet.</summary>
    /// <exception cref="IpamException">No IPv4 address has that id.</exception>
    public Task<Ipv4Allocation> FindIpv4Async(int addressId, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var (address, range) = await FindAsync(db, IpamFamily.V4, addressId, ct).ConfigureAwait(false);
            return new Ipv4Allocation { Id = address.Id, Ip = address.Ip, Gateway = range.Gateway, Subnet = range.Length };
        }, ct);

    /// <summary>The IPv6 subnet with IPAM id <paramref name="addressId"/>, with its range's gateway and target prefix.</summary>
    /// <exception cref="IpamException">No IPv6 address has that id.</exception>
    public Task<Ipv6Allocation> FindIpv6Async(int addressId, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var (address, range) = await FindAsync(db, IpamFamily.V6, addressId, ct).ConfigureAwait(false);
            return new Ipv6Allocation { Id = address.Id, Ip = address.Ip, Gateway = range.Gateway, Prefix = range.Length };
        }, ct);

    /// <summary>
    /// Records that server <paramref name="serverId"/> uses IPv4 address <paramref name="addressId"/>: the address
    /// is marked in use, the server's <c>ip</c> points at it, and the address it had before (if another) is freed.
    /// </summary>
    /// <exception cref="IpamException">No IPv4 address has that id.</exception>
    /// <exception cref="InvalidOperationException">No server has that id, or another server already uses the address.</exception>
    public Task AssignIpv4Async(int serverId, int addressId, CancellationToken ct) => AssignAsync(IpamFamily.V4, serverId, addressId, ct);

    /// <summary>As <see cref="AssignIpv4Async"/>, for the server's <c>ip6</c> and an IPv6 subnet.</summary>
    /// <exception cref="IpamException">No IPv6 address has that id.</exception>
    /// <exception cref="InvalidOperationException">No server has that id, or another server already uses the subnet.</exception>
    public Task AssignIpv6Async(int serverId, int addressId, CancellationToken ct) => AssignAsync(IpamFamily.V6, serverId, addressId, ct);

    private Task AssignAsync(IpamFamily family, int serverId, int addressId, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var (address, range) = await FindAsync(db, family, addressId, ct).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            // Serialised with allocations from the same range, so two assignments cannot both see the address free.
            await RangeLock.AcquireAsync(db, family.RangeType, range.Id, ct).ConfigureAwait(false);
            var server = await db.Servers.FirstOrDefaultAsync(s => s.Id == serverId, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No server has id {serverId}: serverId must name a panel server.");
            if (await family.OtherServerWithAsync(db, addressId, serverId, ct).ConfigureAwait(false) is { } other)
            {
                throw new InvalidOperationException($"{family.Name} address {address.Ip} (IPAM id {addressId}) is already assigned to server {other}: allocate another one.");
            }

            if (family.AddressOf(db, server) is { } previous && previous != addressId)
            {
                await family.SetInUseAsync(db, previous, inUse: false, ct).ConfigureAwait(false);
            }

            await family.SetInUseAsync(db, addressId, inUse: true, ct).ConfigureAwait(false);
            family.SetAddress(db, server, addressId);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, ct);

    private static async Task<(IpamAddress Address, IpamRange Range)> FindAsync(PanelDbContext db, IpamFamily family, int addressId, CancellationToken ct)
    {
        var address = await family.FindAddressAsync(db, addressId, ct).ConfigureAwait(false)
            ?? throw new IpamException($"No {family.Name} address has IPAM id {addressId}: pass the id an ipam node returned.");
        var range = await family.FindRangeAsync(db, address.RangeId, ct).ConfigureAwait(false)
            ?? throw new IpamException($"{family.Name} address {address.Ip} (IPAM id {addressId}) belongs to range {address.RangeId}, which does not exist.");
        return (address, range);
    }
}
