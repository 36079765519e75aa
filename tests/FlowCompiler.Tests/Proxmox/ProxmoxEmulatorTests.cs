using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

/// <summary>
/// Base of the client tests: a fresh <see cref="StandardCluster"/> and a client for each test, and a token that
/// bounds every call, so that a broken client fails instead of hanging the run.
/// </summary>
public abstract class ProxmoxEmulatorTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(60));

    internal ProxmoxEmulator Pve { get; private set; } = null!;

    internal ProxmoxClient Client { get; private set; } = null!;

    protected CancellationToken Bounded => _bound.Token;

    public async Task InitializeAsync()
    {
        Pve = await StandardCluster.StartAsync();
        Client = Pve.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Pve.DisposeAsync();
        _bound.Dispose();
    }

    /// <summary>The configuration writes the emulator received (POST and PUT).</summary>
    internal IReadOnlyList<RecordedRequest> Writes => Pve.Requests.Where(r => r.Method is "POST" or "PUT").ToList();

    /// <summary>Asserts that an exception's message is for an admin: no token secret in it or in its causes.</summary>
    protected static void AssertNoSecret(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            Assert.DoesNotContain(ProxmoxEmulator.TokenSecret, current.Message, StringComparison.Ordinal);
        }
    }
}
