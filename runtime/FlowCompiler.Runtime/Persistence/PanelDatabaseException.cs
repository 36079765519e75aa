namespace FlowCompiler.Runtime.Persistence;

/// <summary>
/// The panel database could not do what was asked: it is locked, missing, unreachable, or refused the
/// credentials. The message says what to fix and never holds the connection string; the provider's own
/// exception is the inner exception.
/// </summary>
public sealed class PanelDatabaseException : Exception
{
    /// <summary>Creates the exception with a message that says what to fix.</summary>
    public PanelDatabaseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that says what to fix, wrapping the provider's exception.</summary>
    public PanelDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
