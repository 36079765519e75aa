using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A message in a ticket. Table <c>ticketMessages</c>.</summary>
[FlowTable("ticketMessages")]
public sealed class TicketMessageRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The ticket.</summary>
    public int TicketId { get; set; }

    /// <summary>The user who wrote it.</summary>
    public int AuthorId { get; set; }

    /// <summary>The message text.</summary>
    public string Content { get; set; } = "";

    /// <summary>When it was written.</summary>
    public DateTime CreatedAt { get; set; }
}
