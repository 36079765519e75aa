using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Persistence;

public sealed class WriteConflictTests
{
    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_second_row_for_the_same_range_and_address_is_a_conflict_IPAM_retries(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            new Ipv4RangeRow { Id = 1, Start = "192.0.2.10", End = "192.0.2.20", Subnet = 24, Gateway = "192.0.2.1", Scope = "global", CreatedAt = PanelSeed.Created },
            new Ipv4AddressRow { RangeId = 1, Ip = "192.0.2.10", InUse = 1 });

        // What a writer outside this process racing an allocation would cause.
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => database.AddAsync(new Ipv4AddressRow { RangeId = 1, Ip = "192.0.2.10", InUse = 1 }));

        Assert.True(WriteConflict.IsConflict(error));
        Assert.False(WriteConflict.IsConflict(new DbUpdateException("other", new InvalidOperationException())));
    }
}
