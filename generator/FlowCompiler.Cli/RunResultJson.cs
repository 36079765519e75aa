using System.Text.Json;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Cli;

/// <summary>
/// A run as spec §7 prints it: <c>{ "flow", "status", "nodes": [{ "id", "status", "port"?, "error"? }], "effects": [...] }</c>,
/// each effect <c>{ "node", "type", …the action's rendered parameters… }</c> in execution order.
/// </summary>
internal static class RunResultJson
{
    /// <summary>Writes one run; <paramref name="version"/> and <paramref name="error"/> are added when the run came from a published flow.</summary>
    public static void Write(Utf8JsonWriter json, RunResult result, int? version = null, string? error = null)
    {
        json.WriteStartObject();
        json.WriteString("flow", result.Flow);
        if (version is { } v)
        {
            json.WriteNumber("version", v);
        }

        json.WriteString("status", result.Status == RunStatus.Failed || error is not null ? "failed" : "succeeded");
        if (error is not null)
        {
            json.WriteString("error", error);
        }

        json.WriteStartArray("nodes");
        foreach (var node in result.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("status", node.Status.ToString().ToLowerInvariant());
            if (node.Port is not null)
            {
                json.WriteString("port", node.Port);
            }

            if (node.Error is not null)
            {
                json.WriteString("error", node.Error);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("effects");
        foreach (var effect in result.Effects)
        {
            WriteEffect(json, effect);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEffect(Utf8JsonWriter json, ActionRequest effect)
    {
        json.WriteStartObject();
        json.WriteString("node", effect.NodeId);
        json.WriteString("type", effect.Type);
        switch (effect)
        {
            case MailRequest mail:
                json.WriteString("to", mail.To);
                json.WriteString("subject", mail.Subject);
                json.WriteString("content", mail.Content);
                json.WriteBoolean("html", mail.Html);
                break;
            case HttpRequestSpec http:
                json.WriteString("url", http.Url);
                json.WriteString("method", http.Method);
                json.WriteString("contentType", http.ContentType);
                json.WriteString("content", http.Content);
                break;
            case TicketRequest ticket:
                json.WriteString("title", ticket.Title);
                json.WriteString("priority", ticket.Priority);
                json.WriteNumber("creatorId", ticket.CreatorId);
                json.WriteString("content", ticket.Content);
                break;
            case ServerChange change:
                json.WriteNumber("serverId", change.ServerId);
                json.WriteString("component", change.Component);
                json.WriteString("action", change.Action);
                json.WriteStartObject("values");
                foreach (var (key, value) in change.Values)
                {
                    if (value is int number)
                    {
                        json.WriteNumber(key, number);
                    }
                    else
                    {
                        json.WriteString(key, value.ToString());
                    }
                }

                json.WriteEndObject();
                break;
        }

        json.WriteEndObject();
    }
}
