using System.Globalization;
using System.Text.RegularExpressions;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// The value checks of Proxmox's JSON schema (check_prop), with its error texts: types, ranges,
/// lengths, enums, patterns and formats.
/// </summary>
internal static partial class PveValueRules
{
    public static ValueRule Text(int? maxLength = null) => value =>
        maxLength is { } max && value.Length > max ? $"value may only be {max} characters long" : null;

    public static ValueRule Integer(double? minimum = null, double? maximum = null) => value =>
        IntegerPattern().IsMatch(value)
            ? Range(double.Parse(value, CultureInfo.InvariantCulture), minimum, maximum)
            : $"type check ('integer') failed - got '{value}'";

    public static ValueRule Number(double? minimum = null, double? maximum = null) => value =>
        NumberPattern().IsMatch(value)
            ? Range(double.Parse(value, CultureInfo.InvariantCulture), minimum, maximum)
            : $"type check ('number') failed - got '{value}'";

    // The API's type check takes exactly 0 and 1; property strings also take yes/no, on/off, true/false.
    public static ValueRule Boolean() => value =>
        value is "0" or "1" ? null : $"type check ('boolean') failed - got '{value}'";

    public static ValueRule PropertyStringBoolean() => value =>
        BooleanWordPattern().IsMatch(value) ? null : $"type check ('boolean') failed - got '{value}'";

    public static ValueRule Enum(params string[] values) => value =>
        values.Contains(value, StringComparer.Ordinal)
            ? null
            : $"value '{value}' does not have a value in the enumeration '{string.Join(", ", values)}'";

    public static ValueRule Format(Func<string, string?> format) => value =>
        format(value) is { } error ? $"invalid format - {error}" : null;

    public static ValueRule Pattern(string pattern)
    {
        var regex = new Regex($"^(?:{pattern})\\z", RegexOptions.CultureInvariant);
        return value => regex.IsMatch(value) ? null : "value does not match the regex pattern";
    }

    /// <summary>All rules in order; the first error wins, as in check_prop.</summary>
    public static ValueRule All(params ValueRule[] rules) => value =>
        rules.Select(rule => rule(value)).FirstOrDefault(error => error is not null);

    private static string? Range(double number, double? minimum, double? maximum) =>
        number > maximum ? $"value must have a maximum value of {maximum}"
        : number < minimum ? $"value must have a minimum value of {minimum}"
        : null;

    [GeneratedRegex(@"^[+-]?\d+\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?(?:\d+\.\d+|\d+\.|\.\d+|\d+)(?:[eE][+-]?\d+)?\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^(?:1|on|yes|true|0|off|no|false)\\z", RegexOptions.IgnoreCase)]
    private static partial Regex BooleanWordPattern();
}
