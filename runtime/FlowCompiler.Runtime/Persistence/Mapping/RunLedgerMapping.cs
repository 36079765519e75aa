using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>Maps the run ledger (<c>runLedger</c>), with camelCase columns as the other tables have.</summary>
internal static class RunLedgerMapping
{
    public static void Apply(ModelBuilder model) => model.Entity<RunLedgerRecord>(ledger =>
    {
        ledger.ToTable("runLedger");
        ledger.HasKey(l => l.Key);
        ledger.Property(l => l.Key).HasMaxLength(128);
        ledger.Property(l => l.NodeId).HasMaxLength(64);
        // A resumed run reads its whole ledger in one query.
        ledger.HasIndex(l => l.RunId);
        foreach (var property in ledger.Metadata.GetDeclaredProperties())
        {
            property.SetColumnName(FlowColumnName.CamelCase(property.Name));
        }
    });
}
