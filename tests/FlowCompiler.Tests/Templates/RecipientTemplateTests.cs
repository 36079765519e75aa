using CsCheck;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Execution;
using MimeKit;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Templates;

/// <summary>
/// A <c>to</c> template is split at compile time into mailboxes whose display names and addresses are separate
/// templates (spec §4); at run time a name is only a name and an address must be exactly one address.
/// </summary>
public sealed class RecipientTemplateTests
{
    private static readonly MailComposer Composer = new(new MailOptions { FromAddress = "flows@panel.example.com" });

    [Fact]
    public void A_quoted_name_and_a_bracketed_address_are_bound_as_two_templates()
    {
        var to = Bind("\"{{name}}\" <{{email}}>, ops@example.org");

        Assert.Equal(2, to.Mailboxes.Length);
        var (name, address) = (to.Mailboxes[0].Name!, to.Mailboxes[0].Address);
        Assert.Equal(("name", HoleEscape.Header), Hole(name));
        Assert.Equal(("email", HoleEscape.None), Hole(address));
        Assert.True(to.Mailboxes[1].IsLiteral);
        Assert.Null(to.Mailboxes[1].Name);
        Assert.Equal("ops@example.org", Assert.IsType<LiteralSegment>(Assert.Single(to.Mailboxes[1].Address.Segments)).Text);
    }

    [Theory]
    [InlineData("{{email}}", null, "{{email}}")]
    [InlineData("  {{email}} ", null, "{{email}}")]
    [InlineData("{{name}}@example.org", null, "{{name}}@example.org")]
    [InlineData("Support {{name}} <{{email}}>", "Support {{name}}", "{{email}}")]
    [InlineData("\"Team \\\"{{name}}\\\", {{id}}\" <{{email}}> (note)", "Team \"{{name}}\", {{id}}", "{{email}}")]
    [InlineData("{{name}} (a, b) <x@example.org>", "{{name}}", "x@example.org")]
    public void Each_hole_lands_in_the_name_or_in_the_address(string template, string? name, string address)
    {
        var mailbox = Assert.Single(Bind(template).Mailboxes);

        Assert.Equal(name, mailbox.Name?.Source);
        Assert.Equal(address, mailbox.Address.Source);
    }

    [Theory]
    [InlineData("{{email}} (by {{name}})", "inside a comment")]
    [InlineData("<{{email}}> {{name}}", "after the '>'")]
    [InlineData("\"{{name}} <{{email}}>", "never closed")]
    [InlineData("{{name}} <{{email}}", "never closed with '>'")]
    [InlineData("team: {{email}};", "address group")]
    [InlineData("<a@example.org> <{{email}}>", "second '<'")]
    [InlineData("not-an-address, {{email}}", "'not-an-address' is not a valid e-mail address")]
    [InlineData("\"{{name}}\" <ops@example>>", "'>' has no '<'")]
    [InlineData("\"{{name}}\" <not an address>", "'not an address' is not a valid e-mail address")]
    [InlineData("ops@example.org; noc@example.org", "is not a valid e-mail address")]
    public void A_recipient_list_that_is_not_mailboxes_is_an_error_at_the_node(string template, string expected)
    {
        var result = Validate(Mail(template));

        var error = Assert.Single(result.Diagnostics, d => d.Code == "FLOW0038");
        Assert.Equal("m", error.NodeId);
        Assert.Equal("$.nodes[1].parameters.to", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensitive_field_in_a_name_or_an_address_is_a_warning()
    {
        var result = Validate(Mail("\"{{password}}\" <{{email}}>"));

        Assert.Contains(result.Diagnostics, d => d.Code == "FLOW0021" && d.Path == "$.nodes[1].parameters.to");
    }

    // Whatever a field holds, the mailbox it is part of is one mailbox on the wire.
    [Fact]
    public void Any_display_name_value_yields_exactly_one_recipient() =>
        Gen.OneOf(Gen.String, Gen.String["\",<>@;:()\\\r\n =?a"]).Sample(name =>
        {
            var message = Reparse(Composer.Compose(new OutgoingMail(new MailRecipients(MailRecipient.Parse(name, "victim@example.org")), "s", "b")));
            return message.To.Count == 1 && message.To.Mailboxes.Single().Address == "victim@example.org";
        }, iter: 2000);

    [Fact]
    public void Any_address_value_is_exactly_one_recipient_or_refused() =>
        Gen.OneOf(Gen.String, Gen.String["\",<>@;:()\\\r\n ab.="]).Sample(address =>
        {
            MailRecipient recipient;
            try
            {
                recipient = MailRecipient.Parse(null, address);
            }
            catch (InvalidMailAddressException)
            {
                return true;
            }

            var message = Reparse(Composer.Compose(new OutgoingMail(new MailRecipients(recipient), "s", "b")));
            return message.To.Count == 1 && message.To.Mailboxes.Single().Address == recipient.Address;
        }, iter: 2000);

    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static (string Path, HoleEscape Escape) Hole(BoundTemplate template)
    {
        var field = Assert.IsType<FieldSegment>(Assert.Single(template.Segments));
        return (field.Path.Text, field.Escape);
    }

    private static BoundRecipients Bind(string template)
    {
        var result = Validate(Mail(template));
        Assert.True(result.Flow is not null, string.Join("\n", result.Diagnostics));
        return ((BoundSendMail)result.Flow!.Nodes.Single(n => n.Id == "m")).To;
    }

    private static string Mail(string to) =>
        Chain("account.registration", ("m", "sendMail", $$"""{ "to": {{System.Text.Json.JsonSerializer.Serialize(to)}}, "subject": "Hi", "content": "Hello" }"""));
}
