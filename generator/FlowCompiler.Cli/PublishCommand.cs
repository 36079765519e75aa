using System.CommandLine;
using System.Text.Json;
using FlowCompiler.Cli.Engine;
using FlowCompiler.Hosting.Publishing;

namespace FlowCompiler.Cli;

/// <summary><c>flowc publish FLOW.json… [--format json]</c>: validates, compiles and stores each flow as its new published version.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FLOW.json") { Description = "The flow documents to publish.", Arity = ArgumentArity.OneOrMore };
        var format = CommandLine.FormatOption();
        var command = new Command("publish", "Publish flows to the configured panel database (SQLite by default).") { files, format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(files)!, parse.GetValue(format)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string[] paths, string format, CancellationToken ct)
    {
        var documents = new List<(string Path, byte[] Bytes)>();
        foreach (var path in paths)
        {
            if (FlowFileInput.TryRead(path, out var error) is not { } bytes)
            {
                DiagnosticOutput.WriteUsageError(format, error!);
                return Task.FromResult(CommandLine.Usage);
            }

            documents.Add((path, bytes));
        }

        return EngineCommand.RunAsync(format, loadFlows: true, async session =>
        {
            var results = new List<(string Path, PublishResult Result)>();
            foreach (var (path, bytes) in documents)
            {
                var result = await session.Flows.PublishAsync(bytes, ct);
                results.Add((path, result));
                if (format == "text")
                {
                    WriteText(path, result);
                }
            }

            if (format == "json")
            {
                WriteJson(results);
            }

            return results.All(r => r.Result.Succeeded) ? CommandLine.Success : CommandLine.Failed;
        }, ct);
    }

    private static void WriteText(string path, PublishResult result)
    {
        if (!result.Succeeded)
        {
            DiagnosticOutput.WriteText(Console.Error, path, result.Diagnostics);
            if (result.Error is not null)
            {
                Console.Error.WriteLine($"{path}: {result.Error}");
            }

            return;
        }

        foreach (var warning in result.Diagnostics)
        {
            Console.Error.WriteLine($"{path}: {warning}");
        }

        var how = result.Unchanged ? "unchanged" : result.CacheHit ? "from the compile cache" : "compiled";
        Console.Out.WriteLine($"{result.FlowId} v{result.Version} published ({how}, {result.Elapsed.TotalMilliseconds:0} ms)");
    }

    private static void WriteJson(List<(string Path, PublishResult Result)> results)
    {
        using var stdout = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stdout, DiagnosticOutput.JsonOptions);
        json.WriteStartArray();
        foreach (var (path, result) in results)
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("flow", result.FlowId);
            json.WriteBoolean("published", result.Succeeded);
            if (result.Succeeded)
            {
                json.WriteNumber("version", result.Version);
                json.WriteString("contentHash", result.ContentHash);
                json.WriteBoolean("cacheHit", result.CacheHit);
                json.WriteBoolean("unchanged", result.Unchanged);
                json.WriteNumber("elapsedMs", Math.Round(result.Elapsed.TotalMilliseconds, 1));
            }

            if (result.Error is not null)
            {
                json.WriteString("error", result.Error);
            }

            json.WritePropertyName("diagnostics");
            DiagnosticOutput.WriteArray(json, result.Diagnostics);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        stdout.Write("\n"u8);
    }
}
