using System.CommandLine;

namespace FlowCompiler.Cli;

/// <summary>Runs the command tree with the exit codes of spec §7: bad usage is 2, not System.CommandLine's 1.</summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"flowc: {error.Message}");
            }

            Console.Error.WriteLine("Run 'flowc --help' for usage.");
            return Usage;
        }

        return parsed.Invoke();
    }

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
