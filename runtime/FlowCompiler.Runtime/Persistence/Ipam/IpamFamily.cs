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
    public static IpamFamily V4 { get; } = new Tables<Ipv4RangeRow, Ipv4AddressRow>(
        "IPv4",
        db => db.Ipv4Ranges,
        db => db.Ipv4Addresses,
        row => new IpamRange(row.Id, row.Scope, row.Nodes, row.UserId, row.Gateway, row.Subnet, new Lazy<AddressBlock>(() => new Ipv4Block(row))),
        (rangeId, ip) => new Ipv4AddressRow { RangeId = rangeId, Ip = ip, InUse = 1 },
        nameof(ServerRow.Ip));

    /// <summary>IPv6 subnets from <c>ipv6Ranges</c>.</summary>
    public static IpamFamily V6 { get; } = new Tables<Ipv6RangeRow, Ipv6AddressRow>(
        "IPv6",
        db => db.Ipv6Ranges,
        db => db.Ipv6Addresses,
        row => new IpamRange(row.Id, row.Scope, row.Nodes, row.UserId, row.Gateway, row.Target, new Lazy<AddressBlock>(() => new Ipv6Block(row))),
        (rangeId, ip) => new Ipv6AddressRow { RangeId = rangeId, Ip = ip, InUse = 1 },
        nameof(ServerRow.Ip6));

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

    /// <summary>The id the next inserted address row will most likely get (the highest id plus one), for dry runs.</summary>
    public abstract Task<int> NextAddressIdAsync(PanelDbContext db, CancellationToken ct);

    /// <summary>Inserts <paramref name="ip"/> into the range, in use; returns the new row's id.</summary>
    public abstract Task<int> InsertInUseAsync(PanelDbContext db, int rangeId, string ip, CancellationToken ct);

    /// <summary>The tracked server's address of this family (<c>servers.ip</c> or <c>servers.ip6</c>).</summary>
    public abstract int? AddressOf(PanelDbContext db, ServerRow server);

    /// <summary>Points the tracked server's address of this family at <paramref name="addressId"/>.</summary>
    public abstract void SetAddress(PanelDbContext db, ServerRow server, int addressId);

    /// <summary>The id of a server other than <paramref name="serverId"/> whose address of this family is <paramref name="addressId"/>, or null.</summary>
    public abstract Task<int?> OtherServerWithAsync(PanelDbContext db, int addressId, int serverId, CancellationToken ct);

    // One implementation over the family's two row types. Both range tables and both address tables name their
    // shared columns alike, so the queries address them by those names (EF.Property) rather than once per family.
    private sealed class Tables<TRange, TAddress>(
        string name,
        Func<PanelDbContext, DbSet<TRange>> ranges,
        Func<PanelDbContext, DbSet<TAddress>> addresses,
        Func<TRange, IpamRange> read,
        Func<int, string, TAddress> newInUse,
        string serverColumn) : IpamFamily
        where TRange : class
        where TAddress : class
    {
        private const string Id = nameof(Ipv4AddressRow.Id);
        private const string RangeId = nameof(Ipv4AddressRow.RangeId);
        private const string Ip = nameof(Ipv4AddressRow.Ip);
        private const string InUse = nameof(Ipv4AddressRow.InUse);

        public override string Name => name;

        public override Type RangeType => typeof(TRange);

        public override async Task<List<IpamRange>> LoadRangesAsync(PanelDbContext db, CancellationToken ct) =>
            [.. (await ranges(db).AsNoTracking().OrderBy(r => EF.Property<int>(r, Id)).ToListAsync(ct).ConfigureAwait(false)).Select(read)];

        public override async Task<IpamRange?> FindRangeAsync(PanelDbContext db, int rangeId, CancellationToken ct) =>
            await ranges(db).AsNoTracking().FirstOrDefaultAsync(r => EF.Property<int>(r, Id) == rangeId, ct).ConfigureAwait(false) is { } row ? read(row) : null;

        public override Task<List<IpamAddress>> LoadAddressesAsync(PanelDbContext db, int rangeId, CancellationToken ct) =>
            addresses(db).AsNoTracking().Where(a => EF.Property<int>(a, RangeId) == rangeId)
                .Select(a => new IpamAddress(EF.Property<int>(a, Id), EF.Property<int>(a, RangeId), EF.Property<string>(a, Ip), EF.Property<int>(a, InUse) != 0))
                .ToListAsync(ct);

        public override Task<IpamAddress?> FindAddressAsync(PanelDbContext db, int addressId, CancellationToken ct) =>
            addresses(db).AsNoTracking().Where(a => EF.Property<int>(a, Id) == addressId)
                .Select(a => new IpamAddress(EF.Property<int>(a, Id), EF.Property<int>(a, RangeId), EF.Property<string>(a, Ip), EF.Property<int>(a, InUse) != 0))
                .FirstOrDefaultAsync(ct);

        public override Task SetInUseAsync(PanelDbContext db, int addressId, bool inUse, CancellationToken ct) =>
            addresses(db).Where(a => EF.Property<int>(a, Id) == addressId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => EF.Property<int>(a, InUse), inUse ? 1 : 0), ct);

        public override async Task<int> NextAddressIdAsync(PanelDbContext db, CancellationToken ct) =>
            (await addresses(db).MaxAsync(a => (int?)EF.Property<int>(a, Id), ct).ConfigureAwait(false) ?? 0) + 1;

        public override async Task<int> InsertInUseAsync(PanelDbContext db, int rangeId, string ip, CancellationToken ct)
        {
            var row = newInUse(rangeId, ip);
            addresses(db).Add(row);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return db.Entry(row).Property<int>(Id).CurrentValue;
        }

        public override int? AddressOf(PanelDbContext db, ServerRow server) => db.Entry(server).Property<int?>(serverColumn).CurrentValue;

        public override void SetAddress(PanelDbContext db, ServerRow server, int addressId) => db.Entry(server).Property<int?>(serverColumn).CurrentValue = addressId;

        public override Task<int?> OtherServerWithAsync(PanelDbContext db, int addressId, int serverId, CancellationToken ct) =>
            db.Servers.Where(s => EF.Property<int?>(s, serverColumn) == addressId && s.Id != serverId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
    }
}
