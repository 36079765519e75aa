namespace FlowCompiler.Generator.Model;

/// <summary>What a parameter's text is, which decides how it is bound and escaped.</summary>
public enum ParameterRole
{
    /// <summary>One of a fixed set of words (an operation, a method, a table); never a template.</summary>
    Choice,

    /// <summary>A field path such as <c>charges.amount</c>.</summary>
    FieldPath,

    /// <summary>A new field name (<c>as</c>).</summary>
    NewField,

    /// <summary>A template rendered as plain text.</summary>
    Text,

    /// <summary>A template that becomes a request URL: holes percent-encoded, scheme and host literal.</summary>
    Url,

    /// <summary>Templates that become HTTP header values (CR and LF removed).</summary>
    Headers,

    /// <summary>A template that becomes a mail header (recipient, subject): CR and LF removed.</summary>
    MailHeader,

    /// <summary>A request body: JSON-checked and escaped for <c>application/json</c>, raw otherwise.</summary>
    Body,

    /// <summary>A mail body: HTML-encoded holes when <c>html</c> is true.</summary>
    MailBody,

    /// <summary>A literal flag or number.</summary>
    Literal,

    /// <summary>The filter's <c>value</c>: a constant of the field's type or one hole naming another field.</summary>
    FilterValue,

    /// <summary>A REST example response.</summary>
    Example,
}
