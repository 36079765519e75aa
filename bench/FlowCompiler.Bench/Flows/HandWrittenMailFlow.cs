using System.Globalization;
using System.Net;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// <see cref="BenchFlows.Mail"/> written by hand as a developer would: the same bookkeeping, the same mail,
/// the same escaping, with plain C# interpolation. The physical limit the compiled flow is measured against.
/// </summary>
public sealed class HandWrittenMailFlow
{
    /// <summary>Creates the flow under the id <paramref name="flowId"/>.</summary>
    public HandWrittenMailFlow(string flowId) => Descriptor = new FlowDescriptor(flowId, "server.created", ["trigger", "big", "mail"]);

    /// <summary>The same descriptor as the compiled flow's.</summary>
    public FlowDescriptor Descriptor { get; }

    /// <summary>The filter.</summary>
    public static bool Accepts(ServerEvent e) => e.Cpu >= BenchFlows.MailThreshold;

    /// <summary>Runs the flow once.</summary>
    public async Task RunAsync(ServerEvent e, IFlowServices services, FlowRun run, CancellationToken ct)
    {
        run.Start(0);
        run.Succeed(0);
        run.Start(1);
        var passed = Accepts(e);
        run.Succeed(1, passed);
        if (!passed)
        {
            return;
        }

        run.Start(2);
        try
        {
            var request = new MailRequest("mail", new MailRecipients(new MailRecipient(null, "noc@example.com")), Subject(e), Content(e), true);
            run.RecordEffect(request);
            await services.SendMailAsync(request, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            run.Fail(2, ex);
            return;
        }

        run.Succeed(2);
    }

    /// <summary>The subject, CR and LF removed as in any header.</summary>
    public static string Subject(ServerEvent e) => "New server " + HandWrittenEscapes.Header(e.Hostname);

    /// <summary>The HTML body, holes HTML-encoded.</summary>
    public static string Content(ServerEvent e) => string.Create(
        CultureInfo.InvariantCulture,
        $"<html><body><h1>New server {WebUtility.HtmlEncode(e.Hostname)}</h1><p>Hello NOC,</p><p>server <b>{WebUtility.HtmlEncode(e.Hostname)}</b> (#{e.Id}) was created on node {WebUtility.HtmlEncode(e.Node)} at {e.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}.</p><table><tr><td>vCPU</td><td>{e.Cpu}</td></tr><tr><td>RAM</td><td>{e.Ram} MB</td></tr><tr><td>Disk</td><td>{e.Disk} GB</td></tr><tr><td>OS</td><td>{WebUtility.HtmlEncode(e.Os)}</td></tr></table><p>Status: {WebUtility.HtmlEncode(e.Status)}. Check it at https://panel.example.com/servers/{e.Id}.</p></body></html>");
}
