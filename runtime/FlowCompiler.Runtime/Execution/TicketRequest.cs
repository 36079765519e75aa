namespace FlowCompiler.Runtime.Execution;

/// <summary>The ticket a <c>createTicket</c> node opens.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Title">Title.</param>
/// <param name="Priority">low, medium, high or urgent.</param>
/// <param name="CreatorId">The user who opens it.</param>
/// <param name="Content">The first message.</param>
public sealed record TicketRequest(string NodeId, string Title, string Priority, int CreatorId, string Content) : ActionRequest(NodeId)
{
    /// <inheritdoc />
    public override string Type => "createTicket";

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, object?>> Parameters =>
        [new("title", Title), new("priority", Priority), new("creatorId", CreatorId), new("content", Content)];
}
