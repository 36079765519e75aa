using System.Text.RegularExpressions;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// The filter operations generated code calls where C# has no single operator for them (spec §5): text
/// operations treat null as text that contains, starts and ends with nothing; <c>empty</c> is null, an empty
/// string or an empty list.
/// </summary>
public static class FlowFilters
{
    /// <summary><c>contains</c>.</summary>
    public static bool Contains(string? value, string? part, StringComparison comparison) =>
        value is not null && part is not null && value.Contains(part, comparison);

    /// <summary><c>notContains</c>: also true for null.</summary>
    public static bool NotContains(string? value, string? part, StringComparison comparison) =>
        !Contains(value, part, comparison);

    /// <summary><c>startsWith</c>.</summary>
    public static bool StartsWith(string? value, string? part, StringComparison comparison) =>
        value is not null && part is not null && value.StartsWith(part, comparison);

    /// <summary><c>endsWith</c>.</summary>
    public static bool EndsWith(string? value, string? part, StringComparison comparison) =>
        value is not null && part is not null && value.EndsWith(part, comparison);

    /// <summary><c>matches</c>, with the pattern's own match timeout; null never matches.</summary>
    public static bool Matches(string? value, Regex pattern) => value is not null && pattern.IsMatch(value);

    /// <summary><c>empty</c> on text.</summary>
    public static bool IsEmpty(string? value) => string.IsNullOrEmpty(value);

    /// <summary><c>empty</c> on a number, boolean or datetime: only null is empty.</summary>
    public static bool IsNull<T>(T? value) where T : struct => !value.HasValue;

    /// <summary><c>empty</c> on a list.</summary>
    public static bool IsEmpty<T>(IReadOnlyCollection<T>? value) => value is null || value.Count == 0;

    /// <summary><c>empty</c> on a string map.</summary>
    public static bool IsEmpty(IReadOnlyDictionary<string, string>? value) => value is null || value.Count == 0;
}
