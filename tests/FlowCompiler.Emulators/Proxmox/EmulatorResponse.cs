using System.Text.Json.Nodes;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>What the emulator answers: the <c>data</c> of a success, or Proxmox's error shape.</summary>
internal sealed record EmulatorResponse(int Status, string Reason, JsonNode? Data, string? Message, IReadOnlyDictionary<string, string>? Errors)
{
    public static EmulatorResponse Ok(JsonNode? data) => new(200, "OK", data, null, null);

    /// <summary>A failed call: Proxmox puts the die message into the status line and the body's <c>message</c>.</summary>
    public static EmulatorResponse Error(int status, string message, IReadOnlyDictionary<string, string>? errors = null) =>
        new(status, message, null, message, errors);

    /// <summary>The 400 answer of a failed parameter verification.</summary>
    public static EmulatorResponse InvalidParameters(IReadOnlyDictionary<string, string> errors) =>
        Error(400, "Parameter verification failed.", errors);
}
