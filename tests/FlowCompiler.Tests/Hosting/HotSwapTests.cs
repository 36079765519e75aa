using System.Collections.Concurrent;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Hosting;

public sealed class HotSwapTests
{
    private const int Variants = 4;
    private const int Republishes = 100;
    private const int Threads = 8;

    [Fact]
    public async Task Republishing_under_load_loses_doubles_and_mixes_no_run()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions, new FlowHostOptions { MaxConcurrentRuns = 256, MaxConcurrentRunsPerFlow = 256 });

        // Each version carries the marker of its variant in the mail subject; a run of version N must send N's marker.
        var markerOfVersion = new ConcurrentDictionary<int, string>();
        var first = await engine.Host.PublishAsync(HostFlows.LoginMail("swapped", "variant-0"));
        markerOfVersion[first.Version] = "variant-0";

        using var stop = new CancellationTokenSource();
        var raised = 0L;
        var runs = new ConcurrentBag<CompletedRun>();
        var raisers = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await engine.Host.RaiseAsync("account.login", HostFlows.Login(1000 + t, $"user{t}@example.org"));
                Interlocked.Increment(ref raised);
                foreach (var run in result)
                {
                    runs.Add(run);
                }
            }
        })).ToArray();

        for (var i = 1; i <= Republishes; i++)
        {
            var marker = $"variant-{i % Variants}";
            var published = await engine.Host.PublishAsync(HostFlows.LoginMail("swapped", marker));
            Assert.True(published.Succeeded);
            markerOfVersion[published.Version] = marker;
        }

        await stop.CancelAsync();
        await Task.WhenAll(raisers).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(Republishes + 1, markerOfVersion.Count);
        Assert.Equal(raised, runs.Count);
        Assert.Equal(raised, actions.Mails.Count);
        Assert.All(runs, run => Assert.False(run.Failed, run.Error));
        Assert.All(runs, run =>
            Assert.Equal($"{markerOfVersion[run.Version]} for Ada Lovelace", Assert.IsType<MailRequest>(Assert.Single(run.Result.Effects)).Subject));
        Assert.Equal(raised, runs.Select(r => r.RunId).Distinct().Count());
        Assert.True(runs.Select(r => r.Version).Distinct().Count() > 1, "the raises should have seen more than one version");
    }
}
