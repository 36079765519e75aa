using FlowCompiler.Tests.Hosting;

namespace FlowCompiler.Tests.Editor;

/// <summary>The engine's settings for an editor test app: a fresh SQLite file and a mail outbox in its folder, the shared compile cache.</summary>
internal static class EditorEngineSettings
{
    public static Dictionary<string, string?> In(string folder) => new()
    {
        ["FlowCompiler:Database:Provider"] = "Sqlite",
        ["FlowCompiler:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "panel.db")}",
        ["FlowCompiler:Mail:SmtpHost"] = "",
        ["FlowCompiler:Mail:OutboxDirectory"] = Path.Combine(folder, "outbox"),
        ["FlowCompiler:CacheDirectory"] = TestEngine.SharedCache.Folder,
    };
}
