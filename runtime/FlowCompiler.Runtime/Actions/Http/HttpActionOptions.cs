namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>Timeouts, retries and limits for the requests of <c>webhook</c> and <c>rest</c> nodes.</summary>
public sealed class HttpActionOptions
{
    /// <summary>The longest one attempt may take, from sending to the last byte of the answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a request may take with all its retries and the waits between them.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an idempotent request (GET, PUT, DELETE) is repeated after a transient failure: a connection
    /// error, a timeout, 408, 429 or 5xx. POST and PATCH are never repeated. 0 turns retries off.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles for each further one, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest answer that is read; a longer one fails the request instead of filling memory.</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;
}
