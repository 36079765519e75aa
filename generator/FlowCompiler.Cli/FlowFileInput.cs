using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Cli;

/// <summary>Reads an input file (a flow or an event) for a command; an unreadable file is a usage error (exit 2) with a clear message.</summary>
internal static class FlowFileInput
{
    public static byte[]? TryRead(string path, out string? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = Directory.Exists(path) ? $"'{path}' is a directory, not a file." : $"file '{path}' does not exist.";
                return null;
            }

            // Files far above the reader's own limit are refused before they are loaded into memory.
            if (info.Length > Generator.Model.FlowLimits.MaxDocumentBytes * 4L)
            {
                error = $"'{path}' is {info.Length / (1024 * 1024)} MiB, far too large for a flow or event file.";
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read '{path}': {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Reads and validates a flow for the commands that need a valid one (emit, compile). On failure it prints
    /// why — a usage error, or the diagnostics on stderr — and gives the exit code.
    /// </summary>
    public static FlowValidation? TryLoadValid(string path, out int exitCode)
    {
        var bytes = TryRead(path, out var error);
        if (bytes is null)
        {
            DiagnosticOutput.WriteUsageError("text", error!);
            exitCode = CommandLine.Usage;
            return null;
        }

        var result = FlowValidator.Validate(bytes);
        if (result.Flow is null)
        {
            DiagnosticOutput.WriteText(Console.Error, path, result.Diagnostics);
            exitCode = CommandLine.Failed;
            return null;
        }

        exitCode = CommandLine.Success;
        return result;
    }
}
