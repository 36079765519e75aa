using System.Text.Json;
using FlowCompiler.Tests.Language;

namespace FlowCompiler.Tests.Cli;

/// <summary>A compile cache folder that cannot be written is bad input for <c>compile</c> and <c>run</c>: exit 2, the folder named, no stack trace.</summary>
public sealed class CacheFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flowc-cache-folder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sample(string name) => RepositoryPaths.SampleFlow(name);

    private string AFile()
    {
        var file = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(file, "x");
        return file;
    }

    [Fact]
    public async Task Compile_into_a_cache_that_is_a_file_exits_2_naming_the_folder()
    {
        var file = AFile();

        var result = await FlowcProcess.RunInAsync(_folder, new Dictionary<string, string>(), "compile", Sample("welcome-mail"), "--cache", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"flowc: the compile cache folder '{file}' cannot be written: it is a file, not a folder; choose another folder with --cache or $FLOWC_CACHE.\n", result.Stderr);
    }

    [Fact]
    public async Task Run_with_a_cache_below_a_file_exits_2_with_one_json_error_document()
    {
        var file = AFile();
        var cache = Path.Combine(file, "cache");

        var result = await FlowcProcess.RunInAsync(_folder, new Dictionary<string, string>(),
            "run", Sample("welcome-mail"), "--event", RepositoryPaths.SampleEvent("account.registration"), "--dry-run", "--format", "json", "--cache", cache);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal($"the compile cache folder '{cache}' cannot be written: '{file}' is a file, not a folder; choose another folder with --cache or $FLOWC_CACHE.",
            json.RootElement.GetProperty("error").GetString());
    }
}
