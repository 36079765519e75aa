using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>Registers flow mail in a service collection.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MailOptions"/> and a singleton <see cref="IMailSender"/> chosen by
    /// <see cref="MailSenderFactory"/>: SMTP when a host is configured, the outbox otherwise.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; bind them from configuration here or with <c>services.Configure</c>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddFlowMail(this IServiceCollection services, Action<MailOptions>? configure = null)
    {
        var options = services.AddOptions<MailOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton(provider => MailSenderFactory.Create(provider.GetRequiredService<IOptions<MailOptions>>().Value));
        return services;
    }
}
