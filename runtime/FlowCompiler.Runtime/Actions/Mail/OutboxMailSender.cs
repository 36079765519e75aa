using MimeKit;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Writes each message as one <c>.eml</c> file into an outbox folder instead of sending it: the default
/// while no SMTP server is configured, so flows can be tried out and their mail read in any mail client.
/// </summary>
public sealed class OutboxMailSender : IMailSender
{
    // .eml files are RFC 5322 messages, whose lines end in CRLF whatever the platform.
    private static readonly FormatOptions EmlFormat = CreateEmlFormat();

    private readonly MailComposer composer;

    /// <summary>Checks the settings and creates the sender; the folder is created on the first message.</summary>
    /// <param name="options">The outbox folder and the sender address.</param>
    /// <exception cref="InvalidOperationException">A setting is missing; the message names it.</exception>
    public OutboxMailSender(MailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OutboxDirectory))
        {
            throw new InvalidOperationException("FlowCompiler:Mail:OutboxDirectory is empty: set the folder outgoing mail is written to.");
        }

        OutboxDirectory = Path.GetFullPath(options.OutboxDirectory);
        composer = new MailComposer(options);
    }

    /// <summary>The absolute path of the outbox folder.</summary>
    public string OutboxDirectory { get; }

    /// <inheritdoc/>
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct) => await WriteAsync(mail, ct);

    /// <summary>Writes the message and returns the path of its file.</summary>
    /// <param name="mail">The rendered message.</param>
    /// <param name="ct">Cancels the write; no partial <c>.eml</c> file is left behind.</param>
    /// <exception cref="InvalidMailAddressException">The recipient is not a valid address.</exception>
    /// <exception cref="MailDeliveryException">The file could not be written.</exception>
    public async Task<string> WriteAsync(OutgoingMail mail, CancellationToken ct)
    {
        var message = composer.Compose(mail);

        // Sortable by time, unique by the GUID; a reader of the folder only ever sees complete
        // .eml files because each is written under a temporary name and then renamed.
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'.'fffffff'Z'}-{Guid.NewGuid():N}";
        var path = Path.Combine(OutboxDirectory, name + ".eml");
        var temporaryPath = Path.Combine(OutboxDirectory, "." + name + ".tmp");
        try
        {
            Directory.CreateDirectory(OutboxDirectory);
            await using (var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await message.WriteToAsync(EmlFormat, file, ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, path, overwrite: false);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException(
                $"Could not write the message to the outbox folder '{OutboxDirectory}': {e.Message}. Check that the folder is writable and the disk is not full.",
                e);
        }
        finally
        {
            // Only left over when writing or renaming failed.
            if (File.Exists(temporaryPath))
            {
                File.Delete(temporaryPath);
            }
        }
    }

    private static FormatOptions CreateEmlFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
