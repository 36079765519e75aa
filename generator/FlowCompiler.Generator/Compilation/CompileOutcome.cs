namespace FlowCompiler.Generator.Compilation;

/// <summary>The answer of <see cref="FlowCache.GetOrCompileAsync"/>.</summary>
/// <param name="Flow">The compiled flow.</param>
/// <param name="CacheHit">Whether it came from the memory or disk cache without compiling.</param>
public sealed record CompileOutcome(CompiledFlow Flow, bool CacheHit);
