using FlowCompiler.Runtime.Actions.Http;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// Checks <see cref="HttpActionOptions"/> at start-up against the ranges the resilience pipeline accepts, so a bad
/// value is reported by its configuration key rather than by the first request that fails.
/// </summary>
internal sealed class HttpActionOptionsValidator : IValidateOptions<HttpActionOptions>
{
    // The ranges Polly's timeout and retry strategies accept.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, HttpActionOptions options)
    {
        var failures = new List<string>();
        CheckTimeout(failures, nameof(options.Timeout), options.Timeout);
        CheckTimeout(failures, nameof(options.TotalTimeout), options.TotalTimeout);
        if (options.TotalTimeout < options.Timeout)
        {
            failures.Add($"{Key(nameof(options.TotalTimeout))} ({options.TotalTimeout}) is shorter than {Key(nameof(options.Timeout))} ({options.Timeout}): the total covers every attempt, so make it at least as long.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{Key(nameof(options.MaxRetryAttempts))} is {options.MaxRetryAttempts}: use 0 (no retries) to 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > LongestWait)
        {
            failures.Add($"{Key(nameof(options.RetryDelay))} is {options.RetryDelay}: use a wait from 00:00:00 to 1.00:00:00.");
        }

        if (options.MaxResponseBytes < 1)
        {
            failures.Add($"{Key(nameof(options.MaxResponseBytes))} is {options.MaxResponseBytes}: use the largest answer to read, in bytes (default 4194304).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTimeout(List<string> failures, string property, TimeSpan value)
    {
        if (value < ShortestTimeout || value > LongestWait)
        {
            failures.Add($"{Key(property)} is {value}: use a time from 00:00:00.010 to 1.00:00:00 (hh:mm:ss).");
        }
    }

    private static string Key(string property) => FlowRuntimeSections.Key(FlowRuntimeSections.Http, property);
}
