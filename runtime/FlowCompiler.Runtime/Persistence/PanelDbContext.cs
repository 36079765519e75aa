using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Persistence.Mapping;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence;

/// <summary>
/// The panel database: every table flows read (spec §3, the row classes of <see cref="FlowTables"/>) and the
/// project's own flow versions and run records. One model for all providers; each provider has a subclass
/// only so that it owns its migrations. Create one with <see cref="PanelDbContextFactory"/>.
/// </summary>
public abstract class PanelDbContext : DbContext
{
    /// <summary>Creates the context with provider options built by <see cref="PanelDbContextFactory"/>.</summary>
    protected PanelDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The provider this context talks to.</summary>
    public abstract PanelDatabaseProvider Provider { get; }

    /// <summary>Table <c>users</c>.</summary>
    public DbSet<UserRow> Users => Set<UserRow>();

    /// <summary>Table <c>servers</c>.</summary>
    public DbSet<ServerRow> Servers => Set<ServerRow>();

    /// <summary>Table <c>charges</c>.</summary>
    public DbSet<ChargeRow> Charges => Set<ChargeRow>();

    /// <summary>Table <c>balances</c>.</summary>
    public DbSet<BalanceRow> Balances => Set<BalanceRow>();

    /// <summary>Table <c>packages</c>.</summary>
    public DbSet<PackageRow> Packages => Set<PackageRow>();

    /// <summary>Table <c>templates</c>.</summary>
    public DbSet<TemplateRow> Templates => Set<TemplateRow>();

    /// <summary>Table <c>ipv4Ranges</c>.</summary>
    public DbSet<Ipv4RangeRow> Ipv4Ranges => Set<Ipv4RangeRow>();

    /// <summary>Table <c>ipv4Addresses</c>.</summary>
    public DbSet<Ipv4AddressRow> Ipv4Addresses => Set<Ipv4AddressRow>();

    /// <summary>Table <c>ipv6Ranges</c>.</summary>
    public DbSet<Ipv6RangeRow> Ipv6Ranges => Set<Ipv6RangeRow>();

    /// <summary>Table <c>ipv6Addresses</c>.</summary>
    public DbSet<Ipv6AddressRow> Ipv6Addresses => Set<Ipv6AddressRow>();

    /// <summary>Table <c>tags</c>.</summary>
    public DbSet<TagRow> Tags => Set<TagRow>();

    /// <summary>Table <c>tickets</c>.</summary>
    public DbSet<TicketRow> Tickets => Set<TicketRow>();

    /// <summary>Table <c>ticketMessages</c>.</summary>
    public DbSet<TicketMessageRow> TicketMessages => Set<TicketMessageRow>();

    /// <summary>Table <c>flowVersions</c>: every saved version of every flow.</summary>
    public DbSet<FlowVersionRecord> FlowVersions => Set<FlowVersionRecord>();

    /// <summary>Table <c>flowDrafts</c>: per flow, the draft the editor saved last.</summary>
    public DbSet<FlowDraftRecord> FlowDrafts => Set<FlowDraftRecord>();

    /// <summary>The durable run queue (<c>runQueue</c>).</summary>
    public DbSet<QueuedRunRecord> QueuedRuns => Set<QueuedRunRecord>();

    /// <summary>The run ledger (<c>runLedger</c>): the effects durable runs have done, by idempotency key.</summary>
    public DbSet<RunLedgerRecord> RunLedger => Set<RunLedgerRecord>();

    /// <summary>Table <c>runs</c>: the record of every run, with its nodes' status, port, duration and error.</summary>
    public DbSet<RunRecord> Runs => Set<RunRecord>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Money: enough for any price or balance, exact to a hundredth of a cent.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4).HaveConversion<NormalizedDecimalConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        PanelTableMapping.Apply(modelBuilder);
        PanelTableConstraints.Apply(modelBuilder);
        RunRecordMapping.Apply(modelBuilder);
        RunLedgerMapping.Apply(modelBuilder);
    }
}
