using System.Globalization;
using System.Text;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>
/// A run as text that two runs can be compared by: status, every node's status, port and error, and every
/// effect with all its fields (records compare lists by reference, so their equality would not do).
/// Durations are left out.
/// </summary>
internal static class RunRecord
{
    public static string Describe(RunResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"flow {result.Flow}: {result.Status}\n");
        foreach (var node in result.Nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  node {node.Id}: {node.Status} port={node.Port ?? "-"} error={node.Error ?? "-"}\n");
        }

        foreach (var effect in result.Effects)
        {
            text.Append("  effect ").Append(Describe(effect)).Append('\n');
        }

        return text.ToString();
    }

    public static string Describe(ActionRequest effect) => effect switch
    {
        MailRequest m => $"sendMail {m.NodeId} to={Q(m.To.ToString())} subject={Q(m.Subject)} content={Q(m.Content)} html={m.Html}",
        HttpRequestSpec h => $"webhook {h.NodeId} {h.Method} {Q(h.Url)} {h.ContentType} content={(h.Content is null ? "null" : Q(h.Content))} headers=[{string.Join(", ", h.Headers.Select(p => p.Key + ": " + Q(p.Value)))}]",
        TicketRequest t => $"createTicket {t.NodeId} title={Q(t.Title)} priority={t.Priority} creator={t.CreatorId} content={Q(t.Content)}",
        ServerChange c => $"modifyServer {c.NodeId} server={c.ServerId} {c.Component}.{c.Action} [{string.Join(", ", c.Values.Select(v => $"{v.Key}={v.Value.GetType().Name}:{Q(Convert.ToString(v.Value, CultureInfo.InvariantCulture)!)}"))}]",
        _ => throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}."),
    };

    private static string Q(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
