using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// Binds a configuration section onto an options object, first checking every key: a key that names no setting,
/// or a value that does not convert, fails with its full key and what to write instead. Values are never quoted
/// in messages, since a misplaced one may be a secret.
/// </summary>
public static class OptionsSectionBinder
{
    /// <summary>Checks and binds <paramref name="section"/>, every key of which is a setting of <paramref name="options"/>.</summary>
    /// <param name="section">The section, e.g. <c>FlowCompiler:Mail</c>.</param>
    /// <param name="options">The options object its keys are bound onto.</param>
    /// <exception cref="InvalidOperationException">A key names no setting, or a value does not convert; the message names the key.</exception>
    public static void Bind(IConfigurationSection section, object options) => Bind(section, options, []);

    /// <summary>
    /// Checks and binds <paramref name="section"/>, leaving the sections named in <paramref name="subsections"/>
    /// (the root's <c>Mail</c>, <c>Host</c>…) to their own binders. A key that holds keys but is neither a setting
    /// nor one of those sections is misspelt, and fails like an unknown setting.
    /// </summary>
    /// <param name="section">The section, e.g. <c>FlowCompiler</c>.</param>
    /// <param name="options">The options object its own keys are bound onto.</param>
    /// <param name="subsections">The names of the sections below it that other binders read.</param>
    /// <exception cref="InvalidOperationException">A key names no setting or section, or a value does not convert; the message names the key.</exception>
    public static void Bind(IConfigurationSection section, object options, IReadOnlyCollection<string> subsections)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subsections);
        var settings = options.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetChildren())
        {
            if (subsections.Contains(entry.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!settings.TryGetValue(entry.Key, out var property))
            {
                throw new InvalidOperationException($"{entry.Path} is not a setting{(subsections.Count > 0 ? " or section" : "")}. {Known(section, settings.Keys, subsections)}");
            }

            if (entry.Value is { Length: > 0 } value && !Converts(property.PropertyType, value))
            {
                throw new InvalidOperationException($"{entry.Path} is not {Expected(property.PropertyType)}.");
            }
        }

        section.Bind(options);
    }

    private static string Known(IConfigurationSection section, IEnumerable<string> settings, IReadOnlyCollection<string> subsections)
    {
        var keys = $"The keys of {section.Path} are: {string.Join(", ", settings.Order(StringComparer.Ordinal))}";
        return subsections.Count == 0 ? keys + "." : $"{keys}; its sections: {string.Join(", ", subsections.Order(StringComparer.Ordinal))}.";
    }

    private static bool Converts(Type type, string value)
    {
        try
        {
            _ = TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying.IsEnum => "one of " + string.Join(", ", Enum.GetNames(underlying)),
            _ when underlying == typeof(TimeSpan) => "a time span such as 00:00:10 (hh:mm:ss)",
            _ when underlying == typeof(int) => $"a whole number (up to {int.MaxValue.ToString(CultureInfo.InvariantCulture)})",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(Uri) => "a URL such as https://pve.example.org:8006",
            _ => "a value of type " + underlying.Name,
        };
    }
}
