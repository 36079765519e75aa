using FlowCompiler.Runtime.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>
/// Lengths, foreign keys and indexes of the panel tables: an index under every column flows and IPAM
/// commonly look up by, and one address per (range, ip) so two allocations can never take the same address.
/// Indexed text columns get a length (SQL Server cannot index <c>nvarchar(max)</c>).
/// </summary>
internal static class PanelTableConstraints
{
    /// <summary>The longest textual IP address (an IPv4-mapped IPv6 address).</summary>
    public const int IpLength = 45;

    /// <summary>Adds the constraints to <paramref name="model"/>.</summary>
    public static void Apply(ModelBuilder model)
    {
        model.Entity<ServerRow>(server =>
        {
            server.Property(s => s.Node).HasMaxLength(128);
            server.HasIndex(s => s.Userid);
            server.HasIndex(s => s.Node);
        });
        model.Entity<BalanceRow>().HasIndex(b => b.Userid);
        model.Entity<ChargeRow>().HasIndex(c => c.ServerId);
        model.Entity<UserRow>(user =>
        {
            user.Property(u => u.Email).HasMaxLength(320);
            user.HasIndex(u => u.Email);
        });
        model.Entity<TagRow>(tag =>
        {
            tag.Property(t => t.ResourceType).HasMaxLength(16);
            tag.HasIndex(t => new { t.ResourceType, t.ResourceId });
        });
        model.Entity<TicketRow>().HasIndex(t => t.CreatorId);
        model.Entity<TicketMessageRow>(message =>
        {
            message.HasOne<TicketRow>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => m.TicketId);
        });

        model.Entity<Ipv4RangeRow>(range =>
        {
            range.Property(r => r.Start).HasMaxLength(IpLength);
            range.Property(r => r.End).HasMaxLength(IpLength);
            range.Property(r => r.Gateway).HasMaxLength(IpLength);
            range.Property(r => r.Scope).HasMaxLength(16);
            range.HasIndex(r => r.Scope);
        });
        model.Entity<Ipv4AddressRow>(address =>
        {
            address.Property(a => a.Ip).HasMaxLength(IpLength);
            address.HasOne<Ipv4RangeRow>().WithMany().HasForeignKey(a => a.RangeId).OnDelete(DeleteBehavior.Cascade);
            address.HasIndex(a => new { a.RangeId, a.Ip }).IsUnique();
        });
        model.Entity<Ipv6RangeRow>(range =>
        {
            range.Property(r => r.Network).HasMaxLength(IpLength);
            range.Property(r => r.Gateway).HasMaxLength(IpLength);
            range.Property(r => r.Scope).HasMaxLength(16);
            range.HasIndex(r => r.Scope);
        });
        model.Entity<Ipv6AddressRow>(address =>
        {
            address.Property(a => a.Ip).HasMaxLength(IpLength);
            address.HasOne<Ipv6RangeRow>().WithMany().HasForeignKey(a => a.RangeId).OnDelete(DeleteBehavior.Cascade);
            address.HasIndex(a => new { a.RangeId, a.Ip }).IsUnique();
        });
    }
}
