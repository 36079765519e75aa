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
internal static class OptionsSectionBinder
{
    /// <summary>Checks and binds <paramref name="section"/>; keys in <paramref name="subsections"/> are left to their own binders.</summary>
    public static void Bind(IConfigurationSection section, object options, params string[] subsections)
    {
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
                throw new InvalidOperationException(
                    $"{entry.Path} is not a setting. The keys of {section.Path} are: {string.Join(", ", settings.Keys.Concat(subsections).Order(StringComparer.Ordinal))}.");
            }

            if (entry.Value is { Length: > 0 } value && !Converts(property.PropertyType, value))
            {
                throw new InvalidOperationException($"{entry.Path} is not {Expected(property.PropertyType)}.");
            }
        }

        section.Bind(options);
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
