using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Events;

/// <summary>The payload of the <c>account.updated</c>, <c>account.registration</c> and <c>account.login</c> events.</summary>
public sealed class UserEvent
{
    /// <summary>Database id.</summary>
    public int Id { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The user's email address.</summary>
    public string Email { get; init; } = "";

    /// <summary>Password hash. Sensitive: never sent out, redacted in run records.</summary>
    [Sensitive]
    public string Password { get; init; } = "";

    /// <summary>When the account was created (UTC).</summary>
    public DateTime Register { get; init; }

    /// <summary>1 customer, 2 supporter, 3 admin.</summary>
    public int Permission { get; init; }

    /// <summary>The confirmation token, when confirmations are enabled. Sensitive.</summary>
    [Sensitive]
    public string? ConfirmationToken { get; init; }
}
