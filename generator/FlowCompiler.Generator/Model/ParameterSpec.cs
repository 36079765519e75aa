namespace FlowCompiler.Generator.Model;

/// <summary>One parameter a node type defines.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Kinds">JSON kinds it accepts.</param>
/// <param name="Role">How its value is read.</param>
/// <param name="Required">Whether the reader reports it missing (<c>modifyServer</c> values are checked per action by the binder).</param>
public sealed record ParameterSpec(string Name, ParameterKinds Kinds, ParameterRole Role, bool Required);
