namespace FlowCompiler.Emulators.Proxmox;

/// <summary>A failure the emulator answers the next matching request with, instead of handling it.</summary>
internal sealed record EmulatorFault(
    Func<RecordedRequest, bool> Matches,
    int Status,
    string Message,
    IReadOnlyDictionary<string, string>? Errors,
    bool Hangs)
{
    /// <summary>Answers with an HTTP error: the message goes into the reason phrase and, unless legacy, the body.</summary>
    public static EmulatorFault Error(int status, string message, Func<RecordedRequest, bool>? matches = null, IReadOnlyDictionary<string, string>? errors = null) =>
        new(matches ?? (_ => true), status, message, errors, Hangs: false);

    /// <summary>Never answers; the request ends only when the client gives up or the emulator stops.</summary>
    public static EmulatorFault Hang(Func<RecordedRequest, bool>? matches = null) =>
        new(matches ?? (_ => true), 0, "", null, Hangs: true);
}
