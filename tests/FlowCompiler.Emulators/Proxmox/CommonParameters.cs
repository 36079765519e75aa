namespace FlowCompiler.Emulators.Proxmox;

using static PveValueRules;

/// <summary>Parameters many endpoints share, as Proxmox's standard options define them.</summary>
internal static class CommonParameters
{
    public static ParameterRule Node { get; } = new("node", Format(PveFormats.NodeName), Required: true);

    public static ParameterRule Vmid { get; } = new("vmid", All(Integer(100, 999_999_999), Format(PveFormats.Vmid)), Required: true);

    public static ParameterRule ConfigDigest { get; } = new("digest", Text(40));

    public static ParameterRule Delete { get; } = new("delete", Format(PveFormats.ConfigIdList));

    public static ParameterRule HaSid { get; } = new("sid", Format(PveFormats.HaResourceId), Required: true);
}
