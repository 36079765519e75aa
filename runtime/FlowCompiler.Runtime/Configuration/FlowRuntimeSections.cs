namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// The configuration sections <see cref="FlowRuntimeServiceCollectionExtensions.AddFlowRuntime"/> reads: one root,
/// <c>FlowCompiler</c>, with one sub-section per part. Keys below a section are the property names of its options
/// class, so <c>FlowCompiler:Mail:SmtpHost</c> sets <see cref="Actions.Mail.MailOptions.SmtpHost"/> and the
/// environment variable <c>FlowCompiler__Mail__SmtpHost</c> does the same.
/// </summary>
public static class FlowRuntimeSections
{
    /// <summary>The root section: <see cref="FlowRuntimeOptions"/>.</summary>
    public const string Root = "FlowCompiler";

    /// <summary>The panel database: provider, connection string, command timeout.</summary>
    public const string Database = Root + ":Database";

    /// <summary>Flow mail: SMTP server, security, credentials, sender, outbox folder (<see cref="Actions.Mail.MailOptions"/>).</summary>
    public const string Mail = Root + ":Mail";

    /// <summary>Timeouts and retries of <c>rest</c> and <c>webhook</c> requests (<see cref="Actions.Http.HttpActionOptions"/>).</summary>
    public const string Http = Root + ":Http";

    /// <summary>The Proxmox VE cluster of <c>modifyServer</c> (<see cref="Proxmox.ProxmoxOptions"/>); optional as a whole.</summary>
    public const string Proxmox = Root + ":Proxmox";

    /// <summary>The engine host's settings (run concurrency, queue, timeout, retention), read by <c>FlowCompiler.Hosting</c>.</summary>
    public const string Host = Root + ":Host";

    /// <summary>
    /// The names of the sections below <see cref="Root"/>; any other key there that holds keys is a misspelt section.
    /// </summary>
    internal static IReadOnlyList<string> Subsections { get; } = [Child(Database), Child(Mail), Child(Http), Child(Proxmox), Child(Host)];

    /// <summary>The configuration key of <paramref name="property"/> in <paramref name="section"/>.</summary>
    internal static string Key(string section, string property) => section + ":" + property;

    private static string Child(string section) => section[(Root.Length + 1)..];
}
