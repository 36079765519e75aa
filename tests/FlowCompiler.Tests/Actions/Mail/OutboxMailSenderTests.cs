using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FlowCompiler.Tests.Actions.Mail;

public sealed class OutboxMailSenderTests : IDisposable
{
    private readonly DirectoryInfo outbox = Directory.CreateTempSubdirectory("flowc-outbox-");
    private readonly CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));

    public void Dispose()
    {
        deadline.Dispose();
        outbox.Delete(recursive: true);
    }

    [Fact]
    public async Task Writes_one_eml_file_that_MimeKit_reads_back()
    {
        var sender = new OutboxMailSender(Options());

        var path = await sender.WriteAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Grüße 😀 你好", "Hällo 😀\n漢字"), deadline.Token);

        Assert.Equal(outbox.FullName, Path.GetDirectoryName(path));
        Assert.Equal([path], Directory.GetFiles(outbox.FullName));
        Assert.EndsWith(".eml", path, StringComparison.Ordinal);

        var message = await MimeMessage.LoadAsync(path, deadline.Token);
        Assert.Equal("Grüße 😀 你好", message.Subject);
        Assert.Equal("flows@panel.example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("noc@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("Hällo 😀\n漢字", message.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Html_mail_keeps_its_html_part()
    {
        var sender = new OutboxMailSender(Options());

        var path = await sender.WriteAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "<p>Server <b>ä</b></p>", IsHtml: true), deadline.Token);

        var message = await MimeMessage.LoadAsync(path, deadline.Token);
        Assert.Equal("<p>Server <b>ä</b></p>", message.HtmlBody);
        Assert.Equal("Server ä", message.TextBody!.Trim());
    }

    [Fact]
    public async Task Lines_end_in_CRLF_as_in_any_mail_file()
    {
        var sender = new OutboxMailSender(Options());

        var path = await sender.WriteAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "one\ntwo"), deadline.Token);

        var bytes = await File.ReadAllBytesAsync(path, deadline.Token);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == '\r', $"bare LF at byte {i}");
            }
        }
    }

    [Fact]
    public async Task Concurrent_messages_get_distinct_files_and_leave_no_temporary_ones()
    {
        var sender = new OutboxMailSender(Options());

        var paths = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            sender.WriteAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), $"Message {i}", "Body"), deadline.Token)));

        Assert.Equal(20, paths.Distinct().Count());
        Assert.Equal(paths.Order(), Directory.GetFiles(outbox.FullName).Order());
    }

    [Fact]
    public async Task A_missing_folder_is_created()
    {
        var options = Options();
        options.OutboxDirectory = Path.Combine(outbox.FullName, "nested", "outbox");
        var sender = new OutboxMailSender(options);

        await sender.SendAsync(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body"), deadline.Token);

        Assert.Single(Directory.GetFiles(options.OutboxDirectory, "*.eml"));
    }

    [Fact]
    public async Task A_bad_recipient_writes_nothing()
    {
        var sender = new OutboxMailSender(Options());

        await Assert.ThrowsAsync<InvalidMailAddressException>(
            () => sender.SendAsync(new OutgoingMail(new MailRecipients(new MailRecipient(null, "not-an-address")), "Hi", "Body"), deadline.Token));

        Assert.Empty(Directory.GetFileSystemEntries(outbox.FullName));
    }

    [Fact]
    public void The_factory_picks_the_outbox_without_an_SMTP_host_and_SMTP_with_one()
    {
        var options = Options();
        Assert.IsType<OutboxMailSender>(MailSenderFactory.Create(options));

        options.SmtpHost = "smtp.example.com";
        Assert.IsType<SmtpMailSender>(MailSenderFactory.Create(options));
    }

    [Fact]
    public void AddFlowMail_registers_the_sender_the_options_describe()
    {
        using var provider = new ServiceCollection()
            .AddFlowMail(o =>
            {
                o.FromAddress = "flows@panel.example.com";
                o.OutboxDirectory = outbox.FullName;
            })
            .BuildServiceProvider();

        var sender = Assert.IsType<OutboxMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.Equal(outbox.FullName, sender.OutboxDirectory);
    }

    private MailOptions Options() => new() { FromAddress = "flows@panel.example.com", OutboxDirectory = outbox.FullName };
}
