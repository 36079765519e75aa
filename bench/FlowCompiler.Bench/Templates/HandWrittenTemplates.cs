using System.Globalization;
using System.Net;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Templates;

/// <summary>The three templates as C# interpolation, written by hand with the escapes each place needs.</summary>
public static class HandWrittenTemplates
{
    /// <summary>The renderer of <paramref name="kind"/>.</summary>
    public static Func<ServerEvent, string> For(TemplateKind kind) => kind switch
    {
        TemplateKind.FiveHoles => FiveHoles,
        TemplateKind.JsonBody => JsonBody,
        _ => HandWrittenMailFlow.Content,
    };

    private static string FiveHoles(ServerEvent e) => string.Create(
        CultureInfo.InvariantCulture,
        $"Server {e.Hostname} (#{e.Id}) has {e.Cpu} vCPU, address {e.Ip}, created {e.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}.");

    private static string JsonBody(ServerEvent e) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"host\": \"{HandWrittenEscapes.Json.Encode(e.Hostname)}\", \"os\": \"{HandWrittenEscapes.Json.Encode(e.Os)}\", \"node\": {HandWrittenEscapes.JsonValue(e.Node)}, \"cores\": {e.Cpu}, \"ram\": {e.Ram}, \"ip\": {HandWrittenEscapes.JsonValue(e.Ip)}, \"created\": \"{e.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}\"}}");
}
