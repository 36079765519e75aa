using FlowCompiler.Generator.Events;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Cli;

/// <summary>
/// Reads an event file (spec §7): <c>{ "event": "server.created", "data": { ...the event's fields... } }</c>, strictly
/// (<see cref="EventFileReader"/>). Any problem with the file is bad input, exit 2, with a message that names it.
/// </summary>
internal static class EventFileInput
{
    /// <summary>The event and its payload, or null with what is wrong.</summary>
    public static (FlowEvent Event, object Payload)? TryRead(string path, out string? error)
    {
        var bytes = FlowFileInput.TryRead(path, out error);
        return bytes is null ? null : TryParse(bytes, path, out error);
    }

    /// <summary>
    /// Reads every file before anything is raised or queued, so bad input does nothing; null with what is wrong in
    /// the first file that is.
    /// </summary>
    public static List<(FlowEvent Event, object Payload)>? TryReadAll(IEnumerable<string> paths, out string? error)
    {
        var events = new List<(FlowEvent Event, object Payload)>();
        foreach (var path in paths)
        {
            if (TryRead(path, out error) is not { } read)
            {
                return null;
            }

            events.Add(read);
        }

        error = null;
        return events;
    }

    /// <summary>Reads an event given as UTF-8 JSON; <paramref name="path"/> names it in errors.</summary>
    public static (FlowEvent Event, object Payload)? TryParse(byte[] bytes, string path, out string? error) =>
        EventFileReader.Read(path, bytes, out error);
}
