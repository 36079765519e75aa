using System.Text.Encodings.Web;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Cli;

/// <summary>Prints diagnostics as text for people or as the JSON array of spec §7 for tools.</summary>
internal static class DiagnosticOutput
{
    public static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJson(Stream stdout, IEnumerable<FlowDiagnostic> diagnostics)
    {
        using (var writer = new Utf8JsonWriter(stdout, JsonOptions))
        {
            WriteArray(writer, diagnostics);
        }

        stdout.Write("\n"u8);
    }

    /// <summary>For commands whose JSON output is something else: <c>{ "error", "diagnostics": [...] }</c>.</summary>
    public static void WriteInvalidJson(Stream stdout, string message, IEnumerable<FlowDiagnostic> diagnostics)
    {
        using (var writer = new Utf8JsonWriter(stdout, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WritePropertyName("diagnostics");
            WriteArray(writer, diagnostics);
            writer.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<FlowDiagnostic> diagnostics)
    {
        writer.WriteStartArray();
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", d.Severity == FlowSeverity.Error ? "error" : "warning");
            writer.WriteString("code", d.Code);
            writer.WriteString("nodeId", d.NodeId);
            writer.WriteString("path", d.Path);
            writer.WriteString("message", d.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteText(TextWriter output, string file, IReadOnlyCollection<FlowDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            output.WriteLine($"{file}: {d}");
        }

        var errors = diagnostics.Count(d => d.Severity == FlowSeverity.Error);
        var warnings = diagnostics.Count - errors;
        output.WriteLine(errors == 0
            ? $"{file}: valid ({warnings} warning{(warnings == 1 ? "" : "s")})"
            : $"{file}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }

    /// <summary>A usage error or bad input: each line on stderr after <c>flowc:</c>, and with JSON output <c>{ "error" }</c> on stdout.</summary>
    public static void WriteUsageError(string format, string message)
    {
        foreach (var line in message.Split('\n'))
        {
            Console.Error.WriteLine($"flowc: {line}");
        }

        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout, JsonOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("error", message);
                writer.WriteEndObject();
            }

            stdout.Write("\n"u8);
        }
    }
}
