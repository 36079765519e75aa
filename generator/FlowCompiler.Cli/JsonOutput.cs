using System.Text.Json;

namespace FlowCompiler.Cli;

/// <summary>Writes one JSON document to stdout, ended by a newline, with the CLI's JSON settings.</summary>
internal static class JsonOutput
{
    public static void Write(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, DiagnosticOutput.JsonOptions))
        {
            write(json);
        }

        stdout.Write("\n"u8);
    }
}
