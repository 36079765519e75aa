using System.Collections.Frozen;
using System.Reflection;
using Scriban.Functions;
using Scriban.Runtime;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// What a flow's Scriban expression may use besides its own scope values: an allow-list of pure builtin
/// functions (the same event always renders the same text, and nothing outside the flow is read or changed)
/// and a few datetime members. The compiler checks expressions against this list; the runtime renders with
/// a builtin object that holds exactly it, so a function that is not listed does not exist even if a check slipped.
/// </summary>
public static class FlowScriptBuiltins
{
    /// <summary>The functions an expression may call, as <c>namespace.name</c>.</summary>
    public static FrozenSet<string> Functions { get; } = new[]
    {
        "array.add", "array.add_range", "array.compact", "array.concat", "array.contains", "array.first",
        "array.insert_at", "array.join", "array.last", "array.limit", "array.map", "array.offset",
        "array.remove_at", "array.reverse", "array.size", "array.sort", "array.uniq",
        "date.add_days", "date.add_hours", "date.add_milliseconds", "date.add_minutes", "date.add_months",
        "date.add_seconds", "date.add_years", "date.parse", "date.to_string",
        "html.escape", "html.newline_to_br", "html.strip", "html.url_encode", "html.url_escape",
        "math.abs", "math.ceil", "math.divided_by", "math.floor", "math.format", "math.is_number", "math.minus",
        "math.modulo", "math.plus", "math.round", "math.times",
        "regex.escape", "regex.match", "regex.matches", "regex.replace", "regex.split", "regex.unescape",
        "string.append", "string.base64_decode", "string.base64_encode", "string.capitalize", "string.capitalizewords",
        "string.contains", "string.downcase", "string.empty", "string.ends_with", "string.equals_ignore_case",
        "string.escape", "string.handleize", "string.hmac_sha1", "string.hmac_sha256", "string.hmac_sha512",
        "string.index_of", "string.literal", "string.lstrip", "string.md5", "string.pad_left", "string.pad_right",
        "string.pluralize", "string.prepend", "string.remove", "string.remove_first", "string.remove_last",
        "string.replace", "string.replace_first", "string.rstrip", "string.sha1", "string.sha256", "string.sha512",
        "string.size", "string.slice", "string.slice1", "string.split", "string.starts_with", "string.strip",
        "string.strip_newlines", "string.to_double", "string.to_float", "string.to_int", "string.to_long",
        "string.truncate", "string.truncatewords", "string.upcase", "string.whitespace",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The datetime members an expression may read (<c>createdAt.year</c>), by their .NET names; all are <c>int</c>.</summary>
    public static FrozenSet<string> DateTimeMembers { get; } = new[]
    {
        nameof(DateTime.Year), nameof(DateTime.Month), nameof(DateTime.Day), nameof(DateTime.Hour),
        nameof(DateTime.Minute), nameof(DateTime.Second), nameof(DateTime.Millisecond), nameof(DateTime.DayOfYear),
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How a datetime result renders: ISO 8601 UTC, as datetimes render everywhere else in a template (spec §4).</summary>
    public const string DateTimeFormat = "%Y-%m-%dT%H:%M:%SZ";

    private static readonly Lazy<ScriptObject> Shared = new(Create);

    /// <summary>The read-only builtin object every expression renders with: one namespace object per allowed namespace.</summary>
    internal static ScriptObject Object => Shared.Value;

    /// <summary>An allowed function's Scriban implementation, which describes its parameters; null when not allowed.</summary>
    public static IScriptCustomFunction? Find(string ns, string name) =>
        Object.TryGetValue(ns, out var value) && value is ScriptObject functions && functions.TryGetValue(name, out var function)
            ? function as IScriptCustomFunction
            : null;

    /// <summary>Reflection reaches only the listed datetime members; the scope values are script objects already.</summary>
    internal static bool IsVisibleMember(MemberInfo member) =>
        member.DeclaringType == typeof(DateTime) && DateTimeMembers.Contains(member.Name);

    private static ScriptObject Create()
    {
        var all = new BuiltinFunctions();
        var builtins = new ScriptObject();
        foreach (var group in Functions.GroupBy(f => f[..f.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            var source = all[group.Key] as ScriptObject ?? throw new InvalidOperationException($"Scriban has no builtin {group.Key}.");

            // Datetimes render through the date object's own type and format, so it stays a DateTimeFunctions
            // with everything not listed removed (now, utc_now read the clock).
            var target = source is DateTimeFunctions date ? (ScriptObject)date.Clone(true) : new ScriptObject();
            if (target is DateTimeFunctions dateTarget)
            {
                dateTarget.Format = DateTimeFormat;
                foreach (var key in target.Keys.Where(k => k != "format" && !Functions.Contains(group.Key + "." + k)).ToList())
                {
                    target.Remove(key);
                }
            }

            foreach (var function in group)
            {
                var name = function[(group.Key.Length + 1)..];
                target.SetValue(name, source[name] ?? throw new InvalidOperationException($"Scriban has no builtin {function}."), true);
            }

            target.IsReadOnly = true;
            builtins.SetValue(group.Key, target, true);
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
