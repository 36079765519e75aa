using System.Collections.Immutable;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Values;

namespace FlowCompiler.Generator.Binding;

/// <summary>What kind of value a <c>modifyServer</c> action takes, which is also how its effect shows it (spec §7).</summary>
public enum ServerValueKind
{
    /// <summary>Text, passed on as rendered.</summary>
    Text,

    /// <summary>A whole number (an <see cref="int"/>).</summary>
    WholeNumber,

    /// <summary>A decimal number (a <see cref="decimal"/>), 0 or more.</summary>
    Decimal,
}

/// <summary>One value a <c>modifyServer</c> action takes.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Description">What it is, for messages.</param>
/// <param name="Kind">Text or a number; a number is checked now when literal, and parsed at run time when a template.</param>
/// <param name="Min">Smallest allowed integer.</param>
/// <param name="Max">Largest allowed integer.</param>
/// <param name="Validate">Checks a literal value that is not a whole number; returns what is wrong, or null.</param>
public sealed record ServerActionValue(string Name, string Description, ServerValueKind Kind, int Min, int Max, Func<string, string?> Validate)
{
    /// <summary>Whether it is a whole number.</summary>
    public bool IsInteger => Kind == ServerValueKind.WholeNumber;
}

/// <summary>A <c>modifyServer</c> action.</summary>
/// <param name="Name">Action name.</param>
/// <param name="Component">The component it belongs to.</param>
/// <param name="Values">The values it takes, in canonical order.</param>
public sealed record ServerAction(string Name, string Component, ImmutableArray<ServerActionValue> Values);

/// <summary>The components and actions of <c>modifyServer</c> (spec §5).</summary>
public static class ServerActions
{
    private static readonly Func<string, string?> AnyText = _ => null;

    /// <summary>Component names.</summary>
    public static ImmutableArray<string> Components { get; } = ["general", "network", "ha"];

    /// <summary>Every action.</summary>
    public static ImmutableArray<ServerAction> All { get; } =
    [
        new("setNote", "general", [new("note", "the note text", ServerValueKind.Text, 0, 0, AnyText)]),
        new("setHostname", "general", [new("hostname", "the new hostname, a DNS name", ServerValueKind.Text, 0, 0, Hostname)]),
        new("changeVlanTag", "network", [new("tag", "VLAN tag, 1-4094", ServerValueKind.WholeNumber, 1, 4094, AnyText)]),
        new("changeRateLimit", "network", [new("rate", "rate limit in MB/s", ServerValueKind.Decimal, 0, 0, Rate)]),
        new("assignIpv4", "network", [new("ipv4Id", "IPAM id of an IPv4 address", ServerValueKind.WholeNumber, 1, int.MaxValue, AnyText)]),
        new("assignIpv6", "network", [new("ipv6Id", "IPAM id of an IPv6 subnet", ServerValueKind.WholeNumber, 1, int.MaxValue, AnyText)]),
        new("setHaStatus", "ha",
        [
            new("group", "the HA group", ServerValueKind.Text, 0, 0, Group),
            new("maxRelocates", "maximal relocations, 0 or more", ServerValueKind.WholeNumber, 0, int.MaxValue, AnyText),
            new("maxRestarts", "maximal restarts, 0 or more", ServerValueKind.WholeNumber, 0, int.MaxValue, AnyText),
        ]),
    ];

    /// <summary>Every value name of every action.</summary>
    public static ImmutableArray<string> AllValueNames { get; } = [.. All.SelectMany(a => a.Values).Select(v => v.Name).Distinct()];

    private static string? Hostname(string value) =>
        DnsName.IsValid(value) ? null : $"\"{value}\" is not a valid hostname: use letters, digits and '-' in dot-separated labels of at most 63 characters.";

    private static string? Rate(string value) =>
        FlowValues.TryParseDecimal(value, 0m, out _)
            ? null
            : $"rate \"{value}\" is not a number of MB/s (0 or more, e.g. 12.5).";

    private static string? Group(string value) =>
        value.Length > 0 && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : $"HA group \"{value}\" is not a valid group id: start with a letter, then letters, digits, '-', '_' or '.'.";
}
