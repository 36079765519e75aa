using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>The project's own tables: <c>flowVersions</c>, <c>flowDrafts</c>, <c>runs</c> and <c>runQueue</c>.</summary>
internal static class RunRecordMapping
{
    /// <summary>Adds the tables to <paramref name="model"/>.</summary>
    public static void Apply(ModelBuilder model)
    {
        model.Entity<FlowVersionRecord>(flow =>
        {
            flow.ToTable("flowVersions");
            flow.HasKey(f => new { f.FlowId, f.Version });
            flow.Property(f => f.FlowId).HasMaxLength(64);
            flow.Property(f => f.TriggerEvent).HasMaxLength(64);
            flow.Property(f => f.ContentHash).HasMaxLength(64);
            // What the host asks on every event: the published flows of this trigger.
            flow.HasIndex(f => new { f.TriggerEvent, f.Published });
            flow.Property(f => f.CreatedBy).HasMaxLength(128);
        });

        model.Entity<FlowDraftRecord>(draft =>
        {
            draft.ToTable("flowDrafts");
            draft.HasKey(d => d.FlowId);
            draft.Property(d => d.FlowId).HasMaxLength(64);
            draft.Property(d => d.TriggerEvent).HasMaxLength(64);
            draft.Property(d => d.SavedBy).HasMaxLength(128);
        });

        model.Entity<RunRecord>(run =>
        {
            run.ToTable("runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).ValueGeneratedNever();
            run.Property(r => r.FlowId).HasMaxLength(64);
            run.Property(r => r.EventName).HasMaxLength(64);
            run.Property(r => r.Status).HasMaxLength(16).HasConversion(new LowerCaseEnumConverter<RunStatus>());
            // A compact row: the nodes are one JSON column, not a row each (the host writes thousands of runs a second).
            run.Property(r => r.Nodes).HasConversion(new RunNodesConverter(), RunNodesConverter.Comparer);
            run.HasIndex(r => new { r.FlowId, r.StartedAt });
            run.HasIndex(r => r.StartedAt);
        });

        model.Entity<QueuedRunRecord>(queued =>
        {
            queued.ToTable("runQueue");
            queued.HasKey(q => q.Id);
            queued.Property(q => q.Id).ValueGeneratedNever();
            queued.Property(q => q.FlowId).HasMaxLength(64);
            queued.Property(q => q.EventName).HasMaxLength(64);
            queued.Property(q => q.State).HasMaxLength(16).HasConversion(new LowerCaseEnumConverter<QueuedRunState>());
            queued.Property(q => q.LeaseOwner).HasMaxLength(128);
            // What a claim asks: the runs of a state whose time (or lease) has come, oldest first.
            queued.HasIndex(q => new { q.State, q.AvailableAt });
        });

        // Same naming as the panel tables: camelCase columns.
        foreach (var recordType in new[] { typeof(FlowVersionRecord), typeof(FlowDraftRecord), typeof(RunRecord), typeof(QueuedRunRecord) })
        {
            foreach (var property in model.Entity(recordType).Metadata.GetDeclaredProperties())
            {
                property.SetColumnName(FlowColumnName.CamelCase(property.Name));
            }
        }
    }
}
