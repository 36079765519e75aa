using FlowCompiler.Runtime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Configuration;

/// <summary>Builds the flow runtime's services from settings given as configuration keys, as a host would.</summary>
internal static class RuntimeConfiguration
{
    public static IConfiguration From(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFlowRuntime(configuration);
        return services.BuildServiceProvider();
    }

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings) => Build(From(settings));

    /// <summary>What a generic host does when it starts: every options class is created, bound and validated.</summary>
    public static void ValidateAtStart(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>The start-up error for <paramref name="settings"/>, all failure messages joined.</summary>
    public static string StartupError(IReadOnlyDictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        var error = Assert.ThrowsAny<Exception>(() => ValidateAtStart(provider));
        return error is AggregateException many ? string.Join("\n", many.InnerExceptions.Select(e => e.Message)) : error.Message;
    }
}
