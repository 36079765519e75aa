using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using FlowCompiler.Cli;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>
/// Random valid flows on random hostile event data never crash and always produce effects escaped for where
/// they go: every URL keeps the scheme and host the flow wrote, every JSON body parses, no header or mail
/// subject gets a line break from event data, a mail goes to as many mailboxes as the flow's <c>to</c> lists
/// (a hole never adds one) at the domains it wrote, and the run as <c>flowc run --format json</c> prints it is
/// one JSON document whose effects read back as they were. Bounded: 60 flows of up to 12 nodes, 12 events each,
/// about 15 s; flows at the node limit are <see cref="Compiler.FlowLimitTests"/>'s.
/// </summary>
public sealed partial class HostileEffectTests
{
    private const int Flows = 60;

    [Fact]
    public async Task Effects_of_random_flows_on_hostile_events_are_escaped_for_their_destination()
    {
        var checkedEffects = 0;
        var mailsWithHoles = 0;
        await RandomCase.All.SampleAsync(
            async c =>
            {
                var (effects, mails) = await RunAndCheck(c);
                Interlocked.Add(ref checkedEffects, effects);
                Interlocked.Add(ref mailsWithHoles, mails);
            },
            iter: Flows,
            print: c => c.Json);

        Assert.True(checkedEffects > Flows, $"only {checkedEffects} effects checked in {Flows} flows");
        Assert.True(mailsWithHoles > 0, "no mail with a hole in its recipients was sent, so none was checked");
    }

    private static async Task<(int Effects, int MailsWithHoles)> RunAndCheck(RandomCase c)
    {
        var validation = FlowValidator.Validate(c.Json);
        Assert.True(validation.Flow is not null, "the random flow does not validate:\n" + string.Join("\n", validation.Diagnostics));
        var flow = validation.Flow!;
        var compiled = LoadedFlow.Load(FlowAssemblyCompiler.Compile(flow, ContentHash.Of(FlowDocumentWriter.WriteUtf8(validation.Document!))));
        var effects = 0;
        var mailsWithHoles = 0;
        try
        {
            foreach (var payload in c.Payloads.Where(flow.Trigger.Event.PayloadType.IsInstanceOfType))
            {
                var result = await compiled.RunAsync(payload, RandomEvents.Services([]));
                PrintsOneJsonDocument(result);
                foreach (var effect in result.Effects)
                {
                    Check(flow, effect);
                    effects++;
                    mailsWithHoles += effect is MailRequest && ((BoundSendMail)flow.Nodes.Single(n => n.Id == effect.NodeId)).To.Source.Contains("{{", StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }
        finally
        {
            compiled.Unload();
        }

        return (effects, mailsWithHoles);
    }

    private static void Check(BoundFlow flow, ActionRequest effect)
    {
        var node = flow.Nodes.Single(n => n.Id == effect.NodeId);
        switch (effect)
        {
            case HttpRequestSpec http:
                var request = node switch { BoundWebhook w => w.Request, BoundRest r => r.Request, _ => throw new InvalidOperationException(node.Type) };
                var written = LiteralOrigin().Match(request.Url.Source);
                Assert.True(written.Success, $"the flow's URL has no literal origin: {request.Url.Source}");
                Assert.True(Uri.TryCreate(http.Url, UriKind.Absolute, out var url), $"not an absolute URL: {http.Url}");
                Assert.Equal(written.Groups["scheme"].Value, url.Scheme, StringComparer.OrdinalIgnoreCase);
                Assert.Equal(written.Groups["host"].Value, url.Host, StringComparer.OrdinalIgnoreCase);
                if (http.Content is not null && IsJson(http.ContentType))
                {
                    // Parsing is the check: it throws on anything that is not one JSON document.
                    using var body = JsonDocument.Parse(http.Content);
                }

                foreach (var (name, value) in http.Headers)
                {
                    NoBreakFromHoles(request.Headers.Single(h => h.Key == name).Value, value);
                }

                break;
            case MailRequest mail:
                var sendMail = (BoundSendMail)node;
                NoBreakFromHoles(sendMail.Subject, mail.Subject);
                OneMailboxPerWrittenMailbox(sendMail.To.Source, mail.To);
                break;
        }
    }

    // A line break in a header may come from the flow's own literal text (MailKit and HttpClient encode it),
    // never from a hole: header holes lose CR and LF.
    private static void NoBreakFromHoles(BoundTemplate template, string rendered)
    {
        if (!template.Source.AsSpan().ContainsAny('\r', '\n'))
        {
            Assert.DoesNotMatch("[\r\n]", rendered);
        }
    }

    // The mailboxes the admin wrote, each hole standing for one plain word: event data may fill a name or one
    // address, never add a recipient or move one to another domain.
    private static void OneMailboxPerWrittenMailbox(string source, MailRecipients sent)
    {
        var written = MailRecipients.Parse(Hole().Replace(source, "x"));
        Assert.Equal(written.Count, sent.Count);
        Assert.Equal(written.Select(m => Domain(m.Address)), sent.Select(m => Domain(m.Address)), StringComparer.OrdinalIgnoreCase);
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    // What flowc run --format json prints: parsing is the one-document check (trailing text throws), and each
    // effect's string parameters read back as a UTF-8 destination gets them (a lone surrogate from event data is
    // U+FFFD in the body, the mail and the printout alike).
    private static void PrintsOneJsonDocument(RunResult result)
    {
        using var stdout = new MemoryStream();
        RunResultOutput.WriteJson(stdout, result);
        using var printed = JsonDocument.Parse(stdout.ToArray());
        var effects = printed.RootElement.GetProperty("effects").EnumerateArray().ToList();
        Assert.Equal(result.Effects.Count, effects.Count);
        foreach (var (effect, json) in result.Effects.Zip(effects))
        {
            foreach (var (name, value) in effect.Parameters)
            {
                if (value is string text)
                {
                    Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)), json.GetProperty(name).GetString());
                }
            }
        }
    }

    private static bool IsJson(string contentType) =>
        contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    // The scheme and host an admin wrote: the binder requires them literal, before any hole.
    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<host>[^/?#:{]+)")]
    private static partial Regex LiteralOrigin();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Hole();
}
