using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Telemetry;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// What the log says about a <c>rest</c> or <c>webhook</c> request that is retried: one line per failed attempt.
/// Polly's own telemetry would log every attempt with its whole exception, kilobytes of stack trace for a host
/// that is down, and the error belongs in the run record (where <see cref="HttpActionClient"/> puts it), not there.
/// </summary>
internal static partial class HttpRetryLog
{
    /// <summary>Silences Polly's per-attempt events of the flow pipeline; every other pipeline's are left as they were.</summary>
    public static void Quiet(TelemetryOptions telemetry, string pipelineName)
    {
        var others = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args =>
            args.Source.PipelineName?.EndsWith("-" + pipelineName, StringComparison.Ordinal) == true && args.Event.EventName is "ExecutionAttempt" or "OnRetry"
                ? ResilienceEventSeverity.None
                : others?.Invoke(args) ?? args.Event.Severity;
    }

    /// <summary>Logs the attempt that failed and the wait before the next one.</summary>
    public static ValueTask OnRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args, int maxRetryAttempts)
    {
        var request = args.Context.GetRequestMessage();

        // The path only: a query is rendered from event data, and the run record has the full error.
        var url = request?.RequestUri?.GetLeftPart(UriPartial.Path) ?? "(unknown URL)";
        var reason = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
        AttemptFailed(logger, request?.Method.Method ?? "", url, args.AttemptNumber + 1, maxRetryAttempts + 1, reason, args.RetryDelay.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Url}: attempt {Attempt} of {Attempts} failed: {Reason}; retrying in {DelayMs:0} ms")]
    private static partial void AttemptFailed(ILogger logger, string method, string url, int attempt, int attempts, string reason, double delayMs);
}
