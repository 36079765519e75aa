using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Execution;
using MimeKit;

namespace FlowCompiler.Tests.Actions.Mail;

public sealed class SmtpMailSenderTests : IDisposable
{
    private const string Password = "pa55-Wörd-7391";
    private const string NonAsciiSubject = "Grüße 😀 你好 — Server ä ready";
    private const string NonAsciiBody = "Hällo Admin 😀\n漢字テスト: ключ\nlast line";

    private readonly CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));

    public void Dispose() => deadline.Dispose();

    [Fact]
    public async Task Plain_mail_with_non_ASCII_subject_and_body_arrives_intact()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var sender = new SmtpMailSender(Options(server.Port));

        await sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), NonAsciiSubject, NonAsciiBody), deadline.Token);

        var received = Assert.Single(server.Received);
        Assert.Equal("flows@panel.example.com", received.EnvelopeFrom);
        Assert.Equal(["noc@example.com"], received.EnvelopeTo);
        Assert.All(received.Raw, b => Assert.True(b < 0x80, "every byte on the wire is 7-bit ASCII"));

        var message = received.Message;
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal("flows@panel.example.com", from.Address);
        Assert.Equal("Flow Bot ä", from.Name);
        Assert.Equal("noc@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal(NonAsciiSubject, message.Subject);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.EndsWith("@panel.example.com", message.MessageId, StringComparison.Ordinal);

        var body = Assert.IsType<TextPart>(message.Body);
        Assert.True(body.IsPlain);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Equal(NonAsciiBody, body.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Html_mail_has_an_html_part_and_a_plain_text_alternative()
    {
        const string html = "<html><head><title>ignored</title><style>p { color: red }</style></head><body>"
            + "<h1>Grüße 😀</h1><p>Server <b>web-1</b> (你好) is <a href=\"https://panel.example.com/servers/1\">up</a>.</p>"
            + "</body></html>";
        await using var server = await SmtpTestServer.StartAsync();
        var sender = new SmtpMailSender(Options(server.Port));

        await sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), NonAsciiSubject, html, IsHtml: true), deadline.Token);

        var message = Assert.Single(server.Received).Message;
        Assert.Equal(NonAsciiSubject, message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal(html, message.HtmlBody!.ReplaceLineEndings(""));
        Assert.Equal(
            "Grüße 😀\n\nServer web-1 (你好) is up (https://panel.example.com/servers/1).",
            message.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Several_recipients_each_get_the_message()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var sender = new SmtpMailSender(Options(server.Port));

        await sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com, \"Ops, Night\" <ops@example.com>"), "Hi", "Body"), deadline.Token);

        var received = Assert.Single(server.Received);
        Assert.Equal(["noc@example.com", "ops@example.com"], received.EnvelopeTo);
        Assert.Equal("Ops, Night", received.Message.To.Mailboxes.Last().Name);
    }

    [Fact]
    public async Task Logs_in_when_the_server_requires_it()
    {
        await using var server = await SmtpTestServer.StartAsync(login: ("flow-user", Password));
        var sender = new SmtpMailSender(Options(server.Port, "flow-user", Password));

        await sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token);

        Assert.Equal("flow-user", Assert.Single(server.Received).AuthenticatedUser);
    }

    [Fact]
    public async Task A_wrong_password_fails_clearly_without_showing_the_password()
    {
        await using var server = await SmtpTestServer.StartAsync(login: ("flow-user", "the-right-one"));
        var sender = new SmtpMailSender(Options(server.Port, "flow-user", Password));

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("rejected the login of user 'flow-user'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check FlowCompiler:Mail:Username and Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_server_that_requires_a_login_the_options_lack_fails_clearly()
    {
        await using var server = await SmtpTestServer.StartAsync(login: ("flow-user", Password));
        var sender = new SmtpMailSender(Options(server.Port));

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("requires authentication. Set FlowCompiler:Mail:Username and Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_the_server_does_not_offer_fails_clearly()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var sender = new SmtpMailSender(Options(server.Port, "flow-user", Password));

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("offers no authentication", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_recipient_is_named()
    {
        await using var server = await SmtpTestServer.StartAsync(refusedRecipient: "gone@example.com");
        var sender = new SmtpMailSender(Options(server.Port));

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("gone@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("refused the recipient 'gone@example.com'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_down_fails_clearly()
    {
        var port = UnusedLoopbackPort.Find();
        var sender = new SmtpMailSender(Options(port));

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains($"Could not connect to the SMTP server 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check FlowCompiler:Mail:SmtpHost and SmtpPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        using var silent = new SilentTcpServer();
        var options = Options(silent.Port);
        options.Timeout = TimeSpan.FromMilliseconds(500);
        var sender = new SmtpMailSender(options);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("did not answer within 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTls_against_a_server_without_it_fails_clearly()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var options = Options(server.Port);
        options.Security = SmtpSecurity.StartTls;
        var sender = new SmtpMailSender(options);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("does not offer STARTTLS", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Tls_against_a_plain_text_server_fails_clearly()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var options = Options(server.Port);
        options.Security = SmtpSecurity.Tls;
        options.Timeout = TimeSpan.FromSeconds(5);
        var sender = new SmtpMailSender(options);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token));

        Assert.Contains("Check FlowCompiler:Mail:Security (Tls)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_username_without_a_password_is_refused_at_startup()
    {
        var options = Options(25);
        options.Username = "flow-user";

        var error = Assert.Throws<InvalidOperationException>(() => new SmtpMailSender(options));

        Assert.Contains("Username is set but FlowCompiler:Mail:Password is not", error.Message, StringComparison.Ordinal);
    }

    private static MailOptions Options(int port, string? username = null, string? password = null) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        Security = SmtpSecurity.None,
        Username = username,
        Password = password,
        FromAddress = "flows@panel.example.com",
        FromName = "Flow Bot ä",
        Timeout = TimeSpan.FromSeconds(20),
    };
}
