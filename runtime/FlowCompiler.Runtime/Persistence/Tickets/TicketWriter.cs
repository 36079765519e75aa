using System.Globalization;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Tickets;

/// <summary>The <c>createTicket</c> action against the panel database: the ticket and its first message in one transaction.</summary>
public sealed class TicketWriter(PanelDbContextFactory database, TimeProvider? clock = null)
{
    private static readonly string[] Priorities = ["low", "medium", "high", "urgent"];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// The checks <see cref="CreateTicketAsync"/> makes on the request's own values before it writes: a known
    /// priority and a title. A dry run calls it, so it fails where the real run would; whether the creator is a
    /// panel user is the database's to say, and is not checked here.
    /// </summary>
    /// <exception cref="ArgumentException">The priority is not low, medium, high or urgent, or the title is empty.</exception>
    public static void Check(TicketRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Priorities.Contains(request.Priority))
        {
            throw new ArgumentException($"Ticket priority \"{request.Priority}\" is not one of low, medium, high, urgent.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            throw new ArgumentException("A ticket needs a title: the title rendered empty.", nameof(request));
        }
    }

    /// <summary>
    /// Opens the ticket with <paramref name="request"/>'s content as its first message, both written or
    /// neither; returns the ticket id. The creator (a panel user) writes the first message.
    /// </summary>
    /// <exception cref="ArgumentException">The priority is not low, medium, high or urgent, or the title is empty.</exception>
    /// <exception cref="InvalidOperationException">No panel user has the creator's id.</exception>
    /// <remarks>
    /// In a durable run (<see cref="ActionRequest.IdempotencyKey"/> set) the ticket, its message and the run ledger's
    /// entry are one transaction: a resumed or replayed run gets the ticket it opened, never a second one.
    /// </remarks>
    /// <exception cref="PanelDatabaseException">The database is locked or unreachable.</exception>
    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct)
    {
        Check(request);
        return database.UseAsync(async db =>
        {
            if (request.IdempotencyKey is { } key && await RunLedger.FindAsync(db, key, ct).ConfigureAwait(false) is { Output: { } opened })
            {
                return int.Parse(opened, CultureInfo.InvariantCulture);
            }

            if (!await db.Users.AnyAsync(u => u.Id == request.CreatorId, ct).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"No panel user has id {request.CreatorId}: creatorId must name the user who opens the ticket.");
            }

            var now = _clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var ticket = new TicketRow { Title = request.Title, Priority = request.Priority, CreatorId = request.CreatorId, CreatedAt = now };
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.TicketMessages.Add(new TicketMessageRow { TicketId = ticket.Id, AuthorId = request.CreatorId, Content = request.Content, CreatedAt = now });
            if (request.IdempotencyKey is { } ledgerKey)
            {
                RunLedger.Add(db, ledgerKey, ticket.Id.ToString(CultureInfo.InvariantCulture), _clock);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return ticket.Id;
        }, ct);
    }
}
