namespace FlowCompiler.Hosting.Records;

/// <summary>A finished run ready to be written: the run, and for a failed run its payload with secrets redacted.</summary>
/// <param name="Run">The run.</param>
/// <param name="RedactedPayload">The event payload as JSON, sensitive fields redacted; null for a successful run.</param>
public sealed record RunRecordDraft(CompletedRun Run, string? RedactedPayload);
