using FlowCompiler.Runtime.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// What differs between IPv4 and IPv6 IPAM: the tables and how a range reads. The allocation rules and the
/// locking are shared (<see cref="IpamAllocator"/>).
/// </summary>
internal abstract class IpamFamily
{
    /// <summary>IPv4 addresses from <c>ipv4Ranges</c>.</summary>
    public static IpamFamily V4 { get; } = new Ipv4Family();

    /// <summary>IPv6 subnets from <c>ipv6Ranges</c>.</summary>
    public static IpamFamily V6 { get; } = new Ipv6Family();

    /// <summary><c>IPv4</c> or <c>IPv6</c>, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>The range row type (its table is what an allocation locks).</summary>
    public abstract Type RangeType { get; }

    /// <summary>Every range of the family.</summary>
    public abstract Task<List<IpamRange>> LoadRangesAsync(PanelDbContext db, CancellationToken ct);

    /// <summary>The range with id <paramref name="rangeId"/>, or null.</summary>
    public abstract Task<IpamRange?> FindRangeAsync(PanelDbContext db, int rangeId, CancellationToken ct);

    /// <summary>Every address row of one range.</summary>
    public abstract Task<List<IpamAddress>> LoadAddressesAsync(PanelDbContext db, int rangeId, CancellationToken ct);

    /// <summary>The address row with id <paramref name="addressId"/>, or null.</summary>
    public abstract Task<IpamAddress?> FindAddressAsync(PanelDbContext db, int addressId, CancellationToken ct);

    /// <summary>Marks an existing row in use (or free).</summary>
    public abstract Task SetInUseAsync(PanelDbContext db, int addressId, bool inUse, CancellationToken ct);

    /// <summary>Inserts <paramref name="ip"/> into the range, in use; returns the new row's id.</summary>
    public abstract Task<int> InsertInUseAsync(PanelDbContext db, int rangeId, string ip, CancellationToken ct);

    /// <summary>The server's address of this family (<c>servers.ip</c> or <c>servers.ip6</c>).</summary>
    public abstract int? AddressOf(ServerRow server);

    /// <summary>Points the server's address of this family at <paramref name="addressId"/>.</summary>
    public abstract void SetAddress(ServerRow server, int addressId);

    /// <summary>The id of a server other than <paramref name="serverId"/> whose address of this family is <paramref name="addressId"/>, or null.</summary>
    public abstract Task<int?> OtherServerWithAsync(PanelDbContext db, int addressId, int serverId, CancellationToken ct);

    private sealed class Ipv4Family : IpamFamily
    {
        public override string Name => "IPv4";

        public override Type RangeType => typeof(Ipv4RangeRow);

        public override async Task<List<IpamRange>> LoadRangesAsync(PanelDbContext db, CancellationToken ct) =>
            [.. (await db.Ipv4Ranges.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false)).Select(Read)];

        public override async Task<IpamRange?> FindRangeAsync(PanelDbContext db, int rangeId, CancellationToken ct) =>
            await db.Ipv4Ranges.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rangeId, ct).ConfigureAwait(false) is { } row ? Read(row) : null;

        public override Task<List<IpamAddress>> LoadAddressesAsync(PanelDbContext db, int rangeId, CancellationToken ct) =>
            db.Ipv4Addresses.AsNoTracking().Where(a => a.RangeId == rangeId)
                .Select(a => new IpamAddress(a.Id, a.RangeId, a.Ip, a.InUse != 0)).ToListAsync(ct);

        public override Task<IpamAddress?> FindAddressAsync(PanelDbContext db, int addressId, CancellationToken ct) =>
            db.Ipv4Addresses.AsNoTracking().Where(a => a.Id == addressId)
                .Select(a => new IpamAddress(a.Id, a.RangeId, a.Ip, a.InUse != 0)).FirstOrDefaultAsync(ct);

        public override Task SetInUseAsync(PanelDbContext db, int addressId, bool inUse, CancellationToken ct) =>
            db.Ipv4Addresses.Where(a => a.Id == addressId).ExecuteUpdateAsync(s => s.SetProperty(a => a.InUse, inUse ? 1 : 0), ct);

        public override async Task<int> InsertInUseAsync(PanelDbContext db, int rangeId, string ip, CancellationToken ct)
        {
            var row = new Ipv4AddressRow { RangeId = rangeId, Ip = ip, InUse = 1 };
            db.Ipv4Addresses.Add(row);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return row.Id;
        }

        public override int? AddressOf(ServerRow server) => server.Ip;

        public override void SetAddress(ServerRow server, int addressId) => server.Ip = addressId;

        public override Task<int?> OtherServerWithAsync(PanelDbContext db, int addressId, int serverId, CancellationToken ct) =>
            db.Servers.Where(s => s.Ip == addressId && s.Id != serverId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

        private static IpamRange Read(Ipv4RangeRow row) =>
            new(row.Id, row.Scope, row.Nodes, row.UserId, row.Gateway, row.Subnet, new Lazy<AddressBlock>(() => new Ipv4Block(row)));
    }

    private sealed class Ipv6Family : IpamFamily
    {
        public override string Name => "IPv6";

        public override Type RangeType => typeof(Ipv6RangeRow);

        public override async Task<List<IpamRange>> LoadRangesAsync(PanelDbContext db, CancellationToken ct) =>
            [.. (await db.Ipv6Ranges.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false)).Select(Read)];

        public override async Task<IpamRange?> FindRangeAsync(PanelDbContext db, int rangeId, CancellationToken ct) =>
            await db.Ipv6Ranges.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rangeId, ct).ConfigureAwait(false) is { } row ? Read(row) : null;

        public override Task<List<IpamAddress>> LoadAddressesAsync(PanelDbContext db, int rangeId, CancellationToken ct) =>
            db.Ipv6Addresses.AsNoTracking().Where(a => a.RangeId == rangeId)
                .Select(a => new IpamAddress(a.Id, a.RangeId, a.Ip, a.InUse != 0)).ToListAsync(ct);

        public override Task<IpamAddress?> FindAddressAsync(PanelDbContext db, int addressId, CancellationToken ct) =>
            db.Ipv6Addresses.AsNoTracking().Where(a => a.Id == addressId)
                .Select(a => new IpamAddress(a.Id, a.RangeId, a.Ip, a.InUse != 0)).FirstOrDefaultAsync(ct);

        public override Task SetInUseAsync(PanelDbContext db, int addressId, bool inUse, CancellationToken ct) =>
            db.Ipv6Addresses.Where(a => a.Id == addressId).ExecuteUpdateAsync(s => s.SetProperty(a => a.InUse, inUse ? 1 : 0), ct);

        public override async Task<int> InsertInUseAsync(PanelDbContext db, int rangeId, string ip, CancellationToken ct)
        {
            var row = new Ipv6AddressRow { RangeId = rangeId, Ip = ip, InUse = 1 };
            db.Ipv6Addresses.Add(row);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return row.Id;
        }

        public override int? AddressOf(ServerRow server) => server.Ip6;

        public override void SetAddress(ServerRow server, int addressId) => server.Ip6 = addressId;

        public override Task<int?> OtherServerWithAsync(PanelDbContext db, int addressId, int serverId, CancellationToken ct) =>
            db.Servers.Where(s => s.Ip6 == addressId && s.Id != serverId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

        private static IpamRange Read(Ipv6RangeRow row) =>
            new(row.Id, row.Scope, row.Nodes, row.UserId, row.Gateway, row.Target, new Lazy<AddressBlock>(() => new Ipv6Block(row)));
    }
}
