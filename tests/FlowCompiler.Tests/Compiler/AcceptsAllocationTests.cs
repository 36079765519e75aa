using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests.Compiler;

/// <summary>
/// A host asks <c>Accepts</c> before every run; for an event the flow's first filters reject, the compiled
/// answer must allocate nothing (measured as bytes allocated on this thread, not as time).
/// </summary>
public sealed class AcceptsAllocationTests
{
    public static TheoryData<string, object> Rejected() => new()
    {
        // A filter through an array: the first-match loop must not allocate an enumerator.
        { "addon-charge-mail", new ServerEvent { Charges = new List<ServerCharge> { new() { Amount = 7.5m }, new() { Amount = 10m } } } },
        { "ipam-assign-ipv4", new ServerEvent { Ip = "192.0.2.7", Ip6 = "2001:db8::7" } },
        { "ha-group-for-node", new ServerEvent { Node = "pve-ams-2" } },
        { "congratulate-100th-user", new UserEvent { Id = 7 } },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Accepts_allocates_nothing_for_a_filtered_out_event(string sample, object payload)
    {
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText(sample));
        Assert.False(flow.Accepts(payload));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            flow.Accepts(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
