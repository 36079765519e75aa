namespace FlowCompiler.Runtime.Events;

/// <summary>One charge of a server, as carried by the <c>server.*</c> events.</summary>
public sealed class ServerCharge
{
    /// <summary>Id of the charge.</summary>
    public int Id { get; init; }

    /// <summary>Database id of the server.</summary>
    public int ServerId { get; init; }

    /// <summary>Amount of the charge.</summary>
    public decimal Amount { get; init; }

    /// <summary>Text description of the charge.</summary>
    public string Description { get; init; } = "";

    /// <summary><c>s</c> for a qemu server, <c>c</c> for a container.</summary>
    public string ServerType { get; init; } = "";
}
