using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Cli.Demo;

/// <summary>The engine's settings on the demo panel: its SQLite file, the mail outbox, the Proxmox emulator.</summary>
internal static class DemoSettings
{
    public static Dictionary<string, string?> For(DemoPaths paths, ProxmoxEmulator proxmox) => new()
    {
        ["FlowCompiler:Database:Provider"] = "Sqlite",
        ["FlowCompiler:Database:ConnectionString"] = $"Data Source={paths.Database}",
        ["FlowCompiler:Mail:SmtpHost"] = "",
        ["FlowCompiler:Mail:OutboxDirectory"] = paths.Outbox,
        ["FlowCompiler:Proxmox:BaseUrl"] = proxmox.BaseUrl.ToString(),
        ["FlowCompiler:Proxmox:TokenId"] = ProxmoxEmulator.TokenId,
        ["FlowCompiler:Proxmox:TokenSecret"] = ProxmoxEmulator.TokenSecret,
        ["FlowCompiler:Proxmox:TaskPollInterval"] = "00:00:00.050",
        // The demo shows what compiling and the cache cost, and its events run on the compiled flows.
        ["FlowCompiler:Host:TieredActivation"] = "false",
    };
}
