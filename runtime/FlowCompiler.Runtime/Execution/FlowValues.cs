using System.Globalization;

namespace FlowCompiler.Runtime.Execution;

/// <summary>Conversions generated code makes at run time, each failing with a message that names the parameter.</summary>
public static class FlowValues
{
    /// <summary>Parses a rendered template as a whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
    /// <param name="rendered">The rendered text.</param>
    /// <param name="parameter">The parameter name, for the message (<c>serverId</c>).</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    public static int ParseInt(string rendered, string parameter, int min, int max)
    {
        if (int.TryParse(rendered.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = max == int.MaxValue ? $"{min} or more" : $"{min} to {max}";
        throw new FlowValueException($"{parameter} rendered as \"{rendered}\", which is not a whole number from {range}.");
    }

    /// <summary>Parses a rendered template as a decimal number of <paramref name="min"/> or more (<c>12.5</c>: digits and a point, no sign or exponent).</summary>
    /// <param name="rendered">The rendered text.</param>
    /// <param name="parameter">The parameter name, for the message (<c>rate</c>).</param>
    /// <param name="min">Smallest allowed value.</param>
    public static decimal ParseDecimal(string rendered, string parameter, decimal min) =>
        TryParseDecimal(rendered.AsSpan().Trim(), min, out var value)
            ? value
            : throw new FlowValueException($"{parameter} rendered as \"{rendered}\", which is not a number of at least {min.ToString(CultureInfo.InvariantCulture)} (such as 12.5).");

    /// <summary>The rule of <see cref="ParseDecimal"/>, for the compiler to check literal values with.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, decimal min, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value >= min;

    /// <summary>A key of a string map (a package's <c>meta</c>), or null when the map or key is missing.</summary>
    public static string? MapValue(IReadOnlyDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;
}
