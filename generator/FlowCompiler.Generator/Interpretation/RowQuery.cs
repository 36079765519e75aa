using System.Reflection;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// The typed <see cref="IFlowServices"/> call of one <c>dbJoin</c> node (<c>FindRowAsync&lt;UserRow&gt;</c> or
/// <c>FindRowsAsync&lt;UserRow&gt;</c>), bound once to the row's runtime class so a run calls it without reflection.
/// </summary>
internal sealed class RowQuery
{
    private readonly Func<IFlowServices, DbLookup, CancellationToken, Task<object?>> _query;

    public RowQuery(BoundDbJoin join)
    {
        var rowType = join.Row.ClrType!;
        var method = typeof(RowQuery).GetMethod(join.IsSingle ? nameof(FindRowAsync) : nameof(FindRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        _query = method.MakeGenericMethod(rowType).CreateDelegate<Func<IFlowServices, DbLookup, CancellationToken, Task<object?>>>();
        NoRows = join.IsSingle ? null : Array.CreateInstance(rowType, 0);
    }

    /// <summary>The output when the input field is null and nothing is queried: null, or an empty list of rows.</summary>
    public object? NoRows { get; }

    public Task<object?> RunAsync(IFlowServices services, DbLookup lookup, CancellationToken ct) => _query(services, lookup, ct);

    private static async Task<object?> FindRowAsync<TRow>(IFlowServices services, DbLookup lookup, CancellationToken ct)
        where TRow : class => await services.FindRowAsync<TRow>(lookup, ct);

    private static async Task<object?> FindRowsAsync<TRow>(IFlowServices services, DbLookup lookup, CancellationToken ct)
        where TRow : class => await services.FindRowsAsync<TRow>(lookup, ct);
}
