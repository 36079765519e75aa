using FlowCompiler.Runtime.Actions.Mail;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// Checks <see cref="MailOptions"/> at start-up by building the sender they describe, which checks every setting
/// it needs; its messages name settings by their configuration keys (<c>FlowCompiler:Mail:SmtpPort</c>).
/// </summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        try
        {
            _ = MailSenderFactory.Create(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
