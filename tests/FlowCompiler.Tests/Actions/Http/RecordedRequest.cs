namespace FlowCompiler.Tests.Actions.Http;

/// <summary>One request as the test HTTP server received it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);
