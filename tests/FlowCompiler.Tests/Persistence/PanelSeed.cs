using FlowCompiler.Runtime.Persistence;

namespace FlowCompiler.Tests.Persistence;

/// <summary>Writes rows straight through the context, as the panel itself would have.</summary>
public static class PanelSeed
{
    public static readonly DateTime Created = new(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc);

    public static async Task AddAsync(this TestPanelDatabase database, params object[] rows)
    {
        await using var context = database.Factory.Create();
        context.AddRange(rows);
        await context.SaveChangesAsync();
    }
}
