using System.CommandLine;
using System.CommandLine.Parsing;

namespace FlowCompiler.Cli;

/// <summary>Runs the command tree with the exit codes of spec §7: bad usage is 2, not System.CommandLine's 1.</summary>
internal static class CommandLine
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A flow is invalid, a run failed or a publish was refused.</summary>
    public const int Failed = 1;

    /// <summary>A bad command line or bad input: a file that cannot be read, a bad setting, a flow or version that is not stored.</summary>
    public const int Usage = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            DiagnosticOutput.WriteUsageError(AsksForJson(parsed) ? "json" : "text", string.Join("\n", parsed.Errors.Select(e => e.Message)));
            Console.Error.WriteLine("Run 'flowc --help' for usage.");
            return Usage;
        }

        return parsed.Invoke();
    }

    /// <summary>
    /// Whether the command line asks for JSON, read from its tokens: a usage error means the options could not
    /// all be bound, yet a tool that wrote <c>--format json</c> still reads stdout as one JSON document.
    /// </summary>
    private static bool AsksForJson(ParseResult parsed)
    {
        var tokens = parsed.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] is { Type: TokenType.Option, Value: "--format" } && tokens[i + 1].Value == "json")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An <c>int</c> option refused below <paramref name="minimum"/> as a usage error.</summary>
    public static void AtLeast(Option<int> option, int minimum) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}, not {result.GetValueOrDefault<int>()}.");
            }
        });

    /// <summary>The <c>--format</c> option: <c>text</c> for people, <c>json</c> for tools.</summary>
    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text (default) or json (exactly one JSON document on stdout).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
