namespace FlowCompiler.Generator.Emit;

/// <summary>The C# class generated for one object shape of a REST response.</summary>
/// <param name="Name">Class name, e.g. <c>LookupVlanResponseVlan</c>.</param>
/// <param name="Properties">Flow field name to C# property name.</param>
/// <param name="Path">The shape's path in the response (<c>vlan</c>, <c>items[]</c>), for error messages.</param>
public sealed record ResponseClass(string Name, IReadOnlyDictionary<string, string> Properties, string Path);
