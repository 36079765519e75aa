using System.Collections.Immutable;
using Scriban;
using Scriban.Functions;
using Scriban.Syntax;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Checks a Scriban expression hole at compile time (spec §4): it must parse, and every variable it reads
/// must be a Scriban builtin (<c>date</c>, <c>math</c>, <c>string</c>…) or a name in the node's scope.
/// </summary>
public static class ScriptHoleChecker
{
    private static readonly ImmutableHashSet<string> Builtins =
        [.. new BuiltinFunctions().Keys, "empty", "blank", "this"];

    /// <summary>The outcome: parse errors, unknown names, and the scope names read with their member paths.</summary>
    /// <param name="Errors">Scriban's parse messages.</param>
    /// <param name="UnknownNames">Variables neither builtin nor in scope.</param>
    /// <param name="Paths">Dotted member paths read from scope names, e.g. <c>user.email</c>.</param>
    public readonly record struct Result(ImmutableArray<string> Errors, ImmutableArray<string> UnknownNames, ImmutableArray<string> Paths);

    /// <summary>Parses the expression and resolves its variables against <paramref name="isInScope"/>.</summary>
    public static Result Check(string code, Func<string, bool> isInScope)
    {
        var template = Template.Parse("{{ " + code + " }}");
        if (template.HasErrors)
        {
            return new Result([.. template.Messages.Select(m => m.Message)], [], []);
        }

        var collector = new VariableCollector();
        template.Page?.Accept(collector);
        var unknown = collector.Roots.Where(r => !Builtins.Contains(r) && !isInScope(r)).Distinct().ToImmutableArray();
        return new Result([], unknown, [.. collector.Paths.Distinct()]);
    }

    // Collects every global variable and the member chain read from it (user.email), so the binder can
    // check names and warn about sensitive fields.
    private sealed class VariableCollector : ScriptVisitor
    {
        public List<string> Roots { get; } = [];

        public List<string> Paths { get; } = [];

        public override void Visit(ScriptVariableGlobal node)
        {
            Roots.Add(node.Name);
            Paths.Add(node.Name);
            base.Visit(node);
        }

        public override void Visit(ScriptMemberExpression node)
        {
            if (Chain(node) is { } chain)
            {
                Paths.Add(chain);
            }

            // The member name (to_string in date.to_string) is not a variable: visit only the target.
            node.Target?.Accept(this);
        }

        private static string? Chain(ScriptExpression? expression) => expression switch
        {
            ScriptVariableGlobal global => global.Name,
            ScriptMemberExpression { Member: { } name } member when Chain(member.Target) is { } target => target + "." + name.Name,
            _ => null,
        };
    }
}
