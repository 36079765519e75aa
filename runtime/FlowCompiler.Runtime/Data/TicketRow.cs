using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A support ticket. Table <c>tickets</c>.</summary>
[FlowTable("tickets")]
public sealed class TicketRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Low, medium, high or urgent.</summary>
    public string Priority { get; set; } = "";

    /// <summary>The user who opened the ticket.</summary>
    public int CreatorId { get; set; }

    /// <summary>When the ticket was opened.</summary>
    public DateTime CreatedAt { get; set; }
}
