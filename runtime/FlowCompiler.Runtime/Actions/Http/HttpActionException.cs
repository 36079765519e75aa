namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// A request that failed: no answer, a timeout, a non-2xx status, or (for <c>rest</c>) a body that is not JSON.
/// The message names the method and the URL without its query string, which may carry credentials.
/// </summary>
public sealed class HttpActionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to check.</param>
    /// <param name="statusCode">The status the server answered with, if it answered.</param>
    /// <param name="responseExcerpt">The start of the answer's body, if there was one.</param>
    /// <param name="innerException">The HTTP stack's exception, if there was one.</param>
    public HttpActionException(string message, int? statusCode = null, string? responseExcerpt = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseExcerpt = responseExcerpt;
    }

    /// <summary>The status the server answered with; <see langword="null"/> when it did not answer.</summary>
    public int? StatusCode { get; }

    /// <summary>The start of the answer's body, on one line; <see langword="null"/> when there was no answer.</summary>
    public string? ResponseExcerpt { get; }
}
