using System.CommandLine;
using System.Text.Json;
using FlowCompiler.Cli.Engine;
using FlowCompiler.Runtime.Persistence.Records;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc runs [--flow ID] [--failed] [--limit N] [--format json]</c>: the recorded runs, newest first; with
/// <c>--dead</c>, the dead runs of the durable queue instead (what <c>flowc replay</c> and <c>flowc rerun</c> act on).
/// </summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var flow = new Option<string?>("--flow") { Description = "Only the runs of this flow." };
        var failed = new Option<bool>("--failed") { Description = "Only failed runs." };
        var dead = new Option<bool>("--dead") { Description = "The dead runs of the durable queue: out of attempts or failed for good, waiting for replay or rerun." };
        var limit = new Option<int>("--limit") { Description = "At most this many runs (default 20).", DefaultValueFactory = _ => 20 };
        CommandLine.AtLeast(limit, 1);
        var format = CommandLine.FormatOption();
        var command = new Command("runs", "Show the recorded runs, newest first.") { flow, failed, dead, limit, format };
        command.SetAction((parse, ct) => parse.GetValue(dead)
            ? DeadAsync(parse.GetValue(limit), parse.GetValue(format)!, ct)
            : RunAsync(parse.GetValue(flow), parse.GetValue(failed), parse.GetValue(limit), parse.GetValue(format)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string? flowId, bool failedOnly, int limit, string format, CancellationToken ct) =>
        EngineCommand.RunAsync(format, loadFlows: false, async session =>
        {
            var runs = await session.Runs.ReadAsync(flowId, failedOnly, limit, ct);
            if (format == "json")
            {
                WriteJson(runs);
                return CommandLine.Success;
            }

            if (runs.Count == 0)
            {
                Console.Out.WriteLine("No runs recorded.");
            }

            foreach (var run in runs)
            {
                Console.Out.WriteLine($"{run.StartedAt:yyyy-MM-dd HH:mm:ss} {run.FlowId} v{run.FlowVersion} on {run.EventName}: {RunResultOutput.Status(run.Status)} in {run.DurationMs:0.#} ms{(run.Error is null ? "" : " — " + run.Error)}");
                var width = run.Nodes.Count == 0 ? 0 : run.Nodes.Max(n => n.NodeId.Length);
                foreach (var node in run.Nodes)
                {
                    Console.Out.WriteLine(RunResultOutput.NodeLine(node.NodeId, width, node.Status, node.Port, node.Error));
                }
            }

            return CommandLine.Success;
        }, ct);

    private static Task<int> DeadAsync(int limit, string format, CancellationToken ct) =>
        EngineCommand.RunAsync(format, loadFlows: false, async session =>
        {
            var dead = await session.Flows.ReadDeadRunsAsync(limit, ct);
            if (format == "json")
            {
                JsonOutput.Write(json =>
                {
                    json.WriteStartArray();
                    foreach (var run in dead)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", run.Id);
                        json.WriteString("flow", run.FlowId);
                        json.WriteNumber("version", run.FlowVersion);
                        json.WriteString("event", run.EventName);
                        json.WriteNumber("attempts", run.Attempts);
                        json.WriteString("diedAt", DateTimeOffset.FromUnixTimeMilliseconds(run.AvailableAt));
                        json.WriteString("error", run.LastError);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
                return CommandLine.Success;
            }

            if (dead.Count == 0)
            {
                Console.Out.WriteLine("No dead runs.");
            }

            foreach (var run in dead)
            {
                Console.Out.WriteLine($"{run.Id} {run.FlowId} v{run.FlowVersion} on {run.EventName}, dead after {run.Attempts} attempts at {DateTimeOffset.FromUnixTimeMilliseconds(run.AvailableAt):yyyy-MM-dd HH:mm:ss}: {run.LastError}");
            }

            return CommandLine.Success;
        }, ct);

    private static void WriteJson(IReadOnlyList<RunRecord> runs)
    {
        using var stdout = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stdout, DiagnosticOutput.JsonOptions);
        json.WriteStartArray();
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteString("id", run.Id);
            json.WriteString("flow", run.FlowId);
            json.WriteNumber("version", run.FlowVersion);
            json.WriteString("event", run.EventName);
            json.WriteString("status", RunResultOutput.Status(run.Status));
            json.WriteString("tier", run.Interpreted ? "interpreted" : "compiled");
            json.WriteString("startedAt", run.StartedAt);
            json.WriteNumber("durationMs", Math.Round(run.DurationMs, 3));
            if (run.Error is not null)
            {
                json.WriteString("error", run.Error);
            }

            // Kept for failed runs only, with sensitive fields already redacted.
            if (run.EventPayload is not null)
            {
                json.WritePropertyName("data");
                json.WriteRawValue(run.EventPayload);
            }

            json.WriteStartArray("nodes");
            foreach (var node in run.Nodes)
            {
                RunResultOutput.WriteNode(json, node.NodeId, node.Status, node.Port, node.Error);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        stdout.Write("\n"u8);
    }
}
