namespace FlowCompiler.Generator.Templates;

/// <summary>How a hole's value is escaped where it lands (spec §4); chosen at compile time.</summary>
public enum HoleEscape
{
    /// <summary>Inserted as rendered: plain text and <c>text/plain</c> bodies.</summary>
    None,

    /// <summary>Percent-encoded: a hole in a URL's path, query or fragment.</summary>
    UrlComponent,

    /// <summary>JSON string content: a hole between the quotes of a JSON string.</summary>
    JsonString,

    /// <summary>A whole JSON value: number, <c>true</c>/<c>false</c>, quoted string or <c>null</c>.</summary>
    JsonValue,

    /// <summary>HTML-encoded: a hole in an HTML mail body.</summary>
    Html,

    /// <summary>CR and LF removed: a hole in an HTTP or mail header.</summary>
    Header,
}
