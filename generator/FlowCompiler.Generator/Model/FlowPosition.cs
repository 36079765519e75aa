namespace FlowCompiler.Generator.Model;

/// <summary>Where the editor draws a node. Numbers keep their JSON spelling.</summary>
/// <param name="X">Horizontal position.</param>
/// <param name="Y">Vertical position.</param>
public sealed record FlowPosition(string X, string Y);
