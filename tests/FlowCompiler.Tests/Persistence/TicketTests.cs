using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Persistence;

public sealed class TicketTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static UserRow Creator() => new() { Id = 7, Username = "alice", Email = "alice@example.com", Register = PanelSeed.Created, Permission = 1 };

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_ticket_is_opened_with_its_first_message(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(Creator());
        var writer = new TicketWriter(database.Factory, new FixedClock(Now));

        var id = await writer.CreateTicketAsync(new TicketRequest("ticket", "Disk almost full", "high", 7, "Server web-1: 95 % used"), CancellationToken.None);

        await using var context = database.Factory.Create();
        var ticket = await context.Tickets.SingleAsync();
        var message = await context.TicketMessages.SingleAsync();
        Assert.Equal((id, "Disk almost full", "high", 7, Now), (ticket.Id, ticket.Title, ticket.Priority, ticket.CreatorId, ticket.CreatedAt));
        Assert.Equal((id, 7, "Server web-1: 95 % used", Now), (message.TicketId, message.AuthorId, message.Content, message.CreatedAt));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_failing_first_message_leaves_no_ticket_behind(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(Creator());
        await using (var context = database.Factory.Create())
        {
            // The database itself refuses the second insert, after the ticket row was written.
            foreach (var statement in RefuseMessagesTrigger(provider))
            {
                await context.Database.ExecuteSqlRawAsync(statement);
            }
        }

        var writer = new TicketWriter(database.Factory);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() =>
            writer.CreateTicketAsync(new TicketRequest("ticket", "Disk almost full", "high", 7, "text"), CancellationToken.None));

        Assert.Contains("messages refused", error.InnerException!.Message);
        await using var check = database.Factory.Create();
        Assert.Equal(0, await check.Tickets.CountAsync());
        Assert.Equal(0, await check.TicketMessages.CountAsync());
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_is_written()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        await database.AddAsync(Creator());
        var writer = new TicketWriter(database.Factory);

        var unknownUser = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            writer.CreateTicketAsync(new TicketRequest("ticket", "Title", "low", 99, "text"), CancellationToken.None));
        var badPriority = await Assert.ThrowsAsync<ArgumentException>(() =>
            writer.CreateTicketAsync(new TicketRequest("ticket", "Title", "asap", 7, "text"), CancellationToken.None));

        Assert.Equal("No panel user has id 99: creatorId must name the user who opens the ticket.", unknownUser.Message);
        Assert.StartsWith("Ticket priority \"asap\" is not one of low, medium, high, urgent.", badPriority.Message);
        await using var context = database.Factory.Create();
        Assert.Equal(0, await context.Tickets.CountAsync());
    }

    private static string[] RefuseMessagesTrigger(PanelDatabaseProvider provider) => provider == PanelDatabaseProvider.Sqlite
        ? ["CREATE TRIGGER refuse_messages BEFORE INSERT ON ticketMessages BEGIN SELECT RAISE(ABORT, 'messages refused'); END;"]
        :
        [
            "CREATE FUNCTION refuse_messages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'messages refused'; END $$;",
            "CREATE TRIGGER refuse_messages BEFORE INSERT ON \"ticketMessages\" FOR EACH ROW EXECUTE FUNCTION refuse_messages();",
        ];

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
