namespace FlowCompiler.Runtime.Enrichers;

/// <summary>What a <c>createTicket</c> action exposes under its optional <c>as</c> name.</summary>
public sealed class CreatedTicket
{
    /// <summary>Id of the new ticket.</summary>
    public int Id { get; init; }
}
