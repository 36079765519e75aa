namespace FlowCompiler.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the validator reports. Codes are stable: a code is never reused for another meaning.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not well-formed JSON.</summary>
    public static readonly DiagnosticCode MalformedJson = new("FLOW0001", "malformed JSON");

    /// <summary>The document exceeds a size, depth or count limit.</summary>
    public static readonly DiagnosticCode LimitExceeded = new("FLOW0002", "limit exceeded");

    /// <summary><c>format</c> is missing or is not <c>flowc/1</c>.</summary>
    public static readonly DiagnosticCode UnsupportedFormat = new("FLOW0003", "unsupported format");

    /// <summary>A property the format does not define.</summary>
    public static readonly DiagnosticCode UnknownProperty = new("FLOW0004", "unknown property");

    /// <summary>A required property is missing.</summary>
    public static readonly DiagnosticCode MissingProperty = new("FLOW0005", "missing property");

    /// <summary>A property has the wrong JSON type.</summary>
    public static readonly DiagnosticCode WrongJsonType = new("FLOW0006", "wrong JSON type");

    /// <summary>The flow id does not match <c>[a-z0-9][a-z0-9-]{0,63}</c>.</summary>
    public static readonly DiagnosticCode InvalidFlowId = new("FLOW0007", "invalid flow id");

    /// <summary>A node id does not match <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static readonly DiagnosticCode InvalidNodeId = new("FLOW0008", "invalid node id");

    /// <summary>Two nodes share an id.</summary>
    public static readonly DiagnosticCode DuplicateNodeId = new("FLOW0009", "duplicate node id");

    /// <summary>A node type the format does not define.</summary>
    public static readonly DiagnosticCode UnknownNodeType = new("FLOW0010", "unknown node type");

    /// <summary>No trigger, or more than one.</summary>
    public static readonly DiagnosticCode TriggerCount = new("FLOW0011", "not exactly one trigger");

    /// <summary>An edge leads into the trigger.</summary>
    public static readonly DiagnosticCode EdgeIntoTrigger = new("FLOW0012", "edge into the trigger");

    /// <summary>A node has more than one incoming edge.</summary>
    public static readonly DiagnosticCode MultipleInputs = new("FLOW0013", "more than one incoming edge");

    /// <summary>An edge names a node that does not exist.</summary>
    public static readonly DiagnosticCode UnknownEdgeNode = new("FLOW0014", "edge names an unknown node");

    /// <summary>An edge names a port its source node does not have.</summary>
    public static readonly DiagnosticCode UnknownPort = new("FLOW0015", "unknown port");

    /// <summary>A node cannot be reached from the trigger.</summary>
    public static readonly DiagnosticCode Unreachable = new("FLOW0016", "unreachable node");

    /// <summary>Edges form a cycle.</summary>
    public static readonly DiagnosticCode Cycle = new("FLOW0017", "cycle");

    /// <summary>The trigger names an event that does not exist.</summary>
    public static readonly DiagnosticCode UnknownEvent = new("FLOW0018", "unknown event");

    /// <summary>A field path does not resolve in the node's scope.</summary>
    public static readonly DiagnosticCode UnknownField = new("FLOW0019", "unknown field");

    /// <summary>An <c>as</c> name is not an identifier or shadows a field in scope.</summary>
    public static readonly DiagnosticCode InvalidAsName = new("FLOW0020", "invalid as name");

    /// <summary>A sensitive field (password, confirmation token) is sent out of the panel.</summary>
    public static readonly DiagnosticCode SensitiveFieldSent = new("FLOW0021", "sensitive field sent out");

    /// <summary>A template has a <c>{{</c> without its <c>}}</c>.</summary>
    public static readonly DiagnosticCode UnclosedHole = new("FLOW0022", "unclosed template hole");

    /// <summary>A template expression does not parse.</summary>
    public static readonly DiagnosticCode TemplateSyntax = new("FLOW0023", "template expression syntax");

    /// <summary>A template expression uses a variable that is not in scope.</summary>
    public static readonly DiagnosticCode TemplateUnknownVariable = new("FLOW0024", "unknown template variable");

    /// <summary>A URL is not absolute http(s), or a hole could choose its scheme or host.</summary>
    public static readonly DiagnosticCode UnsafeUrl = new("FLOW0025", "URL scheme and host must be literal");

    /// <summary>A JSON body is not valid JSON for every field value.</summary>
    public static readonly DiagnosticCode InvalidJsonBody = new("FLOW0026", "invalid JSON body");

    /// <summary>A parameter is not one of its allowed values.</summary>
    public static readonly DiagnosticCode InvalidChoice = new("FLOW0027", "value not allowed");

    /// <summary>A filter operation does not apply to the field's type.</summary>
    public static readonly DiagnosticCode OperationNotApplicable = new("FLOW0028", "operation does not apply to type");

    /// <summary>A filter value does not parse into the field's type.</summary>
    public static readonly DiagnosticCode FilterValueType = new("FLOW0029", "filter value has the wrong type");

    /// <summary>A template hole or compared field has a type that cannot be used there.</summary>
    public static readonly DiagnosticCode IncompatibleType = new("FLOW0030", "incompatible type");

    /// <summary>A <c>matches</c> pattern is not a valid .NET regular expression.</summary>
    public static readonly DiagnosticCode InvalidRegex = new("FLOW0031", "invalid regular expression");

    /// <summary>A table or column that the panel database does not have.</summary>
    public static readonly DiagnosticCode UnknownTable = new("FLOW0032", "unknown table or column");

    /// <summary><c>exampleResponse</c> cannot type the REST response.</summary>
    public static readonly DiagnosticCode InvalidExampleResponse = new("FLOW0033", "unusable example response");

    /// <summary>A <c>modifyServer</c> component, action or value is wrong.</summary>
    public static readonly DiagnosticCode InvalidServerAction = new("FLOW0034", "invalid server action");

    /// <summary>A string holds a control character or an invalid Unicode escape.</summary>
    public static readonly DiagnosticCode InvalidCharacter = new("FLOW0035", "invalid character");

    /// <summary>A required text is empty or a header name is not a valid token.</summary>
    public static readonly DiagnosticCode InvalidValue = new("FLOW0036", "invalid value");

    /// <summary>A <c>rest</c> or <c>webhook</c> header that the HTTP transport sets itself (<c>Content-Length</c>, <c>Host</c>…).</summary>
    public static readonly DiagnosticCode TransportHeader = new("FLOW0037", "header set by the transport");

    /// <summary>A <c>sendMail</c> recipient that is not an address, or a hole that is neither a display name nor an address.</summary>
    public static readonly DiagnosticCode InvalidMailAddress = new("FLOW0038", "invalid mail address");

    /// <summary>A template expression calls something that is not an allowed function, or with the wrong number of arguments.</summary>
    public static readonly DiagnosticCode TemplateFunction = new("FLOW0039", "template function call");

    /// <summary>
    /// A template expression uses what flows do not allow: a loader or reflection builtin, the clock, a
    /// statement, an assignment, the template context, or a block spread over several holes.
    /// </summary>
    public static readonly DiagnosticCode TemplateNotAllowed = new("FLOW0040", "not allowed in a template expression");

    /// <summary>
    /// A node's <c>retry</c> is on a node type that does no I/O, or one of its members is out of range (attempts 1 to 20,
    /// delays 0 to one day with <c>maxDelayMs</c> at least <c>initialDelayMs</c>, multiplier 1 to 10, jitter 0 to 1).
    /// </summary>
    public static readonly DiagnosticCode InvalidRetry = new("FLOW0041", "invalid retry");

    /// <summary>Every code, in order, for documentation and tests.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        MalformedJson, LimitExceeded, UnsupportedFormat, UnknownProperty, MissingProperty, WrongJsonType,
        InvalidFlowId, InvalidNodeId, DuplicateNodeId, UnknownNodeType, TriggerCount, EdgeIntoTrigger,
        MultipleInputs, UnknownEdgeNode, UnknownPort, Unreachable, Cycle, UnknownEvent, UnknownField,
        InvalidAsName, SensitiveFieldSent, UnclosedHole, TemplateSyntax, TemplateUnknownVariable, UnsafeUrl,
        InvalidJsonBody, InvalidChoice, OperationNotApplicable, FilterValueType, IncompatibleType,
        InvalidRegex, UnknownTable, InvalidExampleResponse, InvalidServerAction, InvalidCharacter, InvalidValue,
        TransportHeader, InvalidMailAddress, TemplateFunction, TemplateNotAllowed, InvalidRetry,
    ];
}
