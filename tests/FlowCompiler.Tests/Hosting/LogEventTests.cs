using System.Reflection;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Configuration;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Tests.Hosting;

/// <summary>Every log message of the engine has its own stable event id, in the range of its component.</summary>
public sealed class LogEventTests
{
    [Fact]
    public void Every_log_message_has_a_unique_event_id_in_the_engine_ranges()
    {
        var messages = new[] { typeof(FlowHost).Assembly, typeof(FlowLogCategories).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m.DeclaringType!.Name + "." + m.Name, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.True(m.Attribute!.EventId is >= 1000 and < 1700, $"{m.Method} has event id {m.Attribute.EventId}"));
        Assert.Equal(messages.Count, messages.Select(m => m.Attribute!.EventId).Distinct().Count());
    }
}
