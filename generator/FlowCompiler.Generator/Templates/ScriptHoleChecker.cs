using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Checks a Scriban expression hole at compile time (spec §4): it must parse, be exactly one expression
/// (no statements: nothing assigns, loops, captures or imports), and type-check against the node's scope
/// (<see cref="ScriptTypeChecker"/>).
/// </summary>
public static class ScriptHoleChecker
{
    /// <summary>The outcome of checking one hole.</summary>
    /// <param name="Problems">What is wrong, each with its code; empty when the hole can be rendered.</param>
    /// <param name="Type">The expression's static type (a scalar or an array of scalars), or null when unknown.</param>
    /// <param name="IsInsertable">False when the expression gives an object or map, which cannot be inserted as text.</param>
    /// <param name="Variables">The scope names it reads, in first-use order.</param>
    /// <param name="ReadsSensitive">Whether it reads a sensitive field.</param>
    public readonly record struct Result(
        ImmutableArray<(DiagnosticCode Code, string Message)> Problems,
        FlowType? Type,
        bool IsInsertable,
        ImmutableArray<ScopeVariable> Variables,
        bool ReadsSensitive);

    /// <summary>Parses and checks <paramref name="code"/> (the hole without its braces) in <paramref name="scope"/>.</summary>
    public static Result Check(string code, Scope scope)
    {
        var source = "{{ " + code + " }}";
        var template = Template.Parse(source);
        if (template.HasErrors)
        {
            return Failed([.. template.Messages.Select(m => (DiagnosticCodes.TemplateSyntax, "it does not parse: " + m.Message))]);
        }

        var statements = template.Page?.Body?.Statements.Where(s => s is not ScriptEscapeStatement).ToList() ?? [];
        if (statements is not [ScriptExpressionStatement { Expression: { } expression }])
        {
            return Failed([(DiagnosticCodes.TemplateNotAllowed, NotOneExpression(statements))]);
        }

        var checker = new ScriptTypeChecker(source, scope);
        var type = checker.Check(expression);
        var problems = checker.Problems;
        return new Result(
            [.. problems.Select(p => (p.Code, p.Message))],
            type.FlowType is ScalarType or ArrayType { Element: ScalarType } ? type.FlowType : null,
            !IsObject(type) && !(type is ListScriptType list && IsObject(list.Element)),
            checker.Variables,
            checker.ReadsSensitive);
    }

    private static Result Failed(ImmutableArray<(DiagnosticCode, string)> problems) => new(problems, null, true, [], false);

    private static bool IsObject(ScriptType type) =>
        type is ValueScriptType { Type: ObjectType or MapType } or ListScriptType { Element: ValueScriptType { Type: ObjectType or MapType } or ListScriptType };

    private static string NotOneExpression(List<ScriptStatement> statements)
    {
        const string Rule = "a hole holds one expression, so it can only compute a value from its node's fields";
        return statements switch
        {
            [] => $"it is empty; {Rule}: write a field or an expression between the braces.",
            [ScriptIfStatement or ScriptCaseStatement] => $"it is a statement ({Name(statements[0])}); {Rule}. Choose between values with {{{{ condition ? \"yes\" : \"no\" }}}}.",
            [ScriptForStatement or ScriptWhileStatement or ScriptTableRowStatement] => $"it is a loop ({Name(statements[0])}); {Rule}. List values with {{{{ charges | array.map \"description\" | array.join \", \" }}}}.",
            [_] => $"it is a statement ({Name(statements[0])}); {Rule}.",
            _ => $"it holds {statements.Count} statements ({string.Join(", ", statements.Select(Name))}); {Rule}.",
        };
    }

    private static string Name(ScriptNode node) => ScriptSyntaxAttribute.Get(node)?.TypeName ?? node.GetType().Name;
}
