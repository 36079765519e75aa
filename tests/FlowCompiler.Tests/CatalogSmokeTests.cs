using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests;

public class CatalogSmokeTests
{
    [Fact]
    public void Every_event_name_is_unique() =>
        Assert.Equal(FlowEvents.All.Count, FlowEvents.All.Select(e => e.Name).Distinct().Count());
}
