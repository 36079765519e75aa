namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>A <c>sendMail</c> recipient that is not a usable e-mail address.</summary>
public sealed class InvalidMailAddressException : Exception
{
    /// <summary>Creates the exception for <paramref name="address"/>, explaining why it was refused.</summary>
    /// <param name="address">The offending text, as rendered.</param>
    /// <param name="reason">Why it is not usable, in words an admin can act on.</param>
    public InvalidMailAddressException(string address, string reason)
        : base($"'{address}' is not a valid e-mail address: {reason}.") => Address = address;

    /// <summary>The offending text, as rendered.</summary>
    public string Address { get; }
}
