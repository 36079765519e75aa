using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Hosting;

public sealed class RaiseTests
{
    [Fact]
    public async Task An_event_no_flow_accepts_allocates_nothing()
    {
        await using var engine = await TestEngine.StartAsync(new ActionSink());
        await engine.Host.PublishAsync(HostFlows.LoginMail("vip-login", "vip", minimumId: 1000));
        await engine.Host.PublishAsync(HostFlows.LoginMail("staff-login", "staff", minimumId: 5000));
        // The compiled flows' filters are what allocate nothing (the interpreter, serving while they compile, reads by reflection).
        await engine.Host.WhenCompiledAsync();
        var login = HostFlows.Login(100);
        var server = new ServerEvent { Id = 1 };
        for (var i = 0; i < 10; i++)
        {
            await engine.Host.RaiseAsync("account.login", login);
            await engine.Host.RaiseAsync("server.created", server);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            var filtered = engine.Host.RaiseAsync("account.login", login);
            var unheard = engine.Host.RaiseAsync("server.created", server);
            Assert.True(filtered.IsCompletedSuccessfully && unheard.IsCompletedSuccessfully);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Empty(await engine.Host.RaiseAsync("account.login", login));
    }

    [Fact]
    public async Task Raising_an_unknown_event_or_a_payload_of_the_wrong_type_says_what_is_expected()
    {
        await using var engine = await TestEngine.StartAsync(new ActionSink());

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => engine.Host.RaiseAsync("account.logout", HostFlows.Login(1)).AsTask());
        var wrongType = await Assert.ThrowsAsync<ArgumentException>(() => engine.Host.RaiseAsync("server.created", HostFlows.Login(1)).AsTask());

        Assert.Contains("account.login", unknown.Message);
        Assert.Contains("ServerEvent", wrongType.Message);
    }

    [Fact]
    public async Task A_failing_flow_fails_alone_and_its_record_keeps_the_event_with_secrets_redacted()
    {
        var actions = new ActionSink { Throwing = { "broken@example.org" } };
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("first-mail", "first"));
        await engine.Host.PublishAsync(HostFlows.LoginMail("second-mail", "second"));

        var failing = await engine.Host.RaiseAsync("account.login", HostFlows.Login(7, "broken@example.org", password: "$2y$10$do-not-store"));
        var passing = await engine.Host.RaiseAsync("account.login", HostFlows.Login(8));
        await engine.Host.FlushRecordsAsync();

        Assert.All(failing, run => Assert.Equal(NodeStatus.Failed, run.Result.Node("mail").Status));
        Assert.All(failing, run => Assert.Equal("SMTP refused broken@example.org", run.Result.Node("mail").Error));
        Assert.All(passing, run => Assert.Equal(RunStatus.Succeeded, run.Result.Status));
        var failedRecords = await engine.Runs.ReadAsync(null, failedOnly: true, limit: 10, CancellationToken.None);
        Assert.Equal(2, failedRecords.Count);
        foreach (var record in failedRecords)
        {
            Assert.Contains("\"email\":\"broken@example.org\"", record.EventPayload);
            Assert.Contains("\"password\":\"[redacted]\"", record.EventPayload);
            Assert.Contains("\"confirmationToken\":\"[redacted]\"", record.EventPayload);
            Assert.DoesNotContain("do-not-store", record.EventPayload);
            Assert.DoesNotContain("c0nf1rm-secret", record.EventPayload);
        }
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_leaves_its_runs_to_finish_and_be_recorded()
    {
        var actions = new ActionSink { Hanging = { "ada@example.org" } };
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("patient", "patient"));
        using var client = new CancellationTokenSource();

        // The request's token fires (its client went away) while the mail is being sent.
        var raised = engine.Host.RaiseAsync("account.login", HostFlows.Login(1), client.Token).AsTask();
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => raised);

        // The mail goes out after all, and the run is recorded as it ended: succeeded, not cut short.
        actions.Release.SetResult();
        var recorded = await EventuallyRecordedAsync(engine, "patient");
        Assert.Equal(Runtime.Execution.RunStatus.Succeeded, recorded.Status);
    }

    [Fact]
    public async Task A_caller_that_cancels_its_runs_gets_them_recorded_as_cancelled()
    {
        var actions = new ActionSink { Hanging = { "ada@example.org" } };
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("cancelled", "cancelled"));
        using var client = new CancellationTokenSource();

        var raised = engine.Host.RaiseAsync("account.login", HostFlows.Login(1), RunCancellation.CancelRuns, client.Token).AsTask();
        await client.CancelAsync();
        var run = Assert.Single(await raised);

        Assert.Equal((true, "The run was cancelled by the caller."), (run.Failed, run.Error));
        actions.Release.SetResult();
    }

    private static async Task<Runtime.Persistence.Records.RunRecord> EventuallyRecordedAsync(TestEngine engine, string flowId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await engine.Host.FlushRecordsAsync(limit.Token);
            if ((await engine.Host.ReadRunsAsync(flowId, ct: limit.Token)) is [var run, ..])
            {
                return run;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    [Fact]
    public async Task A_hanging_flow_times_out_without_holding_up_the_caller_or_other_flows()
    {
        var actions = new ActionSink { Hanging = { "slow@example.org" } };
        // Long enough for the flows that do not hang to finish on a loaded CI machine.
        var options = new FlowHostOptions { RunTimeout = TimeSpan.FromSeconds(1.5) };
        await using var engine = await TestEngine.StartAsync(actions, options);
        await engine.Host.PublishAsync(HostFlows.LoginMail("hangs", "hang"));
        await engine.Host.PublishAsync(HostFlows.LoginMail("other-event", "other", minimumId: 0));

        var runs = await engine.Host.RaiseAsync("account.login", HostFlows.Login(100, "slow@example.org"))
            .AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var afterwards = await engine.Host.RaiseAsync("account.login", HostFlows.Login(101));
        actions.Release.SetResult();

        Assert.All(runs, run =>
        {
            Assert.True(run.Failed);
            Assert.Contains("timed out after 1.5 s", run.Error);
            Assert.Equal(NodeStatus.Failed, run.Result.Node("mail").Status);
            Assert.Equal(NodeStatus.Succeeded, run.Result.Node("known").Status);
        });
        Assert.Equal(2, afterwards.Count);
        Assert.All(afterwards, run => Assert.False(run.Failed));
    }

    [Fact]
    public async Task A_queued_raise_returns_once_its_run_is_stored_and_the_host_runs_it_in_the_background()
    {
        var actions = new ActionSink { Hanging = { "slow@example.org" } };
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "queued"));

        Assert.Equal(1, await engine.Host.EnqueueAsync("account.login", HostFlows.Login(100, "slow@example.org")));
        await using (var reader = engine.Database.Create())
        {
            // Stored before the call returned, whatever the worker does with it meanwhile.
            Assert.Equal("login-mail", (await reader.QueuedRuns.SingleAsync()).FlowId);
        }

        Assert.Equal(1, await engine.Host.EnqueueAsync("account.login", HostFlows.Login(101)));
        // The second run goes by the first, which hangs in its mail.
        await WaitUntil(() => actions.Mails.Count == 1);
        actions.Release.SetResult();
        await WaitUntilAsync(async () => (await engine.Host.CountQueuedRunsAsync()).Pending == 0);

        var runs = await engine.Runs.ReadAsync(null, false, 10, CancellationToken.None);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run => Assert.Equal(RunStatus.Succeeded, run.Status));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
