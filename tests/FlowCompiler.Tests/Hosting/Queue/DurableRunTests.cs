using System.Text;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Records;
using FlowCompiler.Tests.Actions.Http;
using FlowCompiler.Tests.Panel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Hosting.Queue;

/// <summary>
/// Durable runs through the host with the panel's real services: a ticket in the panel database and a webhook over
/// real HTTP on 127.0.0.1. Retries resume from the run ledger (the ticket is opened once), every attempt sends the same
/// idempotency key, permanent failures die and are replayed or re-run, and a slow flow never holds up another.
/// </summary>
public sealed class DurableRunTests
{
    private static readonly FlowHostOptions FastRetries = new()
    {
        RetryAttempts = 3,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        QueuePollInterval = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task A_transient_failure_is_retried_from_the_ledger_with_the_same_key_and_the_ticket_is_opened_once()
    {
        await using var receiver = await HttpTestServer.StartAsync((context, attempt) => Answer(context, attempt == 1 ? 503 : 200));
        await using var panel = await StartPanelAsync();
        await using var engine = await TestEngine.StartAsync(panel.Services, FastRetries, migrated: panel.Database);
        await PublishAsync(engine, TicketThenWebhook(receiver.BaseUrl));

        Assert.Equal(1, await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(100)));
        var run = await FinishedRunAsync(engine);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, await panel.QueryAsync(db => db.Tickets.CountAsync()));
        var keys = receiver.Requests.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal([IdempotencyKeys.For(run.Id, "notify"), IdempotencyKeys.For(run.Id, "notify")], keys);
        Assert.Equal($"ticket {await panel.QueryAsync(db => db.Tickets.Select(t => t.Id).SingleAsync())}", Encoding.UTF8.GetString(receiver.Requests[1].Body));
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_at_once_and_a_replay_finishes_it_without_redoing_its_ticket()
    {
        var status = 404;
        await using var receiver = await HttpTestServer.StartAsync((context, _) => Answer(context, status));
        await using var panel = await StartPanelAsync();
        await using var engine = await TestEngine.StartAsync(panel.Services, FastRetries, migrated: panel.Database);
        await PublishAsync(engine, TicketThenWebhook(receiver.BaseUrl));

        await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(100));
        var dead = await DeadRunAsync(engine);
        Assert.Single(receiver.Requests);
        Assert.Contains("404", dead.LastError);
        Assert.Equal(RunStatus.Failed, (await engine.Runs.FindAsync(dead.Id, CancellationToken.None))!.Status);

        status = 200;
        Assert.True(await engine.Host.ReplayAsync(dead.Id));
        var replayed = await FinishedRunAsync(engine);

        Assert.Equal((dead.Id, RunStatus.Succeeded), (replayed.Id, replayed.Status));
        Assert.Equal(1, await panel.QueryAsync(db => db.Tickets.CountAsync()));
        Assert.All(receiver.Requests, r => Assert.Equal(IdempotencyKeys.For(dead.Id, "notify"), r.Headers["Idempotency-Key"]));
        Assert.False(await engine.Host.ReplayAsync(dead.Id));
    }

    [Fact]
    public async Task A_rerun_is_a_fresh_run_with_new_keys_that_does_every_effect_again()
    {
        var status = 404;
        await using var receiver = await HttpTestServer.StartAsync((context, _) => Answer(context, status));
        await using var panel = await StartPanelAsync();
        await using var engine = await TestEngine.StartAsync(panel.Services, FastRetries, migrated: panel.Database);
        await PublishAsync(engine, TicketThenWebhook(receiver.BaseUrl));
        await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(100));
        var dead = await DeadRunAsync(engine);

        status = 200;
        var fresh = await engine.Host.RerunAsync(dead.Id);
        var rerun = await FinishedRunAsync(engine);

        Assert.Equal(fresh, rerun.Id);
        Assert.NotEqual(dead.Id, rerun.Id);
        Assert.Equal(2, await panel.QueryAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(IdempotencyKeys.For(rerun.Id, "notify"), receiver.Requests[^1].Headers["Idempotency-Key"]);
        Assert.Empty(await engine.Host.ReadDeadRunsAsync());
    }

    [Fact]
    public async Task A_nodes_own_retry_decides_its_attempts_over_the_hosts_setting()
    {
        await using var receiver = await HttpTestServer.StartAsync((context, _) => Answer(context, 503));
        await using var panel = await StartPanelAsync();
        var options = new FlowHostOptions { RetryAttempts = 5, RetryDelay = TimeSpan.FromMilliseconds(50), RetryMaxDelay = TimeSpan.FromMilliseconds(200), QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        await using var engine = await TestEngine.StartAsync(panel.Services, options, migrated: panel.Database);
        await PublishAsync(engine, Webhook(receiver.BaseUrl, """{ "attempts": 2, "initialDelayMs": 10, "maxDelayMs": 10 }"""));

        await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(100));
        var dead = await DeadRunAsync(engine);

        // Two attempts, as the node says, not the host's five; the run is dead with the last 503.
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(2, dead.Attempts);
        Assert.Contains("503", dead.LastError);
    }

    [Fact]
    public async Task An_event_queued_in_the_panels_transaction_runs_only_if_that_transaction_commits()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, FastRetries);
        await PublishAsync(engine, HostFlows.LoginMail("login-mail", "outbox"));

        await using (var panelChange = engine.Database.Create())
        {
            await using var transaction = await panelChange.Database.BeginTransactionAsync();
            Assert.Equal(1, await engine.Host.EnqueueAsync(panelChange, FlowEvents.AccountLogin, HostFlows.Login(1, "rolled-back@example.org")));
            await transaction.RollbackAsync();
        }

        await using (var panelChange = engine.Database.Create())
        {
            await using var transaction = await panelChange.Database.BeginTransactionAsync();
            await engine.Host.EnqueueAsync(panelChange, FlowEvents.AccountLogin, HostFlows.Login(2, "committed@example.org"));
            await transaction.CommitAsync();
        }

        await FinishedRunAsync(engine);
        Assert.Equal(["committed@example.org"], actions.Mails.Select(m => m.To.ToString()));
    }

    [Fact]
    public async Task A_flow_at_its_limit_is_left_in_the_queue_while_other_flows_runs_go_by()
    {
        var actions = new ActionSink { Hanging = { "slow@example.org" } };
        var options = new FlowHostOptions { MaxConcurrentRuns = 4, MaxConcurrentRunsPerFlow = 2, QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        await using var engine = await TestEngine.StartAsync(actions, options);
        // Ten runs of the slow flow first (their mails hang), then, once the fast flow is published, twenty of it only.
        await PublishAsync(engine, HostFlows.LoginMail("slow", "slow", minimumId: 999));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1, await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(1000 + i, "slow@example.org")));
        }

        await PublishAsync(engine, HostFlows.LoginMail("fast", "fast"));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(1 + i, "fast@example.org")));
        }

        // All of the fast flow's mails go out while the slow flow's first two hang and its other eight wait their turn.
        await Eventually(() => Task.FromResult(actions.Mails.Count == 20));
        await Eventually(async () => (await engine.Host.CountQueuedRunsAsync()).Pending == 10);
        Assert.Equal(2, await engine.Database.UseAsync(db => db.QueuedRuns.CountAsync(r => r.State == QueuedRunState.Running), CancellationToken.None));
        actions.Release.SetResult();
        await Eventually(async () => (await engine.Host.CountQueuedRunsAsync()).Pending == 0);
    }

    [Fact]
    public async Task Stopping_hands_the_run_in_progress_back_and_the_next_start_runs_every_queued_one()
    {
        var hanging = new ActionSink { Hanging = { "ada@example.org" } };
        var options = new FlowHostOptions { MaxConcurrentRunsPerFlow = 1, QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        var first = await TestEngine.StartAsync(hanging, options);
        await PublishAsync(first, HostFlows.LoginMail("login-mail", "restart"));
        for (var i = 1; i <= 6; i++)
        {
            await first.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(i));
        }

        await Eventually(async () => await first.Database.UseAsync(db => db.QueuedRuns.AnyAsync(r => r.State == QueuedRunState.Running), CancellationToken.None));
        var handedBack = await first.Host.StopAsync(new CancellationToken(canceled: true));

        Assert.Equal(1, handedBack);
        Assert.Equal(6, (await first.Host.CountQueuedRunsAsync()).Pending);
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(7)).AsTask());

        // The next start (the first process's hung mail still hangs: it died with its process) runs all six.
        var actions = new ActionSink();
        var second = await TestEngine.StartAsync(actions, options, migrated: first.Database);
        await Eventually(async () => (await second.Host.CountQueuedRunsAsync()).Pending == 0);
        Assert.Equal(6, actions.Mails.Count);

        // The second engine goes first: disposing the first deletes the folder of the database both use. The first
        // process's mail is never released: finishing, its run would write its ledger entry into that folder.
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_a_host_whose_run_ignores_cancellation_hands_the_run_back_instead_of_waiting_for_it()
    {
        var hanging = new ActionSink { Hanging = { "ada@example.org" } };
        var options = new FlowHostOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(200), QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        // Never released: the mail stays pending after the host is gone, as a stuck SMTP call would.
        var engine = await TestEngine.StartAsync(hanging, options);
        await PublishAsync(engine, HostFlows.LoginMail("login-mail", "dispose"));
        await engine.Host.EnqueueAsync(FlowEvents.AccountLogin, HostFlows.Login(1));
        await Eventually(async () => await engine.Database.UseAsync(db => db.QueuedRuns.AnyAsync(r => r.State == QueuedRunState.Running), CancellationToken.None));

        // The mail never returns; disposing still ends, and the run is queued again for the next start.
        await engine.Host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var left = await engine.Database.UseAsync(db => db.QueuedRuns.SingleAsync(), CancellationToken.None);
        Assert.Equal((QueuedRunState.Queued, null), (left.State, left.LeaseOwner));
        await engine.DisposeAsync();
    }

    private static async Task<LivePanel> StartPanelAsync()
    {
        var panel = await LivePanel.StartAsync(new Dictionary<string, string?> { ["Http:MaxRetryAttempts"] = "0" });
        await panel.SeedAsync(PanelRows.Admin());
        return panel;
    }

    private static async Task PublishAsync(TestEngine engine, byte[] flow)
    {
        var published = await engine.Host.PublishAsync(flow);
        Assert.True(published.Succeeded, string.Join("; ", published.Diagnostics));
    }

    private static async Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status == 200 ? "ok" : "no");
    }

    // Waits until the queue is empty, then returns the newest recorded run.
    private static async Task<RunRecord> FinishedRunAsync(TestEngine engine)
    {
        await Eventually(async () => (await engine.Host.CountQueuedRunsAsync()).Pending == 0);
        return (await engine.Runs.ReadAsync(null, false, 1, CancellationToken.None))[0];
    }

    private static async Task<QueuedRunRecord> DeadRunAsync(TestEngine engine)
    {
        await Eventually(async () => (await engine.Host.CountQueuedRunsAsync()).Dead == 1);
        return Assert.Single(await engine.Host.ReadDeadRunsAsync());
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition().WaitAsync(limit.Token))
        {
            await Task.Delay(20, limit.Token);
        }
    }

    // account.login → a webhook with its own retry settings.
    private static byte[] Webhook(string url, string retry) => Encoding.UTF8.GetBytes($$"""
        {
          "format": "flowc/1",
          "id": "login-webhook",
          "name": "Webhook on login",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "account.login" } },
            { "id": "notify", "type": "webhook", "parameters": { "url": "{{url}}/hook", "method": "POST", "contentType": "text/plain", "content": "hi" }, "retry": {{retry}} }
          ],
          "edges": [ { "from": "trigger", "to": "notify" } ]
        }
        """);

    // account.login → a ticket opened by the admin → a webhook that names the ticket.
    private static byte[] TicketThenWebhook(string url) => Encoding.UTF8.GetBytes($$"""
        {
          "format": "flowc/1",
          "id": "login-ticket",
          "name": "Ticket and webhook on login",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "account.login" } },
            { "id": "open", "type": "createTicket", "parameters": { "title": "Login of {{"{{"}}name{{"}}"}}", "priority": "low", "creatorId": 1, "content": "logged in", "as": "ticket" } },
            { "id": "notify", "type": "webhook", "parameters": { "url": "{{url}}/hook", "method": "POST", "contentType": "text/plain", "content": "ticket {{"{{"}}ticket.id{{"}}"}}" } }
          ],
          "edges": [
            { "from": "trigger", "to": "open" },
            { "from": "open", "to": "notify" }
          ]
        }
        """);
}
