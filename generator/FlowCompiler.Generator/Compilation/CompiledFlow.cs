namespace FlowCompiler.Generator.Compilation;

/// <summary>A flow compiled to an assembly: what the cache stores and the loader loads.</summary>
/// <param name="ContentHash">The cache key (hex SHA-256), also the assembly name's suffix.</param>
/// <param name="ClassName">The generated class's full name.</param>
/// <param name="Assembly">The IL image.</param>
/// <param name="Pdb">The portable PDB, with the C# embedded.</param>
/// <param name="Source">The generated C#.</param>
public sealed record CompiledFlow(string ContentHash, string ClassName, byte[] Assembly, byte[] Pdb, string Source);
