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
    /// <summary>
    /// Checks and binds <paramref name="section"/>. With <paramref name="ownsSubsections"/> false, keys that hold
    /// sections of their own (the root's <c>Mail</c>, or a host's <c>Host</c>) are left to their own binders.
    /// </summary>
    /// <param name="section">The section, e.g. <c>FlowCompiler:Mail</c>.</param>
    /// <param name="options">The options object its keys are bound onto.</param>
    /// <param name="ownsSubsections">Whether keys holding sections are this object's (false for a root section).</param>
    /// <exception cref="InvalidOperationException">A key names no setting, or a value does not convert; the message names the key.</exception>
    public static void Bind(IConfigurationSection section, object options, bool ownsSubsections = true)
    {
        var settings = options.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetChildren())
        {
            if (!ownsSubsections && entry.Value is null && entry.GetChildren().Any())
            {
                continue;
            }

            if (!settings.TryGetValue(entry.Key, out var property))
            {
                throw new InvalidOperationException(
                    $"{entry.Path} is not a setting. The keys of {section.Path} are: {string.Join(", ", settings.Keys.Order(StringComparer.Ordinal))}.");
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
