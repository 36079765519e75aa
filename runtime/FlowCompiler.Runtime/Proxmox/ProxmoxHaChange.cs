namespace FlowCompiler.Runtime.Proxmox;

/// <summary>What configuring a guest's HA did.</summary>
public enum ProxmoxHaChange
{
    /// <summary>The guest was not HA-managed; an HA resource was created.</summary>
    Created,

    /// <summary>The guest's existing HA resource was updated.</summary>
    Updated,
}
