using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Runtime;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// A Scriban expression hole (spec §4), parsed once when the flow's class loads and rendered with a model
/// holding exactly the scope values it reads, under the names flows use. The compiler checked the expression;
/// rendering is sandboxed all the same: only <see cref="FlowScriptBuiltins"/> exist, no template loader is set
/// (so <c>include</c> cannot load anything), loops, recursion, output size and regex time are bounded, and
/// reflection reaches only a few datetime members.
/// </summary>
public sealed class FlowScript
{
    /// <summary>How long one regex builtin (<c>regex.replace</c>…) may run before the node fails.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The most loop iterations (array work included) one expression may make.</summary>
    public const int LoopLimit = 1000;

    /// <summary>The deepest call nesting one expression may reach.</summary>
    public const int RecursiveLimit = 16;

    /// <summary>The longest text one expression may produce, in characters.</summary>
    public const int OutputLimit = 1 << 20;

    private readonly Template _template;
    private readonly string _expression;

    private FlowScript(Template template, string expression)
    {
        _template = template;
        _expression = expression;
    }

    /// <summary>Parses an expression (without its braces); the compiler checked it already, so an error here is a bug.</summary>
    public static FlowScript Parse(string expression)
    {
        var template = Template.Parse("{{ " + expression + " }}");
        return template.HasErrors
            ? throw new InvalidOperationException($"The expression \"{expression}\" does not parse: {string.Join("; ", template.Messages)}")
            : new FlowScript(template, expression);
    }

    /// <summary>Renders the expression as text with <paramref name="model"/> as its globals, in the invariant culture.</summary>
    public string Render(ScriptObject model) => _template.Render(CreateContext(model)) ?? "";

    /// <summary>
    /// Appends the expression's value as the JSON value <paramref name="type"/> says (null as <c>null</c>).
    /// A value that does not fit (a number JSON cannot hold, such as the infinity of a division by zero) fails the node.
    /// </summary>
    public void AppendJsonValue(ref DefaultInterpolatedStringHandler text, ScriptObject model, ScriptJsonType type)
    {
        var context = CreateContext(model);
        var value = _template.Evaluate(context);
        if (type is ScriptJsonType.String or ScriptJsonType.Number or ScriptJsonType.Boolean)
        {
            AppendScalar(ref text, context, value, type);
            return;
        }

        if (value is null)
        {
            text.AppendLiteral("null");
            return;
        }

        if (value is string or not IEnumerable)
        {
            throw new FlowValueException($"{{{{ {_expression} }}}} gave {Describe(value)} where a list was expected.");
        }

        var element = type switch
        {
            ScriptJsonType.NumberArray => ScriptJsonType.Number,
            ScriptJsonType.BooleanArray => ScriptJsonType.Boolean,
            _ => ScriptJsonType.String,
        };
        text.AppendLiteral("[");
        var first = true;
        foreach (var item in (IEnumerable)value)
        {
            if (!first)
            {
                text.AppendLiteral(", ");
            }

            first = false;
            AppendScalar(ref text, context, item, element);
        }

        text.AppendLiteral("]");
    }

    /// <summary>
    /// Replaces the array at <paramref name="path"/> (dotted, below <paramref name="value"/>) with the element a
    /// filter above narrowed it to, as paths below that filter see it (spec §5).
    /// </summary>
    public static ScriptObject? Narrow(ScriptObject? value, string path, object? element)
    {
        var target = value;
        var names = path.Split('.');
        for (var i = 0; i < names.Length - 1 && target is not null; i++)
        {
            target = target[names[i]] as ScriptObject;
        }

        if (target is not null)
        {
            target[names[^1]] = element;
        }

        return value;
    }

    /// <summary>The sandboxed context one render runs in.</summary>
    internal static TemplateContext CreateContext(ScriptObject model)
    {
        var context = new TemplateContext(FlowScriptBuiltins.Object)
        {
            StrictVariables = true,

            // A step from null or a missing map key gives null, as for plain paths; member names themselves
            // were checked against the types when the flow was compiled.
            EnableRelaxedMemberAccess = true,
            EnableRelaxedTargetAccess = true,
            EnableRelaxedFunctionAccess = false,
            TemplateLoader = null,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = OutputLimit,
            RegexTimeOut = RegexTimeout,
            MemberFilter = FlowScriptBuiltins.IsVisibleMember,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        return context;
    }

    private void AppendScalar(ref DefaultInterpolatedStringHandler text, TemplateContext context, object? value, ScriptJsonType type)
    {
        switch (type, value)
        {
            case (_, null):
                text.AppendLiteral("null");
                break;
            case (ScriptJsonType.Boolean, bool flag):
                text.AppendLiteral(flag ? "true" : "false");
                break;
            case (ScriptJsonType.Number, int or long or short or byte or sbyte or ushort or uint or ulong or BigInteger or decimal):
                text.AppendLiteral(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case (ScriptJsonType.Number, double number) when double.IsFinite(number):
                text.AppendLiteral(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case (ScriptJsonType.Number, float number) when float.IsFinite(number):
                text.AppendLiteral(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case (ScriptJsonType.Number, double or float):
                throw new FlowValueException($"{{{{ {_expression} }}}} gave {Describe(value)}, which is not a number JSON can hold.");
            case (ScriptJsonType.String, _):
                TemplateText.AppendJsonValue(ref text, context.ObjectToString(value) ?? "");
                break;
            default:
                throw new FlowValueException($"{{{{ {_expression} }}}} gave {Describe(value)} where {(type == ScriptJsonType.Number ? "a number" : "true or false")} was expected.");
        }
    }

    private static string Describe(object value) => $"{Convert.ToString(value, CultureInfo.InvariantCulture)} ({value.GetType().Name})";
}
