using System.Globalization;
using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// One English line per node for the comment before its code and the outline in the entry method's docs,
/// e.g. <c>[node is-vip] filter: tags.name = "vip" (string, first match)</c>. Flow text appears as C# literals.
/// </summary>
public static class NodeDescriber
{
    /// <summary>The one-line description of a node.</summary>
    public static string Describe(BoundNode node) => $"[node {node.Id}] {node.Type}: " + node switch
    {
        BoundTrigger n => n.Event.Name,
        BoundFilter n => $"{n.Field.Text} {n.OperationText}{Operand(n)} ({Details(n)})",
        BoundAddField n => $"{n.As} = {Q(n.Value.Source)}",
        BoundDbJoin n => $"{n.As} = {n.Table} where {n.JoinColumn.Name} = {n.Input.Text} ({(n.IsSingle ? "one row or null" : "all matching rows")})",
        BoundRest n => $"{n.As} = {n.Request.Method} {Q(n.Request.Url.Source)}",
        BoundLoadTags n => $"{n.As} = tags of {n.ResourceType} {n.Input.Text}",
        BoundIpam n => $"{n.As} = next free {n.Family} address",
        BoundSendMail n => $"to {Q(n.To.Source)}, subject {Q(n.Subject.Source)}{(n.Html ? " (HTML)" : "")}",
        BoundWebhook n => $"{n.Request.Method} {Q(n.Request.Url.Source)} ({n.Request.ContentType})",
        BoundCreateTicket n => $"{Q(n.Title.Source)} ({n.Priority}){(n.As is null ? "" : " as " + n.As)}",
        BoundModifyServer n => $"{n.Component}.{n.Action} on server {Q(n.ServerId.Source)}: " +
            string.Join(", ", n.Values.Select(v => $"{v.Key} = {Q(v.Value.Source)}")),
        _ => "",
    };

    /// <summary>The deepest level the outline indents; deeper nodes name their level instead, so the outline stays linear in size.</summary>
    public const int MaxOutlineIndent = 16;

    /// <summary>
    /// The tree below <paramref name="root"/> in execution order, indented two spaces per level (up to
    /// <see cref="MaxOutlineIndent"/>), each child of a filter prefixed with its port.
    /// </summary>
    public static IEnumerable<string> Outline(BoundNode root)
    {
        // An explicit stack, children pushed in reverse: any depth of flow in constant call depth.
        var pending = new Stack<(BoundNode Node, int Depth, string? Port)>();
        pending.Push((root, 0, null));
        while (pending.Count > 0)
        {
            var (node, depth, port) = pending.Pop();
            var indent = new string(' ', Math.Min(depth, MaxOutlineIndent) * 2);
            var level = depth > MaxOutlineIndent ? $"(level {depth.ToString(CultureInfo.InvariantCulture)}) " : "";
            var via = port is null or "out" ? "" : port + " → ";
            yield return indent + level + via + Describe(node);
            for (var b = node.Branches.Length - 1; b >= 0; b--)
            {
                var branch = node.Branches[b];
                for (var c = branch.Children.Length - 1; c >= 0; c--)
                {
                    pending.Push((branch.Children[c], depth + 1, branch.Port));
                }
            }
        }
    }

    private static string Operand(BoundFilter filter) => filter.Operand switch
    {
        ConstantOperand { Kind: ScalarKind.String } c => " " + Q(c.Source),
        ConstantOperand c => " " + Constant(c),
        FieldOperand f => " {{" + f.Path.Text + "}}",
        _ => "",
    };

    private static string Constant(ConstantOperand constant) => constant.Value switch
    {
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Q(constant.Source),
    };

    private static string Details(BoundFilter filter)
    {
        var details = new List<string> { filter.Field.Type is ArrayType ? "array" : filter.Field.Type.Display };
        if (filter.IgnoreCase)
        {
            details.Add("ignore case");
        }

        if (filter.Narrowing is not null)
        {
            details.Add("first match");
        }

        return string.Join(", ", details);
    }

    private static string Q(string text) => CSharpText.Literal(text);
}
