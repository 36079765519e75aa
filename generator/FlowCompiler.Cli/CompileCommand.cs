using System.CommandLine;
using System.Diagnostics;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc compile FLOW.json [--cache DIR]</c>: compiles into the cache; prints the content hash, hit or miss, and the
/// time, and on a hit whether the C# compiler was loaded (it should not be).
/// </summary>
internal static class CompileCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FLOW.json") { Description = "The flow document to compile." };
        var cache = new Option<string>("--cache")
        {
            Description = $"Cache folder (default: ${FlowCache.FolderVariable}, else .flowc/cache).",
            DefaultValueFactory = _ => FlowCache.DefaultFolder,
        };
        var command = new Command("compile", "Compile a flow into the cache.") { file, cache };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(cache)!));
        return command;
    }

    /// <summary>What to say when the cache folder cannot be written (compile and run; exit 2).</summary>
    public static string CacheProblem(FlowCacheException e) => $"{e.Message}; choose another folder with --cache or ${FlowCache.FolderVariable}.";

    // A cache hit is meant to be cheap: it never loads the C# compiler, and says so.
    private static string RoslynState() =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.CodeAnalysis") ? " (Roslyn loaded)" : " (Roslyn not loaded)";

    private static int Run(string path, string folder)
    {
        if (FlowFileInput.TryLoadValid(path, out var exitCode) is not { Flow: not null } result)
        {
            return exitCode;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var outcome = new FlowCache(folder).GetOrCompileAsync(result.Flow, FlowDocumentWriter.WriteUtf8(result.Document!)).GetAwaiter().GetResult();
            Console.Out.WriteLine($"{outcome.Flow.ContentHash} {(outcome.CacheHit ? "cache hit" : "compiled")} in {clock.Elapsed.TotalMilliseconds:0} ms{(outcome.CacheHit ? RoslynState() : "")}");
            return CommandLine.Success;
        }
        catch (FlowCompilerBugException bug)
        {
            Console.Error.WriteLine(bug.Message);
            return CommandLine.Failed;
        }
        catch (FlowCacheException cache)
        {
            DiagnosticOutput.WriteUsageError("text", CacheProblem(cache));
            return CommandLine.Usage;
        }
    }
}
