namespace FlowCompiler.Editor.Api;

/// <summary>What <c>GET /api/antiforgery</c> answers: the header every write carries, and its value.</summary>
/// <param name="HeaderName">The header's name.</param>
/// <param name="Token">The request token.</param>
public sealed record AntiforgeryToken(string HeaderName, string Token);
