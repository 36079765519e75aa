using System.Text.Json;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// The <c>ipam</c> enricher against the panel database (spec §5). Ranges are tried user → node → global; each
/// hands out its lowest free address (IPv4: never the network, broadcast or gateway address; IPv6: the next
/// free aligned <c>/target</c> subnet, never the one holding the gateway) and marks it in use at once.
/// Two allocations never get the same address on any provider, however many run at once: one allocation at
/// a time per range (<see cref="RangeLock"/>), a unique (range, ip) index behind it, and a retry when a
/// writer outside this process wins the race anyway. In a durable run (<see cref="IpamRequest.IdempotencyKey"/> set) the
/// reservation and its run ledger entry are one transaction: a resumed run gets the address it already took.
/// </summary>
public sealed class IpamAllocator(PanelDbContextFactory database, TimeProvider? clock = null)
{
    private const int MaxAttempts = 5;

    /// <summary>Reserves the lowest free IPv4 address for <paramref name="request"/>.</summary>
    /// <exception cref="IpamException">No range fits, or every fitting range is full (the message names them).</exception>
    /// <exception cref="PanelDatabaseException">The database is locked or unreachable.</exception>
    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct) =>
        ReserveAsync(IpamFamily.V4, request, ToIpv4, ct);

    /// <summary>Reserves the lowest free IPv6 subnet for <paramref name="request"/>.</summary>
    /// <exception cref="IpamException">No range fits, or every fitting range is full (the message names them).</exception>
    /// <exception cref="PanelDatabaseException">The database is locked or unreachable.</exception>
    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct) =>
        ReserveAsync(IpamFamily.V6, request, ToIpv6, ct);

    /// <summary>
    /// The IPv4 address an allocation would take now, without reserving it (a dry run). Its <c>Id</c> is the
    /// existing free row's id, or the id the row would most likely get when the allocation would create it
    /// (so a <c>modifyServer</c> below the dry run sees a plausible IPAM id).
    /// </summary>
    /// <exception cref="IpamException">No range fits, or every fitting range is full.</exception>
    public async Task<Ipv4Allocation> PickIpv4Async(IpamRequest request, CancellationToken ct) =>
        ToIpv4(await PickAsync(IpamFamily.V4, request, ct).ConfigureAwait(false));

    /// <summary>The IPv6 subnet an allocation would take now, without reserving it (a dry run); <c>Id</c> as for <see cref="PickIpv4Async"/>.</summary>
    /// <exception cref="IpamException">No range fits, or every fitting range is full.</exception>
    public async Task<Ipv6Allocation> PickIpv6Async(IpamRequest request, CancellationToken ct) =>
        ToIpv6(await PickAsync(IpamFamily.V6, request, ct).ConfigureAwait(false));

    private Task<IpamPick> PickAsync(IpamFamily family, IpamRequest request, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var ranges = await FittingRangesAsync(db, family, request, ct).ConfigureAwait(false);
            foreach (var range in ranges)
            {
                var addresses = await family.LoadAddressesAsync(db, range.Id, ct).ConfigureAwait(false);
                if (LowestFree(range, addresses) is { } pick)
                {
                    return pick.AddressId != 0 ? pick : pick with { AddressId = await family.NextAddressIdAsync(db, ct).ConfigureAwait(false) };
                }
            }

            throw Exhausted(family, ranges);
        }, ct);

    private async Task<T> ReserveAsync<T>(IpamFamily family, IpamRequest request, Func<IpamPick, T> allocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.UseAsync(db => ReserveOnceAsync(db, family, request, allocation, ct), ct).ConfigureAwait(false);
            }
            catch (Exception error) when (attempt < MaxAttempts && WriteConflict.IsConflict(error))
            {
                // Another writer took the address between our read and our write: read again and take the next.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<T> ReserveOnceAsync<T>(PanelDbContext db, IpamFamily family, IpamRequest request, Func<IpamPick, T> allocation, CancellationToken ct)
    {
        if (request.IdempotencyKey is { } key && await RunLedger.FindAsync(db, key, ct).ConfigureAwait(false) is { Output: { } taken })
        {
            return JsonSerializer.Deserialize<T>(taken)!;
        }

        var ranges = await FittingRangesAsync(db, family, request, ct).ConfigureAwait(false);
        foreach (var range in ranges)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await RangeLock.AcquireAsync(db, family.RangeType, range.Id, ct).ConfigureAwait(false);
            var addresses = await family.LoadAddressesAsync(db, range.Id, ct).ConfigureAwait(false);
            if (LowestFree(range, addresses) is not { } pick)
            {
                continue;
            }

            var id = pick.AddressId != 0
                ? await MarkInUseAsync(db, family, pick.AddressId, ct).ConfigureAwait(false)
                : await family.InsertInUseAsync(db, range.Id, pick.Ip, ct).ConfigureAwait(false);
            var reserved = allocation(pick with { AddressId = id });
            if (request.IdempotencyKey is { } ledgerKey)
            {
                // A second attempt racing this one fails on the ledger's key and, retried, reads this entry.
                RunLedger.Add(db, ledgerKey, JsonSerializer.Serialize(reserved), clock ?? TimeProvider.System);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return reserved;
        }

        throw Exhausted(family, ranges);
    }

    private static async Task<int> MarkInUseAsync(PanelDbContext db, IpamFamily family, int addressId, CancellationToken ct)
    {
        await family.SetInUseAsync(db, addressId, inUse: true, ct).ConfigureAwait(false);
        return addressId;
    }

    private static async Task<List<IpamRange>> FittingRangesAsync(PanelDbContext db, IpamFamily family, IpamRequest request, CancellationToken ct)
    {
        var ranges = RangeSelection.For(request, await family.LoadRangesAsync(db, ct).ConfigureAwait(false));
        return ranges.Count == 0 ? throw new IpamException(RangeSelection.NoneFits(family.Name, request)) : ranges;
    }

    // Rows marked free are reused; rows whose text is not an address of the family are left alone.
    private static IpamPick? LowestFree(IpamRange range, List<IpamAddress> addresses)
    {
        var taken = new HashSet<UInt128>();
        var freeRows = new Dictionary<UInt128, int>();
        foreach (var address in addresses)
        {
            if (range.Block.Parse(address.Ip) is not { } number)
            {
                continue;
            }

            if (address.InUse)
            {
                taken.Add(number);
            }
            else
            {
                freeRows.TryAdd(number, address.Id);
            }
        }

        return range.Block.LowestFree(taken) is { } free
            ? new IpamPick(range, freeRows.GetValueOrDefault(free), range.Block.Format(free))
            : null;
    }

    private static IpamException Exhausted(IpamFamily family, List<IpamRange> ranges) => new(ranges.Count == 1
        ? $"{ranges[0].Block.Description} has no free address left: free addresses in it, or add another {family.Name} range."
        : $"Every {family.Name} range that fits is full: {string.Join("; ", ranges.Select(r => r.Block.Description))}. Free addresses in them, or add another {family.Name} range.");

    private static Ipv4Allocation ToIpv4(IpamPick pick) =>
        new() { Id = pick.AddressId, Ip = pick.Ip, Gateway = pick.Range.Gateway, Subnet = pick.Range.Length };

    private static Ipv6Allocation ToIpv6(IpamPick pick) =>
        new() { Id = pick.AddressId, Ip = pick.Ip, Gateway = pick.Range.Gateway, Prefix = pick.Range.Length };

    private sealed record IpamPick(IpamRange Range, int AddressId, string Ip);
}
