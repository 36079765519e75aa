namespace FlowCompiler.Tests.Proxmox.Conformance;

/// <summary>A fact that needs the Proxmox API schema file; where it is absent the test shows as skipped, saying why.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProxmoxSchemaFactAttribute : FactAttribute
{
    public ProxmoxSchemaFactAttribute()
    {
        if (PveApiSchemaFile.Locate() is null)
        {
            Skip = PveApiSchemaFile.MissingReason;
        }
    }
}
