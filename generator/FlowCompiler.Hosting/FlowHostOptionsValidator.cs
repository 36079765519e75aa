using Microsoft.Extensions.Options;

namespace FlowCompiler.Hosting;

/// <summary>Fails start-up with the configuration key of the first host setting that makes no sense.</summary>
internal sealed class FlowHostOptionsValidator : IValidateOptions<FlowHostOptions>
{
    public ValidateOptionsResult Validate(string? name, FlowHostOptions options) =>
        options.FindProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
