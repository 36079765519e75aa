using System.CommandLine;
using System.Text.Json;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary><c>flowc list [--format json]</c>: every stored flow version, the published one marked.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var format = CommandLine.FormatOption();
        var command = new Command("list", "List the flows in the panel database with their versions.") { format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(format)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string format, CancellationToken ct) =>
        EngineCommand.RunAsync(format, loadFlows: false, async session =>
        {
            var versions = await session.Versions.ListAsync(ct);
            if (format == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, DiagnosticOutput.JsonOptions);
                json.WriteStartArray();
                foreach (var v in versions)
                {
                    json.WriteStartObject();
                    json.WriteString("flow", v.FlowId);
                    json.WriteNumber("version", v.Version);
                    json.WriteString("name", v.Name);
                    json.WriteString("event", v.EventName);
                    json.WriteBoolean("published", v.Published);
                    json.WriteString("contentHash", v.ContentHash);
                    json.WriteString("updatedAt", v.UpdatedAt);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.Flush();
                stdout.Write("\n"u8);
                return CommandLine.Success;
            }

            if (versions.Count == 0)
            {
                Console.Out.WriteLine("No flows yet: 'flowc publish FLOW.json' stores one.");
                return CommandLine.Success;
            }

            Console.Out.WriteLine($"{"FLOW",-34} {"VERSION",7}  {"STATE",-11} {"EVENT",-24} UPDATED (UTC)");
            foreach (var v in versions)
            {
                Console.Out.WriteLine($"{v.FlowId,-34} {v.Version,7}  {(v.Published ? "published" : "stored"),-11} {v.EventName,-24} {v.UpdatedAt:yyyy-MM-dd HH:mm:ss}");
            }

            return CommandLine.Success;
        }, ct);
}
