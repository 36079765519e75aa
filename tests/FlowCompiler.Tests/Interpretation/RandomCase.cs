using CsCheck;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>The input of the random-flow property tests: a flow built from choices, the events it runs on, and which nodes fail.</summary>
/// <param name="Choices">The choices <see cref="RandomFlowBuilder"/> builds the flow from.</param>
/// <param name="Payloads">Four events of each kind, hostile strings included; a flow runs on those of its trigger.</param>
/// <param name="Failures">Per node (by index, cycled), 0 when its service throws.</param>
internal sealed record RandomCase(int[] Choices, object[] Payloads, int[] Failures)
{
    public static Gen<RandomCase> All { get; } =
        from choices in Gen.Int[0, 1 << 20].Array[0, 160]
        from servers in RandomEvents.Server.Array[4]
        from users in RandomEvents.User.Array[4]
        from balances in RandomEvents.Balance.Array[4]
        from failures in Gen.Int[0, 9].Array[12]
        select new RandomCase(choices, [.. servers, .. users, .. balances], failures);

    /// <summary>The flow as canonical JSON, as CsCheck prints a failing case.</summary>
    public string Json => FlowDocumentWriter.Write(RandomFlowBuilder.Build(Choices));
}
