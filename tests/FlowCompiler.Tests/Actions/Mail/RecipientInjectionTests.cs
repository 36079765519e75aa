using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Compiler;
using FlowCompiler.Tests.Language;
using FlowCompiler.Tests.Panel;

namespace FlowCompiler.Tests.Actions.Mail;

/// <summary>
/// Event data in a <c>to</c> template can never add a recipient (spec §4): sendMail flows, compiled and
/// interpreted, sending through the panel's services to a real SMTP server in the test process.
/// </summary>
public sealed class RecipientInjectionTests
{
    private const string Injected = "victim@example.org, attacker@evil.example";
    private const string CraftedName = "x\" <attacker@evil.example>, \"y";

    public static TheoryData<bool> Engines => new() { true, false };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_address_field_holding_two_addresses_fails_the_node_and_sends_nothing(bool compiled)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.SmtpSettings(smtp.Port));

        var result = await RunAsync(panel, compiled, "{{email}}", new UserEvent { Name = "Vic", Email = Injected });

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal($"'{Injected}' is not a valid e-mail address: it holds 2 addresses where one goes; a field can add only one recipient.", result.Node("mail").Error);
        Assert.Empty(result.Effects);
        Assert.Empty(smtp.Received);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_dry_run_fails_the_same_address_field_where_the_real_run_does(bool compiled)
    {
        await using var panel = await LivePanel.StartAsync();

        var result = await RunAsync(panel, compiled, "\"{{name}}\" <{{email}}>", new UserEvent { Name = "Vic", Email = Injected }, dryRun: true);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("holds 2 addresses where one goes", result.Node("mail").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "\"{{name}}\" <{{email}}>")]
    [InlineData(false, "\"{{name}}\" <{{email}}>")]
    [InlineData(true, "{{name}} <{{email}}>")]
    [InlineData(false, "{{name}} <{{email}}>")]
    public async Task A_crafted_display_name_stays_one_name_of_one_mailbox(bool compiled, string to)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.SmtpSettings(smtp.Port));

        var result = await RunAsync(panel, compiled, to, new UserEvent { Name = CraftedName, Email = "victim@example.org" });

        LivePanel.AssertSucceeded(result);
        var received = Assert.Single(smtp.Received);
        Assert.Equal(["victim@example.org"], received.EnvelopeTo);
        var mailbox = Assert.Single(received.Message.To.Mailboxes);
        Assert.Equal(("victim@example.org", CraftedName), (mailbox.Address, mailbox.Name));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_field_inside_an_address_cannot_close_it_and_start_another(bool compiled)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.SmtpSettings(smtp.Port));

        var result = await RunAsync(panel, compiled, "Support <{{name}}@example.org>", new UserEvent { Name = "a@evil.example>, <b" });

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("is not a valid e-mail address", result.Node("mail").Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Literal_text_may_still_list_several_addresses(bool compiled)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.SmtpSettings(smtp.Port));

        var result = await RunAsync(panel, compiled, "a@x.org, \"Ops, Night\" <b@y.org>, {{email}}", new UserEvent { Email = "c@z.org" });

        LivePanel.AssertSucceeded(result);
        var received = Assert.Single(smtp.Received);
        Assert.Equal(["a@x.org", "b@y.org", "c@z.org"], received.EnvelopeTo);
        Assert.Equal("Ops, Night", received.Message.To.Mailboxes.ElementAt(1).Name);
        Assert.Equal("a@x.org, \"Ops, Night\" <b@y.org>, c@z.org", Assert.IsType<MailRequest>(Assert.Single(result.Effects)).To.ToString());
    }

    private static async Task<RunResult> RunAsync(LivePanel panel, bool compiled, string to, UserEvent user, bool dryRun = false)
    {
        var json = TestFlows.Chain("account.registration", ("mail", "sendMail", $$"""{ "to": {{System.Text.Json.JsonSerializer.Serialize(to)}}, "subject": "Welcome", "content": "Hello" }"""));
        if (compiled)
        {
            return await panel.RunAsync(CompilerTestFlows.Load(json), user, dryRun);
        }

        var interpreter = new FlowInterpreter(CompilerTestFlows.Bind(json).Flow);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await interpreter.RunAsync(user, dryRun ? panel.DryRunServices : panel.Services, deadline.Token);
    }
}
