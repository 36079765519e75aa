using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Execution;
using MimeKit;

namespace FlowCompiler.Tests.Actions.Mail;

public sealed class MailComposerTests
{
    private readonly MailComposer composer = new(new MailOptions { FromAddress = "flows@panel.example.com" });

    [Theory]
    [InlineData("not-an-address", "not-an-address")]
    [InlineData("noc@", "noc@")]
    [InlineData("@example.com", "@example.com")]
    [InlineData("noc@example.com, nope", "nope")]
    [InlineData("noc@example.com; ops@example.com", "noc@example.com; ops@example.com")]
    [InlineData("  ", "  ")]
    public void A_bad_recipient_list_is_refused_by_name(string to, string named)
    {
        var error = Assert.Throws<InvalidMailAddressException>(() => MailRecipients.Parse(to));

        Assert.Equal(named, error.Address);
        Assert.Contains($"'{named}' is not a valid e-mail address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noc@example.com\r\nBcc: victim@example.org")]
    [InlineData("noc@example.com\nBcc: victim@example.org")]
    [InlineData("noc@example.com\r")]
    public void A_line_break_in_the_recipient_is_refused(string to)
    {
        var error = Assert.Throws<InvalidMailAddressException>(() => MailRecipients.Parse(to));

        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("noc@example.com, ops@example.com")]
    [InlineData("Ops <ops@example.com>")]
    [InlineData("noc@example.com\r\nBcc: victim@example.org")]
    public void A_recipient_built_with_a_bad_address_is_refused_when_composing(string address)
    {
        var mail = new OutgoingMail(new MailRecipients(new MailRecipient(null, address)), "Hi", "Body");

        Assert.Throws<InvalidMailAddressException>(() => composer.Compose(mail));
    }

    [Fact]
    public void A_line_break_in_the_subject_cannot_add_a_header()
    {
        var message = composer.Compose(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Alert\r\nBcc: victim@example.org\nX-Evil: 1", "Body"));

        Assert.Equal("Alert Bcc: victim@example.org X-Evil: 1", message.Subject);
        Assert.DoesNotContain(message.Headers, h => h.Field is "Bcc" or "X-Evil");
        var reparsed = MimeMessage.Load(new MemoryStream(ToBytes(message)));
        Assert.Empty(reparsed.Bcc);
        Assert.Null(reparsed.Headers["X-Evil"]);
    }

    [Fact]
    public void A_display_name_in_the_From_options_cannot_add_a_header()
    {
        var named = new MailComposer(new MailOptions { FromAddress = "flows@panel.example.com", FromName = "Bot\r\nBcc: victim@example.org" });

        var reparsed = MimeMessage.Load(new MemoryStream(ToBytes(named.Compose(new OutgoingMail(MailRecipients.Parse("noc@example.com"), "Hi", "Body")))));

        Assert.Equal("Bot Bcc: victim@example.org", reparsed.From.Mailboxes.Single().Name);
        Assert.Empty(reparsed.Bcc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("panel")]
    [InlineData("panel@example.com\r\nBcc: x@example.org")]
    public void A_bad_From_address_is_refused_at_startup(string from)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MailComposer(new MailOptions { FromAddress = from }));

        Assert.Contains("FlowCompiler:Mail:FromAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_international_domain_is_accepted()
    {
        var message = composer.Compose(new OutgoingMail(MailRecipients.Parse("admin@bücher.example"), "Hi", "Body"));

        Assert.Equal("admin@bücher.example", message.To.Mailboxes.Single().Address);
    }

    private static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
