namespace FlowCompiler.Generator.Binding;

/// <summary>What a filter compares against.</summary>
public abstract record FilterOperand;
