using FlowCompiler.Emulators.Proxmox;
using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Cli.Demo;

/// <summary>What the demo prints: the set-up, publishing progress, each event with its runs, the effects, the figures.</summary>
internal sealed class DemoOutput(TextWriter output)
{
    public void Setup(DemoPaths paths, Uri receiver, Uri proxmox)
    {
        output.WriteLine("FlowCompiler demo: the embedded engine on a demo panel");
        output.WriteLine($"  panel database    {Relative(paths.Database)} (SQLite, created fresh)");
        output.WriteLine($"  mail outbox       {Relative(paths.Outbox)} (.eml files: no SMTP server configured)");
        output.WriteLine($"  HTTP receiver     {receiver} (stands in for noc.example.com, chat.example.org and ipam.example.com)");
        output.WriteLine($"  Proxmox VE        API emulator at {proxmox} (node pve-fra-1, VM 4711)");
        output.WriteLine();
    }

    public void Seeded() =>
        output.WriteLine("Demo data: 3 users, 3 servers with charges, 2 packages, tags, IPv4 ranges (node and global) and an IPv6 /48.\n");

    public void PublishingStarts(int count) => output.WriteLine($"Publishing {count} flows (validate, compile with Roslyn or take from the cache, store version, activate)");

    public void Publishing(int index, int count, string name)
    {
        output.Write($"  [{index + 1,2}/{count}] {name,-34}");
        output.Flush();
    }

    public void Published(PublishResult result)
    {
        if (!result.Succeeded)
        {
            output.WriteLine("NOT PUBLISHED");
            foreach (var d in result.Diagnostics)
            {
                output.WriteLine($"          {d}");
            }

            if (result.Error is not null)
            {
                output.WriteLine($"          {result.Error}");
            }

            return;
        }

        var how = result.Unchanged ? "unchanged" : result.CacheHit ? "cache hit" : "compiled";
        output.WriteLine($"v{result.Version}  {how,-9} {result.Elapsed.TotalMilliseconds,7:0} ms");
    }

    public void PublishingEnds(TimeSpan elapsed) => output.WriteLine($"  all published in {elapsed.TotalSeconds:0.0} s\n");

    public void Raised(DemoStep step, IReadOnlyList<CompletedRun> runs)
    {
        output.WriteLine($"Event {step.Event.Name}: {step.Title}{(step.Source is null ? "" : $"  [{step.Source}]")}");
        if (runs.Count == 0)
        {
            output.WriteLine("  no flow accepted it (nothing ran, nothing allocated)\n");
            return;
        }

        foreach (var run in runs.OrderBy(r => r.FlowId, StringComparer.Ordinal))
        {
            var status = run.Failed ? "FAILED" : "succeeded";
            output.WriteLine($"  {run.FlowId} v{run.Version}: {status} in {run.Result.Duration.TotalMilliseconds:0.0} ms");
            foreach (var node in run.Result.Nodes)
            {
                var mark = node.Status switch { NodeStatus.Succeeded => "ok  ", NodeStatus.Failed => "FAIL", _ => "skip" };
                var port = node.Port is null ? "" : $" -> {node.Port}";
                var error = node.Error is null ? "" : $": {node.Error}";
                output.WriteLine($"      {mark} {node.Id}{port}{error}");
            }

            foreach (var effect in run.Result.Effects)
            {
                output.WriteLine($"      => {Describe(effect)}");
            }
        }

        output.WriteLine();
    }

    public void Effects(DemoPaths paths, string[] mails, IReadOnlyList<ReceivedRequest> received, IReadOnlyList<TicketRow> tickets, IReadOnlyList<RecordedRequest> proxmox)
    {
        output.WriteLine("Effects");
        output.WriteLine($"  mail       {mails.Length} .eml files in {Relative(paths.Outbox)}");
        output.WriteLine($"  HTTP       {received.Count} requests received on 127.0.0.1:");
        foreach (var request in received)
        {
            output.WriteLine($"               {request.Method} {request.Url} ({request.Body.Length} bytes)");
        }

        output.WriteLine($"  tickets    {tickets.Count} in the panel database:");
        foreach (var ticket in tickets)
        {
            output.WriteLine($"               #{ticket.Id} [{ticket.Priority}] {ticket.Title}");
        }

        var changes = proxmox.Where(r => r.Method != "GET").ToList();
        output.WriteLine($"  Proxmox    {proxmox.Count} API calls, {changes.Count} of them changes:");
        foreach (var change in changes)
        {
            output.WriteLine($"               {change}");
        }

        output.WriteLine("  run records: 'flowc runs' with FlowCompiler__Database__ConnectionString=\"Data Source=" + Relative(paths.Database) + "\"");
        output.WriteLine();
    }

    public void CompileFigures(IReadOnlyList<PublishResult> published)
    {
        var compiled = published.Where(p => p.Succeeded && !p.CacheHit).ToList();
        var cached = published.Count(p => p.Succeeded && p.CacheHit);
        output.WriteLine("Compile and cache");
        if (compiled.Count > 0)
        {
            output.WriteLine($"  compiled with Roslyn   {compiled.Count} flows: first {compiled[0].Elapsed.TotalMilliseconds:0} ms (loads Roslyn), " +
                $"then {(compiled.Count > 1 ? compiled.Skip(1).Average(p => p.Elapsed.TotalMilliseconds) : 0):0} ms on average");
        }

        output.WriteLine($"  from the compile cache {cached} flows{(cached > 0 ? $", {published.Where(p => p.CacheHit).Average(p => p.Elapsed.TotalMilliseconds):0.0} ms on average" : "")}");
        var roslynLoaded = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.CodeAnalysis");
        output.WriteLine($"  Roslyn loaded in this process: {(roslynLoaded ? "yes" : "no")}");
        output.WriteLine(compiled.Count == 0
            ? "  this run reused the cache for every flow."
            : "  run 'flowc demo' again: every flow then comes from the cache.");
    }

    private static string Describe(ActionRequest effect) => effect switch
    {
        MailRequest mail => $"mail to {mail.To}: \"{mail.Subject}\"{(mail.Html ? " (HTML)" : "")}",
        HttpRequestSpec http => $"{http.Method} {http.Url}",
        TicketRequest ticket => $"ticket [{ticket.Priority}] \"{ticket.Title}\"",
        ServerChange change => $"server {change.ServerId}: {change.Component}/{change.Action} {string.Join(", ", change.Values.Select(v => $"{v.Key}={v.Value}"))}",
        _ => effect.Type,
    };

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
