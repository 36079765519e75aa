namespace FlowCompiler.Generator.Templates;

/// <summary>Where a rendered template lands, which decides how its holes are escaped (spec §4).</summary>
public enum TemplateContext
{
    /// <summary>Plain text: field values, ticket text, server settings, <c>text/plain</c> bodies.</summary>
    Plain,

    /// <summary>A request URL.</summary>
    Url,

    /// <summary>An HTTP header value or a mail header (recipient, subject).</summary>
    Header,

    /// <summary>An HTML mail body.</summary>
    Html,

    /// <summary>An <c>application/json</c> request body.</summary>
    JsonBody,
}
