namespace FlowCompiler.Generator.Diagnostics;

/// <summary>A stable diagnostic code with a short title; the list is <see cref="DiagnosticCodes"/>.</summary>
/// <param name="Id">The code, <c>FLOW0001</c>…</param>
/// <param name="Title">What kind of problem it names.</param>
public sealed record DiagnosticCode(string Id, string Title);
