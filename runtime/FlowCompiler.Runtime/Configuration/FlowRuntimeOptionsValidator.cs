using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>Checks <see cref="FlowRuntimeOptions"/> at start-up, naming the configuration key of a bad setting.</summary>
internal sealed class FlowRuntimeOptionsValidator : IValidateOptions<FlowRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, FlowRuntimeOptions options) =>
        string.IsNullOrWhiteSpace(options.CacheDirectory)
            ? ValidateOptionsResult.Fail(
                $"{FlowRuntimeSections.Key(FlowRuntimeSections.Root, nameof(options.CacheDirectory))} is empty: set the folder compiled flows are cached in, or remove the key for the default .flowc/cache.")
            : ValidateOptionsResult.Success;
}
