using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A user account in the panel database. Table <c>users</c>.</summary>
[FlowTable("users")]
public sealed class UserRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Display name.</summary>
    public string Username { get; set; } = "";

    /// <summary>The user's email address.</summary>
    public string Email { get; set; } = "";

    /// <summary>Password hash.</summary>
    [Sensitive]
    public string Password { get; set; } = "";

    /// <summary>When the account was created.</summary>
    public DateTime Register { get; set; }

    /// <summary>1 customer, 2 supporter, 3 admin.</summary>
    public int Permission { get; set; }

    /// <summary>The confirmation token, when confirmations are enabled.</summary>
    [Sensitive]
    public string? ConfirmationToken { get; set; }
}
