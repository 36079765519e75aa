namespace FlowCompiler.Generator.Templates;

/// <summary>Where a rendered template lands, which decides how its holes are escaped (spec §4).</summary>
public enum TemplateContext
{
    /// <summary>Plain text: field values, ticket text, server settings, <c>text/plain</c> bodies.</summary>
    Plain,

    /// <summary>A request URL.</summary>
    Url,

    /// <summary>An HTTP header value or the mail subject.</summary>
    Header,

    /// <summary>The display name of a mail recipient: only ever a name, quoted when the mail is written; line breaks removed.</summary>
    MailDisplayName,

    /// <summary>The address of a mail recipient: inserted as rendered, then the whole address must be exactly one address.</summary>
    MailAddress,

    /// <summary>An HTML mail body.</summary>
    Html,

    /// <summary>An <c>application/json</c> request body.</summary>
    JsonBody,
}
