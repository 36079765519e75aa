using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// The log of <c>rest</c> and <c>webhook</c> retries: one warning line per failed attempt, without the exception's
/// stack, which says nothing a flow author can act on, and without the query (it is rendered from event data). The
/// last failure is the node's error in the run record.
/// </summary>
internal static partial class HttpRetryLog
{
    /// <summary>Logs the attempt that failed and the wait before the next one.</summary>
    public static ValueTask OnRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args, int maxRetryAttempts)
    {
        var target = args.Context.GetRequestMessage() is { RequestUri: not null } request ? HttpActionClient.Describe(request) : "a request";
        var reason = args.Outcome.Exception is { } error
            ? FirstLine(error.Message)
            : args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase : "no answer";
        LogRetry(logger, target, args.AttemptNumber + 1, maxRetryAttempts + 1, reason, args.RetryDelay.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }

    private static string FirstLine(string message) => message.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? message[..end] : message;

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "{Target}: attempt {Attempt} of {Attempts} failed: {Reason}; retrying in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string target, int attempt, int attempts, string reason, double delayMs);
}
