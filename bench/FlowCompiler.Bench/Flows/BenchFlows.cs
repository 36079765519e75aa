using System.Globalization;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// The flows the suites run, as flow JSON: what an admin would draw, so the compiled code measured is the
/// code the product generates.
/// </summary>
public static class BenchFlows
{
    /// <summary>The cpu threshold of <see cref="Mail"/>: events with at least this many cores pass.</summary>
    public const int MailThreshold = 8;

    /// <summary>The HTML mail of <see cref="Mail"/> and of the template suite.</summary>
    public const string HtmlMail =
        "<html><body><h1>New server {{hostname}}</h1>" +
        "<p>Hello NOC,</p><p>server <b>{{hostname}}</b> (#{{id}}) was created on node {{node}} at {{createdAt}}.</p>" +
        "<table><tr><td>vCPU</td><td>{{cpu}}</td></tr><tr><td>RAM</td><td>{{ram}} MB</td></tr>" +
        "<tr><td>Disk</td><td>{{disk}} GB</td></tr><tr><td>OS</td><td>{{os}}</td></tr></table>" +
        "<p>Status: {{status}}. Check it at https://panel.example.com/servers/{{id}}.</p></body></html>";

    /// <summary>Five holes of mixed types (string, int, int, string?, datetime) in plain text.</summary>
    public const string FiveHoles = "Server {{hostname}} (#{{id}}) has {{cpu}} vCPU, address {{ip}}, created {{createdAt}}.";

    /// <summary>A JSON body: holes inside strings, and holes in value position (string, int, null, datetime).</summary>
    public const string JsonBody =
        """{"host": "{{hostname}}", "os": "{{os}}", "node": {{node}}, "cores": {{cpu}}, "ram": {{ram}}, "ip": {{ip}}, "created": {{createdAt}}}""";

    /// <summary>
    /// A big server mails the NOC: <c>trigger → filter cpu ≥ 8 → sendMail (HTML)</c>. Each id is its own flow,
    /// with its own assembly, as when an admin publishes many flows.
    /// </summary>
    public static string Mail(string id) => $$$"""
        { "format": "flowc/1", "id": "{{{id}}}", "name": "Mail the NOC about big servers",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
            { "id": "big", "type": "filter", "parameters": { "field": "cpu", "operation": ">=", "value": {{{MailThreshold}}} } },
            { "id": "mail", "type": "sendMail", "parameters": { "to": "noc@example.com", "subject": "New server {{hostname}}",
              "html": true, "content": {{{Json(HtmlMail)}}} } } ],
          "edges": [ { "from": "trigger", "to": "big" }, { "from": "big", "port": "true", "to": "mail" } ] }
        """;

    /// <summary>
    /// The three templates of the template suite, each in the node that gives it its escaping: a plain-text
    /// mail (<c>text</c>), a webhook's JSON body (<c>hook</c>) and an HTML mail (<c>html</c>).
    /// </summary>
    public static string Templates() => $$$"""
        { "format": "flowc/1", "id": "templates", "name": "Templates",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
            { "id": "text", "type": "sendMail", "parameters": { "to": "noc@example.com", "subject": "s", "content": {{{Json(FiveHoles)}}} } },
            { "id": "hook", "type": "webhook", "parameters": { "url": "https://noc.example.com/servers/{{id}}", "method": "POST", "content": {{{Json(JsonBody)}}} } },
            { "id": "html", "type": "sendMail", "parameters": { "to": "noc@example.com", "subject": "s", "html": true, "content": {{{Json(HtmlMail)}}} } } ],
          "edges": [ { "from": "trigger", "to": "text" }, { "from": "trigger", "to": "hook" }, { "from": "trigger", "to": "html" } ] }
        """;

    /// <summary>A flow whose first node is one filter (then a mail): its <c>Accepts</c> is exactly that filter.</summary>
    public static string Predicate(string id, string field, string operation, string value, bool ignoreCase) => $$$"""
        { "format": "flowc/1", "id": "{{{id}}}", "name": "Predicate",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
            { "id": "test", "type": "filter", "parameters": { "field": "{{{field}}}", "operation": "{{{operation}}}", "value": {{{value}}}, "ignoreCase": {{{(ignoreCase ? "true" : "false")}}} } },
            { "id": "mail", "type": "sendMail", "parameters": { "to": "noc@example.com", "subject": "match", "content": "{{hostname}}" } } ],
          "edges": [ { "from": "trigger", "to": "test" }, { "from": "test", "port": "true", "to": "mail" } ] }
        """;

    /// <summary>
    /// The <paramref name="index"/>-th of many different flows on events other than <c>server.created</c>
    /// (logins, registrations, balance changes, event log): what a panel with many flows has published.
    /// </summary>
    public static string Other(int index)
    {
        var id = "other-" + index.ToString("D4", CultureInfo.InvariantCulture);
        return (index % 4) switch
        {
            0 => $$$"""
                { "format": "flowc/1", "id": "{{{id}}}", "name": "Admin login alert {{{index}}}",
                  "nodes": [
                    { "id": "trigger", "type": "event", "parameters": { "event": "account.login" } },
                    { "id": "admin", "type": "filter", "parameters": { "field": "permission", "operation": "=", "value": 3 } },
                    { "id": "mail", "type": "sendMail", "parameters": { "to": "security@example.com", "subject": "Admin {{name}} logged in", "content": "{{name}} <{{email}}> logged in ({{{index}}})." } } ],
                  "edges": [ { "from": "trigger", "to": "admin" }, { "from": "admin", "port": "true", "to": "mail" } ] }
                """,
            1 => $$$"""
                { "format": "flowc/1", "id": "{{{id}}}", "name": "Welcome {{{index}}}",
                  "nodes": [
                    { "id": "trigger", "type": "event", "parameters": { "event": "account.registration" } },
                    { "id": "mail", "type": "sendMail", "parameters": { "to": "{{email}}", "subject": "Welcome, {{name}}", "html": true, "content": "<p>Welcome {{name}}!</p><p>Registered {{register}} ({{{index}}}).</p>" } } ],
                  "edges": [ { "from": "trigger", "to": "mail" } ] }
                """,
            2 => $$$"""
                { "format": "flowc/1", "id": "{{{id}}}", "name": "Low balance {{{index}}}",
                  "nodes": [
                    { "id": "trigger", "type": "event", "parameters": { "event": "account.balanceRemoved" } },
                    { "id": "low", "type": "filter", "parameters": { "field": "balance", "operation": "<", "value": {{{index % 50}}}.50 } },
                    { "id": "hook", "type": "webhook", "parameters": { "url": "https://billing.example.com/low/{{userid}}", "method": "POST", "content": "{\"user\": {{userid}}, \"balance\": {{balance}}, \"n\": {{{index}}}}" } } ],
                  "edges": [ { "from": "trigger", "to": "low" }, { "from": "low", "port": "true", "to": "hook" } ] }
                """,
            _ => $$$"""
                { "format": "flowc/1", "id": "{{{id}}}", "name": "Errors to tickets {{{index}}}",
                  "nodes": [
                    { "id": "trigger", "type": "event", "parameters": { "event": "eventLog.created" } },
                    { "id": "error", "type": "filter", "parameters": { "field": "level", "operation": ">=", "value": 3 } },
                    { "id": "ticket", "type": "createTicket", "parameters": { "title": "Error {{{index}}}: {{message}}", "priority": "high", "creatorId": "1", "content": "{{rawMessage}}" } } ],
                  "edges": [ { "from": "trigger", "to": "error" }, { "from": "error", "port": "true", "to": "ticket" } ] }
                """,
        };
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
