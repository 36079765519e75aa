namespace FlowCompiler.Runtime.Catalog;

/// <summary>
/// Marks a field whose value must not leave the panel: sending it out is a validation warning
/// and run records redact it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
